import fc from "fast-check";
import { assert, assertClose, assertEquals } from "./_assert.ts";
import { createRng } from "../../../lib/core/rng.ts";
import { roso } from "../../../lib/papers/aeria/auction.ts";
import {
  cocoAuction,
  consensusParameters,
  fixedTargetAuction,
} from "../../../lib/papers/aeria/coco.ts";
import {
  type AuctionMarket,
  bidderOutcome,
  bidIndependentAuction,
  icComparison,
  type IcVariant,
  meanInterval95,
  misreportAudit,
  thresholdOffer,
} from "../../../lib/papers/aeria/ic_variants.ts";
import { incentiveAudit, randomAuctionInstance } from "../../../lib/papers/aeria/properties.ts";

const streamFor = (seed: number) => () => {
  const s = createRng(seed).stream("epsilon");
  return () => s.uniform();
};

/** Budget multipliers 0.05…10 plus the budgets that put bidder i exactly on another's density. */
function misreportGrid(budgets: Float64Array, demands: Float64Array, i: number): number[] {
  const grid = Array.from({ length: 60 }, (_, k) => budgets[i]! * 0.05 * 200 ** (k / 59));
  for (let j = 0; j < budgets.length; j++) {
    if (j !== i) grid.push((budgets[j]! / demands[j]!) * demands[i]!);
  }
  return grid;
}

function gains(variant: IcVariant, budgets: Float64Array, market: AuctionMarket, seed: number) {
  let worst = 0;
  for (let i = 0; i < budgets.length; i++) {
    const utility = (reported: Float64Array) => {
      const o = bidderOutcome(variant, reported, market, i, streamFor(seed));
      return o.won ? budgets[i]! - o.payment : 0;
    };
    const truthful = utility(budgets);
    for (const lie of misreportGrid(budgets, market.demands, i)) {
      const reported = Float64Array.from(budgets);
      reported[i] = lie;
      worst = Math.max(worst, utility(reported) - truthful);
    }
  }
  return worst;
}

Deno.test("bid-independent variant: no misreport on a fine grid ever gains (seeded small instances)", () => {
  const rng = createRng(11).stream("ic-grid");
  for (let k = 0; k < 40; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng, 6);
    const market = { demands, edgeGflops: capacity, rentalPrice: 1e-9, gamma: 0 };
    assert(gains("bid-independent", budgets, market, k) <= 1e-9, `instance ${k}`);
  }
});

Deno.test("the same grid finds gaining misreports for AERIA as implemented (the audit can fail)", () => {
  const rng = createRng(11).stream("ic-grid");
  let gaining = 0;
  for (let k = 0; k < 40; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng, 6);
    const market = { demands, edgeGflops: capacity, rentalPrice: 1e-9, gamma: 0 };
    if (gains("paper", budgets, market, k) > 1e-9) gaining++;
  }
  assert(gaining > 0);
});

Deno.test("target from the others + Moulin-Shenker is truthful when capacity never binds", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0.5, max: 10, noNaN: true }), { minLength: 3, maxLength: 6 }),
      fc.integer({ min: 0, max: 1000 }),
      (raw, seed) => {
        const budgets = Float64Array.from(raw);
        const demands = Float64Array.from(raw, (_, k) => 0.5 + ((k * 7) % 5) / 2);
        const market = { demands, edgeGflops: 1e6, rentalPrice: 1e-9, gamma: 0 };
        return gains("others-target", budgets, market, seed) <= 1e-9;
      },
    ),
    { numRuns: 60, seed: 5 },
  );
});

Deno.test("thresholdOffer agrees with a brute-force scan of the fixed-target auction", () => {
  const rng = createRng(3).stream("offer");
  let checked = 0;
  for (let k = 0; k < 60; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng, 8);
    const market = { demands, edgeGflops: capacity, rentalPrice: 1e-9, gamma: 0 };
    const target = rng.uniformIn(2, 20);
    const i = rng.int(0, budgets.length - 1);
    const offer = thresholdOffer(budgets, market, i, target);
    const wins = (density: number) => {
      const b = Float64Array.from(budgets);
      b[i] = density * demands[i]!;
      const r = fixedTargetAuction(b, demands, capacity, 1e-9, 0, target);
      return r.price !== null && r.winners.includes(i);
    };
    if (!Number.isFinite(offer)) {
      assert(!wins(1e6), "no offer but wins at a huge density");
      continue;
    }
    for (let q = 0; q < 40; q++) assert(wins(offer * (1 + 1e-9) * 1.2 ** q), `above offer ${k}`);
    assert(!wins(offer * (1 - 1e-7)), `just below the offer ${k}`);
    checked++;
  }
  assert(checked > 20);
});

Deno.test("thresholdOffer: three unit demands, target 8, others 6 and 3 → everyone shares at 8/3", () => {
  const market = { demands: Float64Array.of(1, 1, 1), edgeGflops: 10, rentalPrice: 0, gamma: 0 };
  assertClose(thresholdOffer(Float64Array.of(0, 6, 3), market, 0, 8), 8 / 3, 1e-12);
  // Target 12: bidder 2 (density 3) cannot pay 12/3 = 4, so bidder 0 pays 12/2 = 6 with bidder 1.
  assertClose(thresholdOffer(Float64Array.of(0, 6, 3), market, 0, 12), 6, 1e-12);
});

Deno.test("misreportAudit('paper') reproduces incentiveAudit exactly (same instances and ε streams)", () => {
  const reference = incentiveAudit(15, 4);
  const paper = misreportAudit("paper", 15, 4);
  assertEquals([paper.trials, paper.violations], [reference.trials, reference.violations]);
  assertClose(paper.worstGain, reference.worstGain, 1e-12);
});

Deno.test("cocoAuction with its own δ and y passed as frozen gives the same outcome", () => {
  const rng = createRng(8).stream("frozen");
  for (let k = 0; k < 30; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng);
    const parameters = consensusParameters(roso(budgets, demands, capacity, 1e-9 / capacity));
    if (parameters === null) continue;
    const a = cocoAuction(budgets, demands, capacity, 1e-9, 0, streamFor(k)());
    const b = cocoAuction(budgets, demands, capacity, 1e-9, 0, streamFor(k)(), parameters);
    assertEquals([Array.from(b.winners), b.price], [Array.from(a.winners), a.price]);
  }
});

Deno.test("bidIndependentAuction: winners are exactly those whose density reaches their offer", () => {
  const rng = createRng(9).stream("bi");
  for (let k = 0; k < 20; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng);
    const market = { demands, edgeGflops: capacity, rentalPrice: 1e-9, gamma: 0 };
    const r = bidIndependentAuction(budgets, market, streamFor(k));
    let revenue = 0;
    for (let i = 0; i < budgets.length; i++) {
      const won = budgets[i]! / demands[i]! >= r.offers[i]!;
      assertEquals(r.winners.includes(i), won);
      if (won) {
        assert(r.offers[i]! * demands[i]! <= budgets[i]! * (1 + 1e-12), "pays within budget");
        revenue += r.offers[i]! * demands[i]!;
      }
    }
    assertClose(r.revenue, revenue, 1e-9 * Math.max(1, revenue));
  }
});

Deno.test("meanInterval95 uses Student-t critical values (table: ν = 1 → 12.706, ν = 9 → 2.262)", () => {
  assertClose(meanInterval95([0, 1]).halfWidth, 12.7062 * Math.sqrt(0.5 / 2), 1e-3);
  const ten = Array.from({ length: 10 }, (_, k) => k);
  const sd = Math.sqrt(ten.reduce((s, v) => s + (v - 4.5) ** 2, 0) / 9);
  assertClose(meanInterval95(ten).halfWidth, 2.2622 * sd / Math.sqrt(10), 1e-3);
});

Deno.test("icComparison: the bid-independent row is exactly zero; the paper row is not", () => {
  const rows = icComparison(8, [1, 2]);
  const row = (v: IcVariant) => rows.find((r) => r.variant === v)!;
  assertEquals(row("bid-independent").violations, 0);
  assert(row("paper").violations > 0);
  assert(rows.every((r) => r.lo <= r.share && r.share <= r.hi && r.trials === rows[0]!.trials));
});
