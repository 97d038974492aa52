import assert from "node:assert/strict";
import fc from "fast-check";
import { LpModel } from "../../lib/core/lp.ts";
import { ParameterError, SolverError } from "../../lib/core/errors.ts";

function bruteForceKnapsack(values: number[], weights: number[], capacity: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << values.length; mask++) {
    let value = 0;
    let weight = 0;
    for (let i = 0; i < values.length; i++) {
      if (mask & (1 << i)) {
        value += values[i]!;
        weight += weights[i]!;
      }
    }
    if (weight <= capacity) best = Math.max(best, value);
  }
  return best;
}

Deno.test("MILP knapsack optimum equals brute-force enumeration", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 })), {
        minLength: 1,
        maxLength: 10,
      }),
      fc.integer({ min: 0, max: 60 }),
      async (items, capacity) => {
        const model = new LpModel("knapsack", "maximize");
        const vars = items.map(([value], i) =>
          model.addVariable({ name: `take${i}`, upper: 1, integer: true, objective: value })
        );
        model.addConstraint(vars.map((v, i) => [v, items[i]![1]] as const), "<=", capacity);
        const result = await model.solve();
        const expected = bruteForceKnapsack(
          items.map((i) => i[0]),
          items.map((i) => i[1]),
          capacity,
        );
        assert.ok(Math.abs(result.objective - expected) < 1e-6);
        assert.equal(result.status, "optimal");
      },
    ),
    { numRuns: 30 },
  );
});

Deno.test("LP relaxation of a knapsack equals the greedy fractional optimum", async () => {
  // Items sorted by value density: (6,1), (10,2), (12,3); capacity 5 -> 6 + 10 + 12*(2/3) = 24.
  const model = new LpModel("fractional", "maximize");
  const vars = [[6, 1], [10, 2], [12, 3]].map(([value], i) =>
    model.addVariable({ name: `y${i}`, upper: 1, integer: true, objective: value })
  );
  model.addConstraint([[vars[0]!, 1], [vars[1]!, 2], [vars[2]!, 3]], "<=", 5);
  const relaxed = await model.solve({ relax: true });
  assert.ok(Math.abs(relaxed.objective - 24) < 1e-9);
  assert.ok(Math.abs(relaxed.value(vars[2]!) - 2 / 3) < 1e-9);
  const exact = await model.solve();
  assert.ok(Math.abs(exact.objective - 22) < 1e-9);
  assert.ok(exact.bound >= exact.objective - 1e-9);
});

Deno.test("LP duals satisfy strong duality on a small production problem", async () => {
  // max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18 (optimum 36 at (2, 6); duals 0, 1.5, 1).
  const model = new LpModel("wyndor", "maximize");
  const x = model.addVariable({ name: "x", objective: 3 });
  const y = model.addVariable({ name: "y", objective: 5 });
  model.addConstraint([[x, 1]], "<=", 4);
  model.addConstraint([[y, 2]], "<=", 12);
  model.addConstraint([[x, 3], [y, 2]], "<=", 18);
  const result = await model.solve();
  assert.ok(Math.abs(result.objective - 36) < 1e-9);
  const duals = [...result.rowDuals].map(Math.abs);
  assert.ok(Math.abs(duals[0]! - 0) < 1e-9 && Math.abs(duals[1]! - 1.5) < 1e-9);
  assert.ok(Math.abs(duals[2]! - 1) < 1e-9);
});

Deno.test("infeasible and unbounded models raise typed SolverErrors", async () => {
  const infeasible = new LpModel("clash", "minimize");
  const z = infeasible.addVariable({ name: "z", upper: 1 });
  infeasible.addConstraint([[z, 1]], ">=", 2);
  await assert.rejects(() => infeasible.solve(), (error: unknown) => {
    assert.ok(error instanceof SolverError);
    assert.equal(error.status, "infeasible");
    assert.match(error.message, /^clash: solver ended infeasible/);
    return true;
  });
  const unbounded = new LpModel("open", "maximize");
  const w = unbounded.addVariable({ name: "w", objective: 1 });
  unbounded.addConstraint([[w, 1]], ">=", 1);
  await assert.rejects(() => unbounded.solve(), { name: "SolverError", status: "unbounded" });
});

Deno.test("model building rejects bad bounds, coefficients and foreign variables", () => {
  const model = new LpModel("m", "minimize");
  assert.throws(() => model.addVariable({ name: "v", lower: 2, upper: 1 }), ParameterError);
  const v = model.addVariable({ name: "v" });
  assert.throws(() => model.addConstraint([[v, NaN]], "<=", 1), /parameter c0\[v\] = NaN/);
  const other = new LpModel("other", "minimize");
  other.addVariable({ name: "a" });
  const foreign = other.addVariable({ name: "b" });
  assert.throws(() => model.addConstraint([[foreign, 1]], "<=", 1), /a variable of model m/);
});

Deno.test("a node limit stops a MILP at the same incumbent on every run; bad limits are typed errors", async () => {
  const solveOnce = async () => {
    const model = new LpModel("hard-knapsack", "maximize");
    // Equal-ratio items with an odd capacity: branch and bound needs many nodes to prove optimality.
    const vars = Array.from(
      { length: 40 },
      (_, i) =>
        model.addVariable({ name: `x${i}`, upper: 1, integer: true, objective: 2 * (i % 7) + 11 }),
    );
    model.addConstraint(vars.map((v, i) => [v, 2 * (i % 7) + 10] as const), "<=", 201);
    return await model.solve({ mipMaxNodes: 1, acceptTimeLimit: true });
  };
  const first = await solveOnce();
  const second = await solveOnce();
  assert.ok(first.status === "node-limit" || first.status === "optimal", first.status);
  assert.equal(first.objective, second.objective);
  assert.deepEqual([...first.values], [...second.values]);
  assert.ok(first.bound >= first.objective - 1e-9);
  const model = new LpModel("m", "maximize");
  model.addVariable({ name: "x", upper: 1, integer: true, objective: 1 });
  await assert.rejects(() => model.solve({ mipMaxNodes: 0 }), ParameterError);
});
