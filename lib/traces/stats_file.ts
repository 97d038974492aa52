/**
 * Reading and writing `data/trace_stats.json`, located relative to this module so it resolves
 * from notebooks and tests alike.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { DataFileError } from "../core/errors.ts";
import type { TraceStats } from "./stats.ts";
import { requireObject } from "../core/validate.ts";

/** Absolute path of the committed statistics file. */
export const TRACE_STATS_PATH: string = fileURLToPath(
  new URL("../../data/trace_stats.json", import.meta.url),
);

let loaded: TraceStats | undefined;

/**
 * The committed trace statistics (read once per process for the default path).
 *
 * @param path another statistics file (default {@link TRACE_STATS_PATH})
 * @returns the statistics
 * @throws {DataFileError} when the file is missing, is not JSON, or has another schema
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadTraceStats } from "./stats_file.ts";
 * const mean = loadTraceStats().jobs["msft-itp"].arrivalsPerHour.mean;
 * assert.ok(Math.abs(mean - 48.2) < 0.05);
 * ```
 */
export function loadTraceStats(path = TRACE_STATS_PATH): TraceStats {
  if (path === TRACE_STATS_PATH && loaded !== undefined) return loaded;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Deno.readTextFileSync(path));
  } catch (error) {
    throw new DataFileError(path, null, `cannot read statistics: ${(error as Error).message}`);
  }
  if ((parsed as { schema?: unknown })?.schema !== 1) {
    throw new DataFileError(path, null, "expected a statistics object with schema 1");
  }
  if (path === TRACE_STATS_PATH) loaded = parsed as TraceStats;
  return parsed as TraceStats;
}

/**
 * Serialises statistics the way `derive_stats.ts` writes them (2-space JSON and a newline).
 *
 * @param stats the statistics
 * @returns the file text
 */
export function formatTraceStats(stats: TraceStats): string {
  requireObject("stats", stats, "trace statistics with schema 1 (loadTraceStats)", ["schema"]);
  return `${JSON.stringify(stats, null, 2)}\n`;
}
