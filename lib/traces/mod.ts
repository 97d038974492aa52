/**
 * Trace loaders, slotting and series helpers, derived statistics, and calibrated generators for
 * use when the raw traces are absent.
 *
 * @example
 * ```ts
 * import { arrivalsPerSlot, loadOrSynthesize } from "./mod.ts";
 * const { df, source, note } = loadOrSynthesize({ kind: "jobs", trace: "msft-itp" }, { seed: 1 });
 * const perTenMinutes = arrivalsPerSlot(df.getColumn("submit_s").toArray() as number[], 600, 144);
 * ```
 *
 * @module
 */
export type { DataFrame } from "../core/frame.ts";
export {
  requireTraceDir,
  TRACE_NAMES,
  traceDir,
  type TraceName,
  tracesAvailable,
} from "./paths.ts";
export {
  loadAlibabaNodes,
  loadAlibabaPods,
  loadGoogleHourlySubmits,
  loadGoogleJobs,
  loadMsftItpJobs,
  loadPhillyElasticflowJobs,
  loadPhillyRuntimes,
  loadSiaWorkloads,
  MSFT_CLUSTERS,
  type SiaFamily,
} from "./jobs.ts";
export { loadIesoHoep } from "./energy.ts";
export { loadGhent4g } from "./network.ts";
export {
  ELASTICFLOW_MODELS,
  loadDnnLayerProfiles,
  loadElasticflowA100Throughput,
  loadLoraThroughput,
} from "./measurements.ts";
export {
  JOB_TRACE_INFO,
  JOB_TRACES,
  type JobTraceInfo,
  type JobTraceName,
  loadJobTable,
} from "./job_traces.ts";
export { arrivalsPerSlot, meanByPhase } from "./slots.ts";
export { inverseCdf, QUANTILE_PROBS, quantiles } from "./quantiles.ts";
export {
  bandwidthSeriesMbps,
  type BandwidthSeriesOptions,
  hoepHourlySeries,
  type HoepSeriesOptions,
} from "./series.ts";
export { ar1Uniforms, lag1NormalScoreCorrelation } from "./dependence.ts";
export { deriveTraceStats, type JobTraceStats, jobTraceStats, type TraceStats } from "./stats.ts";
export { formatTraceStats, loadTraceStats, TRACE_STATS_PATH } from "./stats_file.ts";
export {
  poissonArrivals,
  sampleDiscrete,
  sampleQuantiles,
  syntheticBandwidth,
  syntheticHoep,
  syntheticJobs,
} from "./synthetic.ts";
export {
  loadOrSynthesize,
  type LoadOrSynthesizeOptions,
  type Sourced,
  type TraceRequest,
} from "./load_or_synthesize.ts";
