/**
 * Brute-force search of the Stage I profit surface: a uniform grid over
 * (0, p^T_max] × (0, p^I_max], each point evaluated from the clients' best responses and the
 * Stage III cost ({@link profitOfDemand}). Independent of the sub-region machinery of Theorem 3.
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireInteger, requireObject, requirePositive } from "../../core/validate.ts";
import { totalInferenceDemand, totalTrainingDemand } from "./demand.ts";
import type { Market } from "./model.ts";
import { profitOfCheckedDemand } from "./profit.ts";
import { requireMarket } from "./validate.ts";

/** Options of {@link bruteForceStageOne}. */
export interface BruteForceOptions {
  /** grid points along p^T (default 400) */
  readonly trainingSteps?: number;
  /** grid points along p^I (default 400) */
  readonly inferenceSteps?: number;
  /** highest p^I searched; required when the market has no inference price limit */
  readonly inferenceLimit?: number;
  /**
   * Zoom passes after the full grid (default 0): each re-grids a window of ±2 cells around the
   * best point at the same resolution, so the search converges without a huge grid. It can only
   * find a local refinement of the coarse grid's best cell.
   */
  readonly zoomLevels?: number;
}

/** The grid and its best point. */
export interface ProfitSurface {
  /** training prices of the grid, ascending */
  readonly trainingPrices: Float64Array;
  /** inference prices of the grid, ascending */
  readonly inferencePrices: Float64Array;
  /** profit[i * inferencePrices.length + j]; `-Infinity` marks an infeasible point */
  readonly profit: Float64Array;
  /** best grid point, or `null` when every point is infeasible */
  readonly best: {
    readonly trainingPrice: number;
    readonly inferencePrice: number;
    readonly profit: number;
  } | null;
}

/**
 * Evaluates the profit on a uniform price grid and returns its maximum.
 *
 * @param market validated market
 * @param options grid sizes and (when needed) the inference price limit
 * @returns the surface and its best feasible point
 * @throws {ParameterError} for bad grid sizes, or a missing `inferenceLimit` when the market has
 *   no inference price limit
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * import { bruteForceStageOne } from "./brute_force.ts";
 * import { solveStageOne } from "./stage_one.ts";
 * const m = parseMarket({ provider: { highGpus: 2, lowGpus: 3, costs: { trainingHigh: 1,
 *   trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } }, clients: [{ training: { gamma: 10,
 *   theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1, value: 30 } }] });
 * const s = bruteForceStageOne(m, { trainingSteps: 50, inferenceSteps: 50 });
 * const theorem = solveStageOne(m);
 * assert.ok(theorem.status === "optimal" && s.best !== null);
 * assert.ok(s.best.profit <= theorem.profit * (1 + 1e-9)); // a grid never beats the optimum
 * assert.ok(s.best.profit >= theorem.profit * (1 - 1e-3)); // and comes close
 * ```
 */
export function bruteForceStageOne(market: Market, options: BruteForceOptions = {}): ProfitSurface {
  requireMarket(market);
  requireObject("options", options, "brute-force options (an object)");
  const surface = gridSearch(
    market,
    options,
    0,
    market.trainingPriceLimit,
    0,
    limitOf(market, options),
  );
  let best = surface.best;
  const zoomLevels = requireInteger("zoomLevels", options.zoomLevels ?? 0, 0, 20);
  let cell = {
    training: market.trainingPriceLimit / surface.trainingPrices.length,
    inference: limitOf(market, options) / surface.inferencePrices.length,
  };
  for (let level = 0; level < zoomLevels && best !== null; level++) {
    const t0 = Math.max(0, best.trainingPrice - 2 * cell.training);
    const i0 = Math.max(0, best.inferencePrice - 2 * cell.inference);
    const zoomed = gridSearch(
      market,
      options,
      t0,
      best.trainingPrice + 2 * cell.training,
      i0,
      best.inferencePrice + 2 * cell.inference,
    );
    if (zoomed.best !== null && zoomed.best.profit > best.profit) best = zoomed.best;
    cell = {
      training: (4 * cell.training) / surface.trainingPrices.length,
      inference: (4 * cell.inference) / surface.inferencePrices.length,
    };
  }
  return { ...surface, best };
}

function limitOf(market: Market, options: BruteForceOptions): number {
  const inferenceLimit = options.inferenceLimit ?? market.inferencePriceLimit;
  if (inferenceLimit === null) {
    throw new ParameterError(
      "inferenceLimit",
      undefined,
      "a positive number: the market has no inference price cap and no finite thresholds",
    );
  }
  return requirePositive("inferenceLimit", inferenceLimit);
}

function gridSearch(
  market: Market,
  options: BruteForceOptions,
  trainingFrom: number,
  trainingTo: number,
  inferenceFrom: number,
  inferenceTo: number,
): ProfitSurface {
  const trainingSteps = requireInteger("trainingSteps", options.trainingSteps ?? 400, 1, 100_000);
  const inferenceSteps = requireInteger(
    "inferenceSteps",
    options.inferenceSteps ?? 400,
    1,
    100_000,
  );
  const trainingPrices = Float64Array.from(
    { length: trainingSteps },
    (_, i) => trainingFrom + ((trainingTo - trainingFrom) * (i + 1)) / trainingSteps,
  );
  const inferencePrices = Float64Array.from(
    { length: inferenceSteps },
    (_, j) => inferenceFrom + ((inferenceTo - inferenceFrom) * (j + 1)) / inferenceSteps,
  );
  const trainingDemand = trainingPrices.map((p) => totalTrainingDemand(market, p));
  const inferenceDemand = inferencePrices.map((p) => totalInferenceDemand(market, p));
  const profit = new Float64Array(trainingSteps * inferenceSteps);
  let best: ProfitSurface["best"] = null;
  for (let i = 0; i < trainingSteps; i++) {
    for (let j = 0; j < inferenceSteps; j++) {
      const result = profitOfCheckedDemand(market, trainingPrices[i]!, inferencePrices[j]!, {
        training: trainingDemand[i]!,
        inference: inferenceDemand[j]!,
      });
      const value = result.feasible ? result.profit : -Infinity;
      profit[i * inferenceSteps + j] = value;
      if (result.feasible && (best === null || value > best.profit)) {
        best = {
          trainingPrice: trainingPrices[i]!,
          inferencePrice: inferencePrices[j]!,
          profit: value,
        };
      }
    }
  }
  return { trainingPrices, inferencePrices, profit, best };
}
