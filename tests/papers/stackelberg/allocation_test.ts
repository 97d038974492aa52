import assert from "node:assert/strict";
import {
  allocateClosedForm,
  allocateLp,
  checkTheoremOne,
  costOfDemand,
} from "../../../lib/papers/stackelberg/mod.ts";
import { ParameterError } from "../../../lib/core/errors.ts";

const provider = {
  highGpus: 2,
  lowGpus: 2,
  costs: { trainingHigh: 1, trainingLow: 3, inferenceHigh: 4, inferenceLow: 2 },
};

Deno.test("Theorem 1 closed form matches the HiGHS LP cost and feasibility on random instances", async () => {
  const r = await checkTheoremOne(5, 25);
  assert.equal(r.feasibilityAgreements, r.instances);
  assert.ok(r.infeasibleInstances > 0, "the sample should include over-capacity instances");
  assert.ok(r.maxRelativeCostGap < 1e-9, `gap ${r.maxRelativeCostGap}`);
});

Deno.test("hand-computed case 2 allocation: training overflows to low GPUs", async () => {
  const closed = allocateClosedForm(provider, [1, 2], [1, 0]);
  assert.ok(closed.feasible);
  if (!closed.feasible) return;
  // H: 2 of 3 training GPUs (shares 2/3); L: 1 training + 1 inference. Cost 2·1 + 1·3 + 1·2 = 7
  assert.deepEqual(Array.from(closed.allocation.trainingHigh), [2 / 3, 4 / 3]);
  assert.ok(Math.abs(closed.cost - 7) < 1e-12);
  assert.equal(costOfDemand(provider, 3, 1), 7);
  const lp = await allocateLp(provider, [1, 2], [1, 0]);
  assert.ok(lp.feasible && Math.abs(lp.cost - 7) < 1e-9);
});

Deno.test("demand above capacity is a typed infeasible result, from both methods", async () => {
  const closed = allocateClosedForm(provider, [3], [2]);
  const lp = await allocateLp(provider, [3], [2]);
  assert.equal(closed.feasible, false);
  assert.equal(lp.feasible, false);
  if (!closed.feasible) {
    assert.equal(closed.reason, "total demand 5 exceeds the capacity G^H + G^L = 4");
  }
  assert.equal(costOfDemand(provider, 3, 2), null);
});

Deno.test("bad Stage III input gets typed errors", () => {
  assert.throws(
    () => allocateClosedForm(provider, [-1], [0]),
    (e: unknown) => e instanceof ParameterError && e.parameter === "trainingDemands[0]",
  );
  assert.throws(() => allocateClosedForm(provider, [1], [1, 2]), ParameterError);
  assert.throws(
    () =>
      allocateClosedForm({ ...provider, costs: { ...provider.costs, trainingLow: 0.5 } }, [1], [1]),
    (e: unknown) => e instanceof ParameterError && e.parameter === "provider.costs.trainingHigh",
  );
});
