import assert from "node:assert/strict";
import fc from "fast-check";
import {
  bestInferencePayoff,
  compareReadings,
  examineSubstitution,
  inferenceThresholdPrice,
  keepsRising,
  literalInferencePayoff,
  literalOutsideValue,
  literalReading,
  parseMarket,
  profitAlongInference,
  randomMarket,
} from "../../../lib/papers/stackelberg/mod.ts";
import { expandUpper, goldenSectionMax } from "../../../lib/papers/stackelberg/golden_section.ts";

const positive = fc.double({ min: 1e-2, max: 1e2, noNaN: true });

Deno.test("literal reading: max over g >= 0 of the printed payoff is max(−γ/λ², V(p))", () => {
  fc.assert(fc.property(positive, positive, positive, positive, (gamma, d, lambda, price) => {
    const input = { gamma, d, lambda };
    const f = (g: number) => literalInferencePayoff(input, price, g);
    // below the pole g = dλ the payoff is below f(0) (checked on a grid), above it the
    // golden-section maximiser of the stable branch
    const floor = d * lambda;
    for (let k = 1; k < 20; k++) assert.ok(f((floor * k) / 20) < f(0));
    const stable = f(goldenSectionMax(f, floor, expandUpper(f, floor, d)));
    const numeric = Math.max(f(0), stable);
    const closed = Math.max(-gamma / (lambda * lambda), bestInferencePayoff(input, price));
    assert.ok(Math.abs(numeric - closed) <= 1e-7 * Math.abs(closed), `${numeric} vs ${closed}`);
    // the client buys (stable branch wins) exactly below A4's threshold with v = γ/λ²
    const threshold = inferenceThresholdPrice({ ...input, value: literalOutsideValue(input) });
    assert.ok(threshold.exists);
    if (threshold.exists && Math.abs(price / threshold.price - 1) > 1e-6) {
      assert.equal(stable > f(0), price < threshold.price);
    }
  }));
});

Deno.test("literalReading sets v = γ/λ² for every client and keeps the rest", () => {
  const spec = randomMarket({ clients: 4, seed: 2 });
  const literal = literalReading(spec);
  literal.clients.forEach((client, i) => {
    const { gamma, lambda } = spec.clients[i]!.inference;
    assert.equal(client.inference.value, gamma / (lambda * lambda));
    assert.deepEqual(client.training, spec.clients[i]!.training);
  });
  assert.equal(literal.provider, spec.provider);
});

Deno.test("unboundedness measured on the surface: the printed model keeps rising, readings with a threshold do not", () => {
  const printed = parseMarket(randomMarket({ clients: 20, seed: 1, withValues: false }));
  const along = profitAlongInference(printed);
  assert.ok(keepsRising(along));
  // F = (p − c^IH)(Λ + K p^{-1/3}) − E ≈ Λp + K p^{2/3}: F/p^I at 1e6 is a few % above Λ = Σdλ
  let floor = 0;
  for (let n = 0; n < printed.size; n++) {
    floor += printed.inferenceD[n]! * printed.inferenceLambda[n]!;
  }
  const slope = along[2]! / 1e6 / floor;
  assert.ok(slope > 1 && slope < 1.1, `F/(p Λ) = ${slope}`);
  const rows = compareReadings(randomMarket({ clients: 20, seed: 1 }));
  assert.deepEqual(rows.map((r) => [r.status, r.rising]), [
    ["unbounded", true],
    ["optimal", false],
    ["optimal", false],
  ]);
  assert.ok(!keepsRising([1, null, 3]));
});

Deno.test("Appendix B substitution: printed third term is off by p^{1/3}; corrected quadratic has no constant term", () => {
  const r = examineSubstitution(4, 200);
  assert.ok(r.printedTermGap > 0.5);
  assert.ok(r.correctedTermGap < 1e-14);
  assert.ok(r.constantRatio < 1e-12);
  assert.equal(r.largestNonNegativeRoot, 0);
  // hand check at γ = 4, d = 1, p = 8: p d (2γ/(dp))^{1/3} = 8, printed (2γ d² p)^{1/3} = 4
  assert.equal(8 * Math.cbrt(8 / 8), 8);
  assert.equal(Math.cbrt(2 * 4 * 1 * 8), 4);
});
