/**
 * One common shape for every job trace, so that statistics, generators and experiments treat
 * them alike: `group`, `submit_s`, `duration_s`, `num_gpu`.
 *
 * @module
 */
import pl from "nodejs-polars";
import {
  loadAlibabaPods,
  loadGoogleJobs,
  loadMsftItpJobs,
  loadPhillyElasticflowJobs,
  loadSiaWorkloads,
} from "./jobs.ts";
import type { TraceName } from "./paths.ts";
import { requireOneOf } from "../core/validate.ts";
import type { DataFrame } from "../core/frame.ts";

/** Job traces available in the common shape. */
export const JOB_TRACES = [
  "msft-itp",
  "philly-elasticflow",
  "philly-sia",
  "helios-saturn",
  "alibaba-v2023",
  "google-2011",
] as const;

/** Name of a job trace in the common shape. */
export type JobTraceName = typeof JOB_TRACES[number];

/** How a job trace is read and profiled. */
export interface JobTraceInfo {
  /** the folder holding its files */
  readonly folder: TraceName;
  /**
   * Period of its arrival profile in hours: 24 (hour of day counted from the trace's time origin)
   * for long traces, the workload length for the 8-hour Sia workloads.
   */
  readonly periodHours: number;
  /** what `submit_s`, `duration_s` and `num_gpu` mean for this trace */
  readonly description: string;
}

/** Reading and profiling rules per job trace. */
export const JOB_TRACE_INFO: Readonly<Record<JobTraceName, JobTraceInfo>> = {
  "msft-itp": {
    folder: "msft-itp-elasticflow",
    periodHours: 24,
    description: "Microsoft ITP 2021, 10 clusters pooled; time origin = start of collection",
  },
  "philly-elasticflow": {
    folder: "philly-derived",
    periodHours: 24,
    description: "ElasticFlow's Philly-like list (876 jobs, partly generated fields)",
  },
  "philly-sia": {
    folder: "philly-derived",
    periodHours: 8,
    description: "8 Sia/Pollux 160-job workloads sampled from Philly; no durations",
  },
  "helios-saturn": {
    folder: "helios-derived",
    periodHours: 8,
    description: "10 Sia 160-job workloads sampled from Helios Saturn; no durations",
  },
  "alibaba-v2023": {
    folder: "alibaba-gpu-v2023",
    periodHours: 24,
    description: "Alibaba GPU v2023 pods (stand-in for PAI 2020); duration = deletion - " +
      "scheduled, null for pending pods; num_gpu ignores fractional GPU shares",
  },
  "google-2011": {
    folder: "google-2011",
    periodHours: 24,
    description: "Google 2011 jobs; submit_s counted from trace time 600 s (19:00 EDT, " +
      "1 May 2011), jobs submitted before the window dropped; duration = last end event - " +
      "first schedule; no GPU counts",
  },
};

/**
 * A job trace in the common shape.
 *
 * Columns: `group` (cluster, workload or `"all"`; arrival times are relative to the group's
 * origin), `submit_s` (seconds), `duration_s` (seconds, null when unknown), `num_gpu` (null when
 * the trace has no GPU counts).
 *
 * @param trace which job trace
 * @param dir trace directory (default `TRACE_DIR` or `../shared/traces`)
 * @returns the jobs
 * @throws {DataFileError} when a file is missing or malformed
 * @throws {ParameterError} for a trace name not in {@link JOB_TRACES}
 * @example
 * ```ts
 * import { loadJobTable } from "./job_traces.ts";
 * const jobs = loadJobTable("alibaba-v2023");
 * ```
 */
export function loadJobTable(trace: JobTraceName, dir?: string): DataFrame {
  requireOneOf("trace", trace, JOB_TRACES);
  const all = pl.lit("all").alias("group");
  const noGpu = pl.lit(null).cast(pl.Float64).alias("num_gpu");
  const noDuration = pl.lit(null).cast(pl.Float64).alias("duration_s");
  const workload = pl.col("workload").cast(pl.Int32).cast(pl.Utf8).alias("group");
  switch (trace) {
    case "msft-itp":
      return loadMsftItpJobs(dir).select(all, "submit_s", "duration_s", "num_gpu");
    case "philly-elasticflow":
      return loadPhillyElasticflowJobs(dir).select(all, "submit_s", "duration_s", "num_gpu");
    case "philly-sia":
      return loadSiaWorkloads("philly", dir).select(workload, "submit_s", noDuration, "num_gpu");
    case "helios-saturn":
      return loadSiaWorkloads("saturn", dir).select(workload, "submit_s", noDuration, "num_gpu");
    case "alibaba-v2023":
      return loadAlibabaPods(dir).select(
        all,
        pl.col("creation_s").alias("submit_s"),
        pl.col("deletion_s").sub(pl.col("scheduled_s")).alias("duration_s"),
        "num_gpu",
      );
    case "google-2011":
      return loadGoogleJobs(dir).filter(pl.col("submit_s").gt(0)).select(
        all,
        pl.col("submit_s").sub(600).alias("submit_s"),
        pl.when(pl.col("schedule_s").gt(0)).then(pl.col("end_s").sub(pl.col("schedule_s")))
          .otherwise(pl.lit(null)).alias("duration_s"),
        noGpu,
      );
  }
}
