import fc from "fast-check";
import { assert, assertClose, assertEquals, assertThrows } from "./_assert.ts";
import { ParameterError } from "../../../lib/core/errors.ts";
import {
  BART_EARLY_EXIT_RANGE,
  difficultyCdf,
  earlyExitShare,
  EXIT_MODEL_NAMES,
  EXIT_MODEL_PHI,
  EXIT_MODELS,
  exitProbabilities,
  exitShapesFor,
  FIG3_SIGMA_GRID,
} from "../../../lib/papers/aeria/exit_model.ts";
import { getModel, MODEL_IDS } from "../../../lib/papers/aeria/multi_exit.ts";
import { buildScenario, DEFAULT_MARKET } from "../../../lib/papers/aeria/market.ts";
import { runSlot } from "../../../lib/papers/aeria/slot.ts";
import { validateSlotInput } from "../../../lib/papers/aeria/slot_input.ts";
import { minimumEdgeDemand } from "../../../lib/papers/aeria/demand.ts";
import { multiExitPlan } from "../../../lib/papers/aeria/latency.ts";

Deno.test("every exit-model variant keeps ME-BART on the paper's 18% / 48% anchors", () => {
  for (const name of EXIT_MODEL_NAMES) {
    const bart = EXIT_MODELS[name].bart;
    assertEquals(bart.phi, EXIT_MODEL_PHI[name]);
    assertClose(earlyExitShare(bart, FIG3_SIGMA_GRID[0]!), BART_EARLY_EXIT_RANGE[0], 1e-9, name);
    assertClose(
      earlyExitShare(bart, FIG3_SIGMA_GRID.at(-1)!),
      BART_EARLY_EXIT_RANGE[1],
      1e-9,
      name,
    );
  }
});

Deno.test("variant exit probabilities follow the closed form F(σ/φ^k) − F(σ/φ^(k−1))", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...EXIT_MODEL_NAMES),
      fc.constantFrom("alexnet", "vgg16", "resnet34", "bart" as const),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (name, workload, sigma) => {
        const shape = EXIT_MODELS[name][workload];
        const nu = exitProbabilities(shape, sigma);
        const cdf = [0, 1, 2].map((k) => difficultyCdf(shape, sigma / shape.phi ** k));
        assertClose(nu[0]!, cdf[0]!, 1e-12);
        assertClose(nu[1]!, cdf[1]! - cdf[0]!, 1e-12);
        assertClose(nu[2]!, cdf[2]! - cdf[1]!, 1e-12);
        assertClose(nu[3]!, 1 - cdf[2]!, 1e-12);
      },
    ),
    { seed: 5, numRuns: 300 },
  );
});

Deno.test("a flatter exit model keeps more of the early exits' mass at the shallow exit (CNNs)", () => {
  // Same (a, b) for the CNNs in every variant, so the shallow exit's part of the early exits,
  // F(σ)/F(σ/φ²), falls as φ falls: flat (0.95) ≥ default (0.8) ≥ steep (0.72).
  fc.assert(
    fc.property(
      fc.constantFrom("alexnet", "vgg16", "resnet34" as const),
      fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      (workload, sigma) => {
        const part = (name: typeof EXIT_MODEL_NAMES[number]) => {
          const shape = EXIT_MODELS[name][workload];
          return exitProbabilities(shape, sigma)[0]! / earlyExitShare(shape, sigma);
        };
        assert(part("flat") >= part("default") - 1e-12);
        assert(part("default") >= part("steep") - 1e-12);
      },
    ),
    { seed: 6, numRuns: 200 },
  );
});

Deno.test("φ ≤ 1/√2 cannot meet the 48% anchor and is rejected with a typed error", () => {
  // D·φ² ≤ φ² ≤ 0.5 = σ: every sample would leave early at the loose σ.
  for (const phi of [0.6, 0.7, Math.SQRT1_2]) {
    assertThrows(() => exitShapesFor(phi), ParameterError);
  }
  assertThrows(() => exitShapesFor(1.2), ParameterError);
});

Deno.test("getModel serves each variant: same layers and exits, the variant's exit shape", () => {
  for (const id of MODEL_IDS) {
    const base = getModel(id);
    assert(getModel(id, "default") === base);
    for (const name of EXIT_MODEL_NAMES) {
      const model = getModel(id, name);
      assert(model.rho === base.rho && model.exitPositions === base.exitPositions);
      assertEquals(model.exitShape.phi, EXIT_MODEL_PHI[name]);
    }
  }
  assertThrows(
    () => getModel("alexnet-cifar10", "wobbly" as never),
    (e: unknown) => e instanceof ParameterError && /exitModel/.test((e as Error).message),
  );
});

Deno.test("a slot's exitModel reaches AERIA's Phase I and is validated", () => {
  const scenario = buildScenario({ ...DEFAULT_MARKET, slots: 1, exitModel: "flat" }, 9);
  const input = scenario.slots[0]!;
  const outcome = runSlot(input, "aeria");
  input.bids.forEach((bid, i) => {
    const model = getModel(bid.model, "flat");
    const link = {
      deviceGflops: bid.deviceGflops,
      rateMbps: bid.dataRateMbps,
      propagationSeconds: bid.propagationSeconds ?? 0,
    };
    const expected = minimumEdgeDemand(
      model,
      multiExitPlan(model, bid.sigma),
      link,
      bid.latency,
      input.edgeGflops,
    );
    assertEquals(outcome.demands[i], expected);
  });
  assertThrows(
    () => validateSlotInput({ ...input, exitModel: "bumpy" as never }),
    (e: unknown) => e instanceof ParameterError && /exitModel/.test((e as Error).message),
  );
});
