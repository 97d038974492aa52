/**
 * Exact reference for Stage I, built without the sub-region machinery of Theorem 3 (no pieces
 * Q'_{p,q}, no Eq. 21 points, no case rule): a finite candidate set that provably contains the
 * optimum, each candidate evaluated directly (Stage II demands + Stage III cost, {@link
 * profitOfDemand}).
 *
 * Why the candidate set is complete. Profit separates, F(p^T, p^I) = F^T(p^T) + F^I(p^I), with the
 * two sides coupled only by capacity D^T(p^T) + D^I(p^I) <= G (Eq. 17: cost case 4 is infeasible,
 * so the cost is c^TH D^T + (c^TL − c^TH)[D^T − G^H]_+ + c^IL D^I + (c^IH − c^IL)[D^I − G^L]_+).
 *
 * - Inference: between two consecutive thresholds p^I†_n the buying set is constant,
 *   D^I = Λ + K p^{-1/3}, and d/dp [p D^I − C^I(D^I)] = Λ + (2K/3)p^{-1/3} + (B K/3)p^{-4/3} > 0
 *   for either marginal cost B (our algebra; `checkInferenceMonotonicity` checks it numerically),
 *   while D^I falls, so capacity only loosens. Demand jumps down just above a threshold (a client
 *   leaves), so the best p^I of each interval is its closed upper end: a threshold or the
 *   inference price limit (cap).
 * - Training: for a fixed p^I the training side maximises F^T(p) = p D^T(p) − C^T(D^T(p)) over
 *   p >= b, where b is the smallest price with D^T(b) <= G − D^I (D^T is continuous and strictly
 *   decreasing while positive). Between consecutive training thresholds γ_n/θ_n,
 *   D^T = Γ/p − Θ and F^T = min over the two cost branches A ∈ {c^TH, c^TL} of (p − A)(Γ/p − Θ)
 *   + const, a minimum of concave functions, hence concave. So the maximum on each interval is at
 *   an end (threshold, b, limit), at a branch's stationary point √(AΓ/Θ), or at the kink
 *   D^T = G^H, p = Γ/(G^H + Θ). Every such point is a candidate.
 *
 * Cost: O(N log N) to sort, O(N²) to evaluate the training candidates once, then O(N) per
 * inference candidate: O(N²) overall.
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { totalInferenceDemand, totalTrainingDemand } from "./demand.ts";
import type { Market } from "./model.ts";
import { profitOfCheckedDemand } from "./profit.ts";
import { requireMarket } from "./validate.ts";

/** The optimum found by {@link exactStageOne}. */
export interface ExactStageOneOptimum {
  /** the reference found a finite optimum */
  readonly status: "optimal";
  /** p^T*, the optimal training price */
  readonly trainingPrice: number;
  /** p^I*, the optimal inference price */
  readonly inferencePrice: number;
  /** F at the optimum, evaluated directly */
  readonly profit: number;
  /** how many inference and training candidate prices were examined */
  readonly candidates: { readonly inference: number; readonly training: number };
}

/** Result of {@link exactStageOne}. */
export type ExactStageOneResult =
  | ExactStageOneOptimum
  | { readonly status: "infeasible"; readonly reason: string };

/**
 * Solves Stage I exactly by enumeration of a complete candidate set (see the module notes).
 *
 * @param market validated market with a finite inference price limit (client values v_n or an
 *   inference price cap)
 * @returns the optimum, or `infeasible` when every inference candidate alone exceeds capacity
 * @throws {ParameterError} when the market has no inference price limit (the printed model
 *   without a cap, where profit is unbounded in p^I)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { exactStageOne } from "./exact_stage_one.ts";
 * const m = parseMarket({ provider: { highGpus: 100, lowGpus: 100, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1, value: 4 } }] });
 * const r = exactStageOne(m);
 * assert.equal(r.status, "optimal");
 * // the peak √(AΓ/Θ) = √5: capacity is slack
 * if (r.status === "optimal") assert.ok(Math.abs(r.trainingPrice - Math.sqrt(5)) < 1e-9);
 * ```
 */
export function exactStageOne(market: Market): ExactStageOneResult {
  requireMarket(market);
  const inferenceLimit = market.inferencePriceLimit;
  if (inferenceLimit === null) {
    throw new ParameterError(
      "market.inferencePriceLimit",
      null,
      "a finite inference price limit (clients' values v_n or provider.priceCap.inference): " +
        "without one, profit is unbounded in p^I",
    );
  }
  const training = trainingSide(market);
  const capacity = market.highGpus + market.lowGpus;
  const inferencePrices = inferenceCandidates(market, inferenceLimit);
  let best: ExactStageOneOptimum | null = null;
  for (const inferencePrice of inferencePrices) {
    const inference = totalInferenceDemand(market, inferencePrice);
    const room = capacity - inference;
    if (room < 0) continue;
    const bound = training.capacityBound(room);
    if (bound > market.trainingPriceLimit) continue;
    const first = training.prices.findIndex((p) => p >= bound);
    const trainingPrices = [bound, ...training.prices.slice(first)];
    const trainingDemands = [totalTrainingDemand(market, bound), ...training.demands.slice(first)];
    for (let k = 0; k < trainingPrices.length; k++) {
      const result = profitOfCheckedDemand(market, trainingPrices[k]!, inferencePrice, {
        training: trainingDemands[k]!,
        inference,
      });
      if (result.feasible && (best === null || result.profit > best.profit)) {
        best = {
          status: "optimal",
          trainingPrice: trainingPrices[k]!,
          inferencePrice,
          profit: result.profit,
          candidates: { inference: inferencePrices.length, training: training.prices.length + 1 },
        };
      }
    }
  }
  return best ?? {
    status: "infeasible",
    reason: "at every candidate inference price the inference demand alone exceeds G^H + G^L, " +
      "or the training demand cannot be brought within the remaining capacity below the " +
      "training price limit",
  };
}

/** Finite thresholds p^I†_n up to the limit, and the limit itself, ascending and distinct. */
function inferenceCandidates(market: Market, limit: number): number[] {
  const prices = Array.from(market.inferenceThreshold).filter((t) => t <= limit);
  prices.push(limit);
  return [...new Set(prices)].sort((a, b) => a - b);
}

/**
 * The training candidates that do not depend on p^I (thresholds, limit, stationary points and the
 * kink of every interval between thresholds) with their demands, and the capacity bound b(room).
 */
function trainingSide(market: Market) {
  const n = market.size;
  const limit = market.trainingPriceLimit;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    market.trainingGamma[a]! / market.trainingTheta[a]! -
    market.trainingGamma[b]! / market.trainingTheta[b]!
  );
  const threshold = order.map((i) => market.trainingGamma[i]! / market.trainingTheta[i]!);
  // suffix sums: clients order[k..] are those buying on the interval just below threshold[k]
  const gammaFrom = new Float64Array(n + 1);
  const thetaFrom = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) {
    gammaFrom[k] = gammaFrom[k + 1]! + market.trainingGamma[order[k]!]!;
    thetaFrom[k] = thetaFrom[k + 1]! + market.trainingTheta[order[k]!]!;
  }
  const { trainingHigh, trainingLow } = market.costs;
  const candidates = new Set<number>([limit]);
  let lower = 0;
  for (let k = 0; k < n; k++) {
    const upper = threshold[k]!;
    if (upper <= limit) candidates.add(upper);
    if (upper > lower) {
      const gamma = gammaFrom[k]!;
      const theta = thetaFrom[k]!;
      const inside = [
        Math.sqrt((trainingHigh * gamma) / theta),
        Math.sqrt((trainingLow * gamma) / theta),
        gamma / (market.highGpus + theta),
      ];
      for (const p of inside) if (p > lower && p < upper && p <= limit) candidates.add(p);
      lower = upper;
    }
  }
  const prices = [...candidates].sort((a, b) => a - b);
  const demands = prices.map((p) => totalTrainingDemand(market, p));
  const demandAtThreshold = threshold.map((p) => totalTrainingDemand(market, p));
  /** smallest p with D^T(p) <= room (room >= 0) */
  const capacityBound = (room: number): number => {
    // first k with D^T(threshold[k]) <= room (D^T decreasing; D^T(largest threshold) = 0)
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (demandAtThreshold[mid]! <= room) hi = mid;
      else lo = mid + 1;
    }
    // on (threshold[lo-1], threshold[lo]] the buyers are order[lo..]; ties share one interval
    let first = lo;
    while (first > 0 && threshold[first - 1] === threshold[lo]) first--;
    const bound = gammaFrom[first]! / (room + thetaFrom[first]!);
    const below = first > 0 ? threshold[first - 1]! : 0;
    return Math.min(threshold[lo]!, Math.max(below, bound));
  };
  return { prices, demands, capacityBound };
}
