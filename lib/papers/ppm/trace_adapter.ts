/**
 * Job arrivals and durations for Section 6 from the Google 2011 trace (derived job list in
 * `$TRACE_DIR/google-2011/google2011_jobs.csv.gz`, default `../shared/traces` relative to the
 * repository), or, when it is absent, from a seeded synthetic generator calibrated on the
 * trace's published statistics (PROVENANCE.md: ~960 submits/hour, duration median 175.6 s,
 * p90 1,650 s) and labelled `synthetic`. Temporary adapter until lib/traces lands.
 *
 * Window choice (an assumption; the paper does not say how 4000 jobs were drawn): a window of
 * `slots` × 10 s starting at a seeded random hour of the trace; N jobs sampled uniformly from
 * the jobs submitted in it; duration = end − first schedule (jobs without an end run to the
 * horizon), clipped to the window.
 *
 * @example
 * ```ts
 * import { loadJobTimes } from "./trace_adapter.ts";
 * const jobs = await loadJobTimes();
 * console.log(jobs.source); // "trace" or "synthetic"
 * ```
 *
 * @module
 */
import type { Rng } from "../../core/rng.ts";
import { DataFileError } from "../../core/errors.ts";

/** Job times in seconds since the trace start, sorted by submit time. */
export interface JobTimes {
  readonly source: "trace" | "synthetic";
  readonly submit: Float64Array;
  /** Duration in seconds, NaN when the job never ended inside the trace. */
  readonly duration: Float64Array;
  readonly description: string;
}

let cached: Promise<JobTimes | null> | null = null;

/** Directory of the shared traces (TRACE_DIR or ../shared/traces from the repository). */
export function traceDir(): string {
  let fromEnv: string | undefined;
  try {
    fromEnv = Deno.env.get("TRACE_DIR");
  } catch {
    fromEnv = undefined;
  }
  return fromEnv ?? new URL("../../../../shared/traces", import.meta.url).pathname;
}

/** Loads the trace's job list once per process; `null` when the file is not present. */
export function loadTraceJobs(): Promise<JobTimes | null> {
  cached ??= readTrace(`${traceDir()}/google-2011/google2011_jobs.csv.gz`);
  return cached;
}

async function readTrace(path: string): Promise<JobTimes | null> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path);
  } catch {
    return null;
  }
  const text = await new Response(
    file.readable.pipeThrough(new DecompressionStream("gzip")),
  ).text();
  const lines = text.split("\n");
  const submit: number[] = [];
  const duration: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const cols = line.split(",");
    if (cols.length < 6) throw new DataFileError(path, i + 1, "expected 6 columns");
    const s = Number(cols[1]);
    if (!(s > 0)) continue; // submitted before the trace window
    const scheduled = Number(cols[2]);
    const end = cols[3] === "" ? NaN : Number(cols[3]);
    submit.push(s / 1e6);
    duration.push(scheduled > 0 && end > scheduled ? (end - scheduled) / 1e6 : NaN);
  }
  return {
    source: "trace",
    submit: Float64Array.from(submit),
    duration: Float64Array.from(duration),
    description: `Google clusterdata-2011-2 job list (${submit.length} jobs) from ${path}`,
  };
}

/** Trace jobs when available, otherwise `null` (callers fall back to {@link syntheticJobs}). */
export async function loadJobTimes(): Promise<JobTimes | null> {
  return await loadTraceJobs();
}

/**
 * Seeded synthetic stand-in: Poisson arrivals at 960 jobs/hour, log-normal durations with the
 * trace's median 175.6 s and p90 1,650 s.
 */
export function syntheticJobs(rng: Rng, hours: number): JobTimes {
  const rate = 960 / 3600;
  const sigma = Math.log(1650 / 175.6) / 1.2816;
  const submit: number[] = [];
  const duration: number[] = [];
  let t = 600;
  const end = 600 + hours * 3600;
  for (;;) {
    t += rng.exponential(rate);
    if (t >= end) break;
    submit.push(t);
    duration.push(Math.exp(Math.log(175.6) + sigma * rng.normal()));
  }
  return {
    source: "synthetic",
    submit: Float64Array.from(submit),
    duration: Float64Array.from(duration),
    description: "synthetic (seeded) arrivals calibrated on Google 2011 statistics",
  };
}
