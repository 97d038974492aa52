/**
 * Closed forms of Section 4 for f(y) = a·y^s: α_s^min and u_s (Theorem 2, Eq. 18), α_s(u),
 * the lower bounds α̲_1(u) (Eq. 17) and α̲_2(u) (root of Eq. 19), C_s (Eq. 22), the critical
 * dividing threshold u_cdt (Proposition 2), α_* (Corollary 2), ρ_s (Lemma 2) and φ_ivp (Eq. 25).
 *
 * Integrals ∫ η^{s−1}e^{−η} dη are lower incomplete gamma differences (@stdlib gammainc).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyzePowerCost } from "./power_theory.ts";
 * const r = analyzePowerCost({ a: 0.223, s: 3, pbar: 2 * 0.669 });
 * assert.equal(r.regime, "HUC1");
 * assert.ok(Math.abs(r.alphaStar - 3 ** 1.5) < 1e-9); // α_s^min = s^{s/(s−1)}
 * ```
 *
 * @module
 */
import gammainc from "@stdlib/math-base-special-gammainc";
import { ParameterError } from "../../core/errors.ts";
import { findRoot } from "../../core/numerics.ts";
import {
  requireFinite,
  requireGreaterThan,
  requireInRange,
  requireNonNegative,
  requireObject,
  requirePositive,
} from "../../core/validate.ts";

/** Set-up of a power cost f(y) = a·y^s with PUV upper bound p̄. */
export interface PowerSetup {
  /** a, the cost coefficient */
  readonly a: number;
  /** s > 1, the cost exponent */
  readonly s: number;
  /** p̄, the upper bound of the per-unit valuation */
  readonly pbar: number;
}

/** The three cases of Corollary 2. */
export type Regime = "LUC" | "HUC1" | "HUC2";

/** Output of {@link analyzePowerCost}. */
export interface PowerAnalysis {
  /** which case of Corollary 2 applies */
  readonly regime: Regime;
  /** α_s^min = s^{s/(s−1)}. */
  readonly alphaMin: number;
  /** u_s = s^{−1/(s−1)}. */
  readonly uS: number;
  /** C_s (Eq. 22), in the same units as p̄. */
  readonly cS: number;
  /** c̄ = a·s. */
  readonly cBar: number;
  /** Critical dividing threshold (Proposition 2); `null` in LUC. */
  readonly uCdt: number | null;
  /** Optimal competitive ratio α_* (Eq. 23). */
  readonly alphaStar: number;
}

/** Validates a power set-up (s > 1, a > 0, p̄ > c̲ = 0). */
export function validatePowerSetup(setup: PowerSetup): PowerSetup {
  requireObject("setup", setup, "a power set-up { a, s, pbar }");
  requirePositive("a", setup.a);
  requireGreaterThan("s", setup.s, 1, "s > 1 (strictly convex power cost)");
  requireGreaterThan("pbar", setup.pbar, 0, "pbar > c_low = f'(0) = 0");
  return setup;
}

/** ∫_lo^hi η^{s−1} e^{−η} dη (lower incomplete gamma difference). */
export function gammaIntegral(s: number, lo: number, hi: number): number {
  requirePositive("s", s);
  requireNonNegative("lo", lo);
  requireNonNegative("hi", hi);
  return gammainc(hi, s, false) - gammainc(lo, s, false);
}

/** α_s^min = s^{s/(s−1)} (Theorem 2). */
export function alphaMin(s: number): number {
  requireGreaterThan("s", s, 1, "s > 1");
  return s ** (s / (s - 1));
}

/** u_s = (1/s)^{1/(s−1)} (Eq. 18). */
export function uS(s: number): number {
  requireGreaterThan("s", s, 1, "s > 1");
  return s ** (-1 / (s - 1));
}

/** α_s(u) = (s−1)/(u − u^s) (Eq. 18). */
export function alphaS(s: number, u: number): number {
  requireGreaterThan("s", s, 1, "s > 1");
  requireInRange("u", u, Number.MIN_VALUE, 1 - 1e-15);
  return (s - 1) / (u - u ** s);
}

/** α̲_1(u) (Eq. 17). */
export function lowerBound1(s: number, u: number): number {
  requireInRange("u", u, 0, 1);
  return u < uS(s) ? alphaS(s, u) : alphaMin(s);
}

/**
 * φ(1; α, u)/c̄ for the H2 dynamics φ' = α(φ − c̄y^{s−1}), φ(u) = c̄ (Eq. 99 at y = 1).
 */
export function h2EndValueRatio(s: number, alpha: number, u: number): number {
  requireGreaterThan("s", s, 1, "s > 1");
  requirePositive("alpha", alpha);
  requireInRange("u", u, 0, 1);
  return Math.exp(alpha * (1 - u)) -
    Math.exp(alpha - (s - 1) * Math.log(alpha)) * gammaIntegral(s, alpha * u, alpha);
}

/**
 * α̲_2(u): the unique root of Eq. 19, i.e. the α with φ(1; α, u) = p̄ (Theorem 4).
 *
 * @param pbarOverCbar p̄/c̄ > 1 (HUC)
 */
export function lowerBound2(s: number, u: number, pbarOverCbar: number): number {
  requireGreaterThan("pbar/cbar", pbarOverCbar, 1, "pbar > cbar (HUC)");
  requireInRange("u", u, Number.MIN_VALUE, 1 - 1e-12);
  const gap = (alpha: number) => h2EndValueRatio(s, alpha, u) - pbarOverCbar;
  let hi = 1;
  while (gap(hi) < 0) hi *= 2;
  return findRoot(gap, 1e-9, hi);
}

/** C_s (Eq. 22) in units of c̄: φ_ivp(1; u_s) with α = α_s^min. */
export function cSRatio(s: number): number {
  requireGreaterThan("s", s, 1, "s > 1");
  requireInRange("s", s, 1, 140); // s^s overflows above about 143
  const am = alphaMin(s);
  return (Math.exp(-s) - gammaIntegral(s, s, am) / s ** s) * Math.exp(am);
}

/** Regime of Corollary 2 for p̄/c̄. */
export function regimeOf(s: number, pbarOverCbar: number): Regime {
  requireGreaterThan("s", s, 1, "s > 1");
  requirePositive("pbar/cbar", pbarOverCbar);
  if (pbarOverCbar <= 1) return "LUC";
  return pbarOverCbar <= cSRatio(s) ? "HUC1" : "HUC2";
}

/**
 * The critical dividing threshold u_cdt (Proposition 2): in HUC1 the root in [u_s, 1) of
 * φ(1; α_s^min, u) = p̄; in HUC2 the root in (0, u_s) of φ(1; α_s(u), u) = p̄.
 *
 * @throws {ParameterError} when p̄/c̄ ≤ 1 (the LUC regime, where u_cdt is undefined)
 */
export function criticalThreshold(s: number, pbarOverCbar: number): number {
  const regime = regimeOf(s, pbarOverCbar);
  if (regime === "LUC") {
    throw new ParameterError("pbarOverCbar", pbarOverCbar, "> 1 (u_cdt is defined only in HUC)");
  }
  const us = uS(s);
  if (regime === "HUC1") {
    const am = alphaMin(s);
    return findRoot((u) => h2EndValueRatio(s, am, u) - pbarOverCbar, us, 1 - 1e-13);
  }
  // HUC2: α_s(u) → ∞ as u → 0; search the lower end geometrically.
  const gap = (u: number) => h2EndValueRatio(s, alphaS(s, u), u) - pbarOverCbar;
  let lo = us / 2;
  while (gap(lo) < 0 || !Number.isFinite(gap(lo))) lo /= 2;
  return findRoot(gap, lo, us);
}

/** α_* (Corollary 2, Eq. 23) for p̄/c̄. */
export function alphaStarOf(s: number, pbarOverCbar: number): number {
  return regimeOf(s, pbarOverCbar) === "HUC2"
    ? alphaS(s, criticalThreshold(s, pbarOverCbar))
    : alphaMin(s);
}

/**
 * φ_ivp(y; u)/c̄ (Eq. 25) with α = α̲_1(u), for y ∈ [u, 1].
 */
export function phiIvpRatio(
  s: number,
  u: number,
  y: number,
  alpha: number = lowerBound1(s, u),
): number {
  requireGreaterThan("s", s, 1, "s > 1");
  requireInRange("u", u, 0, 1);
  requireFinite("y", y);
  requirePositive("alpha", alpha);
  return Math.exp(alpha * y - (s - 1) * Math.log(alpha)) *
      gammaIntegral(s, alpha * y, alpha * u) + Math.exp((y - u) * alpha);
}

/** ρ_s (Lemma 2, Eq. 26): φ_ivp(ρ_s; u_s) = p̄, for p̄ ∈ (c̄, C_s]. */
export function rhoS(s: number, pbarOverCbar: number): number {
  requireInRange("pbar/cbar", pbarOverCbar, 1, cSRatio(s) * (1 + 1e-12));
  const us = uS(s);
  return findRoot((y) => phiIvpRatio(s, us, y) - pbarOverCbar, us, 1);
}

/**
 * Theory summary for f(y) = a·y^s and p̄ (Section 4).
 *
 * @param setup a > 0, s > 1, p̄ > 0
 * @returns regime, α_s^min, u_s, C_s (absolute units), c̄, u_cdt (null in LUC), α_*
 * @throws {ParameterError} on a ≤ 0, s ≤ 1 or p̄ ≤ 0
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analyzePowerCost } from "./power_theory.ts";
 * assert.equal(analyzePowerCost({ a: 1, s: 2, pbar: 10 }).regime, "HUC2");
 * ```
 */
export function analyzePowerCost(setup: PowerSetup): PowerAnalysis {
  const { a, s, pbar } = validatePowerSetup(setup);
  const cBar = a * s;
  const ratio = pbar / cBar;
  const regime = regimeOf(s, ratio);
  const uCdt = regime === "LUC" ? null : criticalThreshold(s, ratio);
  return {
    regime,
    alphaMin: alphaMin(s),
    uS: uS(s),
    cS: cSRatio(s) * cBar,
    cBar,
    uCdt,
    alphaStar: regime === "HUC2" ? alphaS(s, uCdt!) : alphaMin(s),
  };
}
