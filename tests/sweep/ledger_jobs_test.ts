import assert from "node:assert/strict";
import { assertLedgerIsSnapshot } from "./sharded_run.ts";

/** The papers whose ledgers have pool units. */
const PAPERS = ["ppm", "aeria", "pdftsp"] as const;

const CLAIMS_CLI = new URL("../../lib/claims_cli.ts", import.meta.url).pathname;

// Issue 12, item 2: the ledger is the same bytes with 1 and 2 workers. `claims --recompute --jobs 2`
// runs the ledger units of every paper with an adapter (PPM, AERIA, pdFTSP) in a pool of 2
// Workers and primes the memos; the committed snapshot (data/ledger.quick.json) is the same
// ledger evaluated in one process without units (`--jobs 1`).
Deno.test("claims --jobs 2 gives the in-process ledger bit for bit", async () => {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      CLAIMS_CLI,
      "--recompute",
      ...PAPERS.flatMap((paper) => ["--paper", paper]),
      "--jobs",
      "2",
    ],
    env: { TOOLKIT_MODE: "quick", TOOLKIT_SEED: "1" },
  }).output();
  const log = new TextDecoder().decode(stderr);
  assert.equal(code, 0, log);
  for (const paper of PAPERS) {
    assert.match(log, new RegExp(`${paper} \\(quick, seed 1\\): (\\d+)/\\1 units \\(100%\\)`));
  }
  const claims = JSON.parse(new TextDecoder().decode(stdout));
  for (const paper of PAPERS) {
    assertLedgerIsSnapshot(claims.filter((c: { paper: string }) => c.paper === paper), paper);
  }
});

Deno.test("claims rejects a bad --jobs", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLAIMS_CLI, "--jobs", "0", "--paper", "ppm"],
  }).output();
  assert.notEqual(code, 0);
  assert.match(new TextDecoder().decode(stderr), /--jobs = 0 is invalid/);
});
