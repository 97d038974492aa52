/**
 * Section 6 arrivals and durations: the Google 2011 job list read through `lib/traces`
 * (`loadOrSynthesize`, trace `google-2011`), or — when the raw trace is absent or when asked —
 * its calibrated synthetic stand-in, always labelled with its `source`.
 *
 * How the N jobs are drawn is not said in the paper, so two readings are implemented
 * ({@link JobDraw}): `random` (default) — a window of `slots` × 10 s starting at a seeded
 * uniformly random time of the trace, N jobs sampled uniformly without replacement from the jobs
 * submitted in it; `consecutive` — N consecutive jobs of the trace from a seeded uniformly random
 * first job, the window starting at its submission (the N jobs must be submitted within the
 * window). Either way duration = end − first schedule in slots (rounded up), multiplied by
 * `durationScale` (1 = as recorded; the load studies raise it), clipped to the window. Jobs
 * without a recorded duration (never ended inside the trace, or never scheduled) run to the end
 * of the window.
 *
 * @example
 * ```ts
 * import { createRng } from "../../core/rng.ts";
 * import { googleJobTimes, sampleWindow } from "./arrivals.ts";
 * const jobs = googleJobTimes("synthetic");
 * const stays = sampleWindow(jobs, createRng(1).stream("window"), 360, 100);
 * console.log(jobs.source, stays.length); // "synthetic" 100
 * ```
 *
 * @module
 */
import pl from "nodejs-polars";
import { ParameterError } from "../../core/errors.ts";
import type { Rng } from "../../core/rng.ts";
import {
  requireInteger,
  requireMethods,
  requireObject,
  requireOneOf,
  requirePositive,
} from "../../core/validate.ts";
import { loadOrSynthesize } from "../../traces/mod.ts";

/** Seconds per slot in Section 6.1 (3600 slots = 10 hours). */
export const SLOT_SECONDS = 10;

/**
 * Seed of the synthetic stand-in of the whole trace. The stand-in plays the role of the one
 * fixed trace, so it is generated once; instance seeds choose windows and jobs within it.
 */
export const SYNTHETIC_TRACE_SEED = 2011;

/** Job submit times and durations in seconds, sorted by submit time. */
export interface JobTimes {
  /** read from the Google 2011 trace or its calibrated stand-in */
  readonly source: "trace" | "synthetic";
  /** submit times in seconds, ascending */
  readonly submit: Float64Array;
  /** Duration in seconds, NaN when unknown (the job never ended inside the trace). */
  readonly duration: Float64Array;
  /** What was loaded, from `lib/traces` (show it next to any result). */
  readonly note: string;
}

/** How the N jobs of an instance are drawn from the trace (the paper does not say). */
export type JobDraw = "random" | "consecutive";

/** The readings, for sweeps. */
export const JOB_DRAWS: readonly JobDraw[] = ["random", "consecutive"];

/** One customer's stay inside a window. */
export interface Stay {
  /** first slot inside the window */
  readonly arrival: number;
  /** number of slots, cut at the window's end */
  readonly duration: number;
}

const cache = new Map<string, JobTimes>();

/**
 * The Google 2011 jobs as typed arrays (cached per process).
 *
 * @param prefer `"synthetic"` forces the calibrated stand-in (default: the trace when present)
 * @returns submit times, durations and the source label
 * @throws {DataFileError} when the trace is present but malformed
 * @example
 * ```ts
 * import { googleJobTimes } from "./arrivals.ts";
 * const jobs = googleJobTimes();
 * console.log(jobs.source, jobs.submit.length);
 * ```
 */
export function googleJobTimes(prefer: "trace" | "synthetic" = "trace"): JobTimes {
  const hit = cache.get(prefer);
  if (hit) return hit;
  const { df, source, note } = loadOrSynthesize(
    { kind: "jobs", trace: "google-2011" },
    { seed: SYNTHETIC_TRACE_SEED, prefer },
  );
  const duration = pl.col("duration_s");
  const columns = df.select(
    pl.col("submit_s").cast(pl.Float64),
    pl.when(duration.gt(0)).then(duration).otherwise(pl.lit(NaN)).cast(pl.Float64).alias("d"),
  ); // unknown (null) or non-positive durations become NaN, in polars rather than row by row
  const jobs: JobTimes = {
    source,
    submit: Float64Array.from(columns.getColumn("submit_s").toTypedArray()),
    duration: Float64Array.from(columns.getColumn("d").toTypedArray()),
    note,
  };
  cache.set(prefer, jobs);
  return jobs;
}

/**
 * Samples `count` stays from a seeded random window of `slots` × {@link SLOT_SECONDS} seconds.
 *
 * @param jobs the job list
 * @param rng random stream (window start and job choice)
 * @param slots window length in slots (integer ≥ 1)
 * @param count number of jobs (integer ≥ 1)
 * @param durationScale factor applied to every recorded duration before clipping (> 0)
 * @param draw `random` subsample of a window (default) or `consecutive` jobs ({@link JobDraw})
 * @returns stays sorted by submit time
 * @throws {ParameterError} on bad sizes or draw, or when 20 random windows all hold fewer than
 *   `count` jobs (random) / 20 random runs of `count` consecutive jobs all span more than the
 *   window (consecutive)
 * @example
 * ```ts
 * import { createRng } from "../../core/rng.ts";
 * import { googleJobTimes, sampleWindow } from "./arrivals.ts";
 * const stays = sampleWindow(googleJobTimes("synthetic"), createRng(3).stream("w"), 270, 50, 4);
 * ```
 */
export function sampleWindow(
  jobs: JobTimes,
  rng: Rng,
  slots: number,
  count: number,
  durationScale = 1,
  draw: JobDraw = "random",
): Stay[] {
  requireObject("jobs", jobs, "job times { submit, duration, ... } (loadJobTimes)", [
    "submit",
    "duration",
  ]);
  requireMethods("rng", rng, ["uniform", "int"], "a random stream (createRng(seed).stream(name))");
  requireInteger("slots", slots, 1);
  requireInteger("jobs", count, 1);
  requirePositive("durationScale", durationScale);
  requireOneOf("draw", draw, JOB_DRAWS);
  const windowSeconds = slots * SLOT_SECONDS;
  const stays = (start: number, chosen: readonly number[]) =>
    chosen.map((i) => {
      const arrival = Math.min(slots - 1, Math.floor((jobs.submit[i]! - start) / SLOT_SECONDS));
      const seconds = jobs.duration[i]!;
      const wanted = Number.isNaN(seconds)
        ? slots
        : Math.ceil(durationScale * seconds / SLOT_SECONDS);
      return { arrival, duration: Math.max(1, Math.min(wanted, slots - arrival)) };
    });
  const total = jobs.submit.length;
  const first = jobs.submit[0] ?? 0;
  const last = jobs.submit[total - 1] ?? 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (draw === "consecutive") {
      if (total < count) break;
      const from = Math.floor(rng.uniform() * (total - count + 1));
      const start = jobs.submit[from]!;
      if (jobs.submit[from + count - 1]! >= start + windowSeconds) continue;
      return stays(start, Array.from({ length: count }, (_, j) => from + j));
    }
    const start = first + rng.uniform() * Math.max(0, last - first - windowSeconds);
    const inside: number[] = [];
    for (let i = lowerBound(jobs.submit, start); i < total; i++) {
      if (jobs.submit[i]! >= start + windowSeconds) break;
      inside.push(i);
    }
    if (inside.length < count) continue;
    return stays(start, rng.shuffle(inside).slice(0, count).sort((a, b) => a - b));
  }
  throw new ParameterError(
    "jobs",
    count,
    draw === "consecutive"
      ? `a count of consecutive ${jobs.source} jobs submitted within ${windowSeconds} s`
      : `at most the number of jobs submitted in a ${windowSeconds}-s window of ${jobs.source} data`,
  );
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
