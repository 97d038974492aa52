/**
 * Helpers of the sharded-sweep tests: run `deno task sweep`/`merge` as a user would (a fresh
 * process per shard) and compare a merged ledger with the committed snapshot of the unsharded run.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { ClaimResult } from "../../lib/core/claims.ts";
import { readSnapshot, snapshotDrift, snapshotEntry } from "../../lib/ledger_snapshot.ts";

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
 * Asserts that the merged PPM ledger in `dir` equals the committed snapshot (the unsharded quick
 * run with seed 1): same claims, verdicts, evidence and values.
 */
export function assertMatchesUnsharded(dir: string): ClaimResult[] {
  const merged: ClaimResult[] = JSON.parse(Deno.readTextFileSync(`${dir}/ppm-ledger.json`));
  const recorded = readSnapshot()!.claims.filter((entry) => entry.paper === "ppm");
  assert.ok(recorded.length > 0, "the snapshot has the ppm claims");
  assert.deepEqual(snapshotDrift(merged.map(snapshotEntry), recorded), []);
  return merged;
}
