import assert from "node:assert/strict";
import fc from "fast-check";
import * as ss from "simple-statistics";
import { createRng, deriveSeed } from "../../lib/core/rng.ts";
import { ParameterError } from "../../lib/core/errors.ts";

Deno.test("same seed and stream name give identical sequences", () => {
  fc.assert(fc.property(fc.integer(), fc.string(), (seed, name) => {
    const a = createRng(seed).stream(name);
    const b = createRng(seed).stream(name);
    for (let i = 0; i < 20; i++) assert.equal(a.uniform(), b.uniform());
  }));
});

Deno.test("streams are independent of the order they are created and consumed", () => {
  const root = createRng(11);
  const first = root.stream("arrivals");
  for (let i = 0; i < 100; i++) root.stream("other").uniform();
  const again = createRng(11).stream("arrivals");
  assert.deepEqual(
    Array.from({ length: 10 }, () => first.uniform()),
    Array.from({ length: 10 }, () => again.uniform()),
  );
  assert.notEqual(deriveSeed(11, "arrivals"), deriveSeed(11, "valuations"));
});

Deno.test("uniform draws stay in [0, 1) and have mean 1/2 and variance 1/12", () => {
  const rng = createRng(5).stream("u");
  const xs = Array.from({ length: 50_000 }, () => rng.uniform());
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.ok(Math.abs(ss.mean(xs) - 0.5) < 0.01);
  assert.ok(Math.abs(ss.variance(xs) - 1 / 12) < 0.002);
});

Deno.test("normal, exponential and Poisson match their first two moments", () => {
  const rng = createRng(9).stream("moments");
  const n = 40_000;
  const normals = Array.from({ length: n }, () => rng.normal(2, 3));
  assert.ok(Math.abs(ss.mean(normals) - 2) < 0.06);
  assert.ok(Math.abs(ss.standardDeviation(normals) - 3) < 0.06);
  const exps = Array.from({ length: n }, () => rng.exponential(4));
  assert.ok(Math.abs(ss.mean(exps) - 0.25) < 0.01);
  for (const mean of [3, 80]) { // Knuth branch and PTRS branch
    const counts = Array.from({ length: n }, () => rng.poisson(mean));
    assert.ok(counts.every((k) => Number.isInteger(k) && k >= 0));
    assert.ok(Math.abs(ss.mean(counts) - mean) < 0.03 * mean + 0.05, `mean for ${mean}`);
    assert.ok(Math.abs(ss.variance(counts) - mean) < 0.06 * mean + 0.1, `variance for ${mean}`);
  }
});

Deno.test("truncated normal and int respect their bounds", () => {
  fc.assert(
    fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 30 }), (lo, width) => {
      const rng = createRng(lo * 31 + width).stream("bounds");
      const k = rng.int(lo, lo + width);
      assert.ok(k >= lo && k <= lo + width && Number.isInteger(k));
      const x = rng.truncatedNormal(0, 1, -0.5, 0.7);
      assert.ok(x >= -0.5 && x <= 0.7);
    }),
  );
});

Deno.test("shuffle is a permutation", () => {
  const rng = createRng(2).stream("shuffle");
  const items = Array.from({ length: 50 }, (_, i) => i);
  assert.deepEqual([...rng.shuffle(items)].sort((a, b) => a - b), items);
});

Deno.test("bad parameters raise ParameterError with the parameter named", () => {
  const rng = createRng(1);
  assert.throws(() => createRng(1.5), /parameter seed = 1.5 is invalid/);
  assert.throws(() => rng.exponential(0), ParameterError);
  assert.throws(() => rng.poisson(-1), /parameter mean = -1 is invalid: expected mean >= 0/);
  assert.throws(
    () => rng.choice([]),
    /parameter items = \[\] is invalid: expected a non-empty array/,
  );
});
