import { assert, assertClose, assertEquals, assertThrows } from "./_assert.ts";
import {
  capacitySweepCrn,
  compareMarkets,
  compareRegimes,
  PAPER_REGIME_MARKET,
  sensitivityMarkets,
} from "../../../lib/papers/aeria/regime.ts";
import { SWEEP_CAPACITIES } from "../../../lib/papers/aeria/experiments.ts";
import { runMarket } from "../../../lib/papers/aeria/market.ts";
import { ALL_MECHANISMS, type Mechanism, MECHANISMS } from "../../../lib/papers/aeria/slot.ts";
import { ParameterError } from "../../../lib/core/errors.ts";

Deno.test("calibration target: in the paper regime revenue grows with f_e and capacity binds at 3,930", () => {
  const sweep = capacitySweepCrn({ runs: 3, slots: 12, seed: 1 }, SWEEP_CAPACITIES);
  const aeria = (regime: string) =>
    sweep.filter((p) => p.regime === regime && p.mechanism === "aeria");
  const paper = aeria("paper-regime");
  for (let k = 1; k < paper.length; k++) {
    assert(paper[k]!.revenue.mean > paper[k - 1]!.revenue.mean, `f_e = ${paper[k]!.edgeGflops}`);
  }
  assert(paper.find((p) => p.edgeGflops === 3930)!.offeredLoad >= 2);
  // The default regime: a fifth of the cluster is requested and revenue is flat above 1,000.
  const flat = aeria("default");
  assert(flat.find((p) => p.edgeGflops === 3930)!.offeredLoad < 0.5);
  assertEquals(
    flat.find((p) => p.edgeGflops === 3930)!.revenue,
    flat.find((p) => p.edgeGflops === 6000)!.revenue,
  );
});

Deno.test("compareRegimes: advantage is the mean per-run revenue ratio of paired runs", () => {
  assertEquals(
    compareRegimes({ runs: 2, slots: 3, seed: 4, regimes: ["paper-regime"] }).length,
    MECHANISMS.length - 1,
  );
  // With the σ-honouring Edgent reading as a fifth baseline.
  const rows = compareRegimes({
    runs: 2,
    slots: 3,
    seed: 4,
    regimes: ["paper-regime"],
    baselines: ALL_MECHANISMS.filter((m) => m !== "aeria"),
  });
  assertEquals(rows.map((r) => r.baseline).at(-1), "edgent-sigma");
  const runs = [4, 5].map((seed) =>
    runMarket({ ...PAPER_REGIME_MARKET, slots: 3 }, ALL_MECHANISMS, seed)
  );
  const revenue = (r: number, m: Mechanism) =>
    runs[r]!.slots.reduce((s, slot) => s + slot.results[m].revenue, 0) / 3;
  for (const row of rows) {
    const ratios = [0, 1].map((r) => revenue(r, "aeria") / revenue(r, row.baseline) - 1);
    assert(row.advantage !== null);
    assertClose(row.advantage.mean, (ratios[0]! + ratios[1]!) / 2, 1e-12);
    assert(row.advantage.halfWidth >= 0);
    assert(row.slotWinShare >= 0 && row.slotWinShare <= 1);
  }
});

Deno.test("a baseline that earns nothing in a run has no advantage ratio (null, never NaN)", () => {
  // Need-scaled budgets in the default market leave the fixed-profit rule short of its target.
  const rows = compareMarkets(
    { scaled: sensitivityMarkets()["default, need-scaled budgets"]! },
    { runs: 3, slots: 6, seed: 1 },
  );
  for (const row of rows) {
    if (row.advantage !== null) assert(Number.isFinite(row.advantage.mean));
    else assert(row.baselineRevenue >= 0);
  }
  assert(rows.some((row) => row.advantage === null));
});

Deno.test("regime functions need two runs for an interval (typed error)", () => {
  assertThrows(() => compareRegimes({ runs: 1, slots: 2, seed: 1 }), ParameterError);
  assertThrows(() => capacitySweepCrn({ runs: 2, slots: 0, seed: 1 }, [3930]), ParameterError);
});
