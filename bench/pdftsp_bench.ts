/**
 * Speed targets of the pdftsp reproduction:
 * - `findSchedule` for one task on 100 nodes × 144 slots, W = M_i in grid units (target < 20 ms
 *   median), and its O(W·T·K) scaling in K and W;
 * - a full online day (144 slots, mean 80 arrivals per slot, 100 A100 nodes) with pdFTSP
 *   (target < 60 s);
 * - a quick-mode day (6 nodes, 50/8 arrivals per slot) with the DP and with `method: "exact"`
 *   (no target: the exact method is a reference, not the default).
 */
import { ClusterState } from "../lib/papers/pdftsp/cluster_state.ts";
import { compileInstance } from "../lib/papers/pdftsp/instance.ts";
import { findSchedule } from "../lib/papers/pdftsp/find_schedule.ts";
import { runPdftsp } from "../lib/papers/pdftsp/pdftsp.ts";
import { generateWorkload } from "../lib/papers/pdftsp/workload.ts";
import type { Instance } from "../lib/papers/pdftsp/types.ts";
import { createRng } from "../lib/core/rng.ts";

/** One task with the whole day as its window on `nodes` nodes with random prices and usage. */
function singleTask(nodes: number, work: number) {
  const slots = 144;
  const rng = createRng(5).stream("bench");
  const instance: Instance = {
    slots,
    baseModelMemory: 0.25,
    vendors: [],
    nodes: Array.from({ length: nodes }, () => ({
      computeCapacity: 264.7,
      memoryCapacity: 80,
      taskThroughput: 3.5,
      costPerSlot: Array.from({ length: slots }, () => rng.uniformIn(0, 0.002)),
    })),
    tasks: [{
      arrival: 0,
      deadline: slots - 1,
      work,
      memory: 4.03,
      preprocessing: false,
      bid: 100,
    }],
  };
  const compiled = compileInstance(instance);
  const state = new ClusterState(compiled);
  for (let cell = 0; cell < state.lambda.length; cell++) {
    state.lambda[cell] = rng.uniformIn(0, 0.01);
    state.phi[cell] = rng.uniformIn(0, 0.1);
    state.usedMemory[cell] = rng.uniformIn(0, 70);
  }
  const task = compiled.tasks[0]!;
  return () => findSchedule(compiled, state, task, task.options[0]!);
}

// W = ceil(M / grid), grid = 3.5 / 4 kilo-samples: M = 37.5 (mean task) -> W = 43; 100 -> W = 115.
for (
  const [nodes, work] of [[25, 37.5], [50, 37.5], [100, 37.5], [100, 100], [100, 18.75]] as const
) {
  const run = singleTask(nodes, work);
  Deno.bench({
    name: `findSchedule K=${nodes} T=144 W=${Math.ceil(work / (3.5 / 4))}`,
    group: "findSchedule",
    baseline: nodes === 100 && work === 37.5,
    fn: () => {
      run();
    },
  });
}

const day = generateWorkload({ nodes: 100, slots: 144, meanArrivals: 80, seed: 1 });
Deno.bench({
  name: `online day: pdFTSP, 100 A100 nodes, ${day.instance.tasks.length} tasks`,
  group: "online day",
  n: 3,
  warmup: 0,
  fn: () => {
    runPdftsp(day.instance);
  },
});

// The exact method of problem (12) enumerates pairs of distinct price levels, so it is timed on a
// whole quick-mode day (6 nodes, ~900 tasks) where prices build up as in a real run.
const quickDay = generateWorkload({ nodes: 6, slots: 144, meanArrivals: 50 / 8, seed: 1 });
for (const method of ["dp", "exact"] as const) {
  Deno.bench({
    name:
      `online day: pdFTSP method ${method}, 6 A100 nodes, ${quickDay.instance.tasks.length} tasks`,
    group: "schedule method",
    baseline: method === "dp",
    n: 1,
    warmup: 0,
    fn: () => {
      runPdftsp(quickDay.instance, { method });
    },
  });
}
