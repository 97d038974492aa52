/**
 * Phase I edge-inference demand analysis, problem P2 (paper Eq. 10): the smallest edge allocation
 * ã = min_s F^edge(s) / (t − T^dev(s) − T^net(s)) over all partition points with positive slack
 * (10a) and ã < f_e (10b).
 *
 * Outcomes are explicit: `edge` (a demand and its partition), `local` (the device alone meets the
 * latency at s = g, so the user asks for nothing, paper Sec. V-B "workload balance"), or
 * `infeasible` with the reason (`latency`: no partition leaves time for the edge, e.g. a zero data
 * rate; `capacity`: the smallest demand is not below f_e).
 *
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * import { multiExitPlan } from "./latency.ts";
 * import { minimumEdgeDemand } from "./demand.ts";
 * const m = getModel("resnet34-imagenet");
 * const d = minimumEdgeDemand(m, multiExitPlan(m, 0.3), {
 *   deviceGflops: 2, rateMbps: 25, propagationSeconds: 0,
 * }, 0.5, 3930);
 * ```
 *
 * @module
 */
import type { DeviceLink, ExitPlan } from "./latency.ts";
import type { MultiExitModel } from "./multi_exit.ts";
import { requireLink, requireModel, requirePlan } from "./validate.ts";
import { requirePositive } from "../../core/validate.ts";

/** Result of P2 for one user. */
export type Demand =
  | {
    readonly status: "edge";
    /** Partition request s̃ (units 1..s on the device). */
    readonly partition: number;
    /** Edge resource request ã in GFLOPS. */
    readonly gflops: number;
    /** Expected edge compute F^edge(s̃) in GFLOP. */
    readonly edgeGflop: number;
    /** T^dev + T^net at s̃, seconds. */
    readonly deviceAndNetworkSeconds: number;
  }
  | { readonly status: "local"; readonly partition: number }
  | { readonly status: "infeasible"; readonly reason: "latency" | "capacity" };

const scratch = new Float64Array(64);

/**
 * Solves P2 by trying every partition point (O(g), paper Sec. V-B).
 *
 * Inputs are assumed validated (see `validateSlotInput`); a zero rate yields infinite transfer
 * time, so only s = g (local) can be feasible.
 *
 * @param model the multi-exit model
 * @param plan exits and probabilities (multi-exit, vanilla or right-sized)
 * @param link device speed, rate and propagation delay
 * @param latencySeconds the requirement t_i
 * @param edgeGflops the cluster capacity f_e
 * @returns the demand outcome
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * import { singleExitPlan } from "./latency.ts";
 * import { minimumEdgeDemand } from "./demand.ts";
 * const m = getModel("alexnet-cifar10");
 * minimumEdgeDemand(m, singleExitPlan(m, 3), { deviceGflops: 1, rateMbps: 0, propagationSeconds: 0 },
 *   0.01, 3930).status; // "infeasible"
 * ```
 */
export function minimumEdgeDemand(
  model: MultiExitModel,
  plan: ExitPlan,
  link: DeviceLink,
  latencySeconds: number,
  edgeGflops: number,
): Demand {
  requireModel(model);
  requirePlan(plan);
  requireLink(link);
  requirePositive("latencySeconds", latencySeconds);
  requirePositive("edgeGflops", edgeGflops);
  const g = plan.lastUnit;
  const fdev = g + 1 <= scratch.length ? scratch : new Float64Array(g + 1);
  // Eq. (2) cumulative device compute.
  let exited = 0;
  let e = 0;
  let cumulative = 0;
  fdev[0] = 0;
  for (let k = 1; k <= g; k++) {
    cumulative += (1 - exited) * model.rho[k]!;
    if (e < plan.positions.length && plan.positions[e] === k) {
      const nu = plan.probabilities[e]!;
      cumulative += nu * plan.gflop[e]!;
      exited += nu;
      e++;
    }
    fdev[k] = cumulative;
  }
  const total = cumulative;
  if (total / link.deviceGflops < latencySeconds) return { status: "local", partition: g };
  const bitsPerSecond = link.rateMbps * 1e6;
  let best = Infinity;
  let bestS = -1;
  let bestBusy = 0;
  // μ_s for s = 0..g−1 (Eq. 1), walking the exits again.
  let mu = 1;
  exited = 0;
  e = 0;
  for (let s = 0; s < g; s++) {
    if (s > 0) {
      mu = 1 - exited;
      if (e < plan.positions.length && plan.positions[e] === s) exited += plan.probabilities[e++]!;
    }
    // F^dev is non-decreasing and transfers take no negative time: once the device part alone
    // misses the requirement, so does every later partition point.
    if (fdev[s]! / link.deviceGflops >= latencySeconds) break;
    const muS = s === 0 ? 1 : mu;
    const transfer = muS <= 0
      ? 0
      : bitsPerSecond > 0
      ? muS * (link.propagationSeconds + model.outputBytes[s]! * 8 / bitsPerSecond)
      : Infinity;
    const busy = fdev[s]! / link.deviceGflops + transfer;
    const slack = latencySeconds - busy;
    if (!(slack > 0)) continue;
    const demand = (total - fdev[s]!) / slack;
    if (demand < best) {
      best = demand;
      bestS = s;
      bestBusy = busy;
    }
  }
  if (bestS < 0) return { status: "infeasible", reason: "latency" };
  if (!(best < edgeGflops)) return { status: "infeasible", reason: "capacity" };
  return {
    status: "edge",
    partition: bestS,
    gflops: best,
    edgeGflop: total - fdev[bestS]!,
    deviceAndNetworkSeconds: bestBusy,
  };
}
