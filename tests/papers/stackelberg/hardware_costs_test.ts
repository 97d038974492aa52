import assert from "node:assert/strict";
import fc from "fast-check";
import {
  CostOrderingError,
  modelledGpuCosts,
} from "../../../lib/papers/stackelberg/hardware_costs.ts";
import { ParameterError } from "../../../lib/core/errors.ts";

const CURRENT = "2025-06"; // date of the AWS list after the June 2025 cut

Deno.test("default H100/T4 costs on the current list keep the paper's ordering", () => {
  const modelled = modelledGpuCosts();
  assert.equal(modelled.label, "modelled");
  const { costs, rows, priceLists } = modelled;
  assert.ok(costs.trainingHigh < costs.trainingLow);
  assert.ok(costs.inferenceHigh > costs.inferenceLow);
  assert.equal(priceLists.high.date, CURRENT);
  assert.equal(rows[0].listDated, CURRENT);
  // by hand: hourly = ½ list + TDP × PUE × $/kWh; unit cost = hourly × (high / low throughput)
  const hourlyH100 = 0.5 * (55.04 / 8) + 0.7 * 1.2 * 0.1;
  const hourlyT4 = 0.5 * 0.526 + 0.07 * 1.2 * 0.1;
  assert.ok(Math.abs(rows[0].hourlyCostUsd - hourlyH100) < 1e-12);
  assert.ok(Math.abs(costs.trainingLow - hourlyT4 * (989.5 * 0.5) / (65 * 0.25)) < 1e-9);
  assert.ok(Math.abs(costs.inferenceLow - hourlyT4 * 3350 / 320) < 1e-9);
  assert.ok(Math.abs(costs.inferenceHigh - hourlyH100) < 1e-12);
  // capacity units: one T4 supplies 320/3350 inference units and 16.25/494.75 training units
  assert.ok(Math.abs(modelled.unitsPerLowDevice.inference - 320 / 3350) < 1e-15);
  assert.ok(Math.abs(modelled.unitsPerLowDevice.training - 16.25 / 494.75) < 1e-15);
});

Deno.test("each unit cost is the device-hour cost divided by the units one device supplies", () => {
  const { costs, rows, unitsPerLowDevice } = modelledGpuCosts();
  const low = rows[1].hourlyCostUsd;
  assert.ok(Math.abs(costs.inferenceLow * unitsPerLowDevice.inference - low) < 1e-12);
  assert.ok(Math.abs(costs.trainingLow * unitsPerLowDevice.training - low) < 1e-12);
});

Deno.test("H100/L4 on the current list fails the inference ordering, naming the prices", () => {
  assert.throws(() => modelledGpuCosts({ low: "l4" }), (e: unknown) => {
    assert.ok(e instanceof CostOrderingError && e instanceof ParameterError);
    assert.equal(e.ordering, "inference");
    assert.equal(e.parameter, "low");
    assert.ok(e.figures.some((f) => f.startsWith("h100-sxm.onDemandUsdPerHour = 6.88")));
    assert.ok(e.figures.some((f) => f.startsWith("l4.onDemandUsdPerHour = 0.8048")));
    assert.match(e.message, /c\^IH = 3\.524 must be > c\^IL = 4\.590/);
    return true;
  });
  // on the 2023/2024 list (before the cut) the same pair kept the ordering
  const old = modelledGpuCosts({ low: "l4", priceAsOf: "2025-05-31" });
  assert.equal(old.priceLists.high.date, "2023-07");
  assert.ok(old.costs.inferenceHigh > old.costs.inferenceLow);
});

Deno.test("equal MFU breaks the training ordering for H100/L4 with a typed error", () => {
  assert.throws(
    () => modelledGpuCosts({ low: "l4", lowTrainingUtilisation: 0.5, priceAsOf: "2025-05-31" }),
    (e: unknown) =>
      e instanceof CostOrderingError && e.ordering === "training" &&
      e.parameter === "lowTrainingUtilisation" &&
      e.figures.some((f) => f.startsWith("l4.fp16Tflops = 121")),
  );
});

Deno.test("for every price list date the costs keep the ordering or throw CostOrderingError", () => {
  const day = fc.date({ min: new Date("2024-01-01"), max: new Date("2027-12-31") }).map((d) =>
    d.toISOString().slice(0, 10)
  );
  fc.assert(
    fc.property(
      fc.constantFrom("t4", "l4", "l40s", "a100-40gb", "v100"),
      day,
      (low, priceAsOf) => {
        try {
          const { costs } = modelledGpuCosts({ low, priceAsOf });
          assert.ok(costs.trainingHigh < costs.trainingLow);
          assert.ok(costs.inferenceHigh > costs.inferenceLow);
        } catch (e) {
          assert.ok(e instanceof CostOrderingError, String(e));
        }
      },
    ),
    { seed: 9, numRuns: 200 },
  );
});

Deno.test("a date before any price list is recorded gives the missing-figure error", () => {
  assert.throws(
    () => modelledGpuCosts({ priceAsOf: "2022-01-01" }),
    (e: unknown) => e instanceof Error && e.name === "MissingFigureError",
  );
  assert.throws(
    () => modelledGpuCosts({ priceAsOf: "2025-06" }),
    (e: unknown) => e instanceof ParameterError && e.parameter === "priceAsOf",
  );
});
