/**
 * Stage I speed as shown in the notebook: Theorem 3's algorithm against the exact reference and
 * the brute-force grid on one random market. `bench/stackelberg_bench.ts` is the authoritative measurement.
 *
 * @example
 * ```ts
 * import { stageOneTiming } from "./timing.ts";
 * const rows = stageOneTiming({ clients: 50, seed: 1, repetitions: 3 });
 * console.log(rows.length); // 3
 * ```
 *
 * @module
 */
import { type Displayable, table } from "../../core/display.ts";
import { timeIt } from "../../core/timing.ts";
import { bruteForceStageOne } from "./brute_force.ts";
import { exactStageOne } from "./exact_stage_one.ts";
import { parseMarket } from "./model.ts";
import { randomMarket } from "./instances.ts";
import { solveStageOne } from "./stage_one.ts";

/** One timed method. */
export interface StageOneTimingRow {
  /** what was timed (e.g. `"exact reference (candidate set)"`) */
  readonly method: string;
  /** N, market size */
  readonly clients: number;
  /** median wall time of one call, ms */
  readonly medianMs: number;
  /** fastest call, ms */
  readonly minMs: number;
  /** number of timed calls */
  readonly repetitions: number;
}

/** Target of the issue for Theorem 3's algorithm at N = 1000 (median, ms). */
export const STAGE_ONE_TARGET_MS = 50;

/**
 * Median wall time of Theorem 3's algorithm, of the exact reference and of a 400 × 400
 * brute-force grid.
 *
 * @param options number of clients, market seed, timed repetitions
 * @throws {ParameterError} for invalid market sizes or repetition counts
 */
export function stageOneTiming(
  options: { clients: number; seed: number; repetitions: number },
): StageOneTimingRow[] {
  const market = parseMarket(randomMarket({ clients: options.clients, seed: options.seed }));
  const methods: [string, () => unknown][] = [
    ["Theorem 3 sub-region algorithm", () => solveStageOne(market)],
    ["exact reference (candidate set)", () => exactStageOne(market)],
    [
      "brute force, 400 × 400 grid",
      () => bruteForceStageOne(market, { trainingSteps: 400, inferenceSteps: 400 }),
    ],
  ];
  return methods.map(([method, run]) => {
    const timing = timeIt(run, { repetitions: options.repetitions, warmup: 2 });
    return {
      method,
      clients: options.clients,
      medianMs: timing.medianMs,
      minMs: timing.minMs,
      repetitions: timing.repetitions,
    };
  });
}

/** The timing rows as a table whose caption states the target. */
export function stageOneTimingTable(rows: readonly StageOneTimingRow[]): Displayable {
  return table(rows, {
    caption:
      `Stage I wall time measured while this report ran (target for Theorem 3 at N = 1000: ` +
      `median < ${STAGE_ONE_TARGET_MS} ms; authoritative numbers: deno task bench)`,
  });
}
