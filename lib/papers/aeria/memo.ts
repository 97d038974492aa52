/**
 * Memoisation of the AERIA experiments by their options, so the claims ledger reuses the work the
 * notebook has already done in the same process (paper mode runs the 120 trace-driven runs, the
 * sweeps and the regime tables once, not twice).
 *
 * Every memoised experiment is deterministic in its options (seeded randomness, no clock), so a
 * result may be shared. The key is the experiment's name plus its options serialised with sorted
 * object keys; functions (progress callbacks) are left out of the key. Results are shared objects:
 * callers must not mutate them.
 *
 * @example
 * ```ts
 * import { memoised, memoStats } from "./memo.ts";
 * const square = (o: { x: number }) => memoised("square", o, () => o.x * o.x);
 * square({ x: 3 });
 * square({ x: 3 }); // served from the memo
 * memoStats().hits; // 1
 * ```
 *
 * @module
 */
import { requireFunction, requireString } from "../../core/validate.ts";

const cache = new Map<string, unknown>();
let hits = 0;
let misses = 0;

/**
 * A stable text key of a plain value: object keys sorted, functions and `undefined` fields left
 * out, arrays in order.
 *
 * @param value options object (plain data)
 * @returns the key
 * @example
 * ```ts
 * import { optionsKey } from "./memo.ts";
 * optionsKey({ b: 1, a: [2, 3], onRun: () => {} }) === optionsKey({ a: [2, 3], b: 1 }); // true
 * ```
 */
export function optionsKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(optionsKey).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && typeof v !== "function")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${optionsKey(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * The cached result of `name` at `options`, computing and storing it on the first call. A
 * computation that throws stores nothing.
 *
 * @param name experiment name (part of the key)
 * @param options the experiment's options (see {@link optionsKey})
 * @param compute runs the experiment
 * @returns the (possibly shared) result
 * @example
 * ```ts
 * import { memoised } from "./memo.ts";
 * memoised("answer", { seed: 1 }, () => 42); // 42
 * ```
 */
export function memoised<T>(name: string, options: unknown, compute: () => T): T {
  requireString("name", name);
  requireFunction("compute", compute, "a function computing the experiment");
  const key = `${name}:${optionsKey(options)}`;
  if (cache.has(key)) {
    hits++;
    return cache.get(key) as T;
  }
  misses++;
  const value = compute();
  cache.set(key, value);
  return value;
}

/** Counters of {@link memoised} since the process started (or {@link clearMemo}). */
export interface MemoStats {
  /** Calls answered from the memo. */
  readonly hits: number;
  /** Calls that ran their computation. */
  readonly misses: number;
  /** Results currently stored. */
  readonly entries: number;
}

/**
 * Memo counters.
 *
 * @returns hits, misses and stored entries
 * @example
 * ```ts
 * import { memoStats } from "./memo.ts";
 * memoStats().entries; // number of cached experiment results
 * ```
 */
export function memoStats(): MemoStats {
  return { hits, misses, entries: cache.size };
}

/**
 * Empties the memo and resets its counters (tests; long sessions that want the memory back).
 *
 * @example
 * ```ts
 * import { clearMemo, memoStats } from "./memo.ts";
 * clearMemo();
 * memoStats().entries; // 0
 * ```
 */
export function clearMemo(): void {
  cache.clear();
  hits = 0;
  misses = 0;
}

/**
 * Stores `value` as the result of `name` at `options` (results computed elsewhere, e.g. by a
 * worker pool), so later {@link memoised} calls with that key are answered without computing.
 * An entry already stored is kept. Counts neither a hit nor a miss.
 *
 * @param name experiment name (part of the key)
 * @param options the experiment's options (see {@link optionsKey})
 * @param value the result the experiment would compute
 * @example
 * ```ts
 * import { memoised, primeMemo } from "./memo.ts";
 * primeMemo("answer", { seed: 2 }, 42);
 * memoised("answer", { seed: 2 }, () => 0); // 42
 * ```
 */
export function primeMemo(name: string, options: unknown, value: unknown): void {
  requireString("name", name);
  const key = `${name}:${optionsKey(options)}`;
  if (!cache.has(key)) cache.set(key, value);
}
