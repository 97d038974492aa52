import assert from "node:assert/strict";
import fc from "fast-check";
import { headroom } from "../../../lib/papers/pdftsp/headroom.ts";
import { compileInstance } from "../../../lib/papers/pdftsp/instance.ts";
import { ClusterState } from "../../../lib/papers/pdftsp/cluster_state.ts";
import { exhaustiveSchedule } from "../../../lib/papers/pdftsp/exhaustive.ts";
import { offlineOptimum } from "../../../lib/papers/pdftsp/offline.ts";
import { runOnline } from "../../../lib/papers/pdftsp/run_online.ts";
import { smallInstance } from "./_arbitrary.ts";

Deno.test("headroom on the JSDoc example: one feasible task, bound 5 - 1 - 1.5", () => {
  const result = headroom({
    slots: 2,
    baseModelMemory: 0,
    vendors: [],
    nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [1, 3] }],
    tasks: [
      { arrival: 0, deadline: 1, work: 3, memory: 8, preprocessing: false, bid: 5 },
      { arrival: 1, deadline: 1, work: 3, memory: 8, preprocessing: false, bid: 5 },
    ],
  });
  assert.deepEqual(result, { deadlineFeasible: 1, welfareUpperBound: 2.5 });
});

Deno.test("deadlineFeasible counts the tasks exhaustive search can schedule on an empty cluster", () => {
  fc.assert(
    fc.property(smallInstance({ slots: 5 }), (instance) => {
      const c = compileInstance(instance);
      const empty = new ClusterState(c);
      const feasible = c.tasks.filter((task) =>
        task.options.some((option) =>
          exhaustiveSchedule(c, empty, task, option) !== null
        )
      ).length;
      assert.equal(headroom(instance).deadlineFeasible, feasible);
    }),
    { numRuns: 150, seed: 23 },
  );
});

Deno.test("the bound is above the offline optimum and every online algorithm's welfare", async () => {
  await fc.assert(
    fc.asyncProperty(smallInstance({ maxNodes: 2, slots: 4, maxTasks: 4 }), async (instance) => {
      const { deadlineFeasible, welfareUpperBound } = headroom(instance);
      const opt = await offlineOptimum(instance, { timeLimitSeconds: 20 });
      assert.ok(opt.lower <= welfareUpperBound + 1e-6, `OPT ${opt.lower} > ${welfareUpperBound}`);
      for (const algorithm of ["pdftsp", "eft", "ntm"] as const) {
        const run = await runOnline(instance, algorithm);
        assert.ok(run.welfare <= welfareUpperBound + 1e-6, algorithm);
        assert.ok(run.admitted <= deadlineFeasible, algorithm);
      }
    }),
    { numRuns: 40, seed: 29 },
  );
});
