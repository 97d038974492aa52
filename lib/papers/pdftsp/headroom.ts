/**
 * How much any algorithm could gain on an instance: the tasks that can meet their deadline on an
 * empty cluster, and a capacity-free upper bound on social welfare (Eq. 3).
 *
 * Both ignore the other tasks, so they bound every online or offline algorithm: a task no
 * algorithm can finish alone is never admitted, and a task's welfare b_i - q_in - Σ e_ikt is at
 * most b_i - min_n q_in - (cheapest way to run M_i). The cheapest run is bounded from below by a
 * fractional cover: the usable cells of the widest window sorted by cost per unit of work e/s,
 * filled until the work is done (this drops the one-node-per-slot rule, so it can only be lower
 * than a real schedule's cost). Feasibility uses the real throughput, not the DP grid: a task fits
 * when the fastest node with room in every slot of its earliest window adds up to M_i.
 *
 * @module
 */
import { ClusterState } from "./cluster_state.ts";
import { type CompiledTask, compileInstance, operatingCost } from "./instance.ts";
import type { CompiledInstance } from "./instance.ts";
import type { Instance } from "./types.ts";

/** Headroom of one instance. */
export interface Headroom {
  /** tasks that can meet their deadline on an empty cluster */
  readonly deadlineFeasible: number;
  /** Σ over those tasks of max(0, b_i - cheapest vendor - lower bound on the cheapest run) */
  readonly welfareUpperBound: number;
}

/**
 * Counts the deadline-feasible tasks and bounds the welfare of any algorithm.
 *
 * @param instance plain-JSON instance
 * @returns `deadlineFeasible` and `welfareUpperBound`
 * @throws {ParameterError} on malformed instances
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { headroom } from "./headroom.ts";
 * const bound = headroom({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [1, 3] }],
 *   tasks: [
 *     { arrival: 0, deadline: 1, work: 3, memory: 8, preprocessing: false, bid: 5 },
 *     { arrival: 1, deadline: 1, work: 3, memory: 8, preprocessing: false, bid: 5 },
 *   ] });
 * // only the first task fits before its deadline: 5 - 1 (slot 0) - 3/2 (half of slot 1)
 * assert.deepEqual(bound, { deadlineFeasible: 1, welfareUpperBound: 2.5 });
 * ```
 */
export function headroom(instance: Instance): Headroom {
  const compiled = compileInstance(instance);
  const empty = new ClusterState(compiled);
  let deadlineFeasible = 0;
  let welfareUpperBound = 0;
  for (const task of compiled.tasks) {
    if (!task.fitsSomewhere) continue;
    const start = Math.min(...task.options.map((option) => option.start));
    if (start > task.deadline) continue;
    const cells = usableCells(compiled, empty, task, start);
    if (!canFinish(cells, task, start)) continue;
    deadlineFeasible++;
    const cheapestVendor = Math.min(...task.options.map((option) => option.price));
    welfareUpperBound += Math.max(0, task.bid - cheapestVendor - fractionalCost(cells, task));
  }
  return { deadlineFeasible, welfareUpperBound };
}

interface Cell {
  readonly slot: number;
  readonly work: number;
  readonly cost: number;
}

function usableCells(
  instance: CompiledInstance,
  empty: ClusterState,
  task: CompiledTask,
  start: number,
): Cell[] {
  const cells: Cell[] = [];
  for (let t = start; t <= task.deadline; t++) {
    for (let k = 0; k < instance.nodeCount; k++) {
      if (!empty.fits(task, k, t)) continue;
      cells.push({
        slot: t,
        work: task.throughput[k] as number,
        cost: operatingCost(instance, task, k, t),
      });
    }
  }
  return cells;
}

/** Whether the fastest usable node of every slot of the window gets the work done. */
function canFinish(cells: readonly Cell[], task: CompiledTask, start: number): boolean {
  const fastest = new Float64Array(task.deadline - start + 1);
  for (const { slot, work } of cells) {
    fastest[slot - start] = Math.max(fastest[slot - start] as number, work);
  }
  return fastest.reduce((sum, work) => sum + work, 0) >= task.work - 1e-9;
}

/** Cheapest fractional cover of the task's work by usable cells, cheapest per unit first. */
function fractionalCost(cells: readonly Cell[], task: CompiledTask): number {
  const sorted = [...cells].sort((a, b) => a.cost / a.work - b.cost / b.work);
  let left = task.work;
  let cost = 0;
  for (const { work, cost: cellCost } of sorted) {
    if (left <= 0) break;
    const share = Math.min(1, left / work);
    cost += share * cellCost;
    left -= share * work;
  }
  return cost;
}
