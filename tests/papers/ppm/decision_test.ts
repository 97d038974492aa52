import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../../lib/core/errors.ts";
import { PostedPriceState } from "../../../lib/papers/ppm/decision.ts";
import {
  buildInstance,
  CBAR_CPU,
  section6Mechanisms,
} from "../../../lib/papers/ppm/experiments.ts";
import { pricingFunctions, runPosted } from "../../../lib/papers/ppm/mechanism.ts";
import type { Instance } from "../../../lib/papers/ppm/instance.ts";
import { createRng } from "../../../lib/core/rng.ts";

const bundles = [[0.2, 0.1], [0.1, 0.3], [0.4, 0]];
const pricing = [(y: number) => 1 + 3 * y * y, (y: number) => 0.5 + y];

/** Eq. 8 written out per bundle, independently of the kernel's per-resource sums. */
function paymentOf(state: PostedPriceState, arrival: number, duration: number, b: number) {
  let pay = 0;
  for (let t = arrival; t < arrival + duration; t++) {
    bundles[b]!.forEach((r, k) => (pay += r * pricing[k]!(state.utilisationCopy(k)[t]!)));
  }
  return pay;
}

const scenario = fc.record({
  history: fc.array(
    fc.record({
      arrival: fc.integer({ min: 0, max: 7 }),
      len: fc.integer({ min: 1, max: 8 }),
      values: fc.array(fc.double({ min: 0, max: 8, noNaN: true }), {
        minLength: 3,
        maxLength: 3,
      }),
    }),
    { maxLength: 25 },
  ),
});

Deno.test("property: decide picks the utility-maximising affordable bundle and never overfills", () => {
  fc.assert(
    fc.property(scenario, ({ history }) => {
      const state = new PostedPriceState(8, bundles, pricing);
      for (const { arrival, len, values } of history) {
        const duration = Math.min(len, 8 - arrival);
        const rows = () => bundles[0]!.map((_, k) => state.utilisationCopy(k));
        const before = rows();
        const b = state.decide(arrival, duration, values);
        assert.deepEqual(rows(), before, "decide must not change the state");
        const utilities = values.map((v, i) => v - paymentOf(state, arrival, duration, i));
        const top = Math.max(...utilities);
        if (b >= 0) {
          assert.ok(Math.abs(utilities[b]! - top) < 1e-9, `bundle ${b} is not utility-maximising`);
          assert.ok(top >= 0);
          assert.ok(Math.abs(state.payment - paymentOf(state, arrival, duration, b)) < 1e-9);
          state.admit(arrival, duration, b);
        } else {
          const argmax = utilities.indexOf(top);
          const fits = rows().every((y, k) =>
            y.subarray(arrival, arrival + duration).every((level) =>
              level + bundles[argmax]![k]! <= 1 + 1e-9
            )
          );
          assert.ok(top < 0 || !fits, "rejected a customer whose best bundle was affordable");
          assert.equal(state.payment, 0);
        }
        for (const y of rows()) for (const level of y) assert.ok(level <= 1 + 1e-9);
      }
    }),
    { seed: 11, numRuns: 300 },
  );
});

Deno.test("decide and admit reject bad stays, valuations and bundles with ParameterError", () => {
  const state = new PostedPriceState(8, bundles, pricing);
  assert.throws(() => state.decide(6, 3, [1, 1, 1]), ParameterError);
  assert.throws(() => state.decide(-1, 1, [1, 1, 1]), ParameterError);
  assert.throws(() => state.decide(0.5, 1, [1, 1, 1]), ParameterError);
  assert.throws(() => state.decide(0, 0, [1, 1, 1]), ParameterError);
  assert.throws(() => state.decide(0, 1, [1, 1]), ParameterError);
  assert.throws(() => state.admit(0, 1, 3), ParameterError);
  assert.throws(() => new PostedPriceState(8, [[0.1]], pricing), ParameterError);
  assert.throws(() => new PostedPriceState(0, bundles, pricing), ParameterError);
});

/**
 * Algorithm 1 written out with φ evaluated on the current utilisation at every decision (no
 * price cache, no memo): asserts `runPosted` gives the same decisions and payments bit for bit.
 * Returns how many distinct levels of resource 0 the stays read.
 */
function assertSameAsUncached(instance: Instance, phis: readonly ((y: number) => number)[]) {
  const result = runPosted(instance, phis);
  const K = instance.resources.length;
  const y = instance.resources.map(() => new Float64Array(instance.slots));
  const seen = new Set<number>();
  const order = [...instance.customers.keys()].sort((i, j) =>
    instance.customers[i]!.arrival - instance.customers[j]!.arrival || i - j
  );
  for (const n of order) {
    const { arrival, duration, valuations } = instance.customers[n]!;
    const sums = phis.map((phi, k) => {
      let sum = 0;
      for (let t = arrival; t < arrival + duration; t++) sum += phi(y[k]![t]!);
      if (k === 0) y[0]!.subarray(arrival, arrival + duration).forEach((v) => seen.add(v));
      return sum;
    });
    let best = -1;
    let utility = -Infinity;
    let pay = 0;
    instance.bundles.forEach((r, b) => {
      let p = 0;
      for (let k = 0; k < K; k++) if (r[k] !== 0) p += r[k]! * sums[k]!;
      if (valuations[b]! - p > utility) [best, utility, pay] = [b, valuations[b]! - p, p];
    });
    const fits = y.every((row, k) =>
      row.subarray(arrival, arrival + duration).every((level) =>
        level + instance.bundles[best]![k]! <= 1 + 1e-9
      )
    );
    const chosen = utility >= 0 && fits ? best : -1;
    assert.equal(result.decisions[n], chosen, `customer ${n}`);
    assert.equal(result.payments[n], chosen >= 0 ? pay : 0);
    if (chosen >= 0) {
      y.forEach((row, k) => {
        for (let t = arrival; t < arrival + duration; t++) {
          row[t] = row[t]! + instance.bundles[chosen]![k]!;
        }
      });
    }
  }
  assert.deepEqual(result.utilisation, y);
  assert.ok(result.decisions.some((b) => b < 0) && result.decisions.some((b) => b >= 0));
  return seen.size;
}

Deno.test("cached per-slot prices give bit-identical decisions and payments to per-slot φ calls", () => {
  const { instance } = buildInstance({
    case: "EE",
    pbar: 3 * CBAR_CPU,
    jobs: 1500,
    slots: 600,
    seed: 9,
    durationScale: 4,
    jobSource: "synthetic",
  });
  for (const spec of Object.values(section6Mechanisms())) {
    assertSameAsUncached(instance, pricingFunctions(instance, spec));
  }
});

Deno.test("the φ memo stays exact when utilisation takes far more values than it has entries", () => {
  // Random real-valued amounts: thousands of distinct levels, so memo entries collide and are
  // overwritten all the time; every hit must still be φ of exactly the same y.
  const rng = createRng(5).stream("memo");
  const bundles = Array.from(
    { length: 4 },
    () => [rng.uniformIn(1e-4, 0.02), rng.uniformIn(0, 0.01)],
  );
  const slots = 4000;
  const instance: Instance = {
    slots,
    resources: [
      { name: "a", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 },
      { name: "b", cost: { kind: "power", a: 1, s: 1.5 }, pbar: 4 },
    ],
    bundles,
    customers: Array.from({ length: 3000 }, () => {
      const arrival = Math.floor(rng.uniformIn(0, slots - 1));
      const duration = 1 + Math.floor(rng.uniformIn(0, Math.min(800, slots - arrival - 1)));
      return {
        arrival,
        duration,
        valuations: bundles.map(() => rng.uniformIn(0, 0.05 * duration)),
      };
    }),
  };
  const levels = assertSameAsUncached(instance, [
    (v) => 0.5 + 3 * v * v,
    (v) => Math.exp(4 * v) - 1,
  ]);
  assert.ok(levels > 8 * 1024, `only ${levels} distinct levels`);
});

Deno.test("admissions call φ about once per distinct level, not once per slot they change", () => {
  const { instance } = buildInstance({
    case: "UE",
    pbar: 2 * CBAR_CPU,
    jobs: 1500,
    slots: 600,
    seed: 4,
    durationScale: 4,
    jobSource: "synthetic",
  });
  const phis = pricingFunctions(instance, section6Mechanisms()["PPM-OP"]!);
  let calls = 0;
  const counted = phis.map((phi) => (y: number) => (calls++, phi(y)));
  const result = runPosted(instance, counted);
  let updates = 0;
  result.decisions.forEach((b, n) => {
    if (b >= 0) updates += instance.resources.length * instance.customers[n]!.duration;
  });
  assert.ok(updates > 50_000, `${updates} slot updates`);
  assert.ok(calls < 0.02 * updates, `${calls} φ calls for ${updates} slot updates`);
  assert.deepEqual(result.decisions, runPosted(instance, phis).decisions);
});
