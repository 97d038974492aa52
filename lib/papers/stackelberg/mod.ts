/**
 * Public API of the three-stage Stackelberg GPU pricing reproduction (training vs inference on
 * high/low-performance GPUs; appendix-only source). Inputs are plain JSON: see {@link MarketSpec}
 * in `model.ts` for the schema.
 *
 * @example
 * ```ts
 * import { stackelberg } from "../../mod.ts";
 * const market = stackelberg.parseMarket(stackelberg.randomMarket({ clients: 50, seed: 1 }));
 * const optimum = stackelberg.solveStageOne(market);
 * if (optimum.status === "optimal") console.log(optimum.trainingPrice, optimum.inferencePrice);
 * ```
 *
 * @module
 */
export { claims } from "./claims.ts";
export {
  type ClientSpec,
  type GpuCosts,
  type InferenceParams,
  type Market,
  type MarketSpec,
  parseMarket,
  type ProviderSpec,
  type TrainingParams,
  validateProvider,
} from "./model.ts";
export {
  bestInferencePayoff,
  inferenceThresholdPrice,
  type PrintedClosedForm,
  printedThresholdClosedForm,
  printedThresholdQuadratic,
  type ThresholdInput,
  type ThresholdResult,
} from "./threshold.ts";
export {
  type AggregateDemand,
  inferenceDemand,
  inferencePayoff,
  totalInferenceDemand,
  totalTrainingDemand,
  trainingDemand,
  trainingPayoff,
} from "./demand.ts";
export {
  allocateClosedForm,
  allocateLp,
  type Allocation,
  allocationCost,
  type AllocationResult,
  CAPACITY_TOLERANCE,
  costOfDemand,
} from "./allocation.ts";
export { profitAt, type ProfitResult } from "./profit.ts";
export {
  additionalInferencePoint,
  additionalTrainingPoint,
  inferenceCriticalPoints,
  type InferencePiece,
  inferencePieces,
  trainingCriticalPoints,
  type TrainingPiece,
  trainingPieces,
} from "./subregions.ts";
export {
  type SelectionRule,
  solveStageOne,
  type StageOneOptimum,
  type StageOneOptions,
  type StageOneResult,
} from "./stage_one.ts";
export { type BruteForceOptions, bruteForceStageOne, type ProfitSurface } from "./brute_force.ts";
export {
  type CostAssumptions,
  type CostDerivationRow,
  type CostOrdering,
  CostOrderingError,
  type ModelledCosts,
  modelledGpuCosts,
} from "./hardware_costs.ts";
export { randomMarket, type RandomMarketOptions } from "./instances.ts";
export {
  checkTheoremOne,
  checkTheoremTwo,
  compareStageOne,
  examineThreshold,
  type StageOneComparison,
  type TheoremOneCheck,
  type TheoremTwoCheck,
  type ThresholdExamination,
} from "./checks.ts";
export {
  allocationTable,
  costTable,
  demandCurves,
  profitHeatmap,
  sensitivity,
  sensitivityChart,
  type SensitivityRow,
  stageOneTable,
  thresholdTable,
} from "./figures.ts";
export {
  checkInferenceMonotonicity,
  checkTrainingPeak,
  examineInferencePoint,
  type InferencePointExamination,
  type MonotonicityCheck,
} from "./checks.ts";
export {
  STAGE_ONE_TARGET_MS,
  stageOneTiming,
  type StageOneTimingRow,
  stageOneTimingTable,
} from "./timing.ts";
