/**
 * Calibration of the `calibrated` regime (regimes.ts): for each knob combination of a grid, run
 * Titan, EFT and NTM at the 50-node default (Poisson 50) and at the high load (Poisson 80), and
 * score the baseline-to-baseline welfare ratios against the ones the paper's printed gains imply
 * ({@link CALIBRATION_TARGETS}). pdFTSP is never run here: its gain is not a target.
 *
 * Score: Σ over the two loads of ln(W_EFT/W_NTM ÷ target)² + ln(W_Titan/W_EFT ÷ target)²; a
 * point is admissible when EFT admits under {@link CALIBRATION_SHARE_MARGIN} of the
 * deadline-feasible tasks at high load (the 90 % requirement less a 5-point margin) and every
 * baseline's welfare is positive.
 *
 * @module
 */
import type { RunParams } from "../../core/params.ts";
import { requireNonEmpty } from "../../core/validate.ts";
import { progress } from "../../core/progress.ts";
import { generateWorkload } from "./workload.ts";
import { runOnline } from "./run_online.ts";
import { headroom } from "./headroom.ts";
import { DEFAULT_SETTING, experimentScale, scaledConfig, type Setting } from "./experiments.ts";
import { CALIBRATION_SHARE_MARGIN, CALIBRATION_TARGETS, type RegimeKnobs } from "./regimes.ts";

/** Knob values to combine (every combination is run). */
export interface CalibrationGrid {
  /** per-task batch sizes tried */
  readonly batchSize: readonly number[];
  /** C_kp in tasks' worth of compute tried */
  readonly computeTasks: readonly number[];
  /** factors on the mean arrivals tried */
  readonly arrivalScale: readonly number[];
  /** operating cost / bid ratios κ tried */
  readonly costToBid: readonly number[];
}

/** Baseline ratios of one load. */
export interface LoadRatios {
  /** EFT's welfare / NTM's */
  readonly eftOverNtm: number;
  /** Titan's welfare / EFT's */
  readonly titanOverEft: number;
  /** EFT's admitted tasks / deadline-feasible tasks */
  readonly eftShare: number;
}

/** One grid point. */
export interface CalibrationRow {
  /** the knob values of this point */
  readonly knobs: RegimeKnobs;
  /** ratios in the 50-node setting */
  readonly "50 nodes": LoadRatios;
  /** ratios in the Poisson setting with 80 arrivals per slot */
  readonly "Poisson 80": LoadRatios;
  /** squared log error summed over the four target ratios */
  readonly score: number;
  /** EFT below the share margin at high load and every baseline welfare positive */
  readonly admissible: boolean;
}

const LOADS = { "50 nodes": 50, "Poisson 80": 80 } as const;

/**
 * Runs the baselines on every grid point.
 *
 * @param params mode and seed (the calibration was done in quick mode, seed 1)
 * @param grid knob values (regimes.ts's CALIBRATION_SEARCH is the grid that chose the regime)
 * @param base the setting whose arrivals and regime are replaced (default: DEFAULT_SETTING, 50
 *   A100 nodes, loose deadlines)
 * @returns one row per combination, best admissible score first
 * @throws {ParameterError} on an empty knob list or invalid knob values
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { calibrationSearch } from "./calibration.ts";
 * const [row] = await calibrationSearch({ mode: "quick", seed: 1 },
 *   { batchSize: [64], computeTasks: [2], arrivalScale: [0.25], costToBid: [0.45] });
 * assert.equal(row!.admissible, false); // EFT admits every feasible task at this low load
 * ```
 */
export async function calibrationSearch(
  params: RunParams,
  grid: CalibrationGrid,
  base: Omit<Setting, "meanArrivals" | "regime"> = DEFAULT_SETTING,
): Promise<CalibrationRow[]> {
  const points = requireNonEmpty("batchSize", grid.batchSize).flatMap((batchSize) =>
    requireNonEmpty("computeTasks", grid.computeTasks).flatMap((computeTasks) =>
      requireNonEmpty("arrivalScale", grid.arrivalScale).flatMap((arrivalScale) =>
        requireNonEmpty("costToBid", grid.costToBid).map((costToBid) => ({
          batchSize,
          computeTasks,
          arrivalScale,
          costToBid,
        }))
      )
    )
  );
  const bar = progress("pdFTSP calibration grid", points.length);
  const rows: CalibrationRow[] = [];
  for (const knobs of points) {
    const ratios = {} as Record<keyof typeof LOADS, LoadRatios & { positive: boolean }>;
    for (const [label, meanArrivals] of Object.entries(LOADS) as [keyof typeof LOADS, number][]) {
      ratios[label] = await baselineRatios(params, { ...base, meanArrivals, regime: knobs });
    }
    const logError = (value: number, target: number) =>
      value > 0 ? Math.log(value / target) ** 2 : Infinity;
    const score = (Object.keys(LOADS) as (keyof typeof LOADS)[]).reduce(
      (sum, label) =>
        sum + logError(ratios[label].eftOverNtm, CALIBRATION_TARGETS[label].eftOverNtm) +
        logError(ratios[label].titanOverEft, CALIBRATION_TARGETS[label].titanOverEft),
      0,
    );
    const { positive: p50, ...at50 } = ratios["50 nodes"];
    const { positive: p80, ...at80 } = ratios["Poisson 80"];
    rows.push({
      knobs,
      "50 nodes": at50,
      "Poisson 80": at80,
      score,
      admissible: p50 && p80 && at80.eftShare < CALIBRATION_SHARE_MARGIN,
    });
    bar.tick();
  }
  bar.done();
  return rows.sort((a, b) => Number(b.admissible) - Number(a.admissible) || a.score - b.score);
}

async function baselineRatios(
  params: RunParams,
  setting: Setting,
): Promise<LoadRatios & { positive: boolean }> {
  const { instance } = generateWorkload(scaledConfig(params, setting));
  const options = { seed: params.seed, nodeLimit: experimentScale(params.mode).titanNodes };
  const [titan, eft, ntm] = [
    await runOnline(instance, "titan", options),
    await runOnline(instance, "eft", options),
    await runOnline(instance, "ntm", options),
  ];
  return {
    eftOverNtm: eft.welfare / ntm.welfare,
    titanOverEft: titan.welfare / eft.welfare,
    eftShare: eft.admitted / headroom(instance).deadlineFeasible,
    positive: titan.welfare > 0 && eft.welfare > 0 && ntm.welfare > 0,
  };
}
