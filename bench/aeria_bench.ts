/**
 * AERIA speed targets. Run: `npx -y deno@2.9.6 bench -A bench/aeria_bench.ts`.
 * - One full AERIA slot (validation, Phase I P2 for every bid, ROSO, CENTRE, REAL) with 112 bids:
 *   target median < 0.1 ms (the paper reports about 3 ms on an i9-10920X).
 * - The 360-slot trace-driven run of AERIA and the four baselines (quick mode, one run):
 *   target < 10 s.
 */
import {
  buildScenario,
  DEFAULT_MARKET,
  MECHANISMS,
  runMarket,
  runSlot,
} from "../lib/papers/aeria/mod.ts";

const slots112 = buildScenario({ ...DEFAULT_MARKET, slots: 16, bidsPerSlot: 112 }, 1).slots;
let next = 0;

Deno.bench("AERIA slot, 112 bids (Phase I + ROSO + CENTRE + REAL)", { group: "slot" }, () => {
  runSlot(slots112[next++ % slots112.length]!, "aeria");
});

for (const mechanism of MECHANISMS.filter((m) => m !== "aeria")) {
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
