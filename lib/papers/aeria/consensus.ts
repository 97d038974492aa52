/**
 * Randomized consensus estimates (paper Sec. V-C, Step 2; Goldberg & Hartline 2003): the function
 * f(ϖ) = y^(⌊log_y ϖ − ε⌋ + ε) (Eq. 12), the base y maximising the Theorem 2 bound
 * (1/ln y)(1/δ − 1/y), and CENTRE (Algorithm 2).
 *
 * Setting the derivative of the bound to zero gives ln y = y/δ − 1 (unique root above δ for δ > 1),
 * and at that root the bound equals 1/y; {@link consensusBase} solves it by safeguarded Newton.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { consensusBase } from "./consensus.ts";
 * const { y, ratio } = consensusBase(1.25);
 * assert.ok(Math.abs(y - 2.2805) < 1e-3 && Math.abs(ratio - 1 / y) < 1e-9);
 * ```
 *
 * @module
 */
import { ParameterError, SolverError } from "../../core/errors.ts";
import {
  requireFinite,
  requireGreaterThan,
  requireInRange,
  requirePositive,
} from "../../core/validate.ts";

/**
 * Eq. (12): ϖ rounded down to the nearest y^(w+ε), w integer.
 *
 * @param value ϖ > 0
 * @param y base > 1
 * @param epsilon ε in [0, 1]
 * @returns f(ϖ)
 * @throws {ParameterError} for non-positive ϖ, y ≤ 1 or ε outside [0, 1]
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { consensusEstimate } from "./consensus.ts";
 * assert.ok(Math.abs(consensusEstimate(10, 2, 0) - 8) < 1e-12);
 * ```
 */
export function consensusEstimate(value: number, y: number, epsilon: number): number {
  requirePositive("value", value);
  requireGreaterThan("y", y, 1);
  requireFinite("epsilon", epsilon);
  if (epsilon < 0 || epsilon > 1) throw new ParameterError("epsilon", epsilon, "0 <= epsilon <= 1");
  return roundDownToGrid(value, y, epsilon);
}

function roundDownToGrid(value: number, y: number, epsilon: number): number {
  const lnY = Math.log(y);
  const w = Math.floor(Math.log(value) / lnY - epsilon);
  let estimate = Math.exp((w + epsilon) * lnY);
  // Guard against floating-point rounding at grid points: keep f(ϖ) ≤ ϖ < y·f(ϖ).
  if (estimate > value) estimate /= y;
  else if (estimate * y <= value) estimate *= y;
  return estimate;
}

/**
 * Theorem 2's competitive bound (1/ln y)(1/δ − 1/y).
 *
 * @param delta δ > 1
 * @param y base > 1
 * @returns the bound (negative when y < δ)
 * @throws {ParameterError} for δ ≤ 1 or y ≤ 1
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { revenueBound } from "./consensus.ts";
 * assert.equal(revenueBound(1.25, 3), (1 / 1.25 - 1 / 3) / Math.log(3));
 * ```
 */
export function revenueBound(delta: number, y: number): number {
  requireGreaterThan("delta", delta, 1);
  requireGreaterThan("y", y, 1);
  return (1 / delta - 1 / y) / Math.log(y);
}

/**
 * CENTRE line 2: the base y maximising Theorem 2's bound for a given δ.
 *
 * @param delta δ = Φ̃/(Φ̃ − ζ) > 1 (finite)
 * @returns `{ y, ratio }` where ratio is the bound at y (equal to 1/y at the optimum)
 * @throws {ParameterError} for δ ≤ 1 or non-finite δ
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { consensusBase, revenueBound } from "./consensus.ts";
 * const { y } = consensusBase(2);
 * assert.ok(Math.abs(y - 5.357) < 1e-3);
 * assert.ok(revenueBound(2, y) >= revenueBound(2, y * 1.01)); // a maximum of the bound
 * assert.ok(revenueBound(2, y) >= revenueBound(2, y / 1.01));
 * ```
 */
export function consensusBase(delta: number): { y: number; ratio: number } {
  requireGreaterThan("delta", delta, 1, "delta > 1 (finite)");
  requireInRange("delta", delta, 1, 1e300); // the search starts at 2δ, which must not overflow
  // h(y) = y/δ − 1 − ln y: h(δ) = −ln δ < 0, increasing and convex above δ.
  const h = (y: number) => y / delta - 1 - Math.log(y);
  let y = 2 * delta;
  while (h(y) <= 0) y *= 2;
  // Newton from the right of the root converges monotonically on a convex increasing function.
  for (let i = 0; i < 100; i++) {
    const step = h(y) / (1 / delta - 1 / y);
    y -= step;
    if (Math.abs(step) <= 1e-15 * y) break;
  }
  return { y, ratio: (1 / delta - 1 / y) / Math.log(y) };
}

/** Result of CENTRE. */
export interface CentreResult {
  /** Target revenue Π̂. */
  readonly target: number;
  /** The ε accepted. */
  readonly epsilon: number;
  /** Iterations of the repeat loop (≥ 1). */
  readonly iterations: number;
}

/** Upper bound on CENTRE's repeat loop; reaching it has probability (ln δ/ln y)^cap. */
export const CENTRE_MAX_ITERATIONS = 10_000;

/**
 * Algorithm 2 (CENTRE), lines 3-7: draw ε until f(Π̃) ≤ Π̃/δ. Each draw succeeds with probability
 * 1 − ln δ/ln y > 0 (Lemma 2), so the loop is geometric; it is still capped.
 *
 * @param upperBound Π̃ > 0 from ROSO
 * @param delta δ > 1
 * @param y base > δ
 * @param uniform source of ε in [0, 1)
 * @returns the target revenue, ε and iteration count
 * @throws {ParameterError} for Π̃ ≤ 0, δ ≤ 1 or y ≤ δ
 * @throws {SolverError} if the cap is reached (probability below 1e-300 for y from consensusBase
 *   and δ < 1e100)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { centre, consensusBase } from "./consensus.ts";
 * const { y } = consensusBase(1.5);
 * assert.ok(centre(100, 1.5, y, Math.random).target <= 100 / 1.5);
 * ```
 */
export function centre(
  upperBound: number,
  delta: number,
  y: number,
  uniform: () => number,
): CentreResult {
  requirePositive("upperBound", upperBound);
  requireGreaterThan("delta", delta, 1);
  requireGreaterThan("y", y, delta, `y > delta (${delta})`);
  const limit = upperBound / delta;
  for (let iteration = 1; iteration <= CENTRE_MAX_ITERATIONS; iteration++) {
    const epsilon = uniform();
    const target = roundDownToGrid(upperBound, y, epsilon);
    if (target <= limit) return { target, epsilon, iterations: iteration };
  }
  throw new SolverError("time-limit", "CENTRE consensus estimate", "iteration cap reached");
}
