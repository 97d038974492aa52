import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import pl from "nodejs-polars";
import {
  CLAIMS_MIME,
  claimsTable,
  formatNumber,
  note,
  plot,
  table,
  verificationNotesTable,
} from "../../lib/core/display.ts";
import { evaluateClaims, within } from "../../lib/core/claims.ts";
import { runParams } from "../../lib/core/params.ts";
import { progress } from "../../lib/core/progress.ts";

const display = (value: { [key: symbol]: () => Record<string, unknown> }) =>
  value[Symbol.for("Jupyter.display")]!();

Deno.test("plot renders an SVG with one circle per data point, in a figure with its data", () => {
  const figure = plot({ marks: [Plot.dot([[1, 2], [2, 3], [3, 1]])] });
  assert.match(
    figure.html,
    /^<figure><figcaption class="plot-title"><a class="figure-data"[^>]*>data \(CSV, 3 rows\)<\/a><\/figcaption><svg/,
  );
  assert.equal(figure.html.match(/<circle/g)?.length, 3);
  assert.equal(display(figure)["text/html"], figure.html);
});

Deno.test("table escapes HTML, formats numbers and accepts DataFrames", () => {
  const rows = table([{ name: "<b>", value: 1 / 3 }], { caption: "c" });
  assert.match(rows.html, /&lt;b&gt;/);
  assert.match(rows.html, /<td>0.3333<\/td>/);
  const frame = table(pl.DataFrame({ a: [1, 2], b: ["x", "y"] }));
  assert.equal(frame.html.match(/<tr>/g)?.length, 3);
  const long = table(Array.from({ length: 60 }, (_, i) => ({ i })), { maxRows: 5 });
  assert.match(long.html, /55 more rows/);
});

Deno.test("formatNumber keeps integers and uses exponents for tiny values", () => {
  assert.equal(formatNumber(42), "42");
  assert.equal(formatNumber(8.38e-6), "8.380e-6");
  assert.equal(formatNumber(1.23456), "1.235");
});

Deno.test("note renders code and bold", () => {
  assert.equal(
    note("a `b` **c**").html,
    '<div class="toolkit-note"><p>a <code>b</code> <strong>c</strong></p></div>',
  );
});

Deno.test("claimsTable carries the results as a MIME bundle for the report index", async () => {
  const results = await evaluateClaims([{
    id: "d.x",
    paper: "d",
    where: "Eq. 2",
    statement: "two",
    paperValue: 2,
    rule: within({ abs: 0 }),
    evidence: "independent",
    measure: () => 2,
  }]);
  const bundle = display(claimsTable(results)) as Record<
    string,
    { summary: { reproduced: number } }
  >;
  assert.equal(bundle[CLAIMS_MIME]!.summary.reproduced, 1);
  assert.match(claimsTable(results).html, /<td>independent<\/td>/);
  assert.match(claimsTable([]).html, /No claims are recorded/);
});

Deno.test("verificationNotesTable lists findings about our own tools", () => {
  const html = verificationNotesTable([
    { id: "d.grid", topic: "grid search", finding: "misses the optimum", value: 0.25 },
  ]).html;
  assert.match(html, /d\.grid/);
  assert.match(html, /misses the optimum/);
  assert.match(html, /0\.25/);
});

Deno.test("runParams validates mode and seed", () => {
  assert.deepEqual(runParams(() => undefined), { mode: "quick", seed: 1 });
  const env = (values: Record<string, string>) => (name: string) => values[name];
  assert.deepEqual(runParams(env({ TOOLKIT_MODE: "paper", TOOLKIT_SEED: "7" })), {
    mode: "paper",
    seed: 7,
  });
  assert.throws(() => runParams(env({ TOOLKIT_MODE: "fast" })), /TOOLKIT_MODE = "fast"/);
  assert.throws(() => runParams(env({ TOOLKIT_SEED: "x" })), /TOOLKIT_SEED = NaN/);
});

Deno.test("progress prints throttled terminal lines and a final line", () => {
  const lines: string[] = [];
  const bar = progress("sweep", 1000, (line) => lines.push(line));
  for (let i = 0; i < 1000; i++) bar.tick();
  bar.done();
  assert.equal(bar.completed, 1000);
  assert.ok(lines.length >= 2 && lines.length < 50);
  assert.match(lines.at(-1)!, /^sweep: 1000\/1000 \(100%\) .* done$/);
});
