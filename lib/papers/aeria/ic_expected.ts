/**
 * Expected-utility incentive audit of AERIA, next to the per-draw audit of `properties.ts`.
 *
 * The per-draw audit compares a misreport with the truth on the same ε stream. A randomized
 * mechanism is truthful in expectation when no misreport raises the *expected* utility over
 * CENTRE's randomness, which is what Goldberg-Hartline's consensus-estimate argument promises. Here
 * the expectation is exact: by Lemma 2 CENTRE's accepted target is Π̃·y^(u−1) with u uniform on
 * [0, c], c = 1 − ln δ/ln y (the redraw loop conditions on u ≤ c), so
 * E[Π̂] = Π̃·(1/δ − 1/y)/(c·ln y). With ROSO's winners taken as Definition 1's prefix, REAL removes
 * nobody (every member's density is at least Π̃/Φ̃ > Π̂/Φ̃), so a prefix member i pays Π̂·ã_i/Φ̃ and
 * its expected utility is β_i − E[Π̂]·ã_i/Φ̃; everybody else gets 0.
 *
 * @example
 * ```ts
 * import { expectedUtilityAudit } from "./ic_expected.ts";
 * const audit = expectedUtilityAudit(50, 1, "limited");
 * console.log(audit.gaining / audit.trials);
 * ```
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import {
  requireGreaterThan,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from "../../core/validate.ts";
import { roso } from "./auction.ts";
import { consensusParameters } from "./coco.ts";
import { MISREPORT_FACTORS, randomAuctionInstance } from "./properties.ts";
import { requireCapacity, requireFloats } from "./validate.ts";

/**
 * E[Π̂] of CENTRE for a given Π̃, δ and y (Lemma 2 conditioned on CENTRE's acceptance test).
 *
 * @param upperBound Π̃ > 0
 * @param delta δ > 1
 * @param y y > δ
 * @returns the expected target revenue
 * @example
 * ```ts
 * import { expectedTarget } from "./ic_expected.ts";
 * import { consensusBase } from "./consensus.ts";
 * expectedTarget(100, 1.5, consensusBase(1.5).y); // between 100/y and 100/1.5
 * ```
 */
export function expectedTarget(upperBound: number, delta: number, y: number): number {
  requirePositive("upperBound", upperBound);
  requireGreaterThan("delta", delta, 1, "delta > 1");
  requireGreaterThan("y", y, delta, `y > delta (= ${delta})`);
  const lnY = Math.log(y);
  const c = 1 - Math.log(delta) / lnY;
  return upperBound * (1 / delta - 1 / y) / (c * lnY);
}

/**
 * Exact expected utility of bidder i in AERIA's COCO auction (reserve price 0) when the bids are
 * `reported` and i's true budget is `trueBudget`.
 *
 * @param reported reported budgets
 * @param demands ã
 * @param capacity f_e (Infinity: no capacity limit)
 * @param bidder i
 * @param trueBudget i's valuation
 * @returns E[utility] over CENTRE's ε
 * @example
 * ```ts
 * import { expectedUtility } from "./ic_expected.ts";
 * const b = Float64Array.of(5, 4, 3, 2);
 * expectedUtility(b, Float64Array.of(1, 1, 1, 1), 100, 0, 5) > 0; // true
 * ```
 */
export function expectedUtility(
  reported: Float64Array,
  demands: Float64Array,
  capacity: number,
  bidder: number,
  trueBudget: number,
): number {
  requireFloats("reported", reported);
  requireFloats("demands", demands);
  requireCapacity("capacity", capacity);
  requireInteger("bidder", bidder, 0, reported.length - 1);
  requireNonNegative("trueBudget", trueBudget);
  const r = roso(reported, demands, capacity, 0);
  const parameters = consensusParameters(r);
  if (parameters === null) return 0;
  const { prefix, delta, y } = parameters;
  const members = r.admitted.subarray(0, prefix.length);
  if (!members.includes(bidder)) return 0;
  const meanTarget = expectedTarget(prefix.revenue, delta, y);
  return trueBudget - meanTarget * demands[bidder]! / prefix.phi;
}

/** Outcome of {@link expectedUtilityAudit}. */
export interface ExpectedUtilityAudit {
  /** (instance, bidder, factor) misreports tried. */
  readonly trials: number;
  /** Misreports whose expected utility exceeds the truthful one. */
  readonly gaining: number;
  /** Largest expected gain, in budget units. */
  readonly worstGain: number;
}

/**
 * Counts misreports (budget × {@link MISREPORT_FACTORS}) that raise a bidder's exact expected
 * utility, on the random instances of `properties.ts`, with their capacity or with none.
 *
 * @param instances number of instances (≥ 1)
 * @param seed seed of the instances
 * @param capacity `"limited"`: each instance's capacity; `"unlimited"`: f_e = ∞
 * @returns counts
 * @throws {ParameterError} for a non-positive instance count
 * @example
 * ```ts
 * import { expectedUtilityAudit } from "./ic_expected.ts";
 * expectedUtilityAudit(20, 1, "unlimited").trials > 0; // true
 * ```
 */
export function expectedUtilityAudit(
  instances: number,
  seed: number,
  capacity: "limited" | "unlimited",
): ExpectedUtilityAudit {
  requireInteger("instances", instances, 1);
  const rng = createRng(seed).stream("expected-utility-audit");
  let trials = 0;
  let gaining = 0;
  let worstGain = 0;
  for (let k = 0; k < instances; k++) {
    const instance = randomAuctionInstance(rng);
    const { budgets, demands } = instance;
    const fe = capacity === "limited" ? instance.capacity : Infinity;
    for (let i = 0; i < budgets.length; i++) {
      const truthful = expectedUtility(budgets, demands, fe, i, budgets[i]!);
      for (const factor of MISREPORT_FACTORS) {
        const lie = Float64Array.from(budgets);
        lie[i] = budgets[i]! * factor;
        trials++;
        const gain = expectedUtility(lie, demands, fe, i, budgets[i]!) - truthful;
        if (gain > 1e-9 * Math.max(1, budgets[i]!)) {
          gaining++;
          worstGain = Math.max(worstGain, gain);
        }
      }
    }
  }
  return { trials, gaining, worstGain };
}
