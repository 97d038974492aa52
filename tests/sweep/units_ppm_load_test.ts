/**
 * The `ppm-load` units: they cover every run of notebook 01's two load studies once, and their
 * results, run in any order and folded, equal `loadSensitivity`'s in-process study bit for bit;
 * primed, `loadSensitivity` returns them without running anything.
 */
import assert from "node:assert/strict";
import { ParameterError } from "../../lib/core/errors.ts";
import { loadSensitivity } from "../../lib/papers/ppm/load_study.ts";
import { notebookLoadStudies } from "../../lib/papers/ppm/load_runs.ts";
import {
  assemblePpmLoadStudies,
  ppmLoadUnits,
  primePpmLoadStudies,
  runPpmLoadUnit,
} from "../../lib/sweep/units_ppm_load.ts";

Deno.test("the load units cover every run of both studies once", () => {
  // Paper mode: 6 duration factors × (1 + 4) p̄ values × 50 instances.
  assert.equal(ppmLoadUnits({ mode: "paper", seed: 1 }).length, 1_500);
  const units = ppmLoadUnits({ mode: "quick", seed: 1 });
  assert.equal(units.length, 6 * (1 + 4) * 2);
  const ids = new Set(units.map((u) => `${u.study}/${u.scale}/${u.pbar}/${u.instance}`));
  assert.equal(ids.size, units.length);
  assert.throws(() => ppmLoadUnits({ mode: "quick", seed: 1 }, 0), ParameterError);
});

Deno.test("load units folded in order equal loadSensitivity bit for bit; primed, it reads them", async () => {
  const params = { mode: "quick", seed: 2 } as const;
  const instances = 1;
  const units = ppmLoadUnits(params, instances);
  const byUnit = new Map<string, Awaited<ReturnType<typeof runPpmLoadUnit>>>();
  for (const unit of [...units].reverse()) {
    byUnit.set(JSON.stringify(unit), await runPpmLoadUnit(unit));
  }
  const merged = assemblePpmLoadStudies(
    params,
    units.map((unit) => byUnit.get(JSON.stringify(unit))!),
    instances,
  );
  const studies = notebookLoadStudies(params, instances);
  const ue = await loadSensitivity(studies.ue);
  const ee = await loadSensitivity(studies.ee);
  assert.equal(JSON.stringify(merged.ue), JSON.stringify(ue));
  assert.equal(JSON.stringify(merged.ee), JSON.stringify(ee));

  const other = { mode: "quick", seed: 9 } as const;
  const fake = {
    ue: { rows: [], gaps: [], note: "primed UE" },
    ee: { rows: [], gaps: [], note: "primed EE" },
  };
  primePpmLoadStudies(other, fake, instances);
  const primed = notebookLoadStudies(other, instances);
  assert.equal((await loadSensitivity(primed.ee)).note, "primed EE", "read, not computed");
  assert.throws(() => primePpmLoadStudies(other, { ue: fake.ue }, instances), ParameterError);
  assert.throws(
    () => assemblePpmLoadStudies(params, [], instances),
    (error: unknown) => error instanceof ParameterError && error.parameter === "results",
  );
  for (const bad of [{ study: "xx" }, { scale: 6 }, { pbar: 1 }, { instance: 1 }]) {
    await assert.rejects(() => runPpmLoadUnit({ ...units[0]!, ...bad } as never), ParameterError);
  }
});
