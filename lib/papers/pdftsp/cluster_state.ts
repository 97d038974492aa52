/**
 * Mutable state of the cluster during an online run: used compute and memory per (node, slot)
 * cell and, for pdFTSP, the dual prices λ_kt (compute) and φ_kt (memory) of Eq. 7-8.
 *
 * @module
 */
import { CAPACITY_EPS, type CompiledInstance, type CompiledTask } from "./instance.ts";
import type { ScheduleCell } from "./types.ts";

/** Usage and prices of every cell, indexed `k * slots + t`. */
export class ClusterState {
  /** compute used per cell, samples per slot */
  readonly usedCompute: Float64Array;
  /** memory used per cell, GB */
  readonly usedMemory: Float64Array;
  /** number of tasks placed in each cell (NTM allows at most one) */
  readonly taskCount: Int32Array;
  /** λ_kt, the dual price of compute per cell (Eq. 7) */
  readonly lambda: Float64Array;
  /** φ_kt, the dual price of memory per cell (Eq. 8) */
  readonly phi: Float64Array;

  /**
   * Starts with an empty cluster and zero prices.
   *
   * @param instance the compiled instance whose cells this state tracks
   */
  constructor(readonly instance: CompiledInstance) {
    const cells = instance.nodeCount * instance.slots;
    this.usedCompute = new Float64Array(cells);
    this.usedMemory = new Float64Array(cells);
    this.taskCount = new Int32Array(cells);
    this.lambda = new Float64Array(cells);
    this.phi = new Float64Array(cells);
  }

  /** Whether the task fits in cell (k, t) next to what is already there (Eq. 4f-4g). */
  fits(task: CompiledTask, k: number, t: number, maxTasksPerCell = Infinity): boolean {
    const cell = k * this.instance.slots + t;
    return (this.usedCompute[cell] as number) + (task.throughput[k] as number) <=
        (this.instance.computeCapacity[k] as number) + CAPACITY_EPS &&
      (this.usedMemory[cell] as number) + task.memory <=
        (this.instance.freeMemory[k] as number) + CAPACITY_EPS &&
      (this.taskCount[cell] as number) < maxTasksPerCell;
  }

  /** Whether every cell of a schedule still fits (Algorithm 1, line 8). */
  fitsSchedule(task: CompiledTask, cells: readonly ScheduleCell[]): boolean {
    return cells.every((cell) => this.fits(task, cell.node, cell.slot));
  }

  /** Commits a schedule's usage. */
  commit(task: CompiledTask, cells: readonly ScheduleCell[]): void {
    for (const { node, slot, work } of cells) {
      const cell = node * this.instance.slots + slot;
      this.usedCompute[cell] = (this.usedCompute[cell] as number) + work;
      this.usedMemory[cell] = (this.usedMemory[cell] as number) + task.memory;
      this.taskCount[cell] = (this.taskCount[cell] as number) + 1;
    }
  }
}
