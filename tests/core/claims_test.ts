import assert from "node:assert/strict";
import fc from "fast-check";
import {
  atLeast,
  atMost,
  type ClaimValue,
  type ComparisonRule,
  describeSummary,
  equals,
  evaluateClaim,
  evaluateClaims,
  inRange,
  rangesOverlap,
  summarizeClaims,
  within,
} from "../../lib/core/claims.ts";
import { ParameterError } from "../../lib/core/errors.ts";

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
  assert.ok(!equals().agrees(1, true));
});

Deno.test("rule tolerances are validated", () => {
  for (const bad of [{}, { abs: null as unknown as number }, { abs: -1 }, { rel: NaN }]) {
    assert.throws(() => within(bad), ParameterError, JSON.stringify(bad));
  }
  assert.throws(() => inRange(-0.1), {
    message: "parameter slack = -0.1 is invalid: expected a finite number >= 0 or undefined",
  });
});

Deno.test("verdicts: agreement reproduces or calibrates, explained disagreement is a discrepancy", async () => {
  const agree = await evaluateClaim({
    ...base,
    id: "demo.a",
    paperValue: 2,
    rule: within({ abs: 1e-9 }),
    evidence: "independent",
    measure: () => 2,
  });
  assert.equal(agree.verdict, "reproduced");
  assert.equal(agree.evidence, "independent");
  const fitted = await evaluateClaim({
    ...base,
    id: "demo.fit",
    paperValue: 2,
    rule: within({ abs: 1e-9 }),
    evidence: "calibrated",
    measure: () => 2,
  });
  assert.equal(fitted.verdict, "calibrated");
  const explained = await evaluateClaim({
    ...base,
    id: "demo.b",
    paperValue: 2,
    rule: within({ abs: 1e-9 }),
    evidence: "arithmetic",
    explanation: "typo in the paper",
    reading: "literal reading",
    measure: () => 3,
  });
  assert.equal(explained.verdict, "discrepancy");
  assert.equal(explained.reproducedValue, 3);
  assert.equal(explained.reading, "literal reading");
  const unexplained = await evaluateClaim({
    ...base,
    id: "demo.c",
    paperValue: 2,
    rule: within({ abs: 1e-9 }),
    evidence: "independent",
    measure: async () => await Promise.resolve(3),
  });
  assert.equal(unexplained.verdict, "unexplained");
  const uncheckable = await evaluateClaim({
    ...base,
    id: "demo.d",
    paperValue: 0.6,
    status: "not-reproducible-here",
    explanation: "trace unavailable",
  });
  assert.equal(uncheckable.verdict, "not-reproducible-here");
  assert.equal(uncheckable.reproducedValue, null);
  assert.equal(uncheckable.evidence, null);
  const summary = summarizeClaims([agree, fitted, explained, unexplained, uncheckable]);
  assert.deepEqual(summary, {
    total: 5,
    reproduced: 1,
    reproducedIndependently: 1,
    calibrated: 1,
    discrepancy: 1,
    notReproducibleHere: 1,
    unexplained: 1,
  });
  assert.equal(
    describeSummary(summary),
    "5 claims: 1 reproduced (1 independently), 1 calibrated, 1 discrepancy (explained), 1 not reproducible here, 1 unexplained",
  );
});

Deno.test("a paper value or measurement of the wrong kind is a ParameterError naming the claim", async () => {
  const claim = (paperValue: ClaimValue, rule: ComparisonRule, measured: unknown) =>
    evaluateClaim({
      ...base,
      id: "demo.kind",
      paperValue,
      rule,
      evidence: "independent",
      explanation: "would make any disagreement a discrepancy",
      measure: () => measured as ClaimValue,
    });
  await assert.rejects(() => claim(true, atLeast(), 3), {
    name: "ParameterError",
    message: "parameter demo.kind.paperValue = true is invalid: expected a number value",
  });
  await assert.rejects(() => claim(true, equals(), 3), /demo\.kind\.measured/);
  await assert.rejects(() => claim([1, 2], inRange(), [1, 2]), /demo\.kind\.measured/);
  await assert.rejects(() => claim(1, within({ abs: 1 }), undefined), ParameterError);
});

Deno.test("non-finite measurements are rejected whatever the explanation says", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(NaN, Infinity, -Infinity),
      fc.boolean(),
      async (bad, asRange) => {
        const rule = asRange ? rangesOverlap() : within({ abs: 1 });
        const paperValue: ClaimValue = asRange ? [0, 1] : 1;
        const measured: ClaimValue = asRange ? [0, bad] : bad;
        await assert.rejects(
          () =>
            evaluateClaim({
              ...base,
              id: "demo.nan",
              paperValue,
              rule,
              evidence: "independent",
              explanation: "expected to disagree",
              measure: () => measured,
            }),
          { name: "ParameterError", message: /finite numbers/ },
        );
      },
    ),
  );
});

Deno.test("duplicate claim ids are rejected", async () => {
  const spec = {
    ...base,
    id: "demo.same",
    paperValue: 1,
    rule: equals(),
    evidence: "independent" as const,
    measure: () => 1,
  };
  await assert.rejects(() => evaluateClaims([spec, spec]), /duplicate claim id demo.same/);
});

Deno.test("a measurement that throws makes only its own claim unexplained, with the error", async () => {
  const [failed, next] = await evaluateClaims([
    {
      ...base,
      id: "demo.broken",
      paperValue: 1,
      rule: within({ abs: 1e-9 }),
      evidence: "independent",
      explanation: "an explanation does not excuse a failed measurement",
      measure: () => {
        throw new ParameterError("trace", "bad.csv", "a valid file");
      },
    },
    {
      ...base,
      id: "demo.fine",
      paperValue: 1,
      rule: within({ abs: 1e-9 }),
      evidence: "independent",
      measure: () => 1,
    },
  ]);
  assert.equal(failed!.verdict, "unexplained");
  assert.equal(failed!.reproducedValue, null);
  assert.match(failed!.error!, /^ParameterError: parameter trace = "bad\.csv"/);
  assert.match(failed!.explanation!, /the measurement failed: ParameterError/);
  assert.equal(next!.verdict, "reproduced");
  assert.equal(next!.error, undefined);
  assert.equal(summarizeClaims([failed!, next!]).unexplained, 1);
});
