/**
 * Helpers of the sharded-sweep tests: run `deno task sweep`/`merge` as a user would (a fresh
 * process per shard) and compare the merged sweeps with the library's own unsharded sweeps.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { RunParams } from "../../lib/core/params.ts";
import type { ClaimResult } from "../../lib/core/claims.ts";
import { readSnapshot, snapshotEntry } from "../../lib/ledger_snapshot.ts";
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

/** The sweep CLI. */
export const SWEEP_CLI = new URL("../../lib/sweep_cli.ts", import.meta.url).pathname;

/** Runs the sweep CLI with `args`; returns its exit code and stderr. */
export async function sweepCli(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", SWEEP_CLI, ...args],
    stdout: "null",
    stderr: "piped",
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr) };
}

/**
 * The rows of notebook 01's Section 6 figure sweeps, computed in this process by the library's
 * sweep functions (`caseSweep`, `runDeltaSweep`), not through the sweep units.
 */
export async function unshardedPpmSweeps(
  params: RunParams,
  instances?: number,
): Promise<Record<"ue" | "ee" | "fig6" | "fig7", unknown>> {
  const sizes = sweepSizes(params.mode);
  const caseSizes = { ...sizes, instances: instances ?? sizes.instances };
  const delta = deltaSweepSizes(params.mode);
  const deltaSizes = { ...delta, instances: instances ?? delta.instances };
  const multiples = pbarMultiples(params.mode);
  const ue = await caseSweep("UE", multiples, caseSizes, params.seed);
  const ee = await caseSweep("EE", multiples, caseSizes, params.seed);
  const fig6 = await runDeltaSweep(
    "Fig. 6",
    figure6Panels(deltaSizes, params.seed),
    FIG6_DELTAS,
    fig6Mechanisms,
    deltaSizes.instances,
  );
  const fig7 = await runDeltaSweep(
    "Fig. 7",
    figure7Panels(deltaSizes, params.seed),
    FIG7_DELTAS,
    fig7Mechanisms,
    deltaSizes.instances,
  );
  return { ue: ue.rows, ee: ee.rows, fig6: fig6.rows, fig7: fig7.rows };
}

/**
 * Asserts that `dir/ppm-figures-sweeps.json` (written by `merge`) holds, bit for bit after a JSON round
 * trip, the rows of the unsharded sweeps at the same mode, seed and instances.
 */
export async function assertMatchesUnsharded(
  dir: string,
  params: RunParams,
  instances?: number,
): Promise<void> {
  const merged = JSON.parse(Deno.readTextFileSync(`${dir}/ppm-figures-sweeps.json`));
  assert.equal(merged.mode, params.mode);
  assert.equal(merged.seed, params.seed);
  const expected = await unshardedPpmSweeps(params, instances);
  for (const [name, rows] of Object.entries(expected)) {
    assert.deepEqual(merged.sweeps[name].rows, JSON.parse(JSON.stringify(rows)), name);
  }
}

/**
 * Asserts that a ledger (the claims JSON of `claims` or of `merge`'s `<paper>-ledger.json`) is,
 * claim for claim and bit for bit, the committed snapshot's entries of `paper`
 * (data/ledger.quick.json, evaluated in one process without the pool). Timing claims are
 * compared without their value, as the snapshot records them.
 */
export function assertLedgerIsSnapshot(claims: readonly ClaimResult[], paper: string): void {
  const expected = readSnapshot()!.claims.filter((entry) => entry.paper === paper);
  assert.ok(expected.length > 0, `the snapshot has ${paper} claims`);
  assert.equal(
    JSON.stringify(claims.map(snapshotEntry), null, 1),
    JSON.stringify(expected, null, 1),
  );
}
