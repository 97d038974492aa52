import assert from "node:assert/strict";
import { SolverError } from "../../../lib/core/errors.ts";
import { smallestFeasibleAlpha } from "../../../lib/papers/ppm/shooting.ts";

Deno.test("smallestFeasibleAlpha: bisects a monotone threshold and types the no-alpha case", () => {
  const alpha = smallestFeasibleAlpha((a) => a >= 3.7, 1e-9);
  assert.ok(Math.abs(alpha - 3.7) <= 3.7e-9 * 2, String(alpha));
  assert.throws(
    () => smallestFeasibleAlpha(() => false),
    (error: unknown) => error instanceof SolverError && error.status === "infeasible",
  );
});
