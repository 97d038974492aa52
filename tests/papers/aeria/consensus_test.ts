import fc from "fast-check";
import { assert, assertClose, assertEquals, assertThrows } from "./_assert.ts";
import {
  centre,
  consensusBase,
  consensusEstimate,
  revenueBound,
} from "../../../lib/papers/aeria/consensus.ts";
import { theorem2MonteCarlo } from "../../../lib/papers/aeria/properties.ts";
import { createRng } from "../../../lib/core/rng.ts";

Deno.test("consensusBase maximises the Theorem 2 bound (dense grid) and the bound is 1/y there", () => {
  for (const delta of [1.01, 1.1, 1.25, 2, 5, 50]) {
    const { y, ratio } = consensusBase(delta);
    let gridBest = -Infinity;
    for (let k = 1; k <= 200_000; k++) {
      const candidate = delta * (1 + k * 1e-4 * Math.max(1, Math.log(delta) * 10));
      gridBest = Math.max(gridBest, revenueBound(delta, candidate));
    }
    assert(ratio >= gridBest - 1e-9, `δ=${delta}: ${ratio} < grid ${gridBest}`);
    assertClose(ratio, 1 / y, 1e-12, `δ=${delta}`);
    assertClose(revenueBound(delta, y), ratio, 1e-15);
  }
});

Deno.test("consensusBase rejects δ ≤ 1 and non-finite δ with typed errors", () => {
  assertThrows(() => consensusBase(1), /parameter delta = 1 is invalid/);
  assertThrows(() => consensusBase(Infinity), /delta/);
  assertThrows(() => consensusBase(Number.NaN), /delta/);
});

Deno.test("Eq. 12: f(ϖ) is ϖ rounded down to the grid y^(w+ε)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
      fc.double({ min: 1.01, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (value, y, epsilon) => {
        const f = consensusEstimate(value, y, epsilon);
        assert(f <= value * (1 + 1e-12) && f * y > value * (1 - 1e-12));
        const w = Math.log(f) / Math.log(y) - epsilon;
        assertClose(w, Math.round(w), 1e-6);
      },
    ),
    { seed: 2, numRuns: 500 },
  );
});

Deno.test("Lemma 1: f(Π) = f(Π') for Π' ≤ Π exactly when f(Π) ≤ Π'", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1, max: 1e6, noNaN: true }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.double({ min: 1.05, max: 20, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (pi, fraction, y, epsilon) => {
        const reduced = pi * fraction;
        const same =
          Math.abs(consensusEstimate(pi, y, epsilon) - consensusEstimate(reduced, y, epsilon)) <=
            1e-9 * pi;
        const condition = consensusEstimate(pi, y, epsilon) <= reduced * (1 + 1e-12);
        // Skip draws within rounding distance of a grid point.
        const margin = Math.abs(consensusEstimate(pi, y, epsilon) / reduced - 1);
        if (margin > 1e-9) assertEquals(same, condition);
      },
    ),
    { seed: 4, numRuns: 2000 },
  );
});

Deno.test("Lemma 2: log_y f(ϖ) − log_y ϖ + 1 is uniform on [0, 1] (Kolmogorov-Smirnov)", () => {
  const rng = createRng(9).stream("lemma2");
  const y = 3.7;
  const n = 4000;
  const u = Array.from({ length: n }, () => {
    const value = Math.exp(rng.uniformIn(-5, 15));
    return Math.log(consensusEstimate(value, y, rng.uniform()) / value) / Math.log(y) + 1;
  }).sort((a, b) => a - b);
  const d = Math.max(...u.map((x, i) => Math.max((i + 1) / n - x, x - i / n)));
  assert(d < 1.63 / Math.sqrt(n), `KS distance ${d} above the 1% critical value`); // α = 0.01
});

Deno.test("Theorem 2 (Monte Carlo, 99.9% CI): E[f·1{f ≤ Π/δ}]/Π equals the bound, CENTRE exceeds it", () => {
  for (const delta of [1.05, 1.25, 2, 5]) {
    const check = theorem2MonteCarlo(delta, 20_000, 17);
    // The integral in Theorem 2's proof is exactly the truncated mean: the CI must contain it.
    assert(
      check.truncated.lo <= check.bound && check.bound <= check.truncated.hi,
      JSON.stringify(check),
    );
    assert(check.centre.lo <= check.centreExact && check.centreExact <= check.centre.hi);
    assert(check.centre.lo > check.bound);
  }
});

Deno.test("CENTRE: the target lies in (Π/y, Π/δ] and the loop count is geometric", () => {
  const rng = createRng(12).stream("centre");
  const delta = 3;
  const { y } = consensusBase(delta);
  const success = 1 - Math.log(delta) / Math.log(y);
  let iterations = 0;
  const runs = 5000;
  for (let k = 0; k < runs; k++) {
    const r = centre(100, delta, y, () => rng.uniform());
    assert(r.target > 100 / y && r.target <= 100 / delta);
    iterations += r.iterations;
  }
  const mean = iterations / runs;
  const sd = Math.sqrt((1 - success) / success ** 2 / runs);
  assertClose(mean, 1 / success, 4 * sd);
});

Deno.test("CENTRE is bounded even for an ε source that never succeeds", () => {
  const { y } = consensusBase(1.5);
  // ε → 1⁻ keeps f(Π) in (Π/δ, Π] for Π = y^(k+1−tiny), so every draw fails.
  assertThrows(() => centre(y ** 3, 1.5, y, () => 0.999999999), /CENTRE consensus estimate/);
  assertThrows(() => centre(10, 1.5, 1.2, Math.random), /y > delta/);
});
