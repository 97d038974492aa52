import assert from "node:assert/strict";
import fc from "fast-check";
import {
  bidSweep,
  checkTruthfulness,
  competitiveBound,
} from "../../../lib/papers/pdftsp/theory.ts";
import { runPdftsp } from "../../../lib/papers/pdftsp/pdftsp.ts";
import type { Instance } from "../../../lib/papers/pdftsp/types.ts";
import { ParameterError } from "../../../lib/core/errors.ts";
import { smallInstance } from "./_arbitrary.ts";
import { OPERATING_COST_GAP, twoTasksOnOneCell } from "../../../lib/papers/pdftsp/examples.ts";

const sweepBids = (value: number) => Array.from({ length: 41 }, (_, j) => value * j / 20);

Deno.test("truthfulness (Theorem 3) holds by bid sweep when operating costs are zero", () => {
  fc.assert(
    fc.property(
      smallInstance({ costs: false }),
      fc.nat(),
      fc.integer({ min: 1, max: 40 }),
      (instance, pick, value) => {
        const index = pick % instance.tasks.length;
        const check = checkTruthfulness(bidSweep(instance, index, value, sweepBids(value)), value);
        assert.ok(check.gain <= 1e-9, `lying gains ${check.gain}`);
      },
    ),
    { numRuns: 100, seed: 19 },
  );
});

Deno.test("with the critical payment rule truthfulness holds with operating costs", () => {
  fc.assert(
    fc.property(
      smallInstance(),
      fc.nat(),
      fc.integer({ min: 1, max: 40 }),
      (instance, pick, value) => {
        const index = pick % instance.tasks.length;
        const points = bidSweep(instance, index, value, sweepBids(value), "critical");
        assert.ok(checkTruthfulness(points, value).gain <= 1e-9);
      },
    ),
    { numRuns: 100, seed: 23 },
  );
});

Deno.test("Eq. 14 payment is not truthful when operating costs are positive: a value in (p, p + Σe) gains by overbidding", () => {
  const value = 1.5; // payment is 0 (no earlier prices), but winning needs b > Σe = 2
  const points = bidSweep(OPERATING_COST_GAP, 0, value, [0, 1, 1.5, 2.5, 3], "paper");
  assert.equal(points.find((p) => p.bid === 1.5)!.admitted, false);
  assert.equal(points.find((p) => p.bid === 2.5)!.admitted, true);
  assert.equal(points.find((p) => p.bid === 2.5)!.payment, 0);
  const check = checkTruthfulness(points, value);
  assert.equal(check.gain, 1.5);
  // The critical rule (the default) charges Σe = 2 > v, so overbidding no longer pays.
  const fixed = checkTruthfulness(
    bidSweep(OPERATING_COST_GAP, 0, value, [0, 1, 1.5, 2.5, 3]),
    value,
  );
  assert.equal(fixed.gain, 0);
});

Deno.test("competitiveBound follows Theorem 5's formula on a hand-computed instance", () => {
  const instance: Instance = {
    slots: 2,
    baseModelMemory: 0,
    vendors: [],
    nodes: [{ computeCapacity: 4, memoryCapacity: 4, taskThroughput: 2, costPerSlot: [0, 0] }],
    tasks: [
      { arrival: 0, deadline: 0, work: 2, memory: 2, preprocessing: false, bid: 8 },
      { arrival: 1, deadline: 1, work: 2, memory: 1, preprocessing: false, bid: 3 },
    ],
  };
  const run = runPdftsp(instance);
  const bound = competitiveBound(instance, run);
  assert.equal(bound.alpha, 4); // max(8/2, 3/2)
  assert.equal(bound.beta, 4); // max(8/2, 3/1)
  // b̄: task 0 -> 8 / (2 + 2) = 2, task 1 -> 3 / (2 + 1) = 1
  assert.deepEqual(bound.unitWelfareRange, [1, 2]);
  assert.equal(bound.rho, 1 + Math.max(2 * 2 / (1 * 2), 2 * 2 / (1 * 1)));
  assert.equal(bound.gamma, bound.rho * 5);
});

Deno.test("with declared value bounds a winner's default payment does not move with its own bid", () => {
  const bounds = { perWork: 5, perMemory: 5 };
  const pay = (bid: number, declared: boolean) =>
    runPdftsp(twoTasksOnOneCell(bid, declared ? bounds : undefined)).outcomes[1]!.payment;
  assert.ok(pay(10, true) > 0);
  assert.equal(pay(10, true), pay(14, true));
  // Lemma 2's hindsight α = max b/M makes the second task's bid raise its own price
  assert.ok(pay(14, false) > pay(10, false) + 1e-6);
});

Deno.test("default options are truthful by bid sweep with positive operating costs and declared bounds", () => {
  fc.assert(
    fc.property(
      smallInstance(),
      fc.nat(),
      fc.integer({ min: 1, max: 40 }),
      (instance, pick, value) => {
        const declared = { ...instance, valueBounds: { perWork: 40, perMemory: 40 } };
        const index = pick % instance.tasks.length;
        const points = bidSweep(declared, index, value, sweepBids(value));
        assert.ok(checkTruthfulness(points, value).gain <= 1e-9);
        const payments = new Set(points.filter((p) => p.admitted).map((p) => p.payment.toFixed(9)));
        assert.ok(payments.size <= 1, "one payment for every winning bid");
      },
    ),
    { numRuns: 100, seed: 31 },
  );
});

Deno.test("declared value bounds must be positive: a ParameterError naming the field", () => {
  for (const valueBounds of [{ perWork: 0, perMemory: 1 }, { perWork: 1, perMemory: NaN }]) {
    assert.throws(
      () => runPdftsp(twoTasksOnOneCell(10, valueBounds)),
      (error: Error) =>
        error instanceof ParameterError && /valueBounds\.per(Work|Memory)/.test(error.message),
    );
  }
});
