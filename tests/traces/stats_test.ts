import assert from "node:assert/strict";
import {
  deriveTraceStats,
  loadTraceStats,
  TRACE_NAMES,
  tracesAvailable,
} from "../../lib/traces/mod.ts";

const allPresent = TRACE_NAMES.every((name) => tracesAvailable(name));

Deno.test({
  name: "data/trace_stats.json equals a fresh derivation from the raw traces",
  ignore: !allPresent,
  fn() {
    assert.deepEqual(deriveTraceStats(), loadTraceStats());
  },
});

Deno.test("committed statistics agree with the figures stated in PROVENANCE.md", () => {
  const stats = loadTraceStats();
  const msft = stats.jobs["msft-itp"];
  assert.equal(msft.jobCount, 69_351);
  assert.equal(Math.round(msft.arrivalsPerHour.mean * 10) / 10, 48.2);
  assert.equal(msft.arrivalsPerHour.max, 664);
  const median = stats.quantileProbs.indexOf(0.5);
  assert.equal(msft.durationQuantilesS?.[median], 10_537);
  assert.equal(stats.jobs["alibaba-v2023"].durationCount, 7_255);
  assert.equal(stats.jobs["alibaba-v2023"].durationQuantilesS?.[median], 616);
  assert.equal(stats.jobs["google-2011"].arrivalsPerHour.max, 3_164);
  assert.equal(stats.phillyRuntime.quantilesS[median], 1_186);
  assert.equal(stats.hoep.hours, 8_784);
  assert.equal(stats.hoep.quantilesCadPerMwh[median], 10.38);
  assert.equal(stats.ghent.seconds, 18_036);
  assert.equal(stats.quantileProbs.length, 25);
  for (const job of Object.values(stats.jobs)) {
    const share = job.gpuDistribution?.share.reduce((a, b) => a + b, 0) ?? 1;
    assert.ok(Math.abs(share - 1) < 1e-4);
  }
});
