/**
 * The one path by which loaders read a trace file: resolve, read, parse (or read the parsed disk
 * cache), memoise.
 *
 * @module
 */
import { cached } from "./cache.ts";
import type { ColumnSpec } from "./csv.ts";
import { loadParsedTrace } from "./parsed_cache.ts";
import { requireTraceDir, traceFile, type TraceName } from "./paths.ts";
import type { DataFrame } from "../core/frame.ts";

/**
 * Reads one CSV file of a trace folder into a DataFrame, once per process, through the disk cache
 * of parsed traces (parsed_cache.ts) so that other processes need not parse it again.
 *
 * @param name the trace folder
 * @param file path inside the folder
 * @param columns the columns to keep
 * @param dir the trace directory (default: `TRACE_DIR` or `../shared/traces`)
 * @returns the frame
 * @throws {DataFileError} when the file is missing or malformed
 */
export function readTraceCsv(
  name: TraceName,
  file: string,
  columns: readonly ColumnSpec[],
  dir?: string,
): DataFrame {
  const path = traceFile(requireTraceDir(dir), name, file);
  const key = `${path}|${columns.map((c) => `${c.from}>${c.to ?? ""}:${c.kind}`).join(",")}`;
  return cached(key, () => loadParsedTrace(path, columns).frame);
}
