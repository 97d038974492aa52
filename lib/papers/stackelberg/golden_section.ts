/**
 * Derivative-free maximisation of a unimodal function on an interval (golden-section search),
 * used to check closed-form best responses against direct numerical maximisation.
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireFinite } from "../../core/validate.ts";

const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Maximises `f` on `[lo, hi]` by golden-section search (Kiefer 1953).
 *
 * @param f unimodal on [lo, hi]
 * @param lo lower end
 * @param hi upper end (> lo)
 * @param tolerance width of the final bracket relative to the start (default 1e-12)
 * @returns the maximiser
 * @throws {ParameterError} when hi <= lo
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { goldenSectionMax } from "./golden_section.ts";
 * assert.ok(Math.abs(goldenSectionMax((x) => -(x - 2) * (x - 2), 0, 5) - 2) < 1e-9);
 * ```
 */
export function goldenSectionMax(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tolerance = 1e-12,
): number {
  requireFinite("lo", lo);
  requireFinite("hi", hi);
  if (!(hi > lo)) throw new ParameterError("hi", hi, `hi > lo (${lo})`);
  let a = lo;
  let b = hi;
  let c = b - INVERSE_PHI * (b - a);
  let d = a + INVERSE_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  const stop = tolerance * (hi - lo);
  while (b - a > stop) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INVERSE_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INVERSE_PHI * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/**
 * Finds an upper end for a search on [lo, ∞): doubles a step until `f` stops increasing.
 *
 * @param f function that eventually decreases
 * @param lo start
 * @param step first step (> 0)
 * @returns a point beyond the maximiser of a unimodal `f`
 * @throws {ParameterError} when no decrease is found within 200 doublings
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expandUpper } from "./golden_section.ts";
 * assert.ok(expandUpper((x) => -(x - 10) * (x - 10), 0, 1) >= 10);
 * ```
 */
export function expandUpper(f: (x: number) => number, lo: number, step: number): number {
  let previous = f(lo + step);
  for (let k = 1; k < 200; k++) {
    const x = lo + step * 2 ** k;
    const value = f(x);
    if (value < previous) return x;
    previous = value;
  }
  throw new ParameterError("f", "increasing", "a function that eventually decreases");
}
