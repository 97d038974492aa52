/**
 * Argument guards of the Stackelberg entry points: a parsed market, a client's training or
 * inference parameters. Each throws {@link ParameterError} naming the parameter, so a wrong
 * argument is a typed error rather than a TypeError or a NaN deep inside.
 *
 * @example
 * ```ts
 * import { requireTrainingParams } from "./validate.ts";
 * requireTrainingParams({ gamma: 10, theta: 2 }); // returned unchanged
 * ```
 *
 * @module
 */
import { requireObject, requirePositive } from "../../core/validate.ts";
import type { Market, TrainingParams } from "./model.ts";
import type { ThresholdInput } from "./threshold.ts";

/** Fields every parsed market has (see `parseMarket`). */
const MARKET_FIELDS = [
  "size",
  "highGpus",
  "lowGpus",
  "costs",
  "trainingGamma",
  "trainingTheta",
  "inferenceGamma",
  "inferenceD",
  "inferenceLambda",
  "inferenceThreshold",
  "trainingPriceLimit",
];

/**
 * Requires a market as `parseMarket` returns it (a plain spec must be parsed first).
 *
 * @param market the market
 * @param parameter name used in the error (default `"market"`)
 * @returns the market
 * @throws {ParameterError} when it is not an object with the parsed market's fields
 * @example
 * ```ts
 * import { parseMarket } from "./model.ts";
 * import { randomMarket } from "./instances.ts";
 * import { requireMarket } from "./validate.ts";
 * requireMarket(parseMarket(randomMarket({ clients: 2, seed: 1 })));
 * ```
 */
export function requireMarket(market: Market, parameter = "market"): Market {
  return requireObject(parameter, market, "a market from parseMarket", MARKET_FIELDS);
}

/**
 * Requires training parameters γ^T, θ > 0.
 *
 * @param params the parameters
 * @returns the parameters
 * @throws {ParameterError} for a non-object or a non-positive γ or θ
 * @example
 * ```ts
 * import { requireTrainingParams } from "./validate.ts";
 * requireTrainingParams({ gamma: 10, theta: 2 });
 * ```
 */
export function requireTrainingParams(params: TrainingParams): TrainingParams {
  requireObject("params", params, "training parameters { gamma, theta }");
  requirePositive("gamma", params.gamma);
  requirePositive("theta", params.theta);
  return params;
}

/**
 * Requires inference parameters γ^I, d, λ > 0 (the optional value is checked where it is used).
 *
 * @param params the parameters
 * @returns the parameters
 * @throws {ParameterError} for a non-object or a non-positive γ, d or λ
 * @example
 * ```ts
 * import { requireInferenceParams } from "./validate.ts";
 * requireInferenceParams({ gamma: 4, d: 1, lambda: 1 });
 * ```
 */
export function requireInferenceParams(params: ThresholdInput): ThresholdInput {
  requireObject("params", params, "inference parameters { gamma, d, lambda }");
  requirePositive("gamma", params.gamma);
  requirePositive("d", params.d);
  requirePositive("lambda", params.lambda);
  return params;
}
