import assert from "node:assert/strict";
import { ParameterError } from "../../../lib/core/errors.ts";
import { RatioMeans } from "../../../lib/papers/ppm/experiments.ts";
import { PAPER_MODE_INSTANCES, runSweep, sweepSizes } from "../../../lib/papers/ppm/figures.ts";
import { loadStudySizes } from "../../../lib/papers/ppm/load_study.ts";
import {
  caseSweep,
  deltaSweepSizes,
  FIG6_DELTAS,
  FIG7_DELTAS,
  figure6Panels,
  figure7Panels,
  runDeltaSweep,
} from "../../../lib/papers/ppm/section6_sweeps.ts";
import { measureSpeeds, SPEED_TARGETS, speedFixtures } from "../../../lib/papers/ppm/speed.ts";

const tiny = { instances: 1, jobs: 40, slots: 60 };

Deno.test("RatioMeans: hand-computed means per key, typed error for an unknown key", () => {
  const means = new RatioMeans();
  means.add("a", { erLow: 1, erHigh: 2 });
  means.add("b", { erLow: 3, erHigh: 3 });
  means.add("a", { erLow: 1.5, erHigh: 4 });
  assert.deepEqual(means.keys(), ["a", "b"]);
  assert.deepEqual(means.mean("a"), { erLow: 1.25, erHigh: 3, instances: 2 });
  assert.throws(() => means.mean("c"), ParameterError);
});

Deno.test("paper mode: the paper's N = 4000, T = 3600 and the same ≥ 50 instances per point in every sweep", () => {
  assert.ok(PAPER_MODE_INSTANCES >= 50);
  for (const sizes of [sweepSizes("paper"), deltaSweepSizes("paper"), loadStudySizes("paper")]) {
    assert.deepEqual(sizes, { instances: PAPER_MODE_INSTANCES, jobs: 4000, slots: 3600 });
  }
});

Deno.test("paper grids: Fig. 6 spans δ ∈ [−0.8, 2.4], Fig. 7 only δ ≥ 0, panels as in the paper", () => {
  assert.equal(FIG6_DELTAS[0], -0.8);
  assert.equal(FIG6_DELTAS.at(-1), 2.4);
  assert.ok(FIG7_DELTAS.every((d) => d >= 0) && FIG7_DELTAS.includes(0));
  const six = figure6Panels(tiny, 1);
  assert.equal(new Set(six.map((p) => `${p.row}|${p.column}`)).size, 6);
  assert.deepEqual(six.map((p) => p.params(0).case), ["UI", "UI", "UI", "EI", "EI", "EI"]);
  assert.deepEqual(figure7Panels(tiny, 1).map((p) => p.params(0).sigma), [1, 2, 10]);
});

Deno.test("runDeltaSweep equals one empiricalRatios-based sweep per δ on the same instances", async () => {
  const panel = figure6Panels(tiny, 7)[2]!; // Case UI, p̄ = 9c̄
  const deltas = [0, 1.6];
  const mechanisms = (delta: number) => ({
    "PPM-OP": { kind: "optimal", pbarError: delta } as const,
    "PPM-TP": { kind: "twice-index", pbarError: delta } as const,
  });
  const shared = await runDeltaSweep("test", [panel], deltas, mechanisms, 2);
  const separate = await runSweep("test", deltas, (_d, i) => panel.params(i), mechanisms, 2);
  assert.equal(shared.rows.length, separate.rows.length);
  for (const row of separate.rows) {
    const twin = shared.rows.find((r) => r.x === row.x && r.mechanism === row.mechanism)!;
    assert.equal(twin.column, panel.column);
    assert.equal(twin.instances, 2);
    // Same online welfare; the shared LP can only tighten the bracket (more incumbents).
    assert.ok(twin.erLow >= row.erLow - 1e-9 && twin.erHigh <= row.erHigh + 1e-6);
    assert.ok(twin.erLow <= twin.erHigh + 1e-9 && twin.erLow >= 1 - 1e-9);
  }
});

Deno.test("runDeltaSweep rejects empty panels, empty δ grids and zero instances", async () => {
  const m = () => ({ "PPM-MP": { kind: "myopic" } as const });
  const panels = figure7Panels(tiny, 1);
  await assert.rejects(() => runDeltaSweep("x", [], [0], m, 1), ParameterError);
  await assert.rejects(() => runDeltaSweep("x", panels, [], m, 1), ParameterError);
  await assert.rejects(() => runDeltaSweep("x", panels, [0], m, 0), ParameterError);
});

Deno.test("caseSweep: three mechanisms per p̄, labelled with the case, brackets ≥ 1", async () => {
  const { rows } = await caseSweep("EE", [1, 9], tiny, 3);
  assert.equal(rows.length, 6);
  assert.ok(rows.every((r) => r.column === "Case EE" && r.erLow >= 1 - 1e-9));
  assert.deepEqual([...new Set(rows.map((r) => r.mechanism))], ["PPM-OP", "PPM-TP", "PPM-MP"]);
});

Deno.test("measureSpeeds: one decision row, one instance row per mechanism, one φ row", () => {
  const fixtures = speedFixtures({ jobs: 200, slots: 400, seed: 2 });
  assert.equal(fixtures.decisionArrival, 150);
  const rows = measureSpeeds(fixtures, { decisions: 20, instanceRuns: 2, phiSweeps: 3 });
  assert.deepEqual(rows.map((r) => [r.mechanism, r.unit]), [
    ["PPM-OP", "µs"],
    ["PPM-OP", "ms"],
    ["PPM-TP", "ms"],
    ["PPM-MP", "ms"],
    ["PPM-OP", "ns"],
  ]);
  assert.deepEqual(rows.map((r) => r.target), [
    SPEED_TARGETS.decisionMicros,
    ...Array(3).fill(SPEED_TARGETS.instanceMillis),
    SPEED_TARGETS.phiNanos,
  ]);
  assert.equal(rows.at(-1)!.repetitions, 3 * 1024);
  for (const r of rows) {
    assert.ok(r.measured > 0 && Number.isFinite(r.measured));
    assert.equal(r.withinTarget, r.measured < r.target);
  }
  assert.throws(() => speedFixtures({ jobs: 20, slots: 150 }), ParameterError);
  assert.throws(() => measureSpeeds(fixtures, { decisions: 0 }), ParameterError);
});
