/**
 * The claims ledger: every numeric statement a paper makes, the value this project reproduces for
 * it, how that value was obtained (its evidence class), and a verdict.
 *
 * A measured claim is declared with the paper's value, a typed comparison rule and its evidence
 * class. {@link evaluateClaim} measures the value, checks that paper value and measurement are of
 * the kinds the rule compares and are finite, applies the rule and derives the verdict:
 *
 * - agreement gives `reproduced`, or `calibrated` when the model was fitted to this very value;
 * - disagreement with an explanation gives `discrepancy`, without one `unexplained` (a test
 *   failure).
 *
 * A claim that cannot be checked here has `status: "not-reproducible-here"` and the reason.
 * Verdicts are not asserted by tests: they are reviewed in the committed ledger snapshot
 * (`data/ledger.quick.json`, `deno task ledger`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { evaluateClaim, within } from "./claims.ts";
 * const result = await evaluateClaim({
 *   id: "demo.pi",
 *   paper: "demo",
 *   where: "Eq. 1",
 *   statement: "pi is about 3.14",
 *   paperValue: 3.14,
 *   rule: within({ abs: 0.01 }),
 *   evidence: "independent",
 *   measure: () => Math.PI,
 * });
 * assert.equal(result.verdict, "reproduced");
 * assert.equal(result.reproducedValue, Math.PI);
 * ```
 *
 * @module
 */
import { ParameterError } from "./errors.ts";
import { requireMethods, requireObject, requireObjectArray } from "./validate.ts";

/** Final status of a claim. */
export type Verdict = "reproduced" | "calibrated" | "discrepancy" | "not-reproducible-here";

/**
 * How the reproduced value relates to the statement it checks:
 * - `independent`: computed independently of the statement (ODE vs closed form, brute force vs
 *   algorithm, simulation vs a theorem's bound);
 * - `arithmetic`: a check of the paper's own text or arithmetic that runs no model code;
 * - `calibrated`: the model was fitted to this very value, so agreement shows consistency only.
 */
export type Evidence = "independent" | "arithmetic" | "calibrated";

/** Every evidence class, in display order. */
export const EVIDENCE_CLASSES: readonly Evidence[] = ["independent", "arithmetic", "calibrated"];

/** A value a paper states or the project measures. */
export type ClaimValue = number | boolean | string | readonly [number, number];

/** The kinds of {@link ClaimValue} a rule can compare. */
export type ValueKind = "number" | "range" | "boolean" | "text";

/** How a measured value is compared with the paper's value. */
export interface ComparisonRule {
  /** Human-readable rule, e.g. `"within abs 0.01"`. */
  readonly describe: string;
  /** Kinds of paper value the rule accepts. */
  readonly paperKinds: readonly ValueKind[];
  /** Kinds of measured value the rule accepts. */
  readonly measuredKinds: readonly ValueKind[];
  /** The measured value must be of the same kind as the paper's value. */
  readonly sameKind?: boolean;
  /** Whether the measured value agrees with the paper's value (both already of accepted kinds). */
  agrees(measured: ClaimValue, paperValue: ClaimValue): boolean;
}

/** Fields every claim declaration shares, measured or not. */
export interface ClaimBase {
  /** Stable identifier, `<paper>.<short-name>`. */
  readonly id: string;
  /** Paper key: `ppm`, `aeria`, `pdftsp`, `stackelberg` (or `core` for toolkit-wide checks). */
  readonly paper: string;
  /** Where in the paper: section, equation, figure or table. */
  readonly where: string;
  /** The statement in this project's own words. */
  readonly statement: string;
  /** The value the paper prints (a number, a `[lo, hi]` range, a yes/no, or text). */
  readonly paperValue: ClaimValue;
}

/** A claim that is measured here. */
export interface MeasuredClaimSpec extends ClaimBase {
  /** Comparison between measured and paper value. */
  readonly rule: ComparisonRule;
  /** How the measured value was obtained (see {@link Evidence}). */
  readonly evidence: Evidence;
  /** What was found and why the numbers differ; required for a verdict other than `unexplained` when they disagree. */
  readonly explanation?: string;
  /** Which reading of the paper this claim takes, and what the other reading gives. */
  readonly reading?: string;
  /** The measurement is a wall-clock time: it varies between runs and machines. */
  readonly timing?: boolean;
  /** Where the measured value comes from (function, notebook cell, trace substitution...). */
  readonly source?: string;
  /** Computes the measured value. */
  readonly measure: () => ClaimValue | Promise<ClaimValue>;
}

/** A claim that cannot be checked with what this machine has. */
export interface UncheckableClaimSpec extends ClaimBase {
  /** Marks a claim that this machine cannot check. */
  readonly status: "not-reproducible-here";
  /** Why it cannot be checked (missing trace, unprinted data, ...). */
  readonly explanation: string;
}

/** Declaration of one claim. */
export type ClaimSpec = MeasuredClaimSpec | UncheckableClaimSpec;

/** Evaluated claim, as rendered in notebooks and printed by `deno task claims`. */
export interface ClaimResult {
  /** Stable identifier, `<paper>.<short-name>`. */
  readonly id: string;
  /** Paper key: `ppm`, `aeria`, `pdftsp`, `stackelberg` (or `core`). */
  readonly paper: string;
  /** Where in the paper: section, equation, figure or table. */
  readonly where: string;
  /** The statement in this project's own words. */
  readonly statement: string;
  /** The value the paper prints. */
  readonly paperValue: ClaimValue;
  /** The value measured here; `null` for a claim not reproducible here. */
  readonly reproducedValue: ClaimValue | null;
  /** The comparison rule in words (e.g. `"within abs 0.01"`); `null` when nothing is measured. */
  readonly rule: string | null;
  /** Evidence class of the measurement; `null` for a claim not reproducible here. */
  readonly evidence: Evidence | null;
  /** Derived verdict; `unexplained` means a disagreement nobody has explained (a test failure). */
  readonly verdict: Verdict | "unexplained";
  /**
   * Why the values differ or why the claim cannot be checked; `null` when nothing needs explaining.
   */
  readonly explanation: string | null;
  /** Which reading of the paper the claim takes; `null` when the paper admits only one. */
  readonly reading: string | null;
  /** The value is a wall-clock time, so it varies between runs and machines. */
  readonly timing: boolean;
  /** Where the measured value comes from (function, notebook cell, trace); `null` if unrecorded. */
  readonly source: string | null;
  /**
   * Set when the measurement threw (a corrupted trace, a solver failure): the error's name and
   * message. Such a claim is `unexplained`, so tests and `deno task claims` still fail on it, but
   * the other claims of the ledger are still evaluated.
   */
  readonly error?: string;
}

/**
 * A finding about this project's own tools (a reference solver's weakness, a sweep's resolution),
 * not a statement of the paper: shown in a notebook's "Verification notes", never in the ledger.
 */
export interface VerificationNote {
  /** Stable identifier, `<paper>.<short-name>`. */
  readonly id: string;
  /** What was verified, e.g. "grid search vs Theorem 3". */
  readonly topic: string;
  /** The finding in words. */
  readonly finding: string;
  /** The measured value behind the finding, if any. */
  readonly value?: ClaimValue;
  /** Function or module that produced it. */
  readonly source?: string;
}

/** The kind of a value, or `null` for something that is not a {@link ClaimValue}. */
export function valueKind(value: unknown): ValueKind | null {
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return "text";
  if (
    Array.isArray(value) && value.length === 2 && typeof value[0] === "number" &&
    typeof value[1] === "number"
  ) return "range";
  return null;
}

function requireTolerance(name: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ParameterError(name, value, "a finite number >= 0 or undefined");
  }
}

const NUMBER: readonly ValueKind[] = ["number"];
const RANGE: readonly ValueKind[] = ["range"];

/**
 * Agreement within an absolute and/or relative tolerance (either suffices).
 *
 * @throws {ParameterError} when neither tolerance is given or one is negative or not finite
 */
export function within(tolerance: { abs?: number; rel?: number }): ComparisonRule {
  requireObject("tolerance", tolerance, "a tolerance { abs?, rel? }");
  requireTolerance("tolerance.abs", tolerance.abs);
  requireTolerance("tolerance.rel", tolerance.rel);
  if (tolerance.abs === undefined && tolerance.rel === undefined) {
    throw new ParameterError("tolerance", tolerance, "at least one of abs, rel");
  }
  const parts = [
    tolerance.abs === undefined ? null : `abs ${tolerance.abs}`,
    tolerance.rel === undefined ? null : `rel ${tolerance.rel}`,
  ].filter((part) => part !== null);
  return {
    describe: `within ${parts.join(" or ")}`,
    paperKinds: NUMBER,
    measuredKinds: NUMBER,
    agrees(measured, paperValue) {
      const diff = Math.abs((measured as number) - (paperValue as number));
      return (tolerance.abs !== undefined && diff <= tolerance.abs) ||
        (tolerance.rel !== undefined && diff <= tolerance.rel * Math.abs(paperValue as number));
    },
  };
}

/**
 * The measured number lies in the paper's `[lo, hi]` range, widened by `slack` on each side.
 *
 * @throws {ParameterError} when `slack` is negative or not finite
 */
export function inRange(slack = 0): ComparisonRule {
  requireTolerance("slack", slack);
  return {
    describe: slack === 0 ? "inside the paper's range" : `inside the paper's range ± ${slack}`,
    paperKinds: RANGE,
    measuredKinds: NUMBER,
    agrees(measured, paperValue) {
      const [lo, hi] = paperValue as readonly [number, number];
      return (measured as number) >= lo - slack && (measured as number) <= hi + slack;
    },
  };
}

/** The measured `[lo, hi]` range overlaps the paper's range (for "ratios between x and y"). */
export function rangesOverlap(): ComparisonRule {
  return {
    describe: "measured range overlaps the paper's range",
    paperKinds: RANGE,
    measuredKinds: RANGE,
    agrees(measured, paperValue) {
      const [mLo, mHi] = measured as readonly [number, number];
      const [pLo, pHi] = paperValue as readonly [number, number];
      return mLo <= pHi && pLo <= mHi;
    },
  };
}

/** The measured number is at least the paper's number. */
export function atLeast(): ComparisonRule {
  return {
    describe: "measured >= paper",
    paperKinds: NUMBER,
    measuredKinds: NUMBER,
    agrees: (measured, paperValue) => (measured as number) >= (paperValue as number),
  };
}

/** The measured number is at most the paper's number. */
export function atMost(): ComparisonRule {
  return {
    describe: "measured <= paper",
    paperKinds: NUMBER,
    measuredKinds: NUMBER,
    agrees: (measured, paperValue) => (measured as number) <= (paperValue as number),
  };
}

/** Exact equality of two values of the same kind (booleans, text, numbers). */
export function equals(): ComparisonRule {
  return {
    describe: "equal",
    paperKinds: ["boolean", "text", "number"],
    measuredKinds: ["boolean", "text", "number"],
    sameKind: true,
    agrees: (measured, paperValue) => measured === paperValue,
  };
}

function requireKind(
  id: string,
  which: "paperValue" | "measured",
  value: unknown,
  allowed: readonly ValueKind[],
): void {
  const kind = valueKind(value);
  if (kind === null || !allowed.includes(kind)) {
    throw new ParameterError(`${id}.${which}`, value, `a ${allowed.join(" or ")} value`);
  }
  const numbers = kind === "number" ? [value as number] : kind === "range" ? value as number[] : [];
  if (numbers.some((x) => !Number.isFinite(x))) {
    throw new ParameterError(`${id}.${which}`, value, "finite numbers");
  }
}

/**
 * A claim spec as a caller may pass it: an object with an `id`, and, unless it is declared not
 * reproducible (`status`), a comparison rule and a `measure` function.
 */
function requireClaimSpec(parameter: string, spec: ClaimSpec): ClaimSpec {
  requireObject(parameter, spec, "a claim spec { id, paper, statement, ... }", ["id"]);
  if ("status" in spec) return spec;
  requireObject(`${parameter}.rule`, spec.rule, "a comparison rule (within, equals, ...)", [
    "paperKinds",
    "agrees",
  ]);
  requireMethods(parameter, spec, ["measure"], "a claim spec with a measure() function");
  return spec;
}

/** Fields of a {@link ClaimsSummary}, all counts. */
const SUMMARY_FIELDS = [
  "total",
  "reproduced",
  "reproducedIndependently",
  "calibrated",
  "discrepancy",
  "notReproducibleHere",
  "unexplained",
];

/**
 * Checks that a claim's rule can compare its paper value (before anything is measured).
 *
 * @throws {ParameterError} naming the claim when the paper value is of a kind the rule does not
 * compare, or not finite
 */
export function checkClaimTypes(spec: ClaimSpec): void {
  requireClaimSpec("spec", spec);
  if ("status" in spec) return;
  requireKind(spec.id, "paperValue", spec.paperValue, spec.rule.paperKinds);
}

/**
 * Measures one claim and derives its verdict. A measurement that throws (a corrupted trace, a
 * failing solver) does not abort the ledger: the claim comes back `unexplained` with its `error`.
 *
 * @throws {ParameterError} when the paper value or the measurement is of a kind the rule does not
 * compare (e.g. a boolean paper value against a number), or is NaN/±Infinity
 */
export async function evaluateClaim(spec: ClaimSpec): Promise<ClaimResult> {
  requireClaimSpec("spec", spec);
  const { id, paper, where, statement, paperValue } = spec;
  const common = { id, paper, where, statement, paperValue };
  if ("status" in spec) {
    return {
      ...common,
      reproducedValue: null,
      rule: null,
      evidence: null,
      verdict: "not-reproducible-here",
      explanation: spec.explanation,
      reading: null,
      timing: false,
      source: null,
    };
  }
  checkClaimTypes(spec);
  let measured: ClaimValue;
  try {
    measured = await spec.measure();
  } catch (error) {
    return {
      ...common,
      reproducedValue: null,
      rule: spec.rule.describe,
      evidence: spec.evidence,
      verdict: "unexplained",
      explanation: `the measurement failed: ${describeError(error)}`,
      reading: spec.reading ?? null,
      timing: spec.timing ?? false,
      source: spec.source ?? null,
      error: describeError(error),
    };
  }
  const measuredKinds = spec.rule.sameKind
    ? [valueKind(spec.paperValue) as ValueKind]
    : spec.rule.measuredKinds;
  requireKind(id, "measured", measured, measuredKinds);
  const agrees = spec.rule.agrees(measured, spec.paperValue);
  const explanation = spec.explanation ?? null;
  const agreeing = spec.evidence === "calibrated" ? "calibrated" : "reproduced";
  return {
    ...common,
    reproducedValue: measured,
    rule: spec.rule.describe,
    evidence: spec.evidence,
    verdict: agrees ? agreeing : explanation ? "discrepancy" : "unexplained",
    explanation,
    reading: spec.reading ?? null,
    timing: spec.timing ?? false,
    source: spec.source ?? null,
  };
}

/** `Name: message` of a thrown value. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Evaluates claims in order (sequentially, so heavy measurements do not compete for CPU). */
export async function evaluateClaims(specs: readonly ClaimSpec[]): Promise<ClaimResult[]> {
  requireObjectArray("specs", specs, "claim specs", ["id"]);
  const ids = new Set<string>();
  const results: ClaimResult[] = [];
  for (const spec of specs) {
    if (ids.has(spec.id)) throw new Error(`duplicate claim id ${spec.id}`);
    ids.add(spec.id);
    results.push(await evaluateClaim(spec));
  }
  return results;
}

/** Counts of verdicts, for index pages and summaries. */
export interface ClaimsSummary {
  /** Number of claims. */
  readonly total: number;
  /** Reproduced, any evidence class but calibrated. */
  readonly reproduced: number;
  /** Reproduced by a computation independent of the statement (a subset of `reproduced`). */
  readonly reproducedIndependently: number;
  /** Agrees with a value the model was fitted to (never counted as reproduced). */
  readonly calibrated: number;
  /** Disagreements with the paper that carry an explanation. */
  readonly discrepancy: number;
  /** Claims this machine cannot check. */
  readonly notReproducibleHere: number;
  /** Disagreements nobody has explained (each fails the claims tests). */
  readonly unexplained: number;
}

/** Tallies verdicts. */
export function summarizeClaims(results: readonly ClaimResult[]): ClaimsSummary {
  requireObjectArray("results", results, "claim results (evaluateClaims)", ["verdict"]);
  const count = (verdict: ClaimResult["verdict"]) =>
    results.filter((result) => result.verdict === verdict).length;
  return {
    total: results.length,
    reproduced: count("reproduced"),
    reproducedIndependently:
      results.filter((r) => r.verdict === "reproduced" && r.evidence === "independent").length,
    calibrated: count("calibrated"),
    discrepancy: count("discrepancy"),
    notReproducibleHere: count("not-reproducible-here"),
    unexplained: count("unexplained"),
  };
}

/** One line summarising verdicts, e.g. "12 claims: 7 reproduced (5 independently), …". */
export function describeSummary(summary: ClaimsSummary): string {
  requireObject("summary", summary, "a claims summary (summarizeClaims)", SUMMARY_FIELDS);
  return `${summary.total} claims: ${summary.reproduced} reproduced (${summary.reproducedIndependently} independently), ${summary.calibrated} calibrated, ${summary.discrepancy} discrepancy (explained), ${summary.notReproducibleHere} not reproducible here, ${summary.unexplained} unexplained`;
}
