/**
 * A disk cache of parsed trace files. Parsing the 12 MB Google 2011 job file takes one to two
 * seconds of CPU; every process that needs it (a pool Worker, a Slurm shard, a notebook kernel, a
 * test) paid that again. Here the first process stores the parsed DataFrame as an Arrow IPC file
 * and the others read it in milliseconds.
 *
 * An entry is named by a SHA-256 of the trace file's bytes, the requested columns and the source
 * of the CSV parser (`csv.ts`), so a changed file, column list or parser never meets an old entry.
 * The cache cannot change a result: an entry that is missing, unreadable or corrupt is parsed
 * afresh (and rewritten), a folder that cannot be written is skipped, and a malformed trace is
 * never stored, so it fails with the same {@link DataFileError} every time. Entries are written to
 * a temporary name and renamed, so processes that miss at the same time do not read half a file.
 *
 * Folder: `$TOOLKIT_TRACE_CACHE_DIR`, else `.cache/traces` in the repository (git-ignored; delete
 * it to clear the cache); `TOOLKIT_TRACE_CACHE_DIR=off` turns the cache off. Entries are derived
 * from the traces and are never committed.
 *
 * @example
 * ```ts
 * import { loadParsedTrace } from "./parsed_cache.ts";
 * const file = Deno.makeTempFileSync({ suffix: ".csv" });
 * Deno.writeTextFileSync(file, "a,b\n1,x\n2,\n");
 * const dir = Deno.makeTempDirSync();
 * const columns = [{ from: "a", kind: "number" }, { from: "b", kind: "string", nullable: true }] as const;
 * loadParsedTrace(file, columns, dir).fromCache; // false: parsed and stored
 * loadParsedTrace(file, columns, dir).fromCache; // true: read from dir
 * ```
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pl from "nodejs-polars";
import { type ColumnSpec, decodeTraceText, parseCsv, readTraceBytes } from "./csv.ts";
import type { DataFrame } from "../core/frame.ts";

/** Environment variable naming the cache folder (`off` disables the cache). */
export const TRACE_CACHE_ENV = "TOOLKIT_TRACE_CACHE_DIR";

/** A parsed trace file and where it came from. */
export interface ParsedTrace {
  /** the requested columns, as {@link parseCsv} returns them */
  readonly frame: DataFrame;
  /** whether it was read from the cache instead of parsed */
  readonly fromCache: boolean;
}

/**
 * The cache folder: `$TOOLKIT_TRACE_CACHE_DIR`, else `.cache/traces` in the repository, or null
 * when the cache is off (`off`, or this module is not a local file, e.g. imported from a registry).
 */
export function traceCacheDir(): string | null {
  let fromEnv: string | undefined;
  try {
    fromEnv = Deno.env.get(TRACE_CACHE_ENV);
  } catch {
    fromEnv = undefined; // no --allow-env: the default applies
  }
  if (fromEnv === "off") return null;
  if (fromEnv) return resolve(fromEnv);
  const local = new URL("../../.cache/traces", import.meta.url);
  return local.protocol === "file:" ? fileURLToPath(local) : null;
}

/**
 * Parses the trace file at `path` into `columns`, through the cache folder `cacheDir`.
 *
 * @param path the trace file (`.csv` or `.csv.gz`)
 * @param columns the columns to keep ({@link parseCsv})
 * @param cacheDir the cache folder, or null to parse without a cache (default {@link traceCacheDir})
 * @returns the frame and whether the cache supplied it
 * @throws {DataFileError} when the file is missing or malformed (nothing is stored then)
 */
export function loadParsedTrace(
  path: string,
  columns: readonly ColumnSpec[],
  cacheDir: string | null = traceCacheDir(),
): ParsedTrace {
  const bytes = readTraceBytes(path);
  const parse = () => parseCsv(path, decodeTraceText(path, bytes), columns);
  const digest = parserDigest();
  if (cacheDir === null || digest === null) return { frame: parse(), fromCache: false };
  const entry = join(cacheDir, `${entryName(bytes, columns, digest)}.arrow`);
  const hit = readEntry(entry);
  if (hit) return { frame: hit, fromCache: true };
  const frame = parse();
  writeEntry(entry, frame);
  return { frame, fromCache: false };
}

let parserSource: string | null | undefined;

/** SHA-256 of the parser's source, or null when it cannot be read (not a local module). */
function parserDigest(): string | null {
  if (parserSource === undefined) {
    const url = new URL("./csv.ts", import.meta.url);
    try {
      parserSource = url.protocol === "file:" ? sha256(Deno.readFileSync(url)) : null;
    } catch {
      parserSource = null;
    }
  }
  return parserSource;
}

function entryName(bytes: Uint8Array, columns: readonly ColumnSpec[], digest: string): string {
  return sha256(`${sha256(bytes)}|${JSON.stringify(columns)}|${digest}`);
}

function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

function readEntry(entry: string): DataFrame | null {
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(entry);
  } catch {
    return null;
  }
  try {
    return pl.readIPC(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return null; // corrupt or truncated: parse again and overwrite
  }
}

function writeEntry(entry: string, frame: DataFrame): void {
  const temporary = `${entry}.${Deno.pid}-${crypto.randomUUID()}.tmp`;
  try {
    Deno.mkdirSync(join(entry, ".."), { recursive: true });
    Deno.writeFileSync(temporary, frame.writeIPC());
    Deno.renameSync(temporary, entry);
  } catch {
    // a folder that cannot be written only costs the next process a parse
    try {
      Deno.removeSync(temporary);
    } catch {
      // nothing was written
    }
  }
}
