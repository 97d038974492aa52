/**
 * pdFTSP (Zheng et al., ICPP '24): online scheduling and pricing of multi-LoRA fine-tuning tasks.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pdftsp } from "../../mod.ts";
 * const result = await pdftsp.runOnline({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 2, preprocessing: false, bid: 5 }] }, "pdftsp");
 * assert.equal(result.welfare, 5); // the one task is admitted at no operating cost
 * ```
 *
 * @module
 */
export { claims } from "./claims.ts";
export type * from "./types.ts";
export { compileInstance } from "./instance.ts";
export { ClusterState } from "./cluster_state.ts";
export { bestSchedule, findSchedule, gridSize } from "./find_schedule.ts";
export { exactSchedule } from "./exact_schedule.ts";
export type { ScheduleCandidate, ScheduleMethod, ScheduleSearchOptions } from "./find_schedule.ts";
export { exhaustiveSchedule } from "./exhaustive.ts";
export { defaultAlphaBeta, runPdftsp } from "./pdftsp.ts";
export type { PaymentRule, PdftspOptions, PdftspResult } from "./pdftsp.ts";
export { earliestFinishSchedule, runEft, runNtm, runTitan } from "./baselines.ts";
export { offlineOptimum } from "./offline.ts";
export type { OfflineResult } from "./offline.ts";
export { ALGORITHMS, runOnline } from "./run_online.ts";
export * as experiments from "./experiments.ts";
export * as figures from "./figures.ts";
export { bidSweep, checkTruthfulness, competitiveBound } from "./theory.ts";
export { lemma1Check, lemma4Check } from "./dual_checks.ts";
export type { Lemma1Check, Lemma4Check } from "./dual_checks.ts";
export { dpOptimality } from "./dp_optimality.ts";
export { headroom } from "./headroom.ts";
export type { Headroom } from "./headroom.ts";
export { generateWorkload } from "./workload.ts";
export * as gpuModel from "./gpu_model.ts";
export { measuredLoraUtilisation } from "./trace_inputs.ts";
export * as sensitivity from "./sensitivity.ts";
export * as regimes from "./regimes.ts";
export * as calibration from "./calibration.ts";
// Types (and the option lists behind them) that the signatures above mention.
export type { CompiledInstance, CompiledTask, VendorOption } from "./instance.ts";
export type { PdftspTaskTrace } from "./pdftsp.ts";
export type { BaselineOptions, TitanOptions } from "./baselines.ts";
export type { OfflineOptions } from "./offline.ts";
export type { RunOnlineOptions } from "./run_online.ts";
export type { BidPoint, CompetitiveBound, TruthfulnessCheck } from "./theory.ts";
export type { DpOptimality } from "./dp_optimality.ts";
export type { Workload, WorkloadConfig } from "./workload.ts";
export type { UtilisationEstimate } from "./trace_inputs.ts";
export { DEADLINE_METHODS, type DeadlineMethod, GPU_MIXES, type GpuMix } from "./workload.ts";
export {
  ARRIVAL_SOURCES,
  type ArrivalSeries,
  type ArrivalSource,
  type InputBasis,
  type PriceSeries,
} from "./trace_inputs.ts";
export { REGIME_NAMES, type RegimeKnobs, type RegimeName } from "./regimes.ts";
export type { GpuLoraProfile } from "./gpu_model.ts";
