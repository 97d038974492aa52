/**
 * In-notebook timing: runs a function repeatedly and reports the median wall time, so a report can
 * show the speed it was produced at. `deno bench` files remain the authoritative measurements.
 *
 * @example
 * ```ts
 * import { timeIt } from "./timing.ts";
 * const t = timeIt(() => Math.sqrt(2), { repetitions: 5 });
 * console.log(t.medianMs >= 0, t.repetitions); // true 5
 * ```
 *
 * @module
 */
import { requireInteger } from "./validate.ts";

/** Wall-time summary of repeated calls, in milliseconds. */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
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
