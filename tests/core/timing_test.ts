import assert from "node:assert/strict";
import { timeBatch, timeIt } from "../../lib/core/timing.ts";
import { ParameterError } from "../../lib/core/errors.ts";

Deno.test("timeIt calls the function warmup + repetitions times and orders its summary", () => {
  let calls = 0;
  const timing = timeIt(() => calls++, { repetitions: 7, warmup: 2 });
  assert.equal(calls, 9);
  assert.equal(timing.repetitions, 7);
  assert.ok(timing.minMs <= timing.medianMs && timing.medianMs <= timing.maxMs);
});

Deno.test("timeIt sees a deliberate delay", () => {
  const timing = timeIt(() => {
    const until = performance.now() + 2;
    while (performance.now() < until) { /* busy wait */ }
  }, { repetitions: 3, warmup: 0 });
  assert.ok(timing.minMs >= 2);
});

Deno.test("timeIt rejects a repetition count below one", () => {
  assert.throws(() => timeIt(() => 0, { repetitions: 0 }), /parameter repetitions = 0/);
});

Deno.test("timeBatch calls the operation warm-up + repetitions times; typed errors", () => {
  let calls = 0;
  const t = timeBatch(() => ++calls, 50, 5);
  assert.equal(calls, 55);
  assert.equal(t.repetitions, 50);
  assert.ok(t.totalMs >= 0 && Number.isFinite(t.nsPerCall));
  assert.ok(Math.abs(t.nsPerCall - t.totalMs * 1e6 / 50) < 1e-6);
  assert.throws(() => timeBatch(() => 0, 0), ParameterError);
  assert.throws(() => timeBatch(() => 0, 1.5), ParameterError);
  assert.throws(() => timeBatch(() => 0, 10, -1), ParameterError);
});
