/**
 * Checks of the paper's theorems and mechanism properties on random instances (checked, not
 * assumed): Theorem 1/Lemma 1 (consensus), Proposition 1 (removing one bid), Theorem 2 (expected
 * revenue bound, Monte Carlo with a confidence interval), incentive compatibility (misreported
 * budgets against truthful ones, same random draws), envy-freeness (uniform price) and budget
 * balance. Used by the tests, the claims ledger and the notebook.
 *
 * @example
 * ```ts
 * import { randomAuctionInstance, removalAudit } from "./properties.ts";
 * import { createRng } from "../../core/rng.ts";
 * const audit = removalAudit(200, createRng(1).stream("audit"));
 * console.log(audit.proposition1Violations); // 0
 * ```
 *
 * @module
 */
import { mean, sampleVariance } from "simple-statistics";
import type { Rng } from "../../core/rng.ts";
import { createRng } from "../../core/rng.ts";
import { requireInteger } from "../../core/validate.ts";
import { realAsPrinted, roso } from "./auction.ts";
import { cocoAuction, consensusPrefix } from "./coco.ts";
import { centre, consensusBase, consensusEstimate } from "./consensus.ts";
import { requireRng } from "./validate.ts";

/** A random auction instance (budgets, demands, capacity). */
export interface AuctionInstance {
  /** budgets of the bidders */
  readonly budgets: Float64Array;
  /** demands of the bidders, GFLOPS */
  readonly demands: Float64Array;
  /** capacity of the cluster, GFLOPS */
  readonly capacity: number;
}

/**
 * Draws an instance with `n` ∈ [3, maxBidders] bidders, budgets U[1, 10], demands U[0.5, 3] and a
 * capacity U[5, 40] (binding in many draws).
 *
 * @param rng randomness
 * @param maxBidders largest instance size
 * @returns the instance
 * @example
 * ```ts
 * import { randomAuctionInstance } from "./properties.ts";
 * import { createRng } from "../../core/rng.ts";
 * randomAuctionInstance(createRng(1).stream("x")).budgets.length; // 3-12
 * ```
 */
export function randomAuctionInstance(rng: Rng, maxBidders = 12): AuctionInstance {
  requireRng(rng);
  requireInteger("maxBidders", maxBidders, 3, 10_000);
  const n = rng.int(3, maxBidders);
  return {
    budgets: Float64Array.from({ length: n }, () => rng.uniformIn(1, 10)),
    demands: Float64Array.from({ length: n }, () => rng.uniformIn(0.5, 3)),
    capacity: rng.uniformIn(5, 40),
  };
}

function without(values: Float64Array, i: number): Float64Array {
  return Float64Array.from(values.filter((_, k) => k !== i));
}

/** Outcome of {@link removalAudit}. */
export interface RemovalAudit {
  /** bidder removals checked */
  readonly removals: number;
  /** Π̃(U^{-i}) < Π̃(U)·(Φ̃ − ζ)/Φ̃: Proposition 1 fails. */
  readonly proposition1Violations: number;
  /** Π̃(U^{-i}) > Π̃(U): the interval of Definition 2 is left from above (capacity effect). */
  readonly upperSideExceedances: number;
  /** Theorem 1: f(Π̃) ≤ Π̃/δ but f(Π̃(U)) ≠ f(Π̃(U^{-i})) for some i with Π̃(U^{-i}) ≤ Π̃(U). */
  readonly theorem1Violations: number;
  /** Checks of Theorem 1 performed (draws with f(Π̃) ≤ Π̃/δ, per removal). */
  readonly theorem1Checks: number;
}

/**
 * Removes each bid in turn from random instances and checks Proposition 1 and Theorem 1.
 *
 * @param instances number of instances
 * @param rng randomness
 * @returns counts
 * @example
 * ```ts
 * import { removalAudit } from "./properties.ts";
 * import { createRng } from "../../core/rng.ts";
 * removalAudit(50, createRng(1).stream("x")).proposition1Violations; // 0
 * ```
 */
export function removalAudit(instances: number, rng: Rng): RemovalAudit {
  requireRng(rng);
  requireInteger("instances", instances, 1, 1e6); // NaN must not report "0 violations" on no data
  let removals = 0;
  let p1 = 0;
  let upper = 0;
  let t1 = 0;
  let checks = 0;
  for (let k = 0; k < instances; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng);
    const full = roso(budgets, demands, capacity, 0);
    if (!(full.upperBound > 0 && full.phi > full.zeta)) continue;
    const delta = full.phi / (full.phi - full.zeta);
    const { y } = consensusBase(delta);
    const epsilon = rng.uniform();
    const estimate = consensusEstimate(full.upperBound, y, epsilon);
    for (let i = 0; i < budgets.length; i++) {
      removals++;
      const reduced = roso(without(budgets, i), without(demands, i), capacity, 0).upperBound;
      if (reduced < full.upperBound * (full.phi - full.zeta) / full.phi * (1 - 1e-12)) p1++;
      if (reduced > full.upperBound * (1 + 1e-12)) upper++;
      else if (estimate <= full.upperBound / delta && reduced > 0) {
        checks++;
        if (Math.abs(consensusEstimate(reduced, y, epsilon) - estimate) > 1e-9 * estimate) t1++;
      }
    }
  }
  return {
    removals,
    proposition1Violations: p1,
    upperSideExceedances: upper,
    theorem1Violations: t1,
    theorem1Checks: checks,
  };
}

/** Outcome of {@link printedRealAudit}. */
export interface PrintedRealAudit {
  /** Auctions in which COCO reached REAL. */
  readonly auctions: number;
  /** Winners of the printed Algorithm 3 charged more than their budget. */
  readonly overcharges: number;
  /** Auctions in which the printed algorithm's winners differ from COCO's. */
  readonly winnerMismatches: number;
}

/**
 * Runs Algorithm 3 exactly as printed (non-increasing density, Φ̂ ← Φ̃, break at the first
 * affordable user) on ROSO's winners under Definition 1 with CENTRE's target, on random
 * capacity-limited instances, and counts overcharged winners and disagreements with COCO's REAL.
 *
 * @param instances number of instances
 * @param rng randomness (instances and ε)
 * @returns counts
 * @example
 * ```ts
 * import { printedRealAudit } from "./properties.ts";
 * import { createRng } from "../../core/rng.ts";
 * printedRealAudit(50, createRng(1).stream("x")).overcharges; // 0
 * ```
 */
export function printedRealAudit(instances: number, rng: Rng): PrintedRealAudit {
  requireInteger("instances", instances, 1, 1e6);
  requireRng(rng);
  let auctions = 0;
  let overcharges = 0;
  let mismatches = 0;
  for (let k = 0; k < instances; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng);
    const coco = cocoAuction(budgets, demands, capacity, 0, 0, () => rng.uniform());
    const chosen = consensusPrefix(coco.roso);
    if (coco.consensus === null || chosen === null) continue;
    auctions++;
    const members = coco.roso.admitted.subarray(0, chosen.prefix.length);
    const printed = realAsPrinted(
      budgets,
      demands,
      members,
      coco.consensus.target,
      chosen.prefix.phi,
    );
    for (const i of printed.winners) {
      if (printed.price! * demands[i]! > budgets[i]! * (1 + 1e-12)) overcharges++;
    }
    const same = printed.winners.length === coco.winners.length &&
      Array.from(printed.winners).every((i) => coco.winners.includes(i));
    if (!same) mismatches++;
  }
  return { auctions, overcharges, winnerMismatches: mismatches };
}

/** Monte Carlo estimate with a 99.9% confidence interval (z = 3.29). */
export interface MonteCarloEstimate {
  /** sample mean */
  readonly mean: number;
  /** lower end of the 99.9% interval */
  readonly lo: number;
  /** upper end of the 99.9% interval */
  readonly hi: number;
  /** number of samples */
  readonly samples: number;
}

function estimate(values: readonly number[]): MonteCarloEstimate {
  const n = values.length;
  const center = mean([...values]);
  const half = 3.29 * Math.sqrt(sampleVariance([...values]) / n);
  return { mean: center, lo: center - half, hi: center + half, samples: n };
}

/** Theorem 2 check for one δ. */
export interface Theorem2Check {
  /** δ, the consensus parameter */
  readonly delta: number;
  /** y, the base that maximises Theorem 2 bound for this δ (CENTRE line 2) */
  readonly y: number;
  /** (1/ln y)(1/δ − 1/y). */
  readonly bound: number;
  /** E[f(Π)·1{f(Π) ≤ Π/δ}]/Π (the quantity Theorem 2's integral computes). */
  readonly truncated: MonteCarloEstimate;
  /** E[Π̂]/Π of CENTRE (repeat until accepted). */
  readonly centre: MonteCarloEstimate;
  /** Closed form of CENTRE's conditional mean: (1/δ − 1/y)/ln(y/δ). */
  readonly centreExact: number;
}

/**
 * Monte Carlo check of Theorem 2 at a given δ (Π = 1 without loss of generality: f scales).
 *
 * @param delta δ > 1
 * @param samples number of draws
 * @param seed seed
 * @returns estimates and closed forms
 * @example
 * ```ts
 * import { theorem2MonteCarlo } from "./properties.ts";
 * theorem2MonteCarlo(2, 10_000, 1).bound; // ≈ 0.1867
 * ```
 */
export function theorem2MonteCarlo(delta: number, samples: number, seed: number): Theorem2Check {
  const { y, ratio } = consensusBase(delta);
  const rng = createRng(seed).stream(`theorem2-${delta}`);
  const uniform = () => rng.uniform();
  const upper = 1000 * (1 + rng.uniform()); // an arbitrary Π̃
  const truncated: number[] = [];
  const accepted: number[] = [];
  for (let k = 0; k < samples; k++) {
    const f = consensusEstimate(upper, y, uniform());
    truncated.push(f <= upper / delta ? f / upper : 0);
    accepted.push(centre(upper, delta, y, uniform).target / upper);
  }
  return {
    delta,
    y,
    bound: ratio,
    truncated: estimate(truncated),
    centre: estimate(accepted),
    centreExact: (1 / delta - 1 / y) / Math.log(y / delta),
  };
}

/** Outcome of {@link incentiveAudit}. */
export interface IncentiveAudit {
  /** (instance, bidder, misreport) triples tried. */
  readonly trials: number;
  /** Misreports whose utility beat the truthful one with the same random draws. */
  readonly violations: number;
  /** Violations where Π̂ differed between truth and lie (δ, y or the accepted ε moved). */
  readonly targetMoved: number;
  /** Violations where the truthful run had no consensus (Φ̃ ≤ ζ) and sold nothing. */
  readonly truthNoConsensus: number;
  /** Largest utility gain from lying (budget units). */
  readonly worstGain: number;
  /** Winners paying more than their budget, over all runs (budget balance). */
  readonly budgetViolations: number;
  /**
   * Losers whose density was at least the uniform price (they would take a winner's deal): only
   * possible when the reserve price or the capacity excluded them before REAL.
   */
  readonly losersAbovePrice: number;
  /** Auction runs performed (truthful and misreported). */
  readonly runs: number;
  /** Runs in which revenue differed from the target Π̂ (beyond rounding). */
  readonly revenueOffTarget: number;
}

/** Budget multipliers tried as misreports. */
export const MISREPORT_FACTORS: readonly number[] = [0.25, 0.5, 0.8, 0.95, 1.05, 1.25, 2, 4, 10];

/**
 * Utility of each bidder under truthful and misreported budgets, with identical ε streams.
 * Utility = true budget − payment when winning, 0 otherwise (budget as valuation).
 *
 * @param instances number of random instances
 * @param seed seed
 * @returns counts
 * @example
 * ```ts
 * import { incentiveAudit } from "./properties.ts";
 * incentiveAudit(10, 1).budgetViolations; // 0
 * ```
 */
export function incentiveAudit(instances: number, seed: number): IncentiveAudit {
  requireInteger("instances", instances, 1, 1e6);
  const rng = createRng(seed).stream("incentive-audit");
  let trials = 0;
  let violations = 0;
  let targetMoved = 0;
  let truthNoConsensus = 0;
  let worstGain = 0;
  let budgetViolations = 0;
  let envious = 0;
  let runs = 0;
  let offTarget = 0;
  for (let k = 0; k < instances; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng);
    const drawSeed = rng.int(0, 2 ** 30);
    const run = (reported: Float64Array) => {
      const stream = createRng(drawSeed).stream("epsilon");
      runs++;
      const result = cocoAuction(reported, demands, capacity, 1e-9, 0, () => stream.uniform());
      const charged = Array.from(result.winners, (i) => (result.price ?? 0) * demands[i]!);
      charged.forEach((pay, w) => {
        if (pay > reported[result.winners[w]!]! * (1 + 1e-12)) budgetViolations++;
      });
      if (result.price !== null) {
        const won = new Set(result.winners);
        for (let i = 0; i < reported.length; i++) {
          if (!won.has(i) && reported[i]! / demands[i]! >= result.price) envious++;
        }
      }
      const revenue = charged.reduce((a, b) => a + b, 0);
      if (result.consensus && result.price !== null) {
        if (Math.abs(revenue - result.consensus.target) > 1e-9 * result.consensus.target) {
          offTarget++;
        }
      }
      return result;
    };
    const truth = run(budgets);
    const utility = (r: ReturnType<typeof run>, i: number) =>
      r.price !== null && r.winners.includes(i) ? budgets[i]! - r.price * demands[i]! : 0;
    for (let i = 0; i < budgets.length; i++) {
      const truthful = utility(truth, i);
      for (const factor of MISREPORT_FACTORS) {
        const lie = Float64Array.from(budgets);
        lie[i] = budgets[i]! * factor;
        const out = run(lie);
        trials++;
        const gain = utility(out, i) - truthful;
        if (gain > 1e-9) {
          violations++;
          worstGain = Math.max(worstGain, gain);
          if (truth.consensus === null) truthNoConsensus++;
          else if (
            out.consensus === null ||
            Math.abs(out.consensus.target - truth.consensus.target) > 1e-9 * truth.consensus.target
          ) targetMoved++;
        }
      }
    }
  }
  return {
    trials,
    violations,
    targetMoved,
    truthNoConsensus,
    worstGain,
    budgetViolations,
    losersAbovePrice: envious,
    runs,
    revenueOffTarget: offTarget,
  };
}
