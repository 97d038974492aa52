/**
 * Certified offline bracket without an LP: Lagrangian relaxation of the per-slot rows
 * y_k(t) = Σ_n Σ_b r_k^b x_n^b (Problem 36) with prices λ_k(t).
 *
 * For any λ the relaxed problem separates:
 * - per customer, max(0, max_b v_n^b − Σ_k r_k^b Σ_{t in stay} λ_k(t)) (integral, exact);
 * - per resource and slot, the exact conjugate max_{y ∈ [0,1]} λ·y − f_k(y), attained at
 *   y = clamp(f_k'^{-1}(λ)) — the capacity y ≤ 1 is kept, the convex cost is exact.
 *
 * Their sum L(λ) ≥ W_opt for every λ (weak duality), so `upper` is a valid bound at whatever
 * prices the search ends at. The prices are improved by L-BFGS on an entropy-smoothed L
 * (temperature decreasing stage by stage); the smoothed value bounds L from above, and the exact
 * L is evaluated at every trial point, the least one kept. `lower` is the exact welfare of a
 * feasible allocation: the customers with positive reduced utility at the final prices, repaired
 * to capacity and completed greedily in order of reduced utility, then improved by local search;
 * incumbents (online decisions) compete.
 *
 * @example
 * ```ts
 * import { lagrangianBracket } from "./lagrangian.ts";
 * const b = lagrangianBracket({ slots: 1, resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 }],
 *   bundles: [[0.5]], customers: [{ arrival: 0, duration: 1, valuations: [1] }] });
 * console.log(b.lower <= b.upper); // true
 * ```
 *
 * @module
 */
import { requireInteger } from "../../core/validate.ts";
import { costOf, type Instance, validateInstance } from "./instance.ts";
import { AllocationState, localSearch } from "./allocation_search.ts";
import { minimizeLbfgs } from "./lbfgs.ts";
import { evaluateAllocation, undominated } from "./offline.ts";

/** Options of {@link lagrangianBracket}. */
export interface LagrangianOptions {
  /** Smoothing stages (temperatures decreasing ×10 each; default 4). */
  readonly stages?: number;
  /** Objective evaluations per stage (default 150). */
  readonly evaluationsPerStage?: number;
  /** First smoothing temperature relative to the largest valuation (default 0.001). */
  readonly temperature?: number;
  /** Local-search passes over the primal allocation (default 2). */
  readonly passes?: number;
  /** Feasible allocations (bundle or −1 per customer) competing for the lower bound. */
  readonly incumbents?: readonly Int32Array[];
}

/** Certified bracket lower ≤ W_opt ≤ upper from the Lagrangian dual. */
export interface LagrangianBracket {
  readonly lower: number;
  readonly upper: number;
  /** The allocation achieving `lower`. */
  readonly allocation: Int32Array;
  /** Its utilisation, one array per resource. */
  readonly utilisation: readonly Float64Array[];
  /** Final per-slot prices λ_k(t), resource-major (k·slots + t). */
  readonly prices: Float64Array;
  /** Dual function evaluations used. */
  readonly evaluations: number;
  readonly seconds: number;
  readonly method: "lagrangian";
}

/** The customer side of the dual in flat arrays (undominated bundles with positive value). */
interface Menu {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Options of customer n: offsets[n] … offsets[n + 1] − 1. */
  readonly offsets: Int32Array;
  readonly bundle: Int32Array;
  readonly value: Float64Array;
}

function buildMenu(instance: Instance): Menu {
  const N = instance.customers.length;
  const offsets = new Int32Array(N + 1);
  const bundle: number[] = [];
  const value: number[] = [];
  instance.customers.forEach((c, n) => {
    instance.bundles.forEach((_, b) => {
      if (undominated(instance, n, b)) {
        bundle.push(b);
        value.push(c.valuations[b]!);
      }
    });
    offsets[n + 1] = bundle.length;
  });
  return {
    starts: Int32Array.from(instance.customers, (c) => c.arrival),
    ends: Int32Array.from(instance.customers, (c) => c.arrival + c.duration),
    offsets,
    bundle: Int32Array.from(bundle),
    value: Float64Array.from(value),
  };
}

/** L(λ) and the entropy-smoothed L_μ(λ) ≥ L(λ) with its gradient; reduced utilities kept. */
class DualFunction {
  readonly #instance: Instance;
  readonly #menu: Menu;
  readonly #T: number;
  readonly #K: number;
  readonly #prefix: Float64Array;
  readonly #demand: Float64Array;
  readonly #conjugates: Conjugate[];
  readonly #weights: Float64Array;
  /** Reduced utility of every option at the last evaluated prices. */
  readonly reduced: Float64Array;
  evaluations = 0;
  bestExact = Infinity;
  bestPrices: Float64Array;

  constructor(instance: Instance, menu: Menu) {
    this.#instance = instance;
    this.#menu = menu;
    this.#T = instance.slots;
    this.#K = instance.resources.length;
    this.#prefix = new Float64Array(this.#K * (this.#T + 1));
    this.#demand = new Float64Array(this.#K * (this.#T + 1));
    this.reduced = new Float64Array(menu.value.length);
    this.bestPrices = new Float64Array(this.#K * this.#T);
    this.#conjugates = instance.resources.map((resource) => conjugateOf(resource.cost));
    this.#weights = new Float64Array(menu.value.length);
  }

  /** Evaluates at λ; writes ∇L_μ into `gradient`; returns L_μ (μ = 0: L and a subgradient). */
  evaluate(prices: Float64Array, mu: number, gradient: Float64Array): number {
    const T = this.#T;
    const K = this.#K;
    const P = this.#prefix;
    const D = this.#demand;
    const { starts, ends, offsets, bundle, value } = this.#menu;
    const amounts = this.#instance.bundles;
    for (let k = 0; k < K; k++) {
      let sum = 0;
      P[k * (T + 1)] = 0;
      for (let t = 0; t < T; t++) {
        sum += prices[k * T + t]!;
        P[k * (T + 1) + t + 1] = sum;
      }
    }
    D.fill(0);
    let smooth = 0;
    let exact = 0;
    for (let n = 0; n < starts.length; n++) {
      const a = starts[n]!;
      const e = ends[n]!;
      let best = 0;
      for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
        const r = amounts[bundle[j]!]!;
        let u = value[j]!;
        for (let k = 0; k < K; k++) u -= r[k]! * (P[k * (T + 1) + e]! - P[k * (T + 1) + a]!);
        this.reduced[j] = u;
        if (u > best) best = u;
      }
      exact += best;
      if (mu > 0) {
        const w = this.#weights;
        let total = Math.exp(-best / mu);
        for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
          const z = (this.reduced[j]! - best) / mu;
          w[j] = z < -700 ? 0 : Math.exp(z);
          total += w[j]!;
        }
        smooth += best + mu * Math.log(total);
        for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
          const weight = w[j]! / total;
          if (weight < 1e-300) continue;
          const r = amounts[bundle[j]!]!;
          for (let k = 0; k < K; k++) {
            D[k * (T + 1) + a] = D[k * (T + 1) + a]! + weight * r[k]!;
            D[k * (T + 1) + e] = D[k * (T + 1) + e]! - weight * r[k]!;
          }
        }
      } else {
        let chosen = -1;
        for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
          if (this.reduced[j] === best && best > 0) chosen = j;
        }
        if (chosen >= 0) {
          const r = amounts[bundle[chosen]!]!;
          for (let k = 0; k < K; k++) {
            D[k * (T + 1) + a] = D[k * (T + 1) + a]! + r[k]!;
            D[k * (T + 1) + e] = D[k * (T + 1) + e]! - r[k]!;
          }
        }
      }
    }
    let conjugate = 0;
    for (let k = 0; k < K; k++) {
      const star = this.#conjugates[k]!;
      let demand = 0;
      for (let t = 0; t < T; t++) {
        demand += D[k * (T + 1) + t]!;
        const lambda = prices[k * T + t]!;
        const y = star.argmax(lambda);
        if (y > 0) conjugate += star.value(lambda, y);
        gradient[k * T + t] = y - demand;
      }
    }
    this.evaluations++;
    exact += conjugate;
    if (exact < this.bestExact) {
      this.bestExact = exact;
      this.bestPrices.set(prices);
    }
    return (mu > 0 ? smooth : exact) + (mu > 0 ? conjugate : 0);
  }
}

/** max_{y ∈ [0,1]} λ·y − f(y): its maximiser and its value at that maximiser. */
interface Conjugate {
  argmax(lambda: number): number;
  value(lambda: number, y: number): number;
}

function conjugateOf(spec: Instance["resources"][number]["cost"]): Conjugate {
  const f = costOf(spec);
  if (spec.kind === "power") {
    // Inside (0, 1), f(y) = a·y^s = y·f'(y)/s = y·λ/s, so λ·y − f(y) = λ·y·(1 − 1/s).
    const { cBar } = f;
    const exponent = 1 / (spec.s - 1);
    const keep = 1 - 1 / spec.s;
    return {
      argmax: (lambda) => lambda <= 0 ? 0 : lambda >= cBar ? 1 : (lambda / cBar) ** exponent,
      value: (lambda, y) => y >= 1 ? lambda - spec.a : lambda * y * keep,
    };
  }
  return {
    argmax: (lambda) => lambda <= f.cLow ? 0 : lambda >= f.cBar ? 1 : f.inverseMarginal(lambda),
    value: (lambda, y) => lambda * y - f.value(y),
  };
}

/**
 * Certified bracket on the offline optimum W_opt from the Lagrangian dual (see module docs).
 *
 * @param instance arrival instance (validated)
 * @param options smoothing stages, evaluation budget, incumbents for the lower bound
 * @returns lower ≤ W_opt ≤ upper, the allocation of `lower` and the final prices
 * @throws {ParameterError} on an invalid instance or options
 * @example
 * ```ts
 * import { lagrangianBracket } from "./lagrangian.ts";
 * // see the module example
 * ```
 */
export function lagrangianBracket(
  instance: Instance,
  options: LagrangianOptions = {},
): LagrangianBracket {
  validateInstance(instance);
  const stages = requireInteger("stages", options.stages ?? 4, 1, 20);
  const perStage = requireInteger("evaluationsPerStage", options.evaluationsPerStage ?? 150, 1);
  const passes = requireInteger("passes", options.passes ?? 2, 0, 100);
  const started = performance.now();
  const T = instance.slots;
  const K = instance.resources.length;
  const menu = buildMenu(instance);
  const dual = new DualFunction(instance, menu);
  // Start from the marginal cost at the best incumbent's utilisation (half capacity without one).
  const incumbents = (options.incumbents ?? []).map((a) => new AllocationState(instance, a));
  const seed = best(instance, incumbents.map((s) => s.allocation));
  const start = new Float64Array(K * T);
  instance.resources.forEach((resource, k) => {
    const f = costOf(resource.cost);
    for (let t = 0; t < T; t++) {
      start[k * T + t] = f.marginal(seed ? Math.max(seed.utilisation[k]![t]!, 0.05) : 0.5);
    }
  });
  let topValue = 0;
  for (const v of menu.value) topValue = Math.max(topValue, v);
  let mu = (options.temperature ?? 0.001) * (topValue || 1);
  let prices: Float64Array = start;
  const scratch = new Float64Array(K * T);
  dual.evaluate(prices, 0, scratch);
  for (let stage = 0; stage < stages; stage++, mu /= 10) {
    const m = mu;
    prices = minimizeLbfgs((x, g) => dual.evaluate(x, m, g), prices, {
      maxEvaluations: perStage,
    }).x;
  }
  // Lower bound from the best prices' primal, repaired, completed and improved.
  dual.evaluate(dual.bestPrices, 0, scratch);
  const score = new Float64Array(instance.customers.length).fill(-Infinity);
  const choice = new Int32Array(instance.customers.length).fill(-1);
  for (let n = 0; n < score.length; n++) {
    for (let j = menu.offsets[n]!; j < menu.offsets[n + 1]!; j++) {
      if (dual.reduced[j]! > score[n]!) {
        score[n] = dual.reduced[j]!;
        choice[n] = menu.bundle[j]!;
      }
    }
  }
  const order = [...score.keys()].sort((i, j) => score[j]! - score[i]!);
  const menus = instance.customers.map((_, n) =>
    Array.from(menu.bundle.subarray(menu.offsets[n]!, menu.offsets[n + 1]!))
  );
  const primal = new AllocationState(instance, undefined, menus);
  for (const n of order) {
    if (choice[n]! >= 0 && primal.gain(n, choice[n]!) > 0) primal.set(n, choice[n]!);
  }
  localSearch(primal, order, evaluateAllocation(instance, primal.allocation).welfare, passes);
  const winner = best(instance, [primal.allocation, ...incumbents.map((s) => s.allocation)])!;
  // Relative 1e-12 allowance for floating-point summation in L(λ).
  const upper = dual.bestExact + 1e-12 * Math.abs(dual.bestExact);
  return {
    lower: winner.welfare,
    upper: Math.max(upper, winner.welfare),
    allocation: winner.allocation,
    utilisation: winner.utilisation,
    prices: dual.bestPrices,
    evaluations: dual.evaluations,
    seconds: (performance.now() - started) / 1000,
    method: "lagrangian",
  };
}

function best(instance: Instance, allocations: readonly Int32Array[]) {
  let winner: { welfare: number; utilisation: Float64Array[]; allocation: Int32Array } | null =
    null;
  for (const allocation of allocations) {
    const evaluated = evaluateAllocation(instance, allocation);
    if (!winner || evaluated.welfare > winner.welfare) winner = { ...evaluated, allocation };
  }
  return winner;
}
