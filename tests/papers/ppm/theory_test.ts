import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../../lib/core/errors.ts";
import { polynomialCost, powerCost } from "../../../lib/papers/ppm/cost.ts";
import * as T from "../../../lib/papers/ppm/power_theory.ts";
import { numericLowerBound2, shootSingular } from "../../../lib/papers/ppm/shooting.ts";
import { optimalPricingFunction } from "../../../lib/papers/ppm/power_pricing.ts";
import { designPricing } from "../../../lib/papers/ppm/general_design.ts";

const close = (a: number, b: number, rel: number, msg = "") =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300), `${msg} ${a} vs ${b}`);

Deno.test("α̲_2(u): root of Eq. 19 equals RK45 shooting of Eq. 16b", () => {
  for (const [s, u, ratio] of [[3, 0.5, 3], [2, 0.3, 6], [1.5, 0.7, 2]] as const) {
    const cost = powerCost(1, s);
    close(
      T.lowerBound2(s, u, ratio),
      numericLowerBound2(cost, u, ratio * cost.cBar),
      1e-7,
      `s=${s}`,
    );
  }
});

Deno.test("analyzePowerCost regimes, C_s split and α_* against the numerical design", () => {
  const a = 0.5;
  const s = 2;
  const cBar = a * s;
  const cs = T.cSRatio(s);
  assert.equal(T.analyzePowerCost({ a, s, pbar: 0.7 * cBar }).regime, "LUC");
  assert.equal(T.analyzePowerCost({ a, s, pbar: 0.99 * cs * cBar }).regime, "HUC1");
  assert.equal(T.analyzePowerCost({ a, s, pbar: 1.01 * cs * cBar }).regime, "HUC2");
  for (const ratio of [0.7, 2, 8]) {
    const theory = T.analyzePowerCost({ a, s, pbar: ratio * cBar });
    const numeric = designPricing(powerCost(a, s), ratio * cBar, 1e-4);
    close(numeric.alpha, theory.alphaStar, 2e-3, `ratio=${ratio}`);
    if (theory.uCdt !== null) close(numeric.u!, theory.uCdt, 3e-3, "u_cdt");
  }
});

Deno.test("optimal pricing: boundary conditions of Theorem 5 hold numerically", () => {
  const a = 0.223;
  const s = 3;
  const cBar = a * s;
  // LUC, φ_m family (corrected Eq. 28): φ(0) = 0, φ_m(m) = p̄.
  const pbarLuc = 0.5 * cBar;
  const v = 0.5 ** 0.5;
  for (const m of [v * T.uS(s), 0.55, v]) {
    const f = optimalPricingFunction({ a, s, pbar: pbarLuc }, { kind: "luc", m });
    assert.equal(f.phi(0), 0);
    close(f.phi(m), pbarLuc, 1e-6, `φ_m(m), m=${m}`);
    close(f.domainEnd, m, 1e-6, "domain end");
  }
  // HUC1: φ_u(u) = c̄, φ_u(ρ) = p̄ and ρ_s from Lemma 2 for u = u_s; u_cdt reaches p̄ at 1.
  const ratio = 3;
  const uc = T.criticalThreshold(s, ratio);
  for (const u of [T.uS(s), 0.62, uc]) {
    const f = optimalPricingFunction({ a, s, pbar: ratio * cBar }, { kind: "huc1", u });
    close(f.phi(u), cBar, 1e-9, `φ_u(u) u=${u}`);
    close(f.phi(f.domainEnd), ratio * cBar, 1e-6, "φ(ρ) = p̄");
  }
  close(optimalPricingFunction({ a, s, pbar: ratio * cBar }).domainEnd, T.rhoS(s, ratio), 1e-9);
  const last = optimalPricingFunction({ a, s, pbar: ratio * cBar }, { kind: "huc1", u: uc });
  close(last.domainEnd, 1, 1e-6, "ρ = 1 at u_cdt");
  // HUC2: φ(u_cdt) = c̄, φ(1) = p̄, linear scaled segment f'(y/u_cdt).
  const h2 = optimalPricingFunction({ a, s, pbar: 9 * cBar });
  close(h2.phi(h2.u!), cBar, 1e-9);
  close(h2.phi(1), 9 * cBar, 1e-6);
  close(h2.phi(0.2), cBar * (0.2 / h2.u!) ** (s - 1), 1e-9);
});

Deno.test("optimal pricing solves its ODE (finite differences) and matches backward RK45 shooting", () => {
  const a = 1;
  const s = 2.5;
  const cBar = a * s;
  const cost = powerCost(a, s);
  const ratio = 1.5;
  const uc = T.criticalThreshold(s, ratio);
  const u = 0.5 * (T.uS(s) + uc);
  const f = optimalPricingFunction({ a, s, pbar: ratio * cBar }, { kind: "huc1", u });
  const alpha = T.alphaMin(s);
  for (const y of [0.1, 0.3, 0.5 * u, 0.9 * u]) {
    const h = 1e-5;
    const slope = (f.phi(y + h) - f.phi(y - h)) / (2 * h);
    const rhs = alpha * (f.phi(y) - cost.marginal(y)) / cost.inverseMarginal(f.phi(y));
    close(slope, rhs, 1e-5, `H1 ODE at ${y}`);
  }
  for (const y of [u + 0.05, 0.95]) {
    const h = 1e-5;
    const slope = (f.phi(y + h) - f.phi(y - h)) / (2 * h);
    close(slope, alpha * (f.phi(y) - cost.marginal(y)), 1e-5, `H2 ODE at ${y}`);
  }
  const shot = shootSingular(cost, alpha, u, cBar);
  assert.ok(shot.feasible);
  for (const y of [0.05, 0.2, 0.4]) close(f.phi(y), cost.marginal(shot.q(y)), 1e-5, `shoot ${y}`);
});

Deno.test("general model: polynomial cost with c̲ > 0 gets a valid numerical design", () => {
  const cost = polynomialCost([{ coefficient: 0.2, exponent: 1 }, { coefficient: 1, exponent: 3 }]);
  const d = designPricing(cost, 4 * cost.cBar, 1e-3);
  assert.equal(d.regime, "HUC");
  close(d.phi(0), cost.cLow, 1e-3, "φ(0) = c̲");
  close(d.phi(d.u!), cost.cBar, 1e-6, "φ(u) = c̄");
  close(d.phi(1), 4 * cost.cBar, 1e-4, "φ(1) = p̄");
  for (const y of [0.1, 0.5, 0.9]) assert.ok(d.phi(y) >= cost.marginal(y) - 1e-9);
});

Deno.test("bad set-ups throw ParameterError naming the parameter", () => {
  assert.throws(
    () => T.analyzePowerCost({ a: 1, s: 1, pbar: 2 }),
    (e) => e instanceof ParameterError && e.parameter === "s",
  );
  assert.throws(
    () => T.analyzePowerCost({ a: 0, s: 2, pbar: 2 }),
    (e) => e instanceof ParameterError && e.parameter === "a",
  );
  assert.throws(
    () => T.analyzePowerCost({ a: 1, s: 2, pbar: 0 }),
    (e) => e instanceof ParameterError && e.parameter === "pbar",
  );
  assert.throws(
    () => optimalPricingFunction({ a: 1, s: 2, pbar: 1 }, { kind: "luc", m: 0.01 }),
    ParameterError,
  );
});

Deno.test("property: α̲_2 is increasing in u and α̲_1 non-increasing (Theorems 3-4)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1.3, max: 4, noNaN: true }),
      fc.double({ min: 1.5, max: 20, noNaN: true }),
      fc.double({ min: 0.05, max: 0.85, noNaN: true }),
      (s, ratio, u) => {
        if (!(T.lowerBound2(s, u + 0.05, ratio) > T.lowerBound2(s, u, ratio))) {
          console.log(s, ratio, u, T.lowerBound2(s, u + 0.05, ratio), T.lowerBound2(s, u, ratio));
        }
        const du = 0.05;
        return T.lowerBound2(s, u + du, ratio) > T.lowerBound2(s, u, ratio) &&
          T.lowerBound1(s, u + du) <= T.lowerBound1(s, u) + 1e-12;
      },
    ),
    { seed: 7, numRuns: 40 },
  );
});

Deno.test("criticalThreshold in LUC (p̄ ≤ c̄) is a ParameterError naming p̄/c̄", () => {
  assert.throws(
    () => T.criticalThreshold(2, 0.8),
    (e: unknown) => e instanceof ParameterError && e.parameter === "pbarOverCbar",
  );
});
