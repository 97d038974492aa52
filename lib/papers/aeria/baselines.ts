/**
 * Demand analyses of the four baselines of paper Sec. VI-B. The paper describes them in a few
 * sentences each; our readings (stated in the notebook and ledger):
 *
 * - **IAO** [8]: vanilla DNN (final exit only). Each user takes its P2 partition on the vanilla
 *   network; the edge is then split so that every user ends with the same (minimax) latency and
 *   the whole capacity is used, ignoring budgets; those allocations are the demands, priced by the
 *   same COCO auction as AERIA ("a pricing approach similar to AERIA"). Users whose requirement is
 *   below the common latency are not served.
 * - **Edgent** [11]: right-sizing with one exit: each user picks the deepest exit (final, deep,
 *   middle, shallow) whose P2 demand fits an equal share f_e/N_t of the cluster (else the
 *   shallowest exit's demand); every sample runs to that exit (no probabilistic early exit).
 *   Priced by the COCO auction.
 * - **AMR²** [44]: every user starts on the full vanilla network; while total demand exceeds f_e
 *   the largest demand is pruned one exit shallower (users pruned past the shallow exit are
 *   dropped). Price = the lowest bidding density among the enrolled users, no reserve price.
 * - **Fixed Profit Rate = 1.0**: AERIA's demands and ROSO admission, REAL collecting exactly
 *   (1 + 1.0)·p^r_t (see `coco.ts`).
 *
 * @example
 * ```ts
 * import { edgentDemands } from "./baselines.ts";
 * ```
 *
 * @module
 */
import { findRoot } from "../../core/numerics.ts";
import { type Demand, minimumEdgeDemand } from "./demand.ts";
import { type DeviceLink, singleExitPlan } from "./latency.ts";
import type { MultiExitModel } from "./multi_exit.ts";

/** A validated bid with its model and link resolved. */
export interface ResolvedBid {
  readonly model: MultiExitModel;
  readonly link: DeviceLink;
  readonly latency: number;
  readonly sigma: number;
  readonly budget: number;
}

/**
 * IAO demands: vanilla P2 partitions, then a minimax-latency split of the whole capacity.
 *
 * @param bids resolved bids
 * @param edgeGflops f_e
 * @returns one demand per bid
 * @example
 * ```ts
 * import { iaoDemands } from "./baselines.ts";
 * import { getModel } from "./multi_exit.ts";
 * const bid = { model: getModel("alexnet-cifar10"), latency: 0.02, sigma: 0.3, budget: 0.01,
 *   link: { deviceGflops: 1, rateMbps: 25, propagationSeconds: 0 } };
 * iaoDemands([bid, bid], 100); // each gets half the cluster, if the common latency fits
 * ```
 */
export function iaoDemands(bids: readonly ResolvedBid[], edgeGflops: number): Demand[] {
  const base = bids.map((b) =>
    minimumEdgeDemand(b.model, singleExitPlan(b.model, 3), b.link, b.latency, edgeGflops)
  );
  const edge = base.flatMap((d, i) => d.status === "edge" ? [{ d, i }] : []);
  if (edge.length === 0) return base;
  const busyMax = Math.max(...edge.map(({ d }) => d.deviceAndNetworkSeconds));
  const excess = (t: number) =>
    edge.reduce((sum, { d }) => sum + d.edgeGflop / (t - d.deviceAndNetworkSeconds), 0) -
    edgeGflops;
  let hi = busyMax + 1;
  while (excess(hi) > 0) hi = busyMax + 2 * (hi - busyMax);
  const lo = busyMax + 1e-12 * Math.max(1, busyMax);
  const common = excess(lo) <= 0 ? lo : findRoot(excess, lo, hi);
  const result = [...base];
  for (const { d, i } of edge) {
    const latency = bids[i]!.latency;
    result[i] = common > latency ? { status: "infeasible", reason: "latency" } : {
      ...d,
      gflops: d.edgeGflop / (common - d.deviceAndNetworkSeconds),
    };
  }
  return result;
}

/**
 * Edgent demands: deepest single exit whose P2 demand fits the equal share f_e/N_t.
 *
 * @param bids resolved bids
 * @param edgeGflops f_e
 * @returns one demand per bid
 * @example
 * ```ts
 * import { edgentDemands } from "./baselines.ts";
 * import { getModel } from "./multi_exit.ts";
 * const bid = { model: getModel("vgg16-cifar100"), latency: 0.03, sigma: 0.3, budget: 0.01,
 *   link: { deviceGflops: 1, rateMbps: 25, propagationSeconds: 0 } };
 * edgentDemands([bid], 3930)[0]!.status; // "edge"
 * ```
 */
export function edgentDemands(bids: readonly ResolvedBid[], edgeGflops: number): Demand[] {
  const share = edgeGflops / Math.max(1, bids.length);
  return bids.map((b) => {
    let fallback: Demand = { status: "infeasible", reason: "latency" };
    for (let exit = 3; exit >= 0; exit--) {
      const d = minimumEdgeDemand(
        b.model,
        singleExitPlan(b.model, exit),
        b.link,
        b.latency,
        edgeGflops,
      );
      if (d.status === "local") return d;
      if (d.status === "edge" && d.gflops <= share) return d;
      if (d.status === "edge" || fallback.status === "infeasible") fallback = d;
    }
    return fallback;
  });
}

/**
 * AMR² demands after greedy layer-wise pruning to fit the capacity.
 *
 * @param bids resolved bids
 * @param edgeGflops f_e
 * @returns one demand per bid (pruned-away users are `infeasible`/`capacity`)
 * @example
 * ```ts
 * import { amr2Demands } from "./baselines.ts";
 * import { getModel } from "./multi_exit.ts";
 * const bid = { model: getModel("resnet34-imagenet"), latency: 0.5, sigma: 0.3, budget: 0.01,
 *   link: { deviceGflops: 1, rateMbps: 25, propagationSeconds: 0 } };
 * amr2Demands([bid, bid, bid], 40); // pruned until the three demands fit 40 GFLOPS
 * ```
 */
export function amr2Demands(bids: readonly ResolvedBid[], edgeGflops: number): Demand[] {
  const byLevel = bids.map((b) =>
    [0, 1, 2, 3].map((exit) =>
      minimumEdgeDemand(b.model, singleExitPlan(b.model, exit), b.link, b.latency, edgeGflops)
    )
  );
  const level = bids.map(() => 3);
  const current = (i: number): Demand =>
    level[i]! < 0 ? { status: "infeasible", reason: "capacity" } : byLevel[i]![level[i]!]!;
  const load = (i: number) => {
    const d = current(i);
    return d.status === "edge" ? d.gflops : 0;
  };
  // Users infeasible at full depth go shallower until feasible (or dropped).
  bids.forEach((_, i) => {
    while (level[i]! >= 0 && current(i).status === "infeasible") level[i]!--;
  });
  let total = bids.reduce((s, _, i) => s + load(i), 0);
  while (total > edgeGflops) {
    let worst = 0;
    for (let i = 1; i < bids.length; i++) if (load(i) > load(worst)) worst = i;
    total -= load(worst);
    do level[worst]!--; while (level[worst]! >= 0 && current(worst).status === "infeasible");
    total += load(worst);
  }
  return bids.map((_, i) => current(i));
}
