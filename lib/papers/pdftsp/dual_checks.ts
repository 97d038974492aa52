/**
 * Checks of the primal-dual analysis on a finished pdFTSP run: Lemma 1 task by task, and Lemma 4
 * (the final duals with μ_i = F(il) are feasible for D_1) with a repaired dual bound.
 *
 * Lemma 4's proof reads constraint (6a) with per-cell prices, Σ (s λ_kt + r φ_kt), but μ_i is F(il)
 * of Eq. 10, which charges the largest price of the schedule on all of its work. The final duals
 * are therefore feasible only if no schedule l of task i has b_il - Σ (s λ^I + r φ^I) > F(il).
 * {@link lemma4Check} finds the largest left side of (6a) per task with an additive DP (the cost
 * is additive with fixed per-cell prices) and, where the printed μ_i falls short, raises it: the
 * repaired μ gives a feasible dual solution, whose objective bounds the LP relaxation of problem
 * (5) and so the offline optimum (weak duality).
 *
 * @module
 */
import { type CompiledInstance, compileInstance, operatingCost } from "./instance.ts";
import type { PdftspResult } from "./pdftsp.ts";
import { gridUnits } from "./find_schedule.ts";
import { cheapestAdditive, type PricedCell } from "./exact_schedule.ts";
import { ClusterState } from "./cluster_state.ts";
import type { Instance } from "./types.ts";
import { requireArray, requireObject } from "../../core/validate.ts";

/** Lemma 1 on every task that moved the duals. */
export interface Lemma1Check {
  /** tasks with F(il) > 0 */
  readonly tasks: number;
  /** largest ΔD_i - (1 + max{α, β})·b_il (<= 0 where the lemma's per-task step holds) */
  readonly worstSlack: number;
  /** the step holds for every such task */
  readonly holds: boolean;
}

/**
 * Checks D_1^i - D_1^(i-1) <= (1 + max{α, β}) (P̃_1^i - P̃_1^(i-1)) for every task with F(il) > 0
 * (the step Lemma 1 sums), and therefore P̃_1 >= D_1 / (1 + max{α, β}).
 *
 * @param run a pdFTSP run
 * @returns the number of tasks checked and the worst slack
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runPdftsp } from "./pdftsp.ts";
 * import { lemma1Check } from "./dual_checks.ts";
 * const run = runPdftsp({ slots: 1, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0] }],
 *   tasks: [{ arrival: 0, deadline: 0, work: 2, memory: 2, preprocessing: false, bid: 5 }] });
 * assert.deepEqual(lemma1Check(run), { tasks: 1, worstSlack: 0, holds: true });
 * ```
 */
export function lemma1Check(run: PdftspResult): Lemma1Check {
  requireObject("run", run, "a pdFTSP run (runPdftsp)", ["alpha", "beta", "trace"]);
  requireArray("run.trace", run.trace, "the run's trace (an array)");
  const factor = 1 + Math.max(run.alpha, run.beta);
  let tasks = 0;
  let worstSlack = -Infinity;
  for (const step of run.trace) {
    if (step.dualIncrease === null || step.welfareIncrement === null) continue;
    tasks++;
    worstSlack = Math.max(worstSlack, step.dualIncrease - factor * step.welfareIncrement);
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(run.dualObjective));
  return { tasks, worstSlack: tasks === 0 ? 0 : worstSlack, holds: !(worstSlack > tolerance) };
}

/** Lemma 4 on the final duals. */
export interface Lemma4Check {
  /** tasks whose constraint (6a) fails with μ_i = F(il) (or 0 when F(il) <= 0) */
  readonly violated: number;
  /** largest violation b_il - Σ(s λ^I + r φ^I) - μ_i over tasks and schedules (0 if none) */
  readonly worstGap: number;
  /** D_1 as the paper computes it (run.dualObjective) */
  readonly printedBound: number;
  /** D_1 with every μ_i raised to the largest left side of (6a): a certified bound on OPT */
  readonly repairedBound: number;
}

/**
 * Checks constraint (6a) for every task at the final duals and repairs μ where it fails.
 *
 * @param instance the instance the run was made on
 * @param run the pdFTSP run
 * @param gridUnitsPerSlot DP grid (default 4; exact when every node has the same throughput)
 * @returns violations, the printed D_1 and the repaired bound
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runPdftsp } from "./pdftsp.ts";
 * import { lemma4Check } from "./dual_checks.ts";
 * const instance = { slots: 1, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0] }],
 *   tasks: [{ arrival: 0, deadline: 0, work: 2, memory: 2, preprocessing: false, bid: 5 }] };
 * assert.equal(lemma4Check(instance, runPdftsp(instance)).violated, 0);
 * ```
 */
export function lemma4Check(
  instance: Instance,
  run: PdftspResult,
  gridUnitsPerSlot?: number,
): Lemma4Check {
  const compiled = compileInstance(instance);
  const final = new ClusterState(compiled);
  final.lambda.set(run.lambda);
  final.phi.set(run.phi);
  let violated = 0;
  let worstGap = 0;
  let raise = 0;
  for (const task of compiled.tasks) {
    const F = run.trace[task.index]?.F ?? null;
    const mu = F !== null && F > 0 ? F : 0;
    const best = bestReducedValue(compiled, final, task.index, gridUnitsPerSlot);
    if (best > mu + 1e-9 * Math.max(1, Math.abs(best))) {
      violated++;
      worstGap = Math.max(worstGap, best - mu);
      raise += best - mu;
    }
  }
  return {
    violated,
    worstGap,
    printedBound: run.dualObjective,
    repairedBound: run.dualObjective + raise,
  };
}

/**
 * max over schedules l of b_il - Σ (s λ + r φ) at the given duals. Every node counts, capacity or
 * not: ζ_i of problem (5) only asks for (4a)-(4e), so a certified bound must cover all of them.
 */
function bestReducedValue(
  instance: CompiledInstance,
  duals: ClusterState,
  index: number,
  gridUnitsPerSlot?: number,
): number {
  const task = instance.tasks[index]!;
  const { units, need } = gridUnits(task, gridUnitsPerSlot);
  const priceOf = (k: number, t: number) => {
    const cell = k * instance.slots + t;
    return operatingCost(instance, task, k, t) +
      (task.throughput[k] as number) * (duals.lambda[cell] as number) +
      task.memory * (duals.phi[cell] as number);
  };
  let best = -Infinity;
  for (const option of task.options) {
    const cells: PricedCell[] = [];
    for (let t = option.start; t <= task.deadline; t++) {
      for (let k = 0; k < instance.nodeCount; k++) {
        if (units[k] !== 0) cells.push({ node: k, slot: t, price: priceOf(k, t) });
      }
    }
    const schedule = cheapestAdditive(cells, option.start, units, need, task);
    if (schedule === null) continue;
    const cost = schedule.reduce((sum, { node, slot }) => sum + priceOf(node, slot), 0);
    best = Math.max(best, task.bid - option.price - cost);
  }
  return best;
}
