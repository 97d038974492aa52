import assert from "node:assert/strict";
import type { ClaimResult } from "../../lib/core/claims.ts";
import { PAPERS } from "../../lib/claims_registry.ts";
import { assertWellFormed } from "../ledger_checks.ts";

const CLI = new URL("../../lib/claims_cli.ts", import.meta.url).pathname;

for (const traces of ["present", "absent"] as const) {
  Deno.test(`deno task claims prints the whole ledger as JSON (raw traces ${traces})`, async () => {
    // An existing but empty trace directory: every trace is missing (a directory that does not
    // exist at all is an error, not a fallback).
    const empty = traces === "absent" ? await Deno.makeTempDir() : null;
    try {
      await checkLedger(empty ? { TRACE_DIR: empty } : {});
    } finally {
      if (empty) await Deno.remove(empty);
    }
  });
}

/** Runs the CLI and checks the ledger's shape and invariants. */
async function checkLedger(env: Record<string, string>): Promise<void> {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "--mode", "quick", "--seed", "1"],
    env: { NO_COLOR: "1", ...env },
  }).output();
  const stderr = new TextDecoder().decode(run.stderr);
  assert.ok(run.success, stderr);
  const ledger = JSON.parse(new TextDecoder().decode(run.stdout)) as ClaimResult[];
  assert.ok(Array.isArray(ledger));
  assert.equal(new Set(ledger.map((claim) => claim.id)).size, ledger.length, "ids are unique");
  for (const paper of PAPERS) {
    assert.ok(ledger.some((claim) => claim.paper === paper), `${paper} has claims`);
  }
  for (const paper of PAPERS) {
    assertWellFormed(ledger.filter((claim) => claim.paper === paper), paper);
  }
}

Deno.test("deno task claims rejects an unknown mode with a clear message", async () => {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "--mode", "fast"],
    env: { NO_COLOR: "1" },
  }).output();
  assert.equal(run.success, false);
  assert.match(
    new TextDecoder().decode(run.stderr),
    /parameter --mode = "fast" is invalid: expected one of quick, paper/,
  );
});

Deno.test("deno task claims --help prints usage", async () => {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "--help"],
    env: { NO_COLOR: "1" },
  }).output();
  assert.ok(run.success);
  assert.match(new TextDecoder().decode(run.stdout), /usage: deno task claims/);
});
