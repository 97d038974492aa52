import assert from "node:assert/strict";
import { evaluateClaims } from "../../../lib/core/claims.ts";
import { claims } from "../../../lib/papers/pdftsp/claims.ts";

Deno.test("every pdftsp claim evaluates to its expected verdict in quick mode", async () => {
  const results = await evaluateClaims(claims({ mode: "quick", seed: 1 }));
  assert.ok(results.length >= 10);
  for (const result of results) {
    assert.notEqual(result.verdict, "unexplained", `${result.id}: ${result.reproducedValue}`);
    assert.equal(result.verdict, result.expected, `${result.id}: ${result.reproducedValue}`);
    assert.ok(result.id.startsWith("pdftsp."));
  }
});
