/**
 * Time series cut from the loaded price and bandwidth traces.
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import { requireInteger, requireMethods, requirePositive } from "../core/validate.ts";
import type { DataFrame } from "../core/frame.ts";

/** Options of {@link hoepHourlySeries}. */
export interface HoepSeriesOptions {
  /** first day, ISO `YYYY-MM-DD` (default: the first day in the frame) */
  readonly from?: string;
  /** number of hours (default: to the end of the frame) */
  readonly hours?: number;
  /** unit of the result (default `"cad-per-mwh"`) */
  readonly unit?: "cad-per-mwh" | "cad-per-kwh";
}

/**
 * Consecutive hourly HOEP prices from a frame returned by `loadIesoHoep`.
 *
 * @param hoep the frame (columns `date`, `hour_of_day`, `hoep_cad_per_mwh`)
 * @param options start day, length and unit
 * @returns prices in CAD/MWh (or CAD/kWh), one per hour, starting at 00:00 of `from`
 * @throws {ParameterError} when `from` is not in the frame or the window runs past its end
 * @example
 * ```ts
 * import { loadIesoHoep } from "./energy.ts";
 * import { hoepHourlySeries } from "./series.ts";
 * // the AERIA window (6-20 September), in 2016 instead of 2022
 * const prices = hoepHourlySeries(loadIesoHoep(), { from: "2016-09-06", hours: 360, unit: "cad-per-kwh" });
 * ```
 */
export function hoepHourlySeries(hoep: DataFrame, options: HoepSeriesOptions = {}): number[] {
  requireMethods("hoep", hoep, ["getColumn"], "the frame of traces.loadIesoHoep");
  requireOptions(options);
  const dates = hoep.getColumn("date").toArray() as string[];
  const prices = hoep.getColumn("hoep_cad_per_mwh").toArray() as number[];
  const start = options.from === undefined ? 0 : dates.indexOf(options.from);
  if (start < 0) throw new ParameterError("from", options.from, "a date present in the frame");
  const hours = options.hours ?? prices.length - start;
  requireInteger("hours", hours, 1, prices.length - start);
  const scale = options.unit === "cad-per-kwh" ? 1 / 1000 : 1;
  return prices.slice(start, start + hours).map((price) => price * scale);
}

/** Options of {@link bandwidthSeriesMbps}. */
export interface BandwidthSeriesOptions {
  /** slot length in seconds (default 1) */
  readonly slotSeconds?: number;
  /** keep only this trace, e.g. `"report_bus_0001"` (default: all traces back to back) */
  readonly trace?: string;
}

/**
 * Time-weighted mean bandwidth per slot along the segments of a frame returned by `loadGhent4g`,
 * with the selected traces placed back to back in file order. A final partial slot is dropped.
 *
 * @param ghent the frame (columns `trace`, `duration_ms`, `bandwidth_mbps`)
 * @param options slot length and trace filter
 * @returns Mbps, one value per full slot
 * @throws {ParameterError} for a non-positive slot length or an unknown trace
 * @example
 * ```ts
 * import { loadGhent4g } from "./network.ts";
 * import { bandwidthSeriesMbps } from "./series.ts";
 * const perMinute = bandwidthSeriesMbps(loadGhent4g(), { slotSeconds: 60 });
 * ```
 */
export function bandwidthSeriesMbps(
  ghent: DataFrame,
  options: BandwidthSeriesOptions = {},
): number[] {
  requireMethods("ghent", ghent, ["getColumn"], "the frame of traces.loadGhent4g");
  requireOptions(options);
  const slot = requirePositive("slotSeconds", options.slotSeconds ?? 1);
  const traces = ghent.getColumn("trace").toArray() as string[];
  const durations = ghent.getColumn("duration_ms").toArray() as number[];
  const mbps = ghent.getColumn("bandwidth_mbps").toArray() as number[];
  if (options.trace !== undefined && !traces.includes(options.trace)) {
    throw new ParameterError("trace", options.trace, "a trace name present in the frame");
  }
  const result: number[] = [];
  let filled = 0; // seconds already accumulated in the current slot
  let megabits = 0;
  traces.forEach((trace, row) => {
    if (options.trace !== undefined && trace !== options.trace) return;
    let remaining = (durations[row] as number) / 1000;
    const rate = mbps[row] as number;
    while (remaining > 0) {
      const take = Math.min(remaining, slot - filled);
      megabits += take * rate;
      filled += take;
      remaining -= take;
      if (filled >= slot - 1e-9) {
        result.push(megabits / slot);
        filled = 0;
        megabits = 0;
      }
    }
  });
  return result;
}

function requireOptions(options: unknown): void {
  if (options === null || typeof options !== "object") {
    throw new ParameterError("options", options, "an options object");
  }
}
