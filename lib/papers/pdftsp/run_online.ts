/**
 * One entry point for every online algorithm on a plain-JSON instance.
 *
 * @module
 */
import { type PdftspOptions, runPdftsp } from "./pdftsp.ts";
import { runEft, runNtm, runTitan, type TitanOptions } from "./baselines.ts";
import type { AlgorithmName, Instance, OnlineResult } from "./types.ts";
import { requireOneOf } from "../../core/validate.ts";

/** Options accepted by {@link runOnline} (each algorithm reads its own). */
export interface RunOnlineOptions extends PdftspOptions, TitanOptions {}

/** Names accepted by {@link runOnline}. */
export const ALGORITHMS: readonly AlgorithmName[] = ["pdftsp", "titan", "eft", "ntm"];

/**
 * Runs pdFTSP or a baseline.
 *
 * @param instance plain-JSON instance (schema in types.ts)
 * @param algorithm `pdftsp`, `titan`, `eft` or `ntm`
 * @param options algorithm options (seed, payment rule, DP grid, Titan time limit, ...)
 * @returns per-task admission, vendor, schedule (slot, node, work) and payment, plus welfare
 * @throws {ParameterError} on an unknown algorithm or a malformed instance
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runOnline } from "./run_online.ts";
 * const result = await runOnline({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 2, preprocessing: false, bid: 5 }] }, "eft");
 * assert.equal(result.welfare, 5);
 * ```
 */
export async function runOnline(
  instance: Instance,
  algorithm: AlgorithmName,
  options: RunOnlineOptions = {},
): Promise<OnlineResult> {
  switch (requireOneOf("algorithm", algorithm, ALGORITHMS)) {
    case "pdftsp":
      return runPdftsp(instance, options);
    case "titan":
      return await runTitan(instance, options);
    case "eft":
      return runEft(instance);
    case "ntm":
      return runNtm(instance, options);
  }
}
