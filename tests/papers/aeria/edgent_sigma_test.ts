import fc from "fast-check";
import { assert, assertEquals } from "./_assert.ts";
import {
  EDGENT_SIGMA_TARGET,
  edgentChoices,
  type ResolvedBid,
  sigmaCompliance,
} from "../../../lib/papers/aeria/baselines.ts";
import { minimumEdgeDemand } from "../../../lib/papers/aeria/demand.ts";
import { singleExitPlan } from "../../../lib/papers/aeria/latency.ts";
import { getModel, MODEL_IDS } from "../../../lib/papers/aeria/multi_exit.ts";
import { EXIT_MODEL_NAMES } from "../../../lib/papers/aeria/exit_model.ts";
import { resolveBids, runSlot } from "../../../lib/papers/aeria/slot.ts";
import { buildScenario } from "../../../lib/papers/aeria/market.ts";
import { PAPER_REGIME_MARKET } from "../../../lib/papers/aeria/regime.ts";

const arbitraryBid = fc.record({
  model: fc.constantFrom(...MODEL_IDS),
  exitModel: fc.constantFrom(...EXIT_MODEL_NAMES),
  latencyFactor: fc.double({ min: 0.01, max: 1, noNaN: true }),
  sigma: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
  device: fc.double({ min: 0.5, max: 5, noNaN: true }),
});

type RawBid = typeof arbitraryBid extends fc.Arbitrary<infer T> ? T : never;

function toBid(b: RawBid): ResolvedBid {
  const model = getModel(b.model, b.exitModel);
  return {
    model,
    latency: b.latencyFactor * model.vanillaGflop / 10,
    sigma: b.sigma,
    budget: 0.01,
    link: { deviceGflops: b.device, rateMbps: 25, propagationSeconds: 0 },
  };
}

Deno.test("σ-honouring Edgent: brute force over the exits meeting the target gives the same choice", () => {
  fc.assert(
    fc.property(
      fc.array(arbitraryBid, { minLength: 1, maxLength: 6 }),
      fc.double({ min: 50, max: 4000, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (raw, fe, target) => {
        const bids = raw.map(toBid);
        const share = fe / bids.length;
        const choices = edgentChoices(bids, fe, target);
        bids.forEach((b, i) => {
          // Independent reading: the allowed exits, deepest first; the first local or fitting
          // one wins; else the shallowest allowed exit with an edge demand; else infeasible.
          const allowed = [3, 2, 1, 0].filter((k) =>
            sigmaCompliance(b.model, b.sigma, k) >= target
          );
          const demands = allowed.map((k) => ({
            k,
            d: minimumEdgeDemand(b.model, singleExitPlan(b.model, k), b.link, b.latency, fe),
          }));
          const hit = demands.find(({ d }) =>
            d.status === "local" || (d.status === "edge" && d.gflops <= share)
          );
          const edge = demands.filter(({ d }) => d.status === "edge");
          const expected = hit?.k ?? edge.at(-1)?.k ?? null;
          assertEquals(choices[i]!.exit, expected);
          if (expected !== null) {
            assert(sigmaCompliance(b.model, b.sigma, expected) >= target, "target met");
          }
        });
      },
    ),
    { seed: 21, numRuns: 150 },
  );
});

Deno.test("σ-honouring Edgent with target 0 is the σ-blind reading; with target 1 only the final exit", () => {
  const scenario = buildScenario({ ...PAPER_REGIME_MARKET, slots: 3 }, 4);
  for (const input of scenario.slots) {
    const bids = resolveBids(input.bids);
    assertEquals(edgentChoices(bids, input.edgeGflops, 0), edgentChoices(bids, input.edgeGflops));
    for (const c of edgentChoices(bids, input.edgeGflops, 1)) {
      assert(c.exit === null || c.exit === 3);
    }
  }
});

Deno.test("runSlot's edgent-sigma winners all run to an exit meeting the σ target", () => {
  const scenario = buildScenario({ ...PAPER_REGIME_MARKET, slots: 4, exitModel: "steep" }, 2);
  let winners = 0;
  for (const input of scenario.slots) {
    assertEquals(input.exitModel, "steep");
    const outcome = runSlot(input, "edgent-sigma");
    const bids = resolveBids(input.bids, "steep");
    const choices = edgentChoices(bids, input.edgeGflops, EDGENT_SIGMA_TARGET);
    for (const i of outcome.winners) {
      winners++;
      const exit = choices[i]!.exit!;
      assert(sigmaCompliance(bids[i]!.model, bids[i]!.sigma, exit) >= EDGENT_SIGMA_TARGET);
    }
  }
  assert(winners > 0, "some σ-honouring Edgent bids win");
});
