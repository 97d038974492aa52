import assert from "node:assert/strict";
import { evaluateClaims } from "../../../lib/core/claims.ts";
import { claims } from "../../../lib/papers/stackelberg/claims.ts";

Deno.test("stackelberg claims: every derived verdict equals its expected verdict (quick mode)", async () => {
  const specs = claims({ mode: "quick", seed: 1 });
  const results = await evaluateClaims(specs);
  assert.ok(results.length >= 10);
  for (const [i, result] of results.entries()) {
    assert.notEqual(result.verdict, "unexplained", result.id);
    assert.equal(
      result.verdict,
      specs[i]!.expected,
      `${result.id}: measured ${result.reproducedValue}`,
    );
    assert.ok(result.id.startsWith("stackelberg."));
  }
});
