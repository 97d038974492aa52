/**
 * Problem (12) solved exactly on the DP grid.
 *
 * The objective Σ e + (max λ)·Σ s + (max φ)·Σ r is not additive over cells because of the two
 * maxima. Fix a pair of thresholds (Λ, Φ) and allow only cells with λ <= Λ and φ <= Φ: the cost
 * Σ (e + Λ·s + Φ·r) of such a schedule is additive and bounds its true cost from above, with
 * equality when its maxima are exactly (Λ, Φ). A DP over (slot, work) finds the cheapest schedule
 * for each pair; the cheapest true cost over all pairs of distinct λ and φ values of the usable
 * cells is the minimum of (12), because the optimal schedule is feasible, and priced exactly, at
 * its own pair of maxima.
 *
 * Pairs are visited in increasing order and skipped once the lower bound Λ·M_i + Φ·r_i·(fewest
 * slots that can finish the work) reaches the best cost found. Worst case
 * O(|λ values|·|φ values|·W·T·K).
 *
 * @module
 */
import type { ClusterState } from "./cluster_state.ts";
import { type CompiledInstance, type CompiledTask, operatingCost } from "./instance.ts";
import type { VendorOption } from "./instance.ts";
import { type DpTable, gridUnits, type ScheduleSearchOptions, traceBack } from "./find_schedule.ts";
import { candidateFrom, type ScheduleCandidate } from "./schedule_cost.ts";
import type { ScheduleCell } from "./types.ts";
import { requireSearchArguments, requireVendorOption } from "./validate.ts";

/** One usable (node, slot) cell of the task's window. */
interface UsableCell {
  readonly node: number;
  readonly slot: number;
  readonly lambda: number;
  readonly phi: number;
  readonly operating: number;
}

/**
 * The minimum of problem (12) for one task and vendor, on the same grid as `findSchedule`.
 *
 * @param instance compiled instance
 * @param state usage and prices before this task
 * @param task the task
 * @param option vendor choice (start slot and price)
 * @param options grid resolution and capacity handling (`method` is ignored)
 * @returns the cheapest schedule, or null when none completes the work by the deadline
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileInstance } from "./instance.ts";
 * import { ClusterState } from "./cluster_state.ts";
 * import { exactSchedule } from "./exact_schedule.ts";
 * const c = compileInstance({ slots: 3, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 1, taskThroughput: 1, costPerSlot: [0, 0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 2, work: 2, memory: 1, preprocessing: false, bid: 20 }] });
 * const state = new ClusterState(c);
 * state.lambda.set([0, 2, 3]);
 * state.phi.set([3.9, 2, 0]);
 * const best = exactSchedule(c, state, c.tasks[0]!, c.tasks[0]!.options[0]!)!;
 * assert.deepEqual(best.cells.map((cell) => cell.slot), [1, 2]);
 * assert.equal(best.resourceCost, 10);
 * ```
 */
export function exactSchedule(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  option: VendorOption,
  options: ScheduleSearchOptions = {},
): ScheduleCandidate | null {
  requireSearchArguments(instance, state, task);
  requireVendorOption(option);
  if (option.start > task.deadline) return null;
  const { units, need } = gridUnits(task, options.gridUnitsPerSlot);
  const usable = usableCells(instance, state, task, option, units, options.respectCapacity ?? true);
  if (usable.length === 0) return null;
  const lambdas = distinctSorted(usable.map((cell) => cell.lambda));
  const phis = distinctSorted(usable.map((cell) => cell.phi));
  const fewestSlots = Math.ceil(need / Math.max(...usable.map((cell) => units[cell.node]!)));
  const lowerBound = (lambda: number, phi: number) =>
    lambda * task.work + phi * task.memory * fewestSlots;
  let best: ScheduleCandidate | null = null;
  for (const lambda of lambdas) {
    if (best !== null && lowerBound(lambda, phis[0]!) >= best.resourceCost - 1e-12) break;
    for (const phi of phis) {
      if (best !== null && lowerBound(lambda, phi) >= best.resourceCost - 1e-12) break;
      const priced = usable.filter((cell) => cell.lambda <= lambda && cell.phi <= phi)
        .map(({ node, slot, operating }) => ({
          node,
          slot,
          price: operating + lambda * (task.throughput[node] as number) + phi * task.memory,
        }));
      const cells = cheapestAdditive(priced, option.start, units, need, task);
      if (cells === null) continue;
      const candidate = candidateFrom(instance, state, task, option, cells);
      if (best === null || candidate.resourceCost < best.resourceCost - 1e-12) best = candidate;
    }
  }
  return best;
}

function usableCells(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  option: VendorOption,
  units: Int32Array,
  respectCapacity: boolean,
): UsableCell[] {
  const cells: UsableCell[] = [];
  for (let t = option.start; t <= task.deadline; t++) {
    for (let k = 0; k < instance.nodeCount; k++) {
      if (units[k] === 0 || (respectCapacity && !state.fits(task, k, t))) continue;
      const cell = k * instance.slots + t;
      cells.push({
        node: k,
        slot: t,
        lambda: state.lambda[cell] as number,
        phi: state.phi[cell] as number,
        operating: operatingCost(instance, task, k, t),
      });
    }
  }
  return cells;
}

function distinctSorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** A cell with an additive price. */
export interface PricedCell {
  readonly node: number;
  readonly slot: number;
  readonly price: number;
}

/**
 * Cheapest schedule, at most one node per slot, that reaches `need` grid units when every cell
 * has its own additive price (the DP of Eq. 13, exact once the cost is additive).
 *
 * @param cells usable cells with their prices, in slot order
 * @param start first slot of the window
 * @param units grid units per slot of each node
 * @param need grid units the task needs
 * @param task the task (for its throughput)
 * @returns the cells of the cheapest schedule, or null when the cells cannot reach `need`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cheapestAdditive } from "./exact_schedule.ts";
 * import { compileInstance } from "./instance.ts";
 * const task = compileInstance({ slots: 3, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 1, costPerSlot: [0, 0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 2, work: 2, memory: 1, preprocessing: false, bid: 1 }] })
 *   .tasks[0]!;
 * const cells = [0, 1, 2].map((slot) => ({ node: 0, slot, price: [3, 1, 2][slot]! }));
 * const chosen = cheapestAdditive(cells, 0, Int32Array.of(1), 2, task)!;
 * assert.deepEqual(chosen.map((c) => c.slot), [1, 2]); // prices 1 and 2
 * ```
 */
export function cheapestAdditive(
  cells: readonly PricedCell[],
  start: number,
  units: Int32Array,
  need: number,
  task: CompiledTask,
): ScheduleCell[] | null {
  if (cells.length === 0) return null;
  const end = cells[cells.length - 1]!.slot;
  const width = need + 1;
  const choice = new Int32Array((end - start + 1) * width);
  const parent = new Int32Array((end - start + 1) * width);
  let prev = new Float64Array(width).fill(Infinity);
  prev[0] = 0;
  let j = 0;
  for (let t = start; t <= end; t++) {
    const cur = prev.slice();
    const row = (t - start) * width;
    for (; j < cells.length && cells[j]!.slot === t; j++) {
      const { node, price } = cells[j]!;
      const u = units[node] as number;
      for (let w0 = 0; w0 < need; w0++) {
        const base = prev[w0] as number;
        if (base === Infinity) continue;
        const w = Math.min(need, w0 + u);
        if (base + price < (cur[w] as number) - 1e-12) {
          cur[w] = base + price;
          choice[row + w] = node + 1;
          parent[row + w] = w0;
        }
      }
    }
    prev = cur;
  }
  if (prev[need] === Infinity) return null;
  const table: DpTable = { choice, parent, start, end, width, need };
  return traceBack(table, task);
}
