import assert from "node:assert/strict";
import { evaluateClaims } from "../../../lib/core/claims.ts";
import { claims } from "../../../lib/papers/ppm/claims.ts";

Deno.test("ppm claims: every verdict matches its expectation and none is unexplained", async () => {
  const results = await evaluateClaims(claims({ mode: "quick", seed: 1 }));
  for (const r of results) {
    assert.notEqual(r.verdict, "unexplained", `${r.id}: ${JSON.stringify(r.reproducedValue)}`);
    assert.equal(r.verdict, r.expected, `${r.id}: measured ${JSON.stringify(r.reproducedValue)}`);
  }
});
