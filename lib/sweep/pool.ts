/**
 * A pool of Deno Workers that runs sweep units (a pure function of a JSON configuration, see
 * units.ts) `jobs` at a time. Results come back in unit order whatever the number of workers, so
 * merging them gives the same bytes with 1 or N workers. A unit that throws, or a worker that
 * dies, stops the pool with a {@link UnitError} naming the unit and the error; no worker is left
 * running.
 *
 * @example
 * ```ts
 * import { runPool } from "./pool.ts";
 * const config = { mode: "quick", seed: 1, sweep: "fig7", point: 0, instance: 0, instances: 1 };
 * const [result] = await runPool([{ kind: "ppm", config }], { jobs: 1 });
 * ```
 *
 * @module
 */
import { requireInteger } from "../core/validate.ts";

/** One unit for the pool. */
export interface PoolTask {
  /** Unit kind (see `UNIT_KINDS`). */
  readonly kind: string;
  /** JSON configuration of the unit. */
  readonly config: unknown;
}

/** Message to a worker: run unit `index`. */
export interface PoolRequest extends PoolTask {
  readonly index: number;
}

/** A worker's answer for unit `index`. */
export type PoolReply =
  | { readonly index: number; readonly ok: true; readonly result: unknown }
  | {
    readonly index: number;
    readonly ok: false;
    readonly error: { readonly name: string; readonly message: string; readonly stack: string };
  };

/** Options of {@link runPool}. */
export interface PoolOptions {
  /** Workers (default {@link defaultJobs}); more than the units are not started. */
  readonly jobs?: number;
  /** Worker module (default worker.ts next to this file; tests pass their own). */
  readonly worker?: URL;
  /** Called after each unit with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A unit failed: it threw, or its worker died while running it.
 *
 * @example
 * ```ts
 * import { UnitError } from "./pool.ts";
 * const e = new UnitError(3, { kind: "ppm", config: { point: 9 } }, "ParameterError", "bad point");
 * console.log(e.message); // unit 3 (ppm {"point":9}) failed: ParameterError: bad point
 * ```
 */
export class UnitError extends Error {
  override name = "UnitError";
  /**
   * @param unit index of the unit in the task list
   * @param task the unit's kind and configuration
   * @param errorName name of the error it raised (`WorkerCrash` when the worker died)
   * @param errorMessage its message
   */
  constructor(
    readonly unit: number,
    readonly task: PoolTask,
    readonly errorName: string,
    readonly errorMessage: string,
  ) {
    super(
      `unit ${unit} (${task.kind} ${
        JSON.stringify(task.config)
      }) failed: ${errorName}: ${errorMessage}`,
    );
  }
}

/** Workers by default: the machine's logical cores (`navigator.hardwareConcurrency`). */
export function defaultJobs(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/** Environment variable with the pool size of a notebook's sweeps (`deno task nb`/`report`). */
export const JOBS_ENV = "TOOLKIT_JOBS";

/**
 * Workers for a notebook's pool: `TOOLKIT_JOBS` when set, else {@link defaultJobs}. Kept out of
 * the run parameters and the execution-cache key: the results do not depend on it.
 *
 * @throws {ParameterError} naming `TOOLKIT_JOBS` when it is not an integer ≥ 1
 * @example
 * ```ts
 * import { jobsFromEnv } from "./pool.ts";
 * console.log(jobsFromEnv() >= 1); // true
 * ```
 */
export function jobsFromEnv(): number {
  const value = Deno.env.get(JOBS_ENV);
  return value === undefined || value === ""
    ? defaultJobs()
    : requireInteger(JOBS_ENV, Number(value), 1);
}

/**
 * Runs every task in Deno Workers, at most `jobs` at a time.
 *
 * @param tasks units to run
 * @param options workers, worker module, progress callback
 * @returns the result of task `i` at index `i`
 * @throws {ParameterError} when `jobs` is not an integer ≥ 1
 * @throws {UnitError} when a unit throws or its worker dies (the other workers are stopped)
 */
export async function runPool(
  tasks: readonly PoolTask[],
  options: PoolOptions = {},
): Promise<unknown[]> {
  const jobs = requireInteger("jobs", options.jobs ?? defaultJobs(), 1);
  const url = options.worker ?? new URL("./worker.ts", import.meta.url);
  const results: unknown[] = new Array(tasks.length);
  if (tasks.length === 0) return results;
  return await new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const running = new Map<Worker, number>();
    let next = 0;
    let done = 0;
    let settled = false;
    const stop = () => {
      settled = true;
      for (const worker of workers) worker.terminate();
    };
    const fail = (unit: number, name: string, message: string) => {
      if (settled) return;
      stop();
      reject(new UnitError(unit, tasks[unit] ?? { kind: "none", config: null }, name, message));
    };
    const feed = (worker: Worker) => {
      if (next >= tasks.length) {
        running.delete(worker);
        worker.terminate();
        return;
      }
      const index = next++;
      running.set(worker, index);
      const request: PoolRequest = { index, ...tasks[index]! };
      worker.postMessage(request);
    };
    const onReply = (worker: Worker, reply: PoolReply) => {
      if (settled) return;
      if (!reply.ok) return fail(reply.index, reply.error.name, reply.error.message);
      results[reply.index] = reply.result;
      done++;
      options.onProgress?.(done, tasks.length);
      if (done === tasks.length) {
        stop();
        resolve(results);
      } else {
        feed(worker);
      }
    };
    for (let k = 0; k < Math.min(jobs, tasks.length); k++) {
      const worker = new Worker(url, { type: "module" });
      workers.push(worker);
      worker.onmessage = (event: MessageEvent<PoolReply>) => onReply(worker, event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        fail(running.get(worker) ?? -1, "WorkerCrash", event.message);
      };
      worker.onmessageerror = () => {
        fail(running.get(worker) ?? -1, "WorkerCrash", "the result could not be deserialised");
      };
      feed(worker);
    }
  });
}
