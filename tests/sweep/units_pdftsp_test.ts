import assert from "node:assert/strict";
import { ParameterError } from "../../lib/core/errors.ts";
import { ledger } from "../../lib/claims_registry.ts";
import { readSnapshot, SNAPSHOT_PARAMS, snapshotEntry } from "../../lib/ledger_snapshot.ts";
import { TRACE_NAMES, tracesAvailable } from "../../lib/traces/paths.ts";
import {
  compareAlgorithms,
  computedSettings,
  primeSetting,
  scaledConfig,
  type Setting,
  SWEEPS,
  TIMED_SWEEP,
} from "../../lib/papers/pdftsp/experiments.ts";
import { headlineSettings } from "../../lib/papers/pdftsp/claims.ts";
import { runPool } from "../../lib/sweep/pool.ts";
import { mergeShardDirectory, runShard } from "../../lib/sweep/run.ts";
import { type ShardFile, shardFileName } from "../../lib/sweep/shard.ts";
import { sweepAdapter } from "../../lib/sweep/units.ts";
import {
  type PdftspSettingRows,
  pdftspSettings,
  type PdftspUnitResult,
  pdftspUnits,
  runPdftspUnit,
} from "../../lib/sweep/units_pdftsp.ts";

// The snapshot's parameters, so that the primed ledger can be compared with data/ledger.quick.json.
const params = SNAPSHOT_PARAMS;
const keyOf = (setting: Setting) => JSON.stringify(scaledConfig(params, setting));
const timedKeys = new Set(SWEEPS[TIMED_SWEEP]!.map(({ setting }) => keyOf(setting)));

/** Every unit once, unsharded, on two workers (shared by the tests below; ~14 quick settings). */
let unsharded: Promise<ShardFile> | undefined;
function allUnits(): Promise<ShardFile> {
  unsharded ??= runShard({ paper: "pdftsp", params, shard: { index: 0, count: 1 }, jobs: 2 });
  return unsharded;
}

Deno.test("the units are every untimed setting of the sweeps and headline claims, once each", async () => {
  for (const mode of ["quick", "paper"] as const) {
    const run = { mode, seed: 1 };
    const key = (setting: Setting) => JSON.stringify(scaledConfig(run, setting));
    const units = pdftspUnits(run);
    const settings = pdftspSettings(run);
    assert.equal(units.length, 14, mode);
    assert.deepEqual(units.map((u) => u.setting), settings.map((_, i) => i));
    const unitKeys = settings.map(key);
    assert.equal(new Set(unitKeys).size, unitKeys.length, "no setting twice");
    const timed = new Set(SWEEPS[TIMED_SWEEP]!.map(({ setting }) => key(setting)));
    assert.ok(unitKeys.every((k) => !timed.has(k)), "no timed setting is a unit");
    const used = [
      ...Object.values(SWEEPS).flatMap((entries) => entries.map(({ setting }) => setting)),
      ...headlineSettings(),
    ].map(key);
    assert.deepEqual(
      new Set(used),
      new Set([...unitKeys, ...timed]),
      "units and timed settings together are every setting the sweeps and claims use",
    );
  }
  assert.throws(() => pdftspUnits(params, 2), ParameterError);
  const adapter = await sweepAdapter("pdftsp");
  assert.throws(() => adapter.assemble(params, []), ParameterError);
});

Deno.test("a bad unit configuration or priming a timed setting is a ParameterError", async () => {
  await assert.rejects(runPdftspUnit({ ...pdftspUnits(params)[0]!, setting: 14 }), ParameterError);
  await assert.rejects(
    runPdftspUnit({ mode: "fast" as "quick", seed: 1, setting: 0 }),
    ParameterError,
  );
  await assert.rejects(runPdftspUnit({ mode: "quick", seed: 1.5, setting: 0 }), ParameterError);
  const timed = SWEEPS[TIMED_SWEEP]![0]!.setting;
  assert.throws(() => primeSetting(params, timed, []), /Fig\. 4/);
});

Deno.test("units on 1 and 2 pool workers give compareAlgorithms' rows bit for bit", async () => {
  const settings = pdftspSettings(params);
  const units = pdftspUnits(params);
  // The two lightest settings (Poisson 30; the modelled regime at 50) against the in-process run.
  const picked = [8, 12];
  assert.equal(settings[8]!.meanArrivals, 30);
  assert.equal(settings[12]!.regime, "modelled");
  const oneWorker = await runPool(
    picked.map((i) => ({ kind: "pdftsp", config: units[i] })),
    { jobs: 1 },
  ) as PdftspUnitResult[];
  const twoWorkers = (await allUnits()).results;
  for (const [k, i] of picked.entries()) {
    const rows = await compareAlgorithms(params, "f", "l", settings[i]!);
    assert.ok(rows.every((row) => row.perTaskMs >= 0), "the in-process run is timed");
    const untimed = rows.map(({ figure: _f, setting: _s, perTaskMs: _t, ...row }) => row);
    assert.equal(JSON.stringify(oneWorker[k]!.rows), JSON.stringify(untimed));
    assert.equal(twoWorkers[i]!.unit, i);
    assert.equal(JSON.stringify(twoWorkers[i]!.result), JSON.stringify(oneWorker[k]));
  }
});

Deno.test("two shards merged equal the unsharded run", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pdftsp-shards-" });
  try {
    const shards = await Promise.all(
      [0, 1].map((index) =>
        runShard({ paper: "pdftsp", params, shard: { index, count: 2 }, jobs: 1 })
      ),
    );
    for (const file of shards) {
      assert.ok(file.results.length > 0);
      await Deno.writeTextFile(
        `${dir}/${shardFileName("pdftsp", file.shard)}`,
        JSON.stringify(file),
      );
    }
    const merged = await mergeShardDirectory(dir, "pdftsp");
    const whole = (await sweepAdapter("pdftsp")).assemble(
      params,
      (await allUnits()).results.map((r) => r.result),
    );
    assert.equal(JSON.stringify(merged.sweeps), JSON.stringify(whole));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("after prime, the claims run only the timed settings and match the snapshot", async () => {
  const adapter = await sweepAdapter("pdftsp");
  const sweeps = adapter.assemble(
    params,
    (await allUnits()).results.map((r) => r.result),
  ) as PdftspSettingRows[];
  adapter.prime(params, sweeps);
  const before = computedSettings().length;
  const results = await ledger(params, ["pdftsp"]);
  const ranHere = computedSettings().slice(before);
  assert.deepEqual(new Set(ranHere), timedKeys, "only Fig. 4's settings ran in this process");
  assert.equal(ranHere.length, timedKeys.size, "each once");
  // Primed rows are what compareAlgorithms returns, with perTaskMs NaN (not measured here).
  const primed = await compareAlgorithms(params, "f", "l", sweeps[0]!.setting);
  assert.ok(primed.every((row) => Number.isNaN(row.perTaskMs)));
  if (TRACE_NAMES.every((name) => tracesAvailable(name))) {
    const recorded = readSnapshot()!.claims.filter((entry) => entry.paper === "pdftsp");
    // Bit for bit, timing claims recorded without their value as the snapshot does.
    assert.deepEqual(results.map(snapshotEntry), recorded);
  }
});
