/**
 * Small hand-checkable instances shared by the claims ledger and the tests.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { twoTasksOnOneCell } from "./examples.ts";
 * assert.equal(twoTasksOnOneCell(10).tasks[1]!.bid, 10);
 * ```
 *
 * @module
 */
import type { Instance, ValueBounds } from "./types.ts";

/**
 * One node, one task: running costs 1 per slot for two slots and bid 1.5, so the lowest winning
 * bid (Σe = 2) exceeds the Eq. 14 payment (0, no earlier prices).
 */
export const OPERATING_COST_GAP: Instance = {
  slots: 2,
  baseModelMemory: 0,
  vendors: [],
  nodes: [{ computeCapacity: 2, memoryCapacity: 4, taskThroughput: 1, costPerSlot: [1, 1] }],
  tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 4, preprocessing: false, bid: 1.5 }],
};

/**
 * Two tasks on one cell (bids 4 and `bid`); the second pays for the first one's dual raise.
 *
 * @param bid the second task's bid
 * @param valueBounds declared value bounds (omitted: Lemma 2's hindsight α, β)
 * @returns the instance
 */
export function twoTasksOnOneCell(bid: number, valueBounds?: ValueBounds): Instance {
  return {
    slots: 1,
    baseModelMemory: 0,
    vendors: [],
    nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0.4] }],
    tasks: [
      { arrival: 0, deadline: 0, work: 2, memory: 2, preprocessing: false, bid: 4 },
      { arrival: 0, deadline: 0, work: 2, memory: 2, preprocessing: false, bid },
    ],
    ...(valueBounds === undefined ? {} : { valueBounds }),
  };
}
