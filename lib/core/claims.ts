/**
 * The claims ledger: every numeric statement a paper makes, the value this project reproduces for
 * it, and a verdict.
 *
 * A claim is declared with the paper's value, a comparison rule and the verdict the authors of the
 * reproduction expect. {@link evaluateClaim} measures the value, applies the rule and derives the
 * verdict; a measured disagreement without an explanation is `unexplained`, which the tests treat
 * as a failure. A claim that cannot be checked here is declared `not-reproducible-here` with the
 * reason and has no measurement.
 *
 * @example
 * ```ts
 * import { evaluateClaim, within } from "./claims.ts";
 * const result = await evaluateClaim({
 *   id: "demo.pi",
 *   paper: "demo",
 *   where: "Eq. 1",
 *   statement: "pi is about 3.14",
 *   paperValue: 3.14,
 *   rule: within({ abs: 0.01 }),
 *   expected: "reproduced",
 *   measure: () => Math.PI,
 * });
 * console.log(result.verdict); // reproduced
 * ```
 *
 * @module
 */

/** Final status of a claim. */
export type Verdict = "reproduced" | "discrepancy" | "not-reproducible-here";

/** A value a paper states or the project measures. */
export type ClaimValue = number | boolean | string | readonly [number, number];

/** How a measured value is compared with the paper's value. */
export interface ComparisonRule {
  /** Human-readable rule, e.g. `"|x - paper| <= 0.01"`. */
  readonly describe: string;
  /** Whether the measured value agrees with the paper's value. */
  agrees(measured: ClaimValue, paperValue: ClaimValue): boolean;
}

interface ClaimBase {
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
  /** Verdict the reproduction expects; tests assert it equals the derived verdict. */
  readonly expected: "reproduced" | "discrepancy";
  /** Required when `expected` is `discrepancy`: what was found and why the numbers differ. */
  readonly explanation?: string;
  /** Where the measured value comes from (function, notebook cell, trace substitution...). */
  readonly source?: string;
  /** Computes the measured value. */
  readonly measure: () => ClaimValue | Promise<ClaimValue>;
}

/** A claim that cannot be checked with what this machine has. */
export interface UncheckableClaimSpec extends ClaimBase {
  readonly expected: "not-reproducible-here";
  /** Why it cannot be checked (missing trace, unprinted data, ...). */
  readonly explanation: string;
}

/** Declaration of one claim. */
export type ClaimSpec = MeasuredClaimSpec | UncheckableClaimSpec;

/** Evaluated claim, as rendered in notebooks and printed by `deno task claims`. */
export interface ClaimResult {
  readonly id: string;
  readonly paper: string;
  readonly where: string;
  readonly statement: string;
  readonly paperValue: ClaimValue;
  readonly reproducedValue: ClaimValue | null;
  readonly rule: string | null;
  /** Derived verdict; `unexplained` means a disagreement nobody has explained (a test failure). */
  readonly verdict: Verdict | "unexplained";
  readonly expected: Verdict;
  readonly explanation: string | null;
  readonly source: string | null;
}

/** Agreement within an absolute and/or relative tolerance (either suffices). */
export function within(tolerance: { abs?: number; rel?: number }): ComparisonRule {
  const parts = [
    tolerance.abs === undefined ? null : `abs ${tolerance.abs}`,
    tolerance.rel === undefined ? null : `rel ${tolerance.rel}`,
  ].filter((part) => part !== null);
  return {
    describe: `within ${parts.join(" or ")}`,
    agrees(measured, paperValue) {
      if (typeof measured !== "number" || typeof paperValue !== "number") return false;
      const diff = Math.abs(measured - paperValue);
      return (tolerance.abs !== undefined && diff <= tolerance.abs) ||
        (tolerance.rel !== undefined && diff <= tolerance.rel * Math.abs(paperValue));
    },
  };
}

/** The measured number lies in the paper's `[lo, hi]` range, widened by `slack` on each side. */
export function inRange(slack = 0): ComparisonRule {
  return {
    describe: slack === 0 ? "inside the paper's range" : `inside the paper's range ± ${slack}`,
    agrees(measured, paperValue) {
      if (typeof measured !== "number" || !Array.isArray(paperValue)) return false;
      const [lo, hi] = paperValue as readonly [number, number];
      return measured >= lo - slack && measured <= hi + slack;
    },
  };
}

/** The measured `[lo, hi]` range overlaps the paper's range (for "ratios between x and y"). */
export function rangesOverlap(): ComparisonRule {
  return {
    describe: "measured range overlaps the paper's range",
    agrees(measured, paperValue) {
      if (!Array.isArray(measured) || !Array.isArray(paperValue)) return false;
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
    agrees: (measured, paperValue) =>
      typeof measured === "number" && typeof paperValue === "number" && measured >= paperValue,
  };
}

/** The measured number is at most the paper's number. */
export function atMost(): ComparisonRule {
  return {
    describe: "measured <= paper",
    agrees: (measured, paperValue) =>
      typeof measured === "number" && typeof paperValue === "number" && measured <= paperValue,
  };
}

/** Exact equality (for booleans and text: "the theorem holds" is `true`). */
export function equals(): ComparisonRule {
  return {
    describe: "equal",
    agrees: (measured, paperValue) => measured === paperValue,
  };
}

/** Measures one claim and derives its verdict. */
export async function evaluateClaim(spec: ClaimSpec): Promise<ClaimResult> {
  const { id, paper, where, statement, paperValue, expected } = spec;
  const common = { id, paper, where, statement, paperValue, expected };
  if (spec.expected === "not-reproducible-here") {
    return {
      ...common,
      reproducedValue: null,
      rule: null,
      verdict: "not-reproducible-here",
      explanation: spec.explanation,
      source: null,
    };
  }
  const measured = await spec.measure();
  const agrees = spec.rule.agrees(measured, spec.paperValue);
  const explanation = spec.explanation ?? null;
  return {
    ...common,
    reproducedValue: measured,
    rule: spec.rule.describe,
    verdict: agrees ? "reproduced" : explanation ? "discrepancy" : "unexplained",
    explanation,
    source: spec.source ?? null,
  };
}

/** Evaluates claims in order (sequentially, so heavy measurements do not compete for CPU). */
export async function evaluateClaims(specs: readonly ClaimSpec[]): Promise<ClaimResult[]> {
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
  readonly total: number;
  readonly reproduced: number;
  readonly discrepancy: number;
  readonly notReproducibleHere: number;
  readonly unexplained: number;
}

/** Tallies verdicts. */
export function summarizeClaims(results: readonly ClaimResult[]): ClaimsSummary {
  const count = (verdict: ClaimResult["verdict"]) =>
    results.filter((result) => result.verdict === verdict).length;
  return {
    total: results.length,
    reproduced: count("reproduced"),
    discrepancy: count("discrepancy"),
    notReproducibleHere: count("not-reproducible-here"),
    unexplained: count("unexplained"),
  };
}
