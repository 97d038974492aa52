/**
 * Direct numerical solution of the BVPs of Theorem 1 / Theorem 6 (Eq. 15-16, 37) by ODE
 * integration (core RK45) and shooting, for any cost function — the second, independent route
 * to the closed forms of Section 4 and the design engine of the general model (Section 5).
 *
 * H1/L segment: φ' = α(φ − f'(y))/f'^{-1}(φ). It is singular at φ(0) = c̲, so it is integrated
 * backwards from its end point in log coordinates: with q = f'^{-1}(φ) and τ = ln y,
 * d ln q / dτ = α·y·(f'(q) − f'(y)) / (q²·f''(q)). The boundary condition φ(0) = c̲ holds iff q → 0
 * in proportion to y (y/q stays bounded away from 0); otherwise q tends to a positive constant.
 * H2 segment: φ' = α(φ − f'(y)), integrated directly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerCost } from "./cost.ts";
 * import { h2EndPrice } from "./shooting.ts";
 * const end = h2EndPrice(powerCost(0.223, 3), 3 ** 1.5, 3 ** -0.5);
 * assert.ok(Math.abs(end / 0.669 - 4.789) < 1e-3); // C_s ≈ 4.789·c̄
 * ```
 *
 * @module
 */
import { findRoot, solveOde } from "../../core/numerics.ts";
import { SolverError } from "../../core/errors.ts";
import {
  requireFinite,
  requireFunction,
  requireInRange,
  requirePositive,
} from "../../core/validate.ts";
import type { CostFunction } from "./cost.ts";
import { requireCostFunction } from "./validate.ts";

/** How far (in ln y) the singular segment is integrated towards y = 0. */
export const LOG_SPAN = 200;
/**
 * Feasible shots keep ln(y/q) within a few units of its start (y/q tends to a root of the
 * characteristic polynomial); infeasible ones lose ~LOG_SPAN. Near the threshold α the solution
 * lingers close to a double root for ~π/√(α_min − α) units of ln y before diverging, so the
 * numerical threshold is accurate to about 1e-3 relative with these settings.
 */
export const FEASIBLE_DROP = 25;

/** Result of shooting the singular segment from (yEnd, price) towards y = 0. */
export interface SingularShot {
  /** Whether φ(0+) = c̲ (y/q stays bounded away from zero). */
  readonly feasible: boolean;
  /** q(y) = f'^{-1}(φ(y)) for y ∈ [yEnd·e^{−LOG_SPAN}, yEnd]. */
  readonly q: (y: number) => number;
  /** ln(y/q) at the far end minus at the start. */
  readonly logRatioDrop: number;
}

/**
 * Integrates the singular segment backwards from φ(yEnd) = price.
 *
 * @param cost the supply cost
 * @param alpha competitive-ratio parameter α ≥ 1
 * @param yEnd end of the segment (u in HUC, v or m in LUC)
 * @param price φ(yEnd), in (c̲, c̄]
 */
export function shootSingular(
  cost: CostFunction,
  alpha: number,
  yEnd: number,
  price: number,
): SingularShot {
  requireCostFunction(cost);
  requireFinite("alpha", alpha);
  requireFinite("yEnd", yEnd);
  requireFinite("price", price);
  const q0 = cost.inverseMarginal(price);
  const tau0 = Math.log(yEnd);
  const rhs = (tau: number, state: readonly number[]) => {
    const y = Math.exp(tau);
    // On this segment y <= q <= q(yEnd) (prices lie between marginal cost and their end value,
    // Lemma 6). Clamping keeps the integrator's trial stages finite.
    const q = Math.min(Math.max(Math.exp(state[0]!), y), q0);
    return [alpha * y * cost.marginalGap(q, y) / (q * q * cost.curvature(q))];
  };
  // mathjs sizes its first step from the span, not from maxStep; a short first chunk stops a
  // zero initial slope (LUC starts on f', where the slope vanishes) from being trusted over a
  // long step.
  const split = tau0 - 1e-3;
  const head = solveOde(rhs, [tau0, split], [Math.log(q0)], { tolerance: 1e-9 });
  const headEnd = head.y[head.y.length - 1]![0]!;
  const tail = solveOde(rhs, [split, tau0 - LOG_SPAN], [headEnd], { tolerance: 1e-9, maxStep: 2 });
  const endLogQ = tail.y[tail.y.length - 1]![0]!;
  const startRatio = tau0 - Math.log(q0);
  const endRatio = tau0 - LOG_SPAN - endLogQ;
  const logRatioDrop = startRatio - endRatio;
  return {
    feasible: logRatioDrop < FEASIBLE_DROP,
    q: (y) => {
      const tau = Math.log(y);
      return Math.exp((tau >= split ? head : tail).at(tau)[0]!);
    },
    logRatioDrop,
  };
}

/** Solution of the H2 segment φ' = α(φ − f'(y)) from φ(from) = price, over [from, to]. */
export function solveH2(
  cost: CostFunction,
  alpha: number,
  from: number,
  to: number,
  price: number,
): (y: number) => number {
  const solution = solveOde(
    (y, state) => [alpha * (state[0]! - cost.marginal(y))],
    [from, to],
    [price],
    { tolerance: 1e-11, maxStep: Math.abs(to - from) / 200 },
  );
  return (y) => solution.at(y)[0]!;
}

/** φ(1) of the H2 segment started at φ(u) = c̄. */
export function h2EndPrice(cost: CostFunction, alpha: number, u: number): number {
  requireCostFunction(cost);
  requireFinite("alpha", alpha);
  requireFinite("u", u);
  return solveH2(cost, alpha, u, 1, cost.cBar)(1);
}

/**
 * Largest dividing threshold compatible with H2 for this α: integrates backwards from
 * φ(1) = p̄ and returns where φ falls to c̄, or `null` when it stays above c̄ on (0, 1].
 */
export function h2Threshold(cost: CostFunction, alpha: number, pbar: number): number | null {
  requireCostFunction(cost);
  requireFinite("alpha", alpha);
  requirePositive("pbar", pbar);
  const floor = 1e-9;
  const back = solveH2(cost, alpha, 1, floor, pbar);
  if (back(floor) > cost.cBar) return null;
  return findRoot((y) => back(y) - cost.cBar, floor, 1, { xTolerance: 1e-12 });
}

/**
 * Smallest α in [lo, hi] with `feasible(α)` (monotone), by bisection to relative `tolerance`.
 *
 * @throws {SolverError} (status `infeasible`) when no α up to 1e4 is feasible
 */
export function smallestFeasibleAlpha(
  feasible: (alpha: number) => boolean,
  tolerance = 1e-5,
  lo = 1,
): number {
  requireFunction("feasible", feasible);
  requireInRange("tolerance", tolerance, 1e-12, 0.5); // smaller cannot be met in floating point
  requireInRange("lo", lo, 1, 1e4);
  let hi = Math.max(2, lo * 2);
  while (!feasible(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 1e4) {
      throw new SolverError("infeasible", "smallest feasible alpha", "no feasible alpha below 1e4");
    }
  }
  if (feasible(lo)) return lo;
  while (hi - lo > tolerance * hi) {
    const mid = 0.5 * (lo + hi);
    if (feasible(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Numerical α̲_1(u): smallest α for which H1(u, α) has φ(0) = c̲ (Theorem 3 by shooting). */
export function numericLowerBound1(cost: CostFunction, u: number, tolerance = 1e-5): number {
  requireCostFunction(cost);
  requireInRange("u", u, 0, 1);
  return smallestFeasibleAlpha(
    (alpha) => shootSingular(cost, alpha, u, cost.cBar).feasible,
    tolerance,
  );
}

/** Numerical α̲_2(u): the α with φ(1) = p̄ for H2 started at φ(u) = c̄ (Theorem 4 by shooting). */
export function numericLowerBound2(cost: CostFunction, u: number, pbar: number): number {
  requireCostFunction(cost);
  requireInRange("u", u, 0, 1);
  requirePositive("pbar", pbar);
  let hi = 1;
  while (h2EndPrice(cost, hi, u) < pbar) hi *= 2;
  return findRoot((alpha) => h2EndPrice(cost, alpha, u) - pbar, 1e-6, hi, { xTolerance: 1e-10 });
}
