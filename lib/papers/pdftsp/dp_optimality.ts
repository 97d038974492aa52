/**
 * How often Algorithm 2's DP returns the optimum of problem (12), measured against exhaustive
 * search on small random instances with random prior usage and dual prices, and the same for the
 * exact method (exact_schedule.ts), which must never miss.
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import { ClusterState } from "./cluster_state.ts";
import { compileInstance } from "./instance.ts";
import { findSchedule } from "./find_schedule.ts";
import { exhaustiveSchedule } from "./exhaustive.ts";
import { exactSchedule } from "./exact_schedule.ts";
import type { Instance } from "./types.ts";
import { requireInteger, requireOneOf } from "../../core/validate.ts";

/** Outcome of {@link dpOptimality}. */
export interface DpOptimality {
  /** random instances tried */
  readonly trials: number;
  /** trials where the DP cost equals the exhaustive optimum */
  readonly optimal: number;
  /** largest relative excess cost (DP / optimum - 1) */
  readonly worstGap: number;
  /** mean relative excess cost over the trials where the DP misses (0 when it never misses) */
  readonly meanMissGap: number;
  /** trials where `method: "exact"` equals the exhaustive optimum (should be all) */
  readonly exactOptimal: number;
}

/**
 * Compares DP and exhaustive search on `trials` random one-task problems (2 nodes with equal
 * throughput, so the grid is exact, 6-slot window; prices either all equal or random).
 *
 * @param seed seed
 * @param trials number of problems
 * @param prices `uniform` (equal on all cells) or `random`
 * @returns counts, the worst and the mean gap of the DP's misses
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dpOptimality } from "./dp_optimality.ts";
 * const r = dpOptimality(1, 20, "random");
 * assert.equal(r.exactOptimal, r.trials); // the exact search always matches brute force
 * assert.ok(r.optimal <= r.trials && r.worstGap >= 0); // the DP may miss
 * ```
 */
export function dpOptimality(
  seed: number,
  trials: number,
  prices: "uniform" | "random",
): DpOptimality {
  requireInteger("trials", trials, 1, 1_000_000);
  requireOneOf("prices", prices, ["uniform", "random"]);
  const rng = createRng(seed).stream(`dp-optimality-${prices}`);
  let optimal = 0;
  let exactOptimal = 0;
  let worstGap = 0;
  let missGapSum = 0;
  for (let j = 0; j < trials; j++) {
    const slots = 6;
    const instance: Instance = {
      slots,
      baseModelMemory: 0,
      vendors: [],
      nodes: [0, 1].map(() => ({
        computeCapacity: 10,
        memoryCapacity: 10,
        taskThroughput: 2,
        costPerSlot: Array.from({ length: slots }, () => rng.uniformIn(0, 1)),
      })),
      tasks: [{
        arrival: 0,
        deadline: slots - 1,
        work: 2 * rng.int(1, 4),
        memory: 2,
        preprocessing: false,
        bid: 10,
      }],
    };
    const compiled = compileInstance(instance);
    const state = new ClusterState(compiled);
    const level = rng.uniformIn(0, 1);
    for (let cell = 0; cell < state.lambda.length; cell++) {
      state.lambda[cell] = prices === "uniform" ? level : rng.uniformIn(0, 1);
      state.phi[cell] = prices === "uniform" ? level / 2 : rng.uniformIn(0, 0.5);
    }
    const task = compiled.tasks[0]!;
    const dp = findSchedule(compiled, state, task, task.options[0]!)!;
    const best = exhaustiveSchedule(compiled, state, task, task.options[0]!)!;
    const exact = exactSchedule(compiled, state, task, task.options[0]!)!;
    const gap = dp.resourceCost / best.resourceCost - 1;
    if (gap <= 1e-9) optimal++;
    else missGapSum += gap;
    if (exact.resourceCost <= best.resourceCost * (1 + 1e-9)) exactOptimal++;
    worstGap = Math.max(worstGap, gap);
  }
  const misses = trials - optimal;
  return {
    trials,
    optimal,
    worstGap,
    meanMissGap: misses === 0 ? 0 : missGapSum / misses,
    exactOptimal,
  };
}
