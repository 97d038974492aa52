/**
 * Benchmark pricing functions of Section 6: myopic PPM-MP (φ = f') and twice-the-index PPM-TP.
 *
 * PPM-TP is φ(y) = f'(2y) on [0, 0.5] (Blum et al. [5]); its second segment on (0.5, 1] is only
 * described as "exponential, see [30]" and [30] is not available here. Reconstruction (an
 * assumption, see the notebook's sensitivity study): the exponential that continues continuously
 * from f'(1) = c̄ at y = 0.5 and reaches P = max(p̄, c̄) at y = 1, φ(y) = c̄·(P/c̄)^{2y−1}
 * (`geometric`). Alternatives for the sensitivity study: `linear` (straight line c̄ → P) and
 * `steep` (the same exponential reaching P already at y = 0.75 and growing on beyond).
 *
 * @example
 * ```ts
 * import { powerCost } from "./cost.ts";
 * import { twiceIndexPricing } from "./baselines.ts";
 * const phi = twiceIndexPricing(powerCost(0.223, 3), 1.338);
 * phi(0.25); // f'(0.5)
 * ```
 *
 * @module
 */
import type { CostFunction } from "./cost.ts";

/** Myopic pricing φ(y) = f'(y). */
export function myopicPricing(cost: CostFunction): (y: number) => number {
  return (y) => cost.marginal(y);
}

/** Reconstructions of PPM-TP's second segment. */
export type TwiceIndexVariant = "geometric" | "linear" | "steep";

/** The variants, for sweeps. */
export const TWICE_INDEX_VARIANTS: readonly TwiceIndexVariant[] = ["geometric", "linear", "steep"];

/**
 * Twice-the-index pricing with a reconstructed second segment.
 *
 * @param cost the resource's cost
 * @param pbar the p̄ the mechanism is designed for (estimate in Cases UI/EI)
 * @param variant second-segment reconstruction (default `geometric`)
 * @returns φ on [0, 1]
 */
export function twiceIndexPricing(
  cost: CostFunction,
  pbar: number,
  variant: TwiceIndexVariant = "geometric",
): (y: number) => number {
  const cBar = cost.cBar;
  const top = Math.max(pbar, cBar);
  const logGrowth = Math.log(top / cBar);
  if (variant === "linear") {
    return (y) => y <= 0.5 ? cost.marginal(2 * y) : cBar + (top - cBar) * (2 * y - 1);
  }
  const rate = variant === "steep" ? 4 : 2;
  return (y) => y <= 0.5 ? cost.marginal(2 * y) : cBar * Math.exp(logGrowth * rate * (y - 0.5));
}
