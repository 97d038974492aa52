/**
 * PPM_φ (Algorithm 1) in the multi-period, multi-resource form of Section 5: each customer sees
 * per-slot prices φ_k(y_k(t)) over her stay, picks the utility-maximising bundle (Eq. 7), pays
 * Σ_t Σ_k φ_k(y_k(t))·r_k^b (Eq. 8) and is admitted if her utility is non-negative and every
 * slot has capacity (line 5). Welfare is Eq. 36a.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulate } from "./mechanism.ts";
 * const result = simulate({ slots: 2, resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 }],
 *   bundles: [[0.1]], customers: [{ arrival: 0, duration: 2, valuations: [0.5] }] }, { kind: "optimal" });
 * assert.deepEqual([...result.decisions], [0]); // the customer buys bundle 0
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireArray, requireFunction, requireOneOf } from "../../core/validate.ts";
import { costOf, type Instance, validateInstance } from "./instance.ts";
import { myopicPricing, twiceIndexPricing, type TwiceIndexVariant } from "./baselines.ts";
import { optimalPricingFunction } from "./power_pricing.ts";
import { designPricing } from "./general_design.ts";
import { PostedPriceState } from "./decision.ts";
import { requireInstanceFields } from "./validate.ts";

/** The `kind`s of {@link MechanismSpec}. */
export const MECHANISM_KINDS = ["optimal", "myopic", "twice-index", "custom"] as const;

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
  if (mechanism === null || typeof mechanism !== "object") {
    throw new ParameterError("mechanism", mechanism, "an object { kind, ... }");
  }
  requireOneOf("mechanism.kind", mechanism.kind, MECHANISM_KINDS);
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

/**
 * Algorithm 1 with given pricing functions: customers in arrival order (ties by input order),
 * each decided by {@link PostedPriceState.decide} (no validation of the instance; hot path).
 *
 * @param instance the arrival instance (assumed valid)
 * @param pricing φ_k, one per resource
 * @returns decisions, payments, utilisation and welfare
 * @throws {ParameterError} when the pricing list does not match the resources
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runPosted } from "./mechanism.ts";
 * const r = runPosted({ slots: 1, resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 }],
 *   bundles: [[0.5]], customers: [{ arrival: 0, duration: 1, valuations: [1] }] }, [(y) => y]);
 * assert.deepEqual([r.decisions[0], r.payments[0]], [0, 0]); // φ(0) = 0: admitted for free
 * ```
 */
export function runPosted(
  instance: Instance,
  pricing: readonly ((y: number) => number)[],
): SimulationResult {
  requireInstanceFields(instance);
  requireArray("pricing", pricing, "an array of pricing functions, one per resource");
  pricing.forEach((phi, k) =>
    requireFunction(`pricing[${k}]`, phi, "a pricing function y => price")
  );
  if (pricing.length !== instance.resources.length) {
    throw new ParameterError("pricing", pricing.length, `${instance.resources.length} functions`);
  }
  const N = instance.customers.length;
  const state = new PostedPriceState(instance.slots, instance.bundles, pricing);
  const decisions = new Int32Array(N).fill(-1);
  const payments = new Float64Array(N);
  const order = [...instance.customers.keys()].sort((i, j) =>
    instance.customers[i]!.arrival - instance.customers[j]!.arrival || i - j
  );
  let value = 0;
  for (const n of order) {
    const { arrival, duration, valuations } = instance.customers[n]!;
    const best = state.decide(arrival, duration, valuations);
    if (best < 0) continue;
    state.admit(arrival, duration, best);
    decisions[n] = best;
    payments[n] = state.payment;
    value += valuations[best]!;
  }
  const utilisation = instance.resources.map((_, k) => state.utilisationCopy(k));
  const cost = supplyCost(instance, utilisation);
  return { decisions, payments, utilisation, value, cost, welfare: value - cost };
}

/** Σ_k Σ_t f_k(y_k(t)) for given utilisation arrays. */
export function supplyCost(instance: Instance, utilisation: readonly Float64Array[]): number {
  requireInstanceFields(instance);
  requireArray("utilisation", utilisation, "an array of utilisation series, one per resource");
  let total = 0;
  instance.resources.forEach((resource, k) => {
    const cost = costOf(resource.cost);
    for (const level of utilisation[k]!) if (level > 0) total += cost.value(level);
  });
  return total;
}
