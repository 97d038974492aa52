/**
 * Plain-JSON arrival instances (the documented schema of `ppm.simulate` / `ppm.offlineOptimum`)
 * and their validation.
 *
 * Schema (all utilisation figures normalised to capacity 1 per resource and slot):
 * ```json
 * {
 *   "slots": 3600,
 *   "resources": [{ "name": "cpu", "cost": { "kind": "power", "a": 0.223, "s": 3 }, "pbar": 1.338 }],
 *   "bundles": [[0.005], [0.001]],
 *   "customers": [{ "arrival": 0, "duration": 12, "valuations": [0.05, 0.01] }]
 * }
 * ```
 * `bundles[b][k]` is r_k^b; `valuations[b]` is v_n^b for the whole stay; a customer holds the
 * bundle in slots arrival … arrival + duration − 1 (Eq. 35). Cost kinds: `power` {a, s} and
 * `polynomial` {terms: [{coefficient, exponent}]}.
 *
 * @example
 * ```ts
 * import { validateInstance } from "./instance.ts";
 * validateInstance({ slots: 1, resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 3 }], bundles: [[0.1]], customers: [] });
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import {
  requireFinite,
  requireGreaterThan,
  requireInRange,
  requireInteger,
  requireNonEmpty,
  requireNonNegative,
  requireObject,
} from "../../core/validate.ts";
import { requireInstanceFields } from "./validate.ts";
import { type CostFunction, polynomialCost, powerCost, type PowerTerm } from "./cost.ts";

/** Cost function specification in JSON. */
export type CostSpec =
  | { readonly kind: "power"; readonly a: number; readonly s: number }
  | { readonly kind: "polynomial"; readonly terms: readonly PowerTerm[] };

/** One resource: its cost and the PUV bound p̄_k the pricing is designed for. */
export interface ResourceSpec {
  /** label in tables and messages (e.g. `"cpu"`) */
  readonly name: string;
  /** the operating cost f_k of the resource */
  readonly cost: CostSpec;
  /** p̄_k, the upper bound of the per-unit valuation */
  readonly pbar: number;
}

/** One customer: arrival slot, duration in slots, valuation of each bundle. */
export interface CustomerSpec {
  /** a_i: first slot of the stay */
  readonly arrival: number;
  /** d_i: number of slots of the stay */
  readonly duration: number;
  /** v_i(b) for every bundle b of the menu */
  readonly valuations: readonly number[];
}

/** A complete arrival instance. */
export interface Instance {
  /** T: number of slots */
  readonly slots: number;
  /** the K resources */
  readonly resources: readonly ResourceSpec[];
  /** the bundle menu: r_k^b, one row of K amounts per bundle */
  readonly bundles: readonly (readonly number[])[];
  /** the customers in arrival order */
  readonly customers: readonly CustomerSpec[];
}

/** Builds the cost function of a spec. */
export function costOf(spec: CostSpec): CostFunction {
  requireObject("cost", spec, "a cost spec { kind: power | polynomial, ... }");
  if (spec.kind === "power") return powerCost(spec.a, spec.s);
  if (spec.kind === "polynomial") return polynomialCost(spec.terms);
  throw new ParameterError("cost.kind", (spec as { kind: unknown }).kind, "power or polynomial");
}

/**
 * Checks an instance and throws a typed error naming the first bad field.
 *
 * @throws {ParameterError} on an empty bundle menu, bundle amounts outside [0, 1], p̄ ≤ c̲,
 *   customers outside the horizon, or valuation lists of the wrong length
 */
export function validateInstance(instance: Instance): Instance {
  requireInstanceFields(instance);
  requireInteger("slots", instance.slots, 1);
  requireNonEmpty("resources", instance.resources);
  instance.resources.forEach((resource, k) => {
    const cost = costOf(resource.cost);
    requireGreaterThan(
      `resources[${k}].pbar`,
      resource.pbar,
      cost.cLow,
      `pbar > c_low = f'(0) = ${cost.cLow}`,
    );
  });
  requireNonEmpty("bundles", instance.bundles);
  const K = instance.resources.length;
  instance.bundles.forEach((bundle, b) => {
    if (bundle.length !== K) {
      throw new ParameterError(`bundles[${b}]`, bundle, `${K} amounts (one per resource)`);
    }
    bundle.forEach((r, k) => requireInRange(`bundles[${b}][${k}]`, r, 0, 1));
  });
  instance.customers.forEach((c, n) => {
    requireInteger(`customers[${n}].arrival`, c.arrival, 0, instance.slots - 1);
    requireInteger(`customers[${n}].duration`, c.duration, 1, instance.slots - c.arrival);
    if (c.valuations.length !== instance.bundles.length) {
      throw new ParameterError(
        `customers[${n}].valuations`,
        c.valuations.length,
        `${instance.bundles.length} valuations (one per bundle)`,
      );
    }
    c.valuations.forEach((v, b) => {
      requireFinite(`customers[${n}].valuations[${b}]`, v);
      requireNonNegative(`customers[${n}].valuations[${b}]`, v);
    });
  });
  return instance;
}
