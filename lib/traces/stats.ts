/**
 * Compact statistics derived from the raw traces: what `data/trace_stats.json` holds and what the
 * synthetic generators are calibrated on. No row of any trace is kept.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireInteger, requireMethods } from "../core/validate.ts";
import { lag1NormalScoreCorrelation } from "./dependence.ts";
import { loadIesoHoep } from "./energy.ts";
import { JOB_TRACE_INFO, JOB_TRACES, type JobTraceName, loadJobTable } from "./job_traces.ts";
import { loadPhillyRuntimes } from "./jobs.ts";
import { loadGhent4g } from "./network.ts";
import { QUANTILE_PROBS, quantiles } from "./quantiles.ts";
import { bandwidthSeriesMbps } from "./series.ts";
import { arrivalsPerSlot, meanByPhase } from "./slots.ts";
import type { DataFrame } from "../core/frame.ts";

/** Statistics of one job trace. */
export interface JobTraceStats {
  /** number of jobs in the common shape (see `loadJobTable`) */
  readonly jobCount: number;
  /** number of groups (workloads) whose arrivals were profiled separately */
  readonly groups: number;
  /** hours covered per group, from the group's origin to its last submission */
  readonly hoursPerGroup: number;
  /** mean submissions per hour by phase (hour of day, or hour of workload), length = period */
  readonly arrivalsPerHourProfile: number[];
  /** mean and maximum submissions per hour over all covered hours */
  readonly arrivalsPerHour: { readonly mean: number; readonly max: number };
  /** duration quantiles in seconds at `quantileProbs`, or null when the trace has none */
  readonly durationQuantilesS: number[] | null;
  /** jobs with a known duration */
  readonly durationCount: number;
  /** GPUs per job and the share of jobs asking for it, or null when the trace has no counts */
  readonly gpuDistribution: { readonly numGpu: number[]; readonly share: number[] } | null;
}

/** Everything in `data/trace_stats.json`. */
export interface TraceStats {
  /** bumped when the layout changes */
  readonly schema: 1;
  /** probabilities of every stored quantile vector */
  readonly quantileProbs: number[];
  /** per job trace: arrivals per hour of day, duration quantiles, GPU counts */
  readonly jobs: Record<JobTraceName, JobTraceStats>;
  /** Philly runtimes (durations only) */
  readonly phillyRuntime: { readonly count: number; readonly quantilesS: number[] };
  /** IESO HOEP 2016, CAD/MWh */
  readonly hoep: {
    readonly hours: number;
    readonly hourOfDayMeanCadPerMwh: number[];
    readonly hourOfDayQuantilesCadPerMwh: number[][];
    readonly quantilesCadPerMwh: number[];
    readonly lag1NormalScoreCorrelation: number;
  };
  /** Ghent 4G, 1-second time-weighted series with the 40 traces back to back, Mbps */
  readonly ghent: {
    readonly seconds: number;
    readonly meanMbps: number;
    readonly quantilesMbps: number[];
    readonly lag1NormalScoreCorrelation: number;
  };
}

/** Rounds to 6 significant digits, so the JSON is compact and stable. */
function round6(value: number): number {
  return Number(value.toPrecision(6));
}

const roundAll = (values: readonly number[]) => values.map(round6);

const numbers = (
  df: DataFrame,
  column: string,
) => (df.getColumn(column).dropNulls().toArray() as number[]);

/**
 * Statistics of one job trace in the common shape.
 *
 * @param jobs a frame with `group`, `submit_s`, `duration_s`, `num_gpu` (see `loadJobTable`)
 * @param periodHours period of the arrival profile
 * @returns the statistics, rounded to 6 significant digits
 */
export function jobTraceStats(jobs: DataFrame, periodHours: number): JobTraceStats {
  requireMethods("jobs", jobs, ["partitionBy", "getColumn"], "a job table (traces.loadJobTable)");
  requireInteger("periodHours", periodHours, 1, 24 * 366);
  const groups = jobs.partitionBy("group", true);
  const hours = Math.floor((jobs.getColumn("submit_s").max() as number) / 3600) + 1;
  const hourly = groups.map((group) => arrivalsPerSlot(numbers(group, "submit_s"), 3600, hours));
  const allHours = hourly.flat();
  const durations = numbers(jobs, "duration_s");
  const gpus = jobs.getColumn("num_gpu").dropNulls();
  let gpuDistribution: JobTraceStats["gpuDistribution"] = null;
  if (gpus.length > 0) {
    const counts = gpus.valueCounts().sort("num_gpu");
    gpuDistribution = {
      numGpu: counts.getColumn("num_gpu").toArray() as number[],
      share: roundAll(
        (counts.getColumn("count").toArray() as number[]).map((n) => n / gpus.length),
      ),
    };
  }
  return {
    jobCount: jobs.height,
    groups: groups.length,
    hoursPerGroup: hours,
    arrivalsPerHourProfile: roundAll(meanByPhase(hourly, periodHours)),
    arrivalsPerHour: {
      mean: round6(allHours.reduce((a, b) => a + b, 0) / allHours.length),
      max: Math.max(...allHours),
    },
    durationQuantilesS: durations.length > 0
      ? roundAll(quantiles(durations, QUANTILE_PROBS))
      : null,
    durationCount: durations.length,
    gpuDistribution,
  };
}

/**
 * Derives every statistic from the raw traces.
 *
 * @param dir trace directory (default `TRACE_DIR` or `../shared/traces`)
 * @returns the statistics, as written to `data/trace_stats.json`
 * @throws {DataFileError} when a trace file is missing or malformed
 */
export function deriveTraceStats(dir?: string): TraceStats {
  const jobs = Object.fromEntries(
    JOB_TRACES.map((trace) => [
      trace,
      jobTraceStats(loadJobTable(trace, dir), JOB_TRACE_INFO[trace].periodHours),
    ]),
  ) as Record<JobTraceName, JobTraceStats>;
  const runtimes = numbers(loadPhillyRuntimes(dir), "runtime_s");
  const hoep = loadIesoHoep(dir);
  const prices = numbers(hoep, "hoep_cad_per_mwh");
  const byHour = Array.from(
    { length: 24 },
    (_, h) => numbers(hoep.filter(pl.col("hour_of_day").eq(h)), "hoep_cad_per_mwh"),
  );
  const bandwidth = bandwidthSeriesMbps(loadGhent4g(dir));
  return {
    schema: 1,
    quantileProbs: [...QUANTILE_PROBS],
    jobs,
    phillyRuntime: {
      count: runtimes.length,
      quantilesS: roundAll(quantiles(runtimes, QUANTILE_PROBS)),
    },
    hoep: {
      hours: prices.length,
      hourOfDayMeanCadPerMwh: roundAll(
        byHour.map((values) => values.reduce((a, b) => a + b, 0) / values.length),
      ),
      hourOfDayQuantilesCadPerMwh: byHour.map((values) =>
        roundAll(quantiles(values, QUANTILE_PROBS))
      ),
      quantilesCadPerMwh: roundAll(quantiles(prices, QUANTILE_PROBS)),
      lag1NormalScoreCorrelation: round6(lag1NormalScoreCorrelation(prices)),
    },
    ghent: {
      seconds: bandwidth.length,
      meanMbps: round6(bandwidth.reduce((a, b) => a + b, 0) / bandwidth.length),
      quantilesMbps: roundAll(quantiles(bandwidth, QUANTILE_PROBS)),
      lag1NormalScoreCorrelation: round6(lag1NormalScoreCorrelation(bandwidth)),
    },
  };
}
