/**
 * The COCO auction's deterministic steps (paper Sec. V-C): ROSO (Algorithm 1, Definition 1) and
 * REAL cost sharing (Algorithm 3). CENTRE lives in `consensus.ts`.
 *
 * Readings of the printed algorithms (each is a choice, stated here and in the notebook):
 * - Algorithm 1 lines 8-11 admit, by non-increasing density, every user with f'_e − ã > 0
 *   (`admitted`, the capacity-feasible set). Π̃ is Eq. (11) over that order. Definition 1 then says
 *   "all bidders with density ≥ d_[i] win": the winners Ũ of ROSO are the revenue-maximising
 *   prefix u_[1..i*], and Φ̃ (line 13) is that prefix's Σ ã. We take ζ = max ã over the same prefix
 *   (CENTRE line 1: "ζ = max over Ũ"), so a low-density bidder that ROSO admits for capacity but
 *   who does not win Definition 1's auction cannot make δ = Φ̃/(Φ̃ − ζ) undefined.
 * - With that reading the printed Algorithm 3 (Φ̂ ← Φ̃, non-increasing density, break at the first
 *   affordable user) and the cost-sharing loop in {@link real} give the same result: every prefix
 *   member has density ≥ d_[i*] = Π̃/Φ̃ > Π̂/Φ̃, so nobody is removed and the whole prefix pays
 *   Π̂/Φ̃. They differ only when REAL is started from a larger set (the fixed-target baseline).
 * - When the maximising prefix is one bidder, Φ̃ = ζ and no δ-consensus exists. `twoWinner` is the
 *   best single-price revenue with at least two winners (Goldberg-Hartline's F^(2), the benchmark of
 *   the paper's reference [35]); `coco.ts` falls back to it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { prefixWinners, real, roso } from "./auction.ts";
 * const budgets = Float64Array.of(10, 6, 3);
 * const demands = Float64Array.of(1, 1, 1);
 * const r = roso(budgets, demands, 10, 0.5);
 * assert.deepEqual([r.upperBound, r.prefixLength], [12, 2]); // price 6 to the two densest
 * const w = real(budgets, demands, prefixWinners(r), 8);
 * assert.equal(w.price, 4); // the target 8 shared by the two winners
 * ```
 *
 * @module
 */
import { requireCapacity, requireFloats, requireIndices, requireRosoResult } from "./validate.ts";
import { ParameterError } from "../../core/errors.ts";
import { requireFinite } from "../../core/validate.ts";

/** A prefix u_[1..length] of the density order with its single-price revenue. */
export interface RosoPrefix {
  /** d_[length]·Σ_{k≤length} ã_[k]. */
  readonly revenue: number;
  /** Σ ã over the prefix. */
  readonly phi: number;
  /** Number of users in the prefix. */
  readonly length: number;
  /** Largest ã in the prefix. */
  readonly zeta: number;
}

/** Output of ROSO. */
export interface RosoResult {
  /** Π̃(U_t), 0 when nobody is admitted. */
  readonly upperBound: number;
  /**
   * Capacity-admitted bid indices (Algorithm 1 lines 8-11) in non-increasing density order; ROSO's
   * winners Ũ_t (Definition 1) are the first `prefixLength` of them ({@link prefixWinners}).
   */
  readonly admitted: Int32Array;
  /** Φ̃_t: Σ ã over the maximising prefix. */
  readonly phi: number;
  /** Length of the maximising prefix (the first one on ties; 0 when nobody is admitted). */
  readonly prefixLength: number;
  /** ζ: largest demand in the maximising prefix. */
  readonly zeta: number;
  /** Best prefix with at least two users (F^(2)), null with fewer than two admitted. */
  readonly twoWinner: RosoPrefix | null;
  /** Users dropped by the reserve price. */
  readonly belowReserve: number;
  /** Users skipped for lack of capacity. */
  readonly skippedForCapacity: number;
}

/**
 * Bid indices with density ≥ `reservePrice`, sorted by non-increasing density (ties by index).
 *
 * @param budgets β_i
 * @param demands ã_i > 0
 * @param reservePrice p^res
 * @returns sorted indices
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankByDensity } from "./auction.ts";
 * assert.deepEqual([...rankByDensity(Float64Array.of(1, 4), Float64Array.of(1, 1), 0)], [1, 0]);
 * ```
 */
export function rankByDensity(
  budgets: Float64Array,
  demands: Float64Array,
  reservePrice: number,
): Int32Array {
  requireFloats("budgets", budgets);
  requireFloats("demands", demands);
  requireFinite("reservePrice", reservePrice);
  const n = budgets.length;
  const density = new Float64Array(n);
  const kept = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    density[i] = budgets[i]! / demands[i]!;
    if (density[i]! >= reservePrice) kept[count++] = i;
  }
  return sortByKeyDescending(kept.subarray(0, count), density);
}

/**
 * Sorts indices in place by non-increasing key, ties by increasing index (insertion sort: faster
 * than a comparator sort for the slot sizes here, O(n²) worst case, so large inputs use the
 * built-in sort).
 *
 * @param indices indices to sort (modified)
 * @param key value per index
 * @returns `indices`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sortByKeyDescending } from "./auction.ts";
 * const order = sortByKeyDescending(Int32Array.of(0, 1, 2), Float64Array.of(1, 3, 2));
 * assert.deepEqual([...order], [1, 2, 0]);
 * ```
 */
export function sortByKeyDescending(indices: Int32Array, key: Float64Array): Int32Array {
  requireIndices("indices", indices);
  if (!(key instanceof Float64Array)) throw new ParameterError("key", key, "a Float64Array");
  if (indices.length > 256) {
    const sorted = Array.from(indices).sort((a, b) => key[b]! - key[a]! || a - b);
    indices.set(sorted);
    return indices;
  }
  for (let i = 1; i < indices.length; i++) {
    const item = indices[i]!;
    const value = key[item]!;
    let j = i - 1;
    while (
      j >= 0 && (key[indices[j]!]! < value || (key[indices[j]!]! === value && indices[j]! > item))
    ) {
      indices[j + 1] = indices[j]!;
      j--;
    }
    indices[j + 1] = item;
  }
  return indices;
}

/**
 * Algorithm 1 (ROSO): reserve price filter, greedy capacity admission by density, and the
 * omniscient single-price revenue Π̃ = max_i d_[i]·Σ_{k≤i} ã_[k] (Eq. 11) with its maximising
 * prefix (Definition 1), Φ̃ and ζ over that prefix, and the best prefix of two or more users.
 *
 * @param budgets β_i of the bidders with an edge demand
 * @param demands ã_i in GFLOPS (all > 0)
 * @param edgeGflops capacity f_e
 * @param reservePrice p^res = (1 + γ)·p^r/f_e
 * @returns the ROSO outcome
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { roso } from "./auction.ts";
 * assert.equal(roso(Float64Array.of(4, 3), Float64Array.of(2, 1), 10, 0).upperBound, 6); // price 2
 * ```
 */
export function roso(
  budgets: Float64Array,
  demands: Float64Array,
  edgeGflops: number,
  reservePrice: number,
): RosoResult {
  requireFloats("budgets", budgets);
  requireFloats("demands", demands);
  requireCapacity("edgeGflops", edgeGflops);
  requireFinite("reservePrice", reservePrice);
  const ranked = rankByDensity(budgets, demands, reservePrice);
  const admitted: number[] = [];
  let remaining = edgeGflops;
  let prefix = 0;
  let largest = 0;
  let best: RosoPrefix = { revenue: 0, phi: 0, length: 0, zeta: 0 };
  let twoWinner: RosoPrefix | null = null;
  for (const i of ranked) {
    const a = demands[i]!;
    if (remaining - a > 0) {
      remaining -= a;
      admitted.push(i);
      prefix += a;
      if (a > largest) largest = a;
      const revenue = (budgets[i]! / a) * prefix;
      const candidate = { revenue, phi: prefix, length: admitted.length, zeta: largest };
      if (revenue > best.revenue) best = candidate;
      if (admitted.length >= 2 && (twoWinner === null || revenue > twoWinner.revenue)) {
        twoWinner = candidate;
      }
    }
  }
  return {
    upperBound: best.revenue,
    admitted: Int32Array.from(admitted),
    phi: best.phi,
    prefixLength: best.length,
    zeta: best.zeta,
    twoWinner,
    belowReserve: budgets.length - ranked.length,
    skippedForCapacity: ranked.length - admitted.length,
  };
}

/**
 * ROSO's winners Ũ_t under Definition 1: the revenue-maximising prefix of the capacity-admitted
 * density order.
 *
 * @param r ROSO outcome
 * @returns the first `r.prefixLength` admitted indices (a view, not a copy)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { prefixWinners, roso } from "./auction.ts";
 * const r = roso(Float64Array.of(10, 9, 1), Float64Array.of(1, 1, 5), 100, 0);
 * assert.deepEqual([...prefixWinners(r)], [0, 1]);
 * ```
 */
export function prefixWinners(r: RosoResult): Int32Array {
  requireRosoResult(r);
  return r.admitted.subarray(0, r.prefixLength);
}

/** Output of REAL. */
export interface RealResult {
  /** Û_t: winning bid indices. */
  readonly winners: Int32Array;
  /** Uniform price p_t per GFLOPS (null when nobody wins). */
  readonly price: number | null;
  /** Φ̂_t = Σ_{Û} ã. */
  readonly soldGflops: number;
}

/**
 * Algorithm 3 (REAL), Moulin-Shenker cost sharing of a target revenue: repeatedly drop the
 * lowest-density candidate while it cannot pay Π̂/Φ̂ per GFLOPS; winners pay the uniform price.
 *
 * @param budgets β_i
 * @param demands ã_i
 * @param candidates Ũ_t (any order)
 * @param target Π̂ > 0
 * @returns winners, price and sold capacity; revenue = price·soldGflops = target when non-empty
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { real } from "./auction.ts";
 * const w = real(Float64Array.of(10, 6, 3), Float64Array.of(1, 1, 1), Int32Array.of(0, 1, 2), 8);
 * assert.equal(w.price, 8 / 3); // all three afford the target shared three ways
 * ```
 */
export function real(
  budgets: Float64Array,
  demands: Float64Array,
  candidates: Int32Array,
  target: number,
): RealResult {
  requireFloats("budgets", budgets);
  requireFloats("demands", demands);
  requireIndices("candidates", candidates);
  requireFinite("target", target);
  const density = new Float64Array(budgets.length);
  for (const i of candidates) density[i] = budgets[i]! / demands[i]!;
  // Non-decreasing density = the descending order reversed.
  const order = Array.from(sortByKeyDescending(Int32Array.from(candidates), density)).reverse();
  let sold = 0;
  for (const i of order) sold += demands[i]!;
  let start = 0;
  while (start < order.length) {
    const i = order[start]!;
    if (budgets[i]! / demands[i]! >= target / sold) break;
    sold -= demands[i]!;
    start++;
  }
  if (start === order.length) return { winners: new Int32Array(0), price: null, soldGflops: 0 };
  return { winners: Int32Array.from(order.slice(start)), price: target / sold, soldGflops: sold };
}

/**
 * Algorithm 3 exactly as printed: candidates in non-increasing density, Φ̂ ← Φ̃, and the loop stops
 * at the first candidate who can pay. Started from Definition 1's prefix with its Φ̃ it equals
 * {@link real} (nobody is removed); started from a larger set with a Φ̃ that is not that set's sum,
 * it can leave users who cannot pay (two-bidder example below). AERIA uses {@link real}.
 *
 * @param budgets β_i
 * @param demands ã_i
 * @param candidates Ũ_t
 * @param target Π̂
 * @param phi Φ̃ from ROSO
 * @returns winners and price as the printed algorithm produces them
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { realAsPrinted } from "./auction.ts";
 * const budgets = Float64Array.of(10, 1);
 * const w = realAsPrinted(budgets, Float64Array.of(1, 1), Int32Array.of(0, 1), 4, 2);
 * assert.equal(w.price, 2);
 * ```
 */
export function realAsPrinted(
  budgets: Float64Array,
  demands: Float64Array,
  candidates: Int32Array,
  target: number,
  phi: number,
): RealResult {
  requireFloats("budgets", budgets);
  requireFloats("demands", demands);
  requireIndices("candidates", candidates);
  requireFinite("target", target);
  requireFinite("phi", phi);
  const order = Array.from(candidates).sort((a, b) =>
    budgets[b]! / demands[b]! - budgets[a]! / demands[a]! || a - b
  );
  let sold = phi;
  let price = target / sold;
  let start = 0;
  for (const i of order) {
    if (budgets[i]! / demands[i]! < price) {
      sold -= demands[i]!;
      price = target / sold;
      start++;
    } else break;
  }
  const winners = order.slice(start);
  return {
    winners: Int32Array.from(winners),
    price: winners.length > 0 ? price : null,
    soldGflops: winners.reduce((s, i) => s + demands[i]!, 0),
  };
}
