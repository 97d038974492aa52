import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plot, roundNumbersIn } from "../../lib/core/display.ts";
import { auditFigure, dataMismatches, figuresOf } from "../../lib/core/figure_audit.ts";
import { MECHANISM_COLOURS } from "../../lib/core/palette.ts";
import { runtimeBars, welfareBars } from "../../lib/papers/pdftsp/figures.ts";
import type { WelfareRow } from "../../lib/papers/pdftsp/experiments.ts";
import { ratioFigure } from "../../lib/papers/ppm/figures.ts";
import { loadStudyFigure } from "../../lib/papers/ppm/load_study.ts";

const welfareRows: WelfareRow[] = ["50 nodes", "100 nodes", "150 nodes"].flatMap((setting, i) =>
  (["pdftsp", "titan", "eft", "ntm"] as const).map((algorithm, j) => ({
    figure: "13",
    setting,
    algorithm,
    welfare: 100 * (i + 1) - 10 * j,
    admitted: 5,
    tasks: 10,
    perTaskMs: 0.02 * 10 ** j * (i + 1),
    arrivalsBasis: "synthetic",
    deadlineFeasible: 10,
    welfareUpperBound: 400,
    limitedSlots: 0,
  }))
);

Deno.test("Fig. 13: bars of scheduling time on a log scale are drawn", () => {
  const audit = auditFigure(runtimeBars(welfareRows).html);
  // pdftsp and titan in three settings.
  assert.equal(audit.dataMarks, 6);
});

Deno.test("an axis with nothing on it counts no data mark", () => {
  // Bars from 0 on a log scale: Plot drops every bar and keeps the axes.
  const rows = [{ x: "a", y: 2 }, { x: "b", y: 20 }];
  const empty = plot({ y: { type: "log" }, marks: [Plot.barY(rows, { x: "x", y: "y" })] });
  assert.equal(auditFigure(empty.html).dataMarks, 0);
  const rules = plot({ marks: [Plot.ruleY([0, 1]), Plot.frame()] });
  assert.equal(auditFigure(rules.html).dataMarks, 0);
});

Deno.test("numeric categories sort as numbers, not as strings", () => {
  const html = welfareBars(welfareRows, "Fig. 13 welfare").html;
  const labels = [...html.matchAll(/<text[^>]*>(\d+ nodes)<\/text>/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(labels)], ["50 nodes", "100 nodes", "150 nodes"]);
});

Deno.test("a mechanism keeps its colour in every figure", () => {
  const ppmSweep = ratioFigure(
    ["PPM-TP", "PPM-OP"].flatMap((mechanism) =>
      [1, 2, 3].map((x) => ({
        x,
        mechanism,
        erLow: 1,
        erHigh: 1.2,
        instances: 2,
      }))
    ),
    "Fig. 4",
    "x",
  );
  const load = loadStudyFigure(
    ["PPM-MP", "PPM-OP"].flatMap((mechanism) =>
      [1, 2, 4].map((scale) => ({
        scale,
        offeredPeak: 0.3,
        mechanism,
        erLow: 1,
        erHigh: 1.1,
        peakCpu: 0.3,
      }))
    ),
    "peak",
    "load",
  );
  const welfare = welfareBars(welfareRows.filter((r) => r.algorithm !== "pdftsp"), "Fig. 4");
  const runtime = runtimeBars(welfareRows);
  const seen = new Map<string, Set<string>>();
  for (const figure of [ppmSweep, load, welfare, runtime]) {
    const { legend, dataMarks } = auditFigure(figure.html);
    assert.ok(dataMarks > 0);
    assert.deepEqual(dataMismatches(figure.html), []);
    for (const [label, colour] of legend) {
      seen.set(label.toLowerCase(), (seen.get(label.toLowerCase()) ?? new Set()).add(colour));
    }
  }
  for (const [label, colours] of seen) {
    assert.deepEqual([...colours], [MECHANISM_COLOURS[label]], `${label}: ${[...colours]}`);
  }
  assert.ok(seen.has("ppm-op") && seen.has("titan") && seen.has("pdftsp"));
});

Deno.test("legend labels round long decimals; titles become captions", () => {
  assert.equal(roundNumbersIn("φ_u (u = 0.5495567825580205)"), "φ_u (u = 0.5496)");
  assert.equal(roundNumbersIn("s = 1.2"), "s = 1.2");
  const figure = plot({
    title: "A title",
    subtitle: "and a subtitle",
    color: { legend: true },
    marks: [Plot.dot([{ c: "u = 0.5495567825580205", x: 1, y: 1 }], { x: "x", y: "y", fill: "c" })],
  });
  assert.match(
    figure.html,
    /<figcaption class="plot-title"><strong>A title<\/strong> <span class="plot-subtitle">and a subtitle<\/span> <a class="figure-data" download="a-title\.csv" href="data:text\/csv;[^"]*">data \(CSV, 1 rows\)<\/a><\/figcaption>/,
  );
  assert.doesNotMatch(figure.html, /<h[23]/);
  assert.match(figure.html, /u = 0\.5496/);
  assert.equal(figuresOf(`<p>x</p>${figure.html}${figure.html}`).length, 2);
});

Deno.test("the left margin fits long y tick labels", () => {
  const figure = plot({
    marks: [Plot.dot([{ x: 1, y: 15000 }, { x: 2, y: 1e6 }], { x: "x", y: "y" })],
  });
  const margin = Number(
    figure.html.match(/aria-label="y-axis tick label"[\s\S]*?translate\((\d+)/)?.[1],
  );
  assert.ok(margin >= "1,000,000".length * 6, `margin ${margin}`);
  // A margin given too narrow grows as well; a wide one is kept.
  const named = (marginLeft: number) =>
    Number(
      plot({
        marginLeft,
        marks: [Plot.dot([{ x: 1, y: "jetson-orin-nano-super" }], { x: "x", y: "y" })],
      }).html.match(/aria-label="y-axis tick label"[\s\S]*?translate\((\d+)/)?.[1],
    );
  assert.ok(named(120) >= "jetson-orin-nano-super".length * 6, `margin ${named(120)}`);
  assert.equal(named(300), 300);
});

Deno.test("log axes label plain numbers; binned colour legends get room for their ticks", () => {
  const times = plot({
    y: { type: "log" },
    marks: [Plot.dot([{ x: 1, y: 0.02 }, { x: 2, y: 30 }], { x: "x", y: "y" })],
  });
  const labels = [...times.html.matchAll(/<text[^>]*y="0\.32em">([^<]*)<\/text>/g)].map((m) =>
    m[1]
  );
  assert.ok(labels.includes("0.02") && labels.includes("10"), labels.join(" "));
  assert.ok(!labels.some((label) => /[mkµ]$/.test(label!)), labels.join(" "));
  const heat = plot({
    color: { type: "quantize", n: 9, scheme: "viridis", legend: true },
    marks: [Plot.cell([{ x: 1, v: 0 }, { x: 2, v: 2000 }], { x: "x", fill: "v" })],
  });
  const legendWidth = Number(
    heat.html.match(/<svg class="[^"]*-ramp"[^>]*width="(\d+)"/)?.[1] ??
      heat.html.match(/<svg[^>]*width="(\d+)"[^>]*class="[^"]*-ramp"/)?.[1],
  );
  assert.ok(legendWidth >= 9 * 56, `legend ${legendWidth} px`);
});
