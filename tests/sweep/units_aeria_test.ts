import assert from "node:assert/strict";
import { join } from "node:path";
import { ParameterError } from "../../lib/core/errors.ts";
import { evaluateClaims } from "../../lib/core/claims.ts";
import { claims } from "../../lib/papers/aeria/claims.ts";
import { clearMemo, memoStats } from "../../lib/papers/aeria/memo.ts";
import { DEFAULT_MARKET } from "../../lib/papers/aeria/market.ts";
import {
  scaleSweep,
  SWEEP_CAPACITIES,
  traceDrivenRuns,
} from "../../lib/papers/aeria/experiments.ts";
import {
  capacitySweepCrn,
  compareRegimes,
  electricityEffect,
  PAPER_BASELINES,
} from "../../lib/papers/aeria/regime.ts";
import { runPool } from "../../lib/sweep/pool.ts";
import { mergeShardDirectory, runShard } from "../../lib/sweep/run.ts";
import { shardFileName } from "../../lib/sweep/shard.ts";
import {
  aeriaAdapter,
  aeriaUnits,
  assembleAeriaSweeps,
  primeAeria,
  runAeriaUnit,
} from "../../lib/sweep/units_aeria.ts";
import { sweepAdapter } from "../../lib/sweep/units.ts";

const QUICK = { mode: "quick", seed: 1 } as const;

/**
 * The five experiments computed in this process through their public functions, with the
 * options notebook 02 and the ledger pass (written out here, not read from `ledgerExperiments`).
 */
function inProcess(seed: number) {
  clearMemo();
  return {
    trace: traceDrivenRuns({ runs: 2, seed }),
    scale: scaleSweep({ slots: 24, seed }),
    regimes: compareRegimes({
      runs: 5,
      slots: 24,
      seed,
      baselines: [...PAPER_BASELINES, "edgent-sigma"],
    }),
    capacity: capacitySweepCrn({ runs: 3, slots: 12, seed }, SWEEP_CAPACITIES),
    electricity: electricityEffect(DEFAULT_MARKET, [0.05, 0.2], { runs: 3, slots: 24, seed }),
  };
}

Deno.test("AERIA units: one per run / point / paired run, quick and paper sizes", async () => {
  // quick: 2 trace runs + 10 sweep points + 2 regimes × 5 runs + 2 × 5 capacities × 3 runs
  // + 2 prices × 3 runs; paper: 120 + 10 + 2 × 30 + 2 × 5 × 20 + 2 × 20.
  assert.equal(aeriaUnits(QUICK).length, 2 + 10 + 10 + 30 + 6);
  assert.equal(aeriaUnits({ mode: "paper", seed: 1 }).length, 120 + 10 + 60 + 200 + 40);
  const ids = new Set(aeriaUnits(QUICK).map((u) => `${u.experiment}/${u.unit}`));
  assert.equal(ids.size, 58);
  assert.equal(await sweepAdapter("aeria"), aeriaAdapter);
  assert.throws(() => aeriaUnits(QUICK, 3), ParameterError);
  assert.throws(() => runAeriaUnit({ ...QUICK, experiment: "trace", unit: 2 }), ParameterError);
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => runAeriaUnit({ ...QUICK, experiment: "fig9" as any, unit: 0 }),
    ParameterError,
  );
  assert.throws(() => assembleAeriaSweeps(QUICK, [1, 2]), ParameterError);
  assert.throws(() => primeAeria(QUICK, { trace: {} }), ParameterError);
});

Deno.test("AERIA units through the pool (1 and 2 workers) assemble to the library's results bit for bit", async () => {
  const expected = inProcess(2);
  const params = { mode: "quick", seed: 2 } as const;
  const tasks = aeriaUnits(params).map((config) => ({ kind: "aeria", config }));
  for (const jobs of [1, 2]) {
    const results = await runPool(tasks, { jobs });
    const assembled = assembleAeriaSweeps(params, results);
    // deepStrictEqual tells 0 from -0 and compares every float exactly.
    assert.deepStrictEqual(assembled, expected, `jobs ${jobs}`);
  }
});

/** A ledger as JSON, timing claims reduced to their id (their values are wall times). */
async function ledgerJson(): Promise<string> {
  const results = await evaluateClaims(claims(QUICK));
  return JSON.stringify(results.map((r) => r.timing ? { id: r.id, timing: true } : r));
}

Deno.test("after prime, the claims read the primed experiments: same ledger, nothing recomputed", async () => {
  const units = aeriaUnits(QUICK);
  const results = [];
  for (const unit of units) results.push(await runAeriaUnit(unit));
  const sweeps = assembleAeriaSweeps(QUICK, results);

  clearMemo();
  const unprimed = await ledgerJson();
  const computed = memoStats();
  assert.equal(computed.misses, 5, "the ledger computes five memoised experiments");

  clearMemo();
  aeriaAdapter.prime(QUICK, sweeps);
  assert.deepEqual(memoStats(), { hits: 0, misses: 0, entries: 5 });
  const primed = await ledgerJson();
  assert.equal(memoStats().misses, 0, "no experiment recomputed");
  assert.equal(memoStats().hits, 5);
  assert.equal(primed, unprimed);
  // The notebook's cells (same options, no exit model) are answered from the memo too.
  traceDrivenRuns({ runs: 2, seed: 1, onRun: () => assert.fail("recomputed") });
  assert.equal(memoStats().misses, 0);
  clearMemo();
});

Deno.test("AERIA sweep shards 0/2 and 1/2 merged equal the unsharded assembly", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const index of [0, 1]) {
      const shard = { index, count: 2 };
      const file = await runShard({ paper: "aeria", params: QUICK, shard, jobs: 1 });
      await Deno.writeTextFile(join(dir, shardFileName("aeria", shard)), JSON.stringify(file));
    }
    const merged = await mergeShardDirectory(dir, "aeria");
    assert.deepEqual(merged.params, { paper: "aeria", mode: "quick", seed: 1 });
    assert.deepStrictEqual(merged.sweeps, inProcess(1));
  } finally {
    clearMemo();
    await Deno.remove(dir, { recursive: true });
  }
});
