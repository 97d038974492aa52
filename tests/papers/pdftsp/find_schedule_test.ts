import assert from "node:assert/strict";
import fc from "fast-check";
import { compileInstance } from "../../../lib/papers/pdftsp/instance.ts";
import { ClusterState } from "../../../lib/papers/pdftsp/cluster_state.ts";
import { findSchedule } from "../../../lib/papers/pdftsp/find_schedule.ts";
import { exhaustiveSchedule } from "../../../lib/papers/pdftsp/exhaustive.ts";
import { createRng } from "../../../lib/core/rng.ts";
import { smallInstance } from "./_arbitrary.ts";

/** Fills some cells with usage and (optionally) random prices, reproducibly. */
function randomState(
  instance: ReturnType<typeof compileInstance>,
  seed: number,
  prices: "zero" | "uniform" | "random",
) {
  const state = new ClusterState(instance);
  const rng = createRng(seed).stream("state");
  const level = rng.uniformIn(0, 0.5);
  for (let cell = 0; cell < state.usedMemory.length; cell++) {
    const k = Math.floor(cell / instance.slots);
    if (rng.uniform() < 0.3) state.usedMemory[cell] = rng.uniformIn(0, instance.freeMemory[k]!);
    if (prices === "uniform") {
      state.lambda[cell] = level;
      state.phi[cell] = level / 2;
    } else if (prices === "random") {
      state.lambda[cell] = rng.uniformIn(0, 1);
      state.phi[cell] = rng.uniformIn(0, 0.5);
    }
  }
  return state;
}

Deno.test("findSchedule on the JSDoc example picks the two cheap slots", () => {
  const c = compileInstance({
    slots: 3,
    baseModelMemory: 0,
    vendors: [],
    nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [3, 1, 2] }],
    tasks: [{ arrival: 0, deadline: 2, work: 4, memory: 8, preprocessing: false, bid: 9 }],
  });
  const task = c.tasks[0]!;
  const found = findSchedule(c, new ClusterState(c), task, task.options[0]!)!;
  assert.deepEqual(found.cells.map((x) => x.slot), [1, 2]);
  assert.equal(found.resourceCost, 3);
  assert.equal(found.F, 6);
});

Deno.test("findSchedule equals exhaustive search whenever prices are equal on all cells", () => {
  fc.assert(
    fc.property(smallInstance({ slots: 6 }), fc.integer(), fc.boolean(), (instance, seed, zero) => {
      const c = compileInstance(instance);
      const state = randomState(c, seed, zero ? "zero" : "uniform");
      for (const task of c.tasks) {
        for (const option of task.options) {
          const dp = findSchedule(c, state, task, option, { gridUnitsPerSlot: 1 });
          const brute = exhaustiveSchedule(c, state, task, option);
          // grid 1 unit per slot of the slowest node is exact when throughputs are multiples of it
          if (new Set(task.throughput).size > 1) continue;
          assert.equal(dp === null, brute === null);
          if (dp && brute) assert.ok(Math.abs(dp.resourceCost - brute.resourceCost) < 1e-9);
        }
      }
    }),
    { numRuns: 150, seed: 7 },
  );
});

Deno.test("with arbitrary prices findSchedule is never better than exhaustive and stays feasible", () => {
  fc.assert(
    fc.property(smallInstance({ slots: 6 }), fc.integer(), (instance, seed) => {
      const c = compileInstance(instance);
      const state = randomState(c, seed, "random");
      for (const task of c.tasks) {
        for (const option of task.options) {
          const dp = findSchedule(c, state, task, option);
          const brute = exhaustiveSchedule(c, state, task, option);
          if (dp === null) continue;
          assert.ok(brute !== null, "exhaustive search must find what the DP found");
          assert.ok(dp.resourceCost >= brute.resourceCost - 1e-9);
          const slots = dp.cells.map((cell) => cell.slot);
          assert.equal(new Set(slots).size, slots.length, "one node per slot (4b)");
          for (const cell of dp.cells) {
            assert.ok(cell.slot >= option.start && cell.slot <= task.deadline, "window (4c-4d)");
            assert.ok(state.fits(task, cell.node, cell.slot), "capacity (4f-4g)");
          }
          assert.ok(dp.totalWork >= task.work - 1e-9, "work (4e)");
        }
      }
    }),
    { numRuns: 150, seed: 11 },
  );
});

Deno.test("the DP grid is exact for a homogeneous cluster and conservative for a mixed one", () => {
  const c = compileInstance({
    slots: 6,
    baseModelMemory: 0,
    vendors: [],
    nodes: [
      {
        computeCapacity: 10,
        memoryCapacity: 8,
        taskThroughput: 3.5,
        costPerSlot: [1, 1, 1, 1, 1, 1],
      },
      {
        computeCapacity: 10,
        memoryCapacity: 8,
        taskThroughput: 2.5,
        costPerSlot: [0, 0, 0, 0, 0, 0],
      },
    ],
    tasks: [{ arrival: 0, deadline: 5, work: 7, memory: 1, preprocessing: false, bid: 9 }],
  });
  const task = c.tasks[0]!;
  const state = new ClusterState(c);
  const exact = exhaustiveSchedule(c, state, task, task.options[0]!)!;
  const coarse = findSchedule(c, state, task, task.options[0]!, { gridUnitsPerSlot: 1 })!;
  const fine = findSchedule(c, state, task, task.options[0]!, { gridUnitsPerSlot: 5 })!;
  assert.equal(exact.resourceCost, 0); // three slots on the free, slower node
  assert.equal(fine.resourceCost, 0);
  assert.ok(coarse.totalWork >= task.work);
});
