import { assert, assertEquals } from "./_assert.ts";
import { amr2Demands, iaoDemands, sigmaCompliance } from "../../../lib/papers/aeria/baselines.ts";
import { minimumEdgeDemand } from "../../../lib/papers/aeria/demand.ts";
import { singleExitPlan } from "../../../lib/papers/aeria/latency.ts";
import { buildScenario, DEFAULT_MARKET } from "../../../lib/papers/aeria/market.ts";
import { resolveBids } from "../../../lib/papers/aeria/slot.ts";
import {
  difficultyCdf,
  EXIT_MODEL_NAMES,
  exitProbabilities,
} from "../../../lib/papers/aeria/exit_model.ts";
import { edgentSigmaReport, PAPER_REGIME_MARKET } from "../../../lib/papers/aeria/regime.ts";
import { roso } from "../../../lib/papers/aeria/auction.ts";
import { getModel, MODEL_IDS } from "../../../lib/papers/aeria/multi_exit.ts";
import { createRng } from "../../../lib/core/rng.ts";

Deno.test("IAO's minimax split is never cut by ROSO's strict capacity test", () => {
  const rng = createRng(17).stream("iao");
  let checked = 0;
  for (let k = 0; k < 30; k++) {
    const n = rng.int(2, 40);
    const bids = Array.from({ length: n }, () => {
      const model = getModel(rng.choice(MODEL_IDS));
      return {
        model,
        latency: rng.uniformIn(1.5, 3) * model.vanillaGflop,
        sigma: 0.3,
        budget: rng.uniformIn(0.002, 0.02),
        link: { deviceGflops: 0.05, rateMbps: 25, propagationSeconds: 0 },
      };
    });
    const fe = rng.uniformIn(200, 4000);
    const demands = iaoDemands(bids, fe).flatMap((d) => d.status === "edge" ? [d.gflops] : []);
    // Slow devices (local run ≥ 20 s per GFLOP) and requirements of 1.5-3 s per GFLOP: usually
    // every user offloads and meets IAO's common latency, so the split uses all of (1 − 10⁻⁹)·f_e.
    if (demands.length < n) continue;
    checked++;
    const total = demands.reduce((s, a) => s + a, 0);
    assert(total < fe, `Σ ã = ${total} vs f_e = ${fe}`);
    const r = roso(new Float64Array(demands.length).fill(1), Float64Array.from(demands), fe, 0);
    assertEquals(r.skippedForCapacity, 0, `instance ${k}`);
  }
  assert(checked >= 10, `only ${checked} instances with every user served`);
});

Deno.test("sigmaCompliance: the final exit meets σ; an early exit meets it for F(σ/φ^k) of samples", () => {
  for (const id of MODEL_IDS) {
    const model = getModel(id);
    for (const sigma of [0, 0.1, 0.3, 0.5, 1]) {
      assertEquals(sigmaCompliance(model, sigma, 3), 1);
      let previous = 0;
      for (let exit = 0; exit < 3; exit++) {
        const share = sigmaCompliance(model, sigma, exit);
        // Closed form of the difficulty model: entropy at exit k is D·φ^k.
        const expected = difficultyCdf(model.exitShape, sigma / model.exitShape.phi ** exit);
        assert(Math.abs(share - Math.min(1, expected)) <= 1e-12, `${id} σ=${sigma} exit ${exit}`);
        assert(share >= previous - 1e-15);
        previous = share;
      }
    }
  }
});

Deno.test("edgentSigmaReport: shares are in [0, 1] and early exits are what lowers compliance", () => {
  const [report] = edgentSigmaReport({ regime: PAPER_REGIME_MARKET }, {
    runs: 2,
    slots: 3,
    seed: 2,
  });
  assert(report!.winners > 0);
  for (const v of [report!.earlyExitShare, report!.meanCompliance, report!.shortfallShare]) {
    assert(v >= 0 && v <= 1);
  }
  assert(report!.shortfallShare <= report!.earlyExitShare + 1e-12);
});

Deno.test("AMR²: demands fit the capacity, and with ample capacity each user keeps its deepest feasible exit", () => {
  for (const [config, seed] of [[DEFAULT_MARKET, 3], [PAPER_REGIME_MARKET, 4]] as const) {
    for (const fe of [200, 1000, 3930, 1e9]) {
      for (const input of buildScenario({ ...config, slots: 4, edgeGflops: fe }, seed).slots) {
        const bids = resolveBids(input.bids);
        const demands = amr2Demands(bids, fe);
        const load = demands.reduce((t, d) => t + (d.status === "edge" ? d.gflops : 0), 0);
        assert(load <= fe, `AMR² load ${load} within ${fe}`);
        if (fe < 1e9) continue;
        // Brute force: nothing is pruned, so each user sits at its deepest exit with a feasible
        // demand (or is infeasible at every exit, for the reason its shallowest exit gives).
        bids.forEach((b, i) => {
          const byExit = [3, 2, 1, 0].map((k) =>
            minimumEdgeDemand(b.model, singleExitPlan(b.model, k), b.link, b.latency, fe)
          );
          const deepest = byExit.find((d) => d.status !== "infeasible");
          assertEquals(demands[i], deepest ?? byExit[3]);
        });
      }
    }
  }
});

Deno.test("AMR² tells users infeasible at every exit (latency) from users pruned for capacity", () => {
  const model = getModel("resnet34-imagenet");
  const link = { deviceGflops: 1, rateMbps: 25, propagationSeconds: 0 };
  const bid = { model, latency: 0.5, sigma: 0.3, budget: 0.01, link };
  // A latency requirement no partition can meet at any exit (not even the upload fits).
  const hopeless = { ...bid, latency: 1e-6 };
  const alone = amr2Demands([hopeless], 1e9);
  assertEquals(alone, [{ status: "infeasible", reason: "latency" }]);
  // Many feasible users on a small cluster: the ones pruned away are dropped for capacity.
  const crowd = amr2Demands(Array.from({ length: 20 }, () => bid), 1);
  const dropped = crowd.filter((d) => d.status === "infeasible");
  assert(dropped.length > 0, "some users pruned");
  for (const d of dropped) assertEquals(d, { status: "infeasible", reason: "capacity" });
  assertEquals(amr2Demands([hopeless, bid], 1e9)[0], { status: "infeasible", reason: "latency" });
});

Deno.test("sigmaCompliance equals the summed exit probabilities up to the chosen exit, every variant", () => {
  const rng = createRng(8).stream("compliance");
  for (let k = 0; k < 200; k++) {
    const model = getModel(rng.choice(MODEL_IDS), rng.choice(EXIT_MODEL_NAMES));
    const sigma = rng.uniformIn(0, 1);
    const nu = exitProbabilities(model.exitShape, sigma);
    for (let exit = 0; exit < 3; exit++) {
      const summed = nu.slice(0, exit + 1).reduce((a, b) => a + b, 0);
      assert(Math.abs(sigmaCompliance(model, sigma, exit) - summed) < 1e-12);
    }
  }
});
