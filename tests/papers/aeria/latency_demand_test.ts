import fc from "fast-check";
import { assert, assertClose, assertEquals } from "./_assert.ts";
import { minimumEdgeDemand } from "../../../lib/papers/aeria/demand.ts";
import {
  deviceCompute,
  edgeCompute,
  forwardProbabilities,
  multiExitPlan,
  singleExitPlan,
  totalLatency,
} from "../../../lib/papers/aeria/latency.ts";
import { getModel, MODEL_IDS } from "../../../lib/papers/aeria/multi_exit.ts";

Deno.test("Eq. 1-3: μ drops by ν after each exit and device + edge compute is constant", () => {
  for (const id of MODEL_IDS) {
    const m = getModel(id);
    const plan = multiExitPlan(m, 0.35);
    const mu = forwardProbabilities(plan);
    assertEquals(mu[0], 1);
    assertEquals(mu[1], 1);
    const [e1, e2] = [m.exitPositions[0]!, m.exitPositions[1]!];
    assertClose(mu[e1 + 1]!, 1 - plan.probabilities[0]!, 1e-12);
    assertClose(mu[e2 + 1]!, 1 - plan.probabilities[0]! - plan.probabilities[1]!, 1e-12);
    // Direct evaluation of Eq. (2) + Eq. (3) from the definitions.
    let expectedTotal = 0;
    for (let k = 1; k <= m.units; k++) expectedTotal += mu[k]! * m.rho[k]!;
    plan.probabilities.forEach((nu, x) => (expectedTotal += nu * m.exitGflop[x]!));
    for (let s = 0; s <= m.units; s++) {
      assertClose(deviceCompute(m, plan, s) + edgeCompute(m, plan, s), expectedTotal, 1e-9);
    }
  }
});

Deno.test("vanilla plan: device + edge compute equals the vanilla network's GFLOP", () => {
  for (const id of MODEL_IDS) {
    const m = getModel(id);
    assertClose(edgeCompute(m, singleExitPlan(m, 3), 0), m.vanillaGflop, 1e-9);
  }
});

const linkArb = fc.record({
  deviceGflops: fc.double({ min: 0.5, max: 5, noNaN: true }),
  rateMbps: fc.double({ min: 1, max: 60, noNaN: true }),
  propagationSeconds: fc.double({ min: 0, max: 1e-5, noNaN: true }),
});

Deno.test("P2 (Eq. 10) equals brute force over partitions and allocations", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...MODEL_IDS),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      linkArb,
      (id, sigma, factor, link) => {
        const m = getModel(id);
        const plan = multiExitPlan(m, sigma);
        const latency = factor * m.vanillaGflop / 10;
        const d = minimumEdgeDemand(m, plan, link, latency, 1e9);
        if (d.status === "local") {
          assert(totalLatency(m, plan, m.units, link, 0) < latency);
          return;
        }
        // Brute force: for each s, the smallest a meeting T(s, a) <= t, via Eq. (4)-(7).
        let best = Infinity;
        for (let s = 0; s < m.units; s++) {
          const fixed = totalLatency(m, plan, s, link, 1e300);
          if (!(fixed < latency)) continue;
          best = Math.min(best, edgeCompute(m, plan, s) / (latency - fixed));
        }
        if (d.status === "infeasible") {
          assert(best === Infinity, `P2 says infeasible, brute force found ${best}`);
          return;
        }
        assertClose(d.gflops, best, 1e-9 * best);
        assertClose(totalLatency(m, plan, d.partition, link, d.gflops), latency, 1e-9 * latency);
      },
    ),
    { seed: 3, numRuns: 300 },
  );
});

Deno.test("a zero data rate leaves only local execution (never NaN)", () => {
  const m = getModel("resnet34-imagenet");
  const plan = multiExitPlan(m, 0.3);
  const link = { deviceGflops: 1, rateMbps: 0, propagationSeconds: 0 };
  assertEquals(minimumEdgeDemand(m, plan, link, 0.5, 3930), {
    status: "infeasible",
    reason: "latency",
  });
  assertEquals(minimumEdgeDemand(m, plan, link, 100, 3930).status, "local");
  assertEquals(totalLatency(m, plan, 3, link, 10), Infinity);
});

Deno.test("(10b): a demand not below f_e is reported as a capacity shortfall", () => {
  const m = getModel("bart-multi30k");
  const d = minimumEdgeDemand(
    m,
    multiExitPlan(m, 0.1),
    {
      deviceGflops: 0.5,
      rateMbps: 25,
      propagationSeconds: 0,
    },
    0.01,
    100,
  );
  assertEquals(d, { status: "infeasible", reason: "capacity" });
});
