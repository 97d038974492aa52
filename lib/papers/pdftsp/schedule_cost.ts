/**
 * A schedule of one task priced at the current duals: the terms of Eq. 10 and of problem (12).
 *
 * @module
 */
import type { ClusterState } from "./cluster_state.ts";
import {
  type CompiledInstance,
  type CompiledTask,
  operatingCost,
  type VendorOption,
} from "./instance.ts";
import type { ScheduleCell } from "./types.ts";

/** A schedule with the terms of Eq. 10 and Eq. 12. */
export interface ScheduleCandidate {
  /** the vendor and start slot the schedule uses */
  readonly option: VendorOption;
  /** the (node, slot) cells and the work done in each */
  readonly cells: readonly ScheduleCell[];
  /** Σ e_ikt over the cells */
  readonly operatingCost: number;
  /** max λ_kt and max φ_kt over the cells (prices before this task) */
  readonly maxLambda: number;
  /** max φ_kt over the cells (prices before this task) */
  readonly maxPhi: number;
  /** Σ s_kt(il) */
  readonly totalWork: number;
  /** Σ r_kt(il) = r_i × number of slots */
  readonly totalMemory: number;
  /** objective of (12): operatingCost + maxLambda·totalWork + maxPhi·totalMemory */
  readonly resourceCost: number;
  /** F(il) of Eq. 10 = b_i - q_in - resourceCost */
  readonly F: number;
}

/**
 * Builds the Eq. 10 / Eq. 12 terms of a given schedule.
 *
 * @param instance compiled instance
 * @param state prices before this task
 * @param task the task
 * @param option vendor choice
 * @param cells the schedule
 * @returns the candidate with its resource cost and F(il)
 */
export function candidateFrom(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  option: VendorOption,
  cells: readonly ScheduleCell[],
): ScheduleCandidate {
  let cost = 0;
  let maxLambda = 0;
  let maxPhi = 0;
  let totalWork = 0;
  for (const { node, slot, work } of cells) {
    const cell = node * instance.slots + slot;
    cost += operatingCost(instance, task, node, slot);
    maxLambda = Math.max(maxLambda, state.lambda[cell] as number);
    maxPhi = Math.max(maxPhi, state.phi[cell] as number);
    totalWork += work;
  }
  const totalMemory = task.memory * cells.length;
  const resourceCost = cost + maxLambda * totalWork + maxPhi * totalMemory;
  return {
    option,
    cells,
    operatingCost: cost,
    maxLambda,
    maxPhi,
    totalWork,
    totalMemory,
    resourceCost,
    F: task.bid - option.price - resourceCost,
  };
}
