/**
 * Where the raw traces live. `TRACE_DIR` wins; otherwise `../shared/traces` next to the repository
 * root, resolved from this module's own location so notebooks in `notebooks/` find it too.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataFileError, ParameterError } from "../core/errors.ts";
import { requireOneOf } from "../core/validate.ts";
import { existsSync } from "node:fs";

/** The trace folders this module knows how to read. */
export const TRACE_NAMES = [
  "msft-itp-elasticflow",
  "philly-derived",
  "helios-derived",
  "alibaba-gpu-v2023",
  "google-2011",
  "ieso-hoep-2016",
  "ghent-4g",
  "lora-throughput-vectorlm",
  "gpu-throughput-elasticflow-a100",
  "dnn-layer-profiles",
] as const;

/** Name of one trace folder. */
export type TraceName = typeof TRACE_NAMES[number];

const DEFAULT_DIR = fileURLToPath(new URL("../../../shared/traces", import.meta.url));

/**
 * The directory holding the trace folders.
 *
 * @returns `$TRACE_DIR` when set and non-empty, else the default `../shared/traces` beside the
 *   repository root when it exists, else `null`
 * @throws {DataFileError} when `TRACE_DIR` names a directory that does not exist (a mistyped
 *   path must not silently switch the notebooks to synthetic data)
 * @example
 * ```ts
 * import { traceDir } from "./paths.ts";
 * const dir = traceDir(); // e.g. "/work/shared/traces", or null on a machine without traces
 * ```
 */
export function traceDir(): string | null {
  const fromEnv = Deno.env.get("TRACE_DIR");
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!existsSync(fromEnv)) {
      throw new DataFileError(fromEnv, null, "TRACE_DIR is set but this directory does not exist");
    }
    return fromEnv;
  }
  return existsSync(DEFAULT_DIR) ? DEFAULT_DIR : null;
}

/**
 * Whether a trace folder is present.
 *
 * @param name the trace folder
 * @param dir the trace directory (default {@link traceDir})
 * @returns true when `dir/name` exists
 * @throws {ParameterError} for an unknown trace name or a `dir` that is not a string
 * @example
 * ```ts
 * import { tracesAvailable } from "./paths.ts";
 * if (!tracesAvailable("google-2011")) console.log("using synthetic arrivals");
 * ```
 */
export function tracesAvailable(name: TraceName, dir: string | null = traceDir()): boolean {
  requireOneOf("name", name, TRACE_NAMES);
  if (dir !== null) requireDirString(dir);
  return dir !== null && existsSync(join(dir, name));
}

/**
 * Path of a file inside a trace folder (existence is checked when the file is read).
 *
 * @param dir the trace directory
 * @param name the trace folder
 * @param parts path segments inside the folder
 * @returns the joined path
 */
export function traceFile(dir: string, name: TraceName, ...parts: string[]): string {
  return join(dir, name, ...parts);
}

/**
 * The trace directory to read from: the given one, else {@link traceDir}.
 *
 * @param dir an explicit directory, or undefined for the default
 * @returns the directory
 * @throws {DataFileError} when no directory is given and none is found
 * @throws {ParameterError} when `dir` is given but is not a non-empty string
 */
export function requireTraceDir(dir?: string): string {
  if (dir !== undefined) requireDirString(dir);
  const resolved = dir ?? traceDir();
  if (resolved === null) {
    throw new DataFileError(
      DEFAULT_DIR,
      null,
      "no trace directory: set TRACE_DIR or place the traces at ../shared/traces",
    );
  }
  return resolved;
}

function requireDirString(dir: unknown): void {
  if (typeof dir !== "string" || dir === "") {
    throw new ParameterError("dir", dir, "a trace directory path (non-empty string)");
  }
}
