/**
 * Algorithm 2 (Section 3.3): the per-vendor dynamic programme `findSchedule` solving problem (12)
 * for one task, and the vendor loop that keeps the schedule with the largest F(il) (Eq. 10).
 *
 * ## The DP grid
 * Work is discretised in grid units of `grid = min_k s_ik / gridUnitsPerSlot`; node k contributes
 * `floor(s_ik / grid)` units per slot and the task needs `W = ceil(M_i / grid)` units. Rounding
 * throughput down keeps every schedule feasible (real work >= M_i). With identical throughput on
 * all nodes the grid is exact; with mixed nodes a faster node is under-counted by less than one
 * grid unit per slot, which can only lengthen a schedule (never makes it infeasible).
 *
 * ## The max-price terms
 * Problem (12) charges max λ over the chosen cells times all the task's work (and the same for φ),
 * which is not additive over slots. Following the paper ("calculate Δ_kt based on dp[t-1, w-s_ik]"),
 * each DP state carries the running maxima of its own path and compares states by their current
 * objective. This is exact when prices are equal on all usable cells (e.g. all zero) and a
 * heuristic otherwise (λ = [0, 2, 3], φ = [3.9, 2, 0], M_i = 2 on one node: the DP pays 11.8, the
 * optimum is 10). `method: "exact"` solves (12) exactly instead (exact_schedule.ts);
 * dp_optimality.ts measures how often and by how much the DP misses.
 *
 * Complexity O(W·T·K) per distinct vendor start slot (Theorem 2).
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
import { candidateFrom, type ScheduleCandidate } from "./schedule_cost.ts";
import { exactSchedule } from "./exact_schedule.ts";
import { requireCompiledTask, requireSearchArguments, requireVendorOption } from "./validate.ts";
import { requirePositive } from "../../core/validate.ts";

export { candidateFrom, type ScheduleCandidate } from "./schedule_cost.ts";

/** Options of the schedule search. */
export interface ScheduleSearchOptions {
  /** grid units the slowest node contributes per slot (default 4) */
  readonly gridUnitsPerSlot?: number;
  /** skip cells without room for the task (default true; false = the paper's literal DP) */
  readonly respectCapacity?: boolean;
  /**
   * how problem (12) is solved: `dp` (default) is the paper's DP with running maxima, a heuristic
   * when prices differ between cells; `exact` is {@link exactSchedule}, the true minimum on the grid
   */
  readonly method?: ScheduleMethod;
}

/** Solver of problem (12): the paper's DP or the exact threshold enumeration. */
export type ScheduleMethod = "dp" | "exact";

/** Grid size (work per unit) for a task. */
export function gridSize(task: CompiledTask, gridUnitsPerSlot = 4): number {
  requireCompiledTask(task);
  requirePositive("gridUnitsPerSlot", gridUnitsPerSlot);
  return Math.min(...task.throughput) / gridUnitsPerSlot;
}

/**
 * `findSchedule` of Algorithm 2: the cheapest schedule in the window `[option.start, d_i]`.
 *
 * @param instance compiled instance
 * @param state usage and prices before this task
 * @param task the task
 * @param option vendor choice (start slot and price)
 * @param options grid resolution and capacity handling
 * @returns the schedule, or null when none completes the work by the deadline
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileInstance } from "./instance.ts";
 * import { ClusterState } from "./cluster_state.ts";
 * import { findSchedule } from "./find_schedule.ts";
 * const c = compileInstance({ slots: 3, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [3, 1, 2] }],
 *   tasks: [{ arrival: 0, deadline: 2, work: 4, memory: 8, preprocessing: false, bid: 9 }] });
 * const task = c.tasks[0]!;
 * const schedule = findSchedule(c, new ClusterState(c), task, task.options[0]!)!;
 * assert.deepEqual(schedule.cells.map((x) => x.slot), [1, 2]);
 * assert.equal(schedule.operatingCost, 1 + 2);
 * ```
 */
export function findSchedule(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  option: VendorOption,
  options: ScheduleSearchOptions = {},
): ScheduleCandidate | null {
  requireSearchArguments(instance, state, task);
  requireVendorOption(option);
  const start = option.start;
  const end = task.deadline;
  if (start > end) return null;
  const slots = instance.slots;
  const nodeCount = instance.nodeCount;
  const respectCapacity = options.respectCapacity ?? true;
  const { units, need } = gridUnits(task, options.gridUnitsPerSlot);
  // Even every node at full throughput in every slot of the window cannot finish the task: no
  // schedule exists (and the DP layers below would be impossibly wide, e.g. for work = 1e308).
  if (!(need <= (end - start + 1) * units.reduce((sum, u) => sum + u, 0))) return null;
  const width = need + 1;
  const memory = task.memory;
  let prev = emptyLayer(width);
  prev.value[0] = 0;
  prev.cost[0] = 0;
  const choice = new Int32Array((end - start + 1) * width);
  const parent = new Int32Array((end - start + 1) * width);
  for (let t = start; t <= end; t++) {
    const cur = copyLayer(prev);
    const row = (t - start) * width;
    for (let k = 0; k < nodeCount; k++) {
      const u = units[k] as number;
      if (u === 0 || (respectCapacity && !state.fits(task, k, t))) continue;
      const cell = k * slots + t;
      const lambda = state.lambda[cell] as number;
      const phi = state.phi[cell] as number;
      const e = operatingCost(instance, task, k, t);
      const s = task.throughput[k] as number;
      for (let w0 = 0; w0 < need; w0++) {
        const base = prev.value[w0] as number;
        if (base === Infinity) continue;
        const w = Math.min(need, w0 + u);
        const maxL = Math.max(prev.maxL[w0] as number, lambda);
        const maxP = Math.max(prev.maxP[w0] as number, phi);
        const work = (prev.work[w0] as number) + s;
        const count = (prev.count[w0] as number) + 1;
        const cost = (prev.cost[w0] as number) + e;
        const value = cost + maxL * work + maxP * memory * count;
        if (value < (cur.value[w] as number) - 1e-12) {
          cur.value[w] = value;
          cur.cost[w] = cost;
          cur.maxL[w] = maxL;
          cur.maxP[w] = maxP;
          cur.work[w] = work;
          cur.count[w] = count;
          choice[row + w] = k + 1;
          parent[row + w] = w0;
        }
      }
    }
    prev = cur;
  }
  if (prev.value[need] === Infinity) return null;
  const cells = traceBack({ choice, parent, start, end, width, need }, task);
  return candidateFrom(instance, state, task, option, cells);
}

/** Back-pointers of a DP over slots `start..end` and work levels `0..need` (row = slot). */
export interface DpTable {
  /** node + 1 chosen at (slot, level), 0 = idle */
  readonly choice: Int32Array;
  /** work level before that choice */
  readonly parent: Int32Array;
  readonly start: number;
  readonly end: number;
  readonly width: number;
  readonly need: number;
}

/**
 * Reads the schedule that reaches work level `need` at slot `end` out of a DP table.
 *
 * @param table the DP's back-pointers
 * @param task the task (for its per-node throughput)
 * @returns the cells in slot order
 */
export function traceBack(table: DpTable, task: CompiledTask): ScheduleCell[] {
  const cells: ScheduleCell[] = [];
  let w = table.need;
  for (let t = table.end; t >= table.start; t--) {
    const row = (t - table.start) * table.width;
    const picked = table.choice[row + w] as number;
    if (picked === 0) continue;
    cells.push({ slot: t, node: picked - 1, work: task.throughput[picked - 1] as number });
    w = table.parent[row + w] as number;
  }
  return cells.reverse();
}

/**
 * Work units per slot of each node and units the task needs on the grid of {@link gridSize}.
 *
 * @param task the task
 * @param gridUnitsPerSlot grid units the slowest node contributes per slot
 * @returns `units[k]` and `need`
 */
export function gridUnits(
  task: CompiledTask,
  gridUnitsPerSlot?: number,
): { units: Int32Array; need: number } {
  const grid = gridSize(task, gridUnitsPerSlot);
  const units = new Int32Array(task.throughput.length);
  for (let k = 0; k < units.length; k++) {
    units[k] = Math.floor((task.throughput[k] as number) / grid + 1e-9);
  }
  return { units, need: Math.max(1, Math.ceil(task.work / grid - 1e-9)) };
}

/**
 * Lines 2-5 of Algorithm 2: runs `findSchedule` (or {@link exactSchedule} with `method: "exact"`)
 * for every vendor (once per distinct start slot, with that start's cheapest vendor) and keeps the
 * largest F(il); ties go to the lower vendor.
 *
 * @param instance compiled instance
 * @param state usage and prices before this task
 * @param task the task
 * @param options grid resolution, capacity handling and method
 * @returns the best candidate, or null when no vendor allows a schedule before the deadline
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileInstance } from "./instance.ts";
 * import { ClusterState } from "./cluster_state.ts";
 * import { bestSchedule } from "./find_schedule.ts";
 * const c = compileInstance({ slots: 3, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 1, taskThroughput: 1, costPerSlot: [0, 0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 2, work: 2, memory: 1, preprocessing: false, bid: 20 }] });
 * const state = new ClusterState(c);
 * state.lambda.set([0, 2, 3]);
 * state.phi.set([3.9, 2, 0]);
 * assert.equal(bestSchedule(c, state, c.tasks[0]!)!.resourceCost, 11.8); // the DP keeps slot 0
 * assert.equal(bestSchedule(c, state, c.tasks[0]!, { method: "exact" })!.resourceCost, 10);
 * ```
 */
export function bestSchedule(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  options: ScheduleSearchOptions = {},
): ScheduleCandidate | null {
  requireSearchArguments(instance, state, task);
  const cheapestPerStart = new Map<number, VendorOption>();
  for (const option of task.options) {
    const seen = cheapestPerStart.get(option.start);
    if (seen === undefined || option.price < seen.price) cheapestPerStart.set(option.start, option);
  }
  const search = (options.method ?? "dp") === "exact" ? exactSchedule : findSchedule;
  let best: ScheduleCandidate | null = null;
  for (const option of cheapestPerStart.values()) {
    const found = search(instance, state, task, option, options);
    if (found === null) continue;
    if (
      best === null || found.F > best.F + 1e-12 ||
      (Math.abs(found.F - best.F) <= 1e-12 &&
        (found.option.vendor ?? -1) < (best.option.vendor ?? -1))
    ) best = found;
  }
  return best;
}

interface Layer {
  value: Float64Array;
  cost: Float64Array;
  maxL: Float64Array;
  maxP: Float64Array;
  work: Float64Array;
  count: Float64Array;
}

function emptyLayer(width: number): Layer {
  return {
    value: new Float64Array(width).fill(Infinity),
    cost: new Float64Array(width),
    maxL: new Float64Array(width),
    maxP: new Float64Array(width),
    work: new Float64Array(width),
    count: new Float64Array(width),
  };
}

function copyLayer(layer: Layer): Layer {
  return {
    value: layer.value.slice(),
    cost: layer.cost.slice(),
    maxL: layer.maxL.slice(),
    maxP: layer.maxP.slice(),
    work: layer.work.slice(),
    count: layer.count.slice(),
  };
}
