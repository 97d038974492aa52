import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../../lib/core/errors.ts";
import {
  compareWithExact,
  exactStageOne,
  literalReading,
  parseMarket,
  profitAt,
  randomMarket,
  solveStageOne,
  varietyMarkets,
} from "../../../lib/papers/stackelberg/mod.ts";

Deno.test("Theorem 3 agrees with the exact reference to 1e-9 on 280 markets (tight pools, caps)", () => {
  const specs = [...varietyMarkets(1, 240), ...varietyMarkets(2, 40).map(literalReading)];
  const r = compareWithExact(specs);
  assert.equal(r.markets, 280);
  assert.equal(r.statusMismatches, 0);
  assert.ok(r.optimal >= 200, `only ${r.optimal} markets with an optimum`);
  assert.ok(r.infeasible > 0, "the mix should contain markets over capacity at every price");
  assert.ok(r.maxProfitGap <= 1e-9, `profit gap ${r.maxProfitGap}`);
  assert.ok(r.maxFormulaGap <= 1e-9, `piece formula vs direct ${r.maxFormulaGap}`);
});

Deno.test("the mix exercises binding capacity and caps", () => {
  let capBinds = 0;
  let capacityBinds = 0;
  for (const spec of varietyMarkets(1, 200)) {
    const market = parseMarket(spec);
    const r = exactStageOne(market);
    if (r.status !== "optimal") continue;
    const cap = spec.provider.priceCap;
    if (r.trainingPrice === cap?.training || r.inferencePrice === cap?.inference) capBinds++;
    const direct = profitAt(market, r.trainingPrice, r.inferencePrice);
    const used = direct.demand.training + direct.demand.inference;
    if (used >= (market.highGpus + market.lowGpus) * (1 - 1e-9)) capacityBinds++;
  }
  assert.ok(capBinds >= 10, `cap binds in ${capBinds} markets`);
  assert.ok(capacityBinds >= 10, `capacity binds in ${capacityBinds} markets`);
});

Deno.test("exact reference: no feasible price pair beats it (random probes, property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 500 }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      (k, u, v) => {
        const market = parseMarket(varietyMarkets(3, k)[k - 1]!);
        const r = exactStageOne(market);
        if (r.status !== "optimal") return;
        const probe = profitAt(
          market,
          u * market.trainingPriceLimit,
          v * market.inferencePriceLimit!,
        );
        if (probe.feasible) assert.ok(probe.profit <= r.profit * (1 + 1e-12) + 1e-9);
      },
    ),
    { numRuns: 60 },
  );
});

/** One client with inference threshold p† = 1 (γ = 4, d = λ = 1, v = 4), c^TH = 1, c^TL = c^IH = 2. */
function oneClient(
  highGpus: number,
  lowGpus: number,
  trainingGamma: number,
  theta: number,
  inferenceLow: number,
) {
  return parseMarket({
    provider: {
      highGpus,
      lowGpus,
      costs: { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow },
    },
    clients: [{
      training: { gamma: trainingGamma, theta },
      inference: { gamma: 4, d: 1, lambda: 1, value: 4 },
    }],
  });
}

Deno.test("exact reference, hand-checkable: one client, slack capacity: p^T = √(c^TH γ/θ)", () => {
  const r = exactStageOne(oneClient(100, 100, 10, 2, 0.5));
  assert.equal(r.status, "optimal");
  if (r.status !== "optimal") return;
  assert.ok(Math.abs(r.trainingPrice - Math.sqrt(5)) < 1e-12);
  // p^I at the threshold p† = 1: demand 1 + 2 = 3, inference profit (1 − 0.5)·3 > 0 = above p†
  assert.equal(r.inferencePrice, 1);
});

Deno.test("exact reference, capacity binds: p^T = b with D^T(b) = G − D^I", () => {
  // G = 5; at p^I = p† = 1 inference takes 3 GPUs, leaving 2 for training, far below the
  // unconstrained training demand at the peak √(1·100/1) = 10 (90 GPUs): capacity binds
  const market = oneClient(1, 4, 100, 1, 1);
  const r = exactStageOne(market);
  const theorem = solveStageOne(market);
  assert.ok(r.status === "optimal" && theorem.status === "optimal");
  if (r.status !== "optimal" || theorem.status !== "optimal") return;
  const direct = profitAt(market, r.trainingPrice, r.inferencePrice);
  assert.ok(direct.feasible);
  assert.ok(Math.abs(direct.demand.training + direct.demand.inference - 5) < 1e-9);
  assert.ok(Math.abs(r.profit - theorem.profit) < 1e-9 * r.profit);
});

Deno.test("exact reference refuses the printed model without a cap (typed error)", () => {
  const market = parseMarket(randomMarket({ clients: 3, seed: 1, withValues: false }));
  assert.throws(
    () => exactStageOne(market),
    (e: unknown) => e instanceof ParameterError && e.parameter === "market.inferencePriceLimit",
  );
});
