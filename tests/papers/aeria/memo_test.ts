import { assert, assertEquals, assertThrows } from "./_assert.ts";
import { ParameterError } from "../../../lib/core/errors.ts";
import { clearMemo, memoised, memoStats, optionsKey } from "../../../lib/papers/aeria/memo.ts";
import { scaleSweep, traceDrivenRuns } from "../../../lib/papers/aeria/experiments.ts";
import { claims } from "../../../lib/papers/aeria/claims.ts";
import { capacitySweepCrn, compareRegimes } from "../../../lib/papers/aeria/regime.ts";

Deno.test("options keys ignore key order, functions and undefined fields", () => {
  assertEquals(
    optionsKey({ seed: 1, runs: 2, onRun: () => {}, exitModel: undefined }),
    optionsKey({ runs: 2, seed: 1 }),
  );
  assert(optionsKey({ runs: 2, seed: 1 }) !== optionsKey({ runs: 2, seed: 2 }));
  assert(optionsKey({ a: [1, 2] }) !== optionsKey({ a: [2, 1] }));
});

Deno.test("a second trace-driven call with the same options is served from the memo", () => {
  clearMemo();
  let ticks = 0;
  const first = traceDrivenRuns({ runs: 1, seed: 3, slots: 6, onRun: () => ticks++ });
  assertEquals(memoStats(), { hits: 0, misses: 1, entries: 1 });
  // Same options in another order, no callback (as the claims call it).
  const second = traceDrivenRuns({ slots: 6, seed: 3, runs: 1 });
  assert(first === second, "the same result object");
  assertEquals(memoStats().hits, 1);
  assertEquals(ticks, 1, "the memoised call does not re-run");
  const other = traceDrivenRuns({ runs: 1, seed: 3, slots: 6, exitModel: "flat" });
  assert(other !== first, "another exit model is another experiment");
  assertEquals(memoStats().misses, 2);
});

Deno.test("regime experiments are memoised and recompute identically after clearing", () => {
  clearMemo();
  const options = { runs: 2, slots: 3, seed: 5, regimes: ["paper-regime"] as const };
  const a = compareRegimes(options);
  assert(compareRegimes({ ...options }) === a);
  const sweep = capacitySweepCrn(options, [1000, 3930]);
  assert(capacitySweepCrn(options, [1000, 3930]) === sweep);
  clearMemo();
  assertEquals(compareRegimes(options), a, "deterministic: a fresh run gives equal rows");
});

Deno.test("a computation that throws is not stored", () => {
  clearMemo();
  assertThrows(() =>
    memoised("bad", { x: 1 }, () => {
      throw new ParameterError("x", 1, "never");
    }), ParameterError);
  assertEquals(memoised("bad", { x: 1 }, () => 7), 7);
  assertEquals(memoStats().entries, 1);
});

Deno.test("the ledger's claims reuse an experiment the notebook already ran", async () => {
  clearMemo();
  // The notebook's call in quick mode (it never names an exit model).
  const sweep = scaleSweep({ slots: 24, seed: 1 });
  assert(sweep.length > 0);
  const spec = claims({ mode: "quick", seed: 1 }).find((c) =>
    c.id === "aeria.revenue-grows-with-users"
  )!;
  assert("measure" in spec);
  await spec.measure();
  assertEquals(memoStats(), { hits: 1, misses: 1, entries: 1 });
});
