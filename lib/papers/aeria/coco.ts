/**
 * Phase II of AERIA, the COCO auction (paper Sec. V-C): ROSO → δ (Proposition 1) → y (CENTRE
 * line 2) → target revenue (CENTRE) → REAL cost sharing. Also the fixed-target variant used by the
 * "Fixed Profit Rate" baseline (ROSO's admitted set, REAL with a given target).
 *
 * CENTRE and REAL run on ROSO's winners Ũ (Definition 1: the revenue-maximising prefix, with Φ̃ and
 * ζ over it; see `auction.ts`). When that prefix is a single bidder, Φ̃ = ζ and δ = Φ̃/(Φ̃ − ζ) is
 * undefined: the paper says nothing about this case, and read literally CENTRE cannot run (no
 * y > δ = ∞), i.e. no sale. We fall back to the best single-price revenue with at least two
 * winners (F^(2), the benchmark of Goldberg & Hartline, the paper's ref. [35]) and flag it
 * (`twoWinnerFallback`), so the ledger can report what the literal reading would lose.
 *
 * Documented "not served" outcomes (no sale, never NaN): nobody passes the reserve price or fits
 * the capacity (Π̃ = 0); or exactly one user is admitted, so no two-winner prefix exists.
 *
 * @example
 * ```ts
 * import { cocoAuction } from "./coco.ts";
 * const r = cocoAuction(Float64Array.of(5, 4, 3, 2), Float64Array.of(1, 1, 1, 1), 100, 1, 0, () => 0.5);
 * console.log(r.price, r.consensus?.delta);
 * ```
 *
 * @module
 */
import { real, roso, type RosoPrefix, type RosoResult } from "./auction.ts";
import { ParameterError } from "../../core/errors.ts";
import { requireFinite, requireNonNegative, requirePositive } from "../../core/validate.ts";
import { centre, consensusBase, revenueBound } from "./consensus.ts";
import { requireRosoResult } from "./validate.ts";

/** What CENTRE computed. */
export interface ConsensusInfo {
  /** Π̃(U_t). */
  readonly upperBound: number;
  /** δ = Φ̃/(Φ̃ − ζ). */
  readonly delta: number;
  /** Base y maximising the Theorem 2 bound. */
  readonly y: number;
  /** Theorem 2 bound (1/ln y)(1/δ − 1/y). */
  readonly ratioBound: number;
  /** Target revenue Π̂ = f(Π̃). */
  readonly target: number;
  /** CENTRE loop iterations. */
  readonly iterations: number;
}

/** Winners (indices into the arrays passed in) and price. */
export interface AuctionResult {
  /** indices of the winning bidders */
  readonly winners: Int32Array;
  /** uniform price per GFLOPS, null when nothing is sold */
  readonly price: number | null;
  /** GFLOPS sold to the winners */
  readonly soldGflops: number;
  /** the ROSO step's outcome */
  readonly roso: RosoResult;
  /** CENTRE's consensus numbers, null when no consensus was computed */
  readonly consensus: ConsensusInfo | null;
  /** True when Definition 1's prefix was one bidder and the two-winner prefix F^(2) was used. */
  readonly twoWinnerFallback: boolean;
  /** Why nothing was sold, when nothing was. */
  readonly noSaleReason: string | null;
}

const NOBODY = new Int32Array(0);

function noSale(
  r: RosoResult,
  reason: string,
  consensus: ConsensusInfo | null = null,
  twoWinnerFallback = false,
): AuctionResult {
  return {
    winners: NOBODY,
    price: null,
    soldGflops: 0,
    roso: r,
    consensus,
    twoWinnerFallback,
    noSaleReason: reason,
  };
}

/**
 * The prefix CENTRE and REAL work on: Definition 1's maximising prefix when it has two or more
 * users, else the best two-winner prefix F^(2).
 *
 * @param r ROSO outcome
 * @returns the prefix and whether it is the fallback, or null when fewer than two users are
 *   admitted (or nobody passes)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { consensusPrefix } from "./coco.ts";
 * import { roso } from "./auction.ts";
 * // β = (10, 1): Definition 1 sells to the first alone (10 > 2); F^(2) = 2 sells to both.
 * const prefix = consensusPrefix(roso(Float64Array.of(10, 1), Float64Array.of(1, 1), 10, 0));
 * assert.equal(prefix?.fallback, true);
 * ```
 */
export function consensusPrefix(r: RosoResult): { prefix: RosoPrefix; fallback: boolean } | null {
  requireRosoResult(r);
  if (!(r.upperBound > 0)) return null;
  if (r.prefixLength >= 2) {
    const prefix = { revenue: r.upperBound, phi: r.phi, length: r.prefixLength, zeta: r.zeta };
    return { prefix, fallback: false };
  }
  return r.twoWinner === null ? null : { prefix: r.twoWinner, fallback: true };
}

/** δ and the base y that CENTRE uses. */
export interface ConsensusParameters {
  /** The prefix (Π̃, Φ̃, ζ, winners' count) δ was computed from. */
  readonly prefix: RosoPrefix;
  /** Whether `prefix` is the two-winner fallback. */
  readonly fallback: boolean;
  /** δ = Φ̃/(Φ̃ − ζ) > 1. */
  readonly delta: number;
  /** y > δ. */
  readonly y: number;
}

/**
 * CENTRE lines 1-2 from a ROSO outcome: δ = Φ̃/(Φ̃ − ζ) over {@link consensusPrefix} and the y
 * maximising Theorem 2's bound.
 *
 * @param r ROSO outcome
 * @returns δ, y and the prefix, or null when there is no two-user prefix
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { consensusParameters } from "./coco.ts";
 * import { roso } from "./auction.ts";
 * const r = roso(Float64Array.of(5, 4, 3), Float64Array.of(1, 1, 1), 10, 0);
 * assert.equal(consensusParameters(r)?.delta, 1.5);
 * ```
 */
export function consensusParameters(r: RosoResult): ConsensusParameters | null {
  requireRosoResult(r);
  const chosen = consensusPrefix(r);
  if (chosen === null) return null;
  const { prefix, fallback } = chosen;
  const delta = prefix.phi / (prefix.phi - prefix.zeta);
  return { delta, y: consensusBase(delta).y, prefix, fallback };
}

/**
 * Checks an auction's bids and market: as many budgets as demands, budgets finite and >= 0,
 * demands finite and > 0 (a NaN budget must not silently drop its bidder), f_e > 0, p^r_t >= 0,
 * γ finite.
 */
function requireAuctionInput(
  budgets: Float64Array,
  demands: Float64Array,
  edgeGflops: number,
  rentalPrice: number,
  gamma: number,
): void {
  if (!(budgets instanceof Float64Array) || !(demands instanceof Float64Array)) {
    throw new ParameterError("budgets, demands", typeof budgets, "two Float64Arrays");
  }
  if (budgets.length !== demands.length) {
    throw new ParameterError(
      "demands.length",
      demands.length,
      `${budgets.length} (one per budget)`,
    );
  }
  budgets.forEach((b, i) => requireNonNegative(`budgets[${i}]`, b));
  demands.forEach((a, i) => requirePositive(`demands[${i}]`, a));
  requirePositive("edgeGflops", edgeGflops);
  requireNonNegative("rentalPrice", rentalPrice);
  requireFinite("gamma", gamma);
}

/**
 * ROSO + CENTRE + REAL on the bidders that have an edge demand.
 *
 * @param budgets β_i
 * @param demands ã_i > 0 (GFLOPS)
 * @param edgeGflops f_e
 * @param rentalPrice p^r_t ($ per slot)
 * @param gamma minimum profit rate γ
 * @param uniform ε source for CENTRE
 * @param frozen δ and y to use instead of those computed from these bids (only for the
 *   incentive-compatibility comparison in `ic_variants.ts`; AERIA itself never passes it)
 * @returns the auction result
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cocoAuction } from "./coco.ts";
 * const r = cocoAuction(Float64Array.of(5, 4, 3), Float64Array.of(1, 1, 1), 10, 1, 0, Math.random);
 * assert.equal(r.consensus?.delta, 1.5); // δ does not depend on the random draw
 * ```
 */
export function cocoAuction(
  budgets: Float64Array,
  demands: Float64Array,
  edgeGflops: number,
  rentalPrice: number,
  gamma: number,
  uniform: () => number,
  frozen?: Pick<ConsensusParameters, "delta" | "y">,
): AuctionResult {
  requireAuctionInput(budgets, demands, edgeGflops, rentalPrice, gamma);
  const r = roso(budgets, demands, edgeGflops, reservePrice(rentalPrice, gamma, edgeGflops));
  if (r.upperBound <= 0) return noSale(r, "nobody passes the reserve price and fits the capacity");
  const own = consensusParameters(r);
  if (own === null) return noSale(r, "no δ-consensus: fewer than two users admitted");
  const { prefix, fallback } = own;
  const { delta, y } = frozen ?? own;
  const c = centre(prefix.revenue, delta, y, uniform);
  const consensus: ConsensusInfo = {
    upperBound: prefix.revenue,
    delta,
    y,
    ratioBound: revenueBound(delta, y),
    target: c.target,
    iterations: c.iterations,
  };
  const w = real(budgets, demands, r.admitted.subarray(0, prefix.length), c.target);
  if (w.price === null) {
    return noSale(r, "no candidate can pay the target share", consensus, fallback);
  }
  return { ...w, roso: r, consensus, twoWinnerFallback: fallback, noSaleReason: null };
}

/**
 * ROSO's admitted set, then REAL with a fixed target revenue (the Fixed Profit Rate baseline).
 *
 * @param budgets β_i
 * @param demands ã_i
 * @param edgeGflops f_e
 * @param rentalPrice p^r_t
 * @param gamma γ for the reserve price
 * @param target revenue to collect
 * @returns the auction result (consensus is null)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fixedTargetAuction } from "./coco.ts";
 * const r = fixedTargetAuction(Float64Array.of(5, 4), Float64Array.of(1, 1), 10, 1, 0, 6);
 * assert.equal(r.price, 3); // the target 6 shared by both
 * ```
 */
export function fixedTargetAuction(
  budgets: Float64Array,
  demands: Float64Array,
  edgeGflops: number,
  rentalPrice: number,
  gamma: number,
  target: number,
): AuctionResult {
  requireAuctionInput(budgets, demands, edgeGflops, rentalPrice, gamma);
  requireNonNegative("target", target);
  const r = roso(budgets, demands, edgeGflops, reservePrice(rentalPrice, gamma, edgeGflops));
  if (r.admitted.length === 0) return noSale(r, "nobody passes the reserve price and fits");
  const w = real(budgets, demands, r.admitted, target);
  if (w.price === null) return noSale(r, "the admitted users cannot jointly pay the target");
  return { ...w, roso: r, consensus: null, twoWinnerFallback: false, noSaleReason: null };
}

/**
 * Reserve price p^res = (1 + γ)·p^r/f_e (Algorithm 1, line 1).
 *
 * @param rentalPrice p^r_t
 * @param gamma γ
 * @param edgeGflops f_e
 * @returns $ per GFLOPS per slot
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reservePrice } from "./coco.ts";
 * assert.ok(Math.abs(reservePrice(0.0475, 0.1, 3930) - 1.1 * 0.0475 / 3930) < 1e-15); // $/GFLOPS
 * ```
 */
export function reservePrice(rentalPrice: number, gamma: number, edgeGflops: number): number {
  requireNonNegative("rentalPrice", rentalPrice);
  requireFinite("gamma", gamma);
  requirePositive("edgeGflops", edgeGflops);
  const price = (1 + gamma) * rentalPrice / edgeGflops;
  if (!Number.isFinite(price)) {
    throw new ParameterError(
      "rentalPrice",
      rentalPrice,
      "(1 + gamma) · rentalPrice / edgeGflops finite",
    );
  }
  return price;
}
