import assert from "node:assert/strict";
import { assertLedgerIsSnapshot } from "./sharded_run.ts";

const CLAIMS_CLI = new URL("../../lib/claims_cli.ts", import.meta.url).pathname;

// Issue 12, item 2: the ledger is the same bytes with 1 and 2 workers. `claims --recompute --jobs 2`
// runs PPM's ledger units in a pool of 2 Workers and primes the memos; the committed snapshot
// (data/ledger.quick.json) is the same ledger evaluated in one process without units (`--jobs 1`).
Deno.test("claims --jobs 2 gives the in-process ledger bit for bit", async () => {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLAIMS_CLI, "--recompute", "--paper", "ppm", "--jobs", "2"],
    env: { TOOLKIT_MODE: "quick", TOOLKIT_SEED: "1" },
  }).output();
  const log = new TextDecoder().decode(stderr);
  assert.equal(code, 0, log);
  assert.match(log, /ppm \(quick, seed 1\): 72\/72 units \(100%\) · \d+ s elapsed · done/);
  assertLedgerIsSnapshot(JSON.parse(new TextDecoder().decode(stdout)), "ppm");
});

Deno.test("claims rejects a bad --jobs", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLAIMS_CLI, "--jobs", "0", "--paper", "ppm"],
  }).output();
  assert.notEqual(code, 0);
  assert.match(new TextDecoder().decode(stderr), /--jobs = 0 is invalid/);
});
