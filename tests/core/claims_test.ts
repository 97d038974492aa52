import assert from "node:assert/strict";
import {
  atLeast,
  atMost,
  equals,
  evaluateClaim,
  evaluateClaims,
  inRange,
  rangesOverlap,
  summarizeClaims,
  within,
} from "../../lib/core/claims.ts";

const base = { paper: "demo", where: "Eq. 1", statement: "a number" } as const;

Deno.test("comparison rules accept and reject the right values", () => {
  assert.ok(within({ abs: 0.1 }).agrees(1.05, 1));
  assert.ok(!within({ abs: 0.01 }).agrees(1.05, 1));
  assert.ok(within({ rel: 0.1 }).agrees(105, 100));
  assert.ok(!within({ rel: 0.01 }).agrees(105, 100));
  assert.ok(inRange().agrees(1.2, [1, 1.5]));
  assert.ok(!inRange().agrees(1.6, [1, 1.5]));
  assert.ok(inRange(0.2).agrees(1.6, [1, 1.5]));
  assert.ok(rangesOverlap().agrees([1.4, 2], [1, 1.5]));
  assert.ok(!rangesOverlap().agrees([1.6, 2], [1, 1.5]));
  assert.ok(atLeast().agrees(0.2, 0.15) && !atLeast().agrees(0.1, 0.15));
  assert.ok(atMost().agrees(2.5, 3) && !atMost().agrees(3.5, 3));
  assert.ok(equals().agrees(true, true) && !equals().agrees(false, true));
  assert.ok(!within({ abs: 1 }).agrees("1", 1));
});

Deno.test("verdicts: agreement reproduces, explained disagreement is a discrepancy", async () => {
  const agree = await evaluateClaim({
    ...base,
    id: "demo.a",
    paperValue: 2,
    rule: within({ abs: 1e-9 }),
    expected: "reproduced",
    measure: () => 2,
  });
  assert.equal(agree.verdict, "reproduced");
  const explained = await evaluateClaim({
    ...base,
    id: "demo.b",
    paperValue: 2,
    rule: within({ abs: 1e-9 }),
    expected: "discrepancy",
    explanation: "typo in the paper",
    measure: () => 3,
  });
  assert.equal(explained.verdict, "discrepancy");
  assert.equal(explained.reproducedValue, 3);
  const unexplained = await evaluateClaim({
    ...base,
    id: "demo.c",
    paperValue: 2,
    rule: within({ abs: 1e-9 }),
    expected: "reproduced",
    measure: async () => await Promise.resolve(3),
  });
  assert.equal(unexplained.verdict, "unexplained");
  const uncheckable = await evaluateClaim({
    ...base,
    id: "demo.d",
    paperValue: 0.6,
    expected: "not-reproducible-here",
    explanation: "trace unavailable",
  });
  assert.equal(uncheckable.verdict, "not-reproducible-here");
  assert.equal(uncheckable.reproducedValue, null);
  assert.deepEqual(summarizeClaims([agree, explained, unexplained, uncheckable]), {
    total: 4,
    reproduced: 1,
    discrepancy: 1,
    notReproducibleHere: 1,
    unexplained: 1,
  });
});

Deno.test("duplicate claim ids are rejected", async () => {
  const spec = {
    ...base,
    id: "demo.same",
    paperValue: 1,
    rule: equals(),
    expected: "reproduced" as const,
    measure: () => 1,
  };
  await assert.rejects(() => evaluateClaims([spec, spec]), /duplicate claim id demo.same/);
});
