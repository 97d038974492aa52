import assert from "node:assert/strict";
import { ParameterError } from "../../../lib/core/errors.ts";
import { myopicPricing, twiceIndexPricing } from "../../../lib/papers/ppm/baselines.ts";
import { powerCost } from "../../../lib/papers/ppm/cost.ts";
import { buildInstance, CBAR_CPU, SECTION6 } from "../../../lib/papers/ppm/experiments.ts";
import { simulate } from "../../../lib/papers/ppm/mechanism.ts";
import { optimalPricingFunction } from "../../../lib/papers/ppm/power_pricing.ts";
import { twiceIndexRanking } from "../../../lib/papers/ppm/tp_ranking.ts";

const { a, s } = SECTION6.cpu;
const cpu = powerCost(a, s);

Deno.test("default PPM-TP posts the highest prices of the three at every utilisation (2c̄, 3c̄)", () => {
  for (const multiple of [2, 3]) {
    const pbar = multiple * CBAR_CPU;
    const tp = twiceIndexPricing(cpu, pbar);
    const op = optimalPricingFunction({ a, s, pbar }).phi;
    const mp = myopicPricing(cpu);
    for (let i = 1; i <= 1000; i++) {
      const y = i / 1000;
      assert.ok(tp(y) >= op(y) - 1e-12, `p̄ = ${multiple}c̄, y = ${y}: TP ${tp(y)} < OP ${op(y)}`);
      assert.ok(op(y) >= mp(y) - 1e-12, `p̄ = ${multiple}c̄, y = ${y}: OP below MP`);
    }
  }
});

Deno.test("PPM-TP variants: the old geometric default undercuts PPM-OP above y ≈ 0.63 at 2c̄", () => {
  const pbar = 2 * CBAR_CPU;
  const op = optimalPricingFunction({ a, s, pbar }).phi;
  const geometric = twiceIndexPricing(cpu, pbar, "geometric");
  assert.ok(geometric(0.62) > op(0.62) && geometric(0.64) < op(0.64));
  // Every variant is f'(2y) on [0, 0.5] and continuous at 0.5.
  for (const variant of ["reserve", "geometric", "linear", "steep"] as const) {
    const phi = twiceIndexPricing(cpu, pbar, variant);
    assert.equal(phi(0.25), cpu.marginal(0.5));
    assert.ok(Math.abs(phi(0.5 + 1e-12) - cpu.cBar) < 1e-9);
  }
});

Deno.test("ranking rows are the paired welfare of direct simulations", () => {
  const params = { case: "EE", jobs: 120, slots: 150, jobSource: "synthetic" } as const;
  const rows = twiceIndexRanking({
    ...params,
    pbarMultiple: 3,
    scales: [2],
    instances: 2,
    seed: 4,
  });
  assert.equal(rows.length, 4);
  const steep = rows.find((r) => r.variant === "steep")!;
  let gap = 0;
  for (let i = 0; i < 2; i++) {
    const { instance } = buildInstance({
      ...params,
      pbar: 3 * CBAR_CPU,
      seed: 4000 + i,
      durationScale: 2,
    });
    gap += simulate(instance, { kind: "optimal" }).welfare /
        simulate(instance, { kind: "twice-index", variant: "steep" }).welfare - 1;
  }
  assert.ok(Math.abs(steep.gap - gap / 2) < 1e-12);
  assert.throws(
    () => twiceIndexRanking({ ...params, pbarMultiple: 3, scales: [], instances: 1, seed: 1 }),
    ParameterError,
  );
});
