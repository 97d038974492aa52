import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../../lib/core/errors.ts";
import { compileInstance } from "../../../lib/papers/pdftsp/instance.ts";
import { defaultAlphaBeta, runPdftsp } from "../../../lib/papers/pdftsp/pdftsp.ts";
import { runEft, runNtm } from "../../../lib/papers/pdftsp/baselines.ts";
import { compareAlgorithms, MODELLED_SETTING } from "../../../lib/papers/pdftsp/experiments.ts";
import {
  pdftspAt,
  rescaleMoney,
  scaleBids,
  sensitivitySweep,
  summariseSensitivity,
} from "../../../lib/papers/pdftsp/sensitivity.ts";
import type { Instance, OnlineResult } from "../../../lib/papers/pdftsp/types.ts";
import { smallInstance } from "./_arbitrary.ts";

const admittedSet = (r: OnlineResult) => r.outcomes.map((o) => o.admitted);
const hasPositiveBid = (i: Instance) => i.tasks.some((t) => t.bid > 0);
/** Powers of two keep every rescaled product exact in floating point. */
const factor = fc.constantFrom(1 / 8, 1 / 4, 1 / 2, 2, 4, 16);

Deno.test("money unit κ acts exactly like α and β multiplied by κ (Eq. 7-8 are not unit-free)", () => {
  fc.assert(
    fc.property(smallInstance(), factor, (instance, k) => {
      fc.pre(hasPositiveBid(instance));
      const lemma2 = defaultAlphaBeta(compileInstance(instance));
      const rescaled = runPdftsp(rescaleMoney(instance, k));
      const boosted = runPdftsp(instance, { alpha: lemma2.alpha * k, beta: lemma2.beta * k });
      assert.deepEqual(admittedSet(rescaled), admittedSet(boosted));
      assert.equal(rescaled.welfare, boosted.welfare * k);
      assert.equal(pdftspAt(instance, { unitScale: k }).welfare, boosted.welfare);
    }),
    { numRuns: 150, seed: 11 },
  );
});

Deno.test("EFT and NTM do not depend on the money unit or the bids", () => {
  fc.assert(
    fc.property(smallInstance(), factor, (instance, k) => {
      for (const run of [runEft, (i: Instance) => runNtm(i, { seed: 2 })]) {
        const base = run(instance);
        const money = run(rescaleMoney(instance, k));
        assert.deepEqual(admittedSet(money), admittedSet(base));
        assert.equal(money.welfare, base.welfare * k);
        assert.deepEqual(admittedSet(run(scaleBids(instance, k))), admittedSet(base));
      }
    }),
    { numRuns: 100, seed: 12 },
  );
});

Deno.test("pdftspAt with every choice at 1 is the plain Lemma 2 run", () => {
  fc.assert(
    fc.property(smallInstance(), (instance) => {
      const plain = runPdftsp(instance);
      const point = pdftspAt(instance);
      assert.equal(point.admitted, plain.admitted);
      assert.equal(point.welfare, plain.welfare);
      assert.equal(point.alpha, plain.alpha);
      assert.equal(point.beta, plain.beta);
      assert.ok(point.dualUpdates >= plain.admitted, "every admitted task raised the duals");
    }),
    { numRuns: 60, seed: 13 },
  );
});

const ONE_TASK: Instance = {
  slots: 2,
  baseModelMemory: 0,
  vendors: [],
  nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0, 0] }],
  tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 2, preprocessing: false, bid: 5 }],
};

Deno.test("Lemma 2 check: b̄ = b / (Σs + Σr) = 5 / (2 + 2) scaled by the money unit", () => {
  const unit = pdftspAt(ONE_TASK);
  assert.equal(unit.minUnitWelfare, 1.25);
  assert.equal(unit.lemma2Holds, true);
  const small = pdftspAt(ONE_TASK, { unitScale: 0.5 });
  assert.equal(small.minUnitWelfare, 0.625);
  assert.equal(small.lemma2Holds, false);
  assert.equal(small.welfare, 5, "welfare is reported in the workload's money unit");
  assert.equal(small.alpha, 1.25, "α = max b/M in the rescaled units: 2.5 / 2");
  assert.equal(small.beta, 1.25, "β = max b/r in the rescaled units: 2.5 / 2");
});

Deno.test("sensitivity inputs are validated with typed errors", () => {
  const rejects = (f: () => unknown, parameter: string) =>
    assert.throws(f, (e: unknown) => e instanceof ParameterError && e.parameter === parameter);
  rejects(() => rescaleMoney(ONE_TASK, 0), "moneyFactor");
  rejects(() => scaleBids(ONE_TASK, NaN), "bidScale");
  rejects(() => pdftspAt(ONE_TASK, { unitScale: -1 }), "unitScale");
  rejects(() => pdftspAt(ONE_TASK, { betaFactor: Infinity }), "betaFactor");
  rejects(() => summariseSensitivity([]), "rows");
});

Deno.test("summariseSensitivity counts wins, defensible wins and best gains", () => {
  const row = (beatsAll: boolean, defensible: boolean, gain: number) => ({
    beatsAll,
    defensible,
    lemma2Holds: defensible,
    gainOverBestBaseline: gain,
  });
  const s = summariseSensitivity([row(true, false, 7), row(false, true, -90), row(true, true, 2)]);
  assert.deepEqual(s, {
    settings: 3,
    wins: 2,
    defensibleWins: 1,
    lemma2Settings: 2,
    bestDefensibleGain: 2,
    bestGain: 7,
  });
});

Deno.test("the sweep's Lemma 2 centre reproduces the main 50-node comparison", async () => {
  const params = { mode: "quick", seed: 1 } as const;
  const [centre] = await sensitivitySweep(params, {
    unitScales: [1],
    bidScales: [1],
    alphaFactors: [],
    betaFactors: [],
  });
  const main = await compareAlgorithms(params, "Fig. 4", "50 nodes", MODELLED_SETTING);
  const of = (name: string) => main.find((r) => r.algorithm === name)!;
  assert.equal(centre!.pdftspAdmitted, of("pdftsp").admitted);
  assert.equal(centre!.pdftspWelfare, of("pdftsp").welfare);
  assert.equal(centre!.eftWelfare, of("eft").welfare);
  assert.equal(centre!.titanWelfare, of("titan").welfare);
  assert.equal(centre!.tasks, of("pdftsp").tasks);
});
