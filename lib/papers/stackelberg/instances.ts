/**
 * Seeded synthetic markets. The appendix gives no parameter values, so the ranges below are this
 * reproduction's assumption (A7), chosen so that thresholds fall in a few-to-tens of $/GPU-hour
 * range comparable with the modelled costs of {@link modelledGpuCosts}, and capacity binds at
 * moderate prices.
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import { requireInteger, requireObject, requirePositive } from "../../core/validate.ts";
import type { ClientSpec, GpuCosts, MarketSpec } from "./model.ts";
import { modelledGpuCosts } from "./hardware_costs.ts";

/** Options of {@link randomMarket}. */
export interface RandomMarketOptions {
  /** number of clients N */
  readonly clients: number;
  /** seed of the `stackelberg-market` stream */
  readonly seed: number;
  /** per-GPU costs (default: {@link modelledGpuCosts} for H100 SXM / T4 with its defaults) */
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
 * import assert from "node:assert/strict";
 * import { randomMarket } from "./instances.ts";
 * const spec = randomMarket({ clients: 5, seed: 1 });
 * assert.equal(spec.clients.length, 5);
 * assert.deepEqual(randomMarket({ clients: 5, seed: 1 }), spec); // same seed, same market
 * ```
 */
export function randomMarket(options: RandomMarketOptions): MarketSpec {
  requireObject("options", options, "random-market options { clients, seed, ... }");
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

/**
 * A seeded mix of markets for reference comparisons: 1-40 clients, high and low pools from tight
 * (0.3 and 1 GPU per client, against an inference floor Σdλ of about 2.2 per client: capacity
 * binds, and under a low inference cap some markets are infeasible) to loose (1.5 and 3),
 * and in about half of them a training and/or inference price cap below some thresholds.
 *
 * @param seed root seed (market k uses seed·10000 + k)
 * @param count number of markets
 * @returns plain-JSON markets, all with client values (assumption A4)
 * @throws {ParameterError} for a non-integer or non-positive count
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { varietyMarkets } from "./instances.ts";
 * assert.equal(varietyMarkets(1, 3).length, 3);
 * ```
 */
export function varietyMarkets(seed: number, count: number): MarketSpec[] {
  requireInteger("count", count, 1, 100_000);
  const rng = createRng(seed).stream("stackelberg-variety");
  return Array.from({ length: count }, (_, k) => {
    const capKind = rng.int(0, 3); // 0: none, 1: training, 2: inference, 3: both
    const training = capKind === 1 || capKind === 3 ? rng.uniformIn(4, 30) : undefined;
    const inference = capKind >= 2 ? rng.uniformIn(5, 80) : undefined;
    return randomMarket({
      clients: rng.int(1, 40),
      seed: seed * 10000 + k,
      highPerClient: rng.choice([0.3, 1, 1.5]),
      lowPerClient: rng.choice([1, 2, 3]),
      ...(capKind === 0 ? {} : {
        priceCap: {
          ...(training === undefined ? {} : { training }),
          ...(inference === undefined ? {} : { inference }),
        },
      }),
    });
  });
}
