import assert from "node:assert/strict";
import fc from "fast-check";
import {
  DATACENTER_GPUS,
  getHardware,
  HARDWARE,
  noPrice,
  priceAsOf,
  priceHistory,
  requireCalendarDate,
} from "../../lib/hardware/mod.ts";
import { known } from "../../lib/hardware/figure.ts";
import { ParameterError } from "../../lib/core/errors.ts";

const list = (date: string) => ({ document: "list", publisher: "cloud", date });
const price = (value: number, date: string) => known(value, "price-list", list(date));

Deno.test("every price is dated, history is oldest first and ends with the current price", () => {
  for (const profile of HARDWARE) {
    const history = profile.onDemandPriceHistory;
    const current = profile.onDemandUsdPerHour;
    if (history.length === 0) {
      assert.equal(current.known, false, profile.id);
      continue;
    }
    assert.equal(history.at(-1), current, profile.id);
    for (const [k, p] of history.entries()) {
      assert.equal(p.basis, "price-list", profile.id);
      assert.match(p.source.date, /^\d{4}(-\d{2}(-\d{2})?)?$/, profile.id);
      if (k > 0) assert.ok(history[k - 1]!.source.date < p.source.date, profile.id);
    }
  }
});

Deno.test("the June 2025 AWS list replaces the stale P4/P5 prices and fills H200", () => {
  const current = (id: string) => {
    const f = getHardware(id).onDemandUsdPerHour;
    return f.known ? [f.value, f.source.date] : [undefined, undefined];
  };
  assert.deepEqual(current("h100-sxm"), [55.04 / 8, "2025-06"]);
  assert.deepEqual(current("h200"), [63.296 / 8, "2025-06"]);
  assert.deepEqual(current("a100-80gb"), [3.43, "2025-06"]);
  assert.deepEqual(current("a100-40gb"), [2.74, "2025-06"]);
  // the older values stay as history
  const h100Old = priceAsOf(getHardware("h100-sxm"), "2025-05-31");
  assert.ok(h100Old.known && h100Old.value === 12.29 && h100Old.source.date === "2023-07");
  const a100Old = priceAsOf(getHardware("a100-40gb"), "2024-12-31");
  assert.ok(a100Old.known && Math.abs(a100Old.value - 32.77 / 8) < 1e-4);
});

Deno.test("getHardware priceAsOf picks the list in force; before any list the price is unknown", () => {
  const h100 = getHardware("h100-sxm", { priceAsOf: "2025-06-01" });
  assert.ok(h100.onDemandUsdPerHour.known && h100.onDemandUsdPerHour.value === 6.88);
  const early = getHardware("h100-sxm", { priceAsOf: "2023-06-30" }).onDemandUsdPerHour;
  assert.ok(!early.known && early.reason.includes("2023-07"));
  // other fields are untouched
  assert.equal(getHardware("h100-sxm", { priceAsOf: "2024-01-01" }).fp16Tflops, h100.fp16Tflops);
  // a device without prices keeps its reason
  const a40 = getHardware("a40", { priceAsOf: "2024-01-01" }).onDemandUsdPerHour;
  assert.ok(!a40.known && a40.reason.includes("AWS"));
});

Deno.test("priceAsOf equals a brute-force scan of the history (property)", () => {
  const day = fc.date({ min: new Date("2019-01-01"), max: new Date("2027-12-31") }).map((d) =>
    d.toISOString().slice(0, 10)
  );
  fc.assert(
    fc.property(fc.constantFrom(...DATACENTER_GPUS), day, (profile, date) => {
      const got = priceAsOf(profile, date);
      let expected: number | undefined;
      for (const p of profile.onDemandPriceHistory) {
        const start = p.source.date.length === 4
          ? `${p.source.date}-01-01`
          : p.source.date.length === 7
          ? `${p.source.date}-01`
          : p.source.date;
        if (start <= date) expected = p.value;
      }
      assert.equal(got.known ? got.value : undefined, expected);
    }),
    { seed: 13, numRuns: 300 },
  );
});

Deno.test("bad dates and bad histories are typed errors naming the parameter", () => {
  for (const bad of ["2025-6-1", "2025-02-30", "2025-13-01", "June 2025", ""]) {
    assert.throws(
      () => getHardware("h100-sxm", { priceAsOf: bad }),
      (e: unknown) => e instanceof ParameterError && e.parameter === "priceAsOf",
      bad,
    );
  }
  assert.equal(requireCalendarDate("d", "2024-02-29"), "2024-02-29");
  assert.throws(() => priceHistory(), ParameterError);
  assert.throws(
    () => priceHistory(price(2, "2025"), price(1, "2024")),
    (e: unknown) => e instanceof ParameterError && e.parameter === "history[1].source.date",
  );
  const none = noPrice("edge device");
  assert.equal(priceAsOf(none, "2025-01-01"), none.onDemandUsdPerHour);
});

Deno.test("the 16-bit rate names its formats: no BF16 on V100, T4 and Jetson Nano", () => {
  for (const profile of HARDWARE) {
    assert.equal(profile.fp16Formats.length > 0, profile.fp16Tflops.known, profile.id);
  }
  for (const id of ["v100", "t4", "jetson-nano"]) {
    assert.deepEqual(getHardware(id).fp16Formats, ["fp16"], id);
  }
  for (const id of ["h100-sxm", "h200", "a100-80gb", "a100-40gb", "a40", "l40s", "l4"]) {
    assert.deepEqual(getHardware(id).fp16Formats, ["fp16", "bf16"], id);
  }
});
