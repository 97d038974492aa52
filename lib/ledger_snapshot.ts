/**
 * The committed ledger snapshot (`data/ledger.quick.json`): the quick-mode, seed-1 verdicts and
 * values of every claim, so that a verdict change is reviewed in a diff instead of being frozen by
 * a test. `deno task ledger` regenerates it (all papers, or `--paper <key>` for one); the claims
 * tests compare a fresh evaluation with it ({@link snapshotDrift}).
 *
 * Timing claims (`timing: true`) are recorded without their value: wall-clock numbers vary.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { snapshotDrift, snapshotEntry } from "./ledger_snapshot.ts";
 * const entry = snapshotEntry({
 *   id: "demo.a", paper: "demo", where: "Eq. 1", statement: "s", paperValue: 1,
 *   reproducedValue: 1, rule: "equal", evidence: "independent", verdict: "reproduced",
 *   explanation: null, reading: null, timing: false, source: null,
 * });
 * assert.deepEqual(snapshotDrift([entry], [entry]), []);
 * assert.equal(snapshotDrift([], [entry]).length, 1); // a claim removed from the ledger
 * ```
 *
 * @module
 */
import type { ClaimResult, ClaimValue, Evidence } from "./core/claims.ts";
import type { RunParams } from "./core/params.ts";
import { PAPERS } from "./claims_registry.ts";

/** Where the snapshot lives, relative to the repository root. */
export const SNAPSHOT_PATH = new URL("../data/ledger.quick.json", import.meta.url);

/** The run parameters the snapshot is taken with. */
export const SNAPSHOT_PARAMS: RunParams = { mode: "quick", seed: 1 };

/** Relative tolerance for measured numbers (floating-point noise across machines). */
export const SNAPSHOT_REL_TOLERANCE = 1e-6;

/** One claim as recorded in the snapshot. */
export interface SnapshotEntry {
  readonly id: string;
  readonly paper: string;
  readonly verdict: ClaimResult["verdict"];
  readonly evidence: Evidence | null;
  readonly paperValue: ClaimValue;
  /** `null` for claims not reproducible here and for timing claims. */
  readonly reproducedValue: ClaimValue | null;
  readonly timing: boolean;
}

/** The snapshot file's content. */
export interface LedgerSnapshot {
  readonly params: RunParams;
  readonly claims: readonly SnapshotEntry[];
}

/** The snapshot record of one evaluated claim. */
export function snapshotEntry(result: ClaimResult): SnapshotEntry {
  return {
    id: result.id,
    paper: result.paper,
    verdict: result.verdict,
    evidence: result.evidence,
    paperValue: result.paperValue,
    reproducedValue: result.timing ? null : result.reproducedValue,
    timing: result.timing,
  };
}

/** Reads the committed snapshot, or `null` when there is none. */
export function readSnapshot(path: URL = SNAPSHOT_PATH): LedgerSnapshot | null {
  try {
    return JSON.parse(Deno.readTextFileSync(path)) as LedgerSnapshot;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/**
 * Replaces the entries of the given papers in the snapshot by fresh results and writes it.
 *
 * @param results evaluated claims of `papers` (quick mode, seed 1)
 * @param papers the papers whose entries are replaced
 * @param path the snapshot file
 */
export function writeSnapshot(
  results: readonly ClaimResult[],
  papers: readonly string[],
  path: URL = SNAPSHOT_PATH,
): LedgerSnapshot {
  const kept = (readSnapshot(path)?.claims ?? []).filter((entry) => !papers.includes(entry.paper));
  const snapshot: LedgerSnapshot = {
    params: SNAPSHOT_PARAMS,
    claims: [...kept, ...results.map(snapshotEntry)].sort((a, b) =>
      paperRank(a.paper) - paperRank(b.paper)
    ),
  };
  Deno.writeTextFileSync(path, JSON.stringify(snapshot, null, 2) + "\n");
  return snapshot;
}

function paperRank(paper: string): number {
  const rank = (PAPERS as readonly string[]).indexOf(paper);
  return rank === -1 ? PAPERS.length : rank;
}

function sameValue(a: ClaimValue | null, b: ClaimValue | null): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= SNAPSHOT_REL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1e-12);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i] as number));
  }
  return a === b;
}

/**
 * Differences between fresh results and snapshot entries, one line each (empty when none):
 * claims added or removed, and changed verdicts, evidence classes, paper values or measurements.
 */
export function snapshotDrift(
  fresh: readonly SnapshotEntry[],
  recorded: readonly SnapshotEntry[],
): string[] {
  const before = new Map(recorded.map((entry) => [entry.id, entry]));
  const after = new Map(fresh.map((entry) => [entry.id, entry]));
  const drift: string[] = [];
  for (const id of before.keys()) if (!after.has(id)) drift.push(`${id}: removed`);
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) {
      drift.push(`${id}: new claim (${now.verdict})`);
      continue;
    }
    for (const field of ["verdict", "evidence", "timing"] as const) {
      if (now[field] !== then[field]) drift.push(`${id}: ${field} ${then[field]} -> ${now[field]}`);
    }
    for (const field of ["paperValue", "reproducedValue"] as const) {
      if (!sameValue(now[field], then[field])) {
        drift.push(
          `${id}: ${field} ${JSON.stringify(then[field])} -> ${JSON.stringify(now[field])}`,
        );
      }
    }
  }
  return drift;
}
