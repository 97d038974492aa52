/**
 * `deno task sweep` and `deno task merge`: paper-mode sweeps split into shards that run anywhere
 * (a Slurm array task, a GNU parallel job, another machine) and merge into the same sweeps as one
 * unsharded run (`ppm`: what PPM's claims ledger computes; `ppm-figures`: the Section 6 figure
 * sweeps of notebook 01; `ppm-load`: its load study).
 *
 * - `sweep --paper ppm --shard 3/64 --out DIR [--mode quick|paper] [--seed N] [--jobs N]
 *   [--instances N]` runs the units with index ≡ 3 (mod 64) in `--jobs` Workers and writes
 *   `DIR/ppm-shard-3-of-64.json`; progress lines with an estimate of the time left go to stderr.
 * - `merge DIR [--paper ppm]` checks that every shard is present (naming the missing ones),
 *   writes `DIR/ppm-sweeps.json` (the merged sweeps) and, for a paper with claims,
 *   `DIR/ppm-ledger.json` (its claims evaluated on the merged sweeps).
 *
 * Mode and seed default to `TOOLKIT_MODE`/`TOOLKIT_SEED` as for the notebooks. Exit status 2 on a
 * usage error, 1 when a unit fails or shards are missing.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { runParams } from "./core/params.ts";
import { requireInteger, requireOneOf } from "./core/validate.ts";
import { ParameterError } from "./core/errors.ts";
import { parseShard, shardFileName } from "./sweep/shard.ts";
import { defaultJobs } from "./sweep/pool.ts";
import { throttledProgress } from "./sweep/progress_line.ts";
import { type MergedSweep, mergeShardDirectory, runShard } from "./sweep/run.ts";
import { SWEEP_PAPERS, sweepAdapter, type SweepPaper } from "./sweep/units.ts";
import type { ClaimResult } from "./core/claims.ts";

const SWEEP_USAGE =
  `usage: deno task sweep --paper KEY --shard I/N --out DIR [--mode quick|paper] [--seed N] [--jobs N] [--instances N]
  runs the sweep units with index ≡ I (mod N) and writes DIR/KEY-shard-I-of-N.json
  --paper      what is sharded: ${SWEEP_PAPERS.join(", ")} (ppm: what PPM's claims compute;
               ppm-figures: notebook 01's Fig. 4-7 sweeps; ppm-load: its load study)
  --shard      this shard, 0 ≤ I < N (default 0/1: everything); in a Slurm array job
               --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT
  --jobs       Worker threads inside the shard (default: cores, here ${defaultJobs()})
  --mode/--seed default to TOOLKIT_MODE/TOOLKIT_SEED (quick, 1)
  --instances  instances per sweep point instead of the mode's (trial runs)`;

const MERGE_USAGE = `usage: deno task merge DIR [--paper KEY]
  checks that every shard of KEY (default ppm) in DIR is present, then writes DIR/KEY-sweeps.json
  (the merged sweeps) and, for a paper with claims, DIR/KEY-ledger.json: its claims evaluated on
  the merged sweeps (the same JSON as deno task claims --recompute --paper KEY)`;

/** Parses and runs one command line; returns the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      paper: { type: "string" },
      shard: { type: "string" },
      out: { type: "string" },
      mode: { type: "string" },
      seed: { type: "string" },
      jobs: { type: "string" },
      instances: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (command !== "sweep" && command !== "merge") {
    console.error(`${SWEEP_USAGE}\n${MERGE_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(command === "sweep" ? SWEEP_USAGE : MERGE_USAGE);
    return 0;
  }
  const paper = requireOneOf("--paper", values.paper ?? "ppm", SWEEP_PAPERS);
  if (command === "merge") {
    const dir = positionals[0];
    if (!dir) throw new ParameterError("DIR", dir, "the directory of the shard files");
    const merged = await mergeShardDirectory(dir, paper);
    Deno.writeTextFileSync(
      `${dir}/${paper}-sweeps.json`,
      JSON.stringify({ ...merged.params, sweeps: merged.sweeps }, null, 1) + "\n",
    );
    console.error(`merged ${dir}: wrote ${paper}-sweeps.json`);
    const claims = await mergedLedger(paper, merged);
    if (claims) {
      Deno.writeTextFileSync(`${dir}/${paper}-ledger.json`, JSON.stringify(claims, null, 2) + "\n");
      console.error(`wrote ${paper}-ledger.json (${claims.length} claims from the merged sweeps)`);
    }
    return 0;
  }
  if (!values.out) throw new ParameterError("--out", values.out, "a directory for the shard file");
  const defaults = runParams();
  const params = {
    mode: requireOneOf("--mode", values.mode ?? defaults.mode, ["quick", "paper"] as const),
    seed: values.seed === undefined ? defaults.seed : requireInteger("--seed", Number(values.seed)),
  };
  const shard = parseShard(values.shard ?? "0/1");
  const jobs = values.jobs === undefined
    ? undefined
    : requireInteger("--jobs", Number(values.jobs), 1);
  const instances = values.instances === undefined
    ? undefined
    : requireInteger("--instances", Number(values.instances), 1);
  const file = await runShard({ paper, params, shard, jobs, instances, log: throttledProgress() });
  Deno.mkdirSync(values.out, { recursive: true });
  const path = `${values.out}/${shardFileName(paper, shard)}`;
  Deno.writeTextFileSync(path, JSON.stringify(file) + "\n");
  console.error(`wrote ${path} (${file.results.length} of ${file.units} units)`);
  return 0;
}

/**
 * The paper's claims ledger from merged sweeps: primes the paper's memos with them and evaluates
 * its claims in this process (they read the memos). `null` for a key without claims
 * (`ppm-figures`, `ppm-load`) and for trial shards run with `--instances` (the claims measure at the mode's
 * sizes, which those sweeps do not cover).
 */
async function mergedLedger(paper: SweepPaper, merged: MergedSweep): Promise<ClaimResult[] | null> {
  // Imported here, not at the top: the claims modules of every paper are a second of start-up
  // that a `sweep` shard, which only runs units, does not need.
  const { ledger, PAPERS } = await import("./claims_registry.ts");
  const key = PAPERS.find((candidate) => candidate === paper);
  if (!key) return null;
  if (merged.params.instances !== undefined) {
    console.error(`no ${paper}-ledger.json: the shards ran with --instances`);
    return null;
  }
  const params = { mode: merged.params.mode, seed: merged.params.seed };
  (await sweepAdapter(paper)).prime(params, merged.sweeps);
  return await ledger(params, [key]);
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    const usage = error instanceof ParameterError;
    console.error(`error: ${(error as Error).message}`);
    Deno.exit(usage ? 2 : 1);
  }
}
