/**
 * Optimal pricing design for an arbitrary strictly convex cost (Section 5, Theorem 6,
 * Algorithm 2), entirely numerical: α_k^* by bisection over α with shooting, the pricing function
 * from the ODE solutions, tabulated for fast evaluation. For power costs it reproduces the closed
 * forms of Section 4 (tested), which is how those closed forms are checked independently.
 *
 * Assumption (as in the power case, Theorems 3-4): α̲_1(u) is non-increasing and α̲_2(u)
 * increasing in u, so for a given α the largest u allowed by H2 is the easiest for H1 and
 * feasibility of α is a single test.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { polynomialCost } from "./cost.ts";
 * import { designPricing } from "./general_design.ts";
 * const d = designPricing(polynomialCost([{ coefficient: 0.1, exponent: 1 }, { coefficient: 0.5, exponent: 2 }]), 3);
 * assert.equal(d.regime, "HUC");
 * assert.ok(d.alpha > 1);
 * ```
 *
 * @module
 */
import { requireGreaterThan } from "../../core/validate.ts";
import type { CostFunction } from "./cost.ts";
import { h2Threshold, shootSingular, smallestFeasibleAlpha, solveH2 } from "./shooting.ts";
import { buildPiecewise, type Piece } from "./table.ts";
import type { PricingFunction } from "./power_pricing.ts";
import { requireCostFunction } from "./validate.ts";

/** Result of {@link designPricing}. */
export interface NumericDesign extends PricingFunction {
  /** LUC when p̄ ≤ c̄, HUC otherwise (Theorem 1). */
  readonly regime: "LUC" | "HUC";
}

/**
 * Designs the optimal pricing function for one resource numerically (Algorithm 2).
 *
 * @param cost strictly convex supply cost of the resource
 * @param pbar upper bound p̄_k on per-unit, per-slot valuations; p̄ > c̲
 * @param tolerance relative tolerance of α_*
 * @returns α_* (as `alpha`), the dividing threshold, and φ tabulated on [0, 1]
 * @throws {ParameterError} when p̄ ≤ c̲
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerCost } from "./cost.ts";
 * import { designPricing } from "./general_design.ts";
 * import { analyzePowerCost } from "./power_theory.ts";
 * const { alphaStar } = analyzePowerCost({ a: 1, s: 2, pbar: 10 }); // Corollary 2, p̄/c̄ = 5
 * assert.ok(Math.abs(designPricing(powerCost(1, 2), 10).alpha - alphaStar) < 1e-3);
 * ```
 */
export function designPricing(cost: CostFunction, pbar: number, tolerance = 1e-5): NumericDesign {
  requireCostFunction(cost);
  requireGreaterThan("pbar", pbar, cost.cLow, `pbar > c_low = f'(0) = ${cost.cLow}`);
  if (pbar <= cost.cBar) {
    const v = cost.inverseMarginal(pbar);
    const alpha = smallestFeasibleAlpha(
      (a) => shootSingular(cost, a, v, pbar).feasible,
      tolerance,
    );
    const shot = shootSingular(cost, alpha, v, pbar);
    const phi = buildPiecewise([singularPiece(cost, alpha, 0, v, shot.q), {
      lo: v,
      hi: 1,
      value: () => pbar,
      slope: () => 0,
    }]);
    return { regime: "LUC", alpha, u: null, domainEnd: v, phi, label: "numerical φ (LUC)" };
  }
  const feasible = (a: number) => {
    const u = h2Threshold(cost, a, pbar);
    return u !== null && shootSingular(cost, a, u, cost.cBar).feasible;
  };
  const alpha = smallestFeasibleAlpha(feasible, tolerance);
  const u = h2Threshold(cost, alpha, pbar)!;
  const shot = shootSingular(cost, alpha, u, cost.cBar);
  const h2 = solveH2(cost, alpha, u, 1, cost.cBar);
  const phi = buildPiecewise([
    singularPiece(cost, alpha, 0, u, shot.q),
    { lo: u, hi: 1, value: h2, slope: (y) => alpha * (h2(y) - cost.marginal(y)) },
  ]);
  return { regime: "HUC", alpha, u, domainEnd: 1, phi, label: "numerical φ (HUC)" };
}

function singularPiece(
  cost: CostFunction,
  alpha: number,
  lo: number,
  hi: number,
  q: (y: number) => number,
): Piece {
  const yMin = hi * Math.exp(-150);
  const price = (y: number) => y <= yMin ? cost.cLow : cost.marginal(q(y));
  return {
    lo,
    hi,
    value: price,
    slope: (y) => {
      const at = Math.max(y, hi / 4096);
      const qq = q(at);
      return alpha * cost.marginalGap(qq, at) / qq;
    },
  };
}
