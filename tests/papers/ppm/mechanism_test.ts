import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../../lib/core/errors.ts";
import { simulate } from "../../../lib/papers/ppm/mechanism.ts";
import { offlineOptimum } from "../../../lib/papers/ppm/offline.ts";
import {
  bruteForceOptimum as bruteForce,
  randomSmallInstance as randomInstance,
} from "./small_instances.ts";
import type { Instance } from "../../../lib/papers/ppm/instance.ts";
import { adversarialInstance } from "../../../lib/papers/ppm/worst_case.ts";
import { alphaStarOf } from "../../../lib/papers/ppm/power_theory.ts";

Deno.test("offline bracket contains the brute-force optimum (MILP and LP relaxation)", async () => {
  await fc.assert(
    fc.asyncProperty(randomInstance, async (instance) => {
      const exact = bruteForce(instance);
      const milp = await offlineOptimum(instance, { exact: true, tangents: 64 });
      const lp = await offlineOptimum(instance, { tangents: 16 });
      const tol = 1e-7 * Math.max(1, Math.abs(exact));
      assert.ok(
        milp.lower <= exact + tol && exact <= milp.upper + tol,
        `milp ${milp.lower} ${exact} ${milp.upper}`,
      );
      assert.ok(
        lp.lower <= exact + tol && exact <= lp.upper + tol,
        `lp ${lp.lower} ${exact} ${lp.upper}`,
      );
    }),
    { seed: 3, numRuns: 25 },
  );
});

Deno.test("property: PPM-OP's empirical ratio never exceeds α_* (brute-force optimum)", () => {
  fc.assert(
    fc.property(randomInstance, (instance) => {
      const online = simulate(instance, { kind: "optimal" });
      const exact = bruteForce(instance);
      const alphas = instance.resources.map((r) =>
        r.cost.kind === "power" ? alphaStarOf(r.cost.s, r.pbar / (r.cost.a * r.cost.s)) : Infinity
      );
      const bound = Math.max(...alphas);
      // Theorem 6 is asymptotic (Assumption 2: r ≪ 1), so we check the weaker W_online ≥ W_opt/α_* − (tiny).
      return online.welfare >= exact / bound - 1e-9 || exact <= 1e-12;
    }),
    { seed: 11, numRuns: 60 },
  );
});

Deno.test("mechanism: payments equal posted prices, capacity is respected, welfare is Eq. 36a", () => {
  const instance: Instance = {
    slots: 3,
    resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 }],
    bundles: [[0.5], [0.25]],
    customers: [
      { arrival: 0, duration: 2, valuations: [3, 1] },
      { arrival: 1, duration: 2, valuations: [3, 0.1] },
      { arrival: 1, duration: 1, valuations: [2, 1.5] },
    ],
  };
  const r = simulate(instance, { kind: "myopic" });
  assert.deepEqual([...r.decisions], [0, 0, -1]); // third customer: capacity at slot 1 is full
  assert.equal(r.payments[0], 0); // f'(0) = 0
  assert.equal(r.payments[1], 0.5 * (2 * 0.5 + 0)); // f'(y) = 2y: slot1 y=0.5, slot2 y=0
  assert.equal(r.welfare, 6 - (0.25 + 1 + 0.25));
  assert.throws(() => simulate({ ...instance, bundles: [] }, { kind: "myopic" }), ParameterError);
  assert.throws(
    () => simulate({ ...instance, bundles: [[1.5], [0.1]] }, { kind: "myopic" }),
    ParameterError,
  );
});

Deno.test("adversarial instance of Eq. 13: the ratio approaches α_s^min as bundles shrink", async () => {
  const setup = { a: 1, s: 2, pbar: 1 };
  const instance = adversarialInstance(setup, 0.005);
  const online = simulate(instance, { kind: "optimal" });
  const offline = await offlineOptimum(instance, { tangents: 200 });
  const ratio = offline.upper / online.welfare;
  assert.ok(Math.abs(ratio - 4) < 0.1, `ratio ${ratio}`); // α_2^min = 4
});
