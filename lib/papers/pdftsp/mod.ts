/**
 * pdFTSP (Zheng et al., ICPP '24): online scheduling and pricing of multi-LoRA fine-tuning tasks.
 *
 * @example
 * ```ts
 * import { pdftsp } from "../../mod.ts";
 * const result = await pdftsp.runOnline({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 2, preprocessing: false, bid: 5 }] }, "pdftsp");
 * ```
 *
 * @module
 */
export { claims } from "./claims.ts";
export type * from "./types.ts";
export { compileInstance } from "./instance.ts";
export { ClusterState } from "./cluster_state.ts";
export { bestSchedule, findSchedule, gridSize } from "./find_schedule.ts";
export type { ScheduleCandidate, ScheduleSearchOptions } from "./find_schedule.ts";
export { exhaustiveSchedule } from "./exhaustive.ts";
export { defaultAlphaBeta, runPdftsp } from "./pdftsp.ts";
export type { PaymentRule, PdftspOptions, PdftspResult } from "./pdftsp.ts";
export { earliestFinishSchedule, runEft, runNtm, runTitan } from "./baselines.ts";
export { offlineOptimum } from "./offline.ts";
export type { OfflineResult } from "./offline.ts";
export { ALGORITHMS, runOnline } from "./run_online.ts";
