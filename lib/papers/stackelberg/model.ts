/**
 * The market of the three-stage Stackelberg game (provider, clients) as plain JSON, and its
 * validation into a normalised form the solvers share.
 *
 * JSON schema (all numbers finite; units are the user's, typically GPUs and $ per GPU-hour):
 *
 * ```jsonc
 * {
 *   "provider": {
 *     "highGpus": 64,            // G^H > 0, high-performance GPUs (e.g. H100)
 *     "lowGpus": 128,            // G^L > 0, low-performance capacity in inference H100-equivalents (e.g. T4s)
 *     "costs": {                 // per GPU used; require trainingHigh < trainingLow and
 *       "trainingHigh": 6.2,     //   inferenceHigh > inferenceLow (Appendix A)
 *       "trainingLow": 6.7,
 *       "inferenceHigh": 6.2,
 *       "inferenceLow": 4.6
 *     },
 *     "priceCap": { "training": 40, "inference": 40 }   // optional, > 0 (assumption A6)
 *   },
 *   "clients": [
 *     {
 *       "training": { "gamma": 60, "theta": 4 },          // γ^T_n > 0, θ_n > 0
 *       "inference": { "gamma": 50, "d": 1, "lambda": 2, "value": 100 }
 *       // γ^I_n, d_n, λ_n > 0; value v_n > 0 optional (assumption A4)
 *     }
 *   ]
 * }
 * ```
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * const market = parseMarket({
 *   provider: {
 *     highGpus: 10, lowGpus: 20,
 *     costs: { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 },
 *   },
 *   clients: [{ training: { gamma: 8, theta: 1 }, inference: { gamma: 5, d: 1, lambda: 1, value: 30 } }],
 * });
 * assert.equal(market.size, 1);
 * assert.deepEqual([...market.trainingTheta], [1]);
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireNonEmpty, requirePositive } from "../../core/validate.ts";
import { inferenceThresholdPrice } from "./threshold.ts";

/** Per-GPU operating costs of the provider (Eq. 17 / Appendix C). */
export interface GpuCosts {
  /** c^TH: training on a high-performance GPU */
  readonly trainingHigh: number;
  /** c^TL: training on a low-performance GPU */
  readonly trainingLow: number;
  /** c^IH: inference on a high-performance GPU */
  readonly inferenceHigh: number;
  /** c^IL: inference on a low-performance GPU */
  readonly inferenceLow: number;
}

/** The provider: GPU pools, costs, optional price caps. */
export interface ProviderSpec {
  /** G^H, number of high-performance GPUs */
  readonly highGpus: number;
  /** G^L, number of low-performance GPUs */
  readonly lowGpus: number;
  /** c^TH, c^TL, c^IH, c^IL: cost of one GPU-hour per task and pool */
  readonly costs: GpuCosts;
  /** Highest prices the provider may post (assumption A6: e.g. a public cloud's list price). */
  readonly priceCap?: { readonly training?: number; readonly inference?: number };
}

/** Training utility γ^T log(1 + g/θ) (Appendix B). */
export interface TrainingParams {
  /** γ^T_n, scale of the training utility */
  readonly gamma: number;
  /** θ_n, GPUs at which the training utility reaches γ^T log 2 */
  readonly theta: number;
}

/** Inference disutility −γ^I/(g/d − λ)² (Appendix B), plus the assumed value of being served. */
export interface InferenceParams {
  /** γ^I_n, scale of the inference disutility */
  readonly gamma: number;
  /** d_n, GPUs per unit of service rate (service rate = g/d) */
  readonly d: number;
  /** λ_n, request arrival rate */
  readonly lambda: number;
  /**
   * v_n (assumption A4, not in the paper): the client buys inference only if
   * v_n + max_g P^I_n(g) >= 0. Omit it for the printed model, in which the client always buys.
   */
  readonly value?: number;
}

/** One client. */
export interface ClientSpec {
  /** utility parameters of the client's training job */
  readonly training: TrainingParams;
  /** payoff parameters of the client's inference service */
  readonly inference: InferenceParams;
}

/** Plain-JSON input: provider and clients. */
export interface MarketSpec {
  /** GPU pools, costs and price caps */
  readonly provider: ProviderSpec;
  /** the N clients, in index order */
  readonly clients: readonly ClientSpec[];
}

/** Validated market in column form (index n is client n). */
export interface Market {
  /** N, number of clients */
  readonly size: number;
  /** G^H, number of high-performance GPUs */
  readonly highGpus: number;
  /** G^L, number of low-performance GPUs */
  readonly lowGpus: number;
  /** c^TH, c^TL, c^IH, c^IL */
  readonly costs: GpuCosts;
  /** γ^T_n per client */
  readonly trainingGamma: Float64Array;
  /** θ_n per client */
  readonly trainingTheta: Float64Array;
  /** γ^I_n per client */
  readonly inferenceGamma: Float64Array;
  /** d_n per client */
  readonly inferenceD: Float64Array;
  /** λ_n per client */
  readonly inferenceLambda: Float64Array;
  /** p^I†_n; `Infinity` when the client has no `value` (always buys, printed model). */
  readonly inferenceThreshold: Float64Array;
  /** highest training price searched: the cap, else the largest γ^T/θ (no demand above it) */
  readonly trainingPriceLimit: number;
  /**
   * Highest inference price searched: the cap; else, when every client has a threshold, twice
   * the largest threshold (above the largest one nobody buys; the factor only sets the range of
   * the top, empty sub-region); else `null` (demand never vanishes and there is no cap).
   */
  readonly inferencePriceLimit: number | null;
}

/**
 * Validates a provider.
 *
 * @param provider plain-JSON provider
 * @returns the same provider
 * @throws {ParameterError} for non-positive GPU counts or costs, a violated cost ordering
 *   (c^TH < c^TL, c^IH > c^IL) or a non-positive cap
 * @example
 * ```ts
 * import { validateProvider } from "./model.ts";
 * validateProvider({ highGpus: 1, lowGpus: 1,
 *   costs: { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } });
 * ```
 */
export function validateProvider(provider: ProviderSpec): ProviderSpec {
  if (provider === null || typeof provider !== "object") {
    throw new ParameterError("provider", provider, "an object { highGpus, lowGpus, costs }");
  }
  requirePositive("provider.highGpus", provider.highGpus);
  requirePositive("provider.lowGpus", provider.lowGpus);
  const c = provider.costs;
  if (c === null || typeof c !== "object") {
    throw new ParameterError("provider.costs", c, "an object of per-GPU costs");
  }
  requirePositive("provider.costs.trainingHigh", c.trainingHigh);
  requirePositive("provider.costs.trainingLow", c.trainingLow);
  requirePositive("provider.costs.inferenceHigh", c.inferenceHigh);
  requirePositive("provider.costs.inferenceLow", c.inferenceLow);
  if (!(c.trainingHigh < c.trainingLow)) {
    throw new ParameterError(
      "provider.costs.trainingHigh",
      c.trainingHigh,
      `trainingHigh < trainingLow (= ${c.trainingLow}): c^TH < c^TL`,
    );
  }
  if (!(c.inferenceHigh > c.inferenceLow)) {
    throw new ParameterError(
      "provider.costs.inferenceHigh",
      c.inferenceHigh,
      `inferenceHigh > inferenceLow (= ${c.inferenceLow}): c^IH > c^IL`,
    );
  }
  if (provider.priceCap?.training !== undefined) {
    requirePositive("provider.priceCap.training", provider.priceCap.training);
  }
  if (provider.priceCap?.inference !== undefined) {
    requirePositive("provider.priceCap.inference", provider.priceCap.inference);
  }
  return provider;
}

/**
 * Validates a plain-JSON market and converts it to column form.
 *
 * @param spec provider and clients
 * @returns the validated market
 * @throws {ParameterError} naming the first invalid field (e.g. `clients[3].inference.d`)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMarket } from "./model.ts";
 * const m = parseMarket({ provider: { highGpus: 4, lowGpus: 4,
 *   costs: { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 } },
 *   clients: [{ training: { gamma: 8, theta: 1 }, inference: { gamma: 5, d: 1, lambda: 1 } }] });
 * assert.equal(m.inferencePriceLimit, null); // printed model: no value, no cap
 * ```
 */
export function parseMarket(spec: MarketSpec): Market {
  if (spec === null || typeof spec !== "object") {
    throw new ParameterError("market", spec, "an object { provider, clients }");
  }
  const provider = validateProvider(spec.provider);
  requireNonEmpty("clients", spec.clients);
  const n = spec.clients.length;
  const columns = Array.from({ length: 6 }, () => new Float64Array(n));
  const [tg, tt, ig, id, il, th] = columns as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  let maxTrainingThreshold = 0;
  let maxFiniteInferenceThreshold = 0;
  let everyClientLeaves = true;
  spec.clients.forEach((client, i) => {
    const at = `clients[${i}]`;
    if (client === null || typeof client !== "object" || !client.training || !client.inference) {
      throw new ParameterError(at, client, "an object { training, inference }");
    }
    tg[i] = requirePositive(`${at}.training.gamma`, client.training.gamma);
    tt[i] = requirePositive(`${at}.training.theta`, client.training.theta);
    ig[i] = requirePositive(`${at}.inference.gamma`, client.inference.gamma);
    id[i] = requirePositive(`${at}.inference.d`, client.inference.d);
    il[i] = requirePositive(`${at}.inference.lambda`, client.inference.lambda);
    if (client.inference.value !== undefined) {
      requirePositive(`${at}.inference.value`, client.inference.value);
    }
    const threshold = inferenceThresholdPrice(client.inference);
    th[i] = threshold.exists ? threshold.price : Infinity;
    if (threshold.exists) {
      maxFiniteInferenceThreshold = Math.max(maxFiniteInferenceThreshold, threshold.price);
    } else everyClientLeaves = false;
    maxTrainingThreshold = Math.max(maxTrainingThreshold, tg[i]! / tt[i]!);
  });
  const trainingCap = provider.priceCap?.training;
  const inferenceCap = provider.priceCap?.inference;
  return {
    size: n,
    highGpus: provider.highGpus,
    lowGpus: provider.lowGpus,
    costs: provider.costs,
    trainingGamma: tg,
    trainingTheta: tt,
    inferenceGamma: ig,
    inferenceD: id,
    inferenceLambda: il,
    inferenceThreshold: th,
    trainingPriceLimit: trainingCap ?? maxTrainingThreshold,
    inferencePriceLimit: inferenceCap ??
      (everyClientLeaves ? 2 * maxFiniteInferenceThreshold : null),
  };
}
