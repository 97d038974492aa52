import assert from "node:assert/strict";
import { stageOneTiming } from "../../../lib/papers/stackelberg/timing.ts";

Deno.test("stageOneTiming times the theorem, the exact reference and the brute force on the same market", () => {
  const rows = stageOneTiming({ clients: 20, seed: 3, repetitions: 3 });
  assert.deepEqual(rows.map((row) => row.method), [
    "Theorem 3 sub-region algorithm",
    "exact reference (candidate set)",
    "brute force, 400 × 400 grid",
  ]);
  for (const row of rows) {
    assert.equal(row.clients, 20);
    assert.equal(row.repetitions, 3);
    assert.ok(row.minMs >= 0 && row.minMs <= row.medianMs);
  }
});
