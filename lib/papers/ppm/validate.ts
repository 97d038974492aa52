/**
 * Argument guards of the PPM entry points that take already-built objects: a cost function and
 * the fields of an instance (for functions called per customer, which cannot afford the full
 * `validateInstance`). Each throws {@link ParameterError} naming the parameter.
 *
 * @example
 * ```ts
 * import { powerCost } from "./cost.ts";
 * import { requireCostFunction } from "./validate.ts";
 * requireCostFunction(powerCost(0.223, 3));
 * ```
 *
 * @module
 */
import { requireInteger, requireMethods, requireObject } from "../../core/validate.ts";
import type { CostFunction } from "./cost.ts";
import type { Instance } from "./instance.ts";

/**
 * Requires a cost function as `powerCost`, `polynomialCost` or `costOf` build it.
 *
 * @param cost the cost function
 * @param parameter name used in the error (default `"cost"`)
 * @returns the cost function
 * @throws {ParameterError} when it lacks the methods or c̄ of a cost function
 */
export function requireCostFunction(cost: CostFunction, parameter = "cost"): CostFunction {
  const what = "a cost function (powerCost, polynomialCost, costOf)";
  requireMethods(parameter, cost, ["value", "marginal", "inverseMarginal"], what);
  return requireObject(parameter, cost, what, ["cBar", "cLow"]);
}

/**
 * Requires an object with an instance's fields (its contents are checked by `validateInstance`).
 *
 * @param instance the instance
 * @returns the instance
 * @throws {ParameterError} when it is not an object with slots, resources, bundles, customers
 */
export function requireInstanceFields(instance: Instance): Instance {
  return requireObject(
    "instance",
    instance,
    "an instance { slots, resources, bundles, customers }",
    [
      "slots",
      "resources",
      "bundles",
      "customers",
    ],
  );
}

/**
 * Requires sweep sizes `{ instances, jobs, slots }`, each a positive integer.
 *
 * @param sizes the sizes
 * @returns the sizes
 * @throws {ParameterError} naming the first missing or non-integer size
 */
export function requireSweepSizes<T extends SweepSizeFields>(sizes: T): T {
  requireObject("sizes", sizes, "sweep sizes { instances, jobs, slots }");
  requireInteger("sizes.instances", sizes.instances, 1, 100_000);
  requireInteger("sizes.jobs", sizes.jobs, 1, 10_000_000);
  requireInteger("sizes.slots", sizes.slots, 1, 10_000_000);
  return sizes;
}

/** The fields {@link requireSweepSizes} checks. */
interface SweepSizeFields {
  readonly instances: number;
  readonly jobs: number;
  readonly slots: number;
}
