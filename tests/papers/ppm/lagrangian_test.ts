import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../../lib/core/errors.ts";
import { lagrangianBracket } from "../../../lib/papers/ppm/lagrangian.ts";
import { minimizeNewtonCg } from "../../../lib/papers/ppm/newton_cg.ts";
import { evaluateAllocation, offlineOptimum } from "../../../lib/papers/ppm/offline.ts";
import { simulate } from "../../../lib/papers/ppm/mechanism.ts";
import { buildInstance, CBAR_CPU } from "../../../lib/papers/ppm/experiments.ts";
import { bruteForceOptimum, randomSmallInstance } from "./small_instances.ts";

Deno.test("property: the Lagrangian bracket contains the brute-force optimum", () => {
  fc.assert(
    fc.property(randomSmallInstance, (instance) => {
      const exact = bruteForceOptimum(instance);
      const b = lagrangianBracket(instance);
      const tol = 1e-9 * Math.max(1, Math.abs(exact));
      assert.ok(b.lower <= exact + tol && exact <= b.upper + tol, `${b.lower} ${exact} ${b.upper}`);
      // The lower bound is the exact welfare of a feasible allocation.
      const { welfare, utilisation } = evaluateAllocation(instance, b.allocation);
      assert.equal(welfare, b.lower);
      assert.ok(utilisation.every((y) => y.every((v) => v <= 1 + 1e-9)));
    }),
    { seed: 5, numRuns: 40 },
  );
});

Deno.test("Lagrangian upper bound is valid at any prices: it never undercuts the MILP optimum", async () => {
  const instance = buildInstance({
    case: "UE",
    pbar: 2 * CBAR_CPU,
    jobs: 30,
    slots: 40,
    seed: 7,
    jobSource: "synthetic",
  }).instance;
  const milp = await offlineOptimum(instance, { exact: true, tangents: 64 });
  // One evaluation (no price search) is a loose but valid bound; the full search is tight.
  const loose = lagrangianBracket(instance, { stages: 1, evaluationsPerStage: 1, passes: 0 });
  const tight = lagrangianBracket(instance);
  assert.ok(loose.upper >= milp.lower - 1e-9, `${loose.upper} < ${milp.lower}`);
  assert.ok(tight.upper >= milp.lower - 1e-9 && tight.upper <= loose.upper);
  assert.ok(tight.lower <= milp.upper + 1e-9);
});

Deno.test("Lagrangian bracket agrees with the HiGHS LP bracket on a sampled Section 6 instance", async () => {
  const { instance } = buildInstance({
    case: "EE",
    pbar: 3 * CBAR_CPU,
    jobs: 300,
    slots: 360,
    seed: 11,
    jobSource: "synthetic",
  });
  const online = simulate(instance, { kind: "optimal" });
  const lp = await offlineOptimum(instance, { tangents: 64, incumbents: [online.decisions] });
  const dual = lagrangianBracket(instance, { incumbents: [online.decisions] });
  // Both are certified brackets of the same W_opt, so they must overlap …
  assert.ok(dual.lower <= lp.upper + 1e-9 && lp.lower <= dual.upper + 1e-9);
  // … and the dual bound, with the exact cost, is within 0.1 % of the tangent LP bound.
  assert.ok(Math.abs(dual.upper - lp.upper) <= 1e-3 * lp.upper, `${dual.upper} ${lp.upper}`);
  assert.ok(dual.lower >= online.welfare - 1e-9);
});

Deno.test("Lagrangian bracket: bad options give a ParameterError", () => {
  const instance = buildInstance({
    case: "UE",
    pbar: 2,
    jobs: 5,
    slots: 20,
    seed: 1,
    jobSource: "synthetic",
  }).instance;
  assert.throws(() => lagrangianBracket(instance, { stages: 0 }), ParameterError);
  assert.throws(() => lagrangianBracket(instance, { evaluationsPerStage: 1.5 }), ParameterError);
  assert.throws(() => lagrangianBracket(instance, { passes: -1 }), ParameterError);
});

Deno.test("Newton-CG minimises a coupled convex quadratic to its closed-form minimiser", () => {
  // f(x) = Σ_i w_i (x_i − i)² + (Σ_i (x_i − i))²: f ≥ 0 and f = 0 only at x_i = i. The coupling
  // term makes the Hessian dense, so the diagonal preconditioner alone cannot solve it.
  const n = 50;
  const weight = (i: number) => 1 + i;
  const r = minimizeNewtonCg(
    {
      objective: (x, g) => {
        let coupled = 0;
        for (let i = 0; i < n; i++) coupled += x[i]! - i;
        let f = coupled ** 2;
        for (let i = 0; i < n; i++) {
          f += weight(i) * (x[i]! - i) ** 2;
          g[i] = 2 * weight(i) * (x[i]! - i) + 2 * coupled;
        }
        return f;
      },
      hessianTimes: (v, out) => {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += v[i]!;
        for (let i = 0; i < n; i++) out[i] = 2 * weight(i) * v[i]! + 2 * sum;
      },
      hessianDiagonal: (out) => {
        for (let i = 0; i < n; i++) out[i] = 2 * weight(i) + 2;
      },
    },
    new Float64Array(n),
    { maxEvaluations: 200 },
  );
  r.x.forEach((v, i) => assert.ok(Math.abs(v - i) < 1e-6, `${i}: ${v}`));
  const trivial = { objective: () => 0, hessianTimes: () => {}, hessianDiagonal: () => {} };
  assert.throws(
    () => minimizeNewtonCg(trivial, new Float64Array(1), { cgIterations: 0 }),
    ParameterError,
  );
  assert.throws(
    () => minimizeNewtonCg(trivial, new Float64Array(1), { gradientTolerance: Number.NaN }),
    ParameterError,
  );
});
