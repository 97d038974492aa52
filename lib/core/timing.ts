/**
 * In-notebook timing, so a report can show the speed it was produced at; `deno bench` files
 * remain the authoritative measurements. {@link timeIt} times single calls and reports the median
 * (for operations of a millisecond or more); {@link timeBatch} times a batch of calls and reports
 * the mean per call (for operations too short to time one by one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeBatch, timeIt } from "./timing.ts";
 * const t = timeIt(() => Math.sqrt(2), { repetitions: 5 });
 * assert.equal(t.repetitions, 5);
 * assert.ok(t.minMs <= t.medianMs && t.medianMs <= t.maxMs);
 * const b = timeBatch(() => Math.sqrt(2), 1000);
 * assert.equal(b.repetitions, 1000);
 * assert.ok(b.nsPerCall >= 0);
 * ```
 *
 * @module
 */
import { requireInteger } from "./validate.ts";

/** Wall-time summary of repeated calls, in milliseconds. */
export interface Timing {
  /** Median wall time of one call. */
  readonly medianMs: number;
  /** Fastest call. */
  readonly minMs: number;
  /** Slowest call. */
  readonly maxMs: number;
  /** Number of timed calls. */
  readonly repetitions: number;
}

/** Options of {@link timeIt}. */
export interface TimingOptions {
  /** Timed calls (default 20). */
  readonly repetitions?: number;
  /** Untimed calls first, to let the JIT settle (default 3). */
  readonly warmup?: number;
}

/**
 * Times `fn` over several calls.
 *
 * @throws {ParameterError} for a repetition count below 1 or a negative warm-up
 */
export function timeIt(fn: () => unknown, options: TimingOptions = {}): Timing {
  const repetitions = requireInteger("repetitions", options.repetitions ?? 20, 1);
  const warmup = requireInteger("warmup", options.warmup ?? 3, 0);
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const medianMs = samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
  return { medianMs, minMs: samples[0]!, maxMs: samples.at(-1)!, repetitions };
}

/** Result of {@link timeBatch}. */
export interface BatchTiming {
  /** Timed calls (warm-up calls excluded). */
  readonly repetitions: number;
  /** Wall time of the timed calls in milliseconds. */
  readonly totalMs: number;
  /** Mean time per call in nanoseconds. */
  readonly nsPerCall: number;
}

/**
 * Times `operation` over `repetitions` back-to-back calls after `warmup` untimed calls. Numeric
 * results are summed into a sink so the calls cannot be optimised away.
 *
 * @param operation the call to time
 * @param repetitions timed calls (integer >= 1)
 * @param warmup untimed calls first (integer >= 0; default min(repetitions, 100))
 * @throws {ParameterError} when repetitions < 1 or warmup < 0 (or not integers)
 */
export function timeBatch(
  operation: () => unknown,
  repetitions: number,
  warmup: number = Math.min(repetitions, 100),
): BatchTiming {
  requireInteger("repetitions", repetitions, 1);
  requireInteger("warmup", warmup, 0);
  let sink = 0;
  const numeric = (value: unknown) => typeof value === "number" ? value : 0;
  for (let i = 0; i < warmup; i++) sink += numeric(operation());
  const started = performance.now();
  for (let i = 0; i < repetitions; i++) sink += numeric(operation());
  const totalMs = performance.now() - started;
  if (sink === Number.MIN_VALUE) console.log(sink); // keeps the sink observable
  return { repetitions, totalMs, nsPerCall: totalMs * 1e6 / repetitions };
}
