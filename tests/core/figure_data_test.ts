import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import fc from "fast-check";
import { plot } from "../../lib/core/display.ts";
import { dataMismatches, drawnLayers, figureData } from "../../lib/core/figure_audit.ts";
import { csvDataUrl, parseCsv, recordMarks, toCsv } from "../../lib/core/figure_data.ts";
import { ParameterError } from "../../lib/core/errors.ts";

const bars = [
  { setting: "50 nodes", welfare: 2, algorithm: "pdftsp" },
  { setting: "100 nodes", welfare: 3.25, algorithm: "titan" },
  { setting: "100 nodes", welfare: 0, algorithm: "pdftsp" },
];

Deno.test("a figure's CSV lists the rows of its marks with their data fields", () => {
  const figure = plot({
    title: "Fig. 13: welfare",
    color: { legend: true },
    marks: [
      Plot.barY(bars, { x: "setting", y: "welfare", fill: "algorithm" }),
      Plot.ruleY([1.5]),
      Plot.frame(),
    ],
  });
  assert.match(figure.html, /download="fig-13-welfare\.csv"/);
  const rows = figureData(figure.html)!;
  // Stacked bars: the rows hold the data's `welfare`, not the stacked y1/y2 positions.
  assert.deepEqual(
    rows.filter((row) => row.mark === "bar").map((row) => [
      row.setting,
      row.welfare,
      row.algorithm,
    ]),
    bars.map((bar) => [bar.setting, String(bar.welfare), bar.algorithm]),
  );
  assert.deepEqual(rows.filter((row) => row.mark === "rule").map((row) => row.y), ["1.5"]);
  assert.deepEqual(drawnLayers(figure.html).map((layer) => [layer.label, layer.shapes]), [
    ["bar", 3],
    ["rule", 1],
  ]);
  assert.deepEqual(dataMismatches(figure.html), []);
});

Deno.test("rows a mark cannot draw are not in the CSV (bars from 0 on a log scale)", () => {
  const times = [{ algorithm: "pdftsp", ms: 2 }, { algorithm: "titan", ms: 0.5 }, {
    algorithm: "eft",
    ms: 0,
  }];
  const figure = plot({
    y: { type: "log" },
    marks: [
      Plot.barY(times, { x: "algorithm", y: "ms" }),
      Plot.dot(times, { x: "algorithm", y: "ms" }),
    ],
  });
  const rows = figureData(figure.html)!;
  assert.equal(rows.filter((row) => row.mark === "bar").length, 0);
  // The dot at 0 has no place on a log axis either.
  assert.deepEqual(rows.filter((row) => row.mark === "dot").map((row) => row.ms), ["2", "0.5"]);
  assert.deepEqual(dataMismatches(figure.html), []);
});

Deno.test("faceted marks record their facet; a bare plot gets a caption with the link", () => {
  const points = [{ a: 1, b: 2, c: "left" }, { a: 2, b: 3, c: "right" }, {
    a: 3,
    b: 1,
    c: "right",
  }];
  const figure = plot({ marks: [Plot.dot(points, { x: "a", y: "b", fx: "c" })] });
  assert.match(figure.html, /^<figure><figcaption class="plot-title"><a class="figure-data"/);
  assert.deepEqual(
    figureData(figure.html)!.map((row) => [row.c, row.a, row.b]),
    points.map((p) => [p.c, String(p.a), String(p.b)]),
  );
  assert.deepEqual(dataMismatches(figure.html), []);
});

Deno.test("lines and areas: one CSV row per finite point, for linear and step curves", () => {
  const series = fc.array(
    fc.array(fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constant(NaN)), {
      minLength: 2,
      maxLength: 12,
    }),
    { minLength: 1, maxLength: 4 },
  );
  fc.assert(
    fc.property(series, fc.constantFrom("linear", "step-after"), (values, curve) => {
      const rows = values.flatMap((ys, s) => ys.map((y, x) => ({ x, y, lo: y - 1, s: `s${s}` })));
      const figure = plot({
        marks: [
          Plot.line(rows, { x: "x", y: "y", stroke: "s", curve }),
          Plot.areaY(rows, { x: "x", y1: "lo", y2: "y", fill: "s", curve }),
        ],
      });
      const finite = rows.filter((row) => Number.isFinite(row.y)).length;
      const csv = figureData(figure.html)!;
      assert.equal(csv.filter((row) => row.mark === "line").length, finite);
      assert.equal(csv.filter((row) => row.mark === "area").length, finite);
      assert.deepEqual(dataMismatches(figure.html), []);
    }),
    { seed: 15, numRuns: 60 },
  );
});

Deno.test("a CSV that leaves out a drawn row is reported", () => {
  const figure = plot({ marks: [Plot.dot(bars, { x: "setting", y: "welfare" })] }).html;
  const rows = figureData(figure)!;
  const short = toCsv(rows.slice(1).map((row) => new Map(Object.entries(row))));
  const tampered = figure.replace(/href="data:text\/csv[^"]*"/, `href="${csvDataUrl(short)}"`);
  assert.deepEqual(dataMismatches(tampered), [
    "mark 1 (dot, CSV layer 1): 2 rows for 3 shapes, 0 vertices",
  ]);
  assert.deepEqual(dataMismatches(figure.replace(/class="figure-data"/, "")), [
    "the figure has no data (CSV) link",
  ]);
});

Deno.test("the caller's marks are not modified: a mark plotted twice gives the same CSV", () => {
  const mark = Plot.dot(bars, { x: "setting", y: "welfare" });
  const render = mark.render;
  const first = figureData(plot({ marks: [mark] }).html);
  const second = figureData(plot({ marks: [mark] }).html);
  assert.equal(mark.render, render);
  assert.deepEqual(first, second);
  assert.equal(first!.length, 3);
});

Deno.test("CSV text round-trips quotes, commas, line breaks and UTF-8", () => {
  const text = fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "é", "1", " ") });
  fc.assert(
    fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (pairs) => {
      const rows = pairs.map(([a, b]) => new Map([["a", a], ['b,"c"', b]]));
      const csv = toCsv(rows);
      assert.deepEqual(parseCsv(csv), pairs.map(([a, b]) => ({ a, 'b,"c"': b })));
      const url = csvDataUrl(csv);
      const bytes = Uint8Array.from(atob(url.split("base64,")[1]!), (c) => c.charCodeAt(0));
      assert.equal(new TextDecoder().decode(bytes), csv);
    }),
    { seed: 15, numRuns: 100 },
  );
  assert.equal(
    toCsv([new Map<string, unknown>([["d", new Date(0)], ["n", NaN], ["u", null]])]),
    "d,n,u\n1970-01-01T00:00:00.000Z,,\n",
  );
  assert.throws(() => recordMarks("dot" as unknown as unknown[]), ParameterError);
  assert.throws(() => parseCsv(3 as unknown as string), ParameterError);
});
