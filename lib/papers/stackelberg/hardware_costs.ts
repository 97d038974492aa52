/**
 * Modelled per-GPU costs c^TH, c^TL, c^IH, c^IL from two hardware profiles of `lib/hardware`
 * (default: H100 SXM as "high", T4 as "low") and one dated price list (default: the newest
 * recorded). The appendix gives no cost values; everything here is this reproduction's model
 * (assumption A5), not the paper's:
 *
 * - hourly cost of a device = `listShare` × on-demand list price + TDP × PUE × electricity price;
 * - **units**: demands g, capacities G^H, G^L and costs are all counted in _high-GPU equivalents_
 *   of the task: one unit of task k is the throughput of one high GPU on k. So
 *   c^{kX} = hourly cost of X × (throughput of "high" on k / throughput of X on k), and one low
 *   device supplies {@link ModelledCosts.unitsPerLowDevice} units. G^H counts high devices
 *   directly. Because a low device is worth a different number of units for training and for
 *   inference, the paper's single constraint on G^L is exact for one task only: G^L is counted in
 *   inference units (the low pool serves inference first in Stage III); training spilled to the
 *   low pool is charged c^TL per training unit and is an approximation of the capacity it uses;
 * - training throughput = dense FP16 peak × an assumed utilisation (MFU), lower on the low-end
 *   GPU; inference throughput = memory bandwidth (decode-bound serving).
 *
 * The default low GPU is the T4: with the June 2025 AWS list the L4 ($0.8048/h for 300 GB/s) buys
 * memory bandwidth dearer than the H100 ($6.88/h for 3,350 GB/s), so the paper's ordering
 * c^IH > c^IL fails for H100/L4 and {@link modelledGpuCosts} throws {@link CostOrderingError}.
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
  type SourceRef,
} from "../../hardware/mod.ts";
import type { GpuCosts } from "./model.ts";

/** Assumptions of the cost model. */
export interface CostAssumptions {
  /** hardware id of the high-performance GPU (default `h100-sxm`) */
  readonly high?: string;
  /** hardware id of the low-performance GPU (default `t4`) */
  readonly low?: string;
  /**
   * calendar date `YYYY-MM-DD` choosing the price list: the newest price listed on or before it
   * (default: the newest recorded price of each GPU)
   */
  readonly priceAsOf?: string;
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
  /** hardware id of the device */
  readonly gpu: string;
  /** on-demand list price, USD per device-hour */
  readonly listUsdPerHour: number;
  /** date of the price list the list price comes from */
  readonly listDated: string;
  /** TDP × PUE × electricity price, USD per device-hour */
  readonly energyUsdPerHour: number;
  /** `listShare` × list price + energy, USD per device-hour */
  readonly hourlyCostUsd: number;
  /** dense FP16 peak × the assumed utilisation (MFU), TFLOPS */
  readonly trainingTflops: number;
  /** memory bandwidth, GB/s (decode-bound serving) */
  readonly inferenceGBps: number;
  /** c^TX: hourly cost × (training throughput of high / of this device), per training unit */
  readonly trainingCost: number;
  /** c^IX: hourly cost × (inference throughput of high / of this device), per inference unit */
  readonly inferenceCost: number;
}

/** Costs and how they were derived. */
export interface ModelledCosts {
  /** c^TH, c^TL, c^IH, c^IL derived from the two devices */
  readonly costs: GpuCosts;
  /** the derivation for the high and the low device, in that order */
  readonly rows: readonly [CostDerivationRow, CostDerivationRow];
  /** list prices of the two GPUs (USD per device-hour), e.g. to use as price caps */
  readonly listPrices: { readonly high: number; readonly low: number };
  /** the price lists the two list prices were read from (document, publisher, date) */
  readonly priceLists: { readonly high: SourceRef; readonly low: SourceRef };
  /**
   * high-GPU-equivalent units one low device supplies: throughput of low / throughput of high
   * on each task. G^L in units = low devices × `inference` (see the module notes)
   */
  readonly unitsPerLowDevice: { readonly training: number; readonly inference: number };
  /** the costs are this reproduction's model, not values printed in the paper */
  readonly label: "modelled";
}

/** Which of the paper's cost orderings failed. */
export type CostOrdering = "training" | "inference";

/**
 * The catalogue's figures give costs that violate the paper's ordering c^TH < c^TL (training) or
 * c^IH > c^IL (inference). The message names every figure the failing comparison used, with its
 * value and source, so that a price update that breaks the model says which number did it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CostOrderingError, modelledGpuCosts } from "./hardware_costs.ts";
 * assert.throws(
 *   () => modelledGpuCosts({ low: "l4" }),
 *   (e) => e instanceof CostOrderingError && e.ordering === "inference",
 * );
 * ```
 */
export class CostOrderingError extends ParameterError {
  /** Class name, shown in stack traces and serialised errors. */
  override name = "CostOrderingError";
  /**
   * Builds a {@link ParameterError} whose rule names the failing comparison and every figure used.
   *
   * @param parameter the assumption to change (`low`, `lowTrainingUtilisation`)
   * @param value its value
   * @param ordering which ordering failed
   * @param comparison the failing comparison with its numbers
   * @param figures the catalogue figures used, `id.field = value (source, date)`
   */
  constructor(
    parameter: string,
    value: unknown,
    readonly ordering: CostOrdering,
    comparison: string,
    readonly figures: readonly string[],
  ) {
    super(parameter, value, `${comparison}; figures used: ${figures.join("; ")}`);
  }
}

/**
 * Derives per-GPU costs from two hardware profiles.
 *
 * @param assumptions overrides of the defaults listed in {@link CostAssumptions}
 * @returns costs with their derivation, labelled `modelled`
 * @throws {ParameterError} for out-of-range assumptions or a `priceAsOf` that is not a date
 * @throws {CostOrderingError} when the derived costs violate the paper's ordering c^TH < c^TL and
 *   c^IH > c^IL (e.g. H100/L4 on the June 2025 list); the message names the figures used
 * @throws {UnknownHardwareError} / {MissingFigureError} from `lib/hardware`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modelledGpuCosts } from "./hardware_costs.ts";
 * const { costs } = modelledGpuCosts();
 * assert.ok(costs.trainingHigh < costs.trainingLow); // the paper's orderings hold
 * assert.ok(costs.inferenceHigh > costs.inferenceLow);
 * ```
 */
export function modelledGpuCosts(assumptions: CostAssumptions = {}): ModelledCosts {
  const lookup = assumptions.priceAsOf === undefined ? {} : { priceAsOf: assumptions.priceAsOf };
  const high = getHardware(assumptions.high ?? "h100-sxm", lookup);
  const low = getHardware(assumptions.low ?? "t4", lookup);
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
      listDated: listSource(profile).date,
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
  const used = (throughput: "fp16Tflops" | "memoryBandwidthGBps") =>
    [high, low].flatMap((p) => [
      figureUsed(p, "onDemandUsdPerHour"),
      figureUsed(p, throughput),
      figureUsed(p, "tdpWatts"),
    ]);
  if (!(costs.trainingHigh < costs.trainingLow)) {
    throw new CostOrderingError(
      "lowTrainingUtilisation",
      lowUtil,
      "training",
      `a value making training on ${low.name} dearer per unit than on ${high.name} ` +
        `(c^TH = ${costs.trainingHigh.toFixed(3)} must be < c^TL = ${
          costs.trainingLow.toFixed(3)
        })`,
      used("fp16Tflops"),
    );
  }
  if (!(costs.inferenceHigh > costs.inferenceLow)) {
    throw new CostOrderingError(
      "low",
      low.id,
      "inference",
      `a low GPU cheaper per unit of inference than ${high.name} ` +
        `(c^IH = ${costs.inferenceHigh.toFixed(3)} must be > c^IL = ${
          costs.inferenceLow.toFixed(3)
        })`,
      used("memoryBandwidthGBps"),
    );
  }
  return {
    costs,
    rows,
    listPrices: { high: h.listUsdPerHour, low: l.listUsdPerHour },
    priceLists: { high: listSource(high), low: listSource(low) },
    unitsPerLowDevice: {
      training: l.trainingTflops / h.trainingTflops,
      inference: l.inferenceGBps / h.inferenceGBps,
    },
    label: "modelled",
  };
}

/** The source of a profile's (known) list price. */
function listSource(profile: HardwareProfile): SourceRef {
  const price = profile.onDemandUsdPerHour;
  // figureValue has already thrown MissingFigureError for an unknown price
  if (!price.known) throw new Error(`${profile.id} has no list price`);
  return price.source;
}

/** `id.field = value (document, date)` for an error message. */
function figureUsed(
  profile: HardwareProfile,
  field: "onDemandUsdPerHour" | "fp16Tflops" | "memoryBandwidthGBps" | "tdpWatts",
): string {
  const figure = profile[field];
  if (!figure.known) return `${profile.id}.${field} unknown`;
  return `${profile.id}.${field} = ${figure.value} (${figure.source.document}, ${figure.source.date})`;
}
