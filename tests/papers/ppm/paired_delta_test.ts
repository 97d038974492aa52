import assert from "node:assert/strict";
import { ParameterError } from "../../../lib/core/errors.ts";
import { anchorDeltaSweeps, pairedDeltaSweep } from "../../../lib/papers/ppm/paired_delta.ts";
import { anchorScale } from "../../../lib/papers/ppm/anchor_regime.ts";
import { figure6Panels, runDeltaSweep } from "../../../lib/papers/ppm/section6_sweeps.ts";
import type { MechanismSpec } from "../../../lib/papers/ppm/mechanism.ts";

const mechanisms = (delta: number): Record<string, MechanismSpec> => ({
  "PPM-OP": { kind: "optimal", pbarError: delta },
  "PPM-TP": { kind: "twice-index", pbarError: delta },
});

Deno.test("paired ER change equals the ratio of certified ERs sharing one bracket per instance", async () => {
  // One instance per panel: the bracketed sweep's ER(δ)/ER(0) = W(0)/W(δ), its bracket cancels.
  const sizes = { instances: 1, jobs: 120, slots: 90 };
  const panels = figure6Panels(sizes, 2).slice(1, 3).map((panel) => ({
    ...panel,
    params: (i: number) => ({
      ...panel.params(i),
      durationScale: 8,
      jobSource: "synthetic" as const,
    }),
  }));
  const deltas = [0, 0.8, 2.4];
  const paired = pairedDeltaSweep(panels, deltas, mechanisms, 1);
  const bracketed = (await runDeltaSweep("test", panels, deltas, mechanisms, 1)).rows;
  assert.equal(paired.length, bracketed.length);
  let moved = 0;
  for (const row of paired) {
    const at = (x: number) =>
      bracketed.find((r) =>
        r.column === row.column && r.row === row.row && r.mechanism === row.mechanism && r.x === x
      )!;
    const expected = at(row.x).erHigh / at(0).erHigh - 1;
    assert.ok(
      Math.abs(row.erChange - expected) < 1e-12,
      `${row.column} ${row.mechanism} δ=${row.x}`,
    );
    if (Math.abs(row.erChange) > 1e-6) moved++;
  }
  assert.ok(moved > 0, "some δ changes some welfare");
});

Deno.test("anchorDeltaSweeps runs Fig. 6 and 7 at the anchor factor, memoised", () => {
  const options = { jobs: 120, slots: 90, instances: 1, seed: 3, jobSource: "synthetic" } as const;
  const sweeps = anchorDeltaSweeps(options);
  assert.equal(sweeps.scale, anchorScale(options).scale);
  assert.equal(new Set(sweeps.fig6.map((r) => `${r.row} ${r.column}`)).size, 6);
  assert.equal(new Set(sweeps.fig7.map((r) => r.column)).size, 3);
  for (const r of [...sweeps.fig6, ...sweeps.fig7]) if (r.x === 0) assert.equal(r.erChange, 0);
  assert.equal(anchorDeltaSweeps({ ...options }), sweeps);
});

Deno.test("pairedDeltaSweep needs δ = 0 and valid sizes", () => {
  const panels = figure6Panels({ instances: 1, jobs: 20, slots: 30 }, 1);
  assert.throws(() => pairedDeltaSweep(panels, [0.4, 0.8], mechanisms, 1), ParameterError);
  assert.throws(() => pairedDeltaSweep([], [0], mechanisms, 1), ParameterError);
  assert.throws(() => pairedDeltaSweep(panels, [0], mechanisms, 0), ParameterError);
});
