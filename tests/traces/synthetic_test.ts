import assert from "node:assert/strict";
import { createRng } from "../../lib/core/rng.ts";
import {
  arrivalsPerSlot,
  lag1NormalScoreCorrelation,
  loadOrSynthesize,
  loadTraceStats,
  meanByPhase,
  quantiles,
  syntheticBandwidth,
  syntheticHoep,
  syntheticJobs,
} from "../../lib/traces/mod.ts";

const stats = loadTraceStats();
const probs = stats.quantileProbs;
const interior = probs.map((p, i) => [p, i] as const).filter(([p]) => p >= 0.05 && p <= 0.95);

/** |a - b| within a relative tolerance of the spread between the 5% and 95% quantiles. */
function assertQuantilesClose(
  actual: number[],
  expected: number[],
  tolerance: number,
  what: string,
) {
  const spread = (expected[probs.indexOf(0.95)] as number) -
    (expected[probs.indexOf(0.05)] as number);
  for (const [p, i] of interior) {
    const gap = Math.abs((actual[i] as number) - (expected[i] as number));
    assert.ok(gap <= tolerance * spread, `${what} q${p}: ${actual[i]} vs ${expected[i]}`);
  }
}

Deno.test("synthetic jobs reproduce the hourly profile, durations and GPU mix", () => {
  for (
    const [trace, seed] of [["msft-itp", 1], ["alibaba-v2023", 2], ["helios-saturn", 3]] as const
  ) {
    const jobStats = stats.jobs[trace];
    const period = jobStats.arrivalsPerHourProfile.length;
    const hours = period * 400;
    const df = syntheticJobs(jobStats, probs, createRng(seed).stream(trace), hours);
    const submit = df.getColumn("submit_s").toArray() as number[];
    const profile = meanByPhase([arrivalsPerSlot(submit, 3600, hours)], period);
    profile.forEach((rate, p) => {
      const expected = jobStats.arrivalsPerHourProfile[p] as number;
      // 400 hours per phase: Poisson standard error is sqrt(rate / 400); allow 4.5 of them
      assert.ok(
        Math.abs(rate - expected) <= 4.5 * Math.sqrt(expected / 400) + 1e-9,
        `${trace} ${p}`,
      );
    });
    if (jobStats.durationQuantilesS !== null) {
      const durations = df.getColumn("duration_s").toArray() as number[];
      assertQuantilesClose(quantiles(durations, probs), jobStats.durationQuantilesS, 0.03, trace);
    } else {
      assert.equal(df.getColumn("duration_s").nullCount(), df.height);
    }
    const gpus = df.getColumn("num_gpu").toArray() as number[];
    jobStats.gpuDistribution?.numGpu.forEach((n, i) => {
      const share = gpus.filter((g) => g === n).length / gpus.length;
      assert.ok(
        Math.abs(share - (jobStats.gpuDistribution?.share[i] as number)) < 0.01,
        `${trace} ${n}`,
      );
    });
  }
});

Deno.test("synthetic HOEP reproduces hour-of-day quantiles and serial dependence", () => {
  const hours = 24 * 2000;
  const df = syntheticHoep(stats, createRng(11).stream("hoep"), hours);
  const prices = df.getColumn("hoep_cad_per_mwh").toArray() as number[];
  for (const hour of [3, 12, 19]) {
    const atHour = prices.filter((_, k) => k % 24 === hour);
    assertQuantilesClose(
      quantiles(atHour, probs),
      stats.hoep.hourOfDayQuantilesCadPerMwh[hour] as number[],
      0.06,
      `hour ${hour}`,
    );
  }
  assertQuantilesClose(quantiles(prices, probs), stats.hoep.quantilesCadPerMwh, 0.05, "all hours");
  const rho = lag1NormalScoreCorrelation(prices);
  assert.ok(Math.abs(rho - stats.hoep.lag1NormalScoreCorrelation) < 0.05, String(rho));
});

Deno.test("synthetic bandwidth reproduces quantiles and lag-1 dependence", () => {
  const df = syntheticBandwidth(stats, createRng(5).stream("bw"), 100_000);
  const mbps = df.getColumn("bandwidth_mbps").toArray() as number[];
  assertQuantilesClose(quantiles(mbps, probs), stats.ghent.quantilesMbps, 0.04, "ghent");
  const rho = lag1NormalScoreCorrelation(mbps);
  assert.ok(Math.abs(rho - stats.ghent.lag1NormalScoreCorrelation) < 0.03, String(rho));
});

Deno.test("generators are reproducible for a seed and differ across seeds", () => {
  const a = syntheticJobs(stats.jobs["msft-itp"], probs, createRng(3).stream("x"), 48);
  const b = syntheticJobs(stats.jobs["msft-itp"], probs, createRng(3).stream("x"), 48);
  const c = syntheticJobs(stats.jobs["msft-itp"], probs, createRng(4).stream("x"), 48);
  assert.ok(a.frameEqual(b));
  assert.ok(!a.frameEqual(c));
});

Deno.test("loadOrSynthesize labels synthetic output and keeps the trace's columns", () => {
  const missing = Deno.makeTempDirSync({ prefix: "no-traces-" });
  const jobs = loadOrSynthesize({ kind: "jobs", trace: "google-2011", hours: 24 }, {
    seed: 1,
    dir: missing,
  });
  assert.equal(jobs.source, "synthetic");
  assert.match(
    jobs.note,
    /^SYNTHETIC jobs: \d+ arrivals over 24 h .*raw trace google-2011 not found/,
  );
  assert.deepEqual(jobs.df.columns, ["group", "submit_s", "duration_s", "num_gpu"]);
  assert.equal(jobs.df.getColumn("num_gpu").nullCount(), jobs.df.height);
  const hoep = loadOrSynthesize({ kind: "hoep", hours: 48 }, { seed: 1, prefer: "synthetic" });
  assert.equal(hoep.source, "synthetic");
  assert.match(hoep.note, /synthetic data was requested/);
  assert.deepEqual(hoep.df.columns, ["hour_index", "hour_of_day", "hoep_cad_per_mwh"]);
  assert.equal(hoep.df.height, 48);
  const bw = loadOrSynthesize({ kind: "bandwidth", seconds: 360 }, { seed: 1, dir: missing });
  assert.deepEqual(bw.df.columns, ["t_s", "bandwidth_mbps"]);
  assert.equal(bw.df.height, 360);
});
