/**
 * One market time slot under AERIA or a baseline: Phase I demand analysis for every bid, then the
 * mechanism's pricing and allocation. Input is plain JSON (see `slot_input.ts`).
 *
 * @example
 * ```ts
 * import { runSlot } from "./slot.ts";
 * const outcome = runSlot({
 *   bids: [
 *     { budget: 0.004, latency: 0.05, sigma: 0.3, model: "alexnet-cifar10", deviceGflops: 1, dataRateMbps: 25 },
 *     { budget: 0.003, latency: 0.06, sigma: 0.2, model: "alexnet-cifar10", deviceGflops: 2, dataRateMbps: 25 },
 *   ],
 *   edgeGflops: 3930, rentalPrice: 0.0475, gamma: 0.1, seed: 3,
 * }, "aeria");
 * console.log(outcome.winners, outcome.price, outcome.revenue);
 * ```
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import { requireObjectArray, requireOneOf } from "../../core/validate.ts";
import {
  amr2Demands,
  EDGENT_SIGMA_TARGET,
  edgentDemands,
  iaoDemands,
  type ResolvedBid,
} from "./baselines.ts";
import type { ExitModelName } from "./exit_model.ts";
import { type AuctionResult, cocoAuction, type ConsensusInfo, fixedTargetAuction } from "./coco.ts";
import { type Demand, minimumEdgeDemand } from "./demand.ts";
import { multiExitPlan } from "./latency.ts";
import { getModel } from "./multi_exit.ts";
import { type BidInput, type SlotInput, validateSlotInput } from "./slot_input.ts";

/** AERIA and the paper's four baselines: the set every experiment runs by default. */
export const MECHANISMS = ["aeria", "iao", "edgent", "amr2", "fixed-profit-rate"] as const;
/** Every mechanism {@link runSlot} knows: the five and our σ-honouring Edgent reading. */
export const ALL_MECHANISMS = [...MECHANISMS, "edgent-sigma"] as const;
/** One mechanism. */
export type Mechanism = typeof ALL_MECHANISMS[number];

/** Display names as in the paper's legends. */
export const MECHANISM_LABELS: Record<Mechanism, string> = {
  aeria: "AERIA",
  iao: "IAO",
  edgent: "Edgent",
  amr2: "AMR²",
  "fixed-profit-rate": "Fixed Profit Rate = 1.0",
  "edgent-sigma": "Edgent (σ honoured)",
};

/** Target profit rate of the fixed-profit-rate baseline (paper Sec. VI-B). */
export const FIXED_PROFIT_RATE = 1.0;

/** Everything one slot produced. */
export interface SlotOutcome {
  /** the mechanism that produced the outcome */
  readonly mechanism: Mechanism;
  /** Indices (into `bids`) of the bid-winning users Û_t. */
  readonly winners: number[];
  /** Uniform price p_t in $ per GFLOPS for the slot (null: nothing sold). */
  readonly price: number | null;
  /** a_{i,t} per bid in GFLOPS (0 for losers). */
  readonly allocations: number[];
  /** s_{i,t} per bid (null for losers). */
  readonly partitions: (number | null)[];
  /** p_t·a_{i,t} per bid in $. */
  readonly payments: number[];
  /** Π = Σ payments in $. */
  readonly revenue: number;
  /** p^r_t, the cluster's rental price for the slot, $ */
  readonly rentalPrice: number;
  /** (revenue − p^r_t)/p^r_t. */
  readonly profitRate: number;
  /** Constraint (9c): revenue ≥ (1 + γ)·p^r_t. */
  readonly meetsProfitFloor: boolean;
  /** Σ a_{i,t}/f_e. */
  readonly utilisation: number;
  /** Phase I outcome per bid under this mechanism's demand analysis. */
  readonly demands: Demand[];
  /** Counts of bids by Phase I status. */
  readonly counts: { readonly edge: number; readonly local: number; readonly infeasible: number };
  /** CENTRE's numbers (AERIA, IAO, Edgent when a consensus was computed), else null. */
  readonly consensus: ConsensusInfo | null;
  /** COCO used the two-winner prefix F^(2) because Definition 1's prefix was one bidder. */
  readonly twoWinnerFallback: boolean;
  /** Why nothing was sold, when nothing was. */
  readonly noSaleReason: string | null;
}

/** Options of {@link runSlot}. */
export interface RunSlotOptions {
  /** ε source for CENTRE (default: seeded from `input.seed`). */
  readonly uniform?: () => number;
  /** Skip validation (inputs produced by the simulator are valid by construction). */
  readonly trusted?: boolean;
}

/**
 * Runs one slot.
 *
 * @param input the slot (validated unless `options.trusted`)
 * @param mechanism `"aeria"` (default), a baseline, or `"edgent-sigma"`
 * @param options ε source, validation switch
 * @returns winners, price, allocations, partitions, revenue and (for COCO-priced mechanisms) δ, y
 *   and the target revenue
 * @throws {ParameterError} for invalid input or an unknown mechanism
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runSlot } from "./slot.ts";
 * const outcome = runSlot({ bids: [], edgeGflops: 3930, rentalPrice: 0.05, gamma: 0.1 }, "aeria");
 * assert.equal(outcome.revenue, 0);
 * ```
 */
export function runSlot(
  input: SlotInput,
  mechanism: Mechanism = "aeria",
  options: RunSlotOptions = {},
): SlotOutcome {
  requireOneOf("mechanism", mechanism, ALL_MECHANISMS);
  if (!options.trusted) validateSlotInput(input);
  const bids = resolveBids(input.bids, input.exitModel);
  const fe = input.edgeGflops;
  const demands = demandAnalysis(mechanism, bids, fe);
  const edge: number[] = [];
  for (let i = 0; i < demands.length; i++) if (demands[i]!.status === "edge") edge.push(i);
  const budgets = new Float64Array(edge.length);
  const asked = new Float64Array(edge.length);
  for (let k = 0; k < edge.length; k++) {
    const d = demands[edge[k]!]!;
    budgets[k] = bids[edge[k]!]!.budget;
    asked[k] = d.status === "edge" ? d.gflops : 0;
  }
  const uniform = options.uniform ??
    (() => {
      const rng = createRng(input.seed ?? 1).stream("centre");
      return () => rng.uniform();
    })();
  let winners: number[];
  let price: number | null;
  let auction: AuctionResult | null = null;
  if (mechanism === "amr2") {
    winners = edge;
    price = winners.length === 0 ? null : Math.min(...Array.from(budgets, (b, k) => b / asked[k]!));
  } else {
    auction = mechanism === "fixed-profit-rate"
      ? fixedTargetAuction(
        budgets,
        asked,
        fe,
        input.rentalPrice,
        input.gamma,
        (1 + FIXED_PROFIT_RATE) * input.rentalPrice,
      )
      : cocoAuction(budgets, asked, fe, input.rentalPrice, input.gamma, uniform);
    winners = Array.from(auction.winners, (k) => edge[k]!).sort((a, b) => a - b);
    price = auction.price;
  }
  return summarise(mechanism, input, demands, winners, price, auction);
}

/**
 * Resolves each bid's model and link (inputs assumed validated).
 *
 * @param bids slot bids
 * @param exitModel exit-model variant of the models (default `"default"`)
 * @returns bids with their model and device link
 * @example
 * ```ts
 * import { resolveBids } from "./slot.ts";
 * resolveBids([{ budget: 0.01, latency: 0.1, sigma: 0.3, model: "alexnet-cifar10",
 *   deviceGflops: 1, dataRateMbps: 25 }])[0]!.model.id; // "alexnet-cifar10"
 * ```
 */
export function resolveBids(
  bids: readonly BidInput[],
  exitModel: ExitModelName = "default",
): ResolvedBid[] {
  requireObjectArray("bids", bids, "bids { budget, latency, sigma, model, ... }", ["model"]);
  return bids.map((b) => ({
    model: getModel(b.model, exitModel),
    link: {
      deviceGflops: b.deviceGflops,
      rateMbps: b.dataRateMbps,
      propagationSeconds: b.propagationSeconds ?? 0,
    },
    latency: b.latency,
    sigma: b.sigma,
    budget: b.budget,
  }));
}

function demandAnalysis(mechanism: Mechanism, bids: ResolvedBid[], fe: number): Demand[] {
  switch (mechanism) {
    case "iao":
      return iaoDemands(bids, fe);
    case "edgent":
      return edgentDemands(bids, fe);
    case "edgent-sigma":
      return edgentDemands(bids, fe, EDGENT_SIGMA_TARGET);
    case "amr2":
      return amr2Demands(bids, fe);
    default:
      return bids.map((b) =>
        minimumEdgeDemand(b.model, multiExitPlan(b.model, b.sigma), b.link, b.latency, fe)
      );
  }
}

function summarise(
  mechanism: Mechanism,
  input: SlotInput,
  demands: Demand[],
  winners: number[],
  price: number | null,
  auction: AuctionResult | null,
): SlotOutcome {
  const n = demands.length;
  const allocations = new Array<number>(n).fill(0);
  const partitions = new Array<number | null>(n).fill(null);
  const payments = new Array<number>(n).fill(0);
  let revenue = 0;
  let sold = 0;
  for (const i of winners) {
    const d = demands[i]!;
    if (d.status !== "edge" || price === null) continue;
    allocations[i] = d.gflops;
    partitions[i] = d.partition;
    payments[i] = price * d.gflops;
    revenue += payments[i]!;
    sold += d.gflops;
  }
  let local = 0;
  let infeasible = 0;
  for (const d of demands) {
    if (d.status === "local") local++;
    else if (d.status === "infeasible") infeasible++;
  }
  const floor = (1 + input.gamma) * input.rentalPrice;
  return {
    mechanism,
    winners,
    price,
    allocations,
    partitions,
    payments,
    revenue,
    rentalPrice: input.rentalPrice,
    profitRate: (revenue - input.rentalPrice) / input.rentalPrice,
    // Relative tolerance: REAL collects exactly the target up to rounding.
    meetsProfitFloor: revenue >= floor * (1 - 1e-12),
    utilisation: sold / input.edgeGflops,
    demands,
    counts: { edge: n - local - infeasible, local, infeasible },
    consensus: auction?.consensus ?? null,
    twoWinnerFallback: auction?.twoWinnerFallback ?? false,
    noSaleReason: winners.length === 0
      ? auction?.noSaleReason ?? "no bid has an edge demand"
      : null,
  };
}
