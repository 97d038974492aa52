/**
 * The COCO auction's deterministic steps (paper Sec. V-C): ROSO (Algorithm 1, Definition 1) and
 * REAL cost sharing (Algorithm 3). CENTRE lives in `consensus.ts`.
 *
 * Readings of the printed algorithms (each is a choice, stated here and in the notebook):
 * - ROSO's admitted set Ũ is Algorithm 1's capacity-feasible set (lines 8-11: by non-increasing
 *   density, admit while f'_e − ã > 0), Π̃ is Eq. (11) over that order and Φ̃ the prefix sum at the
 *   maximiser (line 13).
 * - REAL starts from Ũ with Φ̂ = Σ_{Ũ} ã (the printed Φ̂ ← Φ̃ equals it only when Ũ is the maximising
 *   prefix) and removes users in *non-decreasing* density while d_i < Π̂/Φ̂. Printed line 3 orders
 *   by non-increasing density and breaks at the first affordable user, which can leave users who
 *   cannot pay (see `realAsPrinted` and the claims ledger).
 *
 * @example
 * ```ts
 * import { real, roso } from "./auction.ts";
 * const budgets = Float64Array.of(10, 6, 3);
 * const demands = Float64Array.of(1, 1, 1);
 * const r = roso(budgets, demands, 10, 0.5);
 * console.log(r.upperBound); // 12 (price 6 to the two densest)
 * const w = real(budgets, demands, r.admitted, 8);
 * ```
 *
 * @module
 */

/** Output of ROSO. */
export interface RosoResult {
  /** Π̃(U_t), 0 when nobody is admitted. */
  readonly upperBound: number;
  /** Ũ_t: admitted bid indices in non-increasing density order. */
  readonly admitted: Int32Array;
  /** Φ̃_t: Σ ã over the maximising prefix. */
  readonly phi: number;
  /** Length of the maximising prefix. */
  readonly prefixLength: number;
  /** ζ: largest demand among the admitted. */
  readonly zeta: number;
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
 * import { rankByDensity } from "./auction.ts";
 * rankByDensity(Float64Array.of(1, 4), Float64Array.of(1, 1), 0); // Int32Array [1, 0]
 * ```
 */
export function rankByDensity(
  budgets: Float64Array,
  demands: Float64Array,
  reservePrice: number,
): Int32Array {
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
 * import { sortByKeyDescending } from "./auction.ts";
 * sortByKeyDescending(Int32Array.of(0, 1, 2), Float64Array.of(1, 3, 2)); // [1, 2, 0]
 * ```
 */
export function sortByKeyDescending(indices: Int32Array, key: Float64Array): Int32Array {
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
 * omniscient single-price revenue Π̃ = max_i d_[i]·Σ_{k≤i} ã_[k] (Eq. 11).
 *
 * @param budgets β_i of the bidders with an edge demand
 * @param demands ã_i in GFLOPS (all > 0)
 * @param edgeGflops capacity f_e
 * @param reservePrice p^res = (1 + γ)·p^r/f_e
 * @returns the ROSO outcome
 * @example
 * ```ts
 * import { roso } from "./auction.ts";
 * roso(Float64Array.of(4, 3), Float64Array.of(2, 1), 10, 0).upperBound; // 6 (price 2, both win)
 * ```
 */
export function roso(
  budgets: Float64Array,
  demands: Float64Array,
  edgeGflops: number,
  reservePrice: number,
): RosoResult {
  const ranked = rankByDensity(budgets, demands, reservePrice);
  const admitted: number[] = [];
  let remaining = edgeGflops;
  let prefix = 0;
  let best = 0;
  let bestPhi = 0;
  let bestLength = 0;
  let zeta = 0;
  for (const i of ranked) {
    const a = demands[i]!;
    if (remaining - a > 0) {
      remaining -= a;
      admitted.push(i);
      prefix += a;
      if (a > zeta) zeta = a;
      const revenue = (budgets[i]! / a) * prefix;
      if (revenue > best) {
        best = revenue;
        bestPhi = prefix;
        bestLength = admitted.length;
      }
    }
  }
  return {
    upperBound: best,
    admitted: Int32Array.from(admitted),
    phi: bestPhi,
    prefixLength: bestLength,
    zeta,
    belowReserve: budgets.length - ranked.length,
    skippedForCapacity: ranked.length - admitted.length,
  };
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
 * import { real } from "./auction.ts";
 * real(Float64Array.of(10, 6, 3), Float64Array.of(1, 1, 1), Int32Array.of(0, 1, 2), 8).price; // 4
 * ```
 */
export function real(
  budgets: Float64Array,
  demands: Float64Array,
  candidates: Int32Array,
  target: number,
): RealResult {
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
 * at the first candidate who can pay. Kept to document the discrepancy (it is not budget balanced
 * in general); AERIA uses {@link real}.
 *
 * @param budgets β_i
 * @param demands ã_i
 * @param candidates Ũ_t
 * @param target Π̂
 * @param phi Φ̃ from ROSO
 * @returns winners and price as the printed algorithm produces them
 * @example
 * ```ts
 * import { realAsPrinted } from "./auction.ts";
 * realAsPrinted(Float64Array.of(10, 1), Float64Array.of(1, 1), Int32Array.of(0, 1), 4, 2).price; // 2
 * ```
 */
export function realAsPrinted(
  budgets: Float64Array,
  demands: Float64Array,
  candidates: Int32Array,
  target: number,
  phi: number,
): RealResult {
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
