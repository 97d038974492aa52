import assert from "node:assert/strict";
import fc from "fast-check";
import {
  bestInferencePayoff,
  examineThreshold,
  inferencePayoff,
  inferenceThresholdPrice,
  printedThresholdClosedForm,
} from "../../../lib/papers/stackelberg/mod.ts";
import { ParameterError } from "../../../lib/core/errors.ts";
import { expandUpper, goldenSectionMax } from "../../../lib/papers/stackelberg/golden_section.ts";

const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

function numericBestPayoff(input: { gamma: number; d: number; lambda: number }, price: number) {
  const floor = input.d * input.lambda;
  const f = (g: number) => inferencePayoff(input, price, g);
  return f(goldenSectionMax(f, floor, expandUpper(f, floor, input.d)));
}

Deno.test("printed model: no positive threshold price, reported without NaN", () => {
  fc.assert(fc.property(positive, positive, positive, (gamma, d, lambda) => {
    const result = inferenceThresholdPrice({ gamma, d, lambda });
    assert.equal(result.exists, false);
    if (!result.exists) assert.match(result.reason, /no positive threshold/);
  }));
});

Deno.test("printed closed form of p† is never a positive real price", () => {
  fc.assert(fc.property(positive, positive, positive, (gamma, d, lambda) => {
    const closed = printedThresholdClosedForm({ gamma, d, lambda });
    if (closed.kind === "real") assert.ok(closed.price <= 0 && Number.isFinite(closed.price));
    else assert.ok(closed.discriminant < 0);
  }));
});

Deno.test("closed-form best payoff V(p) matches direct maximisation and is negative", () => {
  fc.assert(
    fc.property(
      positive,
      positive,
      positive,
      fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
      (gamma, d, lambda, price) => {
        const input = { gamma, d, lambda };
        const closed = bestInferencePayoff(input, price);
        const numeric = numericBestPayoff(input, price);
        assert.ok(closed < 0);
        assert.ok(
          Math.abs(closed - numeric) <= 1e-7 * Math.abs(numeric),
          `${closed} vs ${numeric}`,
        );
      },
    ),
  );
});

Deno.test("with a value v (assumption A4) the threshold makes the client indifferent", () => {
  fc.assert(fc.property(positive, positive, positive, positive, (gamma, d, lambda, value) => {
    const result = inferenceThresholdPrice({ gamma, d, lambda, value });
    assert.ok(result.exists);
    if (!result.exists) return;
    assert.ok(result.price > 0);
    const best = numericBestPayoff({ gamma, d, lambda }, result.price);
    assert.ok(Math.abs(best + value) <= 1e-7 * value, `${best} vs ${-value}`);
  }));
});

Deno.test("hand-computed threshold: γ=4, d=1, λ=1, v=4 gives p† = 1", () => {
  // λY³ + (3/2)(8)^{1/3} Y² = Y³ + 3Y² = 4 at Y = 1
  const result = inferenceThresholdPrice({ gamma: 4, d: 1, lambda: 1, value: 4 });
  assert.ok(result.exists);
  if (result.exists) assert.ok(Math.abs(result.price - 1) < 1e-12);
});

Deno.test("threshold rejects non-positive parameters with a typed error", () => {
  assert.throws(
    () => inferenceThresholdPrice({ gamma: 1, d: 0, lambda: 1 }),
    (e: unknown) =>
      e instanceof ParameterError && e.message === "parameter d = 0 is invalid: expected d > 0",
  );
  assert.throws(
    () => inferenceThresholdPrice({ gamma: 1, d: 1, lambda: 1, value: -2 }),
    ParameterError,
  );
});

Deno.test("examination: printed discriminant is exactly twice b² − 4ac of the printed quadratic", () => {
  const r = examineThreshold(3, 60);
  assert.equal(r.closedFormPositive, 0);
  assert.equal(r.quadraticPositiveRoots, 0);
  assert.equal(r.indifferenceReached, 0);
  assert.ok(
    Math.abs(r.discriminantRatio[0] - 2) < 1e-9 && Math.abs(r.discriminantRatio[1] - 2) < 1e-9,
  );
});
