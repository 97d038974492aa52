/**
 * Loader for Ontario's hourly energy price (HOEP) and demand, 2016 (`ieso-hoep-2016/`).
 *
 * @module
 */
import pl from "nodejs-polars";
import { DataFileError } from "../core/errors.ts";
import { cached } from "./cache.ts";
import { readTraceCsv } from "./read.ts";
import { requireTraceDir, traceFile } from "./paths.ts";
import type { DataFrame } from "../core/frame.ts";

const DAY_MS = 86_400_000;

/**
 * Hourly Ontario Energy Price and Ontario demand for every hour of 2016 (8,784 rows).
 *
 * Columns: `date` (ISO `YYYY-MM-DD`), `hour` (1-24, hour ending, as in the file),
 * `hour_index` (0-8783, hours since 2016-01-01 00:00 local time), `hour_of_day` (0-23, = hour - 1),
 * `hoep_cad_per_mwh` (price in Canadian dollars per MWh: the file's $/kWh x 1000; can be
 * negative), `demand_mwh` (Ontario demand, MWh).
 *
 * @param dir trace directory
 * @returns the hours in time order
 * @throws {DataFileError} when a file is missing or malformed, or when the price and demand
 *   files disagree on a row's date or hour
 * @example
 * ```ts
 * import { loadIesoHoep } from "./energy.ts";
 * const hoep = loadIesoHoep();
 * hoep.getColumn("hoep_cad_per_mwh").median(); // about 10.4
 * ```
 */
export function loadIesoHoep(dir?: string): DataFrame {
  const root = requireTraceDir(dir);
  return cached(`${traceFile(root, "ieso-hoep-2016")}|hoep`, () => {
    const key = [
      { from: "date", kind: "string" },
      { from: "hour", kind: "number" },
    ] as const;
    const price = readTraceCsv("ieso-hoep-2016", "price2016.csv", [...key, {
      from: "HOEP",
      kind: "number",
    }], root);
    const load = readTraceCsv("ieso-hoep-2016", "load2016.csv", [...key, {
      from: "OntDemand",
      kind: "number",
    }], root);
    const priceFile = traceFile(root, "ieso-hoep-2016", "price2016.csv");
    const dates = price.getColumn("date").toArray() as string[];
    const hours = price.getColumn("hour").toArray() as number[];
    if (load.height !== price.height) {
      throw new DataFileError(
        traceFile(root, "ieso-hoep-2016", "load2016.csv"),
        null,
        `has ${load.height} rows but price2016.csv has ${price.height}`,
      );
    }
    const loadDates = load.getColumn("date").toArray() as string[];
    const loadHours = load.getColumn("hour").toArray() as number[];
    const iso: string[] = [];
    const index: number[] = [];
    dates.forEach((date, row) => {
      const line = row + 2;
      if (loadDates[row] !== date || loadHours[row] !== hours[row]) {
        throw new DataFileError(
          priceFile,
          line,
          "date/hour differ from the same row of load2016.csv",
        );
      }
      const hour = hours[row] as number;
      if (!Number.isInteger(hour) || hour < 1 || hour > 24) {
        throw new DataFileError(priceFile, line, `hour must be an integer 1-24, found ${hour}`);
      }
      const day = parseDayMonthYear(priceFile, line, date);
      iso.push(new Date(day).toISOString().slice(0, 10));
      index.push((day - Date.UTC(2016, 0, 1)) / DAY_MS * 24 + hour - 1);
    });
    return pl.DataFrame([
      pl.Series("date", iso, pl.Utf8),
      pl.Series("hour", hours, pl.Float64),
      pl.Series("hour_index", index, pl.Float64),
      pl.Series("hour_of_day", hours.map((h) => h - 1), pl.Float64),
      price.getColumn("HOEP").mul(1000).alias("hoep_cad_per_mwh"),
      load.getColumn("OntDemand").alias("demand_mwh"),
    ]);
  });
}

/** Milliseconds since the epoch of a `DD/MM/YYYY` date at 00:00 UTC. */
function parseDayMonthYear(file: string, line: number, text: string): number {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const ms = match ? Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1])) : NaN;
  if (!match || new Date(ms).getUTCDate() !== Number(match[1])) {
    throw new DataFileError(file, line, `date is not a valid DD/MM/YYYY date: '${text}'`);
  }
  return ms;
}
