import assert from "node:assert/strict";
import { checkPaperLedger } from "../../ledger_checks.ts";
import { evaluateClaims } from "../../../lib/core/claims.ts";
import { SNAPSHOT_PARAMS } from "../../../lib/ledger_snapshot.ts";
import { claims } from "../../../lib/papers/ppm/claims.ts";
import { offlineSolves } from "../../../lib/papers/ppm/offline_cache.ts";
import { anchorRegime } from "../../../lib/papers/ppm/anchor_regime.ts";
import { SECTION6 } from "../../../lib/papers/ppm/experiments.ts";

Deno.test("ppm claims: every claim evaluates, is typed, classed by evidence, explained where it disagrees, and matches the ledger snapshot; no LP, and nothing recomputed on a second evaluation", async () => {
  const before = offlineSolves();
  await checkPaperLedger("ppm");
  const middle = offlineSolves();
  assert.equal(middle.lpSolved, before.lpSolved, "the ledger solves no HiGHS LP");
  assert.ok(middle.solved > before.solved, "the certified ER claims bracket W_opt");
  const again = await evaluateClaims(claims(SNAPSHOT_PARAMS));
  assert.ok(again.length > 0);
  const after = offlineSolves();
  assert.equal(after.solved, middle.solved, "a second evaluation computes no new bracket");
  assert.equal(after.lpSolved, middle.lpSolved);
  // The notebook asks for the same configuration and gets the claims' result object.
  const options = {
    jobs: SECTION6.jobs,
    slots: SECTION6.slots,
    instances: 2,
    seed: SNAPSHOT_PARAMS.seed,
  };
  assert.equal(
    anchorRegime({ ...options, draw: "random" }),
    anchorRegime({ ...options, draw: "random" }),
  );
  assert.equal(offlineSolves().solved, middle.solved);
});
