import assert from "node:assert/strict";
import fc from "fast-check";
import {
  additionalInferencePoint,
  compareStageOne,
  inferencePieces,
  parseMarket,
  profitAt,
  randomMarket,
  solveStageOne,
  totalInferenceDemand,
  totalTrainingDemand,
  trainingPieces,
} from "../../../lib/papers/stackelberg/mod.ts";

Deno.test("Theorem 3 (guarded) is never beaten by the brute-force grid and is feasible", () => {
  const rows = compareStageOne([1, 2, 3, 4, 5, 6], [1, 2, 4, 12], 120);
  assert.ok(rows.length >= 20);
  for (const row of rows) {
    assert.ok(row.theoremDirectProfit !== null, `infeasible optimum ${JSON.stringify(row)}`);
    assert.ok(
      Math.abs(row.theoremDirectProfit! - row.theoremProfit) <= 1e-9 * Math.abs(row.theoremProfit),
    );
    // How far the coarse grid falls short (it can zoom into the wrong basin: the surface jumps
    // at every threshold p†; N = 4, seed 2 stays 5 % below with the T4 costs) is a finding about
    // the grid, shown in the notebook's verification notes; Theorem 3 itself is checked against
    // the exact reference in exact_stage_one_test.ts.
    assert.ok(row.relativeGap >= -1e-9, `brute force beats theorem: ${JSON.stringify(row)}`);
  }
});

Deno.test("the literal Appendix G rule (no feasibility check) can pick an infeasible price pair", () => {
  const rows = compareStageOne([1, 2, 3, 4, 5, 6, 7, 8], [1, 2], 40);
  assert.ok(rows.some((row) => row.literalDirectProfit === null));
});

Deno.test("sub-region pieces: constant active sets; a'^T puts D^T exactly at G^H (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1000 }), (n, seed) => {
      const market = parseMarket(randomMarket({ clients: n, seed }));
      for (const piece of trainingPieces(market)) {
        const mid = (piece.lo + piece.hi) / 2;
        const formula = piece.gammaSum / mid - piece.thetaSum;
        assert.ok(Math.abs(formula - totalTrainingDemand(market, mid)) <= 1e-9 * (1 + formula));
        const overflow = totalTrainingDemand(market, mid) > market.highGpus;
        assert.equal(piece.marginalCost === market.costs.trainingLow, overflow);
      }
      for (const piece of inferencePieces(market)!) {
        const mid = (piece.lo + piece.hi) / 2;
        const formula = piece.floor + piece.kSum / Math.cbrt(mid);
        assert.ok(Math.abs(formula - totalInferenceDemand(market, mid)) <= 1e-9 * (1 + formula));
        const split = additionalInferencePoint(piece.kSum, piece.floor, market.lowGpus);
        if (split !== null && split > piece.lo && split < piece.hi) {
          const at = piece.floor + piece.kSum / Math.cbrt(split);
          assert.ok(Math.abs(at - market.lowGpus) < 1e-9 * market.lowGpus);
        }
      }
    }),
    { numRuns: 40 },
  );
});

Deno.test("Eq. 21 a'^I has no meaning when Σdλ >= G^L: returns null", () => {
  assert.equal(additionalInferencePoint(2, 5, 3), null);
  assert.equal(additionalInferencePoint(2, 1, 3), 1);
});

Deno.test("printed model without an inference cap is a typed unbounded result", () => {
  const market = parseMarket(randomMarket({ clients: 5, seed: 1, withValues: false }));
  const result = solveStageOne(market);
  assert.equal(result.status, "unbounded");
  const capped = parseMarket(
    randomMarket({ clients: 5, seed: 1, withValues: false, priceCap: { inference: 12.29 } }),
  );
  const optimum = solveStageOne(capped);
  assert.equal(optimum.status, "optimal");
  if (optimum.status === "optimal") assert.equal(optimum.inferencePrice, 12.29);
});

Deno.test("an inference floor above capacity is a typed infeasible result", () => {
  const market = parseMarket({
    provider: {
      highGpus: 1,
      lowGpus: 1,
      costs: { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 },
    },
    clients: [{ training: { gamma: 8, theta: 1 }, inference: { gamma: 5, d: 1, lambda: 3 } }],
  });
  assert.equal(solveStageOne(market).status, "infeasible");
});

Deno.test("hand-checkable single-client optimum (training only binds at G^H)", () => {
  // one client, inference leaves above p† so only training matters in the top inference piece;
  // with G^H = 100 capacity never binds, so p^T* = √(c^TH·γ/θ) = √(1·10/2) (Appendix G case 2)
  const market = parseMarket({
    provider: {
      highGpus: 100,
      lowGpus: 100,
      costs: { trainingHigh: 1, trainingLow: 2, inferenceHigh: 2, inferenceLow: 1 },
    },
    clients: [{
      training: { gamma: 10, theta: 2 },
      inference: { gamma: 4, d: 1, lambda: 1, value: 4 },
    }],
  });
  const r = solveStageOne(market);
  assert.equal(r.status, "optimal");
  if (r.status !== "optimal") return;
  assert.ok(Math.abs(r.trainingPrice - Math.sqrt(5)) < 1e-12);
  const direct = profitAt(market, r.trainingPrice, r.inferencePrice);
  assert.ok(direct.feasible && Math.abs(direct.profit - r.profit) < 1e-9);
});
