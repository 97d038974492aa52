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

const bundles = [[0.2, 0.1], [0.1, 0.3], [0.4, 0]];
const pricing = [(y: number) => 1 + 3 * y * y, (y: number) => 0.5 + y];

/** Eq. 8 written out per bundle, independently of the kernel's per-resource sums. */
function paymentOf(state: PostedPriceState, arrival: number, duration: number, b: number) {
  let pay = 0;
  for (let t = arrival; t < arrival + duration; t++) {
    bundles[b]!.forEach((r, k) => (pay += r * pricing[k]!(state.utilisation[k]![t]!)));
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
        const before = state.utilisation.map((y) => Float64Array.from(y));
        const b = state.decide(arrival, duration, values);
        assert.deepEqual(state.utilisation, before, "decide must not change the state");
        const utilities = values.map((v, i) => v - paymentOf(state, arrival, duration, i));
        const top = Math.max(...utilities);
        if (b >= 0) {
          assert.ok(Math.abs(utilities[b]! - top) < 1e-9, `bundle ${b} is not utility-maximising`);
          assert.ok(top >= 0);
          assert.ok(Math.abs(state.payment - paymentOf(state, arrival, duration, b)) < 1e-9);
          state.admit(arrival, duration, b);
        } else {
          const argmax = utilities.indexOf(top);
          const fits = state.utilisation.every((y, k) =>
            y.subarray(arrival, arrival + duration).every((level) =>
              level + bundles[argmax]![k]! <= 1 + 1e-9
            )
          );
          assert.ok(top < 0 || !fits, "rejected a customer whose best bundle was affordable");
          assert.equal(state.payment, 0);
        }
        for (const y of state.utilisation) for (const level of y) assert.ok(level <= 1 + 1e-9);
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
    const phis = pricingFunctions(instance, spec);
    const result = runPosted(instance, phis);
    // Reference: Algorithm 1 with φ evaluated on the current utilisation at every decision.
    const K = instance.resources.length;
    const y = instance.resources.map(() => new Float64Array(instance.slots));
    const order = [...instance.customers.keys()].sort((i, j) =>
      instance.customers[i]!.arrival - instance.customers[j]!.arrival || i - j
    );
    for (const n of order) {
      const { arrival, duration, valuations } = instance.customers[n]!;
      const sums = phis.map((phi, k) => {
        let sum = 0;
        for (let t = arrival; t < arrival + duration; t++) sum += phi(y[k]![t]!);
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
    assert.ok(result.decisions.some((b) => b < 0) && result.decisions.some((b) => b >= 0));
  }
});
