/**
 * Feasible integral allocations of the offline problem, scored with the exact convex cost: an
 * incremental state (add, remove, exact welfare change), greedy insertion in a given order and a
 * local search that removes or re-bundles customers while welfare improves. Used for the lower
 * bound of the offline bracket.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { AllocationState } from "./allocation_search.ts";
 * const state = new AllocationState({ slots: 1, resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 }],
 *   bundles: [[0.5]], customers: [{ arrival: 0, duration: 1, valuations: [1] }] });
 * assert.equal(state.gain(0, 0), 1 - 0.25); // value minus the cost 0.5² of the bundle
 * ```
 *
 * @module
 */
import { costOf, type Instance } from "./instance.ts";
import type { CostFunction } from "./cost.ts";

/** Capacity allowance of a feasible allocation (utilisation ≤ 1 + this). */
const CAPACITY_SLACK = 1e-9;

/** An allocation (bundle or −1 per customer) with its utilisation, updated incrementally. */
export class AllocationState {
  readonly allocation: Int32Array;
  readonly utilisation: Float64Array[];
  readonly #instance: Instance;
  readonly #costs: CostFunction[];
  readonly #menus: readonly (readonly number[])[] | null;

  /**
   * An empty allocation, or a copy of `start` when it is feasible.
   *
   * @param menus bundles worth trying per customer in {@link bestMove} (default: all)
   */
  constructor(instance: Instance, start?: Int32Array, menus?: readonly (readonly number[])[]) {
    this.#instance = instance;
    this.#menus = menus ?? null;
    this.#costs = instance.resources.map((r) => costOf(r.cost));
    this.allocation = new Int32Array(instance.customers.length).fill(-1);
    this.utilisation = instance.resources.map(() => new Float64Array(instance.slots));
    if (start) start.forEach((b, n) => b >= 0 && this.gain(n, b) > -Infinity && this.set(n, b));
  }

  /**
   * Exact welfare change of giving customer `n` bundle `b` instead of her current one (b = −1:
   * reject her); −Infinity when a slot would exceed capacity.
   */
  gain(n: number, b: number): number {
    const current = this.allocation[n]!;
    if (b === current) return 0;
    const c = this.#instance.customers[n]!;
    let delta = (b >= 0 ? c.valuations[b]! : 0) - (current >= 0 ? c.valuations[current]! : 0);
    for (let k = 0; k < this.#costs.length; k++) {
      const change = (b >= 0 ? this.#instance.bundles[b]![k]! : 0) -
        (current >= 0 ? this.#instance.bundles[current]![k]! : 0);
      if (change === 0) continue;
      const y = this.utilisation[k]!;
      const cost = this.#costs[k]!;
      for (let t = c.arrival; t < c.arrival + c.duration; t++) {
        const after = Math.max(0, y[t]! + change);
        if (after > 1 + CAPACITY_SLACK) return -Infinity;
        delta -= cost.value(after) - cost.value(y[t]!);
      }
    }
    return delta;
  }

  /** Gives customer `n` bundle `b` (−1 rejects), without a capacity check. */
  set(n: number, b: number): void {
    const current = this.allocation[n]!;
    const c = this.#instance.customers[n]!;
    for (let k = 0; k < this.#costs.length; k++) {
      const change = (b >= 0 ? this.#instance.bundles[b]![k]! : 0) -
        (current >= 0 ? this.#instance.bundles[current]![k]! : 0);
      if (change === 0) continue;
      const y = this.utilisation[k]!;
      for (let t = c.arrival; t < c.arrival + c.duration; t++) y[t] = Math.max(0, y[t]! + change);
    }
    this.allocation[n] = b;
  }

  /** The best move for customer `n` (bundle or −1) and its gain. */
  bestMove(n: number): { bundle: number; gain: number } {
    let bundle = this.allocation[n]!;
    let gain = this.gain(n, -1);
    if (gain > 0) bundle = -1;
    else gain = 0;
    const menu = this.#menus?.[n] ?? this.#instance.bundles.keys();
    for (const b of menu) {
      const g = this.gain(n, b);
      if (g > gain) {
        gain = g;
        bundle = b;
      }
    }
    return { bundle, gain };
  }

  /** Visits customers in `order`, applying each one's best move when it gains. */
  improve(order: Iterable<number>): number {
    let total = 0;
    for (const n of order) {
      const move = this.bestMove(n);
      if (move.gain > 0) {
        this.set(n, move.bundle);
        total += move.gain;
      }
    }
    return total;
  }
}

/**
 * Local search: passes of best moves over every customer in `order` until a pass gains less than
 * `relativeTolerance` × |welfare| or `passes` is reached.
 *
 * @returns the number of passes run
 */
export function localSearch(
  state: AllocationState,
  order: readonly number[],
  welfare: number,
  passes = 4,
  relativeTolerance = 1e-9,
): number {
  for (let pass = 1; pass <= passes; pass++) {
    const gained = state.improve(order);
    welfare += gained;
    if (gained <= relativeTolerance * Math.abs(welfare)) return pass;
  }
  return passes;
}
