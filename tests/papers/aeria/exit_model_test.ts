import fc from "fast-check";
import { assert, assertClose, assertThrows } from "./_assert.ts";
import {
  BART_EARLY_EXIT_RANGE,
  earlyExitShare,
  EXIT_SHAPES,
  exitProbabilities,
  FIG3_SIGMA_GRID,
} from "../../../lib/papers/aeria/exit_model.ts";
import { getModel, MODEL_IDS, quarterExitPositions } from "../../../lib/papers/aeria/multi_exit.ts";

const shapes = Object.values(EXIT_SHAPES);

Deno.test("exit probabilities are a distribution and shift to the shallow exit as σ loosens", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...shapes),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (shape, s1, s2) => {
        const a = exitProbabilities(shape, Math.min(s1, s2));
        const b = exitProbabilities(shape, Math.max(s1, s2));
        const sum = a.reduce((x, y) => x + y, 0);
        assertClose(sum, 1, 1e-12);
        assert(a.every((p) => p >= -1e-15));
        assert(b[0]! >= a[0]! - 1e-15, "shallow share grows with σ");
        assert(b[3]! <= a[3]! + 1e-15, "final share shrinks with σ");
      },
    ),
    { seed: 11, numRuns: 300 },
  );
});

Deno.test("σ = 0 sends every sample to the final exit", () => {
  for (const shape of shapes) assertClose(exitProbabilities(shape, 0)[3]!, 1, 0);
});

Deno.test("ME-BART's early-exit share spans the paper's 18%-48% over the Fig. 3 grid", () => {
  const lo = earlyExitShare(EXIT_SHAPES.bart, FIG3_SIGMA_GRID[0]!);
  const hi = earlyExitShare(EXIT_SHAPES.bart, FIG3_SIGMA_GRID.at(-1)!);
  assertClose(lo, BART_EARLY_EXIT_RANGE[0], 1e-9);
  assertClose(hi, BART_EARLY_EXIT_RANGE[1], 1e-9);
  // Same quantity from the full distribution.
  assertClose(1 - exitProbabilities(EXIT_SHAPES.bart, 0.5)[3]!, hi, 1e-12);
});

Deno.test("σ outside [0, 1] is a typed error naming sigma", () => {
  assertThrows(() => exitProbabilities(EXIT_SHAPES.vgg16, 1.5), /parameter sigma = 1.5/);
  assertThrows(() => exitProbabilities(EXIT_SHAPES.vgg16, Number.NaN), /sigma/);
});

Deno.test("quarter exit positions minimise the gap to each quarter (brute force)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 4, maxLength: 9 }),
      (flops) => {
        const [p1, p2, p3] = quarterExitPositions(flops);
        const g = flops.length;
        assert(1 <= p1 && p1 < p2 && p2 < p3 && p3 <= g - 1);
        const cum = flops.map((_, i) => flops.slice(0, i + 1).reduce((a, b) => a + b, 0));
        const total = cum[g - 1]!;
        // The first exit is the globally closest boundary to 1/4 within its allowed range.
        for (let k = 1; k <= g - 3; k++) {
          assert(Math.abs(cum[p1 - 1]! - total / 4) <= Math.abs(cum[k - 1]! - total / 4) + 1e-12);
        }
      },
    ),
    { seed: 5, numRuns: 200 },
  );
});

Deno.test("every workload has three early exits before the final one", () => {
  for (const id of MODEL_IDS) {
    const m = getModel(id);
    assert(m.exits.length === 4 && m.exits[3]!.position === m.units);
    assert(
      m.exits[0]!.position < m.exits[1]!.position && m.exits[1]!.position < m.exits[2]!.position,
    );
    assert(m.exitGflop.every((x) => x > 0));
  }
  assertThrows(() => getModel("gpt-2"), /parameter model = "gpt-2"/);
});
