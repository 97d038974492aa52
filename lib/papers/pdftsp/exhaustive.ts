/**
 * Exhaustive search over every schedule of one task (each slot of the window idle or on one node
 * with room), the reference that certifies or refutes `findSchedule` on small instances.
 *
 * @module
 */
import type { ClusterState } from "./cluster_state.ts";
import type { CompiledInstance, CompiledTask, VendorOption } from "./instance.ts";
import { candidateFrom, type ScheduleCandidate } from "./find_schedule.ts";
import type { ScheduleCell } from "./types.ts";
import { ParameterError } from "../../core/errors.ts";
import { requireSearchArguments, requireVendorOption } from "./validate.ts";

/** Largest number of schedules the search will enumerate. */
export const EXHAUSTIVE_LIMIT = 2_000_000;

/**
 * The minimum-cost schedule of problem (12) by enumeration (no grid: real throughput).
 *
 * @param instance compiled instance
 * @param state usage and prices before this task
 * @param task the task
 * @param option vendor choice
 * @param respectCapacity skip cells without room (default true)
 * @returns the optimal candidate, or null when no schedule finishes the work
 * @throws {ParameterError} when (usable nodes + 1)^(window length) exceeds {@link EXHAUSTIVE_LIMIT}
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileInstance } from "./instance.ts";
 * import { ClusterState } from "./cluster_state.ts";
 * import { exhaustiveSchedule } from "./exhaustive.ts";
 * const c = compileInstance({ slots: 3, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [3, 1, 2] }],
 *   tasks: [{ arrival: 0, deadline: 2, work: 4, memory: 8, preprocessing: false, bid: 9 }] });
 * const task = c.tasks[0]!;
 * const best = exhaustiveSchedule(c, new ClusterState(c), task, task.options[0]!)!;
 * assert.deepEqual(best.cells.map((cell) => cell.slot), [1, 2]); // the cheap slots
 * assert.equal(best.resourceCost, 3);
 * ```
 */
export function exhaustiveSchedule(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  option: VendorOption,
  respectCapacity = true,
): ScheduleCandidate | null {
  requireSearchArguments(instance, state, task);
  requireVendorOption(option);
  const slotsInWindow: number[] = [];
  for (let t = option.start; t <= task.deadline; t++) slotsInWindow.push(t);
  const usable = slotsInWindow.map((t) => {
    const nodes: number[] = [];
    for (let k = 0; k < instance.nodeCount; k++) {
      if (!respectCapacity || state.fits(task, k, t)) nodes.push(k);
    }
    return nodes;
  });
  const size = usable.reduce((product, nodes) => product * (nodes.length + 1), 1);
  if (size > EXHAUSTIVE_LIMIT) {
    throw new ParameterError("exhaustive search size", size, `<= ${EXHAUSTIVE_LIMIT} schedules`);
  }
  let best: ScheduleCandidate | null = null;
  const cells: ScheduleCell[] = [];
  const visit = (position: number, work: number) => {
    if (position === slotsInWindow.length) {
      if (work < task.work - 1e-9) return;
      const candidate = candidateFrom(instance, state, task, option, [...cells]);
      if (best === null || candidate.resourceCost < best.resourceCost - 1e-12) best = candidate;
      return;
    }
    visit(position + 1, work);
    if (work >= task.work - 1e-9) return; // extra slots only add cost (costs are >= 0)
    const slot = slotsInWindow[position] as number;
    for (const node of usable[position] as number[]) {
      const s = task.throughput[node] as number;
      cells.push({ slot, node, work: s });
      visit(position + 1, work + s);
      cells.pop();
    }
  };
  visit(0, 0);
  return best;
}
