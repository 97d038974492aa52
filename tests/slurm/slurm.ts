/**
 * The sharded sweeps on a real Slurm: a single-node cluster (tests/slurm/local_slurm.ts) runs
 * PPM's ledger units (quick mode) as an array job of 4 shards (`sbatch --array=0-3 --wait`);
 * `merge` writes the ledger from the merged sweeps, which must equal the unsharded in-process
 * ledger (the committed snapshot) bit for bit. Then paper-size units of notebook 01's figure sweeps
 * (`ppm-figures`) as 1 and as 2 shards, timed, for the speed-up of the issue's target (printed,
 * not asserted: the machine is shared; bench/pool_bench.ts holds the speed target).
 *
 * Not part of `deno task test` (it installs and starts daemons and takes minutes): run it with
 * `deno task test:slurm`. CI runs the 2-shard version without Slurm (tests/sweep/sweep_cli_test.ts).
 *
 * @module
 */
import assert from "node:assert/strict";
import { type LocalSlurm, startLocalSlurm } from "./local_slurm.ts";
import { mergeShards, readShardFiles, shardIndices } from "../../lib/sweep/shard.ts";
import { ppmLedgerUnits } from "../../lib/sweep/units_ppm.ts";
import { sweepAdapter } from "../../lib/sweep/units.ts";
import { assertLedgerIsSnapshot, SWEEP_CLI, sweepCli } from "../sweep/sharded_run.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * Submits the sweep as an array job of `shards` tasks and waits; returns the seconds from the
 * first task's start to the last task's end, and prints when each task ran.
 */
async function arrayJob(
  slurm: LocalSlurm,
  shards: number,
  out: string,
  what: string,
): Promise<number> {
  const script = `${out}.sh`;
  await Deno.writeTextFile(
    script,
    [
      "#!/bin/bash",
      "set -euo pipefail",
      `cd ${ROOT}`,
      // Start and end of each task (sbatch --wait polls, so its own wall time is coarse).
      `mkdir -p ${out} && date +%s.%N > ${out}/start-$SLURM_ARRAY_TASK_ID`,
      `${Deno.execPath()} run -A ${SWEEP_CLI} sweep ${what} --seed 1 \\`,
      `  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --jobs 1 --out ${out}`,
      `date +%s.%N > ${out}/end-$SLURM_ARRAY_TASK_ID`,
      "",
    ].join("\n"),
  );
  const { code, out: log } = await slurm.run("sbatch", [
    `--array=0-${shards - 1}`,
    "--wait",
    "--cpus-per-task=1",
    `--output=${out}-%a.log`,
    script,
  ]);
  if (code !== 0) {
    const logs = await Promise.all(
      Array.from(
        { length: shards },
        (_, i) =>
          Deno.readTextFile(`${slurm.dir}/shard-${shards}-${i}.log`).catch(() => "(no log)"),
      ),
    );
    assert.fail(`sbatch exited ${code}: ${log}\n${logs.join("\n")}`);
  }
  const stamps = (kind: string) =>
    Array.from({ length: shards }, (_, i) => Number(Deno.readTextFileSync(`${out}/${kind}-${i}`)));
  const [starts, ends] = [stamps("start"), stamps("end")];
  const first = Math.min(...starts);
  const spans = starts.map((start, i) =>
    `task ${i} ${(start - first).toFixed(1)}-${(ends[i]! - first).toFixed(1)} s`
  );
  console.log(`${what}, ${shards} shard${shards > 1 ? "s" : ""}: ${spans.join(", ")}`);
  return Math.max(...ends) - first;
}

/** The merged figure sweeps of the shards in `dir`, as JSON. */
async function mergedSweeps(dir: string): Promise<string> {
  const { params, results } = mergeShards(readShardFiles(dir, "ppm-figures"));
  const run = { mode: params.mode, seed: params.seed };
  const adapter = await sweepAdapter("ppm-figures");
  return JSON.stringify(adapter.assemble(run, results, params.instances));
}

Deno.test({
  name: "a Slurm array job of 4 shards merges into the unsharded PPM ledger",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const testStarted = performance.now();
    const slurm = await startLocalSlurm();
    try {
      const four = `${slurm.dir}/four`;
      const seconds4 = await arrayJob(slurm, 4, four, "--paper ppm --mode quick");
      const merged = await sweepCli(["merge", four]);
      assert.equal(merged.code, 0, merged.stderr);
      assertLedgerIsSnapshot(JSON.parse(await Deno.readTextFile(`${four}/ppm-ledger.json`)), "ppm");
      for (let i = 0; i < 4; i++) {
        const log = await Deno.readTextFile(`${four}-${i}.log`);
        const mine =
          shardIndices(ppmLedgerUnits({ mode: "quick", seed: 1 }).length, { index: i, count: 4 })
            .length;
        assert.match(log, new RegExp(`ppm shard ${i}/4: ${mine}/${mine} units \\(100%\\)`));
      }

      // Speed-up with shards, on paper-size units: two instances per point, 54 units of N = 4000
      // jobs, T = 3600 slots, ~0.5 s each, the units of bench/pool_bench.ts. A shard's fixed cost
      // (process start, module loads in the process and its Worker, the cached trace read) is
      // ~1.6 s of CPU measured on the idle machine; with one instance per point (27 units, ~12 s
      // of work) it capped the speed-up at ~1.5x. 1 vs 2 shards must also merge to the same bytes.
      const paper = "--paper ppm-figures --mode paper --instances 2";
      const seconds1 = await arrayJob(slurm, 1, `${slurm.dir}/one`, paper);
      const seconds2 = await arrayJob(slurm, 2, `${slurm.dir}/two`, paper);
      assert.equal(await mergedSweeps(`${slurm.dir}/two`), await mergedSweeps(`${slurm.dir}/one`));
      const load = Deno.loadavg()[0]!.toFixed(1);
      console.log(
        `quick PPM ledger units as 4 shards: ${
          seconds4.toFixed(1)
        } s; paper-size figure units as 1 shard ` +
          `${seconds1.toFixed(1)} s, as 2 shards ${seconds2.toFixed(1)} s (speed-up ${
            (seconds1 / seconds2).toFixed(2)
          }×; load average ${load} on ${navigator.hardwareConcurrency} cores); whole test ${
            ((performance.now() - testStarted) / 1000).toFixed(0)
          } s`,
      );
    } finally {
      await slurm.stop();
    }
  },
});
