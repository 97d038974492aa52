/**
 * Shards of a sweep: shard `i/N` holds the units whose index is ≡ i (mod N), so any N splits the
 * same unit list and a Slurm array task or a GNU parallel job needs only its index. A shard file
 * records what was run (paper, mode, seed, instance override, shard, unit count) next to the
 * results; {@link mergeShards} checks that a set of files is complete and consistent and puts the
 * results back in unit order.
 *
 * @example
 * ```ts
 * import { parseShard, shardIndices } from "./shard.ts";
 * shardIndices(10, parseShard("3/4")); // [3, 7]
 * ```
 *
 * @module
 */
import { DataFileError, ParameterError } from "../core/errors.ts";
import type { RunMode } from "../core/params.ts";

/** Shard `index` of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Version tag of the shard file format. */
export const SHARD_FORMAT = "toolkit-sweep-shard/1";

/** Contents of one shard file. */
export interface ShardFile {
  readonly format: typeof SHARD_FORMAT;
  readonly paper: string;
  readonly mode: RunMode;
  readonly seed: number;
  /** Instance override of a small sweep (absent: the mode's sizes). */
  readonly instances?: number;
  readonly shard: Shard;
  /** Units of the whole sweep (all shards). */
  readonly units: number;
  /** Wall time of this shard in seconds (informational; not merged). */
  readonly seconds: number;
  /** Result of each unit of this shard, by unit index. */
  readonly results: readonly { readonly unit: number; readonly result: unknown }[];
}

/**
 * Parses `i/N` (0 ≤ i < N).
 *
 * @throws {ParameterError} naming `--shard` on anything else
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index >= count) {
    throw new ParameterError("--shard", text, "i/N with integers 0 ≤ i < N (e.g. 3/64)");
  }
  return { index, count };
}

/** Unit indices of `shard` among `total` units. */
export function shardIndices(total: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let unit = shard.index; unit < total; unit += shard.count) indices.push(unit);
  return indices;
}

/** File name of a shard: `ppm-shard-3-of-64.json`. */
export function shardFileName(paper: string, shard: Shard): string {
  return `${paper}-shard-${shard.index}-of-${shard.count}.json`;
}

/** A set of shard files is incomplete or does not belong together. */
export class ShardSetError extends Error {
  override name = "ShardSetError";
  /**
   * @param problem what is wrong
   * @param missing indices of the missing shards (empty when something else is wrong)
   */
  constructor(problem: string, readonly missing: readonly number[] = []) {
    super(problem);
  }
}

/** What a merged set of shards was run with. */
export interface ShardSetParams {
  readonly paper: string;
  readonly mode: RunMode;
  readonly seed: number;
  readonly instances?: number;
}

/**
 * Checks that `files` are all shards of one sweep and puts their results in unit order.
 *
 * @param files parsed shard files with their paths (for messages)
 * @returns the common parameters and the result of unit `i` at index `i`
 * @throws {ShardSetError} naming the missing shards, or the first file that differs from the
 *   others (paper, mode, seed, instances, shard count or unit count), or a unit present twice or
 *   not at all
 */
export function mergeShards(
  files: readonly { readonly path: string; readonly file: ShardFile }[],
): { params: ShardSetParams; results: unknown[] } {
  const first = files[0];
  if (!first) throw new ShardSetError("no shard files to merge");
  const { paper, mode, seed, instances, shard: { count }, units } = first.file;
  for (const { path, file } of files) {
    const differs = file.paper !== paper
      ? "paper"
      : file.mode !== mode
      ? "mode"
      : file.seed !== seed
      ? "seed"
      : file.instances !== instances
      ? "instances"
      : file.shard.count !== count
      ? "shard count"
      : file.units !== units
      ? "unit count"
      : null;
    if (differs) {
      throw new ShardSetError(`${path}: ${differs} differs from ${first.path}`);
    }
  }
  const present = new Set(files.map(({ file }) => file.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !present.has(i));
  if (missing.length > 0) {
    const names = missing.slice(0, 10).map((index) => shardFileName(paper, { index, count }));
    throw new ShardSetError(
      `missing ${missing.length} of ${count} shards: ${missing.join(", ")} (${names.join(", ")}${
        missing.length > 10 ? ", …" : ""
      })`,
      missing,
    );
  }
  const results: unknown[] = new Array(units);
  const seen = new Array<boolean>(units).fill(false);
  for (const { path, file } of files) {
    for (const { unit, result } of file.results) {
      if (
        !Number.isInteger(unit) || unit < 0 || unit >= units || unit % count !== file.shard.index
      ) {
        throw new ShardSetError(
          `${path}: unit ${unit} does not belong to shard ${file.shard.index}/${count}`,
        );
      }
      if (seen[unit]) throw new ShardSetError(`${path}: unit ${unit} appears twice`);
      seen[unit] = true;
      results[unit] = result;
    }
  }
  const absent = seen.findIndex((s) => !s);
  if (absent >= 0) throw new ShardSetError(`unit ${absent} has no result in any shard`);
  return {
    params: { paper, mode, seed, ...(instances === undefined ? {} : { instances }) },
    results,
  };
}

/**
 * Reads every `*-shard-*-of-*.json` of `paper` in `dir`.
 *
 * @throws {DataFileError} on a file that is not JSON or not a shard file
 */
export function readShardFiles(
  dir: string,
  paper: string,
): { path: string; file: ShardFile }[] {
  const pattern = new RegExp(`^${paper}-shard-\\d+-of-\\d+\\.json$`);
  const paths = [...Deno.readDirSync(dir)]
    .filter((entry) => entry.isFile && pattern.test(entry.name))
    .map((entry) => `${dir}/${entry.name}`)
    .sort();
  return paths.map((path) => {
    let file: ShardFile;
    try {
      file = JSON.parse(Deno.readTextFileSync(path));
    } catch (error) {
      throw new DataFileError(path, null, `not JSON: ${(error as Error).message}`);
    }
    if (file?.format !== SHARD_FORMAT) {
      throw new DataFileError(path, null, `not a shard file (format ≠ ${SHARD_FORMAT})`);
    }
    return { path, file };
  });
}
