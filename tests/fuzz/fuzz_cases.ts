/**
 * The cases of the public-API fuzz: which functions, which arguments (seeded), and how an outcome
 * is classified. Shared by the worker that makes the calls and the driver that counts them.
 *
 * @module
 */

/** One call: a function of a namespace of `lib/mod.ts` and the indices of its arguments. */
export interface FuzzCall {
  readonly namespace: string;
  readonly name: string;
  readonly args: readonly number[];
}

/** How a call ended. */
export type Outcome =
  | "typed" // a toolkit error (ParameterError, DataFileError, ...)
  | "internal" // TypeError, RangeError, ReferenceError from inside the toolkit
  | "other-error" // a plain Error or something else thrown
  | "non-finite" // returned a value holding NaN or an infinity
  | "silent" // returned normally although an argument was clearly invalid
  | "ok" // returned normally, all arguments plausible
  | "hang"; // no answer within the limit

/**
 * Argument pool. Entries are rebuilt per call (`argumentsFor`) so no call sees another's mutation.
 * `clearlyBad` marks values no documented parameter accepts.
 */
const POOL: readonly { make: () => unknown; clearlyBad: boolean }[] = [
  { make: () => NaN, clearlyBad: true },
  { make: () => Infinity, clearlyBad: true },
  { make: () => -Infinity, clearlyBad: true },
  { make: () => -1, clearlyBad: false },
  { make: () => 0, clearlyBad: false },
  { make: () => 0.5, clearlyBad: false },
  { make: () => 3, clearlyBad: false },
  { make: () => 1e308, clearlyBad: false },
  { make: () => -1e308, clearlyBad: false },
  { make: () => "bogus", clearlyBad: true },
  { make: () => "", clearlyBad: false },
  { make: () => null, clearlyBad: true },
  { make: () => undefined, clearlyBad: false },
  { make: () => ({}), clearlyBad: false },
  { make: () => [], clearlyBad: false },
  { make: () => [NaN, 1], clearlyBad: true },
  { make: () => [1e308, 1e308], clearlyBad: false },
  { make: () => ({ kind: "bogus" }), clearlyBad: true },
  { make: () => true, clearlyBad: true },
];

/**
 * Functions never called: they run whole studies, time the machine, or print (their inputs are
 * validated by the functions they call, which are fuzzed).
 */
export const NOT_FUZZED: ReadonlySet<string> = new Set([
  "core.timeIt",
  "core.timeBatch",
  "core.loadHighs",
  "core.progress",
  "ppm.measureSpeeds",
  "stackelberg.stageOneTiming",
  "stackelberg.stageOneTimingTable",
  "aeria.runtimeScan",
  // reads every raw trace (several seconds, more under load); its directory argument is checked
  // by traces.requireTraceDir, which is fuzzed
  "traces.deriveTraceStats",
]);

/**
 * Functions for which the pool's "clearly bad" values are valid input, so returning normally is
 * `ok`, not `silent`: classifiers and formatters of arbitrary values, functions of free text (for
 * them "bogus" is a string like any other), and the validators (which return a valid value
 * whatever the name they are given for the error).
 */
export const ACCEPTS_ANY: ReadonlySet<string> = new Set([
  "core.valueKind", // classifies any value (null for what is not a claim value)
  "core.roundNumbersIn", // formats any label
  "core.formatNumber", // prints NaN and ±Infinity as text, by design
  "core.logFloor", // skips non-finite and non-positive values, by design
  "core.escapeHtml", // any string
  "core.note", // any string
  "core.richHtml", // any HTML string
  "core.deriveSeed", // any integer seed and any stream name
  "core.plot", // Observable Plot ignores option keys it does not know
  "hardware.noPrice", // the reason is free text
  "traces.requireTraceDir", // any non-empty path string ("bogus" is a relative path)
  "core.requireArray",
  "core.requireFinite",
  "core.requireFiniteArray",
  "core.requireGreaterThan",
  "core.requireInRange",
  "core.requireInteger",
  "core.requireIntegers",
  "core.requireMethods",
  "core.requireNonEmpty",
  "core.requireNonNegative",
  "core.requireObject",
  "core.requireObjectArray",
  "core.requireOneOf",
  "core.requirePositive",
  "core.requireString",
  "core.requireFunction",
]);

/** Small seeded generator (mulberry32), so a fuzz run is the same on every machine. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The calls of a fuzz run: `perFunction` seeded argument lists for every exported function (arity
 * 1..4) of the given namespaces, except {@link NOT_FUZZED} and functions taking no argument.
 */
export function planCalls(
  api: Record<string, unknown>,
  namespaces: readonly string[],
  perFunction: number,
  seed: number,
): FuzzCall[] {
  const random = generator(seed);
  const calls: FuzzCall[] = [];
  for (const namespace of namespaces) {
    const members = api[namespace] as Record<string, unknown>;
    for (const name of Object.keys(members).sort()) {
      const fn = members[name];
      if (typeof fn !== "function" || NOT_FUZZED.has(`${namespace}.${name}`)) continue;
      if (/^class\b/.test(Function.prototype.toString.call(fn)) || fn.length === 0) continue;
      const arity = Math.min(fn.length, 4);
      for (let k = 0; k < perFunction; k++) {
        const args = Array.from({ length: arity }, () => Math.floor(random() * POOL.length));
        calls.push({ namespace, name, args });
      }
    }
  }
  return calls;
}

/** Fresh argument values of a call. */
export function argumentsFor(call: FuzzCall): unknown[] {
  return call.args.map((index) => POOL[index]!.make());
}

const INTERNAL = new Set(["TypeError", "RangeError", "ReferenceError"]);

/** Typed toolkit error, internal error, or other. */
export function classifyError(error: unknown): Outcome {
  if (!(error instanceof Error)) return "other-error";
  if (error.constructor === Error) return "other-error";
  return INTERNAL.has(error.constructor.name) ? "internal" : "typed";
}

/** The error's class, message and the first toolkit frame of its stack, for the driver's list. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = (error.stack ?? "").split("\n").find((line) => line.includes("/lib/"));
  const where = frame ? ` at ${frame.replace(/.*\/lib\//, "lib/").replace(/\)$/, "")}` : "";
  return `${error.constructor.name}: ${error.message.slice(0, 160)}${where}`;
}

/** Whether a returned value (searched to a small depth) holds NaN or an infinity. */
export function holdsNonFinite(value: unknown, depth = 0): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (depth > 3 || value === null || typeof value !== "object") return false;
  // Own data properties only: a getter may compute (a nodejs-polars DataFrame is a Proxy over a
  // plain object whose column Series expose a `struct` namespace; reading its `fields` getter on
  // a string column throws "invalid series dtype: expected `Struct`, got `str`").
  const items = Array.isArray(value)
    ? value.slice(0, 200)
    : Object.getPrototypeOf(value) === Object.prototype
    ? Object.values(Object.getOwnPropertyDescriptors(value))
      .filter((property) => "value" in property).map((property) => property.value).slice(0, 200)
    : [];
  return items.some((item) => holdsNonFinite(item, depth + 1));
}

/**
 * Outcome of a call that returned. A NaN the function hands back unchanged (a validator or
 * wrapper returning the very object it was given) is the caller's, so it is not `non-finite`.
 */
export function classifyValue(value: unknown, call: FuzzCall, args: readonly unknown[]): Outcome {
  const passedThrough = args.some((arg) => arg === value && typeof arg === "object");
  if (!passedThrough && holdsNonFinite(value)) return "non-finite";
  if (ACCEPTS_ANY.has(`${call.namespace}.${call.name}`)) return "ok";
  return call.args.some((index) => POOL[index]!.clearlyBad) ? "silent" : "ok";
}
