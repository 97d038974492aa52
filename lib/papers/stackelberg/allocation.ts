/**
 * Stage III (Theorem 1): the provider's cost-minimising assignment of demands to GPU pools, in
 * closed form and as the LP of Appendix A solved by HiGHS.
 *
 * LP (our reading of constraints (3), (4), (9b), (9c)): minimise
 * Σ_n c^TH x^TH_n + c^TL x^TL_n + c^IH x^IH_n + c^IL x^IL_n subject to x^TH_n + x^TL_n = g^T_n,
 * x^IH_n + x^IL_n = g^I_n, Σ_n (x^TH_n + x^IH_n) <= G^H, Σ_n (x^TL_n + x^IL_n) <= G^L, x >= 0.
 *
 * @module
 */
import { SolverError } from "../../core/errors.ts";
import { LpModel } from "../../core/lp.ts";
import { requireFinite, requireNonNegative, requireObject } from "../../core/validate.ts";
import { ParameterError } from "../../core/errors.ts";
import { type ProviderSpec, validateProvider } from "./model.ts";

/** Fields a provider (or a parsed market, which has them too) must have. */
const PROVIDER_FIELDS = ["highGpus", "lowGpus", "costs"];
/** The four per-pool columns of an {@link Allocation}. */
const ALLOCATION_FIELDS = ["trainingHigh", "trainingLow", "inferenceHigh", "inferenceLow"];

/**
 * Relative tolerance of the capacity check Σg^T + Σg^I <= G: prices on a capacity boundary
 * (b^T of Appendix G) reproduce G only up to floating-point rounding of the demand sums.
 */
export const CAPACITY_TOLERANCE = 1e-9;

/** Per-client GPUs of each (task, pool) pair. */
export interface Allocation {
  /** training GPUs from the high-performance pool, per client */
  readonly trainingHigh: Float64Array;
  /** training GPUs from the low-performance pool, per client */
  readonly trainingLow: Float64Array;
  /** inference GPUs from the high-performance pool, per client */
  readonly inferenceHigh: Float64Array;
  /** inference GPUs from the low-performance pool, per client */
  readonly inferenceLow: Float64Array;
}

/** Result of Stage III: an allocation with its cost, or a typed infeasibility. */
export type AllocationResult =
  | { readonly feasible: true; readonly allocation: Allocation; readonly cost: number }
  | {
    readonly feasible: false;
    readonly reason: string;
    readonly totalDemand: number;
    readonly capacity: number;
  };

/**
 * Closed-form operating cost C of Eq. 17 / Appendix C for aggregate demands.
 *
 * @param provider validated provider
 * @param training D^T >= 0
 * @param inference D^I >= 0
 * @returns the minimal cost, or `null` when D^T + D^I > (G^H + G^L)(1 + CAPACITY_TOLERANCE)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { costOfDemand } from "./allocation.ts";
 * const p = { highGpus: 2, lowGpus: 2,
 *   costs: { trainingHigh: 1, trainingLow: 3, inferenceHigh: 4, inferenceLow: 2 } };
 * assert.equal(costOfDemand(p, 3, 1), 1 * 2 + 3 * 1 + 2 * 1);
 * ```
 */
export function costOfDemand(
  provider: ProviderSpec,
  training: number,
  inference: number,
): number | null {
  requireObject("provider", provider, "a provider { highGpus, lowGpus, costs }", PROVIDER_FIELDS);
  requireFinite("training", training);
  requireFinite("inference", inference);
  return demandCost(provider, training, inference);
}

/** {@link costOfDemand} without the argument checks, for loops over an already checked market. */
export function demandCost(
  provider: ProviderSpec,
  training: number,
  inference: number,
): number | null {
  const { highGpus, lowGpus, costs: c } = provider;
  if (training + inference > (highGpus + lowGpus) * (1 + CAPACITY_TOLERANCE)) return null;
  return c.trainingHigh * training + c.inferenceLow * inference +
    (c.trainingLow - c.trainingHigh) * Math.max(0, training - highGpus) +
    (c.inferenceHigh - c.inferenceLow) * Math.max(0, inference - lowGpus);
}

/**
 * Theorem 1: training fills the high pool first, inference the low pool first; overflow goes to
 * the other pool, shared in proportion to demand.
 *
 * @param provider G^H, G^L and costs
 * @param trainingDemands g^T_n >= 0
 * @param inferenceDemands g^I_n >= 0 (same length)
 * @returns the allocation and its cost, or `{ feasible: false }` when Σg^T + Σg^I > G
 * @throws {ParameterError} for negative or non-finite demands, or mismatched lengths
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allocateClosedForm } from "./allocation.ts";
 * const p = { highGpus: 2, lowGpus: 2,
 *   costs: { trainingHigh: 1, trainingLow: 3, inferenceHigh: 4, inferenceLow: 2 } };
 * const r = allocateClosedForm(p, [3], [1]);
 * assert.ok(r.feasible);
 * assert.equal(r.cost, 7); // training fills the high pool, inference goes low
 * assert.deepEqual([...r.allocation.trainingHigh, ...r.allocation.inferenceLow], [2, 1]);
 * ```
 */
export function allocateClosedForm(
  provider: ProviderSpec,
  trainingDemands: readonly number[],
  inferenceDemands: readonly number[],
): AllocationResult {
  validateProvider(provider);
  const { totalTraining, totalInference } = checkDemands(trainingDemands, inferenceDemands);
  const capacity = provider.highGpus + provider.lowGpus;
  if (totalTraining + totalInference > capacity * (1 + CAPACITY_TOLERANCE)) {
    return infeasible(totalTraining + totalInference, capacity);
  }
  const n = trainingDemands.length;
  const highShare = totalTraining <= provider.highGpus ? 1 : provider.highGpus / totalTraining;
  const lowShare = totalInference <= provider.lowGpus ? 1 : provider.lowGpus / totalInference;
  const allocation: Allocation = {
    trainingHigh: new Float64Array(n),
    trainingLow: new Float64Array(n),
    inferenceHigh: new Float64Array(n),
    inferenceLow: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const gT = trainingDemands[i]!;
    const gI = inferenceDemands[i]!;
    allocation.trainingHigh[i] = gT * highShare;
    allocation.trainingLow[i] = gT - gT * highShare;
    allocation.inferenceLow[i] = gI * lowShare;
    allocation.inferenceHigh[i] = gI - gI * lowShare;
  }
  return { feasible: true, allocation, cost: allocationCost(provider, allocation) };
}

/**
 * Solves the Stage III LP with HiGHS (the reference Theorem 1 is checked against).
 *
 * @param provider G^H, G^L and costs
 * @param trainingDemands g^T_n >= 0
 * @param inferenceDemands g^I_n >= 0
 * @returns the LP's allocation and cost, or `{ feasible: false }` when HiGHS proves infeasibility
 * @throws {ParameterError} for invalid demands; {SolverError} for other solver failures
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allocateLp } from "./allocation.ts";
 * const p = { highGpus: 2, lowGpus: 2,
 *   costs: { trainingHigh: 1, trainingLow: 3, inferenceHigh: 4, inferenceLow: 2 } };
 * const r = await allocateLp(p, [3], [1]);
 * assert.ok(r.feasible && Math.abs(r.cost - 7) < 1e-9); // the closed form's cost
 * ```
 */
export async function allocateLp(
  provider: ProviderSpec,
  trainingDemands: readonly number[],
  inferenceDemands: readonly number[],
): Promise<AllocationResult> {
  validateProvider(provider);
  const { totalTraining, totalInference } = checkDemands(trainingDemands, inferenceDemands);
  const { costs: c } = provider;
  const model = new LpModel("stackelberg Stage III allocation", "minimize");
  const highRow: [ReturnType<LpModel["addVariable"]>, number][] = [];
  const lowRow: [ReturnType<LpModel["addVariable"]>, number][] = [];
  const vars = trainingDemands.map((gT, i) => {
    const th = model.addVariable({ name: `xTH_${i}`, objective: c.trainingHigh });
    const tl = model.addVariable({ name: `xTL_${i}`, objective: c.trainingLow });
    const ih = model.addVariable({ name: `xIH_${i}`, objective: c.inferenceHigh });
    const il = model.addVariable({ name: `xIL_${i}`, objective: c.inferenceLow });
    model.addConstraint([[th, 1], [tl, 1]], "=", gT, `training_${i}`);
    model.addConstraint([[ih, 1], [il, 1]], "=", inferenceDemands[i]!, `inference_${i}`);
    highRow.push([th, 1], [ih, 1]);
    lowRow.push([tl, 1], [il, 1]);
    return { th, tl, ih, il };
  });
  model.addConstraint(highRow, "<=", provider.highGpus, "high_capacity");
  model.addConstraint(lowRow, "<=", provider.lowGpus, "low_capacity");
  try {
    const result = await model.solve();
    const pick = (key: "th" | "tl" | "ih" | "il") =>
      Float64Array.from(vars, (v) => Math.max(0, result.value(v[key])));
    return {
      feasible: true,
      allocation: {
        trainingHigh: pick("th"),
        trainingLow: pick("tl"),
        inferenceHigh: pick("ih"),
        inferenceLow: pick("il"),
      },
      cost: result.objective,
    };
  } catch (error) {
    if (error instanceof SolverError && error.status === "infeasible") {
      return infeasible(totalTraining + totalInference, provider.highGpus + provider.lowGpus);
    }
    throw error;
  }
}

/**
 * Cost of an allocation: Σ of per-GPU cost × GPUs over the four (task, pool) pairs.
 *
 * @param provider costs
 * @param allocation per-client GPUs
 * @returns total cost
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allocationCost } from "./allocation.ts";
 * const one = (x: number) => Float64Array.of(x);
 * const cost = allocationCost({ highGpus: 1, lowGpus: 1, costs: { trainingHigh: 1, trainingLow: 2,
 *   inferenceHigh: 3, inferenceLow: 1 } },
 *   { trainingHigh: one(1), trainingLow: one(0), inferenceHigh: one(0), inferenceLow: one(1) });
 * assert.equal(cost, 1 * 1 + 1 * 1);
 * ```
 */
export function allocationCost(provider: ProviderSpec, allocation: Allocation): number {
  requireObject("provider", provider, "a provider { highGpus, lowGpus, costs }", PROVIDER_FIELDS);
  requireObject(
    "allocation",
    allocation,
    "an allocation from allocateClosedForm",
    ALLOCATION_FIELDS,
  );
  const c = provider.costs;
  const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
  return c.trainingHigh * sum(allocation.trainingHigh) +
    c.trainingLow * sum(allocation.trainingLow) +
    c.inferenceHigh * sum(allocation.inferenceHigh) + c.inferenceLow * sum(allocation.inferenceLow);
}

function checkDemands(training: readonly number[], inference: readonly number[]) {
  if (training.length !== inference.length) {
    throw new ParameterError(
      "inferenceDemands.length",
      inference.length,
      `the number of training demands (${training.length})`,
    );
  }
  let totalTraining = 0;
  let totalInference = 0;
  training.forEach((g, i) => totalTraining += requireNonNegative(`trainingDemands[${i}]`, g));
  inference.forEach((g, i) => totalInference += requireNonNegative(`inferenceDemands[${i}]`, g));
  return { totalTraining, totalInference };
}

function infeasible(totalDemand: number, capacity: number): AllocationResult {
  return {
    feasible: false,
    reason: `total demand ${totalDemand} exceeds the capacity G^H + G^L = ${capacity}`,
    totalDemand,
    capacity,
  };
}
