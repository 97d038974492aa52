/**
 * Progress lines and the pool behind `task report --jobs N`: estimates from previous run times
 * (checked against a hand computation on a fake clock), and a pool that runs every item once with
 * never more than `jobs` at a time (property test).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  expectedTime,
  longestFirst,
  ReportProgress,
  runConcurrently,
} from "../../lib/notebook/report_progress.ts";
import { describeProgress } from "../../lib/notebook/report.ts";
import { ParameterError } from "../../lib/core/errors.ts";

Deno.test("time left: previous times minus time spent, over the jobs", () => {
  let now = 100;
  const progress = new ReportProgress({ jobs: 2, now: () => now });
  progress.plan("a", 60);
  progress.plan("b", 20);
  progress.plan("c", 40);
  assert.equal(progress.remainingSeconds(), (60 + 20 + 40) / 2);
  assert.match(progress.start("a"), /^a started \(previous run 60\.0 s\) · 0\/3 done$/);
  progress.start("b");
  now = 110;
  assert.equal(progress.remainingSeconds(), (50 + 10 + 40) / 2);
  assert.equal(
    progress.running("a", "code cell 2/5"),
    "a running 10 s, about 50 s left · code cell 2/5",
  );
  now = 125; // b ran 25 s, past its previous 20 s
  assert.equal(progress.running("b"), "b running 25 s, past the 20 s expected");
  assert.equal(
    progress.finish("b", "ok in 25.0 s"),
    "b ok in 25.0 s · 1/3 done · 25 s elapsed, about 38 s left",
  );
  // (a: 60 - 25 = 35 s) + (c: 40 s) over 2 jobs
  now = 160;
  progress.finish("a", "ok");
  progress.start("c");
  now = 170;
  assert.equal(progress.remainingSeconds(), 30, "one notebook left: one job counts");
  assert.equal(progress.finish("c", "ok"), "c ok · 3/3 done · 70 s elapsed");
});

Deno.test("time left is unknown while a notebook has no previous run", () => {
  const progress = new ReportProgress({ jobs: 1, now: () => 0 });
  progress.plan("new", null);
  progress.plan("old", 5);
  progress.plan("measured", 7, "measured here");
  assert.equal(progress.remainingSeconds(), null);
  assert.match(progress.start("measured"), /^measured started \(measured here 7\.0 s\)/);
  assert.match(progress.finish("measured", "ok"), /time left unknown/);
  assert.match(progress.start("new"), /no previous run/);
  assert.match(progress.finish("new", "ok"), /about 5 s left$/);
  assert.throws(() => progress.start("unplanned"), /not planned/);
  assert.throws(() => new ReportProgress({ jobs: 0 }), ParameterError);
});

Deno.test("describeProgress names the code cell and the running sweep", () => {
  assert.equal(
    describeProgress({
      cell: 7,
      id: "x",
      codeCell: 3,
      codeCells: 12,
      progress: "sweep: 2/4 (50%) 1.0 s",
    }),
    "code cell 3/12 · sweep: 2/4 (50%) 1.0 s",
  );
  assert.equal(describeProgress({ cell: 7, id: null }), "cell 7");
});

Deno.test("runConcurrently runs each item once, at most `jobs` at a time", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }),
      fc.integer({ min: 1, max: 4 }),
      async (delays, jobs) => {
        let running = 0;
        let peak = 0;
        const seen: number[] = [];
        await runConcurrently(
          delays.map((delay, index) => ({ delay, index })),
          jobs,
          async (item) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((resolve) => setTimeout(resolve, item.delay));
            seen.push(item.index);
            running--;
          },
        );
        assert.deepEqual([...seen].sort((a, b) => a - b), delays.map((_, index) => index));
        assert.ok(peak <= jobs, `peak ${peak} > jobs ${jobs}`);
        if (delays.length >= jobs) assert.equal(peak, jobs, "the pool fills up");
      },
    ),
    { seed: 12, numRuns: 40 },
  );
});

Deno.test("runConcurrently rethrows a failure after the other items ran", async () => {
  const done: number[] = [];
  await assert.rejects(
    runConcurrently([1, 2, 3, 4], 2, async (n) => {
      if (n === 1) throw new Error("boom");
      await Promise.resolve();
      done.push(n);
    }),
    /boom/,
  );
  assert.deepEqual(done.sort(), [2, 3, 4]);
});

Deno.test("expected time: the previous run's, else the time measured here, else unknown", () => {
  assert.deepEqual(expectedTime(12, 1900), { seconds: 12, basis: "previous run" });
  assert.deepEqual(expectedTime(null, 1900), { seconds: 1900, basis: "measured here" });
  assert.equal(expectedTime(null, null).seconds, null);
});

Deno.test("longest first: a permutation, runs before cached ones, unknown first, then by time", () => {
  const plan = fc.record({
    cached: fc.boolean(),
    expected: fc.record({ seconds: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true })) }),
  });
  fc.assert(
    fc.property(fc.array(plan, { maxLength: 12 }), (plans) => {
      const order = longestFirst(plans);
      assert.equal(order.length, plans.length);
      assert.ok(plans.every((p) => order.includes(p)));
      const rank = (p: (typeof plans)[number]) =>
        p.cached ? -1 : p.expected.seconds ?? Number.POSITIVE_INFINITY;
      for (let i = 1; i < order.length; i++) assert.ok(rank(order[i - 1]!) >= rank(order[i]!));
    }),
    { seed: 12 },
  );
});
