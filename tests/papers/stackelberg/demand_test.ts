import assert from "node:assert/strict";
import fc from "fast-check";
import {
  checkTheoremTwo,
  inferenceDemand,
  parseMarket,
  totalInferenceDemand,
  totalTrainingDemand,
  trainingDemand,
  trainingPayoff,
} from "../../../lib/papers/stackelberg/mod.ts";
import { ParameterError } from "../../../lib/core/errors.ts";

Deno.test("Theorem 2 demands equal direct numerical maximisation of the payoffs", () => {
  const r = checkTheoremTwo(11, 400);
  assert.ok(r.maxTrainingError < 1e-6, `training ${r.maxTrainingError}`);
  assert.ok(r.maxInferenceError < 1e-6, `inference ${r.maxInferenceError}`);
});

Deno.test("hand-computed demands", () => {
  assert.equal(trainingDemand({ gamma: 10, theta: 2 }, 2), 3);
  assert.equal(trainingDemand({ gamma: 10, theta: 2 }, 6), 0);
  assert.ok(Math.abs(inferenceDemand({ gamma: 4, d: 1, lambda: 1 }, 1) - 3) < 1e-12);
  assert.equal(inferenceDemand({ gamma: 4, d: 1, lambda: 1 }, 2, 1.5), 0);
});

Deno.test("training demand is zero exactly above γ/θ and no payoff beats it (property)", () => {
  const pos = fc.double({ min: 1e-2, max: 1e2, noNaN: true });
  fc.assert(
    fc.property(
      pos,
      pos,
      pos,
      fc.double({ min: 0, max: 1e3, noNaN: true }),
      (gamma, theta, price, other) => {
        const params = { gamma, theta };
        const g = trainingDemand(params, price);
        assert.equal(g === 0, price >= gamma / theta);
        assert.ok(
          trainingPayoff(params, price, g) >=
            trainingPayoff(params, price, other) - 1e-9 * (1 + Math.abs(gamma)),
        );
      },
    ),
  );
});

Deno.test("aggregate demands sum the clients and reject non-positive prices", () => {
  const m = parseMarket({
    provider: {
      highGpus: 9,
      lowGpus: 9,
      costs: { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 },
    },
    clients: [
      { training: { gamma: 10, theta: 2 }, inference: { gamma: 4, d: 1, lambda: 1 } },
      { training: { gamma: 2, theta: 1 }, inference: { gamma: 4, d: 1, lambda: 1, value: 4 } },
    ],
  });
  assert.ok(Math.abs(totalTrainingDemand(m, 2) - 3) < 1e-12); // second client: 2/2 − 1 = 0
  assert.ok(Math.abs(totalInferenceDemand(m, 1) - 6) < 1e-12); // both buy 3 at p = 1 = p†
  assert.ok(
    Math.abs(totalInferenceDemand(m, 1.01) - inferenceDemand({ gamma: 4, d: 1, lambda: 1 }, 1.01)) <
      1e-12,
  );
  assert.throws(() => totalTrainingDemand(m, 0), ParameterError);
});
