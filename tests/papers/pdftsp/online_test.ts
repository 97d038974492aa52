import assert from "node:assert/strict";
import fc from "fast-check";
import { compileInstance, operatingCost } from "../../../lib/papers/pdftsp/instance.ts";
import { runOnline } from "../../../lib/papers/pdftsp/run_online.ts";
import { runPdftsp } from "../../../lib/papers/pdftsp/pdftsp.ts";
import { offlineOptimum } from "../../../lib/papers/pdftsp/offline.ts";
import type { Instance, OnlineResult } from "../../../lib/papers/pdftsp/types.ts";
import { smallInstance } from "./_arbitrary.ts";

/** Checks (4b)-(4g) for every admitted task of a run, independently of the algorithms' code. */
function assertFeasible(instance: Instance, result: OnlineResult) {
  const c = compileInstance(instance);
  const compute = new Float64Array(c.nodeCount * c.slots);
  const memory = new Float64Array(c.nodeCount * c.slots);
  let welfare = 0;
  for (const outcome of result.outcomes) {
    if (!outcome.admitted) {
      assert.equal(outcome.schedule.length, 0);
      continue;
    }
    const task = c.tasks[outcome.task]!;
    const option = task.options.find((o) => o.vendor === outcome.vendor)!;
    assert.ok(option, "vendor must exist when pre-processing");
    const slots = outcome.schedule.map((cell) => cell.slot);
    assert.equal(new Set(slots).size, slots.length, "(4b) one node per slot");
    let work = 0;
    let cost = 0;
    for (const cell of outcome.schedule) {
      assert.ok(cell.slot >= option.start, "(4c) after arrival and pre-processing");
      assert.ok(cell.slot <= task.deadline, "(4d) deadline");
      assert.equal(cell.work, task.throughput[cell.node]);
      compute[cell.node * c.slots + cell.slot]! += cell.work;
      memory[cell.node * c.slots + cell.slot]! += task.memory;
      work += cell.work;
      cost += operatingCost(c, task, cell.node, cell.slot);
    }
    assert.ok(work >= task.work - 1e-9, "(4e) enough work");
    welfare += task.bid - option.price - cost;
  }
  for (let cell = 0; cell < compute.length; cell++) {
    const k = Math.floor(cell / c.slots);
    assert.ok(compute[cell]! <= c.computeCapacity[k]! + 1e-9, "(4f) compute capacity");
    assert.ok(memory[cell]! <= c.freeMemory[k]! + 1e-9, "(4g) memory capacity");
  }
  assert.ok(Math.abs(welfare - result.welfare) < 1e-6, "welfare is Eq. 3 of the schedules");
}

Deno.test("every algorithm's schedules satisfy (4b)-(4g) and report Eq. 3 welfare", async () => {
  await fc.assert(
    fc.asyncProperty(smallInstance(), async (instance) => {
      for (const algorithm of ["pdftsp", "eft", "ntm", "titan"] as const) {
        assertFeasible(instance, await runOnline(instance, algorithm, { timeLimitSeconds: 5 }));
      }
      assertFeasible(instance, runPdftsp(instance, { respectCapacity: false }));
    }),
    { numRuns: 40, seed: 3 },
  );
});

Deno.test("NTM never puts two tasks on one node in one slot", async () => {
  await fc.assert(
    fc.asyncProperty(smallInstance(), async (instance) => {
      const seen = new Set<string>();
      const result = await runOnline(instance, "ntm");
      for (const outcome of result.outcomes) {
        for (const cell of outcome.schedule) {
          const key = `${cell.node}/${cell.slot}`;
          assert.ok(!seen.has(key));
          seen.add(key);
        }
      }
    }),
    { numRuns: 30, seed: 5 },
  );
});

Deno.test("individual rationality (Theorem 4): payment <= bid for every admitted pdFTSP task", () => {
  fc.assert(
    fc.property(smallInstance(), fc.constantFrom("paper", "critical"), (instance, rule) => {
      const result = runPdftsp(instance, { paymentRule: rule as "paper" | "critical" });
      for (const outcome of result.outcomes) {
        if (outcome.admitted) {
          assert.ok(outcome.payment <= instance.tasks[outcome.task]!.bid + 1e-9);
        } else assert.equal(outcome.payment, 0);
      }
    }),
    { numRuns: 200, seed: 13 },
  );
});

/** Brute-force optimum of P for tiny instances: every combination of per-task schedules. */
function bruteForceOptimum(instance: Instance): number {
  const c = compileInstance(instance);
  type Plan = { value: number; cells: { k: number; t: number; s: number; r: number }[] } | null;
  const plans: Plan[][] = c.tasks.map((task) => {
    const list: Plan[] = [null];
    for (const option of task.options) {
      const window: number[] = [];
      for (let t = option.start; t <= task.deadline; t++) window.push(t);
      const walk = (
        i: number,
        cells: { k: number; t: number; s: number; r: number }[],
        work: number,
      ) => {
        if (i === window.length) {
          if (work >= task.work - 1e-9) {
            const cost = cells.reduce((sum, x) => sum + operatingCost(c, task, x.k, x.t), 0);
            list.push({ value: task.bid - option.price - cost, cells: [...cells] });
          }
          return;
        }
        walk(i + 1, cells, work);
        for (let k = 0; k < c.nodeCount; k++) {
          cells.push({ k, t: window[i]!, s: task.throughput[k]!, r: task.memory });
          walk(i + 1, cells, work + task.throughput[k]!);
          cells.pop();
        }
      };
      walk(0, [], 0);
    }
    return list;
  });
  let best = 0;
  const compute = new Float64Array(c.nodeCount * c.slots);
  const memory = new Float64Array(c.nodeCount * c.slots);
  const search = (i: number, value: number) => {
    if (i === plans.length) {
      best = Math.max(best, value);
      return;
    }
    for (const plan of plans[i]!) {
      if (plan === null) {
        search(i + 1, value);
        continue;
      }
      const ok = plan.cells.every((x) =>
        compute[x.k * c.slots + x.t]! + x.s <= c.computeCapacity[x.k]! + 1e-9 &&
        memory[x.k * c.slots + x.t]! + x.r <= c.freeMemory[x.k]! + 1e-9
      );
      if (!ok) continue;
      for (const x of plan.cells) {
        compute[x.k * c.slots + x.t]! += x.s;
        memory[x.k * c.slots + x.t]! += x.r;
      }
      search(i + 1, value + plan.value);
      for (const x of plan.cells) {
        compute[x.k * c.slots + x.t]! -= x.s;
        memory[x.k * c.slots + x.t]! -= x.r;
      }
    }
  };
  search(0, 0);
  return best;
}

Deno.test("offlineOptimum equals brute force on tiny instances and bounds every online run", async () => {
  await fc.assert(
    fc.asyncProperty(smallInstance({ maxNodes: 2, slots: 3, maxTasks: 3 }), async (instance) => {
      const opt = await offlineOptimum(instance, { timeLimitSeconds: 20 });
      assert.equal(opt.status, "optimal");
      const brute = bruteForceOptimum(instance);
      assert.ok(Math.abs(opt.lower - brute) < 1e-6, `MILP ${opt.lower} vs brute force ${brute}`);
      for (const algorithm of ["pdftsp", "eft", "ntm", "titan"] as const) {
        const online = await runOnline(instance, algorithm);
        assert.ok(online.welfare <= opt.upper + 1e-6, algorithm);
      }
    }),
    { numRuns: 40, seed: 17 },
  );
});
