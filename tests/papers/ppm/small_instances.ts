/** Small random two-resource instances and their brute-force offline optimum (test helpers). */
import fc from "fast-check";
import { evaluateAllocation } from "../../../lib/papers/ppm/offline.ts";
import type { Instance } from "../../../lib/papers/ppm/instance.ts";

/** Exact W_opt by enumerating every allocation (bundle or none per customer). */
export function bruteForceOptimum(instance: Instance): number {
  const N = instance.customers.length;
  const B = instance.bundles.length;
  let best = -Infinity;
  const choice = new Int32Array(N).fill(-1);
  const visit = (n: number) => {
    if (n === N) {
      const { welfare, utilisation } = evaluateAllocation(instance, choice);
      if (utilisation.every((y) => y.every((v) => v <= 1 + 1e-9))) best = Math.max(best, welfare);
      return;
    }
    for (let b = -1; b < B; b++) {
      choice[n] = b;
      visit(n + 1);
    }
    choice[n] = -1;
  };
  visit(0);
  return best;
}

/** Up to 7 customers over 4 slots, two bundles, power costs with random s and p̄. */
export const randomSmallInstance = fc.record({
  s: fc.double({ min: 1.5, max: 3, noNaN: true }),
  ratio: fc.double({ min: 0.5, max: 12, noNaN: true }),
  customers: fc.array(
    fc.record({
      arrival: fc.integer({ min: 0, max: 3 }),
      len: fc.integer({ min: 1, max: 4 }),
      p: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.integer({ min: 0, max: 1 }),
    }),
    { minLength: 1, maxLength: 7 },
  ),
}).map(({ s, ratio, customers }): Instance => {
  const bundles = [[0.03, 0.01], [0.02, 0.04]];
  const pbar = ratio * s;
  return {
    slots: 4,
    resources: [{ name: "cpu", cost: { kind: "power", a: 1, s }, pbar }, {
      name: "ram",
      cost: { kind: "power", a: 0.5, s: 2 },
      pbar: pbar * 3,
    }],
    bundles,
    customers: customers.map((c) => {
      const duration = Math.min(c.len, 4 - c.arrival);
      return {
        arrival: c.arrival,
        duration,
        valuations: bundles.map(([cpu], b) => (b === c.b ? 1 : 0.6) * c.p * pbar * duration * cpu!),
      };
    }),
  };
});
