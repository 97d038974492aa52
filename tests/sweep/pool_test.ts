import assert from "node:assert/strict";
import { ParameterError } from "../../lib/core/errors.ts";
import { defaultJobs, runPool, UnitError } from "../../lib/sweep/pool.ts";
import {
  assemblePpmFigureSweeps,
  type PpmFigureUnitResult,
  ppmFigureUnits,
} from "../../lib/sweep/units_ppm_figures.ts";

const params = { mode: "quick", seed: 1 } as const;
// One instance per point: the 17 units of the Section 6 figure sweeps at their quick-mode sizes.
const tasks = ppmFigureUnits(params, 1).map((config) => ({ kind: "ppm-figures", config }));

Deno.test("the pool returns the same results, in unit order, with 1 and 2 workers", async () => {
  const one = await runPool(tasks, { jobs: 1 });
  const seen: number[] = [];
  const two = await runPool(tasks, { jobs: 2, onProgress: (done) => seen.push(done) });
  assert.equal(one.length, tasks.length);
  assert.equal(JSON.stringify(two), JSON.stringify(one));
  const merged = (results: unknown[]) =>
    JSON.stringify(assemblePpmFigureSweeps(params, results as PpmFigureUnitResult[], 1));
  assert.equal(merged(two), merged(one), "the merged sweeps are bit-identical");
  assert.deepEqual(seen, Array.from({ length: tasks.length }, (_, i) => i + 1));
  // Results are in unit order: unit i's mechanism keys are those of its sweep.
  const keys = (i: number) => (one[i] as { ratios: { key: string }[] }).ratios.map((r) => r.key);
  assert.deepEqual(keys(0), ["PPM-OP", "PPM-TP", "PPM-MP"]);
  assert.ok(keys(tasks.length - 1).every((key) => key.startsWith("PPM-OP @ δ = ")));
});

Deno.test("the pool rejects a bad worker count with a ParameterError naming jobs", async () => {
  for (const jobs of [0, -1, 1.5, NaN]) {
    await assert.rejects(
      () => runPool(tasks, { jobs }),
      (error: unknown) => error instanceof ParameterError && error.parameter === "jobs",
    );
  }
  assert.ok(Number.isInteger(defaultJobs()) && defaultJobs() >= 1);
  assert.deepEqual(await runPool([], { jobs: 3 }), []);
});

Deno.test("a unit that throws stops the pool with a UnitError naming the unit and its error", async () => {
  const bad = [tasks[0]!, { kind: "ppm-figures", config: { ...tasks[1]!.config, point: 99 } }];
  await assert.rejects(
    () => runPool(bad, { jobs: 2 }),
    (error: unknown) => {
      assert.ok(error instanceof UnitError);
      assert.equal(error.unit, 1);
      assert.equal(error.errorName, "ParameterError");
      assert.match(
        error.message,
        /^unit 1 \(ppm-figures \{.*"point":99.*\}\) failed: ParameterError: parameter point = 99/,
      );
      return true;
    },
  );
  await assert.rejects(
    () => runPool([{ kind: "nope", config: {} }], { jobs: 1 }),
    /unit 0 \(nope \{\}\) failed: ParameterError: parameter paper = "?nope"?/,
  );
});

Deno.test("a unit that ends its worker is reported with its unit instead of hanging", async () => {
  const worker = new URL("./fixtures/crash_worker.ts", import.meta.url);
  const cases: [string, string, RegExp][] = [
    ["throw", "WorkerCrash", /uncaught .*worker died on unit 1/],
    ["reject", "WorkerCrash", /unhandled rejection: rejected on unit 1/],
    ["close", "WorkerExit", /ended its worker \(self\.close\(\)\) without a result/],
    ["exit", "WorkerExit", /ended its worker \(Deno\.exit\(3\)\) without a result/],
  ];
  for (const [how, name, message] of cases) {
    const units = [0, 1, 2].map((i) => ({ kind: "fixture", config: i === 1 ? { i, how } : { i } }));
    await assert.rejects(
      () => runPool(units, { jobs: 1, worker }),
      (error: unknown) => {
        assert.ok(error instanceof UnitError, how);
        assert.equal(error.unit, 1, how);
        assert.equal(error.errorName, name, how);
        assert.match(error.message, /^unit 1 \(fixture \{"i":1,"how":/);
        assert.match(error.message, message);
        return true;
      },
    );
  }
});
