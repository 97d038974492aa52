/**
 * Guards for user-facing parameters. Each throws {@link ParameterError} naming the parameter, the
 * value and the allowed range, and returns the value so guards can be used inline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ParameterError } from "./errors.ts";
 * import { requireInRange, requirePositive } from "./validate.ts";
 * assert.equal(requirePositive("a", 0.223), 0.223);
 * assert.equal(requireInRange("u", 0.4, 0, 1), 0.4);
 * assert.throws(() => requirePositive("a", 0), ParameterError);
 * ```
 *
 * @module
 */
import { ParameterError } from "./errors.ts";

/** Requires a finite number (rejects NaN, ±Infinity and non-numbers). */
export function requireFinite(parameter: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ParameterError(parameter, value, "a finite number");
  }
  return value;
}

/** Requires a finite number strictly greater than zero. */
export function requirePositive(parameter: string, value: number): number {
  requireFinite(parameter, value);
  if (!(value > 0)) throw new ParameterError(parameter, value, `${parameter} > 0`);
  return value;
}

/** Requires a finite number greater than or equal to zero. */
export function requireNonNegative(parameter: string, value: number): number {
  requireFinite(parameter, value);
  if (!(value >= 0)) throw new ParameterError(parameter, value, `${parameter} >= 0`);
  return value;
}

/** Requires `min <= value <= max` (closed interval). */
export function requireInRange(parameter: string, value: number, min: number, max: number): number {
  requireFinite(parameter, value);
  if (!(value >= min && value <= max)) {
    throw new ParameterError(parameter, value, `${min} <= ${parameter} <= ${max}`);
  }
  return value;
}

/** Requires `value > bound` with a custom description of the bound (e.g. `"s > 1"`). */
export function requireGreaterThan(
  parameter: string,
  value: number,
  bound: number,
  rule = `${parameter} > ${bound}`,
): number {
  requireFinite(parameter, value);
  if (!(value > bound)) throw new ParameterError(parameter, value, rule);
  return value;
}

/** Requires an integer in `[min, max]`. */
export function requireInteger(
  parameter: string,
  value: number,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ParameterError(parameter, value, `an integer in [${min}, ${max}]`);
  }
  return value;
}

/** Requires a non-empty array. */
export function requireNonEmpty<T>(parameter: string, values: readonly T[]): readonly T[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new ParameterError(parameter, values, "a non-empty array");
  }
  return values;
}

/** Requires one of a fixed set of string options. */
export function requireOneOf<T extends string>(
  parameter: string,
  value: string,
  options: readonly T[],
): T {
  if (!Array.isArray(options)) throw new ParameterError("options", options, "an array of names");
  if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
    throw new ParameterError(parameter, value, `one of ${options.join(", ")}`);
  }
  return value as T;
}

/**
 * Requires an array of finite numbers with at least `minLength` entries.
 *
 * @param parameter name used in the error
 * @param values the array
 * @param minLength smallest allowed length (default 1)
 * @returns the array
 * @throws {ParameterError} when it is not an array, too short, or holds a non-finite entry
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { requireFiniteArray } from "./validate.ts";
 * assert.deepEqual(requireFiniteArray("probs", [0, 0.5, 1], 2), [0, 0.5, 1]);
 * assert.throws(() => requireFiniteArray("probs", [0, NaN], 2), /probs\[1\]/);
 * ```
 */
export function requireFiniteArray(
  parameter: string,
  values: readonly number[],
  minLength = 1,
): readonly number[] {
  if (!Array.isArray(values) || values.length < minLength) {
    throw new ParameterError(parameter, values, `an array of at least ${minLength} finite numbers`);
  }
  values.forEach((value, i) => requireFinite(`${parameter}[${i}]`, value));
  return values;
}

/**
 * Requires an object offering the named methods (a random stream, a DataFrame, ...), so a wrong
 * argument is a typed error rather than a TypeError deep inside.
 *
 * @param parameter name used in the error
 * @param value the object
 * @param methods methods it must have
 * @param what description for the error (e.g. "a random stream")
 * @returns the object
 * @throws {ParameterError} when `value` is not an object with those methods
 * @example
 * ```ts
 * import { requireMethods } from "./validate.ts";
 * requireMethods("rng", { uniform: () => 0.5 }, ["uniform"], "a random stream");
 * ```
 */
export function requireMethods<T>(
  parameter: string,
  value: T,
  methods: readonly string[],
  what: string,
): T {
  if (!Array.isArray(methods)) throw new ParameterError("methods", methods, "an array of names");
  const object = value as Record<string, unknown> | null;
  if (
    object === null || typeof object !== "object" ||
    !methods.every((method) => typeof object[method] === "function")
  ) {
    throw new ParameterError(parameter, value, what);
  }
  return value;
}

/**
 * Requires an object (not null, not an array) whose listed fields are all defined, so a caller
 * passing the wrong thing gets a typed error instead of a TypeError on the first field read.
 *
 * @param parameter name used in the error
 * @param value the object
 * @param what description for the error (e.g. `"a market from parseMarket"`)
 * @param fields fields that must not be `undefined`
 * @returns the object
 * @throws {ParameterError} when `value` is not such an object
 * @example
 * ```ts
 * import { requireObject } from "./validate.ts";
 * requireObject("params", { gamma: 1, theta: 2 }, "training parameters { gamma, theta }", [
 *   "gamma",
 *   "theta",
 * ]);
 * ```
 */
export function requireObject<T>(
  parameter: string,
  value: T,
  what: string,
  fields: readonly string[] = [],
): T {
  const object = value as Record<string, unknown> | null;
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    throw new ParameterError(parameter, value, what);
  }
  for (let i = 0; i < fields.length; i++) { // a plain loop: guards sit on hot paths
    if (object[fields[i]!] === undefined) throw new ParameterError(parameter, value, what);
  }
  return value;
}

/**
 * Requires an array (empty allowed; use {@link requireNonEmpty} otherwise).
 *
 * @param parameter name used in the error
 * @param values the array
 * @param what description for the error
 * @returns the array
 * @throws {ParameterError} when `values` is not an array
 * @example
 * ```ts
 * import { requireArray } from "./validate.ts";
 * requireArray("rows", [], "an array of rows");
 * ```
 */
export function requireArray<T>(
  parameter: string,
  values: readonly T[],
  what = "an array",
): readonly T[] {
  if (!Array.isArray(values)) throw new ParameterError(parameter, values, what);
  return values;
}

/**
 * Requires a string.
 *
 * @param parameter name used in the error
 * @param value the string
 * @returns the string
 * @throws {ParameterError} when `value` is not a string
 * @example
 * ```ts
 * import { requireString } from "./validate.ts";
 * requireString("name", "jobs");
 * ```
 */
export function requireString(parameter: string, value: string): string {
  if (typeof value !== "string") throw new ParameterError(parameter, value, "a string");
  return value;
}

/**
 * Requires an array of objects, each with the listed fields defined (rows of a table, results of
 * a check), naming the first bad entry by its index.
 *
 * @param parameter name used in the error
 * @param values the array
 * @param what description of one entry (e.g. `"a compareStageOne row"`)
 * @param fields fields each entry must have
 * @param minLength fewest entries allowed (default 0; 1 for a figure, which cannot draw nothing)
 * @returns the array
 * @throws {ParameterError} when `values` is not an array, is too short, or an entry is not such
 * an object
 * @example
 * ```ts
 * import { requireObjectArray } from "./validate.ts";
 * requireObjectArray("rows", [{ x: 1 }], "a row { x }", ["x"], 1);
 * ```
 */
export function requireObjectArray<T>(
  parameter: string,
  values: readonly T[],
  what: string,
  fields: readonly string[] = [],
  minLength = 0,
): readonly T[] {
  requireArray(parameter, values, `an array of ${what}`);
  if (values.length < minLength) {
    throw new ParameterError(parameter, values, `an array of at least ${minLength} ${what}`);
  }
  values.forEach((value, i) => requireObject(`${parameter}[${i}]`, value, what, fields));
  return values;
}

/**
 * Requires an array of integers in `[min, max]` (seeds, sizes), naming the first bad entry.
 *
 * @param parameter name used in the error
 * @param values the array
 * @param min smallest allowed entry
 * @param max largest allowed entry
 * @returns the array
 * @throws {ParameterError} when `values` is not an array or an entry is not such an integer
 * @example
 * ```ts
 * import { requireIntegers } from "./validate.ts";
 * requireIntegers("seeds", [1, 2, 3]);
 * ```
 */
export function requireIntegers(
  parameter: string,
  values: readonly number[],
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): readonly number[] {
  requireArray(parameter, values, `an array of integers in [${min}, ${max}]`);
  values.forEach((value, i) => requireInteger(`${parameter}[${i}]`, value, min, max));
  return values;
}

/**
 * Requires a function (a callback such as the `f` of a root finder).
 *
 * @param parameter name used in the error
 * @param value the function
 * @param what description for the error (default `"a function"`)
 * @returns the function
 * @throws {ParameterError} when `value` is not a function
 * @example
 * ```ts
 * import { requireFunction } from "./validate.ts";
 * requireFunction("f", (x: number) => x * x);
 * ```
 */
export function requireFunction<T>(parameter: string, value: T, what = "a function"): T {
  if (typeof value !== "function") throw new ParameterError(parameter, value, what);
  return value;
}
