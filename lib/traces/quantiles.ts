/**
 * Empirical quantiles and their inverse: the two halves of "calibrate on a trace, sample without
 * it".
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import { requireFiniteArray, requireInRange } from "../core/validate.ts";

/**
 * The probability grid used for stored quantiles: 0, 1%, 2.5%, 5%, 10%, 15%, ..., 90%, 95%,
 * 97.5%, 99%, 1 (25 points, denser in the tails where job durations and prices are heavy).
 */
export const QUANTILE_PROBS: readonly number[] = [
  0,
  0.01,
  0.025,
  ...Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100),
  0.975,
  0.99,
  1,
];

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan type 7,
 * the default of R and NumPy).
 *
 * @param values finite numbers, in any order (not modified)
 * @param probs probabilities in [0, 1]
 * @returns one quantile per probability
 * @throws {ParameterError} for an empty or non-finite sample, or a probability outside [0, 1]
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quantiles } from "./quantiles.ts";
 * assert.deepEqual(quantiles([4, 1, 3, 2], [0, 0.5, 1]), [1, 2.5, 4]);
 * ```
 */
export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new ParameterError("values", values, "an array of finite numbers");
  }
  requireFiniteArray("probs", probs);
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) throw new ParameterError("values", [], "a non-empty sample");
  if (!sorted.every(Number.isFinite)) {
    throw new ParameterError("values", "a sample with NaN or Infinity", "finite numbers");
  }
  return probs.map((p, i) => {
    requireInRange(`probs[${i}]`, p, 0, 1);
    const position = p * (sorted.length - 1);
    const below = Math.floor(position);
    const lower = sorted[below] as number;
    const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
    return lower + (upper - lower) * (position - below);
  });
}

/**
 * The piecewise-linear inverse CDF through `(probs[i], values[i])`, evaluated at `u`.
 *
 * @param probs increasing probabilities from 0 to 1
 * @param values the matching non-decreasing quantiles
 * @param u a probability in [0, 1]
 * @returns the interpolated quantile
 * @throws {ParameterError} for arrays of different lengths (or fewer than 2 points), non-finite
 *   entries, or `u` outside [0, 1]
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inverseCdf } from "./quantiles.ts";
 * assert.equal(inverseCdf([0, 0.5, 1], [0, 10, 30], 0.75), 20); // linear between 10 and 30
 * ```
 */
export function inverseCdf(probs: readonly number[], values: readonly number[], u: number): number {
  requireFiniteArray("probs", probs, 2);
  requireFiniteArray("values", values, probs.length);
  if (values.length !== probs.length) {
    throw new ParameterError(
      "values",
      values.length,
      `${probs.length} values, one per probability`,
    );
  }
  requireInRange("u", u, 0, 1);
  let lo = 0;
  let hi = probs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((probs[mid] as number) <= u) lo = mid;
    else hi = mid;
  }
  const p0 = probs[lo] as number;
  const p1 = probs[hi] as number;
  const v0 = values[lo] as number;
  const v1 = values[hi] as number;
  if (u >= p1) return v1;
  return v0 + (v1 - v0) * (u - p0) / (p1 - p0);
}
