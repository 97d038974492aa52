/**
 * Workload regimes: values of the knobs Section 5.1 leaves unstated (C_kp per task, r_i and s_ik
 * from the batch size, the arrival scale, the cost-to-bid ratio). Two named regimes:
 *
 * - `modelled`: the GPT-2 LoRA model as derived in gpu_model.ts (batch 8, C_kp from a 0.4
 *   aggregate utilisation, i.e. ~75 tasks' worth of compute per A100), electricity at its market
 *   price (operating costs ~1e-5 of a bid). Memory holds ~19 adapters per node and EFT admits
 *   every deadline-feasible task: nothing is capacity-bound.
 * - `calibrated`: knobs chosen so that the 50-node default and the Poisson-80 "high" load
 *   reproduce the baseline-to-baseline welfare ratios the paper's printed gains imply (targets in
 *   {@link CALIBRATION_TARGETS}); pdFTSP's own gain is never a target. The knob values and the
 *   grid searched are in {@link CALIBRATION_SEARCH} (calibration.ts runs the search).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { REGIMES } from "./regimes.ts";
 * assert.equal(REGIMES.modelled.batchSize, 8);
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireInteger, requirePositive } from "../../core/validate.ts";

/** Knob values of one regime. */
export interface RegimeKnobs {
  /**
   * Per-task batch size. r_i is the LoRA memory at this batch (activations and logits grow
   * linearly with it) and s_ik the batch-8 throughput × batch/8 (a batch-8 step uses ~0.5 % of
   * the fp16 peak, far from saturation), capped at the aggregate utilisation.
   */
  readonly batchSize: number;
  /**
   * C_kp as a number of tasks' worth of compute: C_kp = computeTasks × s_ik of the node; null
   * keeps gpu_model.ts's 0.4 aggregate utilisation.
   */
  readonly computeTasks: number | null;
  /** factor on the mean arrivals per slot of every setting (1 = the paper's 30/50/80) */
  readonly arrivalScale: number;
  /**
   * κ = expected operating cost of a task's run / expected bid, at the mean electricity price on
   * the setting's first GPU type (node cost shared by memory, e_ikt = cost × r_i/(C_km − r_b));
   * the price's daily shape is kept. Null: electricity at its market price (κ ~ 1e-5).
   */
  readonly costToBid: number | null;
}

/** Names of the regimes. */
export const REGIME_NAMES = ["calibrated", "modelled"] as const;
/** One regime name. */
export type RegimeName = typeof REGIME_NAMES[number];

/**
 * Baseline-to-baseline welfare ratios implied by the paper's printed gains of pdFTSP
 * (Sec. 5.2): at 50 nodes +30.78 % over Titan, +137.35 % over EFT, +155.84 % over NTM, so
 * W_Titan/W_EFT = 2.3735/1.3078, W_EFT/W_NTM = 2.5584/2.3735; at high load (Poisson 80)
 * +48.99 %, +151.57 %, +184.94 %.
 */
export const CALIBRATION_TARGETS = {
  "50 nodes": { titanOverEft: 2.3735 / 1.3078, eftOverNtm: 2.5584 / 2.3735 },
  "Poisson 80": { titanOverEft: 2.5157 / 1.4899, eftOverNtm: 2.8494 / 2.5157 },
} as const;

/** Largest share of the deadline-feasible tasks EFT may admit at high load (issue 11). */
export const HIGH_LOAD_EFT_SHARE_LIMIT = 0.9;

/**
 * The search selects among points whose EFT share at high load is below this, 5 points under
 * {@link HIGH_LOAD_EFT_SHARE_LIMIT}, so that the requirement does not hang on one seed's draw.
 */
export const CALIBRATION_SHARE_MARGIN = 0.85;

/**
 * The grid the calibration searched (calibration.ts; quick mode, seed 1), in two stages, and what
 * it found (score: summed squared log error of the four target ratios; share: EFT's admitted /
 * deadline-feasible tasks at high load):
 *
 * 0. a scan with EFT and NTM only: batch {8, 32, 64, 128} × computeTasks {1, 1.5, 2, 3} ×
 *    arrivalScale {1, 2} × κ {0.3, 0.6}. Batch 8 (r_i 4 GB) packs as many tasks as C_kp allows:
 *    W_EFT/W_NTM 1.6-2.9 at computeTasks >= 2, and at computeTasks < 2 EFT is NTM with a dearer
 *    vendor (0.90-0.98). Batch 128 (r_i 64 GB) holds one task per node at any C_kp (0.88-0.96
 *    at κ 0.3; negative welfare at κ 0.6). Computetasks below 2 make every batch NTM-like.
 * 1. batch {32, 64} × computeTasks {2, 3} × arrivalScale {0.5, 0.75, 1} × κ {0.35, 0.45, 0.55}
 *    with Titan (36 points). At arrival scale 0.5 EFT admits every feasible task at high load.
 *    Best: batch 64, computeTasks 2 (3 is the same: memory holds two 32 GB tasks), arrival 0.75,
 *    κ 0.45, score 0.051.
 * 2. around it: batch 64, computeTasks 2, arrivalScale {0.7, 0.75, 0.8} × κ {0.4, 0.45, 0.5}.
 *    Arrival 0.7, κ 0.45 scores 0.042 but its share is 0.898, on the 0.9 limit; with the margin
 *    the choice stays arrival 0.75, κ 0.45 (share 0.808).
 *
 * Achieved (quick mode, seed 1) against the targets: 50 nodes W_EFT/W_NTM 1.029 (1.078),
 * W_Titan/W_EFT 1.711 (1.815); Poisson 80: 1.401 (1.133), 1.710 (1.689). No grid point gets
 * W_EFT/W_NTM near 1.1 at both loads while EFT is capacity-bound at high load: once EFT turns
 * away tasks, its 2-per-node packing against NTM's 1 pushes the ratio to ~1.4 and above.
 */
export const CALIBRATION_SEARCH = [
  {
    batchSize: [32, 64],
    computeTasks: [2, 3],
    arrivalScale: [0.5, 0.75, 1],
    costToBid: [0.35, 0.45, 0.55],
  },
  {
    batchSize: [64],
    computeTasks: [2],
    arrivalScale: [0.7, 0.75, 0.8],
    costToBid: [0.4, 0.45, 0.5],
  },
] as const;

/** The knob values of each regime. */
export const REGIMES: Record<RegimeName, RegimeKnobs> = {
  calibrated: { batchSize: 64, computeTasks: 2, arrivalScale: 0.75, costToBid: 0.45 },
  modelled: { batchSize: 8, computeTasks: null, arrivalScale: 1, costToBid: null },
};

/**
 * Resolves a regime name or validates explicit knobs.
 *
 * @param regime a name of {@link REGIMES} or knob values
 * @returns the knobs
 * @throws {ParameterError} on an unknown name or an out-of-range knob
 */
export function regimeKnobs(regime: RegimeName | RegimeKnobs): RegimeKnobs {
  if (typeof regime === "string") {
    const knobs = (REGIMES as Record<string, RegimeKnobs>)[regime];
    if (knobs === undefined) {
      throw new ParameterError("regime", regime, `one of ${REGIME_NAMES.join(", ")} or knobs`);
    }
    return knobs;
  }
  if (regime === null || typeof regime !== "object") {
    throw new ParameterError("regime", regime, `one of ${REGIME_NAMES.join(", ")} or knobs`);
  }
  requireInteger("regime.batchSize", regime.batchSize, 1, 4096);
  if (regime.computeTasks !== null) requirePositive("regime.computeTasks", regime.computeTasks);
  requirePositive("regime.arrivalScale", regime.arrivalScale);
  if (regime.costToBid !== null) requirePositive("regime.costToBid", regime.costToBid);
  return regime;
}
