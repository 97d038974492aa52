/**
 * PPM_φ (Algorithm 1) in the multi-period, multi-resource form of Section 5: each customer sees
 * per-slot prices φ_k(y_k(t)) over her stay, picks the utility-maximising bundle (Eq. 7), pays
 * Σ_t Σ_k φ_k(y_k(t))·r_k^b (Eq. 8) and is admitted if her utility is non-negative and every
 * slot has capacity (line 5). Welfare is Eq. 36a.
 *
 * @example
 * ```ts
 * import { simulate } from "./mechanism.ts";
 * const result = simulate({ slots: 2, resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 }],
 *   bundles: [[0.1]], customers: [{ arrival: 0, duration: 2, valuations: [0.5] }] }, { kind: "optimal" });
 * console.log(result.decisions); // [0]
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { costOf, type Instance, validateInstance } from "./instance.ts";
import { myopicPricing, twiceIndexPricing, type TwiceIndexVariant } from "./baselines.ts";
import { optimalPricingFunction } from "./power_pricing.ts";
import { designPricing } from "./general_design.ts";

/** Which posted-price mechanism to run. */
export type MechanismSpec =
  /** PPM-OP: optimal pricing designed for p̄_k·(1 + δ) (δ = `pbarError`, default 0). */
  | { readonly kind: "optimal"; readonly pbarError?: number }
  /** PPM-MP: φ = f'. */
  | { readonly kind: "myopic" }
  /** PPM-TP: twice-the-index, designed for p̄_k·(1 + δ). */
  | {
    readonly kind: "twice-index";
    readonly pbarError?: number;
    readonly variant?: TwiceIndexVariant;
  }
  /** Any pricing functions, one per resource. */
  | { readonly kind: "custom"; readonly pricing: readonly ((y: number) => number)[] };

/** Output of {@link simulate}. */
export interface SimulationResult {
  /** Chosen bundle index per customer (input order), −1 when rejected. */
  readonly decisions: Int32Array;
  /** Payment per customer (0 when rejected). */
  readonly payments: Float64Array;
  /** Utilisation y_k(t), one array of length `slots` per resource. */
  readonly utilisation: readonly Float64Array[];
  /** Σ accepted valuations. */
  readonly value: number;
  /** Σ_k Σ_t f_k(y_k(t)). */
  readonly cost: number;
  /** Social welfare value − cost (Eq. 5 / 36a). */
  readonly welfare: number;
}

/** The per-resource pricing functions a mechanism posts. */
export function pricingFunctions(
  instance: Instance,
  mechanism: MechanismSpec,
): ((y: number) => number)[] {
  if (mechanism.kind === "custom") {
    if (mechanism.pricing.length !== instance.resources.length) {
      throw new ParameterError(
        "mechanism.pricing",
        mechanism.pricing.length,
        `${instance.resources.length} pricing functions`,
      );
    }
    return [...mechanism.pricing];
  }
  return instance.resources.map((resource) => {
    const cost = costOf(resource.cost);
    if (mechanism.kind === "myopic") return myopicPricing(cost);
    const delta = mechanism.pbarError ?? 0;
    if (!(delta > -1)) throw new ParameterError("mechanism.pbarError", delta, "pbarError > -1");
    const pbar = resource.pbar * (1 + delta);
    if (mechanism.kind === "twice-index") return twiceIndexPricing(cost, pbar, mechanism.variant);
    const spec = resource.cost;
    return spec.kind === "power"
      ? optimalPricingFunction({ a: spec.a, s: spec.s, pbar }).phi
      : designPricing(cost, pbar).phi;
  });
}

const CAPACITY_SLACK = 1e-9;

/**
 * Runs a posted-price mechanism over an arrival instance.
 *
 * @param instance the arrival instance (validated)
 * @param mechanism which pricing to post
 * @returns decisions, payments, utilisation over time and welfare
 * @throws {ParameterError} on an invalid instance or mechanism
 * @example
 * ```ts
 * import { simulate } from "./mechanism.ts";
 * // see module example
 * ```
 */
export function simulate(instance: Instance, mechanism: MechanismSpec): SimulationResult {
  validateInstance(instance);
  return runPosted(instance, pricingFunctions(instance, mechanism));
}

/** Algorithm 1 with given pricing functions (no validation; hot path). */
export function runPosted(
  instance: Instance,
  pricing: readonly ((y: number) => number)[],
): SimulationResult {
  const K = instance.resources.length;
  const B = instance.bundles.length;
  const N = instance.customers.length;
  const utilisation = Array.from({ length: K }, () => new Float64Array(instance.slots));
  const amounts = Float64Array.from(instance.bundles.flat());
  const decisions = new Int32Array(N).fill(-1);
  const payments = new Float64Array(N);
  const priceSum = new Float64Array(K);
  const peak = new Float64Array(K);
  const order = [...instance.customers.keys()].sort((i, j) =>
    instance.customers[i]!.arrival - instance.customers[j]!.arrival || i - j
  );
  let value = 0;
  for (const n of order) {
    const customer = instance.customers[n]!;
    const start = customer.arrival;
    const end = start + customer.duration;
    for (let k = 0; k < K; k++) {
      const y = utilisation[k]!;
      const phi = pricing[k]!;
      let sum = 0;
      let max = 0;
      for (let t = start; t < end; t++) {
        const level = y[t]!;
        sum += phi(level);
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
      const utility = customer.valuations[b]! - pay;
      if (utility > bestUtility) {
        bestUtility = utility;
        best = b;
        bestPayment = pay;
      }
    }
    if (best < 0 || bestUtility < 0) continue;
    let fits = true;
    for (let k = 0; k < K; k++) {
      if (peak[k]! + amounts[best * K + k]! > 1 + CAPACITY_SLACK) fits = false;
    }
    if (!fits) continue;
    for (let k = 0; k < K; k++) {
      const r = amounts[best * K + k]!;
      if (r === 0) continue;
      const y = utilisation[k]!;
      for (let t = start; t < end; t++) y[t] = y[t]! + r;
    }
    decisions[n] = best;
    payments[n] = bestPayment;
    value += customer.valuations[best]!;
  }
  const cost = supplyCost(instance, utilisation);
  return { decisions, payments, utilisation, value, cost, welfare: value - cost };
}

/** Σ_k Σ_t f_k(y_k(t)) for given utilisation arrays. */
export function supplyCost(instance: Instance, utilisation: readonly Float64Array[]): number {
  let total = 0;
  instance.resources.forEach((resource, k) => {
    const cost = costOf(resource.cost);
    for (const level of utilisation[k]!) if (level > 0) total += cost.value(level);
  });
  return total;
}
