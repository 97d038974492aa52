import assert from "node:assert/strict";
import type { ClaimResult } from "../../lib/core/claims.ts";
import { PAPERS } from "../../lib/claims_registry.ts";

const CLI = new URL("../../lib/claims_cli.ts", import.meta.url).pathname;

for (const traces of ["present", "absent"] as const) {
  Deno.test(`deno task claims prints the whole ledger as JSON (raw traces ${traces})`, async () => {
    await checkLedger(traces === "absent" ? { TRACE_DIR: "/nonexistent-trace-dir" } : {});
  });
}

/** Runs the CLI and checks the ledger's shape and that every verdict is the expected one. */
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
  for (const claim of ledger) {
    assert.ok(claim.id.startsWith(`${claim.paper}.`), claim.id);
    assert.notEqual(claim.verdict, "unexplained", claim.id);
    assert.equal(claim.verdict, claim.expected, claim.id);
    if (claim.verdict !== "reproduced") assert.ok(claim.explanation, `${claim.id} explains itself`);
    if (claim.verdict === "not-reproducible-here") assert.equal(claim.reproducedValue, null);
    else assert.notEqual(claim.reproducedValue, null, claim.id);
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
