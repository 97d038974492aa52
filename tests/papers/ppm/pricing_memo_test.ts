import assert from "node:assert/strict";
import {
  buildOptimalPricing,
  optimalPricingFunction,
} from "../../../lib/papers/ppm/power_pricing.ts";
import {
  buildInstance,
  CBAR_CPU,
  section6Mechanisms,
} from "../../../lib/papers/ppm/experiments.ts";
import { pricingFunctions } from "../../../lib/papers/ppm/mechanism.ts";

Deno.test("optimal pricing tables are memoised by (a, s, p̄, choice) and equal a fresh build", () => {
  const setup = { a: 0.223, s: 3, pbar: 2 * CBAR_CPU };
  const first = optimalPricingFunction(setup);
  assert.equal(optimalPricingFunction({ ...setup }), first);
  assert.notEqual(optimalPricingFunction({ ...setup, pbar: 3 * CBAR_CPU }), first);
  const member = { kind: "huc1", u: 0.7 } as const;
  const huc1 = optimalPricingFunction({ ...setup, pbar: 1.2 * CBAR_CPU }, member);
  assert.notEqual(huc1, optimalPricingFunction({ ...setup, pbar: 1.2 * CBAR_CPU }));
  assert.equal(optimalPricingFunction({ ...setup, pbar: 1.2 * CBAR_CPU }, { ...member }), huc1);
  const fresh = buildOptimalPricing(setup);
  assert.notEqual(fresh, first);
  for (let i = 0; i <= 1000; i++) assert.equal(first.phi(i / 1000), fresh.phi(i / 1000));
  assert.deepEqual({ ...first, phi: null }, { ...fresh, phi: null });
});

Deno.test("pricingFunctions share PPM-OP's tables between instances with the same p̄", () => {
  const params = { case: "UE", pbar: 2 * CBAR_CPU, jobs: 50, slots: 100 } as const;
  const one = buildInstance({ ...params, seed: 1, jobSource: "synthetic" }).instance;
  const two = buildInstance({ ...params, seed: 2, jobSource: "synthetic" }).instance;
  const op = section6Mechanisms()["PPM-OP"]!;
  const a = pricingFunctions(one, op);
  const b = pricingFunctions(two, op);
  a.forEach((phi, k) => assert.equal(phi, b[k]));
  const shifted = pricingFunctions(one, section6Mechanisms(0.5)["PPM-OP"]!);
  assert.notEqual(shifted[0], a[0]);
});
