/**
 * Modelled per-GPU costs c^TH, c^TL, c^IH, c^IL from two hardware profiles of `lib/hardware`
 * (default: H100 SXM as "high", L4 as "low"). The appendix gives no cost values; everything here
 * is this reproduction's model (assumption A5), not the paper's:
 *
 * - hourly cost of a device = `listShare` × on-demand list price + TDP × PUE × electricity price;
 * - the paper counts a GPU of either pool as one unit of capacity, so the performance gap is
 *   folded into cost: c^{kX} = hourly cost of X × (throughput of "high" on task k / throughput of
 *   X on task k), i.e. dollars per high-GPU-equivalent hour of task k;
 * - training throughput = dense FP16/BF16 peak × an assumed utilisation (MFU), lower on the
 *   low-end GPU (24 GB, PCIe only); inference throughput = memory bandwidth (decode-bound serving).
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireInRange, requirePositive } from "../../core/validate.ts";
import {
  energyCostUsdPerHour,
  figureValue,
  getHardware,
  type HardwareProfile,
} from "../../hardware/mod.ts";
import type { GpuCosts } from "./model.ts";

/** Assumptions of the cost model. */
export interface CostAssumptions {
  /** hardware id of the high-performance GPU (default `h100-sxm`) */
  readonly high?: string;
  /** hardware id of the low-performance GPU (default `l4`) */
  readonly low?: string;
  /** share of the on-demand list price that is the provider's own cost (default 0.5) */
  readonly listShare?: number;
  /** electricity price, USD/kWh (default 0.10) */
  readonly usdPerKwh?: number;
  /** power usage effectiveness (default 1.2) */
  readonly pue?: number;
  /** training utilisation (MFU) of the high GPU (default 0.5) */
  readonly highTrainingUtilisation?: number;
  /** training utilisation (MFU) of the low GPU (default 0.25) */
  readonly lowTrainingUtilisation?: number;
}

/** One row of the derivation, for display. */
export interface CostDerivationRow {
  readonly gpu: string;
  readonly listUsdPerHour: number;
  readonly energyUsdPerHour: number;
  readonly hourlyCostUsd: number;
  readonly trainingTflops: number;
  readonly inferenceGBps: number;
  readonly trainingCost: number;
  readonly inferenceCost: number;
}

/** Costs and how they were derived. */
export interface ModelledCosts {
  readonly costs: GpuCosts;
  readonly rows: readonly [CostDerivationRow, CostDerivationRow];
  /** list prices of the two GPUs (USD per device-hour), e.g. to use as price caps */
  readonly listPrices: { readonly high: number; readonly low: number };
  readonly label: "modelled";
}

/**
 * Derives per-GPU costs from two hardware profiles.
 *
 * @param assumptions overrides of the defaults listed in {@link CostAssumptions}
 * @returns costs with their derivation, labelled `modelled`
 * @throws {ParameterError} for out-of-range assumptions, or when the derived costs violate the
 *   paper's ordering c^TH < c^TL and c^IH > c^IL (e.g. equal utilisations for H100 and L4)
 * @throws {UnknownHardwareError} / {MissingFigureError} from `lib/hardware`
 * @example
 * ```ts
 * import { modelledGpuCosts } from "./hardware_costs.ts";
 * const { costs } = modelledGpuCosts();
 * console.log(costs.trainingHigh < costs.trainingLow); // true
 * ```
 */
export function modelledGpuCosts(assumptions: CostAssumptions = {}): ModelledCosts {
  const high = getHardware(assumptions.high ?? "h100-sxm");
  const low = getHardware(assumptions.low ?? "l4");
  const listShare = requireInRange("listShare", assumptions.listShare ?? 0.5, 0.01, 1);
  const usdPerKwh = requirePositive("usdPerKwh", assumptions.usdPerKwh ?? 0.1);
  const pue = assumptions.pue ?? 1.2;
  const highUtil = requireInRange(
    "highTrainingUtilisation",
    assumptions.highTrainingUtilisation ?? 0.5,
    0.01,
    1,
  );
  const lowUtil = requireInRange(
    "lowTrainingUtilisation",
    assumptions.lowTrainingUtilisation ?? 0.25,
    0.01,
    1,
  );
  const describe = (profile: HardwareProfile, utilisation: number) => {
    const list = figureValue(profile, "onDemandUsdPerHour");
    const energy = energyCostUsdPerHour(profile, usdPerKwh, { pue });
    return {
      gpu: profile.name,
      listUsdPerHour: list,
      energyUsdPerHour: energy,
      hourlyCostUsd: listShare * list + energy,
      trainingTflops: figureValue(profile, "fp16Tflops") * utilisation,
      inferenceGBps: figureValue(profile, "memoryBandwidthGBps"),
    };
  };
  const h = describe(high, highUtil);
  const l = describe(low, lowUtil);
  const row = (x: typeof h): CostDerivationRow => ({
    ...x,
    trainingCost: x.hourlyCostUsd * (h.trainingTflops / x.trainingTflops),
    inferenceCost: x.hourlyCostUsd * (h.inferenceGBps / x.inferenceGBps),
  });
  const rows = [row(h), row(l)] as const;
  const costs: GpuCosts = {
    trainingHigh: rows[0].trainingCost,
    trainingLow: rows[1].trainingCost,
    inferenceHigh: rows[0].inferenceCost,
    inferenceLow: rows[1].inferenceCost,
  };
  if (!(costs.trainingHigh < costs.trainingLow)) {
    throw new ParameterError(
      "lowTrainingUtilisation",
      lowUtil,
      `a value making training on ${low.name} dearer per unit than on ${high.name} ` +
        `(c^TH = ${costs.trainingHigh.toFixed(3)} must be < c^TL = ${
          costs.trainingLow.toFixed(3)
        })`,
    );
  }
  if (!(costs.inferenceHigh > costs.inferenceLow)) {
    throw new ParameterError(
      "low",
      low.id,
      `a low GPU cheaper per unit of inference than ${high.name} ` +
        `(c^IH = ${costs.inferenceHigh.toFixed(3)} must be > c^IL = ${
          costs.inferenceLow.toFixed(3)
        })`,
    );
  }
  return {
    costs,
    rows,
    listPrices: { high: h.listUsdPerHour, low: l.listUsdPerHour },
    label: "modelled",
  };
}
