import { assert, assertClose, assertEquals, assertThrows } from "./_assert.ts";
import { buildScenario, DEFAULT_MARKET, runMarket } from "../../../lib/papers/aeria/market.ts";
import { ALL_MECHANISMS, runSlot } from "../../../lib/papers/aeria/slot.ts";
import type { SlotInput } from "../../../lib/papers/aeria/slot_input.ts";
import { evalWithEnv, moduleHref } from "../../env_eval.ts";
import {
  electricityPrices,
  PAPER_MEDIAN_PRICE,
  wirelessRates,
} from "../../../lib/papers/aeria/trace_inputs.ts";

const scenario = buildScenario({ ...DEFAULT_MARKET, slots: 12 }, 5);

Deno.test("every mechanism: uniform price, budget balance, capacity, consistent allocations", () => {
  for (const input of scenario.slots) {
    for (const mechanism of ALL_MECHANISMS) {
      const o = runSlot(input, mechanism);
      let sold = 0;
      for (let i = 0; i < input.bids.length; i++) {
        const won = o.winners.includes(i);
        assertEquals(o.allocations[i]! > 0, won, `${mechanism} bid ${i}`);
        assertEquals(o.partitions[i] !== null, won);
        if (!won) continue;
        assert(o.payments[i]! <= input.bids[i]!.budget * (1 + 1e-12), `${mechanism}: over budget`);
        assertClose(o.payments[i]! / o.allocations[i]!, o.price!, 1e-12 * o.price!);
        sold += o.allocations[i]!;
      }
      assert(sold <= input.edgeGflops * (1 + 1e-12), `${mechanism}: capacity exceeded`);
      assertClose(o.utilisation, sold / input.edgeGflops, 1e-12);
      assert(Number.isFinite(o.revenue) && Number.isFinite(o.profitRate));
      if (mechanism === "aeria" && o.consensus) {
        assertClose(o.revenue, o.consensus.target, 1e-9 * o.consensus.target);
        assert(o.consensus.target / o.consensus.upperBound > o.consensus.ratioBound);
      }
      if (mechanism === "fixed-profit-rate" && o.price !== null) assertClose(o.profitRate, 1, 1e-9);
    }
  }
});

Deno.test("winners meet their latency requirement with the allocated resources", async () => {
  const { getModel } = await import("../../../lib/papers/aeria/multi_exit.ts");
  const { multiExitPlan, totalLatency } = await import("../../../lib/papers/aeria/latency.ts");
  const input = scenario.slots[3]!;
  const o = runSlot(input, "aeria");
  for (const i of o.winners) {
    const bid = input.bids[i]!;
    const m = getModel(bid.model);
    const t = totalLatency(m, multiExitPlan(m, bid.sigma), o.partitions[i]!, {
      deviceGflops: bid.deviceGflops,
      rateMbps: bid.dataRateMbps,
      propagationSeconds: bid.propagationSeconds ?? 0,
    }, o.allocations[i]!);
    assert(t <= bid.latency * (1 + 1e-9));
  }
});

const bid = {
  budget: 0.01,
  latency: 0.2,
  sigma: 0.3,
  model: "vgg16-cifar100" as const,
  deviceGflops: 1,
  dataRateMbps: 25,
};
const base: SlotInput = { bids: [bid], edgeGflops: 3930, rentalPrice: 0.05, gamma: 0.1 };

Deno.test("bad input gets typed errors naming the field", () => {
  assertThrows(() => runSlot({ ...base, edgeGflops: 0 }), /parameter edgeGflops = 0 is invalid/);
  assertThrows(() => runSlot({ ...base, rentalPrice: -1 }), /rentalPrice/);
  assertThrows(() => runSlot({ ...base, gamma: -0.1 }), /gamma/);
  assertThrows(() => runSlot({ ...base, bids: [{ ...bid, budget: 0 }] }), /bids\[0\]\.budget/);
  assertThrows(() => runSlot({ ...base, bids: [{ ...bid, sigma: 2 }] }), /bids\[0\]\.sigma = 2/);
  assertThrows(() => runSlot({ ...base, bids: [{ ...bid, deviceGflops: -3 }] }), /deviceGflops/);
  assertThrows(
    () => runSlot({ ...base, bids: [{ ...bid, dataRateMbps: Number.NaN }] }),
    /dataRateMbps/,
  );
  assertThrows(() => runSlot(base, "vcg" as never), /parameter mechanism = "vcg"/);
});

Deno.test("unmeetable requirements and dead links are 'not served', never NaN", () => {
  const impossible = runSlot({
    ...base,
    bids: [{ ...bid, latency: 1e-6 }, { ...bid, dataRateMbps: 0 }],
  });
  assertEquals(impossible.winners, []);
  assertEquals(impossible.price, null);
  assertEquals(impossible.revenue, 0);
  assertEquals(impossible.counts.infeasible, 2);
  assert(impossible.noSaleReason !== null);
  for (const mechanism of ALL_MECHANISMS) {
    const o = runSlot({ ...base, bids: [] }, mechanism);
    assertEquals(o.revenue, 0);
    assert(Number.isFinite(o.profitRate));
  }
});

Deno.test("runMarket shares inputs across mechanisms and is reproducible", () => {
  const config = { ...DEFAULT_MARKET, slots: 4 };
  const a = runMarket(config, ["aeria", "iao"], 9);
  const b = runMarket(config, ["aeria", "iao"], 9);
  assertEquals(
    a.slots.map((s) => s.results.aeria.revenue),
    b.slots.map((s) => s.results.aeria.revenue),
  );
  for (const slot of a.slots) assert(slot.bids >= 39 && slot.bids <= 112);
});

Deno.test("trace inputs: 360 hourly prices with the paper's median, Ghent rates per slot", () => {
  const prices = electricityPrices();
  assertEquals(prices.values.length, 360);
  if (prices.source === "trace") {
    const sorted = [...prices.values].sort((x, y) => x - y);
    assertClose((sorted[179]! + sorted[180]!) / 2, PAPER_MEDIAN_PRICE, 1e-12);
    assert(sorted[0]! > 0, "shifted prices stay positive");
  }
  const rates = wirelessRates(360);
  assertEquals(rates.values.length, 360);
  assert(rates.values.every((r) => r >= 0 && Number.isFinite(r)));
});

Deno.test("without traces the inputs fall back to labelled synthetic series", async () => {
  const empty = await Deno.makeTempDir();
  const seen = await evalWithEnv(
    `import { electricityPrices, wirelessRates } from "${
      moduleHref("../lib/papers/aeria/trace_inputs.ts")
    }";
     console.log(JSON.stringify([electricityPrices(3).source, wirelessRates(10, 3).description]));`,
    { TRACE_DIR: empty },
  );
  const [source, description] = seen as [string, string];
  assertEquals(source, "synthetic");
  assert(description.startsWith("SYNTHETIC"), description);
});
