/**
 * Supply cost functions f(y) on normalised utilisation y ∈ [0, 1] (Assumption 1: f(0) = 0,
 * differentiable, strictly convex). The pricing design needs f, f', the inverse marginal f'^{-1},
 * f'' and an accurate marginal gap f'(q) − f'(y) (cancellation-free when f'(0) > 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerCost } from "./cost.ts";
 * const cpu = powerCost(0.223, 3); // Section 6 CPU
 * assert.ok(Math.abs(cpu.cBar - 0.669) < 1e-12); // c̄ = a·s
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import {
  requireFinite,
  requireGreaterThan,
  requireNonEmpty,
  requirePositive,
} from "../../core/validate.ts";

/** A strictly convex supply cost with the derivatives the pricing design uses. */
export interface CostFunction {
  /** Short description, e.g. `0.223·y^3`. */
  readonly label: string;
  /** f(y). */
  value(y: number): number;
  /** f'(y). */
  marginal(y: number): number;
  /** f''(y) (> 0 on (0, 1]). */
  curvature(y: number): number;
  /** f'^{-1}(p) for p in [c̲, c̄]. */
  inverseMarginal(p: number): number;
  /** f'(q) − f'(y), computed without cancellation of f'(0). */
  marginalGap(q: number, y: number): number;
  /** c̲ = f'(0). */
  readonly cLow: number;
  /** c̄ = f'(1). */
  readonly cBar: number;
  /** Exponent s when f(y) = a·y^s, otherwise `null` (enables the closed forms of Section 4). */
  readonly power: { readonly a: number; readonly s: number } | null;
}

/**
 * f(y) = a·y^s (Section 4).
 *
 * @param a coefficient, a > 0
 * @param s exponent, s > 1
 * @returns the cost function with c̲ = 0 and c̄ = a·s
 * @throws {ParameterError} when a ≤ 0 or s ≤ 1
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerCost } from "./cost.ts";
 * assert.equal(powerCost(1, 2).marginal(0.5), 1); // f'(y) = 2y
 * ```
 */
export function powerCost(a: number, s: number): CostFunction {
  requirePositive("a", a);
  requireGreaterThan("s", s, 1, "s > 1 (strictly convex power cost)");
  requireFinite("a·s (c̄ = f'(1))", a * s);
  const cBar = a * s;
  return {
    label: `${a}·y^${s}`,
    value: (y) => a * y ** s,
    marginal: (y) => cBar * y ** (s - 1),
    curvature: (y) => cBar * (s - 1) * y ** (s - 2),
    inverseMarginal: (p) => (p / cBar) ** (1 / (s - 1)),
    marginalGap: (q, y) => cBar * (q ** (s - 1) - y ** (s - 1)),
    cLow: 0,
    cBar,
    power: { a, s },
  };
}

/** One term c·y^e of a {@link polynomialCost}. */
export interface PowerTerm {
  /** c, the coefficient */
  readonly coefficient: number;
  /** e, the exponent */
  readonly exponent: number;
}

/**
 * f(y) = Σ c_i·y^{e_i} with c_i > 0, e_i ≥ 1 and at least one e_i > 1 (strictly convex; a linear
 * term gives c̲ > 0). f'^{-1} is computed by bisection (set-up only; pricing tables are precomputed).
 *
 * @param terms the terms
 * @returns the cost function
 * @throws {ParameterError} on an empty list, c_i ≤ 0, e_i < 1, or no strictly convex term
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { polynomialCost } from "./cost.ts";
 * const f = polynomialCost([{ coefficient: 0.1, exponent: 1 }, { coefficient: 1, exponent: 2 }]);
 * assert.deepEqual([f.cLow, f.cBar], [0.1, 2.1]); // f'(0) and f'(1)
 * ```
 */
export function polynomialCost(terms: readonly PowerTerm[]): CostFunction {
  requireNonEmpty("terms", terms);
  terms.forEach((term, i) => {
    requirePositive(`terms[${i}].coefficient`, term.coefficient);
    if (!(term.exponent >= 1) || !Number.isFinite(term.exponent)) {
      throw new ParameterError(`terms[${i}].exponent`, term.exponent, "a finite exponent >= 1");
    }
  });
  if (!terms.some((term) => term.exponent > 1)) {
    throw new ParameterError("terms", terms, "at least one exponent > 1 (strict convexity)");
  }
  if (terms.length === 1) return powerCost(terms[0]!.coefficient, terms[0]!.exponent);
  const marginal = (y: number) =>
    terms.reduce((sum, t) => sum + t.coefficient * t.exponent * y ** (t.exponent - 1), 0);
  const cLow = terms.reduce((sum, t) => sum + (t.exponent === 1 ? t.coefficient : 0), 0);
  const cBar = marginal(1);
  return {
    label: terms.map((t) => `${t.coefficient}·y^${t.exponent}`).join(" + "),
    value: (y) => terms.reduce((sum, t) => sum + t.coefficient * y ** t.exponent, 0),
    marginal,
    curvature: (y) =>
      terms.reduce(
        (sum, t) =>
          sum + (t.exponent === 1 ? 0 : t.coefficient * t.exponent * (t.exponent - 1) *
            y ** (t.exponent - 2)),
        0,
      ),
    inverseMarginal: (p) => {
      if (p <= cLow) return 0;
      if (p >= cBar) return 1;
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
        const mid = 0.5 * (lo + hi);
        if (marginal(mid) < p) lo = mid;
        else hi = mid;
      }
      return 0.5 * (lo + hi);
    },
    marginalGap: (q, y) =>
      terms.reduce(
        (sum, t) =>
          sum + (t.exponent === 1 ? 0 : t.coefficient * t.exponent *
            (q ** (t.exponent - 1) - y ** (t.exponent - 1))),
        0,
      ),
    cLow,
    cBar,
    power: null,
  };
}
