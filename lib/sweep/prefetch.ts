/**
 * Runs a paper's sweep units in the Worker pool, assembles them and primes the paper's memos, so
 * the claims and notebook cells that follow in this process read the results instead of
 * computing them on one core. The results are the same bytes as the in-process computation
 * (the adapters fold with the library's own folds), so a ledger does not depend on `jobs`.
 *
 * @example
 * ```ts
 * import { prefetchSweeps } from "./prefetch.ts";
 * await prefetchSweeps("ppm", { mode: "quick", seed: 1 }, { jobs: 2, instances: 1 });
 * ```
 *
 * @module
 */
import type { RunParams } from "../core/params.ts";
import { type Progress, progress } from "../core/progress.ts";
import { jobsFromEnv, runPool } from "./pool.ts";
import { shardProgressLine } from "./progress_line.ts";
import { sweepAdapter } from "./units.ts";

/** Options of {@link prefetchSweeps}. */
export interface PrefetchOptions {
  /** Pool workers (default: the machine's cores). */
  readonly jobs?: number;
  /** Progress lines (default: none): called at the start and after each unit. */
  readonly log?: (line: string, done: number, total: number) => void;
  /** Instances per point instead of the mode's (small trial runs; primes those options only). */
  readonly instances?: number;
}

/**
 * Computes `paper`'s sweeps in the pool and installs them in its memos.
 *
 * @param paper a key of `SWEEP_PAPERS`
 * @param params mode and seed
 * @param options workers, progress lines, instance override
 * @returns the assembled sweeps (also primed)
 * @throws {ParameterError} on an unknown paper or bad `jobs`/`instances`
 * @throws {UnitError} when a unit fails (nothing is primed)
 */
export async function prefetchSweeps(
  paper: string,
  params: RunParams,
  options: PrefetchOptions = {},
): Promise<unknown> {
  const adapter = await sweepAdapter(paper);
  const units = adapter.units(params, options.instances);
  const label = `${paper} (${params.mode}, seed ${params.seed})`;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  options.log?.(shardProgressLine(label, 0, units.length, 0), 0, units.length);
  const results = await runPool(units.map((config) => ({ kind: paper, config })), {
    jobs: options.jobs,
    onProgress: (done, total) =>
      options.log?.(shardProgressLine(label, done, total, elapsed()), done, total),
  });
  const sweeps = adapter.assemble(params, results, options.instances);
  adapter.prime(params, sweeps, options.instances);
  return sweeps;
}

/**
 * What a paper notebook's setup does: in paper mode, {@link prefetchSweeps} in a pool of
 * `TOOLKIT_JOBS` Workers (default: the cores, {@link jobsFromEnv}) so the next cells and the claims
 * read the primed memos, with a progress bar of the units done (which `deno task report` shows in
 * its heartbeat lines); in quick mode nothing (everything computes in-process).
 *
 * @param paper a key of `SWEEP_PAPERS`
 * @param params mode and seed
 * @returns in paper mode a line saying how long the units took on how many Workers, else `null`
 * @throws {ParameterError} on an unknown paper or a bad `TOOLKIT_JOBS`
 * @throws {UnitError} when a unit fails (nothing is primed)
 * @example
 * ```ts
 * import { prefetchInPaperMode } from "./prefetch.ts";
 * await prefetchInPaperMode("ppm", { mode: "quick", seed: 1 }); // null: quick mode computes in-process
 * ```
 */
export async function prefetchInPaperMode(
  paper: string,
  params: RunParams,
): Promise<string | null> {
  if (params.mode !== "paper") return null;
  const jobs = jobsFromEnv();
  const started = performance.now();
  let bar: Progress | null = null;
  await prefetchSweeps(paper, params, {
    jobs,
    log: (_line, done, total) => {
      bar ??= progress(`${paper} units in ${jobs} Worker${jobs > 1 ? "s" : ""}`, total);
      bar.tick(done - bar.completed);
    },
  });
  (bar as Progress | null)?.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return `${paper} pool units: ${seconds} s in ${jobs} Worker${jobs > 1 ? "s" : ""}.`;
}
