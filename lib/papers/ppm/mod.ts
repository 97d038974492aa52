/**
 * Public API of the reproduction of Tan et al., "Online Combinatorial Auctions for Resource
 * Allocation with Supply Costs and Capacity Limits" (IEEE JSAC 2020).
 *
 * @example
 * ```ts
 * import { ppm } from "../../mod.ts";
 * const theory = ppm.analyzePowerCost({ a: 0.223, s: 3, pbar: 6.03 });
 * const phi = ppm.optimalPricing({ a: 0.223, s: 3, pbar: 6.03 });
 * ```
 *
 * @module
 */
export { claims } from "./claims.ts";
export * from "./cost.ts";
export * from "./power_theory.ts";
export * from "./power_pricing.ts";
export * from "./shooting.ts";
export * from "./general_design.ts";
export * from "./baselines.ts";
export * from "./instance.ts";
export * from "./decision.ts";
export * from "./mechanism.ts";
export * from "./offline.ts";
export * from "./lagrangian.ts";
export * from "./offline_cache.ts";
export * from "./worst_case.ts";
export * from "./experiments.ts";
export * from "./load_study.ts";
export * from "./tp_ranking.ts";
// The anchor regime and paired δ sweeps without their per-instance sweep-unit hooks (seeding,
// folds), which lib/sweep imports from the modules themselves.
export {
  ANCHOR_SCALES,
  type AnchorOptions,
  anchorRegime,
  type AnchorResult,
  anchorScale,
  loadReadings,
  type Peaks,
  peaksAt,
  type ReadingRow,
} from "./anchor_regime.ts";
export * from "./arrivals.ts";
export * from "./figures.ts";
export * from "./section6_sweeps.ts";
export {
  FIGURE_SWEEPS,
  type FigureSweep,
  figureSweep,
  type FigureSweepName,
  sweepTimeText,
} from "./figure_sweeps.ts";
export * from "./speed.ts";
export {
  type AnchorDeltaSweeps,
  anchorDeltaSweeps,
  type PairedDeltaRow,
  pairedDeltaSweep,
} from "./paired_delta.ts";
