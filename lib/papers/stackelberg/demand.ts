/**
 * Stage II (Theorem 2): clients' payoffs and their optimal training and inference demands.
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireFinite, requireNonNegative, requirePositive } from "../../core/validate.ts";
import type { Market, TrainingParams } from "./model.ts";
import type { ThresholdInput } from "./threshold.ts";
import { requireInferenceParams, requireMarket, requireTrainingParams } from "./validate.ts";

/**
 * Training payoff P^T(g) = γ log(1 + g/θ) − p g (Appendix B).
 *
 * @param params γ^T, θ
 * @param price p^T
 * @param gpus g >= 0
 * @returns the payoff
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingPayoff } from "./demand.ts";
 * assert.equal(trainingPayoff({ gamma: 2, theta: 1 }, 1, 0), 0); // no GPUs, no utility, no cost
 * ```
 */
export function trainingPayoff(params: TrainingParams, price: number, gpus: number): number {
  requireTrainingParams(params);
  requireFinite("price", price);
  requireNonNegative("gpus", gpus);
  return params.gamma * Math.log1p(gpus / params.theta) - price * gpus;
}

/**
 * Inference payoff P^I(g) = −γ/(g/d − λ)² − p g (Appendix B). Assumption A3: the queueing
 * penalty is only defined for a stable queue, g/d > λ; below that the payoff is −∞.
 *
 * @param params γ^I, d, λ
 * @param price p^I
 * @param gpus g
 * @returns the payoff, `-Infinity` when g <= dλ
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inferencePayoff } from "./demand.ts";
 * assert.equal(inferencePayoff({ gamma: 1, d: 1, lambda: 1 }, 1, 2), -1 - 2);
 * ```
 */
export function inferencePayoff(params: ThresholdInput, price: number, gpus: number): number {
  requireInferenceParams(params);
  requireFinite("price", price);
  requireFinite("gpus", gpus);
  const slack = gpus / params.d - params.lambda;
  if (!(slack > 0)) return -Infinity;
  return -params.gamma / (slack * slack) - price * gpus;
}

/**
 * Optimal training demand g^T* = θ[γ/(pθ) − 1]_+ (Theorem 2).
 *
 * @param params γ^T, θ (> 0)
 * @param price p^T > 0
 * @returns GPUs demanded, 0 when p >= γ/θ
 * @throws {ParameterError} for a non-positive price
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingDemand } from "./demand.ts";
 * assert.equal(trainingDemand({ gamma: 10, theta: 2 }, 2), 10 / 2 - 2);
 * ```
 */
export function trainingDemand(params: TrainingParams, price: number): number {
  requireTrainingParams(params);
  requirePositive("price", price);
  return Math.max(0, params.gamma / price - params.theta);
}

/**
 * Optimal inference demand g^I* = d(λ + (2γ/(dp))^{1/3}) (Theorem 2), or 0 above the client's
 * threshold p† when it has one (assumption A4).
 *
 * @param params γ^I, d, λ (> 0), optional value v
 * @param price p^I > 0
 * @param threshold p† (default `Infinity`: the client always buys, as printed)
 * @returns GPUs demanded
 * @throws {ParameterError} for a non-positive price
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inferenceDemand } from "./demand.ts";
 * assert.equal(inferenceDemand({ gamma: 4, d: 1, lambda: 1 }, 1), 1 + 2);
 * ```
 */
export function inferenceDemand(
  params: ThresholdInput,
  price: number,
  threshold = Infinity,
): number {
  requireInferenceParams(params);
  if (typeof threshold !== "number" || !(threshold > 0)) {
    throw new ParameterError("threshold", threshold, "threshold > 0 (Infinity: always buys)");
  }
  requirePositive("price", price);
  if (price > threshold) return 0;
  return params.d * (params.lambda + Math.cbrt((2 * params.gamma) / (params.d * price)));
}

/** Aggregate demands D^T and D^I of a market at a price pair. */
export interface AggregateDemand {
  /** D^T = Σ_n g^T_n, GPUs the clients buy for training */
  readonly training: number;
  /** D^I = Σ_n g^I_n, GPUs the clients buy for inference */
  readonly inference: number;
}

/**
 * Aggregate training demand D^T(p^T) = Σ_n g^T*_n.
 *
 * @param market validated market
 * @param price p^T > 0
 * @returns total training GPUs demanded
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { totalTrainingDemand } from "./demand.ts";
 * const m = parseMarket({ provider: { highGpus: 9, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1 } }] });
 * assert.equal(totalTrainingDemand(m, 2), 3);
 * ```
 */
export function totalTrainingDemand(market: Market, price: number): number {
  requireMarket(market);
  requirePositive("trainingPrice", price);
  let total = 0;
  for (let n = 0; n < market.size; n++) {
    const g = market.trainingGamma[n]! / price - market.trainingTheta[n]!;
    if (g > 0) total += g;
  }
  return total;
}

/**
 * Aggregate inference demand D^I(p^I) = Σ_n g^I*_n (clients above their threshold buy nothing).
 *
 * @param market validated market
 * @param price p^I > 0
 * @returns total inference GPUs demanded
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { totalInferenceDemand } from "./demand.ts";
 * const m = parseMarket({ provider: { highGpus: 9, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1 } }] });
 * assert.equal(totalInferenceDemand(m, 1), 3);
 * ```
 */
export function totalInferenceDemand(market: Market, price: number): number {
  requireMarket(market);
  requirePositive("inferencePrice", price);
  let total = 0;
  for (let n = 0; n < market.size; n++) {
    if (price > market.inferenceThreshold[n]!) continue;
    const d = market.inferenceD[n]!;
    total += d *
      (market.inferenceLambda[n]! + Math.cbrt((2 * market.inferenceGamma[n]!) / (d * price)));
  }
  return total;
}
