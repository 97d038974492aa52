/**
 * Stage I structure (Appendices D-F): critical prices, sub-regions Q_{p,q}, their active client
 * sets, the additional points of Eq. 21 that split them into Q'_{p,q} with a constant cost case,
 * and the cost coefficients A, B, E of Eq. 22.
 *
 * Training and inference are handled by separate one-dimensional partitions: Q'_{p,q} is the
 * product of training piece p and inference piece q, because the active sets (Appendix D) and
 * the cost case (Appendix C: case 4 is excluded by capacity) depend on one price each.
 *
 * @module
 */
import type { Market } from "./model.ts";
import { requireNonNegative, requirePositive } from "../../core/validate.ts";
import { requireMarket } from "./validate.ts";

/** A training price interval [lo, hi] with a constant active set and cost case. */
export interface TrainingPiece {
  /** lower end of the training price interval */
  readonly lo: number;
  /** upper end of the training price interval */
  readonly hi: number;
  /** |C^T|: clients with γ^T/θ >= hi */
  readonly active: number;
  /** Γ = Σ_{C^T} γ^T */
  readonly gammaSum: number;
  /** Θ = Σ_{C^T} θ */
  readonly thetaSum: number;
  /** A of Eq. 22: c^TL where D^T > G^H, else c^TH */
  readonly marginalCost: number;
  /** training part of E of Eq. 22: (c^TH − c^TL)G^H where D^T > G^H, else 0 */
  readonly fixedCost: number;
  /** p'^T = √(AΓ/Θ) (Appendix G); `Infinity` when no client is active */
  readonly peak: number;
}

/** An inference price interval [lo, hi] with a constant active set and cost case. */
export interface InferencePiece {
  /** lower end of the inference price interval */
  readonly lo: number;
  /** upper end of the inference price interval */
  readonly hi: number;
  /** |C^I|: clients with p^I† >= hi */
  readonly active: number;
  /** K = Σ_{C^I} d^{2/3}(2γ^I)^{1/3}, so D^I(p) = Λ + K p^{-1/3} */
  readonly kSum: number;
  /** Λ = Σ_{C^I} d λ */
  readonly floor: number;
  /** B of Eq. 22: c^IH where D^I > G^L, else c^IL */
  readonly marginalCost: number;
  /** inference part of E of Eq. 22: (c^IL − c^IH)G^L where D^I > G^L, else 0 */
  readonly fixedCost: number;
}

/**
 * Critical training prices a^T: 0, the distinct γ^T_n/θ_n below the limit, and the limit.
 *
 * @param market validated market
 * @returns ascending prices
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { trainingCriticalPoints } from "./subregions.ts";
 * const m = parseMarket({ provider: { highGpus: 9, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1 } }] });
 * assert.deepEqual(trainingCriticalPoints(m), [0, 5]); // 0 and γ^T/θ
 * ```
 */
export function trainingCriticalPoints(market: Market): number[] {
  requireMarket(market);
  const thresholds = Array.from(
    { length: market.size },
    (_, n) => market.trainingGamma[n]! / market.trainingTheta[n]!,
  );
  return criticalPoints(thresholds, market.trainingPriceLimit);
}

/**
 * Critical inference prices a^I: 0, the distinct finite thresholds p^I†_n below the limit, and
 * the limit.
 *
 * @param market validated market with a finite inference price limit
 * @returns ascending prices, or `null` when the market has no inference price limit
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { inferenceCriticalPoints } from "./subregions.ts";
 * const m = parseMarket({ provider: { highGpus: 9, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1, value: 4 } }] });
 * assert.deepEqual(inferenceCriticalPoints(m), [0, 1, 2]); // 0, p^I† = 1, limit 2 × p^I†
 * ```
 */
export function inferenceCriticalPoints(market: Market): number[] | null {
  requireMarket(market);
  if (market.inferencePriceLimit === null) return null;
  return criticalPoints(Array.from(market.inferenceThreshold), market.inferencePriceLimit);
}

/**
 * Eq. 21, training: the price a'^T where D^T = G^H for a fixed active set, Γ/(G^H + Θ).
 *
 * @param gammaSum Γ
 * @param thetaSum Θ
 * @param highGpus G^H
 * @returns a'^T (0 when no client is active)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { additionalTrainingPoint } from "./subregions.ts";
 * assert.equal(additionalTrainingPoint(10, 2, 3), 10 / (3 + 2)); // Γ/(G^H + Θ)
 * ```
 */
export function additionalTrainingPoint(
  gammaSum: number,
  thetaSum: number,
  highGpus: number,
): number {
  requireNonNegative("gammaSum", gammaSum);
  requireNonNegative("thetaSum", thetaSum);
  requirePositive("highGpus", highGpus);
  return gammaSum / (highGpus + thetaSum);
}

/**
 * Eq. 21, inference: the price a'^I where D^I = G^L, (K/(G^L − Λ))³. The printed formula is only
 * meaningful when G^L > Λ: otherwise D^I > G^L at every price (demand never falls to G^L) and the
 * printed expression is negative or infinite. This returns `null` in that case.
 *
 * @param kSum K
 * @param floor Λ
 * @param lowGpus G^L
 * @returns a'^I, or `null` when D^I never reaches G^L
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { additionalInferencePoint } from "./subregions.ts";
 * assert.equal(additionalInferencePoint(2, 1, 3), 1);
 * assert.equal(additionalInferencePoint(2, 5, 3), null);
 * ```
 */
export function additionalInferencePoint(
  kSum: number,
  floor: number,
  lowGpus: number,
): number | null {
  requireNonNegative("kSum", kSum);
  requireNonNegative("floor", floor);
  requirePositive("lowGpus", lowGpus);
  if (!(lowGpus > floor)) return null;
  const root = kSum / (lowGpus - floor);
  return root * root * root;
}

/**
 * Training sub-regions [a_p, a_{p+1}], each split at a'^T into pieces with constant A and E.
 *
 * @param market validated market
 * @returns pieces in ascending price order
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { trainingPieces } from "./subregions.ts";
 * const m = parseMarket({ provider: { highGpus: 1, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1 } }] });
 * const bounds = trainingPieces(m).map((p) => [p.lo, p.hi]);
 * assert.deepEqual(bounds, [[0, 10 / 3], [10 / 3, 5]]); // split at a'^T = 10/3
 * ```
 */
export function trainingPieces(market: Market): TrainingPiece[] {
  requireMarket(market);
  const n = market.size;
  const order = Array.from({ length: n }, (_, i) => i);
  const threshold = (i: number) => market.trainingGamma[i]! / market.trainingTheta[i]!;
  order.sort((a, b) => threshold(a) - threshold(b));
  const points = trainingCriticalPoints(market);
  const { highGpus, costs } = market;
  const pieces: TrainingPiece[] = [];
  let gammaSum = 0;
  let thetaSum = 0;
  for (const i of order) {
    gammaSum += market.trainingGamma[i]!;
    thetaSum += market.trainingTheta[i]!;
  }
  let next = 0; // clients order[next..] are those with threshold >= hi
  for (let r = 0; r + 1 < points.length; r++) {
    const lo = points[r]!;
    const hi = points[r + 1]!;
    while (next < n && threshold(order[next]!) < hi) {
      gammaSum -= market.trainingGamma[order[next]!]!;
      thetaSum -= market.trainingTheta[order[next]!]!;
      next++;
    }
    const active = n - next;
    const g = active === 0 ? 0 : gammaSum;
    const t = active === 0 ? 0 : thetaSum;
    const overflow = {
      marginalCost: costs.trainingLow,
      fixedCost: (costs.trainingHigh - costs.trainingLow) * highGpus,
    };
    const fits = { marginalCost: costs.trainingHigh, fixedCost: 0 };
    const piece = (from: number, to: number, cost: typeof fits): TrainingPiece => ({
      lo: from,
      hi: to,
      active,
      gammaSum: g,
      thetaSum: t,
      ...cost,
      peak: t > 0 ? Math.sqrt((cost.marginalCost * g) / t) : Infinity,
    });
    const split = additionalTrainingPoint(g, t, highGpus);
    if (split > lo && split < hi) pieces.push(piece(lo, split, overflow), piece(split, hi, fits));
    else pieces.push(piece(lo, hi, split >= hi ? overflow : fits));
  }
  return pieces;
}

/**
 * Inference sub-regions [a_q, a_{q+1}], each split at a'^I into pieces with constant B and E.
 *
 * @param market validated market with a finite inference price limit
 * @returns pieces in ascending price order, or `null` without an inference price limit
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { inferencePieces } from "./subregions.ts";
 * const m = parseMarket({ provider: { highGpus: 9, lowGpus: 9, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1, value: 4 } }] });
 * // [0, 1] splits at a'^I = (2/8)^3; [1, 2] holds no buyer
 * const bounds = inferencePieces(m)?.map((p) => [p.lo, p.hi]);
 * assert.deepEqual(bounds, [[0, 1 / 64], [1 / 64, 1], [1, 2]]);
 * ```
 */
export function inferencePieces(market: Market): InferencePiece[] | null {
  requireMarket(market);
  const points = inferenceCriticalPoints(market);
  if (points === null) return null;
  const n = market.size;
  const order = Array.from({ length: n }, (_, i) => i);
  const threshold = (i: number) => market.inferenceThreshold[i]!;
  order.sort((a, b) => threshold(a) - threshold(b));
  const weight = (i: number) =>
    Math.cbrt(market.inferenceD[i]! * market.inferenceD[i]! * 2 * market.inferenceGamma[i]!);
  const base = (i: number) => market.inferenceD[i]! * market.inferenceLambda[i]!;
  let kSum = 0;
  let floor = 0;
  for (const i of order) {
    kSum += weight(i);
    floor += base(i);
  }
  const { lowGpus, costs } = market;
  const overflow = {
    marginalCost: costs.inferenceHigh,
    fixedCost: (costs.inferenceLow - costs.inferenceHigh) * lowGpus,
  };
  const fits = { marginalCost: costs.inferenceLow, fixedCost: 0 };
  const pieces: InferencePiece[] = [];
  let next = 0;
  for (let r = 0; r + 1 < points.length; r++) {
    const lo = points[r]!;
    const hi = points[r + 1]!;
    while (next < n && threshold(order[next]!) < hi) {
      kSum -= weight(order[next]!);
      floor -= base(order[next]!);
      next++;
    }
    const active = n - next;
    const k = active === 0 ? 0 : kSum;
    const f = active === 0 ? 0 : floor;
    const piece = (from: number, to: number, cost: typeof fits): InferencePiece => ({
      lo: from,
      hi: to,
      active,
      kSum: k,
      floor: f,
      ...cost,
    });
    const split = active === 0 ? 0 : additionalInferencePoint(k, f, lowGpus);
    if (split === null) pieces.push(piece(lo, hi, overflow));
    else if (split > lo && split < hi) {
      pieces.push(piece(lo, split, overflow), piece(split, hi, fits));
    } else pieces.push(piece(lo, hi, split >= hi ? overflow : fits));
  }
  return pieces;
}

function criticalPoints(thresholds: readonly number[], limit: number): number[] {
  const inside = thresholds.filter((t) => t > 0 && t < limit).sort((a, b) => a - b);
  const points = [0];
  for (const t of inside) if (t > points[points.length - 1]!) points.push(t);
  points.push(limit);
  return points;
}
