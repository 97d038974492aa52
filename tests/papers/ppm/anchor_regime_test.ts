import assert from "node:assert/strict";
import { ParameterError } from "../../../lib/core/errors.ts";
import { ANCHOR_SCALES, anchorRegime } from "../../../lib/papers/ppm/anchor_regime.ts";
import { buildInstance, CBAR_CPU } from "../../../lib/papers/ppm/experiments.ts";
import { simulate } from "../../../lib/papers/ppm/mechanism.ts";

Deno.test("anchor regime: the smallest duration factor at which PPM-MP saturates, with brackets ≥ 1", () => {
  const options = { jobs: 400, slots: 300, instances: 1, seed: 3, jobSource: "synthetic" } as const;
  const r = anchorRegime(options);
  const mpPeak = (scale: number) => {
    const { instance } = buildInstance({
      ...options,
      case: "UE",
      pbar: 2 * CBAR_CPU,
      seed: 3000,
      durationScale: scale,
    });
    return Math.max(...simulate(instance, { kind: "myopic" }).utilisation[0]!);
  };
  assert.ok(Math.abs(mpPeak(r.scale) - r.peaks.mp) < 1e-12);
  assert.equal(r.saturated, r.peaks.mp >= 0.99);
  for (const lighter of ANCHOR_SCALES.filter((x) => x < r.scale)) {
    assert.ok(mpPeak(lighter) < 0.99, `×${lighter} already saturates`);
  }
  assert.ok(r.erOp.low >= 1 - 1e-9 && r.erOp.low <= r.erOp.high);
  assert.ok(r.peaks.op <= r.peaks.mp + 1e-9);
  assert.throws(() => anchorRegime({ ...options, instances: 0 }), ParameterError);
});
