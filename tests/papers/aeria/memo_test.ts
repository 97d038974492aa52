import { assert, assertEquals, assertThrows } from "./_assert.ts";
import { ParameterError } from "../../../lib/core/errors.ts";
import {
  clearMemo,
  memoised,
  memoStats,
  optionsKey,
  primeMemo,
} from "../../../lib/papers/aeria/memo.ts";
import { computeSplit, type SplitExperiment } from "../../../lib/papers/aeria/split.ts";
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

Deno.test("primeMemo answers later calls under the same key, keeps a stored entry, counts nothing", () => {
  clearMemo();
  primeMemo("primed", { b: 2, a: 1 }, "from elsewhere");
  assertEquals(memoStats(), { hits: 0, misses: 0, entries: 1 });
  assertEquals(memoised("primed", { a: 1, b: 2 }, () => "computed"), "from elsewhere");
  primeMemo("primed", { a: 1, b: 2 }, "second");
  assertEquals(memoised("primed", { a: 1, b: 2 }, () => "computed"), "from elsewhere");
  assertEquals(memoStats(), { hits: 2, misses: 0, entries: 1 });
  assertThrows(() => primeMemo(3 as unknown as string, {}, 1), ParameterError);
  clearMemo();
});

Deno.test("a split experiment runs its units in order once, then is served from the memo", () => {
  clearMemo();
  const ran: number[] = [];
  const cubes: SplitExperiment<number, number[]> = {
    name: "cubes",
    key: { n: 4 },
    units: 4,
    run: (i) => (ran.push(i), i ** 3),
    assemble: (r) => [...r],
  };
  let ticks = 0;
  assertEquals(computeSplit(cubes, () => ticks++), [0, 1, 8, 27]);
  assertEquals(computeSplit(cubes, () => ticks++), [0, 1, 8, 27]);
  assertEquals(ran, [0, 1, 2, 3]);
  assertEquals(ticks, 4);
  assert(memoStats().hits === 1);
  clearMemo();
});
