/**
 * COMPARISON MECHANISMS, not part of AERIA: where does the measured incentive-compatibility failure
 * of the COCO auction come from? Each variant answers "what does bidder i get for a reported
 * budget?", and {@link misreportAudit} runs the same misreport audit on each (same random
 * instances, same ε streams as `incentiveAudit` in `properties.ts`).
 *
 * - `paper`: AERIA as implemented (`cocoAuction` on all reported bids).
 * - `frozen-delta-y`: the paper's pipeline, but δ and y come from the OTHER bids (ROSO on U^{-i});
 *   Π̃, CENTRE's acceptance test f(Π̃) ≤ Π̃/δ and REAL still see bidder i's report.
 * - `others-target`: the whole target Π̂_{-i} (ROSO, δ, y and CENTRE) comes from the other bids;
 *   ROSO's capacity admission and REAL with that fixed target still run on all reports.
 * - `bid-independent`: a consensus-estimate auction in the spirit of Goldberg & Hartline's CORE
 *   (consensus revenue estimate + cost sharing): bidder i is OFFERED a price per GFLOPS computed
 *   from the other bids only — the lowest density from which i would win ROSO admission + REAL with
 *   target Π̂_{-i} — wins iff its density reaches the offer, and pays offer × demand. A function of
 *   b_{-i} alone, so truthful for every ε stream by construction. When every bidder's Π̂_{-i}
 *   agrees (consensus) and admission is monotone it coincides with ROSO + REAL at that target; when
 *   the targets disagree, offers need not form one uniform price and winners need not fit the
 *   capacity (both counted in {@link bidIndependentAuction}).
 *
 * When the other bids have no δ-consensus (Π̃_{-i} = 0 or Φ̃_{-i} ≤ ζ_{-i}), the three comparison
 * variants do not serve bidder i (a rule that does not depend on i's report).
 *
 * @example
 * ```ts
 * import { misreportAudit } from "./ic_variants.ts";
 * misreportAudit("bid-independent", 20, 1).violations; // 0
 * ```
 *
 * @module
 */
import { mean, sampleVariance } from "simple-statistics";
import {
  requireArray,
  requireFinite,
  requireFunction,
  requireInRange,
  requireInteger,
  requireNonEmpty,
  requireObject,
  requireOneOf,
} from "../../core/validate.ts";
import { createRng } from "../../core/rng.ts";
import { findRoot, integrate } from "../../core/numerics.ts";
import { rankByDensity, roso } from "./auction.ts";
import { cocoAuction, consensusParameters, fixedTargetAuction, reservePrice } from "./coco.ts";
import { centre } from "./consensus.ts";
import { MISREPORT_FACTORS, randomAuctionInstance } from "./properties.ts";
import { buildScenario, DEFAULT_MARKET, type MarketConfig } from "./market.ts";
import { runSlot } from "./slot.ts";
import { requireAuctionMarket, requireFloats } from "./validate.ts";

/** The audited mechanisms. */
export const IC_VARIANTS = ["paper", "frozen-delta-y", "others-target", "bid-independent"] as const;
/** One audited mechanism. */
export type IcVariant = typeof IC_VARIANTS[number];

/** Display names. */
export const IC_VARIANT_LABELS: Record<IcVariant, string> = {
  paper: "AERIA as implemented",
  "frozen-delta-y": "δ, y frozen from the other bids",
  "others-target": "target Π̂ from the other bids, paper's ROSO + REAL",
  "bid-independent": "bid-independent offer (CORE-style, comparison)",
};

/** Everything but the budgets: demands, capacity and the reserve-price inputs. */
export interface AuctionMarket {
  /** ã_i > 0 (GFLOPS). */
  readonly demands: Float64Array;
  /** f_e. */
  readonly edgeGflops: number;
  /** p^r_t. */
  readonly rentalPrice: number;
  /** γ. */
  readonly gamma: number;
}

/** What one bidder gets. */
export interface BidderOutcome {
  /** whether the bidder wins */
  readonly won: boolean;
  /** Payment in budget units (0 when losing). */
  readonly payment: number;
}

const LOSES: BidderOutcome = { won: false, payment: 0 };

function withoutBidder(values: Float64Array, bidder: number): Float64Array {
  return Float64Array.from(values.filter((_, k) => k !== bidder));
}

/**
 * ROSO on the other bids U^{-i}, then CENTRE lines 1-7 there: δ_{-i}, y_{-i} and Π̂_{-i}.
 *
 * @param budgets reported β (entry `bidder` is ignored)
 * @param market demands, capacity, reserve-price inputs
 * @param bidder i
 * @param uniform ε source (a fresh stream per call keeps all bidders on the same draws)
 * @returns δ, y and the target, or null without a δ-consensus among the others
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { othersConsensus } from "./ic_variants.ts";
 * const market = { demands: Float64Array.of(1, 1, 1, 1), edgeGflops: 10, rentalPrice: 0, gamma: 0 };
 * assert.equal(othersConsensus(Float64Array.of(5, 4, 3, 2), market, 0, () => 0.5)?.delta, 2);
 * ```
 */
export function othersConsensus(
  budgets: Float64Array,
  market: AuctionMarket,
  bidder: number,
  uniform: () => number,
): { delta: number; y: number; target: number } | null {
  requireFloats("budgets", budgets);
  requireAuctionMarket(market);
  requireInteger("bidder", bidder, 0, budgets.length - 1);
  requireFunction("uniform", uniform, "an ε source () => number");
  const demands = withoutBidder(market.demands, bidder);
  const reserve = reservePrice(market.rentalPrice, market.gamma, market.edgeGflops);
  const r = roso(withoutBidder(budgets, bidder), demands, market.edgeGflops, reserve);
  const parameters = consensusParameters(r);
  if (parameters === null) return null;
  const { target } = centre(parameters.prefix.revenue, parameters.delta, parameters.y, uniform);
  return { ...parameters, target };
}

/**
 * Lowest density from which bidder i wins ROSO's capacity admission followed by REAL with a fixed
 * target, given the other bids (i wins for every density at or above it). Exact: for each position
 * of i in the density order the admitted set is fixed and REAL reaches i with a fixed Φ̂, so i wins
 * within that position iff its density ≥ target/Φ̂ (or REAL stops below i).
 *
 * @param budgets reported β (entry `bidder` is ignored)
 * @param market demands, capacity, reserve-price inputs
 * @param bidder i
 * @param target Π̂ > 0
 * @returns the offer per GFLOPS (Infinity when i cannot win at any density)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { thresholdOffer } from "./ic_variants.ts";
 * const market = { demands: Float64Array.of(1, 1, 1), edgeGflops: 10, rentalPrice: 0, gamma: 0 };
 * assert.equal(thresholdOffer(Float64Array.of(0, 6, 3), market, 0, 8), 8 / 3); // a three-way share
 * ```
 */
export function thresholdOffer(
  budgets: Float64Array,
  market: AuctionMarket,
  bidder: number,
  target: number,
): number {
  requireFloats("budgets", budgets);
  requireAuctionMarket(market);
  requireInteger("bidder", bidder, 0, budgets.length - 1);
  requireFinite("target", target);
  const { demands, edgeGflops } = market;
  const reserve = reservePrice(market.rentalPrice, market.gamma, edgeGflops);
  const others = Array.from(rankByDensity(budgets, demands, reserve)).filter((k) => k !== bidder);
  const density = (k: number) => budgets[k]! / demands[k]!;
  let offer = Infinity;
  for (let position = 0; position <= others.length; position++) {
    const hi = position === 0 ? Infinity : density(others[position - 1]!);
    const lo = position === others.length ? reserve : density(others[position]!);
    if (position > 0 && position < others.length && lo === hi) continue; // tied neighbours
    const cutoff = cutoffAtPosition(budgets, others, position, bidder, market, target);
    if (cutoff === null || cutoff > hi) return offer;
    if (cutoff > lo) return cutoff;
    offer = lo;
  }
  return offer;
}

/**
 * With i placed after the first `position` others: null when ROSO does not admit i, else the
 * density i needs to survive REAL (−Infinity when REAL stops below i).
 */
function cutoffAtPosition(
  budgets: Float64Array,
  others: number[],
  position: number,
  bidder: number,
  market: AuctionMarket,
  target: number,
): number | null {
  const { demands } = market;
  const order = [...others.slice(0, position), bidder, ...others.slice(position)];
  let remaining = market.edgeGflops;
  const admitted: number[] = [];
  for (const k of order) {
    if (remaining - demands[k]! > 0) {
      remaining -= demands[k]!;
      admitted.push(k);
    }
  }
  if (!admitted.includes(bidder)) return null;
  let sold = admitted.reduce((sum, k) => sum + demands[k]!, 0);
  for (let j = admitted.length - 1; j >= 0; j--) {
    const k = admitted[j]!;
    if (k === bidder) return target / sold;
    if (budgets[k]! / demands[k]! >= target / sold) return -Infinity;
    sold -= demands[k]!;
  }
  return null;
}

/**
 * Bidder i's outcome under one variant for the reported budgets (see the module comment).
 *
 * @param variant mechanism
 * @param budgets reported β
 * @param market demands, capacity, reserve-price inputs
 * @param bidder i
 * @param epsilonStream makes a fresh ε source; every call restarts the same draws
 * @returns whether i wins and what it pays
 * @example
 * ```ts
 * import { bidderOutcome } from "./ic_variants.ts";
 * const market = { demands: Float64Array.of(1, 1, 1, 1), edgeGflops: 10, rentalPrice: 0, gamma: 0 };
 * bidderOutcome("bid-independent", Float64Array.of(5, 4, 3, 2), market, 0, () => () => 0.5);
 * ```
 */
export function bidderOutcome(
  variant: IcVariant,
  budgets: Float64Array,
  market: AuctionMarket,
  bidder: number,
  epsilonStream: () => () => number,
): BidderOutcome {
  requireOneOf("variant", variant, IC_VARIANTS);
  requireFloats("budgets", budgets);
  requireAuctionMarket(market);
  requireInteger("bidder", bidder, 0, budgets.length - 1);
  requireFunction("epsilonStream", epsilonStream, "a factory of ε sources () => () => number");
  const { demands, edgeGflops, rentalPrice, gamma } = market;
  const own = (r: { winners: Int32Array; price: number | null }): BidderOutcome =>
    r.price !== null && r.winners.includes(bidder)
      ? { won: true, payment: r.price * demands[bidder]! }
      : LOSES;
  if (variant === "paper") {
    return own(cocoAuction(budgets, demands, edgeGflops, rentalPrice, gamma, epsilonStream()));
  }
  const others = othersConsensus(budgets, market, bidder, epsilonStream());
  if (others === null) return LOSES;
  switch (variant) {
    case "frozen-delta-y":
      return own(
        cocoAuction(budgets, demands, edgeGflops, rentalPrice, gamma, epsilonStream(), others),
      );
    case "others-target":
      return own(
        fixedTargetAuction(budgets, demands, edgeGflops, rentalPrice, gamma, others.target),
      );
    case "bid-independent": {
      const offer = thresholdOffer(budgets, market, bidder, others.target);
      return budgets[bidder]! / demands[bidder]! >= offer
        ? { won: true, payment: offer * demands[bidder]! }
        : LOSES;
    }
  }
}

/** Result of {@link bidIndependentAuction}. */
export interface BidIndependentResult {
  /** Offer per GFLOPS to each bidder (Infinity: no offer). */
  readonly offers: Float64Array;
  /** Bidders whose density reaches their offer. */
  readonly winners: number[];
  /** Σ offer·ã over the winners. */
  readonly revenue: number;
  /** Σ ã over the winners. */
  readonly soldGflops: number;
  /** Whether all winners were offered the same price (relative 1e-9). */
  readonly uniformPrice: boolean;
  /** Whether the winners' demand exceeds f_e (possible when the targets Π̂_{-i} disagree). */
  readonly overCapacity: boolean;
}

/**
 * The bid-independent comparison mechanism on one auction: every bidder gets the offer computed
 * from the other bids (its own CENTRE run restarts the same ε stream).
 *
 * @param budgets reported β
 * @param market demands, capacity, reserve-price inputs
 * @param epsilonStream makes a fresh ε source (same draws on every call)
 * @returns offers, winners, revenue and the two feasibility flags
 * @example
 * ```ts
 * import { bidIndependentAuction } from "./ic_variants.ts";
 * const market = { demands: Float64Array.of(1, 1, 1, 1), edgeGflops: 10, rentalPrice: 0, gamma: 0 };
 * bidIndependentAuction(Float64Array.of(5, 4, 3, 2), market, () => () => 0.5).revenue;
 * ```
 */
export function bidIndependentAuction(
  budgets: Float64Array,
  market: AuctionMarket,
  epsilonStream: () => () => number,
): BidIndependentResult {
  requireFloats("budgets", budgets);
  requireAuctionMarket(market);
  requireFunction("epsilonStream", epsilonStream, "a factory of ε sources () => () => number");
  const { demands } = market;
  const offers = new Float64Array(budgets.length).fill(Infinity);
  const winners: number[] = [];
  let revenue = 0;
  let sold = 0;
  for (let i = 0; i < budgets.length; i++) {
    const others = othersConsensus(budgets, market, i, epsilonStream());
    if (others === null) continue;
    offers[i] = thresholdOffer(budgets, market, i, others.target);
    if (budgets[i]! / demands[i]! >= offers[i]!) {
      winners.push(i);
      revenue += offers[i]! * demands[i]!;
      sold += demands[i]!;
    }
  }
  const prices = winners.map((i) => offers[i]!);
  const top = Math.max(0, ...prices);
  return {
    offers,
    winners,
    revenue,
    soldGflops: sold,
    uniformPrice: prices.every((p) => p >= top * (1 - 1e-9)),
    overCapacity: sold > market.edgeGflops,
  };
}

/** Result of {@link truthfulRevenueCost}. */
export interface TruthfulRevenueCost {
  /** market runs */
  readonly runs: number;
  /** slots per run */
  readonly slots: number;
  /** Mean revenue per slot ($) over all slots and runs. */
  readonly aeriaRevenue: number;
  /** mean revenue per slot of the bid-independent variant ($) */
  readonly bidIndependentRevenue: number;
  /** Mean over runs of (bid-independent − AERIA)/AERIA run revenue, with a 95% t interval (runs ≥ 2). */
  readonly relativeChange: number;
  /** lower end of the 95% t interval of `relativeChange` */
  readonly relativeLo: number;
  /** upper end of the 95% t interval of `relativeChange` */
  readonly relativeHi: number;
  /** Shares of slots (with at least one bid-independent winner) with one price / over capacity. */
  readonly uniformPriceShare: number;
  /** share of such slots in which the winners' demand exceeds capacity */
  readonly overCapacityShare: number;
  /** Mean winners per slot. */
  readonly aeriaWinners: number;
  /** mean winners per slot of the bid-independent variant */
  readonly bidIndependentWinners: number;
}

/**
 * Revenue of the bid-independent comparison mechanism against AERIA on the trace-driven market of
 * `traceDrivenRuns` (same scenarios, same Phase I demands, same CENTRE ε stream per slot).
 *
 * @param options runs, seed (runs use seed, seed + 1, …) and slots per run (default 360)
 * @returns mean revenues, the relative change and feasibility shares
 * @throws {ParameterError} for a non-positive run or slot count
 * @example
 * ```ts
 * import { truthfulRevenueCost } from "./ic_variants.ts";
 * truthfulRevenueCost({ runs: 1, seed: 1, slots: 4 }).aeriaRevenue;
 * ```
 */
export function truthfulRevenueCost(
  options: { runs: number; seed: number; slots?: number },
): TruthfulRevenueCost {
  requireObject("options", options, "options { runs, seed, slots? }");
  requireInteger("runs", options.runs, 1);
  const config: MarketConfig = {
    ...DEFAULT_MARKET,
    slots: options.slots ?? 360,
    electricity: "trace",
    wireless: "trace",
  };
  const totals = { aeria: 0, variant: 0, aeriaWinners: 0, variantWinners: 0 };
  const flags = { served: 0, uniform: 0, over: 0 };
  const relative: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    const scenario = buildScenario(config, options.seed + r);
    let runAeria = 0;
    let runVariant = 0;
    for (const input of scenario.slots) {
      const aeria = runSlot(input, "aeria", { trusted: true });
      const edge = aeria.demands.flatMap((d, i) => d.status === "edge" ? [{ i, a: d.gflops }] : []);
      const budgets = Float64Array.from(edge, ({ i }) => input.bids[i]!.budget);
      const market: AuctionMarket = {
        demands: Float64Array.from(edge, ({ a }) => a),
        edgeGflops: input.edgeGflops,
        rentalPrice: input.rentalPrice,
        gamma: input.gamma,
      };
      const variant = bidIndependentAuction(budgets, market, () => {
        const stream = createRng(input.seed ?? 1).stream("centre");
        return () => stream.uniform();
      });
      runAeria += aeria.revenue;
      runVariant += variant.revenue;
      totals.aeriaWinners += aeria.winners.length;
      totals.variantWinners += variant.winners.length;
      if (variant.winners.length > 0) {
        flags.served++;
        if (variant.uniformPrice) flags.uniform++;
        if (variant.overCapacity) flags.over++;
      }
    }
    totals.aeria += runAeria;
    totals.variant += runVariant;
    relative.push((runVariant - runAeria) / runAeria);
  }
  const slotCount = options.runs * config.slots;
  const interval = relative.length > 1
    ? meanInterval95(relative)
    : { mean: relative[0]!, halfWidth: NaN };
  return {
    runs: options.runs,
    slots: config.slots,
    aeriaRevenue: totals.aeria / slotCount,
    bidIndependentRevenue: totals.variant / slotCount,
    relativeChange: interval.mean,
    relativeLo: interval.mean - interval.halfWidth,
    relativeHi: interval.mean + interval.halfWidth,
    uniformPriceShare: flags.served === 0 ? 1 : flags.uniform / flags.served,
    overCapacityShare: flags.served === 0 ? 0 : flags.over / flags.served,
    aeriaWinners: totals.aeriaWinners / slotCount,
    bidIndependentWinners: totals.variantWinners / slotCount,
  };
}

/** Result of {@link misreportAudit}. */
export interface MisreportAudit {
  /** the auction variant audited */
  readonly variant: IcVariant;
  /** (instance, bidder, misreport factor) triples. */
  readonly trials: number;
  /** Misreports whose utility beat the truthful one (same ε draws) by more than 1e-9. */
  readonly violations: number;
  /** Largest gain from a misreport (budget units). */
  readonly worstGain: number;
}

/**
 * The misreport audit of `incentiveAudit` (same instances, same ε streams, same misreport factors)
 * for one variant. Utility = true budget − payment when winning, else 0.
 *
 * @param variant mechanism
 * @param instances random instances
 * @param seed seed (instances and ε streams as in `incentiveAudit(instances, seed)`)
 * @returns counts
 * @throws {ParameterError} for a non-positive instance count
 * @example
 * ```ts
 * import { misreportAudit } from "./ic_variants.ts";
 * misreportAudit("paper", 10, 1).trials;
 * ```
 */
export function misreportAudit(
  variant: IcVariant,
  instances: number,
  seed: number,
): MisreportAudit {
  requireInteger("instances", instances, 1);
  const rng = createRng(seed).stream("incentive-audit");
  let trials = 0;
  let violations = 0;
  let worstGain = 0;
  for (let k = 0; k < instances; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng);
    const drawSeed = rng.int(0, 2 ** 30);
    const market: AuctionMarket = { demands, edgeGflops: capacity, rentalPrice: 1e-9, gamma: 0 };
    const epsilonStream = () => {
      const stream = createRng(drawSeed).stream("epsilon");
      return () => stream.uniform();
    };
    const utility = (reported: Float64Array, i: number) => {
      const out = bidderOutcome(variant, reported, market, i, epsilonStream);
      return out.won ? budgets[i]! - out.payment : 0;
    };
    for (let i = 0; i < budgets.length; i++) {
      const truthful = utility(budgets, i);
      for (const factor of MISREPORT_FACTORS) {
        const lie = Float64Array.from(budgets);
        lie[i] = budgets[i]! * factor;
        trials++;
        const gain = utility(lie, i) - truthful;
        if (gain > 1e-9) {
          violations++;
          worstGain = Math.max(worstGain, gain);
        }
      }
    }
  }
  return { variant, trials, violations, worstGain };
}

/** One row of {@link icComparison}. */
export interface IcComparisonRow {
  /** the auction variant */
  readonly variant: IcVariant;
  /** display name of the variant */
  readonly label: string;
  /** Mean over seeds of the gaining-misreport share. */
  readonly share: number;
  /** 95% Student-t interval of that mean over seeds. */
  readonly lo: number;
  /** upper end of that interval */
  readonly hi: number;
  /** number of seeds */
  readonly seeds: number;
  /** misreports tried over all seeds */
  readonly trials: number;
  /** misreports that gained over all seeds */
  readonly violations: number;
  /** largest gain from a misreport (budget units) */
  readonly worstGain: number;
}

/**
 * Gaining-misreport share of every variant, per seed, with a 95% t interval over seeds.
 *
 * @param instances random instances per seed
 * @param seeds seeds (at least two for an interval)
 * @returns one row per variant
 * @throws {ParameterError} for fewer than two seeds or a non-positive instance count
 * @example
 * ```ts
 * import { icComparison } from "./ic_variants.ts";
 * icComparison(10, [1, 2, 3]).map((r) => [r.variant, r.share]);
 * ```
 */
export function icComparison(instances: number, seeds: readonly number[]): IcComparisonRow[] {
  requireNonEmpty("seeds", seeds);
  requireInteger("seed count", seeds.length, 2);
  return IC_VARIANTS.map((variant) => {
    const audits = seeds.map((seed) => misreportAudit(variant, instances, seed));
    const shares = audits.map((a) => a.violations / a.trials);
    const { mean, halfWidth } = meanInterval95(shares);
    return {
      variant,
      label: IC_VARIANT_LABELS[variant],
      share: mean,
      lo: mean - halfWidth,
      hi: mean + halfWidth,
      seeds: seeds.length,
      trials: audits.reduce((s, a) => s + a.trials, 0),
      violations: audits.reduce((s, a) => s + a.violations, 0),
      worstGain: Math.max(...audits.map((a) => a.worstGain)),
    };
  });
}

/**
 * Mean and the half-width of its 95% Student-t interval.
 *
 * @param values at least two samples
 * @returns mean and half-width
 * @throws {ParameterError} for fewer than two values
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanInterval95 } from "./ic_variants.ts";
 * const { mean, halfWidth } = meanInterval95([1, 2, 3]);
 * assert.equal(mean, 2);
 * assert.ok(Math.abs(halfWidth - 4.303 / Math.sqrt(3)) < 1e-3); // t(2) = 4.303, s = 1
 * ```
 */
export function meanInterval95(values: readonly number[]): { mean: number; halfWidth: number } {
  requireArray("values", values, "an array of finite numbers");
  values.forEach((value, i) => requireInRange(`values[${i}]`, value, -1e150, 1e150)); // squares stay finite
  requireInteger("sample count", values.length, 2);
  const n = values.length;
  const halfWidth = studentT975(n - 1) * Math.sqrt(sampleVariance([...values]) / n);
  return { mean: mean([...values]), halfWidth };
}

/**
 * Two-sided 95% Student-t critical value: with x = √ν·tan θ the density becomes ∝ cos^{ν−1} θ on
 * [0, π/2), so P(|T| ≤ x) is a ratio of two integrals of cos^{ν−1}.
 */
function studentT975(dof: number): number {
  const kernel = (theta: number) => Math.cos(theta) ** (dof - 1);
  const whole = integrate(kernel, 0, Math.PI / 2);
  const theta = findRoot((t) => integrate(kernel, 0, t) / whole - 0.95, 0, Math.PI / 2 - 1e-12);
  return Math.sqrt(dof) * Math.tan(theta);
}
