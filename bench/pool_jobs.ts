/**
 * The 1-versus-2-Worker comparison every pool bench makes: the same tasks through `runPool` with
 * 1 Worker (the baseline) and with 2, two iterations each, no warm-up (a warm-up would be a whole
 * sweep).
 *
 * @module
 */
import { type PoolTask, runPool } from "../lib/sweep/pool.ts";

/**
 * Registers the two benches of `tasks` in `group`.
 *
 * @param group bench group (its summary line gives the speed-up)
 * @param what what the tasks are, e.g. "paper-size PPM units" (the bench names count them)
 * @param tasks the pool tasks
 */
export function benchPoolJobs(group: string, what: string, tasks: readonly PoolTask[]): void {
  for (const jobs of [1, 2]) {
    Deno.bench({
      name: `${tasks.length} ${what}, ${jobs} worker${jobs > 1 ? "s" : ""}`,
      group,
      baseline: jobs === 1,
      n: 2,
      warmup: 0,
      async fn() {
        await runPool(tasks, { jobs });
      },
    });
  }
}
