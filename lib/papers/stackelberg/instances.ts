/**
 * Seeded synthetic markets. The appendix gives no parameter values, so the ranges below are this
 * reproduction's assumption (A7), chosen so that thresholds fall in a few-to-tens of $/GPU-hour
 * range comparable with the modelled costs of {@link modelledGpuCosts}, and capacity binds at
 * moderate prices.
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import { requireInteger, requirePositive } from "../../core/validate.ts";
import type { ClientSpec, GpuCosts, MarketSpec } from "./model.ts";
import { modelledGpuCosts } from "./hardware_costs.ts";

/** Options of {@link randomMarket}. */
export interface RandomMarketOptions {
  /** number of clients N */
  readonly clients: number;
  /** seed of the `stackelberg-market` stream */
  readonly seed: number;
  /** per-GPU costs (default: {@link modelledGpuCosts} for H100 SXM / L4 with its defaults) */
  readonly costs?: GpuCosts;
  /** G^H per client (default 1.5) */
  readonly highPerClient?: number;
  /** G^L per client (default 3) */
  readonly lowPerClient?: number;
  /** give clients an inference value v (assumption A4; default true) */
  readonly withValues?: boolean;
  /** optional price caps */
  readonly priceCap?: { readonly training?: number; readonly inference?: number };
}

/**
 * Draws a random market.
 *
 * Client n: θ ~ U[1, 8], γ^T = θ·U[5, 30] (threshold γ^T/θ in [5, 30]); d ~ U[0.5, 2],
 * λ ~ U[0.5, 3], γ^I ~ U[10, 200], v ~ U[20, 400].
 *
 * @param options size, seed, costs, capacities
 * @returns a plain-JSON market
 * @throws {ParameterError} for a non-integer or non-positive size or bad capacities
 * @example
 * ```ts
 * import { randomMarket } from "./instances.ts";
 * const spec = randomMarket({ clients: 5, seed: 1 });
 * console.log(spec.clients.length); // 5
 * ```
 */
export function randomMarket(options: RandomMarketOptions): MarketSpec {
  const n = requireInteger("clients", options.clients, 1, 1_000_000);
  const highPerClient = requirePositive("highPerClient", options.highPerClient ?? 1.5);
  const lowPerClient = requirePositive("lowPerClient", options.lowPerClient ?? 3);
  const rng = createRng(options.seed).stream("stackelberg-market");
  const withValues = options.withValues ?? true;
  const clients: ClientSpec[] = Array.from({ length: n }, () => {
    const theta = rng.uniformIn(1, 8);
    const training = { gamma: theta * rng.uniformIn(5, 30), theta };
    const d = rng.uniformIn(0.5, 2);
    const lambda = rng.uniformIn(0.5, 3);
    const gamma = rng.uniformIn(10, 200);
    const value = rng.uniformIn(20, 400);
    return { training, inference: withValues ? { gamma, d, lambda, value } : { gamma, d, lambda } };
  });
  return {
    provider: {
      highGpus: highPerClient * n,
      lowGpus: lowPerClient * n,
      costs: options.costs ?? modelledGpuCosts().costs,
      ...(options.priceCap ? { priceCap: options.priceCap } : {}),
    },
    clients,
  };
}
