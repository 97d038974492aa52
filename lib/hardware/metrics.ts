/**
 * Quantities computed from a profile: sustained throughput at a utilisation, electricity cost per
 * hour, and energy efficiency. Every function reads figures through {@link figureValue}, so an
 * unknown figure raises {@link MissingFigureError} instead of producing a number.
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import { requireFinite, requireInteger, requireObject, requireOneOf } from "../core/validate.ts";
import { MissingFigureError } from "./errors.ts";
import { FIGURE_FIELDS, type FigureField, type HardwareProfile } from "./profile.ts";

/** Arithmetic precision of a peak-throughput figure. */
export type Precision = "fp32" | "fp16";

const PRECISIONS: readonly Precision[] = ["fp32", "fp16"];
const PEAK_FIELD: Record<Precision, FigureField> = { fp32: "fp32Tflops", fp16: "fp16Tflops" };

/**
 * The value of one figure of a profile.
 *
 * @param profile the device
 * @param field which figure
 * @returns the value, in the unit named by `field`
 * @throws {MissingFigureError} when the profile records the figure as unknown
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getHardware } from "./catalog.ts";
 * import { figureValue } from "./metrics.ts";
 * assert.equal(figureValue(getHardware("t4"), "tdpWatts"), 70);
 * ```
 */
export function figureValue(profile: HardwareProfile, field: FigureField): number {
  requireObject("profile", profile, "a hardware profile (getHardware)", ["id"]);
  requireOneOf("field", field, FIGURE_FIELDS);
  const figure = profile[field];
  if (!figure.known) throw new MissingFigureError(profile.id, field, figure.reason);
  return figure.value;
}

/**
 * Sustained throughput when a device runs at a fraction of its peak.
 *
 * @param profile the device
 * @param precision `"fp32"` (general cores) or `"fp16"` (dense tensor rate)
 * @param utilisation fraction of peak achieved, in (0, 1]
 * @returns sustained TFLOPS = peak TFLOPS x utilisation
 * @throws {ParameterError} when utilisation is not in (0, 1]
 * @throws {MissingFigureError} when the peak is unknown for this device
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getHardware } from "./catalog.ts";
 * import { effectiveTflops } from "./metrics.ts";
 * const tflops = effectiveTflops(getHardware("a100-80gb"), "fp16", 0.4); // 0.4 × 312
 * assert.ok(Math.abs(tflops - 124.8) < 1e-9);
 * ```
 */
export function effectiveTflops(
  profile: HardwareProfile,
  precision: Precision,
  utilisation: number,
): number {
  requireOneOf("precision", precision, PRECISIONS);
  requireFinite("utilisation", utilisation);
  if (!(utilisation > 0 && utilisation <= 1)) {
    throw new ParameterError("utilisation", utilisation, "0 < utilisation <= 1");
  }
  return figureValue(profile, PEAK_FIELD[precision]) * utilisation;
}

/** Options of {@link energyCostUsdPerHour}. */
export interface EnergyCostOptions {
  /** power usage effectiveness of the facility, >= 1 (default 1: device power only) */
  readonly pue?: number;
  /** number of identical devices (default 1) */
  readonly devices?: number;
}

/**
 * Electricity cost of running devices at their TDP for one hour.
 *
 * @param profile the device
 * @param usdPerKwh electricity price in USD per kWh; may be negative (wholesale prices can be)
 * @param options facility PUE and device count
 * @returns USD per hour = TDP (W) x devices x PUE / 1000 x price
 * @throws {ParameterError} for a non-finite price, PUE below 1 or a non-positive device count
 * @throws {MissingFigureError} when the TDP is unknown
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getHardware } from "./catalog.ts";
 * import { energyCostUsdPerHour } from "./metrics.ts";
 * // AERIA: three i7-13700K at PUE 1.2 and 0.1056 $/kWh
 * const usd = energyCostUsdPerHour(getHardware("i7-13700k"), 0.1056, { pue: 1.2, devices: 3 });
 * assert.ok(Math.abs(usd - 0.04752) < 1e-12);
 * ```
 */
export function energyCostUsdPerHour(
  profile: HardwareProfile,
  usdPerKwh: number,
  options: EnergyCostOptions = {},
): number {
  requireFinite("usdPerKwh", usdPerKwh);
  const pue = options.pue ?? 1;
  requireFinite("pue", pue);
  if (pue < 1) throw new ParameterError("pue", pue, "pue >= 1");
  const devices = requireInteger("devices", options.devices ?? 1, 1);
  return (figureValue(profile, "tdpWatts") * devices * pue / 1000) * usdPerKwh;
}

/**
 * Peak energy efficiency.
 *
 * @param profile the device
 * @param precision which peak to use (default `"fp32"`)
 * @returns GFLOPS per watt = peak TFLOPS x 1000 / TDP
 * @throws {MissingFigureError} when the peak or the TDP is unknown
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getHardware } from "./catalog.ts";
 * import { gflopsPerWatt } from "./metrics.ts";
 * assert.ok(Math.abs(gflopsPerWatt(getHardware("t4")) - 8100 / 70) < 1e-9); // 8.1 FP32 TFLOPS, 70 W
 * ```
 */
export function gflopsPerWatt(profile: HardwareProfile, precision: Precision = "fp32"): number {
  requireOneOf("precision", precision, PRECISIONS);
  return figureValue(profile, PEAK_FIELD[precision]) * 1000 / figureValue(profile, "tdpWatts");
}
