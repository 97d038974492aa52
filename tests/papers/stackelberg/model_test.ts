import assert from "node:assert/strict";
import { parseMarket } from "../../../lib/papers/stackelberg/mod.ts";
import { ParameterError } from "../../../lib/core/errors.ts";

const costs = { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 };
const client = { training: { gamma: 8, theta: 1 }, inference: { gamma: 5, d: 1, lambda: 1 } };

Deno.test("parseMarket names the offending field", () => {
  const cases: [unknown, string][] = [
    [{ provider: { highGpus: 0, lowGpus: 1, costs }, clients: [client] }, "provider.highGpus"],
    [{
      provider: { highGpus: 1, lowGpus: 1, costs: { ...costs, inferenceLow: 3 } },
      clients: [client],
    }, "provider.costs.inferenceHigh"],
    [{ provider: { highGpus: 1, lowGpus: 1, costs }, clients: [] }, "clients"],
    [{
      provider: { highGpus: 1, lowGpus: 1, costs },
      clients: [client, { ...client, training: { gamma: 1, theta: -1 } }],
    }, "clients[1].training.theta"],
    [{
      provider: { highGpus: 1, lowGpus: 1, costs },
      clients: [{ ...client, inference: { ...client.inference, lambda: NaN } }],
    }, "clients[0].inference.lambda"],
    [{
      provider: { highGpus: 1, lowGpus: 1, costs, priceCap: { inference: 0 } },
      clients: [client],
    }, "provider.priceCap.inference"],
  ];
  for (const [spec, parameter] of cases) {
    assert.throws(
      () => parseMarket(spec as Parameters<typeof parseMarket>[0]),
      (e: unknown) => e instanceof ParameterError && e.parameter === parameter,
      parameter,
    );
  }
});

Deno.test("price limits: cap, twice the largest threshold, or null (printed model)", () => {
  const printed = parseMarket({ provider: { highGpus: 1, lowGpus: 1, costs }, clients: [client] });
  assert.equal(printed.inferencePriceLimit, null);
  assert.equal(printed.trainingPriceLimit, 8);
  const valued = parseMarket({
    provider: { highGpus: 1, lowGpus: 1, costs },
    clients: [{ ...client, inference: { gamma: 4, d: 1, lambda: 1, value: 4 } }],
  });
  assert.ok(Math.abs(valued.inferencePriceLimit! - 2) < 1e-12);
  const capped = parseMarket({
    provider: { highGpus: 1, lowGpus: 1, costs, priceCap: { inference: 7 } },
    clients: [client],
  });
  assert.equal(capped.inferencePriceLimit, 7);
});
