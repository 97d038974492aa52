import assert from "node:assert/strict";
import fc from "fast-check";
import gammainc from "@stdlib/math-base-special-gammainc";
import { findRoot, integrate, solveOde } from "../../lib/core/numerics.ts";
import { ParameterError, SolverError } from "../../lib/core/errors.ts";

Deno.test("findRoot recovers cube roots to machine precision", () => {
  fc.assert(fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), (c) => {
    const root = findRoot((x) => x * x * x - c, 0, Math.max(1, c));
    assert.ok(Math.abs(root - Math.cbrt(c)) <= 1e-12 * Math.max(1, Math.cbrt(c)));
  }));
});

Deno.test("findRoot solves a transcendental equation (Dottie number)", () => {
  assert.ok(Math.abs(findRoot((x) => Math.cos(x) - x, 0, 1) - 0.7390851332151607) < 1e-14);
});

Deno.test("findRoot rejects a bracket without sign change and non-finite values", () => {
  assert.throws(() => findRoot((x) => x * x + 1, -1, 1), ParameterError);
  assert.throws(() => findRoot((x) => Math.log(x), -1, 2), /f\(x\) = NaN is invalid/);
});

Deno.test("integrate agrees with the regularised incomplete gamma function", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.5, max: 6, noNaN: true }),
      fc.double({ min: 0.1, max: 15, noNaN: true }),
      (shape, x) => {
        const gammaShape = Math.exp(logGamma(shape));
        const numeric = integrate((t) => Math.pow(t, shape - 1) * Math.exp(-t), 0, x, {
          absTolerance: 1e-12,
        }) / gammaShape;
        assert.ok(Math.abs(numeric - gammainc(x, shape)) < 1e-7, `${shape} ${x}`);
      },
    ),
    { numRuns: 40 },
  );
});

Deno.test("integrate handles reversed and empty intervals", () => {
  assert.ok(Math.abs(integrate(Math.sin, Math.PI, 0) + 2) < 1e-12);
  assert.equal(integrate(Math.sin, 1, 1), 0);
});

Deno.test("solveOde matches closed forms of linear systems, forward and backward", () => {
  // Harmonic oscillator y'' = -y, y(0) = 0, y'(0) = 1: y = sin t.
  const oscillator = solveOde((_t, y) => [y[1]!, -y[0]!], [0, 6], [0, 1]);
  for (const t of [0.3, 1.7, 4.2, 6]) {
    assert.ok(Math.abs(oscillator.at(t)[0]! - Math.sin(t)) < 1e-7, `t=${t}`);
  }
  // Backward: y' = y from t=1 (y=e) to t=0 gives y(0)=1.
  const backward = solveOde((_t, y) => [y[0]!], [1, 0], [Math.E]);
  assert.ok(Math.abs(backward.at(0)[0]! - 1) < 1e-9);
  assert.throws(() => backward.at(2), /parameter t = 2 is invalid/);
});

Deno.test("solveOde rejects an empty span", () => {
  assert.throws(() => solveOde((_t, y) => [...y], [1, 1], [1]), /parameter span/);
});

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), an independent check on the integral's normaliser.
  const c = [
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

Deno.test("solveOde does not trust a zero initial slope over a large first step", () => {
  // y' = 3 t^2 starts flat; a span-sized first step would see slope 0 and return y = 0.
  const cubic = solveOde((t) => [3 * t * t], [0, 10], [0], { maxStep: 1 });
  assert.ok(Math.abs(cubic.at(10)[0]! - 1000) < 1e-6);
});

Deno.test("solveOde: a huge state fails fast with a SolverError, bad inputs are ParameterErrors", () => {
  const started = performance.now();
  assert.throws(
    () => solveOde((_t, y) => [-y[0]!], [0, 1], [1e308], { maxIterations: 200 }),
    (error: unknown) =>
      error instanceof SolverError && /not reached in 200 steps/.test(error.message),
  );
  assert.ok(performance.now() - started < 5000);
  const decay = (_t: number, y: readonly number[]) => [-y[0]!];
  for (
    const [y0, options, parameter] of [
      [[], {}, "y0"],
      [[Number.NaN], {}, "y0[0]"],
      [[1], { maxIterations: 0.5 }, "maxIterations"],
      [[1], { maxStep: -1 }, "maxStep"],
      [[1], { firstStep: Number.NaN }, "firstStep"],
    ] as const
  ) {
    assert.throws(
      () => solveOde(decay, [0, 1], y0, options),
      (error: unknown) =>
        error instanceof ParameterError && error.message.includes(`parameter ${parameter} `),
    );
  }
});
