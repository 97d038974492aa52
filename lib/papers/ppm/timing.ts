/**
 * A small wall-clock timing helper for the notebook's live speed table: runs an operation a fixed
 * number of times (after a warm-up) and reports the mean time per call. Indicative only — the
 * authoritative measurements are the `deno bench` medians of bench/ppm_bench.ts.
 *
 * @example
 * ```ts
 * import { timeRepeated } from "./timing.ts";
 * const t = timeRepeated(() => Math.sqrt(2), 1000);
 * console.log(t.nsPerCall > 0, t.repetitions); // true 1000
 * ```
 *
 * @module
 */
import { requireInteger } from "../../core/validate.ts";

/** Result of {@link timeRepeated}. */
export interface Timing {
  /** Timed calls (warm-up calls excluded). */
  readonly repetitions: number;
  /** Wall time of the timed calls in milliseconds (performance.now()). */
  readonly totalMs: number;
  /** Mean time per call in nanoseconds. */
  readonly nsPerCall: number;
}

/**
 * Times `operation` over `repetitions` calls with performance.now(), after `warmup` untimed calls.
 * Numeric results are summed into a sink so the calls cannot be optimised away.
 *
 * @param operation the call to time
 * @param repetitions timed calls (integer ≥ 1)
 * @param warmup untimed calls before timing (integer ≥ 0; default min(repetitions, 100))
 * @returns repetitions, total milliseconds and mean nanoseconds per call
 * @throws {ParameterError} when repetitions < 1 or warmup < 0 (or not integers)
 * @example
 * ```ts
 * import { timeRepeated } from "./timing.ts";
 * timeRepeated(() => [1, 2, 3].map((x) => x * 2), 100, 10).nsPerCall;
 * ```
 */
export function timeRepeated(
  operation: () => unknown,
  repetitions: number,
  warmup = Math.min(repetitions, 100),
): Timing {
  requireInteger("repetitions", repetitions, 1);
  requireInteger("warmup", warmup, 0);
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += numeric(operation());
  const started = performance.now();
  for (let i = 0; i < repetitions; i++) sink += numeric(operation());
  const totalMs = performance.now() - started;
  if (sink === Number.MIN_VALUE) console.log(sink);
  return { repetitions, totalMs, nsPerCall: totalMs * 1e6 / repetitions };
}

function numeric(value: unknown): number {
  return typeof value === "number" ? value : 0;
}
