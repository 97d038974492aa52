/**
 * Two readings of Appendix B's inference payoff P^I(g) = −γ/(g/d − λ)² − p g, and what each does
 * to Stage I.
 *
 * - **Stable-queue reading (A3)**, used by {@link inferencePayoff}: the penalty is defined only
 *   for g/d > λ, so not buying (g = 0) is worth −∞ and a client always buys; with the optional
 *   value v_n of assumption A4 it buys iff v_n + V(p) >= 0.
 * - **Literal reading**: the formula as printed is finite at g = 0, P^I(0) = −γ/λ², and on
 *   0 < g < dλ it is below that value. The client's outside option is then g = 0, it buys iff
 *   V(p) >= −γ/λ², and the threshold is A4's with v_n = γ/λ²: no invented parameter.
 *
 * Without a value or a cap, Stage I of the stable-queue reading is unbounded; {@link
 * profitAlongInference} measures that directly on the profit surface.
 *
 * @module
 */
import {
  requireArray,
  requireFinite,
  requireObject,
  requirePositive,
} from "../../core/validate.ts";
import { type Market, type MarketSpec, parseMarket } from "./model.ts";
import { profitAt } from "./profit.ts";
import { solveStageOne } from "./stage_one.ts";
import type { ThresholdInput } from "./threshold.ts";
import { requireInferenceParams, requireMarket } from "./validate.ts";

/**
 * The printed inference payoff read literally on all of g >= 0 (finite at g = 0).
 *
 * @param params γ^I, d, λ (> 0)
 * @param price p^I
 * @param gpus g >= 0
 * @returns −γ/(g/d − λ)² − p g; `-Infinity` only at the pole g = dλ
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { literalInferencePayoff } from "./readings.ts";
 * // g = 0 gives −γ/λ²
 * assert.equal(literalInferencePayoff({ gamma: 4, d: 1, lambda: 2 }, 1, 0), -4 / 2 ** 2);
 * ```
 */
export function literalInferencePayoff(
  params: ThresholdInput,
  price: number,
  gpus: number,
): number {
  requireInferenceParams(params);
  requireFinite("price", price);
  requireFinite("gpus", gpus);
  const slack = gpus / params.d - params.lambda;
  if (slack === 0) return -Infinity;
  return -params.gamma / (slack * slack) - price * gpus;
}

/**
 * The value of the outside option g = 0 under the literal reading, as an A4 value: v = γ/λ².
 *
 * @param params γ^I and λ (> 0)
 * @returns γ/λ²
 * @throws {ParameterError} for non-positive γ or λ
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { literalOutsideValue } from "./readings.ts";
 * assert.equal(literalOutsideValue({ gamma: 8, lambda: 2 }), 8 / 2 ** 2);
 * ```
 */
export function literalOutsideValue(params: { gamma: number; lambda: number }): number {
  requireObject("params", params, "inference parameters { gamma, lambda }");
  requirePositive("gamma", params.gamma);
  requirePositive("lambda", params.lambda);
  return params.gamma / (params.lambda * params.lambda);
}

/**
 * The market under the literal reading: every client's inference value set to γ/λ² (any A4
 * value it had is replaced).
 *
 * @param spec plain-JSON market
 * @returns a new plain-JSON market
 * @example
 * ```ts
 * import { literalReading } from "./readings.ts";
 * import { randomMarket } from "./instances.ts";
 * const spec = literalReading(randomMarket({ clients: 3, seed: 1, withValues: false }));
 * ```
 */
export function literalReading(spec: MarketSpec): MarketSpec {
  requireMarketSpec(spec);
  return {
    provider: spec.provider,
    clients: spec.clients.map((client) => ({
      training: client.training,
      inference: { ...client.inference, value: literalOutsideValue(client.inference) },
    })),
  };
}

/**
 * The market under the stable-queue reading without values (the printed demand formula: every
 * client always buys inference).
 *
 * @param spec plain-JSON market
 * @returns a new plain-JSON market with every `value` removed
 * @example
 * ```ts
 * import { alwaysBuys } from "./readings.ts";
 * import { randomMarket } from "./instances.ts";
 * const spec = alwaysBuys(randomMarket({ clients: 3, seed: 1 }));
 * ```
 */
export function alwaysBuys(spec: MarketSpec): MarketSpec {
  requireMarketSpec(spec);
  return {
    provider: spec.provider,
    clients: spec.clients.map((client) => {
      const { value: _, ...inference } = client.inference;
      return { training: client.training, inference };
    }),
  };
}

/** Inference prices at which {@link profitAlongInference} evaluates by default. */
export const UNBOUNDEDNESS_PRICES: readonly number[] = [1e2, 1e4, 1e6];

/**
 * Profit F(p^T, p^I) evaluated directly at growing inference prices, with p^T at the training
 * price limit (nobody trains, so capacity only limits inference). A profit that keeps rising
 * over decades of p^I is the numerical sign of an unbounded Stage I.
 *
 * @param market validated market
 * @param prices inference prices (default 1e2, 1e4, 1e6)
 * @returns the profit at each price (`null` where demand exceeds capacity)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { randomMarket } from "./instances.ts";
 * import { keepsRising, profitAlongInference } from "./readings.ts";
 * const m = parseMarket(randomMarket({ clients: 5, seed: 1, withValues: false }));
 * assert.ok(keepsRising(profitAlongInference(m))); // rising: about Σdλ·p^I
 * ```
 */
export function profitAlongInference(
  market: Market,
  prices: readonly number[] = UNBOUNDEDNESS_PRICES,
): (number | null)[] {
  requireMarket(market);
  requireArray("prices", prices, "an array of inference prices");
  return prices.map((price) => {
    const result = profitAt(market, market.trainingPriceLimit, price);
    return result.feasible ? result.profit : null;
  });
}

/**
 * Whether profit strictly rises along the given (ascending) evaluations.
 *
 * @param profits values from {@link profitAlongInference}
 * @returns true iff every value is feasible and each exceeds the previous one
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { keepsRising } from "./readings.ts";
 * assert.equal(keepsRising([1, 2, 3]), true);
 * assert.equal(keepsRising([1, 1, 1]), false);
 * assert.equal(keepsRising([1, null, 3]), false); // over capacity in between
 * ```
 */
export function keepsRising(profits: readonly (number | null)[]): boolean {
  requireArray("profits", profits, "an array of profits (numbers or null)");
  profits.forEach((value, k) => value === null || requireFinite(`profits[${k}]`, value));
  return profits.every((value, k) =>
    value !== null && (k === 0 || (profits[k - 1] !== null && value > profits[k - 1]!))
  );
}

/** Stage I under one reading of the inference payoff ({@link compareReadings}). */
export interface ReadingRow {
  /** the reading, in words (e.g. `"stable queue with A4 values v_n"`) */
  readonly reading: string;
  /** F at p^I = 1e2, 1e4, 1e6 (p^T at its limit); `null` where over capacity */
  readonly profitAlong: readonly (number | null)[];
  /** profit keeps rising over those decades: Stage I numerically unbounded */
  readonly rising: boolean;
  /** the Stage I optimum (Theorem 3), `null` when there is none */
  readonly optimum: {
    readonly trainingPrice: number;
    readonly inferencePrice: number;
    readonly profit: number;
    /** clients buying inference at p^I* */
    readonly inferenceBuyers: number;
  } | null;
  /** `optimal`, `unbounded` or `infeasible` as {@link solveStageOne} reports it */
  readonly status: string;
}

/**
 * Stage I of one market under three readings: the printed demand without values (always buys),
 * the market's own A4 values, and the literal reading (v = γ/λ²).
 *
 * @param spec plain-JSON market (its clients' values are the A4 row)
 * @returns one row per reading
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareReadings } from "./readings.ts";
 * import { randomMarket } from "./instances.ts";
 * const rows = compareReadings(randomMarket({ clients: 10, seed: 1 }));
 * assert.deepEqual(rows.map((r) => r.status), ["unbounded", "optimal", "optimal"]);
 * ```
 */
export function compareReadings(spec: MarketSpec): ReadingRow[] {
  requireMarketSpec(spec);
  const variants: [string, MarketSpec][] = [
    ["stable queue (A3), always buys: printed demand", alwaysBuys(spec)],
    ["stable queue with A4 values v_n", spec],
    ["literal payoff: outside option g = 0, v_n = γ/λ²", literalReading(spec)],
  ];
  return variants.map(([reading, variant]) => {
    const market = parseMarket(variant);
    const profitAlong = profitAlongInference(market);
    const result = solveStageOne(market);
    const optimum = result.status !== "optimal" ? null : {
      trainingPrice: result.trainingPrice,
      inferencePrice: result.inferencePrice,
      profit: result.profit,
      inferenceBuyers: market.inferenceThreshold.filter((t) => t >= result.inferencePrice).length,
    };
    return {
      reading,
      profitAlong,
      rising: keepsRising(profitAlong),
      optimum,
      status: result.status,
    };
  });
}

/** A plain market spec must be one `parseMarket` accepts (its errors name the bad field). */
function requireMarketSpec(spec: MarketSpec): MarketSpec {
  parseMarket(spec);
  return spec;
}
