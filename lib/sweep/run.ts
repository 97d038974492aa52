/**
 * The two steps of a sharded sweep: {@link runShard} runs the units of one shard in a worker pool
 * and returns its shard file; {@link mergeShardDirectory} merges a directory of shard files into
 * the paper's sweeps.
 *
 * @example
 * ```ts
 * import { runShard } from "./run.ts";
 * const file = await runShard({ paper: "ppm", params: { mode: "quick", seed: 1 },
 *   shard: { index: 0, count: 64 }, jobs: 1, instances: 1 });
 * console.log(file.results.length); // 1 (unit 0 of 36)
 * ```
 *
 * @module
 */
import type { RunParams } from "../core/params.ts";
import { runPool } from "./pool.ts";
import { shardProgressLine } from "./progress_line.ts";
import {
  mergeShards,
  readShardFiles,
  type Shard,
  SHARD_FORMAT,
  type ShardFile,
  shardIndices,
  type ShardSetParams,
} from "./shard.ts";
import { sweepAdapter } from "./units.ts";

/** Options of {@link runShard}. */
export interface RunShardOptions {
  readonly paper: string;
  readonly params: RunParams;
  readonly shard: Shard;
  /** Pool workers (default: the machine's cores). */
  readonly jobs?: number;
  /** Instances per point instead of the mode's (small trial sweeps). */
  readonly instances?: number;
  /** Progress lines (default: none): called at the start and after each unit. */
  readonly log?: (line: string, done: number, total: number) => void;
}

/**
 * Runs the units of one shard.
 *
 * @returns the shard file (results in unit order)
 * @throws {ParameterError} on an unknown paper, bad `jobs` or `instances`
 * @throws {UnitError} when a unit fails
 */
export async function runShard(options: RunShardOptions): Promise<ShardFile> {
  const { paper, params, shard, instances } = options;
  const adapter = await sweepAdapter(paper);
  const units = adapter.units(params, instances);
  const mine = shardIndices(units.length, shard);
  const label = `${paper} shard ${shard.index}/${shard.count}`;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  options.log?.(shardProgressLine(label, 0, mine.length, 0), 0, mine.length);
  const results = await runPool(mine.map((unit) => ({ kind: paper, config: units[unit] })), {
    jobs: options.jobs,
    onProgress: (done, total) =>
      options.log?.(shardProgressLine(label, done, total, elapsed()), done, total),
  });
  return {
    format: SHARD_FORMAT,
    paper,
    mode: params.mode,
    seed: params.seed,
    ...(instances === undefined ? {} : { instances }),
    shard,
    units: units.length,
    seconds: elapsed(),
    results: mine.map((unit, k) => ({ unit, result: results[k] })),
  };
}

/** Outcome of {@link mergeShardDirectory}. */
export interface MergedSweep {
  readonly params: ShardSetParams;
  /** The paper's sweeps (deterministic: no wall times). */
  readonly sweeps: unknown;
}

/**
 * Merges the shard files of `paper` in `dir` into the paper's sweeps.
 *
 * @throws {ShardSetError} when shards are missing (named) or do not belong together
 * @throws {DataFileError} on an unreadable shard file
 */
export async function mergeShardDirectory(dir: string, paper: string): Promise<MergedSweep> {
  const adapter = await sweepAdapter(paper);
  const { params, results } = mergeShards(readShardFiles(dir, paper));
  const run = { mode: params.mode, seed: params.seed };
  const sweeps = adapter.assemble(run, results, params.instances);
  return { params, sweeps };
}
