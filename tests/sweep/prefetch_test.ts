/**
 * `prefetchSweeps` runs a paper's units in the Worker pool and primes the memos the notebook reads:
 * here the figure sweeps, checked against the library's in-process computation of the same plan,
 * with progress reported from 0 to every unit; `prefetchInPaperMode` does nothing in quick mode.
 */
import assert from "node:assert/strict";
import { ParameterError } from "../../lib/core/errors.ts";
import { prefetchInPaperMode, prefetchSweeps } from "../../lib/sweep/prefetch.ts";
import { figureSweep } from "../../lib/papers/ppm/figure_sweeps.ts";
import {
  deltaSweepSizes,
  FIG7_DELTAS,
  fig7Mechanisms,
  figure7Panels,
  runDeltaSweep,
} from "../../lib/papers/ppm/section6_sweeps.ts";

Deno.test("prefetched figure sweeps fill figureSweep's memo with the in-process rows", async () => {
  const params = { mode: "quick", seed: 6 } as const;
  const calls: [number, number][] = [];
  await prefetchSweeps("ppm-figures", params, {
    jobs: 2,
    instances: 1,
    log: (_line, done, total) => calls.push([done, total]),
  });
  const primed = await figureSweep("fig7", params, 1);
  assert.equal(primed.timing, null, "read from the memo, not computed");
  const direct = await runDeltaSweep(
    "reference",
    figure7Panels({ ...deltaSweepSizes("quick"), instances: 1 }, params.seed),
    FIG7_DELTAS,
    fig7Mechanisms,
    1,
  );
  assert.equal(JSON.stringify(primed.rows), JSON.stringify(direct.rows));
  const total = calls[0]![1];
  assert.deepEqual(calls[0], [0, total]);
  assert.deepEqual(calls.at(-1), [total, total]);
  assert.ok(calls.every(([done], i) => i === 0 || done >= calls[i - 1]![0]), "progress only grows");
});

Deno.test("prefetchInPaperMode computes nothing in quick mode; an unknown paper is a ParameterError", async () => {
  assert.equal(await prefetchInPaperMode("ppm", { mode: "quick", seed: 1 }), null);
  await assert.rejects(() => prefetchSweeps("nope", { mode: "quick", seed: 1 }), ParameterError);
});
