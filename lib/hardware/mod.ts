/**
 * Hardware profiles: data-centre GPUs and edge devices with sourced figures (units in the field
 * names), lookup by id, and derived quantities.
 *
 * @example
 * ```ts
 * import { effectiveTflops, getHardware } from "./mod.ts";
 * const h100 = getHardware("h100-sxm");
 * effectiveTflops(h100, "fp16", 0.5); // 494.75
 * ```
 *
 * @module
 */
export type { Figure, FigureBasis, KnownFigure, SourceRef, UnknownFigure } from "./figure.ts";
export type { DeviceClass, FigureField, HardwareProfile } from "./profile.ts";
export { MissingFigureError, UnknownHardwareError } from "./errors.ts";
export { getHardware, HARDWARE, HARDWARE_IDS } from "./catalog.ts";
export { DATACENTER_GPUS } from "./datacenter.ts";
export { EDGE_DEVICES } from "./edge.ts";
export {
  effectiveTflops,
  type EnergyCostOptions,
  energyCostUsdPerHour,
  figureValue,
  gflopsPerWatt,
  type Precision,
} from "./metrics.ts";
