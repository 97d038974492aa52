import assert from "node:assert/strict";
import {
  arrivalProfilePlot,
  bandwidthCdfPlot,
  durationCdfPlot,
  efficiencyPlot,
  hardwareSourceRows,
  hardwareTableRows,
  hoepProfilePlot,
  jobTraceSummaryRows,
  priceHistoryRows,
  priceVsThroughputPlot,
  traceCatalogueRows,
} from "../../lib/overview/mod.ts";
import { HARDWARE } from "../../lib/hardware/mod.ts";
import { JOB_TRACES, loadTraceStats, TRACE_NAMES } from "../../lib/traces/mod.ts";

const circles = (html: string) => (html.match(/<circle/g) ?? []).length;

/** Plot numbers line markers with a process-wide counter so ids stay unique within a page. */
const withoutMarkerIds = (html: string) => html.replace(/plot-marker-\d+/g, "plot-marker");

Deno.test("overview figures render identically on every call (up to page-unique marker ids)", () => {
  const figures = [priceVsThroughputPlot, efficiencyPlot, arrivalProfilePlot, durationCdfPlot];
  for (const figure of figures) {
    assert.equal(withoutMarkerIds(figure().html), withoutMarkerIds(figure().html), figure.name);
  }
});

Deno.test("price plot has one dot per device with both a price and an FP16 figure", () => {
  const expected = HARDWARE.filter((p) => p.onDemandUsdPerHour.known && p.fp16Tflops.known).length;
  assert.ok(expected >= 5);
  assert.equal(circles(priceVsThroughputPlot().html), expected);
});

Deno.test("efficiency plot has one dot per device with a power and a throughput figure", () => {
  const expected =
    HARDWARE.filter((p) => p.tdpWatts.known && (p.fp16Tflops.known || p.fp32Tflops.known)).length;
  assert.equal(circles(efficiencyPlot().html), expected);
});

Deno.test("trace views cover every trace folder and job trace", () => {
  assert.deepEqual(traceCatalogueRows().map((row) => row.folder), [...TRACE_NAMES]);
  const summary = jobTraceSummaryRows();
  assert.deepEqual(summary.map((row) => row.trace), [...JOB_TRACES]);
  const stats = loadTraceStats();
  for (const row of summary) {
    assert.equal(row.jobs, stats.jobs[row.trace as keyof typeof stats.jobs].jobCount);
  }
  for (const figure of [arrivalProfilePlot, durationCdfPlot, hoepProfilePlot, bandwidthCdfPlot]) {
    assert.match(figure().html, /<svg/, figure.name);
  }
});

Deno.test("hardware tables list every device and every figure", () => {
  assert.equal(hardwareTableRows().length, HARDWARE.length);
  assert.equal(hardwareSourceRows().length, HARDWARE.length * 8);
  for (const row of hardwareSourceRows()) {
    assert.ok((row.value === "unknown" ? row.note ?? "" : row.source ?? "").length > 0, row.device);
  }
});

Deno.test("price history lists every recorded price once, one current price per priced device", () => {
  const rows = priceHistoryRows();
  const recorded = HARDWARE.reduce((n, p) => n + p.onDemandPriceHistory.length, 0);
  assert.equal(rows.length, recorded);
  const priced = HARDWARE.filter((p) => p.onDemandUsdPerHour.known).map((p) => p.id);
  assert.deepEqual(rows.filter((r) => r.current === "yes").map((r) => r.device), priced);
  const h100 = rows.filter((r) => r.device === "h100-sxm").map((r) => r["list date"]);
  assert.deepEqual(h100, ["2023-07", "2025-06"]);
});

Deno.test("the sources table says inputs checked, not agrees, for formula-derived checks", () => {
  const v100 = hardwareSourceRows().find((r) =>
    r.device === "v100" && r.figure === "FP32 (TFLOPS)"
  );
  assert.ok(v100?.["cross-check"]?.startsWith("inputs checked"));
  const table = hardwareTableRows().find((r) => r.device?.includes("T4"));
  assert.equal(table?.["16-bit formats"], "FP16");
});
