/**
 * The per-customer decision of PPM_φ (Algorithm 1, multi-period form of Section 5) as a reusable
 * kernel: posted price Σ_t φ_k(y_k(t)) per resource over the stay, utility-maximising bundle
 * (Eq. 7), payment (Eq. 8) and the capacity check of line 5. All buffers are allocated once in
 * the constructor, so {@link PostedPriceState.decide} allocates nothing. The per-slot prices
 * φ_k(y_k(t)) are cached and refreshed only for the slots an admission changes, so a decision
 * sums cached prices instead of calling φ once per slot (the same values in the same order, so
 * the same answers bit for bit). The utilisation is private: it changes only through `admit`,
 * so the cached prices cannot go stale; {@link PostedPriceState.utilisationCopy} copies a row.
 *
 * An admission refreshes its slots through a small exact memo of φ per resource, keyed by the
 * bits of y (utilisation takes few distinct values: ~150 in a 4000-job Section 6 run, against
 * ~7·10⁵ slot updates), so φ is called only on a miss. A hit returns φ(y) computed earlier for
 * the very same y, so the answers stay identical; and the hot loop calls no pricing function,
 * so a run does not slow down once other mechanisms' φ have been seen at the same call site.
 * φ must be a pure function of y (as every pricing function of this module is).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PostedPriceState } from "./decision.ts";
 * const state = new PostedPriceState(10, [[0.2]], [(y) => 1 + y]);
 * const b = state.decide(0, 5, [6]); // price Σ_t φ(0)·0.2 = 1 ≤ 6 → bundle 0
 * if (b >= 0) state.admit(0, 5, b);
 * assert.deepEqual([b, state.payment, state.utilisationCopy(0)[0]], [0, 1, 0.2]);
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireInteger, requireNonEmpty } from "../../core/validate.ts";

/** Tolerance of the capacity check y + r ≤ 1. */
export const CAPACITY_SLACK = 1e-9;

/** log2 of the entries of the per-resource φ memo (direct-mapped, keyed by the bits of y). */
const MEMO_BITS = 10;
/**
 * Second word (the high word on little-endian hosts, i.e. everywhere Deno runs) that no
 * utilisation has — a NaN payload arithmetic never produces —, marking an empty memo entry.
 */
const EMPTY = 0xffffffff;

/** Mutable utilisation state of one posted-price run and its allocation-free decision rule. */
export class PostedPriceState {
  /** Number of slots T. */
  readonly slots: number;
  /** Payment of the bundle chosen by the last {@link decide} (0 when it rejected). */
  payment = 0;
  readonly #pricing: readonly ((y: number) => number)[];
  readonly #amounts: Float64Array;
  readonly #resources: number;
  readonly #bundles: number;
  readonly #priceSum: Float64Array;
  readonly #peak: Float64Array;
  /** Utilisation y_k(t), one array of length `slots` per resource (changed only by admit). */
  readonly #utilisation: Float64Array[];
  /** Cached φ_k(y_k(t)), one array per resource. */
  readonly #prices: Float64Array[];
  /** φ memo per resource: the two words of y and φ(y), 2^MEMO_BITS entries each. */
  readonly #memoLow: Uint32Array[];
  readonly #memoHigh: Uint32Array[];
  readonly #memoPrice: Float64Array[];
  /** Scratch for reading the bits of a double. */
  readonly #bits = new Float64Array(1);
  readonly #words = new Uint32Array(this.#bits.buffer);

  /**
   * Starts with every resource unused.
   *
   * @param slots horizon T (integer ≥ 1)
   * @param bundles r_k^b, one row of K amounts per bundle
   * @param pricing φ_k, one per resource
   * @throws {ParameterError} on a bad horizon, an empty menu or mismatched lengths
   */
  constructor(
    slots: number,
    bundles: readonly (readonly number[])[],
    pricing: readonly ((y: number) => number)[],
  ) {
    requireInteger("slots", slots, 1);
    requireNonEmpty("bundles", bundles);
    const K = pricing.length;
    if (K === 0) throw new ParameterError("pricing", K, "one pricing function per resource");
    bundles.forEach((row, b) => {
      if (row.length !== K) throw new ParameterError(`bundles[${b}]`, row, `${K} amounts`);
    });
    this.slots = slots;
    this.#utilisation = Array.from({ length: K }, () => new Float64Array(slots));
    this.#pricing = [...pricing];
    this.#amounts = Float64Array.from(bundles.flat());
    this.#resources = K;
    this.#bundles = bundles.length;
    this.#priceSum = new Float64Array(K);
    this.#peak = new Float64Array(K);
    this.#prices = this.#pricing.map((phi) => new Float64Array(slots).fill(phi(0)));
    const entries = 1 << MEMO_BITS;
    this.#memoLow = this.#pricing.map(() => new Uint32Array(entries));
    this.#memoHigh = this.#pricing.map(() => new Uint32Array(entries).fill(EMPTY));
    this.#memoPrice = this.#pricing.map(() => new Float64Array(entries));
  }

  /**
   * A copy of y_k over the horizon (the state's own array stays private).
   *
   * @param resource k
   * @returns y_k(0 … T−1)
   * @throws {ParameterError} on an unknown resource
   */
  utilisationCopy(resource: number): Float64Array {
    const row = this.#utilisation[resource];
    if (!row) {
      throw new ParameterError("resource", resource, `integer in [0, ${this.#resources - 1}]`);
    }
    return row.slice();
  }

  /**
   * One decision: the utility-maximising bundle at the current prices if its utility is
   * non-negative and it fits in every slot of the stay; does not change the state.
   *
   * @param arrival first slot of the stay
   * @param duration number of slots (arrival + duration ≤ slots)
   * @param valuations v^b for each bundle
   * @returns the chosen bundle, or −1 when the customer is rejected; `payment` holds the price
   * @throws {ParameterError} when the stay leaves the horizon or valuations are missing
   */
  decide(arrival: number, duration: number, valuations: ArrayLike<number>): number {
    const end = arrival + duration;
    if (!(arrival >= 0 && duration >= 1 && end <= this.slots) || (arrival | 0) !== arrival) {
      throw new ParameterError(
        "stay",
        { arrival, duration },
        `integer arrival ≥ 0, duration ≥ 1, arrival + duration ≤ ${this.slots}`,
      );
    }
    const K = this.#resources;
    const B = this.#bundles;
    if (valuations.length !== B) {
      throw new ParameterError("valuations", valuations.length, `${B} valuations`);
    }
    const amounts = this.#amounts;
    const priceSum = this.#priceSum;
    const peak = this.#peak;
    for (let k = 0; k < K; k++) {
      const y = this.#utilisation[k]!;
      const price = this.#prices[k]!;
      let sum = 0;
      let max = 0;
      for (let t = arrival; t < end; t++) {
        const level = y[t]!;
        sum += price[t]!;
        if (level > max) max = level;
      }
      priceSum[k] = sum;
      peak[k] = max;
    }
    let best = -1;
    let bestUtility = -Infinity;
    let bestPayment = 0;
    for (let b = 0; b < B; b++) {
      let pay = 0;
      for (let k = 0; k < K; k++) {
        const r = amounts[b * K + k]!;
        if (r !== 0) pay += r * priceSum[k]!;
      }
      const utility = valuations[b]! - pay;
      if (utility > bestUtility) {
        bestUtility = utility;
        best = b;
        bestPayment = pay;
      }
    }
    this.payment = 0;
    if (bestUtility < 0) return -1;
    for (let k = 0; k < K; k++) {
      if (peak[k]! + amounts[best * K + k]! > 1 + CAPACITY_SLACK) return -1;
    }
    this.payment = bestPayment;
    return best;
  }

  /**
   * Allocates bundle `bundle` over the stay (call after {@link decide} returned it).
   *
   * @param arrival first slot
   * @param duration number of slots
   * @param bundle bundle index
   * @throws {ParameterError} on an unknown bundle
   */
  admit(arrival: number, duration: number, bundle: number): void {
    if (!(bundle >= 0 && bundle < this.#bundles) || (bundle | 0) !== bundle) {
      throw new ParameterError("bundle", bundle, `integer in [0, ${this.#bundles - 1}]`);
    }
    const K = this.#resources;
    const end = Math.min(arrival + duration, this.slots);
    const bits = this.#bits;
    const words = this.#words;
    const shift = 32 - MEMO_BITS;
    for (let k = 0; k < K; k++) {
      const r = this.#amounts[bundle * K + k]!;
      if (r === 0) continue;
      const y = this.#utilisation[k]!;
      const price = this.#prices[k]!;
      const memoLow = this.#memoLow[k]!;
      const memoHigh = this.#memoHigh[k]!;
      const memoPrice = this.#memoPrice[k]!;
      for (let t = arrival; t < end; t++) {
        const level = y[t]! + r;
        y[t] = level;
        bits[0] = level;
        const low = words[0]!;
        const high = words[1]!;
        const slot = Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> shift;
        if (memoLow[slot] === low && memoHigh[slot] === high) {
          price[t] = memoPrice[slot]!;
        } else {
          const value = this.#pricing[k]!(level);
          memoLow[slot] = low;
          memoHigh[slot] = high;
          memoPrice[slot] = value;
          price[t] = value;
        }
      }
    }
  }
}
