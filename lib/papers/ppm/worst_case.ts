/**
 * The adversarial arrival instance behind Eq. 13 (Section 3.2): a continuum of customers whose
 * per-unit value equals the current posted price up to utilisation v (they all buy), followed by
 * customers worth p̄ who find the resource priced at φ(v) ≥ p̄. Offline accepts only the latter.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { adversarialRatio } from "./worst_case.ts";
 * const ratio = adversarialRatio({ a: 1, s: 3, pbar: 2 });
 * assert.ok(Math.abs(ratio - 3 ** 1.5) < 1e-6); // α_s^min = 5.196 for the default φ_w
 * ```
 *
 * @module
 */
import { integrate } from "../../core/numerics.ts";
import { type PowerSetup, validatePowerSetup } from "./power_theory.ts";
import { optimalPricingFunction, type PricingChoice } from "./power_pricing.ts";
import type { Instance } from "./instance.ts";

/**
 * Eq. 13 generalised to any member: offline sells v = min(1, f'^{-1}(p̄)) units at p̄,
 * (p̄·v − f(v)); online sells up to m, the end of φ's domain (φ(m) = p̄), (∫_0^m φ − f(m)).
 * For φ_v (m = v) this is exactly Eq. 13.
 *
 * @returns the worst-case ratio the pricing function admits on this instance
 */
export function adversarialRatio(setup: PowerSetup, choice?: PricingChoice): number {
  const { a, s, pbar } = validatePowerSetup(setup);
  const pricing = optimalPricingFunction(setup, choice);
  const m = pricing.domainEnd;
  const v = Math.min(1, (pbar / (a * s)) ** (1 / (s - 1)));
  const area = integrate(pricing.phi, 0, m, { absTolerance: 1e-12, relTolerance: 1e-10 });
  return (pbar * v - a * v ** s) / (area - a * m ** s);
}

/**
 * A discrete version of the instance (one slot, bundle size `step`): customers at the posted
 * price of each utilisation level up to the domain end, then as many worth just under p̄.
 */
export function adversarialInstance(setup: PowerSetup, step: number): Instance {
  const { a, s, pbar } = validatePowerSetup(setup);
  const pricing = optimalPricingFunction(setup);
  const count = Math.floor(pricing.domainEnd / step);
  const cheap = Array.from({ length: count }, (_, i) => ({
    arrival: 0,
    duration: 1,
    valuations: [pricing.phi(i * step) * step],
  }));
  const v = Math.min(1, (pbar / (a * s)) ** (1 / (s - 1)));
  const rich = Array.from({ length: Math.floor(v / step) }, () => ({
    arrival: 0,
    duration: 1,
    valuations: [pbar * step * (1 - 1e-9)],
  }));
  return {
    slots: 1,
    resources: [{ name: "r", cost: { kind: "power", a, s }, pbar }],
    bundles: [[step]],
    customers: [...cheap, ...rich],
  };
}
