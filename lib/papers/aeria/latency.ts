/**
 * Multi-exit synergistic inference latency, paper Sec. IV-A: forward-propagation probabilities
 * (Eq. 1), device and edge compute (Eq. 2-3), device, network and edge latency (Eq. 4-6) and their
 * sum (Eq. 7).
 *
 * An {@link ExitPlan} says which exits a run uses: all four exits with probabilities ν(σ) (AERIA),
 * only the final exit (a vanilla DNN), or one exit on a network truncated there (Edgent's
 * right-sizing). Compute is in GFLOP, speeds in GFLOPS, sizes in bytes, rates in Mbit/s, time in s.
 *
 * One convention beyond the paper: at the partition s = g nothing is offloaded, so no feature map
 * is sent (Eq. 5 read literally would charge μ_g·O_g/r for a transfer that does not happen).
 *
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * import { multiExitPlan, totalLatency } from "./latency.ts";
 * const model = getModel("alexnet-cifar10");
 * const plan = multiExitPlan(model, 0.3);
 * totalLatency(model, plan, 2, { deviceGflops: 2, rateMbps: 25, propagationSeconds: 0 }, 50);
 * ```
 *
 * @module
 */
import {
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from "../../core/validate.ts";
import { exitProbabilities } from "./exit_model.ts";
import type { MultiExitModel } from "./multi_exit.ts";
import { requireFloats, requireLink, requireModel, requirePlan } from "./validate.ts";

/** Which exits a run uses and with which probabilities. */
export interface ExitPlan {
  /** Last unit computed (g, or the truncation point of a right-sized network). */
  readonly lastUnit: number;
  /** Exit positions (1-based units), increasing. */
  readonly positions: Int32Array;
  /** Exit-branch compute ϱ in GFLOP. */
  readonly gflop: Float64Array;
  /** Exit probabilities ν, summing to 1. */
  readonly probabilities: Float64Array;
}

/** The device side of a user. */
export interface DeviceLink {
  /** Device speed f_i in GFLOPS. */
  readonly deviceGflops: number;
  /** Wireless rate r_{i,t} in Mbit/s (0 = link down). */
  readonly rateMbps: number;
  /** Propagation delay ξ_i in seconds. */
  readonly propagationSeconds: number;
}

/**
 * AERIA's plan: all four exits with the modelled ν(σ).
 *
 * @param model the multi-exit model
 * @param sigma confidence criterion in [0, 1]
 * @returns the plan
 * @throws {ParameterError} when σ is outside [0, 1]
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getModel } from "./multi_exit.ts";
 * import { multiExitPlan } from "./latency.ts";
 * assert.equal(multiExitPlan(getModel("vgg16-cifar100"), 0.2).probabilities.length, 4);
 * ```
 */
export function multiExitPlan(model: MultiExitModel, sigma: number): ExitPlan {
  requireModel(model);
  return {
    lastUnit: model.units,
    positions: model.exitPositions,
    gflop: model.exitGflop,
    probabilities: exitProbabilities(model.exitShape, sigma),
  };
}

const ONE = Float64Array.of(1);

/**
 * A plan with a single exit: `exitIndex` 3 is the vanilla network, 0-2 a network right-sized at
 * the shallow, middle or deep exit.
 *
 * @param model the multi-exit model
 * @param exitIndex 0 (shallow) to 3 (final)
 * @returns the plan
 * @throws {ParameterError} for an index outside 0..3
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getModel } from "./multi_exit.ts";
 * import { singleExitPlan } from "./latency.ts";
 * assert.equal(singleExitPlan(getModel("vgg16-cifar100"), 3).lastUnit, 13);
 * ```
 */
export function singleExitPlan(model: MultiExitModel, exitIndex: number): ExitPlan {
  requireModel(model);
  requireInteger("exitIndex", exitIndex, 0, 3);
  const position = model.exitPositions[exitIndex]!;
  return {
    lastUnit: position,
    positions: Int32Array.of(position),
    gflop: Float64Array.of(model.exitGflop[exitIndex]!),
    probabilities: ONE,
  };
}

/**
 * Eq. (1): μ_k = 1 − Σ_{x ∈ Γ, x ≤ k−1} ν_x for k = 0..lastUnit (μ_0 = 1 for the raw input).
 *
 * @param plan the exit plan
 * @returns μ indexed by unit
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getModel } from "./multi_exit.ts";
 * import { forwardProbabilities, multiExitPlan } from "./latency.ts";
 * assert.equal(forwardProbabilities(multiExitPlan(getModel("alexnet-cifar10"), 0.3))[1], 1);
 * ```
 */
export function forwardProbabilities(plan: ExitPlan): Float64Array {
  requirePlan(plan);
  const mu = new Float64Array(plan.lastUnit + 1);
  let exited = 0;
  let e = 0;
  for (let k = 0; k <= plan.lastUnit; k++) {
    mu[k] = Math.max(0, 1 - exited);
    if (e < plan.positions.length && plan.positions[e] === k) exited += plan.probabilities[e++]!;
  }
  return mu;
}

/**
 * Eq. (2) for every partition point: expected device compute F^dev(s), s = 0..lastUnit.
 *
 * @param model the multi-exit model
 * @param plan the exit plan
 * @param out optional output array of length ≥ lastUnit + 1
 * @returns F^dev in GFLOP indexed by s
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * import { deviceComputeProfile, multiExitPlan } from "./latency.ts";
 * const m = getModel("alexnet-cifar10");
 * deviceComputeProfile(m, multiExitPlan(m, 0.3))[0]; // 0
 * ```
 */
export function deviceComputeProfile(
  model: MultiExitModel,
  plan: ExitPlan,
  out?: Float64Array,
): Float64Array {
  requireModel(model);
  requirePlan(plan);
  out ??= new Float64Array(plan.lastUnit + 1); // after the checks: the default reads plan
  let exited = 0;
  let e = 0;
  let total = 0;
  out[0] = 0;
  for (let k = 1; k <= plan.lastUnit; k++) {
    total += (1 - exited) * model.rho[k]!;
    if (e < plan.positions.length && plan.positions[e] === k) {
      const nu = plan.probabilities[e]!;
      total += nu * plan.gflop[e]!;
      exited += nu;
      e++;
    }
    out[k] = total;
  }
  return out;
}

/**
 * Eq. (2): expected device compute F^dev(s) in GFLOP.
 *
 * @param model the multi-exit model
 * @param plan the exit plan
 * @param s partition point 0..lastUnit
 * @returns GFLOP
 * @throws {ParameterError} for a partition point out of range
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * import { deviceCompute, multiExitPlan } from "./latency.ts";
 * const m = getModel("alexnet-cifar10");
 * deviceCompute(m, multiExitPlan(m, 0.3), 0); // 0
 * ```
 */
export function deviceCompute(model: MultiExitModel, plan: ExitPlan, s: number): number {
  requireModel(model);
  requirePlan(plan);
  requireInteger("partition", s, 0, plan.lastUnit);
  return deviceComputeProfile(model, plan)[s]!;
}

/**
 * Eq. (3): expected edge compute F^edge(s) = total − F^dev(s) in GFLOP.
 *
 * @param model the multi-exit model
 * @param plan the exit plan
 * @param s partition point 0..lastUnit
 * @returns GFLOP
 * @throws {ParameterError} for a partition point out of range
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * import { edgeCompute, singleExitPlan } from "./latency.ts";
 * const m = getModel("alexnet-cifar10");
 * edgeCompute(m, singleExitPlan(m, 3), 0) > 0; // true
 * ```
 */
export function edgeCompute(model: MultiExitModel, plan: ExitPlan, s: number): number {
  requireModel(model);
  requirePlan(plan);
  requireInteger("partition", s, 0, plan.lastUnit);
  const profile = deviceComputeProfile(model, plan);
  return profile[plan.lastUnit]! - profile[s]!;
}

/**
 * Eq. (5): expected transfer time μ_s·(ξ + O_s/r); 0 at s = lastUnit (nothing offloaded) and
 * +∞ when the link is down and something must be sent.
 *
 * @param model the multi-exit model
 * @param mu forward probabilities from {@link forwardProbabilities}
 * @param s partition point
 * @param link the device link
 * @param lastUnit last unit of the plan
 * @returns seconds
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getModel } from "./multi_exit.ts";
 * import { forwardProbabilities, multiExitPlan, networkLatencyAt } from "./latency.ts";
 * const m = getModel("resnet34-imagenet");
 * const link = { deviceGflops: 2, rateMbps: 25, propagationSeconds: 0 };
 * const forward = forwardProbabilities(multiExitPlan(m, 0.3));
 * const seconds = networkLatencyAt(m, forward, 0, link, m.units);
 * assert.ok(Math.abs(seconds - 0.048) < 1e-3);
 * ```
 */
export function networkLatencyAt(
  model: MultiExitModel,
  mu: Float64Array,
  s: number,
  link: DeviceLink,
  lastUnit: number,
): number {
  requireModel(model);
  requireFloats("mu", mu);
  requireInteger("lastUnit", lastUnit, 0, model.units);
  requireInteger("s", s, 0, lastUnit);
  requireLink(link);
  const sendProbability = mu[s]!;
  if (s === lastUnit || sendProbability === 0) return 0;
  const seconds = link.rateMbps > 0 ? model.outputBytes[s]! * 8 / (link.rateMbps * 1e6) : Infinity;
  return sendProbability * (link.propagationSeconds + seconds);
}

/**
 * Eq. (4)-(7): total latency T = F^dev/f_i + T^net + F^edge/a for partition s and allocation a.
 *
 * @param model the multi-exit model
 * @param plan the exit plan
 * @param s partition point 0..lastUnit
 * @param link the device link
 * @param allocationGflops edge allocation a_{i,t} in GFLOPS (ignored when F^edge = 0)
 * @returns seconds (+∞ when the link is down or a is 0 while edge work remains)
 * @throws {ParameterError} for non-positive device speed, negative rate, delay or allocation
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * import { multiExitPlan, totalLatency } from "./latency.ts";
 * const m = getModel("alexnet-cifar10");
 * totalLatency(m, multiExitPlan(m, 0.3), 5, { deviceGflops: 2, rateMbps: 25, propagationSeconds: 0 }, 0);
 * ```
 */
export function totalLatency(
  model: MultiExitModel,
  plan: ExitPlan,
  s: number,
  link: DeviceLink,
  allocationGflops: number,
): number {
  requireModel(model);
  requirePlan(plan);
  requireLink(link);
  requireFinite("allocationGflops", allocationGflops);
  requirePositive("deviceGflops", link.deviceGflops);
  requireNonNegative("rateMbps", link.rateMbps);
  requireNonNegative("propagationSeconds", link.propagationSeconds);
  requireNonNegative("allocationGflops", allocationGflops);
  requireInteger("partition", s, 0, plan.lastUnit);
  const profile = deviceComputeProfile(model, plan);
  const edge = profile[plan.lastUnit]! - profile[s]!;
  const device = profile[s]! / link.deviceGflops;
  const network = networkLatencyAt(model, forwardProbabilities(plan), s, link, plan.lastUnit);
  const edgeTime = edge === 0 ? 0 : allocationGflops > 0 ? edge / allocationGflops : Infinity;
  return device + network + edgeTime;
}
