/**
 * Progress lines of `deno task report`: which notebooks are running, how long they have run, and
 * an estimate of what remains from the times the previous runs recorded (the execution cache keeps
 * them, one per mode and seed) or, failing that, from a time measured on this machine
 * (`data/paper_mode_times.json` in paper mode). Estimates assume the notebooks left share `jobs`
 * workers evenly; a notebook with neither has no estimate, and the total then says so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ReportProgress } from "./report_progress.ts";
 * const progress = new ReportProgress({ jobs: 2, now: () => 0 });
 * progress.plan("01_ppm", 80);
 * progress.plan("02_aeria", 40);
 * assert.equal(progress.start("01_ppm"), "01_ppm started (previous run 80.0 s) · 0/2 done");
 * ```
 *
 * @module
 */
import { requireInteger } from "../core/validate.ts";

interface Tracked {
  readonly previous: number | null;
  readonly basis: string;
  started: number | null;
  finished: boolean;
}

/** Options of {@link ReportProgress}. */
export interface ReportProgressOptions {
  /** Notebooks run at the same time. */
  readonly jobs: number;
  /** Clock in seconds (default: `performance.now() / 1000`). */
  readonly now?: () => number;
}

/** Tracks the notebooks of one report build and words their progress. */
export class ReportProgress {
  readonly #notebooks = new Map<string, Tracked>();
  readonly #jobs: number;
  readonly #now: () => number;
  readonly #begun: number;

  constructor(options: ReportProgressOptions) {
    this.#jobs = requireInteger("jobs", options.jobs, 1);
    this.#now = options.now ?? (() => performance.now() / 1000);
    this.#begun = this.#now();
  }

  /**
   * Adds a notebook that will run, with its expected time in seconds (null if unknown) and where
   * that comes from (`basis`: `previous run` by default, `measured here` for a paper-mode time
   * from the data file).
   */
  plan(name: string, expectedSeconds: number | null, basis = "previous run"): void {
    this.#notebooks.set(name, { previous: expectedSeconds, basis, started: null, finished: false });
  }

  /** Marks `name` started; returns its line. */
  start(name: string): string {
    this.#get(name).started = this.#now();
    const { previous, basis } = this.#get(name);
    return `${name} started (${
      previous === null ? "no previous run" : `${basis} ${previous.toFixed(1)} s`
    }) · ${this.#doneCount()}/${this.#notebooks.size} done`;
  }

  /** The heartbeat line of a running notebook; `detail` says where it is (cell, sweep). */
  running(name: string, detail: string | null = null): string {
    const tracked = this.#get(name);
    const elapsed = this.#now() - (tracked.started ?? this.#now());
    const eta = tracked.previous === null
      ? ""
      : tracked.previous > elapsed
      ? `, about ${(tracked.previous - elapsed).toFixed(0)} s left`
      : `, past the ${tracked.previous.toFixed(0)} s expected`;
    return `${name} running ${elapsed.toFixed(0)} s${eta}${detail ? ` · ${detail}` : ""}`;
  }

  /** Marks `name` finished; returns its line with the overall estimate. */
  finish(name: string, outcome: string): string {
    this.#get(name).finished = true;
    const elapsed = this.#now() - this.#begun;
    return `${name} ${outcome} · ${this.#doneCount()}/${this.#notebooks.size} done · ${
      elapsed.toFixed(0)
    } s elapsed${this.remainingText()}`;
  }

  /**
   * Seconds left for the unfinished notebooks (null when one of them has no expected time): their
   * expected times minus what the running ones have already spent, spread over the jobs.
   */
  remainingSeconds(): number | null {
    let left = 0;
    let pending = 0;
    for (const tracked of this.#notebooks.values()) {
      if (tracked.finished) continue;
      if (tracked.previous === null) return null;
      const spent = tracked.started === null ? 0 : this.#now() - tracked.started;
      left += Math.max(tracked.previous - spent, 0);
      pending++;
    }
    return pending === 0 ? 0 : left / Math.min(this.#jobs, pending);
  }

  /** `, about N s left` / `` (nothing left) / `, time left unknown` for the summary lines. */
  remainingText(): string {
    const left = this.remainingSeconds();
    if (left === null) return ", time left unknown (a notebook has no previous or measured time)";
    return this.#doneCount() === this.#notebooks.size ? "" : `, about ${left.toFixed(0)} s left`;
  }

  #doneCount(): number {
    return [...this.#notebooks.values()].filter((tracked) => tracked.finished).length;
  }

  #get(name: string): Tracked {
    const tracked = this.#notebooks.get(name);
    if (!tracked) throw new Error(`notebook ${name} was not planned`);
    return tracked;
  }
}

/**
 * Runs `work` on every item with at most `jobs` at a time, starting them in order; resolves when
 * all are done. A rejection stops its worker (the others go on) and is rethrown at the end.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runConcurrently } from "./report_progress.ts";
 * const seen: number[] = [];
 * await runConcurrently([1, 2, 3], 2, async (n) => {
 *   seen.push(n);
 * });
 * assert.deepEqual(seen.sort(), [1, 2, 3]);
 * ```
 */
export async function runConcurrently<T>(
  items: readonly T[],
  jobs: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  requireInteger("jobs", jobs, 1);
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(jobs, items.length) }, worker),
  );
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

/** What a notebook is expected to take, and where that comes from. */
export interface ExpectedTime {
  /** Seconds, null when unknown. */
  readonly seconds: number | null;
  /** `previous run` or `measured here`. */
  readonly basis: string;
}

/**
 * A notebook's expected time: its previous run's with the same mode and seed, else the time
 * measured on this machine (paper mode's `data/paper_mode_times.json`), else unknown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectedTime } from "./report_progress.ts";
 * assert.deepEqual(expectedTime(null, 1900), { seconds: 1900, basis: "measured here" });
 * ```
 */
export function expectedTime(
  previousSeconds: number | null,
  measuredSeconds: number | null,
): ExpectedTime {
  return previousSeconds !== null
    ? { seconds: previousSeconds, basis: "previous run" }
    : { seconds: measuredSeconds, basis: "measured here" };
}

/**
 * Notebooks in the order to start them: runs to execute by expected time, longest first (unknown
 * counts as longest, as it may be), then the cached ones; ties keep their order. With `jobs` > 1
 * this keeps a long notebook from starting last.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { longestFirst } from "./report_progress.ts";
 * const plan = (name: string, seconds: number | null, cached = false) =>
 *   ({ name, cached, expected: { seconds } });
 * const order = longestFirst([plan("a", 10), plan("b", 90), plan("c", null), plan("d", 5, true)]);
 * assert.deepEqual(order.map((p) => p.name), ["c", "b", "a", "d"]);
 * ```
 */
export function longestFirst<
  T extends { readonly cached: unknown; readonly expected: { readonly seconds: number | null } },
>(plans: readonly T[]): T[] {
  const weight = (plan: T) => plan.cached ? -1 : plan.expected.seconds ?? Number.MAX_VALUE;
  return [...plans].sort((a, b) => weight(b) - weight(a));
}
