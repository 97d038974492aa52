import assert from "node:assert/strict";
import { ParameterError } from "../../lib/core/errors.ts";
import { sweepSizes } from "../../lib/papers/ppm/figures.ts";
import {
  caseSweep,
  deltaSweepSizes,
  FIG6_DELTAS,
  fig6Mechanisms,
  FIG7_DELTAS,
  fig7Mechanisms,
  figure6Panels,
  figure7Panels,
  pbarMultiples,
  runDeltaSweep,
} from "../../lib/papers/ppm/section6_sweeps.ts";
import {
  assemblePpmFigureSweeps,
  type PpmFigureUnitResult,
  ppmFigureUnits,
  primePpmFigureSweeps,
  runPpmFigureUnit,
} from "../../lib/sweep/units_ppm_figures.ts";
import { figureSweep, sweepTimeText } from "../../lib/papers/ppm/figure_sweeps.ts";

Deno.test("the unit list covers every point and instance of the Section 6 figure sweeps", () => {
  for (const mode of ["quick", "paper"] as const) {
    const params = { mode, seed: 1 };
    const cases = sweepSizes(mode).instances * pbarMultiples(mode).length;
    const delta = deltaSweepSizes(mode).instances;
    const expected = 2 * cases +
      delta * (figure6Panels(deltaSweepSizes(mode), 1).length +
          figure7Panels(deltaSweepSizes(mode), 1).length);
    const units = ppmFigureUnits(params);
    assert.equal(units.length, expected, mode);
    const ids = new Set(units.map((u) => `${u.sweep}/${u.point}/${u.instance}`));
    assert.equal(ids.size, units.length, "no unit twice");
  }
  // Paper mode: 2 cases × 9 p̄ × 50 instances + (6 + 3) panels × 50 instances.
  assert.equal(ppmFigureUnits({ mode: "paper", seed: 1 }).length, 1_350);
  assert.throws(() => ppmFigureUnits({ mode: "quick", seed: 1 }, 0), ParameterError);
});

Deno.test("units merged in instance order give the library's own sweeps bit for bit", async () => {
  const params = { mode: "quick", seed: 3 } as const;
  const instances = 2;
  const units = ppmFigureUnits(params, instances).filter((u) => u.sweep !== "fig6" || u.point < 2);
  // Fig. 6 is cut to two panels to keep this quick: run only those, fill the rest from them.
  const all = ppmFigureUnits(params, instances);
  const results = new Map<string, PpmFigureUnitResult>();
  for (const unit of [...units].reverse()) { // order of execution does not matter
    results.set(JSON.stringify(unit), await runPpmFigureUnit(unit));
  }
  const filled = all.map((unit) =>
    results.get(JSON.stringify(unit.sweep === "fig6" ? { ...unit, point: unit.point % 2 } : unit))!
  );
  const merged = assemblePpmFigureSweeps(params, filled, instances);

  const sizes = { ...sweepSizes("quick"), instances };
  const ue = await caseSweep("UE", pbarMultiples("quick"), sizes, params.seed);
  const ee = await caseSweep("EE", pbarMultiples("quick"), sizes, params.seed);
  const deltaSizes = { ...deltaSweepSizes("quick"), instances };
  const fig6 = await runDeltaSweep(
    "test Fig. 6",
    figure6Panels(deltaSizes, params.seed).slice(0, 2),
    FIG6_DELTAS,
    fig6Mechanisms,
    instances,
  );
  const fig7 = await runDeltaSweep(
    "test Fig. 7",
    figure7Panels(deltaSizes, params.seed),
    FIG7_DELTAS,
    fig7Mechanisms,
    instances,
  );
  assert.equal(JSON.stringify(merged.ue.rows), JSON.stringify(ue.rows));
  assert.equal(JSON.stringify(merged.ee.rows), JSON.stringify(ee.rows));
  const firstPanels = merged.fig6.rows.slice(0, fig6.rows.length);
  assert.equal(JSON.stringify(firstPanels), JSON.stringify(fig6.rows));
  assert.equal(JSON.stringify(merged.fig7.rows), JSON.stringify(fig7.rows));
  assert.equal(merged.ue.source, ue.source);
  // Each row averages `instances` units.
  assert.ok(merged.fig7.rows.every((row) => row.instances === instances));

  // Primed, the notebook's figureSweep returns these rows without running anything.
  primePpmFigureSweeps(params, merged, instances);
  const primed = await figureSweep("fig7", params, instances);
  assert.equal(JSON.stringify(primed.rows), JSON.stringify(fig7.rows));
  assert.equal(primed.timing, null);
  assert.equal(sweepTimeText(primed), "computed in the Worker pool");
  const cases = await figureSweep("cases", params, instances);
  assert.equal(JSON.stringify(cases.rows), JSON.stringify([...ue.rows, ...ee.rows]));
  assert.equal(cases.source, ee.source);
});

Deno.test("figureSweep computes the planned sweep in-process once; bad input is a ParameterError", async () => {
  const params = { mode: "quick", seed: 4 } as const;
  const sweep = await figureSweep("fig7", params, 1);
  const direct = await runDeltaSweep(
    "test Fig. 7",
    figure7Panels({ ...deltaSweepSizes("quick"), instances: 1 }, params.seed),
    FIG7_DELTAS,
    fig7Mechanisms,
    1,
  );
  assert.equal(JSON.stringify(sweep.rows), JSON.stringify(direct.rows));
  assert.ok(sweep.timing && sweep.timing.seconds >= sweep.timing.offlineSeconds);
  assert.match(sweepTimeText(sweep), /^\d+\.\d s$/);
  assert.equal(await figureSweep("fig7", params, 1), sweep, "memoised");
  for (
    const [name, bad, instances] of [
      ["fig9", params, 1],
      ["fig7", { mode: "fast", seed: 1 }, 1],
      ["fig7", params, 0],
    ] as const
  ) {
    await assert.rejects(() => figureSweep(name as never, bad as never, instances), ParameterError);
  }
  assert.throws(() => primePpmFigureSweeps(params, { ue: { rows: [] } }), ParameterError);
});

Deno.test("a unit result has no wall time, and assembling checks the result count", async () => {
  const unit = ppmFigureUnits({ mode: "quick", seed: 1 }, 1).at(-1)!;
  const result = await runPpmFigureUnit(unit);
  assert.deepEqual(Object.keys(result).sort(), ["ratios", "source"]);
  assert.deepEqual(await runPpmFigureUnit(unit), result, "a unit is a pure function of its config");
  assert.throws(
    () => assemblePpmFigureSweeps({ mode: "quick", seed: 1 }, [result], 1),
    (error: unknown) => error instanceof ParameterError && error.parameter === "results",
  );
  for (const bad of [{ point: 3 }, { instance: -1 }, { sweep: "fig9" }, { mode: "fast" }]) {
    await assert.rejects(() => runPpmFigureUnit({ ...unit, ...bad } as never), ParameterError);
  }
});
