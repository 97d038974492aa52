/**
 * Hardware profiles: data-centre GPUs and edge devices with sourced figures (units in the field
 * names), lookup by id, and derived quantities.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { effectiveTflops, getHardware } from "./mod.ts";
 * const h100 = getHardware("h100-sxm");
 * assert.equal(effectiveTflops(h100, "fp16", 0.5), 494.75); // half of the dense FP16 peak
 * ```
 *
 * @module
 */
export type {
  CrossCheck,
  CrossCheckKind,
  CrossCheckStatus,
  Figure,
  FigureBasis,
  KnownFigure,
  PageReading,
  SourceRef,
  UnknownFigure,
} from "./figure.ts";
export { agreesWithin, CROSS_CHECK_TOLERANCE, crossCheckStatus } from "./figure.ts";
export {
  noPrice,
  priceAsOf,
  type PriceFields,
  priceHistory,
  requireCalendarDate,
} from "./prices.ts";
export { CHECKED_ON, isVendorUrl, VENDOR_DOMAINS } from "./crosscheck_pages.ts";
export { type CrossCheckSummary, crossCheckSummary } from "./crosscheck_summary.ts";
export {
  type DeviceClass,
  FIGURE_FIELDS,
  type FigureField,
  type HalfPrecisionFormat,
  type HardwareProfile,
} from "./profile.ts";
export { MissingFigureError, UnknownHardwareError } from "./errors.ts";
export { getHardware, HARDWARE, HARDWARE_IDS, type HardwareLookupOptions } from "./catalog.ts";
export { DATACENTER_GPUS } from "./datacenter.ts";
export { ACCELERATORS } from "./accelerators.ts";
export { EDGE_DEVICES } from "./edge.ts";
export {
  effectiveTflops,
  type EnergyCostOptions,
  energyCostUsdPerHour,
  figureValue,
  gflopsPerWatt,
  type Precision,
} from "./metrics.ts";
