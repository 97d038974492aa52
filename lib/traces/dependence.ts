/**
 * Serial dependence measured and reproduced through normal scores (a Gaussian copula): the
 * marginal distribution comes from stored quantiles, the lag-1 correlation from this module.
 *
 * @module
 */
import { errorFunction, probit, sampleCorrelation } from "simple-statistics";
import {
  requireFiniteArray,
  requireInRange,
  requireInteger,
  requireMethods,
} from "../core/validate.ts";
import type { Rng } from "../core/rng.ts";

/**
 * Lag-1 correlation of the normal scores of a series: each value is replaced by
 * `probit((rank - 0.5) / n)` (ties get their mean rank), then consecutive pairs are correlated.
 * Unlike the raw autocorrelation it is not dominated by a few price spikes.
 *
 * @param values the series in time order (at least 3 values)
 * @returns the correlation, in [-1, 1]
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lag1NormalScoreCorrelation } from "./dependence.ts";
 * assert.ok(lag1NormalScoreCorrelation([1, 2, 3, 4, 5, 6]) > 0.95); // a trend: close to 1
 * assert.ok(lag1NormalScoreCorrelation([1, 6, 2, 5, 3, 4]) < -0.5); // alternating: negative
 * ```
 */
export function lag1NormalScoreCorrelation(values: readonly number[]): number {
  requireFiniteArray("values", values, 3);
  const order = values.map((_, i) => i).sort((a, b) =>
    (values[a] as number) - (values[b] as number)
  );
  const scores = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (
      end + 1 < order.length && values[order[end + 1] as number] === values[order[start] as number]
    ) end++;
    const meanRank = (start + end) / 2 + 1;
    const z = probit((meanRank - 0.5) / values.length);
    for (let k = start; k <= end; k++) scores[order[k] as number] = z;
    start = end + 1;
  }
  return sampleCorrelation(scores.slice(0, -1), scores.slice(1));
}

/**
 * Uniform variates with Gaussian AR(1) dependence: `z[t] = rho z[t-1] + sqrt(1 - rho^2) e[t]`,
 * `u[t] = Phi(z[t])`. Feeding them to an inverse CDF gives a series with that marginal and
 * (approximately) that lag-1 normal-score correlation.
 *
 * @param rng the random stream
 * @param length number of values
 * @param rho lag-1 correlation of the latent Gaussian, in (-1, 1)
 * @returns `length` values in (0, 1)
 * @throws {ParameterError} when rho is outside (-1, 1)
 */
export function ar1Uniforms(rng: Rng, length: number, rho: number): number[] {
  requireMethods("rng", rng, ["normal"], "a random stream (core.createRng(seed).stream(name))");
  requireInteger("length", length, 1, 1e8);
  requireInRange("rho", rho, -0.999999, 0.999999);
  const innovation = Math.sqrt(1 - rho * rho);
  const result = new Array<number>(length);
  let z = rng.normal();
  for (let t = 0; t < length; t++) {
    if (t > 0) z = rho * z + innovation * rng.normal();
    result[t] = 0.5 * (1 + errorFunction(z / Math.SQRT2));
  }
  return result;
}
