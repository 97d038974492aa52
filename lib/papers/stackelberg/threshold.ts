/**
 * The inference participation threshold p^I†_n of Appendix B, examined honestly.
 *
 * Substituting the best response g* = d(λ + s), s = (2γ/(dp))^{1/3}, into the printed payoff
 * P^I = −γ/(g/d − λ)² − p g gives (our algebra, checked numerically in the tests)
 *
 *   V(p) = max_g P^I(g) = −[ (3/2)(2γ)^{1/3} (dp)^{2/3} + λ d p ]  < 0   for every p > 0,
 *
 * so the indifference condition V(p) = 0 of Appendix B has no positive solution: the only root is
 * p = 0. The printed quadratic λ(2γ)^{2/3}X² + γX + 2γd^{2/3} = 0 has only positive coefficients
 * (no positive root), and the printed closed form is either complex or negative.
 *
 * Assumption A4 of this reconstruction: a client may carry a value v > 0 of being served, and buys
 * iff v + V(p) >= 0. Then p† is the unique positive root of λY³ + (3/2)(2γ)^{1/3}Y² = v with
 * Y = (dp)^{1/3}, p† = Y³/d.
 *
 * @module
 */
import { findRoot } from "../../core/numerics.ts";
import { requirePositive } from "../../core/validate.ts";
import { requireInferenceParams } from "./validate.ts";

/** Parameters of one client's inference payoff. */
export interface ThresholdInput {
  /** γ^I, scale of the inference disutility */
  readonly gamma: number;
  /** d, GPUs per unit of service rate (service rate = g/d) */
  readonly d: number;
  /** λ, request arrival rate */
  readonly lambda: number;
  /** optional value of being served (assumption A4) */
  readonly value?: number;
}

/** Outcome of {@link inferenceThresholdPrice}: never NaN. */
export type ThresholdResult =
  | { readonly exists: true; readonly price: number }
  | { readonly exists: false; readonly reason: string };

/**
 * The client's best achievable inference payoff at price p (closed form derived above).
 *
 * @param input γ^I, d, λ (all > 0)
 * @param price p^I > 0
 * @returns V(p) = −[(3/2)(2γ)^{1/3}(dp)^{2/3} + λdp]
 * @throws {ParameterError} for non-positive inputs
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bestInferencePayoff } from "./threshold.ts";
 * assert.equal(bestInferencePayoff({ gamma: 4, d: 1, lambda: 1 }, 1), -(1.5 * 2 + 1));
 * ```
 */
export function bestInferencePayoff(input: ThresholdInput, price: number): number {
  const { gamma, d, lambda } = requireInferenceParams(input);
  requirePositive("price", price);
  const dp = d * price;
  return -(1.5 * Math.cbrt(2 * gamma) * Math.pow(dp, 2 / 3) + lambda * dp);
}

/**
 * The highest inference price at which the client still buys.
 *
 * @param input γ^I, d, λ (> 0) and optionally the value v (> 0, assumption A4)
 * @returns `{ exists: true, price }` when v is given; otherwise `{ exists: false, reason }`,
 *   because under the printed payoff the indifference condition has no positive solution
 * @throws {ParameterError} for non-positive inputs
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inferenceThresholdPrice } from "./threshold.ts";
 * assert.equal(inferenceThresholdPrice({ gamma: 4, d: 1, lambda: 1 }).exists, false);
 * assert.deepEqual(inferenceThresholdPrice({ gamma: 4, d: 1, lambda: 1, value: 4 }), {
 *   exists: true,
 *   price: 1,
 * });
 * ```
 */
export function inferenceThresholdPrice(input: ThresholdInput): ThresholdResult {
  const { gamma, d, lambda } = requireInferenceParams(input);
  if (input.value === undefined) {
    return {
      exists: false,
      reason: "under the printed payoff the best achievable payoff " +
        "V(p) = -[(3/2)(2γ)^(1/3)(dp)^(2/3) + λdp] is negative for every p > 0, so " +
        "V(p) = 0 holds only at p = 0: no positive threshold exists (the client either always " +
        "buys, as the demand formula of Appendix B assumes, or never does)",
    };
  }
  const value = requirePositive("value", input.value);
  const c = 1.5 * Math.cbrt(2 * gamma);
  const f = (y: number) => lambda * y * y * y + c * y * y - value;
  const upper = Math.min(Math.cbrt(value / lambda), Math.sqrt(value / c));
  const y = findRoot(f, 0, upper, { xTolerance: upper * 1e-15 });
  return { exists: true, price: (y * y * y) / d };
}

/** What the printed closed form of p^I† evaluates to. */
export type PrintedClosedForm =
  | { readonly kind: "complex"; readonly discriminant: number }
  | { readonly kind: "real"; readonly x: number; readonly price: number };

/**
 * Evaluates the closed form printed at the end of Appendix B,
 * p† = (1/d)·((−γ + √(γ² − 8λ(2γ)^{5/3}d^{2/3})) / (2λ(2γ)^{2/3}))³, without producing NaN.
 *
 * @param input γ^I, d, λ (> 0)
 * @returns `complex` with the (negative) discriminant, or `real` with X and the price X³/d
 * @throws {ParameterError} for non-positive inputs
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedThresholdClosedForm } from "./threshold.ts";
 * assert.equal(printedThresholdClosedForm({ gamma: 1, d: 1, lambda: 1 }).kind, "complex");
 * ```
 */
export function printedThresholdClosedForm(input: ThresholdInput): PrintedClosedForm {
  const { gamma, d, lambda } = requireInferenceParams(input);
  const discriminant = gamma * gamma -
    8 * lambda * Math.pow(2 * gamma, 5 / 3) * Math.pow(d, 2 / 3);
  if (discriminant < 0) return { kind: "complex", discriminant };
  const x = (-gamma + Math.sqrt(discriminant)) / (2 * lambda * Math.pow(2 * gamma, 2 / 3));
  return { kind: "real", x, price: (x * x * x) / d };
}

/**
 * Coefficients [a, b, c] of the quadratic aX² + bX + c = 0 printed in Appendix B.
 *
 * @param input γ^I, d, λ (> 0)
 * @returns [λ(2γ)^{2/3}, γ, 2γd^{2/3}]
 * @throws {ParameterError} for non-positive inputs
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedThresholdQuadratic } from "./threshold.ts";
 * const [a, b, c] = printedThresholdQuadratic({ gamma: 4, d: 1, lambda: 1 });
 * assert.ok(Math.abs(a! - 4) < 1e-12 && b === 4 && c === 8);
 * ```
 */
export function printedThresholdQuadratic(
  input: ThresholdInput,
): readonly [number, number, number] {
  const { gamma, d, lambda } = requireInferenceParams(input);
  return [lambda * Math.pow(2 * gamma, 2 / 3), gamma, 2 * gamma * Math.pow(d, 2 / 3)];
}
