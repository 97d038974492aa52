/**
 * The entry point experiments use: real trace data when it is present, otherwise a generator
 * calibrated on `data/trace_stats.json`, and in both cases a label saying which.
 *
 * @module
 */
import pl from "nodejs-polars";
import { createRng } from "../core/rng.ts";
import { loadIesoHoep } from "./energy.ts";
import { JOB_TRACE_INFO, JOB_TRACES, type JobTraceName, loadJobTable } from "./job_traces.ts";
import { ParameterError } from "../core/errors.ts";
import { requireOneOf } from "../core/validate.ts";
import { loadGhent4g } from "./network.ts";
import { traceDir, type TraceName, tracesAvailable } from "./paths.ts";
import { bandwidthSeriesMbps, hoepHourlySeries } from "./series.ts";
import type { TraceStats } from "./stats.ts";
import { loadTraceStats, TRACE_STATS_PATH } from "./stats_file.ts";
import { syntheticBandwidth, syntheticHoep, syntheticJobs } from "./synthetic.ts";
import type { DataFrame } from "../core/frame.ts";

/** What to load. Columns are the same whether the data is real or synthetic. */
export type TraceRequest =
  /** jobs: `group`, `submit_s`, `duration_s`, `num_gpu` (see `loadJobTable`) */
  | { readonly kind: "jobs"; readonly trace: JobTraceName; readonly hours?: number }
  /** HOEP prices: `hour_index`, `hour_of_day`, `hoep_cad_per_mwh` */
  | { readonly kind: "hoep"; readonly hours?: number; readonly from?: string }
  /** 1-second bandwidth: `t_s`, `bandwidth_mbps` */
  | { readonly kind: "bandwidth"; readonly seconds?: number };

/** Options of {@link loadOrSynthesize}. */
export interface LoadOrSynthesizeOptions {
  /** root seed of the generator (used only for synthetic data) */
  readonly seed: number;
  /** `"synthetic"` forces the generator even when traces exist (default: trace if present) */
  readonly prefer?: "trace" | "synthetic";
  /** trace directory (default `TRACE_DIR` or `../shared/traces`) */
  readonly dir?: string;
  /** statistics to calibrate on (default: the committed `data/trace_stats.json`) */
  readonly stats?: TraceStats;
}

/** A frame labelled with where it came from; show `note` next to any result built on it. */
export interface Sourced {
  /** The trace's rows, or synthetic rows in the same columns. */
  readonly df: DataFrame;
  /** Whether the rows were read from the trace or synthesised from its statistics. */
  readonly source: "trace" | "synthetic";
  /** Names the data actually used (trace and rows, or `SYNTHETIC` and the calibration). */
  readonly note: string;
}

function folderOf(request: TraceRequest): TraceName {
  if (request === null || typeof request !== "object") {
    throw new ParameterError("request", request, "an object { kind, ... }");
  }
  requireOneOf("request.kind", request.kind, ["jobs", "hoep", "bandwidth"] as const);
  switch (request.kind) {
    case "jobs":
      return JOB_TRACE_INFO[requireOneOf("request.trace", request.trace, JOB_TRACES)].folder;
    case "hoep":
      return "ieso-hoep-2016";
    case "bandwidth":
      return "ghent-4g";
  }
}

/**
 * Loads a trace, or synthesises an equivalent one when the trace is absent (or when asked to).
 *
 * @param request what to load and how much of it (hours of jobs or prices, seconds of bandwidth)
 * @param options seed, preference, directory and statistics
 * @returns the frame with `source` and a human-readable `note` naming the data actually used
 * @throws {DataFileError} when the trace is present but malformed, or the statistics file is
 *   unreadable when needed
 * @example
 * ```ts
 * import { loadOrSynthesize } from "./load_or_synthesize.ts";
 * const { df, source, note } = loadOrSynthesize({ kind: "jobs", trace: "msft-itp", hours: 24 }, { seed: 7 });
 * console.log(source, note);
 * ```
 */
export function loadOrSynthesize(request: TraceRequest, options: LoadOrSynthesizeOptions): Sourced {
  if (options === null || typeof options !== "object") {
    throw new ParameterError("options", options, "an object { seed, prefer?, dir?, stats? }");
  }
  if (options.prefer !== undefined) {
    requireOneOf("options.prefer", options.prefer, ["trace", "synthetic"] as const);
  }
  const dir = options.dir ?? traceDir();
  const folder = folderOf(request);
  const useTrace = options.prefer !== "synthetic" && tracesAvailable(folder, dir);
  if (useTrace) return fromTrace(request, dir as string, folder);
  const stats = options.stats ?? loadTraceStats();
  const rng = createRng(options.seed).stream(`synthetic:${folder}`);
  const why = options.prefer === "synthetic"
    ? "synthetic data was requested"
    : `raw trace ${folder} not found (looked in ${dir ?? "TRACE_DIR / ../shared/traces"})`;
  const from = `calibrated on statistics of ${folder} in ${
    options.stats ? "the given statistics" : TRACE_STATS_PATH
  }, seed ${options.seed}; ${why}`;
  switch (request.kind) {
    case "jobs": {
      const jobStats = stats.jobs[request.trace];
      const df = syntheticJobs(jobStats, stats.quantileProbs, rng, request.hours);
      return {
        df,
        source: "synthetic",
        note: `SYNTHETIC jobs: ${df.height} arrivals over ${
          request.hours ?? jobStats.hoursPerGroup
        } h from a non-homogeneous Poisson process, ${from}`,
      };
    }
    case "hoep": {
      const hours = request.hours ?? stats.hoep.hours;
      return {
        df: syntheticHoep(stats, rng, hours),
        source: "synthetic",
        note: `SYNTHETIC HOEP prices: ${hours} h, hour-of-day quantiles + AR(1) copula, ${from}`,
      };
    }
    case "bandwidth": {
      const seconds = request.seconds ?? stats.ghent.seconds;
      return {
        df: syntheticBandwidth(stats, rng, seconds),
        source: "synthetic",
        note: `SYNTHETIC bandwidth: ${seconds} s, quantiles + AR(1) copula, ${from}`,
      };
    }
  }
}

function fromTrace(request: TraceRequest, dir: string, folder: TraceName): Sourced {
  const where = `raw trace ${folder} from ${dir}`;
  switch (request.kind) {
    case "jobs": {
      const all = loadJobTable(request.trace, dir);
      const df = request.hours === undefined
        ? all
        : all.filter(pl.col("submit_s").lt(request.hours * 3600));
      return { df, source: "trace", note: `${request.trace} jobs (${df.height}), ${where}` };
    }
    case "hoep": {
      const prices = hoepHourlySeries(loadIesoHoep(dir), {
        from: request.from,
        hours: request.hours,
      });
      const df = pl.DataFrame({
        hour_index: prices.map((_, k) => k),
        hour_of_day: prices.map((_, k) => k % 24),
        hoep_cad_per_mwh: prices,
      });
      const start = request.from ?? "2016-01-01";
      return {
        df,
        source: "trace",
        note: `HOEP 2016 (not Sept 2022), ${prices.length} h from ${start}, ${where}`,
      };
    }
    case "bandwidth": {
      const series = bandwidthSeriesMbps(loadGhent4g(dir)).slice(0, request.seconds);
      const df = pl.DataFrame({ t_s: series.map((_, t) => t), bandwidth_mbps: series });
      return {
        df,
        source: "trace",
        note: `Ghent 4G, ${series.length} s of 1-s bandwidth, ${where}`,
      };
    }
  }
}
