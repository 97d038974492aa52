/**
 * Stage I (Theorem 3, Appendix G): the provider's optimal prices (p^T, p^I).
 *
 * Over every product piece Q'_{p,q} of {@link trainingPieces} × {@link inferencePieces}, the
 * algorithm sets p^I to the piece's upper boundary (profit increases in p^I, Appendix G), the
 * capacity bound b^T = Γ/(G + Θ − D^I(p^I)), and p^T by the three cases of Appendix G around
 * p'^T = √(AΓ/Θ); the best candidate over all pieces is the optimum.
 *
 * Two readings of the rule are offered:
 * - `guarded` (default): a piece is skipped when it holds no feasible point (b^T above its upper
 *   boundary, or D^I alone above G). This is what "we've already verified the feasibility of the
 *   subregion" requires.
 * - `literal`: the three cases applied without that check, so a candidate can lie outside its
 *   piece or violate capacity; its value is the piece's formula F_{p,q}. Kept to show that the
 *   appendix presupposes the check without stating it (an under-specification): every capacity
 *   violation of this rule comes from a sub-region the check removes.
 *
 * @module
 */
import type { Market } from "./model.ts";
import { inferencePieces, type TrainingPiece, trainingPieces } from "./subregions.ts";
import { totalInferenceDemand } from "./demand.ts";
import { requireMarket } from "./validate.ts";
import { requireObject } from "../../core/validate.ts";

/** Which reading of Appendix G's selection rule to apply. */
export type SelectionRule = "guarded" | "literal";

/** Options of {@link solveStageOne}. */
export interface StageOneOptions {
  /** default `guarded` */
  readonly rule?: SelectionRule;
}

/** Optimal prices found by the theorem's algorithm. */
export interface StageOneOptimum {
  /** the algorithm found a finite optimum */
  readonly status: "optimal";
  /** p^T*, the optimal training price */
  readonly trainingPrice: number;
  /** p^I*, the optimal inference price */
  readonly inferencePrice: number;
  /** F at the optimum as the piece formula F_{p,q} gives it */
  readonly profit: number;
  /** indices of the optimal pieces, and the Appendix G case used for p^T */
  readonly trainingPiece: number;
  /** index of the optimal inference piece */
  readonly inferencePiece: number;
  /** Appendix G case (1, 2 or 3) that gave p^T */
  readonly trainingCase: 1 | 2 | 3;
  /** number of training and inference pieces; pairs examined; pairs holding a feasible point */
  readonly counts: {
    readonly trainingPieces: number;
    readonly inferencePieces: number;
    readonly pairs: number;
    readonly feasiblePairs: number;
  };
}

/** Result of Stage I: an optimum, or the typed reason there is none. */
export type StageOneResult =
  | StageOneOptimum
  | { readonly status: "unbounded"; readonly reason: string }
  | { readonly status: "infeasible"; readonly reason: string };

/**
 * Runs the Stage I algorithm of Theorem 3.
 *
 * @param market validated market ({@link parseMarket})
 * @param options selection rule (default `guarded`)
 * @returns the optimum; `unbounded` when some clients always buy inference and no inference cap
 *   is set (profit then grows without bound in p^I); `infeasible` when no price pair fits capacity
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { solveStageOne } from "./stage_one.ts";
 * const m = parseMarket({ provider: { highGpus: 2, lowGpus: 3, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1, value: 30 } }] });
 * const r = solveStageOne(m);
 * assert.equal(r.status, "optimal");
 * // D^T = 10/2.5 − 2 = G^H: training just fills the high pool
 * if (r.status === "optimal") assert.equal(r.trainingPrice, 2.5);
 * ```
 */
export function solveStageOne(market: Market, options: StageOneOptions = {}): StageOneResult {
  requireMarket(market);
  requireObject("options", options, "stage-one options (an object)");
  const rule = options.rule ?? "guarded";
  const inference = inferencePieces(market);
  if (inference === null) return unboundedOrInfeasible(market);
  const training = trainingPieces(market);
  const capacity = market.highGpus + market.lowGpus;
  const t = packTraining(training);
  let best = -Infinity;
  let bestP = -1;
  let bestQ = -1;
  let bestPrice = NaN;
  let bestCase: 1 | 2 | 3 = 3;
  let feasiblePairs = 0;
  for (let q = 0; q < inference.length; q++) {
    const piece = inference[q]!;
    const price = piece.hi;
    const demand = piece.floor + piece.kSum / Math.cbrt(price);
    const inferenceValue = (price - piece.marginalCost) * demand - piece.fixedCost;
    const room = capacity - demand;
    if (rule === "guarded" && room < 0) continue;
    for (let p = 0; p < t.count; p++) {
      const gammaSum = t.gammaSum[p]!;
      const thetaSum = t.thetaSum[p]!;
      const lo = t.lo[p]!;
      const hi = t.hi[p]!;
      const bound = gammaSum > 0 ? gammaSum / (room + thetaSum) : 0;
      if (rule === "guarded" && bound > hi * (1 + 1e-12)) continue;
      feasiblePairs++;
      const peak = t.peak[p]!;
      let candidate: number;
      let kase: 1 | 2 | 3;
      if (peak < lo) {
        candidate = Math.max(lo, bound);
        kase = 1;
      } else if (peak < hi) {
        candidate = Math.max(peak, bound);
        kase = 2;
      } else {
        candidate = hi;
        kase = 3;
      }
      if (rule === "guarded") candidate = Math.min(candidate, hi);
      const value = (candidate - t.cost[p]!) * (gammaSum / candidate - thetaSum) - t.fixed[p]! +
        inferenceValue;
      if (value > best) {
        best = value;
        bestP = p;
        bestQ = q;
        bestPrice = candidate;
        bestCase = kase;
      }
    }
  }
  if (bestP < 0) {
    return {
      status: "infeasible",
      reason: "no price pair keeps D^T + D^I within G^H + G^L: even at the highest prices the " +
        "inference demand floor exceeds capacity",
    };
  }
  return {
    status: "optimal",
    trainingPrice: bestPrice,
    inferencePrice: inference[bestQ]!.hi,
    profit: best,
    trainingPiece: bestP,
    inferencePiece: bestQ,
    trainingCase: bestCase,
    counts: {
      trainingPieces: training.length,
      inferencePieces: inference.length,
      pairs: training.length * inference.length,
      feasiblePairs,
    },
  };
}

function packTraining(pieces: readonly TrainingPiece[]) {
  const column = (pick: (piece: TrainingPiece) => number) => Float64Array.from(pieces, pick);
  return {
    count: pieces.length,
    lo: column((x) => x.lo),
    hi: column((x) => x.hi),
    gammaSum: column((x) => x.gammaSum),
    thetaSum: column((x) => x.thetaSum),
    cost: column((x) => x.marginalCost),
    fixed: column((x) => x.fixedCost),
    peak: column((x) => x.peak),
  };
}

function unboundedOrInfeasible(market: Market): StageOneResult {
  let floor = 0;
  for (let n = 0; n < market.size; n++) {
    if (market.inferenceThreshold[n] === Infinity) {
      floor += market.inferenceD[n]! * market.inferenceLambda[n]!;
    }
  }
  const capacity = market.highGpus + market.lowGpus;
  if (floor > capacity) {
    return {
      status: "infeasible",
      reason: `clients that always buy inference need at least Σ d·λ = ${floor} GPUs at any ` +
        `price, more than G^H + G^L = ${capacity}`,
    };
  }
  return {
    status: "unbounded",
    reason:
      "some clients have no inference threshold (no `value`, printed model) and there is no " +
      "provider.priceCap.inference: their demand never falls below Σ d·λ, so profit " +
      `(p^I − c)(Λ + K p^{-1/3}) grows without bound in p^I (at p^I = 1e6 demand is still ${
        totalInferenceDemand(market, 1e6).toFixed(3)
      })`,
  };
}
