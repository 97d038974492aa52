/**
 * Checks of Theorem 3 (Stage I) on seeded markets: against the exact reference {@link
 * exactStageOne} (the check of the theorem), and against the zoomed brute-force grid (a check of
 * the grid, reported as verification notes).
 *
 * @module
 */
import { bruteForceStageOne } from "./brute_force.ts";
import { exactStageOne } from "./exact_stage_one.ts";
import { randomMarket } from "./instances.ts";
import { type MarketSpec, parseMarket } from "./model.ts";
import { profitAt } from "./profit.ts";
import { solveStageOne } from "./stage_one.ts";
import { inferencePieces, trainingPieces } from "./subregions.ts";
import { requireArray, requireIntegers } from "../../core/validate.ts";

/** Theorem 3's algorithm against the exact reference ({@link compareWithExact}). */
export interface ExactComparison {
  /** random markets compared */
  readonly markets: number;
  /** markets where both report an optimum */
  readonly optimal: number;
  /** markets where both report infeasibility */
  readonly infeasible: number;
  /** markets where one reports an optimum and the other does not */
  readonly statusMismatches: number;
  /** max |F_exact − F_theorem| / max(1, |F_exact|) over optimal markets */
  readonly maxProfitGap: number;
  /** max |F_direct(theorem's prices) − F_theorem| / max(1, |F_theorem|): piece formula vs direct */
  readonly maxFormulaGap: number;
  /** markets where the literal rule (no feasibility test) returns a capacity-violating pair */
  readonly literalInfeasible: number;
  /**
   * of those, markets whose chosen sub-region is feasible at its top corner (a^T_{p+1},
   * a^I_{q+1}), i.e. would pass the feasibility test the appendix presupposes
   */
  readonly literalInfeasibleInFeasibleRegion: number;
}

/**
 * Runs Theorem 3's algorithm (guarded and literal rules) and {@link exactStageOne} on markets.
 *
 * @param specs plain-JSON markets with a finite inference price limit (values or a cap)
 * @returns agreement counts and the largest gaps
 * @example
 * ```ts
 * import { compareWithExact } from "./stage_one_checks.ts";
 * import { varietyMarkets } from "./instances.ts";
 * compareWithExact(varietyMarkets(1, 20)).maxProfitGap < 1e-9; // true
 * ```
 */
export function compareWithExact(specs: readonly MarketSpec[]): ExactComparison {
  requireArray("specs", specs, "an array of market specs");
  let optimal = 0;
  let infeasible = 0;
  let mismatches = 0;
  let maxProfitGap = 0;
  let maxFormulaGap = 0;
  let literalInfeasible = 0;
  let literalInRegion = 0;
  for (const spec of specs) {
    const market = parseMarket(spec);
    const theorem = solveStageOne(market);
    const exact = exactStageOne(market);
    if (theorem.status !== "optimal" || exact.status !== "optimal") {
      if (theorem.status === exact.status) infeasible++;
      else mismatches++;
      continue;
    }
    optimal++;
    maxProfitGap = Math.max(
      maxProfitGap,
      Math.abs(exact.profit - theorem.profit) / Math.max(1, Math.abs(exact.profit)),
    );
    const direct = profitAt(market, theorem.trainingPrice, theorem.inferencePrice);
    maxFormulaGap = Math.max(
      maxFormulaGap,
      direct.feasible
        ? Math.abs(direct.profit - theorem.profit) / Math.max(1, Math.abs(theorem.profit))
        : Infinity,
    );
    const literal = solveStageOne(market, { rule: "literal" });
    if (literal.status !== "optimal") continue;
    if (!profitAt(market, literal.trainingPrice, literal.inferencePrice).feasible) {
      literalInfeasible++;
      const top = profitAt(
        market,
        trainingPieces(market)[literal.trainingPiece]!.hi,
        inferencePieces(market)![literal.inferencePiece]!.hi,
      );
      if (top.feasible) literalInRegion++;
    }
  }
  return {
    markets: specs.length,
    optimal,
    infeasible,
    statusMismatches: mismatches,
    maxProfitGap,
    maxFormulaGap,
    literalInfeasible,
    literalInfeasibleInFeasibleRegion: literalInRegion,
  };
}

/** One Stage I comparison instance. */
export interface StageOneComparison {
  /** N, market size */
  readonly clients: number;
  /** seed of the random market */
  readonly seed: number;
  /** p^T* of Theorem 3's algorithm */
  readonly theoremTrainingPrice: number;
  /** p^I* of Theorem 3's algorithm */
  readonly theoremInferencePrice: number;
  /** F at the theorem's prices, by the piece formula */
  readonly theoremProfit: number;
  /** profit at the theorem's prices evaluated directly (Stage II + Stage III), or null if infeasible */
  readonly theoremDirectProfit: number | null;
  /** training price of the best brute-force grid point */
  readonly bruteTrainingPrice: number;
  /** inference price of the best brute-force grid point */
  readonly bruteInferencePrice: number;
  /** F at the best brute-force grid point */
  readonly bruteProfit: number;
  /** (theorem − brute) / |theorem| */
  readonly relativeGap: number;
  /** the literal (unguarded) rule's profit, and its point's direct profit (null: infeasible) */
  readonly literalProfit: number;
  /** direct profit at the literal rule's point (null: infeasible) */
  readonly literalDirectProfit: number | null;
}

/**
 * Runs Theorem 3's algorithm and a zooming brute-force grid on random markets.
 *
 * @param seeds instance seeds
 * @param sizes client counts
 * @param steps grid points per axis for the brute force (default 200, with 3 zoom passes)
 * @returns one row per (size, seed) with an optimum
 * @example
 * ```ts
 * import { compareStageOne } from "./stage_one_checks.ts";
 * const rows = compareStageOne([1, 2], [3]);
 * ```
 */
export function compareStageOne(
  seeds: readonly number[],
  sizes: readonly number[],
  steps = 200,
): StageOneComparison[] {
  requireIntegers("seeds", seeds);
  requireIntegers("sizes", sizes, 1, 1_000_000);
  const rows: StageOneComparison[] = [];
  for (const clients of sizes) {
    for (const seed of seeds) {
      const market = parseMarket(randomMarket({ clients, seed }));
      const theorem = solveStageOne(market);
      const literal = solveStageOne(market, { rule: "literal" });
      const brute = bruteForceStageOne(market, {
        trainingSteps: steps,
        inferenceSteps: steps,
        zoomLevels: 3,
      });
      if (theorem.status !== "optimal" || literal.status !== "optimal" || brute.best === null) {
        continue;
      }
      const direct = profitAt(market, theorem.trainingPrice, theorem.inferencePrice);
      const literalDirect = profitAt(market, literal.trainingPrice, literal.inferencePrice);
      rows.push({
        clients,
        seed,
        theoremTrainingPrice: theorem.trainingPrice,
        theoremInferencePrice: theorem.inferencePrice,
        theoremProfit: theorem.profit,
        theoremDirectProfit: direct.feasible ? direct.profit : null,
        bruteTrainingPrice: brute.best.trainingPrice,
        bruteInferencePrice: brute.best.inferencePrice,
        bruteProfit: brute.best.profit,
        relativeGap: (theorem.profit - brute.best.profit) / Math.abs(theorem.profit),
        literalProfit: literal.profit,
        literalDirectProfit: literalDirect.feasible ? literalDirect.profit : null,
      });
    }
  }
  return rows;
}
