import assert from "node:assert/strict";
import { ParameterError } from "../../lib/core/errors.ts";
import {
  ANCHOR_POINTS,
  ANCHOR_SCALES,
  ledgerAnchorOptions,
  peaksAt,
} from "../../lib/papers/ppm/anchor_regime.ts";
import { JOB_DRAWS } from "../../lib/papers/ppm/arrivals.ts";
import { anchorDeltaPanels } from "../../lib/papers/ppm/paired_delta.ts";
import {
  assemblePpmLedgerSweeps,
  ppmLedgerUnits,
  type PpmUnitConfig,
  runPpmUnit,
} from "../../lib/sweep/units_ppm.ts";
import { hasSweepAdapter, SWEEP_PAPERS, sweepAdapter } from "../../lib/sweep/units.ts";

// The equality of units assembled and primed with the in-process ledger is tested against the
// snapshot through the pool (ledger_jobs_test.ts) and through shards (sweep_cli_test.ts); these
// tests cover the unit list, a unit against the library, and the errors.

Deno.test("the ledger's unit list covers every reading, part, point and instance once", () => {
  for (const mode of ["quick", "paper"] as const) {
    const instances = ledgerAnchorOptions({ mode, seed: 1 }, "random").instances;
    const panels = (["fig6", "fig7"] as const).map((figure) =>
      anchorDeltaPanels(ledgerAnchorOptions({ mode, seed: 1 }, "random"), 1, figure).length
    );
    const perReading = instances * (ANCHOR_SCALES.length + ANCHOR_POINTS.length + panels[0]! +
      panels[1]!);
    const units = ppmLedgerUnits({ mode, seed: 1 });
    assert.equal(units.length, JOB_DRAWS.length * perReading, mode);
    const ids = new Set(units.map((u) => `${u.draw}/${u.part}/${u.point}/${u.instance}`));
    assert.equal(ids.size, units.length, "no unit twice");
  }
  assert.equal(ppmLedgerUnits({ mode: "quick", seed: 1 }).length, 72);
  assert.equal(ppmLedgerUnits({ mode: "quick", seed: 1 }, 1).length, 36);
});

Deno.test("a peaks unit is one instance of peaksAt, and their mean is peaksAt", async () => {
  const options = {
    ...ledgerAnchorOptions({ mode: "quick", seed: 1 }, "consecutive"),
    instances: 1,
  };
  const unit: PpmUnitConfig = {
    mode: "quick",
    seed: 1,
    draw: "consecutive",
    part: "peaks",
    point: 0,
    instance: 0,
    instances: 1,
  };
  const result = await runPpmUnit(unit);
  assert.deepEqual(result, peaksAt(options, ANCHOR_SCALES[0]!), "one instance: the mean is it");
  assert.deepEqual(await runPpmUnit(unit), result, "a unit is a pure function of its config");
});

Deno.test("bad units and result lists are ParameterErrors naming the field", async () => {
  const unit = ppmLedgerUnits({ mode: "quick", seed: 1 })[0]!;
  const cases: [Partial<PpmUnitConfig>, string][] = [
    [{ mode: "fast" as never }, "mode"],
    [{ draw: "sorted" as never }, "draw"],
    [{ part: "fig8" as never }, "part"],
    [{ point: ANCHOR_SCALES.length }, "point"],
    [{ instance: 2 }, "instance"],
    [{ instances: 0 }, "instances"],
  ];
  for (const [bad, parameter] of cases) {
    await assert.rejects(
      () => runPpmUnit({ ...unit, ...bad }),
      (error: unknown) => error instanceof ParameterError && error.parameter === parameter,
      parameter,
    );
  }
  assert.throws(
    () => assemblePpmLedgerSweeps({ mode: "quick", seed: 1 }, []),
    (error: unknown) => error instanceof ParameterError && error.parameter === "results",
  );
  assert.throws(() => ppmLedgerUnits({ mode: "quick", seed: 1 }, 0), ParameterError);
});

Deno.test("adapters load by key; an unknown key is a ParameterError naming paper", async () => {
  assert.deepEqual(SWEEP_PAPERS, ["ppm", "ppm-figures", "ppm-load", "pdftsp", "aeria"]);
  assert.ok(hasSweepAdapter("ppm") && !hasSweepAdapter("stackelberg"));
  assert.equal(typeof (await sweepAdapter("ppm")).prime, "function");
  await assert.rejects(
    () => sweepAdapter("nope"),
    (error: unknown) => error instanceof ParameterError && error.parameter === "paper",
  );
});

/** Modules an entry loads at run time: code imports only (no type-only ones), static only. */
async function staticGraph(entry: string): Promise<string[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", new URL(entry, import.meta.url).pathname],
    stdout: "piped",
    stderr: "null",
  }).output();
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    roots: string[];
    modules: {
      specifier: string;
      dependencies?: { code?: { specifier: string }; isDynamic?: boolean }[];
    }[];
  };
  const modules = new Map(info.modules.map((m) => [m.specifier, m]));
  const seen = new Set<string>();
  const stack = [...info.roots];
  while (stack.length > 0) {
    const url = stack.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    for (const dep of modules.get(url)?.dependencies ?? []) {
      if (dep.code && !dep.isDynamic) stack.push(dep.code.specifier);
    }
  }
  return [...seen];
}

Deno.test("a pool Worker loads only the adapter it runs, without figures or Plot", async () => {
  const worker = await staticGraph("../../lib/sweep/worker.ts");
  assert.ok(worker.length <= 6, `the Worker entry is small: ${worker.join(", ")}`);
  assert.ok(!worker.some((url) => url.includes("/papers/")), "no paper before its first unit");
  for (const adapter of ["units_ppm.ts", "units_ppm_figures.ts", "units_ppm_load.ts"]) {
    const graph = await staticGraph(`../../lib/sweep/${adapter}`);
    const heavy = graph.filter((url) =>
      /observablehq|linkedom|\/core\/display\.ts|\/ppm\/figures\.ts|\/ppm\/claims\.ts|\/(aeria|pdftsp|stackelberg)\//
        .test(url)
    );
    assert.deepEqual(heavy, [], adapter);
  }
});
