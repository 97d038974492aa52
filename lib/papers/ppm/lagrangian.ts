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
 * prices the search ends at. The prices are improved by Newton–CG on an entropy-smoothed L
 * (temperature decreasing stage by stage); the smoothed value bounds L from above, and the exact
 * L is evaluated at every trial point, the least one kept. `lower` is the exact welfare of a
 * feasible allocation: customers inserted greedily (capacity respected) in order of reduced
 * utility at the best prices, and in order of admitted mass of the smoothed primal (LP rounding),
 * each improved by local search; incumbents (online decisions) compete.
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
import { minimizeNewtonCg } from "./newton_cg.ts";
import { evaluateAllocation, undominated } from "./offline.ts";

/** Options of {@link lagrangianBracket}. */
export interface LagrangianOptions {
  /** Smoothing stages (temperatures decreasing ×10 each; default 5). */
  readonly stages?: number;
  /** Objective evaluations per stage (Newton–CG; default 30). */
  readonly evaluationsPerStage?: number;
  /** First smoothing temperature relative to each customer's largest valuation (default 0.03). */
  readonly temperature?: number;
  /** Local-search passes over the primal allocation (default 2). */
  readonly passes?: number;
  /** Feasible allocations (bundle or −1 per customer) competing for the lower bound. */
  readonly incumbents?: readonly Int32Array[];
}

/** Certified bracket lower ≤ W_opt ≤ upper from the Lagrangian dual. */
export interface LagrangianBracket {
  /** welfare of the best allocation found: a lower bound on W_opt */
  readonly lower: number;
  /** the smallest dual value: an upper bound on W_opt */
  readonly upper: number;
  /** The allocation achieving `lower`. */
  readonly allocation: Int32Array;
  /** Its utilisation, one array per resource. */
  readonly utilisation: readonly Float64Array[];
  /** Final per-slot prices λ_k(t), resource-major (k·slots + t). */
  readonly prices: Float64Array;
  /** Dual function evaluations used. */
  readonly evaluations: number;
  /** wall time, s */
  readonly seconds: number;
  /** the bracket comes from the Lagrangian dual */
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

/**
 * L(λ) and the entropy-smoothed L_μ(λ) ≥ L(λ) with its gradient and Hessian-vector products;
 * reduced utilities kept. Customer n is smoothed at temperature μ·scale[n] (scale = her largest
 * valuation, so small and large customers are smoothed alike relative to their value).
 */
class DualFunction {
  readonly #instance: Instance;
  readonly #menu: Menu;
  readonly #T: number;
  readonly #K: number;
  readonly #prefix: Float64Array;
  readonly #demand: Float64Array;
  readonly #conjugates: Conjugate[];
  /** Softmax weight of every option at the last smoothed evaluation. */
  readonly #weights: Float64Array;
  /** Per-customer smoothing scale. */
  readonly #scale: Float64Array;
  /** Temperature of the last evaluation. */
  #mu = 0;
  /** dy/dλ of each resource's conjugate at the last evaluated prices (resource-major). */
  readonly #slope: Float64Array;
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
    this.#slope = new Float64Array(this.#K * this.#T);
    this.#scale = new Float64Array(menu.starts.length);
    for (let n = 0; n < menu.starts.length; n++) {
      let top = 0;
      for (let j = menu.offsets[n]!; j < menu.offsets[n + 1]!; j++) {
        top = Math.max(top, menu.value[j]!);
      }
      this.#scale[n] = top > 0 ? top : 1;
    }
  }

  /** Writes the per-resource prefix sums of `values` (resource-major, K×T) into the prefix buffer. */
  #prefixSums(values: Float64Array): void {
    const T = this.#T;
    const P = this.#prefix;
    for (let k = 0; k < this.#K; k++) {
      let sum = 0;
      P[k * (T + 1)] = 0;
      for (let t = 0; t < T; t++) {
        sum += values[k * T + t]!;
        P[k * (T + 1) + t + 1] = sum;
      }
    }
  }

  /** Adds `amount` to resource k over the stay [a, e) in the demand difference array. */
  #addOverStay(k: number, a: number, e: number, amount: number): void {
    const row = k * (this.#T + 1);
    this.#demand[row + a] = this.#demand[row + a]! + amount;
    this.#demand[row + e] = this.#demand[row + e]! - amount;
  }

  /** Evaluates at λ; writes ∇L_μ into `gradient`; returns L_μ (μ = 0: L and a subgradient). */
  evaluate(prices: Float64Array, mu: number, gradient: Float64Array): number {
    const T = this.#T;
    const K = this.#K;
    const P = this.#prefix;
    const D = this.#demand;
    const w = this.#weights;
    const { starts, ends, offsets, bundle, value } = this.#menu;
    const amounts = this.#instance.bundles;
    this.#mu = mu;
    this.#prefixSums(prices);
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
        const temperature = mu * this.#scale[n]!;
        let total = Math.exp(-best / temperature);
        for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
          const z = (this.reduced[j]! - best) / temperature;
          w[j] = z < -700 ? 0 : Math.exp(z);
          total += w[j]!;
        }
        smooth += best + temperature * Math.log(total);
        for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
          const weight = w[j]! / total;
          w[j] = weight;
          if (weight < 1e-300) continue;
          const r = amounts[bundle[j]!]!;
          for (let k = 0; k < K; k++) {
            this.#addOverStay(k, a, e, weight * r[k]!);
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
            this.#addOverStay(k, a, e, r[k]!);
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
        this.#slope[k * T + t] = y > 0 && y < 1 ? star.slope(y) : 0;
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

  /**
   * Hessian of L_μ at the last smoothed evaluation times `v` (into `out`): per customer the
   * option covariance over her stay divided by her temperature, plus the conjugates' dy/dλ.
   */
  hessianTimes(v: Float64Array, out: Float64Array): void {
    const T = this.#T;
    const K = this.#K;
    const P = this.#prefix;
    const D = this.#demand;
    const w = this.#weights;
    const { starts, ends, offsets, bundle } = this.#menu;
    const amounts = this.#instance.bundles;
    const mean = new Float64Array(K);
    const cross = new Float64Array(K);
    this.#prefixSums(v);
    D.fill(0);
    for (let n = 0; n < starts.length; n++) {
      const a = starts[n]!;
      const e = ends[n]!;
      mean.fill(0);
      cross.fill(0);
      let both = 0;
      for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
        const weight = w[j]!;
        if (weight < 1e-300) continue;
        const r = amounts[bundle[j]!]!;
        let rv = 0;
        for (let k = 0; k < K; k++) rv += r[k]! * (P[k * (T + 1) + e]! - P[k * (T + 1) + a]!);
        both += weight * rv;
        for (let k = 0; k < K; k++) {
          mean[k] = mean[k]! + weight * r[k]!;
          cross[k] = cross[k]! + weight * r[k]! * rv;
        }
      }
      const temperature = this.#mu * this.#scale[n]!;
      for (let k = 0; k < K; k++) {
        const c = (cross[k]! - mean[k]! * both) / temperature;
        this.#addOverStay(k, a, e, c);
      }
    }
    for (let k = 0; k < K; k++) {
      let acc = 0;
      for (let t = 0; t < T; t++) {
        acc += D[k * (T + 1) + t]!;
        out[k * T + t] = acc + this.#slope[k * T + t]! * v[k * T + t]!;
      }
    }
  }

  /** Softmax weight of option j at the last smoothed evaluation. */
  weight(j: number): number {
    return this.#weights[j]!;
  }

  /** Diagonal of the Hessian at the last smoothed evaluation (into `out`). */
  hessianDiagonal(out: Float64Array): void {
    const T = this.#T;
    const K = this.#K;
    const D = this.#demand;
    const w = this.#weights;
    const { starts, ends, offsets, bundle } = this.#menu;
    const amounts = this.#instance.bundles;
    D.fill(0);
    for (let n = 0; n < starts.length; n++) {
      const a = starts[n]!;
      const e = ends[n]!;
      const temperature = this.#mu * this.#scale[n]!;
      for (let k = 0; k < K; k++) {
        let m = 0;
        let sq = 0;
        for (let j = offsets[n]!; j < offsets[n + 1]!; j++) {
          const r = amounts[bundle[j]!]![k]!;
          m += w[j]! * r;
          sq += w[j]! * r * r;
        }
        const c = (sq - m * m) / temperature;
        this.#addOverStay(k, a, e, c);
      }
    }
    for (let k = 0; k < K; k++) {
      let acc = 0;
      for (let t = 0; t < T; t++) {
        acc += D[k * (T + 1) + t]!;
        out[k * T + t] = acc + this.#slope[k * T + t]!;
      }
    }
  }
}

/** max_{y ∈ [0,1]} λ·y − f(y): its maximiser and its value at that maximiser. */
interface Conjugate {
  argmax(lambda: number): number;
  value(lambda: number, y: number): number;
  /** dy/dλ = 1/f''(y) at an interior maximiser y. */
  slope(y: number): number;
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
      slope: (y) => 1 / f.curvature(y),
    };
  }
  return {
    argmax: (lambda) => lambda <= f.cLow ? 0 : lambda >= f.cBar ? 1 : f.inverseMarginal(lambda),
    value: (lambda, y) => lambda * y - f.value(y),
    slope: (y) => 1 / f.curvature(y),
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
  const stages = requireInteger("stages", options.stages ?? 5, 1, 20);
  const perStage = requireInteger("evaluationsPerStage", options.evaluationsPerStage ?? 30, 1);
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
  let mu = options.temperature ?? 0.03;
  let prices: Float64Array = start;
  const scratch = new Float64Array(K * T);
  dual.evaluate(prices, 0, scratch);
  const factor = 10;
  for (let stage = 0; stage < stages; stage++, mu /= factor) {
    const m = mu;
    prices = minimizeNewtonCg(
      {
        objective: (x, g) => dual.evaluate(x, m, g),
        hessianTimes: (v, out) => dual.hessianTimes(v, out),
        hessianDiagonal: (out) => dual.hessianDiagonal(out),
      },
      prices,
      { maxEvaluations: perStage, cgIterations: 20 },
    ).x;
  }
  // Lower bounds: two primal orders, each inserted greedily and improved by local search —
  // (1) reduced utility at the best prices, (2) the smoothed (fractional) primal at the final
  // prices, i.e. LP rounding: customers by admitted mass, each with her heaviest bundle.
  const menus = instance.customers.map((_, n) =>
    Array.from(menu.bundle.subarray(menu.offsets[n]!, menu.offsets[n + 1]!))
  );
  const N = instance.customers.length;
  const candidates: Int32Array[] = [];
  const insert = (score: Float64Array, choice: Int32Array) => {
    const order = [...score.keys()].sort((i, j) => score[j]! - score[i]!);
    const primal = new AllocationState(instance, undefined, menus);
    for (const n of order) {
      if (choice[n]! >= 0 && primal.gain(n, choice[n]!) > 0) primal.set(n, choice[n]!);
    }
    localSearch(primal, order, evaluateAllocation(instance, primal.allocation).welfare, passes);
    candidates.push(primal.allocation);
  };
  dual.evaluate(prices, mu * factor, scratch);
  {
    const mass = new Float64Array(N);
    const choice = new Int32Array(N).fill(-1);
    for (let n = 0; n < N; n++) {
      let heaviest = 0;
      for (let j = menu.offsets[n]!; j < menu.offsets[n + 1]!; j++) {
        const w = dual.weight(j);
        mass[n] = mass[n]! + w;
        if (w > heaviest) {
          heaviest = w;
          choice[n] = menu.bundle[j]!;
        }
      }
    }
    insert(mass, choice);
  }
  dual.evaluate(dual.bestPrices, 0, scratch);
  {
    const score = new Float64Array(N).fill(-Infinity);
    const choice = new Int32Array(N).fill(-1);
    for (let n = 0; n < N; n++) {
      for (let j = menu.offsets[n]!; j < menu.offsets[n + 1]!; j++) {
        if (dual.reduced[j]! > score[n]!) {
          score[n] = dual.reduced[j]!;
          choice[n] = menu.bundle[j]!;
        }
      }
    }
    insert(score, choice);
  }
  const winner = best(instance, [...candidates, ...incumbents.map((s) => s.allocation)])!;
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
