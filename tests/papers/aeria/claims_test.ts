import { assert, assertEquals } from "./_assert.ts";
import { evaluateClaims } from "../../../lib/core/claims.ts";
import { claims } from "../../../lib/papers/aeria/claims.ts";

Deno.test("every aeria claim evaluates to its expected verdict in quick mode", async () => {
  const results = await evaluateClaims(claims({ mode: "quick", seed: 1 }));
  assert(results.length >= 25);
  for (const r of results) {
    assert(r.verdict !== "unexplained", `${r.id} is unexplained: measured ${r.reproducedValue}`);
    assertEquals(r.verdict, r.expected, `${r.id}: measured ${JSON.stringify(r.reproducedValue)}`);
    assert(r.id.startsWith("aeria."));
  }
});
