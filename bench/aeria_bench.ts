/**
 * AERIA speed targets. Run: `npx -y deno@2.9.6 bench -A bench/aeria_bench.ts`.
 * - One full AERIA slot (validation, Phase I P2 for every bid, ROSO, CENTRE, REAL) with 112 bids:
 *   target median < 0.1 ms (the paper reports about 3 ms on an i9-10920X).
 * - The same slot in the calibrated paper regime (capacity binds, ROSO skips users): target median
 *   < 0.1 ms as well.
 * - The 360-slot trace-driven run of AERIA and the four baselines (quick mode, one run):
 *   target < 10 s.
 * - The bid-independent comparison mechanism (ic_variants.ts: one ROSO + CENTRE on the other bids
 *   and an exact threshold offer per bidder, O(n²) per bidder) on a 100-bidder auction: target
 *   median < 50 ms (it dominates the notebook's truthful-revenue section).
 */
import {
  ALL_MECHANISMS,
  bidIndependentAuction,
  buildScenario,
  DEFAULT_MARKET,
  MECHANISMS,
  PAPER_REGIME_MARKET,
  runMarket,
  runSlot,
} from "../lib/papers/aeria/mod.ts";

const slots112 = buildScenario({ ...DEFAULT_MARKET, slots: 16, bidsPerSlot: 112 }, 1).slots;
let next = 0;

Deno.bench("AERIA slot, 112 bids (Phase I + ROSO + CENTRE + REAL)", { group: "slot" }, () => {
  runSlot(slots112[next++ % slots112.length]!, "aeria");
});

const binding112 = buildScenario({ ...PAPER_REGIME_MARKET, slots: 16, bidsPerSlot: 112 }, 1).slots;

Deno.bench("AERIA slot, 112 bids, paper regime (capacity binds)", { group: "slot" }, () => {
  runSlot(binding112[next++ % binding112.length]!, "aeria");
});

// The paper's four baselines and our σ-honouring Edgent reading.
for (const mechanism of ALL_MECHANISMS.filter((m) => m !== "aeria")) {
  Deno.bench(`${mechanism} slot, 112 bids`, { group: "slot" }, () => {
    runSlot(slots112[next++ % slots112.length]!, mechanism);
  });
}

Deno.bench(
  "360-slot trace-driven run, AERIA + 4 baselines (one run)",
  { group: "market", n: 5, warmup: 1 },
  () => {
    runMarket(
      { ...DEFAULT_MARKET, slots: 360, electricity: "trace", wireless: "trace" },
      MECHANISMS,
      1,
    );
  },
);

const bigAuction = (() => {
  let state = 7;
  const next01 = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const demands = Float64Array.from({ length: 100 }, () => 20 + 80 * next01());
  return {
    budgets: Float64Array.from({ length: 100 }, () => 0.002 + 0.018 * next01()),
    market: { demands, edgeGflops: 3930, rentalPrice: 0.05, gamma: 0.1 },
  };
})();

Deno.bench("bid-independent comparison auction, 100 bidders", { group: "ic" }, () => {
  bidIndependentAuction(bigAuction.budgets, bigAuction.market, () => {
    let u = 0;
    return () => (u = (u + 0.618) % 1);
  });
});
