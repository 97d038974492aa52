/**
 * Shared checks of a paper's ledger for the per-paper claims tests: every claim evaluates, is
 * typed (the evaluation throws otherwise), carries an evidence class and explains any
 * disagreement; and the fresh results match the committed snapshot `data/ledger.quick.json`
 * (regenerate it with `deno task ledger --paper <key>` and review the diff when a verdict changes).
 */
import assert from "node:assert/strict";
import { type ClaimResult, EVIDENCE_CLASSES } from "../lib/core/claims.ts";
import { ledger, type PaperKey } from "../lib/claims_registry.ts";
import { TRACE_NAMES, tracesAvailable } from "../lib/traces/paths.ts";
import {
  readSnapshot,
  SNAPSHOT_PARAMS,
  snapshotDrift,
  snapshotEntry,
} from "../lib/ledger_snapshot.ts";

/** Asserts the invariants every evaluated claim must satisfy. */
export function assertWellFormed(results: readonly ClaimResult[], paper: string): void {
  for (const r of results) {
    assert.ok(r.id.startsWith(`${paper}.`), r.id);
    assert.notEqual(
      r.verdict,
      "unexplained",
      `${r.id}: measured ${JSON.stringify(r.reproducedValue)}`,
    );
    if (r.verdict === "not-reproducible-here") {
      assert.equal(r.reproducedValue, null, r.id);
      assert.ok(r.explanation, `${r.id} says why it cannot be checked`);
    } else {
      assert.ok(
        r.evidence && EVIDENCE_CLASSES.includes(r.evidence),
        `${r.id} has an evidence class`,
      );
      assert.notEqual(r.reproducedValue, null, r.id);
    }
    if (r.verdict === "discrepancy") assert.ok(r.explanation, `${r.id} explains itself`);
    if (r.verdict === "calibrated") assert.equal(r.evidence, "calibrated", r.id);
  }
}

/**
 * Evaluates one paper's claims in snapshot mode, checks them and compares them with the snapshot
 * (when every raw trace is present, as when the snapshot was taken).
 *
 * @returns the results, for further value checks
 */
export async function checkPaperLedger(paper: PaperKey): Promise<ClaimResult[]> {
  const results = await ledger(SNAPSHOT_PARAMS, [paper]);
  assert.ok(results.length > 0, `${paper} has claims`);
  assertWellFormed(results, paper);
  const snapshot = readSnapshot();
  assert.ok(snapshot, "data/ledger.quick.json exists (deno task ledger)");
  if (TRACE_NAMES.every((name) => tracesAvailable(name))) {
    const recorded = snapshot.claims.filter((entry) => entry.paper === paper);
    const drift = snapshotDrift(results.map(snapshotEntry), recorded);
    assert.deepEqual(
      drift,
      [],
      `ledger drift against data/ledger.quick.json (review, then deno task ledger --paper ${paper}):\n${
        drift.join("\n")
      }`,
    );
  }
  return results;
}
