/**
 * Argument guards of the AERIA entry points that take already-built objects: bid and demand
 * vectors, a random stream, a multi-exit model, an exit plan, a device link, an exit shape, an
 * auction market, a ROSO result and a trace run. Each throws {@link ParameterError} naming the
 * parameter, so a wrong argument is a typed error rather than a TypeError or a NaN deep inside.
 *
 * @example
 * ```ts
 * import { requireFloats } from "./validate.ts";
 * requireFloats("budgets", Float64Array.of(5, 3)); // returned unchanged
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import {
  requireFinite,
  requireMethods,
  requireObject,
  requireObjectArray,
  requirePositive,
} from "../../core/validate.ts";
import type { Rng } from "../../core/rng.ts";
import type { RosoResult } from "./auction.ts";
import type { ResolvedBid } from "./baselines.ts";
import type { ExitShape } from "./exit_model.ts";
import type { AuctionMarket } from "./ic_variants.ts";
import type { DeviceLink, ExitPlan } from "./latency.ts";
import type { MultiExitModel } from "./multi_exit.ts";

/**
 * Requires a Float64Array of finite numbers.
 *
 * @param parameter name used in the error
 * @param values the array
 * @returns the array
 * @throws {ParameterError} when it is not a Float64Array or holds NaN or an infinity
 */
export function requireFloats(parameter: string, values: Float64Array): Float64Array {
  if (!(values instanceof Float64Array)) {
    throw new ParameterError(parameter, values, "a Float64Array");
  }
  values.forEach((value, i) => requireFinite(`${parameter}[${i}]`, value));
  return values;
}

/**
 * Requires an Int32Array (indices of bidders).
 *
 * @param parameter name used in the error
 * @param values the array
 * @returns the array
 * @throws {ParameterError} when it is not an Int32Array
 */
export function requireIndices(parameter: string, values: Int32Array): Int32Array {
  if (!(values instanceof Int32Array)) {
    throw new ParameterError(parameter, values, "an Int32Array of bidder indices");
  }
  return values;
}

/**
 * Requires a random stream (`createRng(seed).stream(name)`).
 *
 * @param rng the stream
 * @param parameter name used in the error (default `"rng"`)
 * @returns the stream
 * @throws {ParameterError} when it lacks the stream's methods
 */
export function requireRng(rng: Rng, parameter = "rng"): Rng {
  return requireMethods(
    parameter,
    rng,
    ["uniform", "int", "normal"],
    "a random stream (createRng(seed).stream(name))",
  );
}

/**
 * Requires a multi-exit model (`buildMultiExit`, `MODELS`).
 *
 * @param model the model
 * @returns the model
 * @throws {ParameterError} when it lacks a model's fields
 */
export function requireModel(model: MultiExitModel): MultiExitModel {
  return requireObject("model", model, "a multi-exit model (buildMultiExit)", [
    "units",
    "rho",
    "outputBytes",
    "exitGflop",
    "exitShape",
  ]);
}

/**
 * Requires an exit plan (`singleExitPlan`, `exitPlan`).
 *
 * @param plan the plan
 * @returns the plan
 * @throws {ParameterError} when it lacks a plan's fields
 */
export function requirePlan(plan: ExitPlan): ExitPlan {
  return requireObject("plan", plan, "an exit plan { lastUnit, positions, gflop, probabilities }", [
    "lastUnit",
    "positions",
    "gflop",
    "probabilities",
  ]);
}

/**
 * Requires a device link with a positive device speed and a finite rate and propagation delay.
 *
 * @param link the link
 * @returns the link
 * @throws {ParameterError} naming the first bad field
 */
export function requireLink(link: DeviceLink): DeviceLink {
  requireObject("link", link, "a device link { deviceGflops, rateMbps, propagationSeconds }");
  requirePositive("link.deviceGflops", link.deviceGflops);
  requireFinite("link.rateMbps", link.rateMbps);
  requireFinite("link.propagationSeconds", link.propagationSeconds);
  return link;
}

/**
 * Requires an exit shape with a, b > 0.
 *
 * @param shape the shape
 * @returns the shape
 * @throws {ParameterError} naming the first bad field
 */
export function requireShape(shape: ExitShape): ExitShape {
  requireObject("shape", shape, "an exit shape { a, b, phi }");
  requirePositive("shape.a", shape.a);
  requirePositive("shape.b", shape.b);
  return shape;
}

/**
 * Requires an auction market: finite positive demands, capacity, rental price and γ.
 *
 * @param market the market
 * @returns the market
 * @throws {ParameterError} naming the first bad field
 */
export function requireAuctionMarket(market: AuctionMarket): AuctionMarket {
  requireObject("market", market, "an auction market { demands, edgeGflops, rentalPrice, gamma }");
  requireFloats("market.demands", market.demands);
  requireCapacity("market.edgeGflops", market.edgeGflops);
  requireFinite("market.rentalPrice", market.rentalPrice);
  requireFinite("market.gamma", market.gamma);
  return market;
}

/**
 * Requires a ROSO result (`roso`).
 *
 * @param r the result
 * @returns the result
 * @throws {ParameterError} when it lacks a result's fields
 */
export function requireRosoResult(r: RosoResult): RosoResult {
  requireObject("r", r, "a ROSO result (roso)", ["admitted", "prefixLength", "phi", "zeta"]);
  requireIndices("r.admitted", r.admitted);
  return r;
}

/**
 * Requires resolved bids (`resolveBids`).
 *
 * @param bids the bids
 * @returns the bids
 * @throws {ParameterError} naming the first entry that is not a resolved bid
 */
export function requireResolvedBids(bids: readonly ResolvedBid[]): readonly ResolvedBid[] {
  return requireObjectArray("bids", bids, "resolved bids (resolveBids)", [
    "model",
    "link",
    "latency",
    "sigma",
    "budget",
  ]);
}

/**
 * Requires the runs of a trace experiment (`traceDrivenRuns`) with its three tables.
 *
 * @param runs the runs
 * @returns the runs
 * @throws {ParameterError} when a table is missing
 */
export function requireTraceRuns<T extends { slots: unknown; summary: unknown; inputs: unknown }>(
  runs: T,
): T {
  requireObject("runs", runs, "trace runs { slots, summary, inputs }", [
    "slots",
    "summary",
    "inputs",
  ]);
  for (const table of ["slots", "summary", "inputs"] as const) {
    if (!Array.isArray(runs[table])) {
      throw new ParameterError(`runs.${table}`, runs[table], "an array of rows");
    }
  }
  return runs;
}

/**
 * Requires a capacity: a number > 0, where `Infinity` means no capacity limit.
 *
 * @param parameter name used in the error
 * @param value the capacity
 * @returns the capacity
 * @throws {ParameterError} for NaN, a non-number or a value <= 0
 */
export function requireCapacity(parameter: string, value: number): number {
  if (typeof value !== "number" || !(value > 0)) {
    throw new ParameterError(parameter, value, `${parameter} > 0 (Infinity: no limit)`);
  }
  return value;
}
