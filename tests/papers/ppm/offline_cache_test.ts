import assert from "node:assert/strict";
import { caseSweep } from "../../../lib/papers/ppm/section6_sweeps.ts";
import { cachedBracket, offlineSolves } from "../../../lib/papers/ppm/offline_cache.ts";
import { buildInstance } from "../../../lib/papers/ppm/experiments.ts";

Deno.test("a repeated Section 6 sweep reuses every offline bracket and solves no LP", async () => {
  const sizes = { instances: 2, jobs: 60, slots: 80 };
  const before = offlineSolves();
  const first = await caseSweep("UE", [1, 3], sizes, 21);
  const middle = offlineSolves();
  const second = await caseSweep("UE", [1, 3], sizes, 21);
  const after = offlineSolves();
  assert.equal(middle.solved - before.solved, 4); // 2 p̄ × 2 instances
  assert.equal(after.solved, middle.solved);
  assert.equal(after.reused - middle.reused, 4);
  assert.equal(after.lpSolved, before.lpSolved);
  assert.deepEqual(second.rows, first.rows);
});

Deno.test("bracket cache keys on the instance and the incumbents", async () => {
  const { instance } = buildInstance({
    case: "EE",
    pbar: 2,
    jobs: 30,
    slots: 40,
    seed: 5,
    jobSource: "synthetic",
  });
  const before = offlineSolves().solved;
  await cachedBracket(instance, "lagrangian", []);
  await cachedBracket(instance, "lagrangian", [new Int32Array(30).fill(-1)]);
  await cachedBracket({ ...instance, slots: 41 }, "lagrangian", []);
  await cachedBracket(instance, "lagrangian", []);
  assert.equal(offlineSolves().solved - before, 3);
});
