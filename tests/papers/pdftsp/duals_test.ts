import assert from "node:assert/strict";
import { runPdftsp } from "../../../lib/papers/pdftsp/pdftsp.ts";
import type { Instance } from "../../../lib/papers/pdftsp/types.ts";

/**
 * Two tasks forced into the same (node, slot) cell, worked by hand from Eq. 7, 8, 10, 11, 14 and 6:
 * C_kp = 4, C_km - r_b = 8, s = 2, r = 2, e = 0.8 × r / (C_km - r_b) = 0.2 per task.
 * α = max b/M = 8/2 = 4, β = max b/r = 8/2 = 4.
 * Task A (bid 1): prices 0, F = 1 - 0.2 = 0.8 = b_il; b̄ = 0.8 / (2 + 2) = 0.2;
 *   λ = 0 + 4·0.2·(2/4) = 0.4, φ = 0 + 4·0.2·(2/8) = 0.2.
 * Task B (bid 8): F = 8 - 0.2 - 0.4·2 - 0.2·2 = 6.6; payment (Eq. 14) = 0.4·2 + 0.2·2 = 1.2,
 *   critical payment (the default) = 1.2 + Σe = 1.4 = 8 - F;
 *   b̄ = 7.8 / 4 = 1.95; λ = 0.4·1.5 + 4·1.95·0.5 = 4.5, φ = 0.2·1.25 + 4·1.95·0.25 = 2.2.
 * D_1 = μ_A + μ_B + C_kp·λ + (C_km - r_b)·φ = 0.8 + 6.6 + 4·4.5 + 8·2.2 = 43.
 */
const SHARED_CELL: Instance = {
  slots: 2,
  baseModelMemory: 1,
  vendors: [],
  nodes: [{ computeCapacity: 4, memoryCapacity: 9, taskThroughput: 2, costPerSlot: [0.8, 0] }],
  tasks: [
    { arrival: 0, deadline: 0, work: 2, memory: 2, preprocessing: false, bid: 1 },
    { arrival: 0, deadline: 0, work: 2, memory: 2, preprocessing: false, bid: 8 },
  ],
};

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);

Deno.test("dual prices, F(il), payment and D_1 match Eq. 7, 8, 10, 14 and 6 worked by hand", () => {
  const run = runPdftsp(SHARED_CELL);
  assert.equal(run.alpha, 4);
  assert.equal(run.beta, 4);
  close(run.trace[0]!.F!, 0.8, "F of task A");
  close(run.trace[0]!.unitWelfare!, 0.2, "b̄ of task A");
  close(run.trace[1]!.F!, 6.6, "F of task B");
  close(run.trace[1]!.unitWelfare!, 1.95, "b̄ of task B");
  close(run.outcomes[0]!.payment, 0.2, "critical payment of A");
  close(run.outcomes[1]!.payment, 1.4, "critical payment of B");
  const paper = runPdftsp(SHARED_CELL, { paymentRule: "paper" });
  close(paper.outcomes[0]!.payment, 0, "Eq. 14 payment of A");
  close(paper.outcomes[1]!.payment, 1.2, "Eq. 14 payment of B");
  close(run.dualObjective, 43, "D_1");
  close(run.welfare, 0.8 + 7.8, "welfare");
});
