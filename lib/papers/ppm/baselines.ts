/**
 * Benchmark pricing functions of Section 6: myopic PPM-MP (φ = f') and twice-the-index PPM-TP.
 *
 * PPM-TP is φ(y) = f'(2y) on [0, 0.5] (Blum et al. [5]); its second segment on (0.5, 1] is only
 * described as "exponential, see [30]" and [30] is not available here. Every reconstruction
 * continues continuously from f'(1) = c̄ at y = 0.5 towards P = max(p̄, c̄). The default,
 * `reserve`, is pinned by what Sec. 6.1 and Fig. 4(b) say of PPM-TP: the exponential
 * φ(y) = c̄·(P/c̄)^{10(y−0.5)} reaches P at y = 0.6, so no customer (PUV ≤ p̄) is admitted past 60 %
 * utilisation — "reserves over 40 % capacity" — and it posts the highest prices of the three
 * mechanisms at every utilisation for p̄ = 2c̄ and 3c̄ (checked in tests against PPM-OP).
 * Alternatives kept for the sensitivity study: `geometric` (the exponential reaching P at y = 1;
 * below PPM-OP for y > 0.629 at 2c̄), `linear` (straight line c̄ → P) and `steep` (the
 * exponential reaching P at y = 0.75 and growing on beyond).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerCost } from "./cost.ts";
 * import { twiceIndexPricing } from "./baselines.ts";
 * const cost = powerCost(0.223, 3);
 * const phi = twiceIndexPricing(cost, 1.338);
 * assert.equal(phi(0.25), cost.marginal(0.5)); // f'(2y)
 * ```
 *
 * @module
 */
import type { CostFunction } from "./cost.ts";
import { requireCostFunction } from "./validate.ts";
import { requireOneOf, requirePositive } from "../../core/validate.ts";

/** Myopic pricing φ(y) = f'(y). */
export function myopicPricing(cost: CostFunction): (y: number) => number {
  requireCostFunction(cost);
  return (y) => cost.marginal(y);
}

/** Reconstructions of PPM-TP's second segment. */
export type TwiceIndexVariant = "reserve" | "geometric" | "linear" | "steep";

/** The variants, for sweeps. */
export const TWICE_INDEX_VARIANTS: readonly TwiceIndexVariant[] = [
  "reserve",
  "geometric",
  "linear",
  "steep",
];

/** Growth of the exponential variants: φ reaches P at y = 0.5 + 1/rate. */
const RATES = { reserve: 10, geometric: 2, steep: 4 } as const;

/**
 * Twice-the-index pricing with a reconstructed second segment.
 *
 * @param cost the resource's cost
 * @param pbar the p̄ the mechanism is designed for (estimate in Cases UI/EI)
 * @param variant second-segment reconstruction (default `reserve`)
 * @returns φ on [0, 1]
 */
export function twiceIndexPricing(
  cost: CostFunction,
  pbar: number,
  variant: TwiceIndexVariant = "reserve",
): (y: number) => number {
  requireCostFunction(cost);
  requirePositive("pbar", pbar);
  requireOneOf("variant", variant, TWICE_INDEX_VARIANTS);
  const cBar = cost.cBar;
  const top = Math.max(pbar, cBar);
  const logGrowth = Math.log(top / cBar);
  if (variant === "linear") {
    return (y) => y <= 0.5 ? cost.marginal(2 * y) : cBar + (top - cBar) * (2 * y - 1);
  }
  const rate = RATES[variant];
  return (y) => y <= 0.5 ? cost.marginal(2 * y) : cBar * Math.exp(logGrowth * rate * (y - 0.5));
}
