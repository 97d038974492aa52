/**
 * Public API of the three-stage Stackelberg GPU pricing reproduction (training vs inference on
 * high/low-performance GPUs; appendix-only source). Inputs are plain JSON: see {@link MarketSpec}
 * in `model.ts` for the schema.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stackelberg } from "../../mod.ts";
 * const market = stackelberg.parseMarket(stackelberg.randomMarket({ clients: 50, seed: 1 }));
 * const optimum = stackelberg.solveStageOne(market);
 * assert.equal(optimum.status, "optimal");
 * if (optimum.status === "optimal") assert.ok(optimum.trainingPrice > 0 && optimum.profit > 0);
 * ```
 *
 * @module
 */
export { claims, theoremThreeMarkets } from "./claims.ts";
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
  exactStageOne,
  type ExactStageOneOptimum,
  type ExactStageOneResult,
} from "./exact_stage_one.ts";
export {
  alwaysBuys,
  compareReadings,
  keepsRising,
  literalInferencePayoff,
  literalOutsideValue,
  literalReading,
  profitAlongInference,
  type ReadingRow,
  UNBOUNDEDNESS_PRICES,
} from "./readings.ts";
export {
  type CostAssumptions,
  type CostDerivationRow,
  type CostOrdering,
  CostOrderingError,
  type ModelledCosts,
  modelledGpuCosts,
} from "./hardware_costs.ts";
export { randomMarket, type RandomMarketOptions, varietyMarkets } from "./instances.ts";
export {
  checkTheoremOne,
  checkTheoremTwo,
  examineSubstitution,
  examineThreshold,
  type SubstitutionExamination,
  type TheoremOneCheck,
  type TheoremTwoCheck,
  type ThresholdExamination,
} from "./checks.ts";
export {
  allocationTable,
  costTable,
  demandCurves,
  exactComparisonTable,
  profitHeatmap,
  readingTable,
  sensitivity,
  sensitivityChart,
  type SensitivityRow,
  stageOneTable,
  substitutionTable,
  thresholdTable,
} from "./figures.ts";
export {
  checkInferenceMonotonicity,
  checkTrainingPeak,
  examineInferencePoint,
  examineTrainingPoint,
  type InferencePointExamination,
  type MonotonicityCheck,
  type TrainingPointExamination,
} from "./checks.ts";
export {
  compareStageOne,
  compareWithExact,
  type ExactComparison,
  type StageOneComparison,
} from "./stage_one_checks.ts";
export { verificationNotes } from "./verification_notes.ts";
export {
  STAGE_ONE_TARGET_MS,
  stageOneTiming,
  type StageOneTimingRow,
  stageOneTimingTable,
} from "./timing.ts";
