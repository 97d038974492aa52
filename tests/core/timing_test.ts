import assert from "node:assert/strict";
import { timeIt } from "../../lib/core/timing.ts";

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
