/**
 * Plain-JSON input of one AERIA time slot and its validation.
 *
 * Schema (units in the field names' docs):
 * ```json
 * {
 *   "bids": [{ "budget": 0.002, "latency": 0.5, "sigma": 0.3, "model": "resnet34-imagenet",
 *              "deviceGflops": 2.1, "dataRateMbps": 25, "propagationSeconds": 3e-6 }],
 *   "edgeGflops": 3930, "rentalPrice": 0.0475, "gamma": 0.1, "seed": 7, "exitModel": "default"
 * }
 * ```
 *
 * @example
 * ```ts
 * import { validateSlotInput } from "./slot_input.ts";
 * validateSlotInput({ bids: [], edgeGflops: 3930, rentalPrice: 0.05, gamma: 0.1 });
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import {
  requireInRange,
  requireInteger,
  requireNonNegative,
  requireOneOf,
  requirePositive,
} from "../../core/validate.ts";
import { MODEL_IDS, type ModelId } from "./multi_exit.ts";
import { EXIT_MODEL_NAMES, type ExitModelName } from "./exit_model.ts";

/** One user's edge-inference bid R_i = {β_i, t_i, σ_i, w_i} plus its device and link. */
export interface BidInput {
  /** Budget β_i in $ for the slot, > 0. */
  readonly budget: number;
  /** Latency requirement t_i in seconds, > 0. */
  readonly latency: number;
  /** Confidence criterion σ_i in [0, 1] (normalised entropy threshold; lower is stricter). */
  readonly sigma: number;
  /** Requested model w_i. */
  readonly model: ModelId;
  /** Device speed f_i in GFLOPS, > 0. */
  readonly deviceGflops: number;
  /** Wireless rate r_{i,t} in Mbit/s, ≥ 0 (0 = link down: only local execution is possible). */
  readonly dataRateMbps: number;
  /** Propagation delay ξ_i = Δ_{i,e}/c in seconds, ≥ 0 (default 0). */
  readonly propagationSeconds?: number;
}

/** One slot of the market. */
export interface SlotInput {
  /** the bids of the slot */
  readonly bids: readonly BidInput[];
  /** Edge cluster capacity f_e in GFLOPS, > 0. */
  readonly edgeGflops: number;
  /** Rental price p^r_t of the cluster for the slot in $, > 0. */
  readonly rentalPrice: number;
  /** Minimum profit rate γ ≥ 0 (reserve price (1 + γ)·p^r_t/f_e). */
  readonly gamma: number;
  /** Seed of CENTRE's randomness (default 1). */
  readonly seed?: number;
  /** Exit-model variant giving ν(σ) (default `"default"`; see `exit_model.ts`, all MODELLED). */
  readonly exitModel?: ExitModelName;
}

/** Upper limit on γ accepted (a profit rate of 1000 is far outside any market studied). */
export const MAX_GAMMA = 1000;

/**
 * Checks every field, throwing a {@link ParameterError} that names the offending field
 * (e.g. `bids[3].sigma`).
 *
 * @param input the slot input
 * @returns the same input, typed
 * @throws {ParameterError} for any invalid field
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateSlotInput } from "./slot_input.ts";
 * assert.throws(
 *   () => validateSlotInput({ bids: [], edgeGflops: 0, rentalPrice: 1, gamma: 0 }),
 *   /parameter edgeGflops = 0 is invalid/,
 * );
 * ```
 */
export function validateSlotInput(input: SlotInput): SlotInput {
  if (input === null || typeof input !== "object") {
    throw new ParameterError("input", input, "an object with bids, edgeGflops, rentalPrice, gamma");
  }
  if (!Array.isArray(input.bids)) throw new ParameterError("bids", input.bids, "an array of bids");
  requirePositive("edgeGflops", input.edgeGflops);
  requirePositive("rentalPrice", input.rentalPrice);
  requireInRange("gamma", input.gamma, 0, MAX_GAMMA);
  if (input.seed !== undefined) requireInteger("seed", input.seed);
  if (input.exitModel !== undefined) requireOneOf("exitModel", input.exitModel, EXIT_MODEL_NAMES);
  input.bids.forEach((bid, i) => validateBid(bid, `bids[${i}]`));
  return input;
}

function validateBid(bid: BidInput, at: string): void {
  if (bid === null || typeof bid !== "object") throw new ParameterError(at, bid, "a bid object");
  requirePositive(`${at}.budget`, bid.budget);
  requirePositive(`${at}.latency`, bid.latency);
  requireInRange(`${at}.sigma`, bid.sigma, 0, 1);
  requireOneOf(`${at}.model`, bid.model, MODEL_IDS);
  requirePositive(`${at}.deviceGflops`, bid.deviceGflops);
  requireNonNegative(`${at}.dataRateMbps`, bid.dataRateMbps);
  if (bid.propagationSeconds !== undefined) {
    requireNonNegative(`${at}.propagationSeconds`, bid.propagationSeconds);
  }
}
