/**
 * Loader for the Ghent 4G/LTE bandwidth logs as converted by Sabre (`ghent-4g/`).
 *
 * @module
 */
import pl from "nodejs-polars";
import { readTraceCsv } from "./read.ts";
import type { DataFrame } from "../core/frame.ts";

/**
 * All 40 Ghent 4G traces flattened, one row per ~1 s segment (18,036 rows).
 *
 * Columns: `trace` (e.g. `"report_bus_0001"`), `mode` (bicycle, bus, car, foot, train, tram),
 * `index` (segment number within the trace), `start_s` (seconds from the trace's start),
 * `duration_ms`, `bandwidth_mbps` (megabits per second = the file's kbps / 1000),
 * `latency_ms` (a constant 20 in the conversion).
 *
 * @param dir trace directory
 * @returns the segments, grouped by trace in file order
 * @throws {DataFileError} when the file is missing or malformed
 * @example
 * ```ts
 * import { loadGhent4g } from "./network.ts";
 * loadGhent4g().getColumn("bandwidth_mbps").median(); // about 28.8
 * ```
 */
export function loadGhent4g(dir?: string): DataFrame {
  const raw = readTraceCsv("ghent-4g", "ghent4g_sabre_segments.csv", [
    { from: "trace", kind: "string" },
    { from: "mode", kind: "string" },
    { from: "index", kind: "number" },
    { from: "duration_ms", kind: "number" },
    { from: "bandwidth_kbps", kind: "number" },
    { from: "latency_ms", kind: "number" },
  ], dir);
  return raw.select(
    "trace",
    "mode",
    "index",
    pl.col("duration_ms").cumSum().over("trace").sub(pl.col("duration_ms")).div(1000).alias(
      "start_s",
    ),
    "duration_ms",
    pl.col("bandwidth_kbps").div(1000).alias("bandwidth_mbps"),
    "latency_ms",
  );
}
