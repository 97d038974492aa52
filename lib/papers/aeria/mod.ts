/**
 * Public API of the AERIA reproduction (Li et al., auction-based edge inference pricing).
 *
 * @example
 * ```ts
 * import { aeria } from "../../mod.ts";
 * aeria.consensusBase(1.25); // { y, ratio }
 * ```
 *
 * @module
 */
export { type AeriaClaimOptions, claims } from "./claims.ts";
export * from "./architectures.ts";
export * from "./exit_model.ts";
export * from "./multi_exit.ts";
export * from "./latency.ts";
export * from "./demand.ts";
export * from "./consensus.ts";
export * from "./auction.ts";
export * from "./coco.ts";
export * from "./baselines.ts";
export * from "./slot_input.ts";
export * from "./slot.ts";
export * from "./trace_inputs.ts";
export * from "./market.ts";
export * from "./properties.ts";
export * from "./ic_variants.ts";
export * from "./ic_expected.ts";
export * from "./experiments.ts";
export * from "./regime.ts";
export * from "./figures.ts";
export * from "./memo.ts";
export type { SplitExperiment } from "./split.ts";
export * from "./exit_sensitivity.ts";
