import assert from "node:assert/strict";
import { ParameterError } from "../../../lib/core/errors.ts";
import {
  ANCHOR_SCALES,
  anchorRegime,
  loadReadings,
} from "../../../lib/papers/ppm/anchor_regime.ts";
import { JOB_DRAWS } from "../../../lib/papers/ppm/arrivals.ts";
import { buildInstance, CBAR_CPU } from "../../../lib/papers/ppm/experiments.ts";
import { simulate } from "../../../lib/papers/ppm/mechanism.ts";

Deno.test("anchor regime: the smallest duration factor at which PPM-MP saturates, with brackets ≥ 1", async () => {
  const options = { jobs: 400, slots: 300, instances: 1, seed: 3, jobSource: "synthetic" } as const;
  const r = await anchorRegime(options);
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
  assert.ok(r.erOpEe.low >= 1 - 1e-9 && r.erOpEe.low <= r.erOpEe.high);
  assert.ok(r.peaks.op <= r.peaks.mp + 1e-9);
  assert.equal(await anchorRegime({ ...options }), r, "memoised per options");
  assert.throws(() => anchorRegime({ ...options, instances: 0 }), ParameterError);
});

Deno.test("loadReadings: both readings at every factor, the consecutive one on its own instances", () => {
  const options = { jobs: 300, slots: 300, instances: 1, seed: 4, jobSource: "synthetic" } as const;
  const rows = loadReadings(options);
  assert.deepEqual(
    rows.map((r) => [r.draw, r.scale]),
    JOB_DRAWS.flatMap((draw) => ANCHOR_SCALES.map((scale) => [draw, scale])),
  );
  for (const row of rows) {
    const { instance } = buildInstance({
      ...options,
      case: "UE",
      pbar: 2 * CBAR_CPU,
      seed: 4000,
      durationScale: row.scale,
      draw: row.draw,
    });
    const peak = Math.max(...simulate(instance, { kind: "myopic" }).utilisation[0]!);
    assert.equal(row.mp, peak);
    assert.equal(row.saturated, peak >= 0.99);
  }
  const random = rows.filter((r) => r.draw === "random").map((r) => r.mp);
  const consecutive = rows.filter((r) => r.draw === "consecutive").map((r) => r.mp);
  assert.notDeepEqual(random, consecutive);
});
