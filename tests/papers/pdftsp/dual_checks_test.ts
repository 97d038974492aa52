import assert from "node:assert/strict";
import fc from "fast-check";
import { lemma1Check, lemma4Check } from "../../../lib/papers/pdftsp/dual_checks.ts";
import { runPdftsp } from "../../../lib/papers/pdftsp/pdftsp.ts";
import { offlineOptimum } from "../../../lib/papers/pdftsp/offline.ts";
import { generateWorkload } from "../../../lib/papers/pdftsp/workload.ts";
import { smallInstance } from "./_arbitrary.ts";

Deno.test("Lemma 1's per-task step holds on random instances, so P̃_1 >= D_1 / (1 + max{α, β})", () => {
  fc.assert(
    fc.property(smallInstance({ slots: 6 }), (instance) => {
      const run = runPdftsp(instance);
      const check = lemma1Check(run);
      assert.ok(check.holds, `slack ${check.worstSlack}`);
      const almostFeasible = run.trace.reduce(
        (sum, t) => sum + (t.F !== null && t.F > 0 ? t.welfareIncrement! : 0),
        0,
      );
      const factor = 1 + Math.max(run.alpha, run.beta);
      assert.ok(almostFeasible >= run.dualObjective / factor - 1e-9 * (1 + run.dualObjective));
    }),
    { numRuns: 150, seed: 37 },
  );
});

Deno.test("the repaired dual bound of Lemma 4 is above the offline optimum (weak duality)", async () => {
  await fc.assert(
    fc.asyncProperty(smallInstance({ maxNodes: 2, slots: 4, maxTasks: 4 }), async (instance) => {
      const run = runPdftsp(instance);
      const check = lemma4Check(instance, run);
      const opt = await offlineOptimum(instance, { timeLimitSeconds: 20 });
      assert.ok(check.repairedBound >= check.printedBound - 1e-9);
      assert.ok(check.repairedBound >= opt.lower - 1e-6, `${check.repairedBound} < ${opt.lower}`);
      assert.equal(check.violated === 0, check.repairedBound === check.printedBound);
    }),
    { numRuns: 40, seed: 41 },
  );
});

Deno.test("Lemma 4 fails on some generated workloads: μ = F(il) charges the max price, (6a) the sum", () => {
  let violated = 0;
  for (let seed = 0; seed < 20; seed++) {
    const { instance } = generateWorkload({ nodes: 3, slots: 12, meanArrivals: 2, seed });
    violated += lemma4Check(instance, runPdftsp(instance)).violated;
  }
  assert.ok(violated > 0);
});
