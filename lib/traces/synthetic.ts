/**
 * Generators calibrated on the statistics in `data/trace_stats.json`, used when the raw traces
 * are absent. Every generator takes a seeded {@link Rng} stream, so output is reproducible.
 *
 * - arrivals: non-homogeneous Poisson process, piecewise constant per hour, rate taken from the
 *   trace's hourly profile (so burstiness beyond Poisson is not reproduced);
 * - durations, prices, bandwidth: inverse-CDF sampling through the stored quantiles, linear
 *   between grid points (tails beyond the 1% / 99% points are therefore coarse);
 * - prices and bandwidth also keep their lag-1 dependence through a Gaussian AR(1) copula.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { Rng } from "../core/rng.ts";
import { ParameterError } from "../core/errors.ts";
import {
  requireFiniteArray,
  requireInRange,
  requireInteger,
  requireMethods,
  requireNonEmpty,
} from "../core/validate.ts";
import { ar1Uniforms } from "./dependence.ts";
import { inverseCdf } from "./quantiles.ts";
import type { JobTraceStats, TraceStats } from "./stats.ts";
import type { DataFrame } from "../core/frame.ts";

/** Largest mean arrival rate per hour {@link poissonArrivals} accepts (far above any trace). */
export const MAX_ARRIVALS_PER_HOUR = 1e6;

/** Longest synthetic trace, in hours (ten years). */
export const MAX_SYNTHETIC_HOURS = 24 * 3660;

/** Most arrivals one {@link poissonArrivals} call may expect to generate (memory bound). */
export const MAX_EXPECTED_ARRIVALS = 1e7;

/**
 * Submission times from a Poisson process whose rate in hour `k` is
 * `profile[(startPhase + k) mod profile.length]` arrivals per hour.
 *
 * @param rng random stream
 * @param profile mean arrivals per hour by phase (each in [0, {@link MAX_ARRIVALS_PER_HOUR}])
 * @param hours number of hours to generate (integer in [1, {@link MAX_SYNTHETIC_HOURS}])
 * @param startPhase phase of hour 0 (default 0)
 * @returns sorted submission times in seconds from 0
 * @throws {ParameterError} for a bad hour count, phase or rate, or more than
 *   {@link MAX_EXPECTED_ARRIVALS} expected arrivals
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../core/rng.ts";
 * import { poissonArrivals } from "./synthetic.ts";
 * const times = poissonArrivals(createRng(1).stream("arrivals"), [2, 5], 48);
 * assert.ok(times.every((t, i) => t >= 0 && t < 48 * 3600 && (i === 0 || t >= times[i - 1]!)));
 * assert.ok(Math.abs(times.length - 168) < 4 * Math.sqrt(168)); // 24 h × 2 + 24 h × 5 expected
 * assert.deepEqual(poissonArrivals(createRng(1).stream("arrivals"), [2, 5], 48), times);
 * ```
 */
export function poissonArrivals(
  rng: Rng,
  profile: readonly number[],
  hours: number,
  startPhase = 0,
): number[] {
  requireNonEmpty("profile", profile);
  profile.forEach((rate, i) => requireInRange(`profile[${i}]`, rate, 0, MAX_ARRIVALS_PER_HOUR));
  requireInteger("hours", hours, 1, MAX_SYNTHETIC_HOURS);
  requireInteger("startPhase", startPhase, 0);
  const expected = hours * profile.reduce((sum, rate) => sum + rate, 0) / profile.length;
  if (expected > MAX_EXPECTED_ARRIVALS) {
    throw new ParameterError(
      "profile",
      `mean ${expected / hours} per hour over ${hours} h`,
      `at most ${MAX_EXPECTED_ARRIVALS} expected arrivals in all`,
    );
  }
  const times: number[] = [];
  for (let k = 0; k < hours; k++) {
    const count = rng.poisson(profile[(startPhase + k) % profile.length] as number);
    for (let i = 0; i < count; i++) times.push((k + rng.uniform()) * 3600);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Independent draws from the distribution whose quantiles are given.
 *
 * @param rng random stream
 * @param probs probabilities of the quantiles (increasing, 0 to 1)
 * @param values the quantiles
 * @param count number of draws
 * @returns the draws
 */
export function sampleQuantiles(
  rng: Rng,
  probs: readonly number[],
  values: readonly number[],
  count: number,
): number[] {
  requireInteger("count", count, 0, 1e8);
  requireMethods("rng", rng, ["uniform"], "a random stream");
  return Array.from({ length: count }, () => inverseCdf(probs, values, rng.uniform()));
}

/**
 * Independent draws from a discrete distribution.
 *
 * @param rng random stream
 * @param outcomes the possible values
 * @param shares their probabilities (summing to about 1)
 * @param count number of draws
 * @returns the draws
 */
export function sampleDiscrete(
  rng: Rng,
  outcomes: readonly number[],
  shares: readonly number[],
  count: number,
): number[] {
  requireInteger("count", count, 0, 1e8);
  requireFiniteArray("outcomes", outcomes);
  requireFiniteArray("shares", shares, outcomes.length);
  shares.forEach((share, i) => requireInRange(`shares[${i}]`, share, 0, Number.MAX_VALUE));
  requireMethods("rng", rng, ["uniform"], "a random stream");
  const total = shares.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new ParameterError("shares", shares, "shares with a positive sum");
  return Array.from({ length: count }, () => {
    let u = rng.uniform() * total;
    for (let i = 0; i < outcomes.length; i++) {
      u -= shares[i] as number;
      if (u < 0) return outcomes[i] as number;
    }
    return outcomes.at(-1) as number;
  });
}

/**
 * A synthetic job trace in the common shape (`group`, `submit_s`, `duration_s`, `num_gpu`).
 *
 * @param stats the trace's statistics
 * @param quantileProbs probabilities of `stats.durationQuantilesS`
 * @param rng random stream; sub-streams `arrivals`, `durations`, `gpus` are used
 * @param hours hours to generate (default: the trace's `hoursPerGroup`)
 * @returns jobs in one group `"synthetic"`; `duration_s`/`num_gpu` are null when the trace has
 *   no such data
 */
export function syntheticJobs(
  stats: JobTraceStats,
  quantileProbs: readonly number[],
  rng: Rng,
  hours: number = stats?.hoursPerGroup,
): DataFrame {
  if (stats === null || typeof stats !== "object") {
    throw new ParameterError("stats", stats, "a JobTraceStats object (traces.loadTraceStats)");
  }
  requireMethods("rng", rng, ["stream"], "a random generator or stream");
  const submit = poissonArrivals(rng.stream("arrivals"), stats.arrivalsPerHourProfile, hours);
  const n = submit.length;
  const durations = stats.durationQuantilesS === null
    ? new Array<null>(n).fill(null)
    : sampleQuantiles(rng.stream("durations"), quantileProbs, stats.durationQuantilesS, n);
  const gpus = stats.gpuDistribution === null ? new Array<null>(n).fill(null) : sampleDiscrete(
    rng.stream("gpus"),
    stats.gpuDistribution.numGpu,
    stats.gpuDistribution.share,
    n,
  );
  return pl.DataFrame([
    pl.Series("group", new Array<string>(n).fill("synthetic"), pl.Utf8),
    pl.Series("submit_s", submit, pl.Float64),
    pl.Series("duration_s", durations, pl.Float64),
    pl.Series("num_gpu", gpus, pl.Float64),
  ]);
}

/**
 * Synthetic hourly HOEP prices: each hour's marginal is that hour-of-day's stored quantile
 * function; consecutive hours are linked by the stored lag-1 normal-score correlation.
 *
 * @param stats the statistics file
 * @param rng random stream
 * @param hours number of hours
 * @param startHourOfDay hour of day of the first hour, 0-23 (default 0)
 * @returns columns `hour_index`, `hour_of_day`, `hoep_cad_per_mwh`
 */
export function syntheticHoep(
  stats: TraceStats,
  rng: Rng,
  hours: number,
  startHourOfDay = 0,
): DataFrame {
  if (stats === null || typeof stats !== "object" || typeof stats.hoep !== "object") {
    throw new ParameterError("stats", stats, "a TraceStats object (traces.loadTraceStats)");
  }
  requireInteger("hours", hours, 1);
  requireInteger("startHourOfDay", startHourOfDay, 0, 23);
  const u = ar1Uniforms(rng, hours, stats.hoep.lag1NormalScoreCorrelation);
  const hourOfDay = u.map((_, k) => (startHourOfDay + k) % 24);
  const prices = u.map((p, k) =>
    inverseCdf(
      stats.quantileProbs,
      stats.hoep.hourOfDayQuantilesCadPerMwh[hourOfDay[k] as number] as number[],
      p,
    )
  );
  return pl.DataFrame([
    pl.Series("hour_index", u.map((_, k) => k), pl.Float64),
    pl.Series("hour_of_day", hourOfDay, pl.Float64),
    pl.Series("hoep_cad_per_mwh", prices, pl.Float64),
  ]);
}

/**
 * Synthetic 1-second bandwidth series with the Ghent 4G marginal and lag-1 dependence.
 *
 * @param stats the statistics file
 * @param rng random stream
 * @param seconds number of 1-second slots
 * @returns columns `t_s` (slot start), `bandwidth_mbps`
 */
export function syntheticBandwidth(stats: TraceStats, rng: Rng, seconds: number): DataFrame {
  if (stats === null || typeof stats !== "object" || typeof stats.ghent !== "object") {
    throw new ParameterError("stats", stats, "a TraceStats object (traces.loadTraceStats)");
  }
  requireInteger("seconds", seconds, 1);
  const u = ar1Uniforms(rng, seconds, stats.ghent.lag1NormalScoreCorrelation);
  return pl.DataFrame([
    pl.Series("t_s", u.map((_, t) => t), pl.Float64),
    pl.Series(
      "bandwidth_mbps",
      u.map((p) => inverseCdf(stats.quantileProbs, stats.ghent.quantilesMbps, p)),
      pl.Float64,
    ),
  ]);
}
