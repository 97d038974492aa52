import assert from "node:assert/strict";
import fc from "fast-check";
import {
  arrivalsPerSlot,
  bandwidthSeriesMbps,
  inverseCdf,
  meanByPhase,
  quantiles,
} from "../../lib/traces/mod.ts";
import pl from "nodejs-polars";

Deno.test("arrivalsPerSlot equals a brute-force count", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.double({ min: -500, max: 5000, noNaN: true }), fc.constant(null))),
      fc.double({ min: 0.5, max: 900, noNaN: true }),
      fc.integer({ min: 1, max: 40 }),
      fc.double({ min: -300, max: 300, noNaN: true }),
      (times, slotSeconds, slots, start) => {
        const expected = Array.from(
          { length: slots },
          (_, k) =>
            times.filter((t) =>
              t !== null && t >= start + k * slotSeconds && t < start + (k + 1) * slotSeconds
            ).length,
        );
        assert.deepEqual(arrivalsPerSlot(times, slotSeconds, slots, start), expected);
      },
    ),
    { seed: 424242, numRuns: 300 },
  );
});

Deno.test("arrivalsPerSlot by hand and its errors", () => {
  assert.deepEqual(arrivalsPerSlot([0, 59, 60, 61, 300], 60, 3), [2, 2, 0]);
  assert.deepEqual(arrivalsPerSlot([100, 700, 1300], 600, 2, 100), [1, 1]);
  assert.throws(() => arrivalsPerSlot([], 0, 3), {
    message: "parameter slotSeconds = 0 is invalid: expected slotSeconds > 0",
  });
  assert.throws(() => arrivalsPerSlot([], 60, 0), {
    message: "parameter slots = 0 is invalid: expected an integer in [1, 9007199254740991]",
  });
});

Deno.test("meanByPhase folds hours by period", () => {
  assert.deepEqual(meanByPhase([[1, 2, 3, 5]], 2), [2, 3.5]);
  assert.deepEqual(meanByPhase([[1, 2], [3, 6]], 2), [2, 4]);
  assert.throws(() => meanByPhase([[1]], 2), {
    message: 'parameter series = "no hour at phase 1" is invalid: expected every phase observed',
  });
});

Deno.test("quantiles match hand-computed type-7 values", () => {
  assert.deepEqual(quantiles([4, 1, 3, 2], [0, 0.5, 1]), [1, 2.5, 4]);
  assert.deepEqual(quantiles([10, 20, 30, 40, 50], [0.1, 0.25, 0.9]), [14, 20, 46]);
  assert.throws(() => quantiles([], [0.5]), {
    message: "parameter values = [] is invalid: expected a non-empty sample",
  });
  assert.throws(() => quantiles([1, Number.NaN], [0.5]), {
    message:
      'parameter values = "a sample with NaN or Infinity" is invalid: expected finite numbers',
  });
  assert.throws(() => quantiles([1], [1.5]), {
    message: "parameter probs[0] = 1.5 is invalid: expected 0 <= probs[0] <= 1",
  });
});

Deno.test("inverseCdf interpolates and inverts quantiles on the grid", () => {
  assert.equal(inverseCdf([0, 0.5, 1], [0, 10, 30], 0.75), 20);
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }),
      (sample) => {
        const probs = [0, 0.25, 0.5, 0.75, 1];
        const q = quantiles(sample, probs);
        probs.forEach((p, i) => assert.equal(inverseCdf(probs, q, p), q[i]));
      },
    ),
    { seed: 99, numRuns: 100 },
  );
});

Deno.test("bandwidthSeriesMbps time-weights segments across slot borders", () => {
  const ghent = pl.DataFrame({
    trace: ["a", "a", "b"],
    duration_ms: [500, 1500, 2000],
    bandwidth_mbps: [10, 20, 40],
  });
  // timeline: 0-0.5 s at 10, 0.5-2 s at 20, 2-4 s at 40
  assert.deepEqual(bandwidthSeriesMbps(ghent), [15, 20, 40, 40]);
  assert.deepEqual(bandwidthSeriesMbps(ghent, { slotSeconds: 3 }), [(5 + 30 + 40) / 3]);
  assert.deepEqual(bandwidthSeriesMbps(ghent, { trace: "b", slotSeconds: 2 }), [40]);
  assert.throws(() => bandwidthSeriesMbps(ghent, { trace: "z" }), {
    message: 'parameter trace = "z" is invalid: expected a trace name present in the frame',
  });
});
