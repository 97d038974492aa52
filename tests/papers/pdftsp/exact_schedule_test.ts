import assert from "node:assert/strict";
import fc from "fast-check";
import { compileInstance } from "../../../lib/papers/pdftsp/instance.ts";
import { ClusterState } from "../../../lib/papers/pdftsp/cluster_state.ts";
import { bestSchedule, findSchedule } from "../../../lib/papers/pdftsp/find_schedule.ts";
import { exactSchedule } from "../../../lib/papers/pdftsp/exact_schedule.ts";
import { exhaustiveSchedule } from "../../../lib/papers/pdftsp/exhaustive.ts";
import { runPdftsp } from "../../../lib/papers/pdftsp/pdftsp.ts";
import { createRng } from "../../../lib/core/rng.ts";
import { smallInstance } from "./_arbitrary.ts";

/** The example: one node, three slots, λ = [0, 2, 3], φ = [3.9, 2, 0], M = 2. */
function threeSlotExample() {
  const c = compileInstance({
    slots: 3,
    baseModelMemory: 0,
    vendors: [],
    nodes: [{ computeCapacity: 4, memoryCapacity: 1, taskThroughput: 1, costPerSlot: [0, 0, 0] }],
    tasks: [{ arrival: 0, deadline: 2, work: 2, memory: 1, preprocessing: false, bid: 20 }],
  });
  const state = new ClusterState(c);
  state.lambda.set([0, 2, 3]);
  state.phi.set([3.9, 2, 0]);
  return { c, state, task: c.tasks[0]! };
}

Deno.test("exact method costs 10 where the paper's DP costs 11.8 (issue example)", () => {
  const { c, state, task } = threeSlotExample();
  const option = task.options[0]!;
  const dp = findSchedule(c, state, task, option)!;
  const exact = exactSchedule(c, state, task, option)!;
  const brute = exhaustiveSchedule(c, state, task, option)!;
  assert.ok(Math.abs(dp.resourceCost - 11.8) < 1e-12);
  assert.deepEqual(dp.cells.map((x) => x.slot), [0, 1]);
  assert.equal(exact.resourceCost, 10);
  assert.deepEqual(exact.cells.map((x) => x.slot), [1, 2]);
  assert.equal(brute.resourceCost, 10);
  assert.equal(bestSchedule(c, state, task, { method: "exact" })!.resourceCost, 10);
});

/** Random usage and random prices on a few cells, prices drawn from a small set so ties occur. */
function pricedState(instance: ReturnType<typeof compileInstance>, seed: number) {
  const state = new ClusterState(instance);
  const rng = createRng(seed).stream("exact-state");
  for (let cell = 0; cell < state.usedMemory.length; cell++) {
    const k = Math.floor(cell / instance.slots);
    if (rng.uniform() < 0.3) state.usedMemory[cell] = rng.uniformIn(0, instance.freeMemory[k]!);
    state.lambda[cell] = rng.uniform() < 0.5 ? rng.int(0, 3) / 2 : rng.uniformIn(0, 1);
    state.phi[cell] = rng.uniform() < 0.5 ? rng.int(0, 3) / 4 : rng.uniformIn(0, 0.5);
  }
  return state;
}

Deno.test("exact method equals exhaustive search for arbitrary prices (equal throughput)", () => {
  fc.assert(
    fc.property(smallInstance({ slots: 6 }), fc.integer(), (instance, seed) => {
      const c = compileInstance(instance);
      const state = pricedState(c, seed);
      for (const task of c.tasks) {
        // one grid unit per slot of the slowest node is exact when all throughputs are equal
        if (new Set(task.throughput).size > 1) continue;
        for (const option of task.options) {
          const exact = exactSchedule(c, state, task, option, { gridUnitsPerSlot: 1 });
          const brute = exhaustiveSchedule(c, state, task, option);
          const dp = findSchedule(c, state, task, option, { gridUnitsPerSlot: 1 });
          assert.equal(exact === null, brute === null);
          if (exact === null || brute === null) continue;
          assert.ok(Math.abs(exact.resourceCost - brute.resourceCost) < 1e-9);
          assert.ok(dp !== null && dp.resourceCost >= exact.resourceCost - 1e-9);
          assert.ok(exact.totalWork >= task.work - 1e-9, "work (4e)");
          const slots = exact.cells.map((cell) => cell.slot);
          assert.equal(new Set(slots).size, slots.length, "one node per slot (4b)");
          for (const cell of exact.cells) {
            assert.ok(cell.slot >= option.start && cell.slot <= task.deadline, "window");
            assert.ok(state.fits(task, cell.node, cell.slot), "capacity");
          }
        }
      }
    }),
    { numRuns: 150, seed: 13 },
  );
});

Deno.test("exact method is never worse than the DP on the same grid, mixed throughput too", () => {
  fc.assert(
    fc.property(smallInstance({ slots: 6 }), fc.integer(), (instance, seed) => {
      const c = compileInstance(instance);
      const state = pricedState(c, seed);
      for (const task of c.tasks) {
        for (const option of task.options) {
          const exact = exactSchedule(c, state, task, option);
          const dp = findSchedule(c, state, task, option);
          assert.equal(exact === null, dp === null);
          if (exact && dp) assert.ok(exact.resourceCost <= dp.resourceCost + 1e-9);
        }
      }
    }),
    { numRuns: 100, seed: 17 },
  );
});

Deno.test("runPdftsp passes method through; both methods agree when all prices start at zero", () => {
  fc.assert(
    fc.property(smallInstance({ slots: 5, maxTasks: 1 }), (instance) => {
      // one task: every cell is priced 0 when it arrives, where the DP is exact
      const dp = runPdftsp(instance);
      const exact = runPdftsp(instance, { method: "exact" });
      assert.equal(exact.admitted, dp.admitted);
      assert.ok(Math.abs(exact.welfare - dp.welfare) < 1e-9);
    }),
    { numRuns: 60, seed: 19 },
  );
});
