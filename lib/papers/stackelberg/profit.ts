/**
 * The provider's profit F(p) = R − C (Eq. 17) evaluated directly: clients' best responses
 * (Stage II) summed, then the Stage III closed-form cost. This is the surface Stage I maximises;
 * the brute-force search and the checks of Theorem 3 use it as ground truth.
 *
 * @module
 */
import { demandCost } from "./allocation.ts";
import { type AggregateDemand, totalInferenceDemand, totalTrainingDemand } from "./demand.ts";
import type { Market } from "./model.ts";
import { requireMarket } from "./validate.ts";
import { requireObject } from "../../core/validate.ts";

/** Profit at a price pair, or a typed infeasibility (demand above G^H + G^L). */
export type ProfitResult =
  | {
    readonly feasible: true;
    readonly profit: number;
    readonly revenue: number;
    readonly cost: number;
    readonly demand: AggregateDemand;
  }
  | { readonly feasible: false; readonly demand: AggregateDemand; readonly reason: string };

/**
 * Evaluates the provider's profit at (p^T, p^I).
 *
 * @param market validated market
 * @param trainingPrice p^T > 0
 * @param inferencePrice p^I > 0
 * @returns profit, revenue, cost and demands, or `{ feasible: false }` when D^T + D^I > G
 * @throws {ParameterError} for non-positive prices
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { profitAt } from "./profit.ts";
 * const m = parseMarket({ provider: { highGpus: 9, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1 } }] });
 * const r = profitAt(m, 2, 1); // D^T = 3, D^I = 3: revenue 2·3 + 1·3, cost 1·3 + 1·3
 * assert.deepEqual(r, {
 *   feasible: true, profit: 3, revenue: 9, cost: 6, demand: { training: 3, inference: 3 },
 * });
 * ```
 */
export function profitAt(
  market: Market,
  trainingPrice: number,
  inferencePrice: number,
): ProfitResult {
  requireMarket(market);
  const demand = {
    training: totalTrainingDemand(market, trainingPrice),
    inference: totalInferenceDemand(market, inferencePrice),
  };
  return profitOfDemand(market, trainingPrice, inferencePrice, demand);
}

/**
 * Profit for already-computed aggregate demands (used by grid searches that cache demands).
 *
 * @param market validated market
 * @param trainingPrice p^T
 * @param inferencePrice p^I
 * @param demand D^T(p^T), D^I(p^I)
 * @returns as {@link profitAt}
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { profitOfDemand } from "./profit.ts";
 * const m = parseMarket({ provider: { highGpus: 9, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1 } }] });
 * const r = profitOfDemand(m, 2, 1, { training: 3, inference: 3 });
 * assert.ok(r.feasible && r.profit === 3);
 * ```
 */
export function profitOfDemand(
  market: Market,
  trainingPrice: number,
  inferencePrice: number,
  demand: AggregateDemand,
): ProfitResult {
  requireMarket(market);
  requireObject("demand", demand, "aggregate demands { training, inference }", [
    "training",
    "inference",
  ]);
  return profitOfCheckedDemand(market, trainingPrice, inferencePrice, demand);
}

/**
 * {@link profitOfDemand} without the argument checks, for grid searches over a market checked once
 * at their entry.
 */
export function profitOfCheckedDemand(
  market: Market,
  trainingPrice: number,
  inferencePrice: number,
  demand: AggregateDemand,
): ProfitResult {
  const cost = demandCost(market, demand.training, demand.inference);
  if (cost === null) {
    return {
      feasible: false,
      demand,
      reason: `demand ${demand.training + demand.inference} exceeds capacity ${
        market.highGpus + market.lowGpus
      }`,
    };
  }
  const revenue = trainingPrice * demand.training + inferencePrice * demand.inference;
  return { feasible: true, profit: revenue - cost, revenue, cost, demand };
}
