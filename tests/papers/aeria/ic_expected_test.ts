import { assert, assertClose } from "./_assert.ts";
import {
  expectedTarget,
  expectedUtility,
  expectedUtilityAudit,
} from "../../../lib/papers/aeria/ic_expected.ts";
import { centre, consensusBase } from "../../../lib/papers/aeria/consensus.ts";
import { cocoAuction } from "../../../lib/papers/aeria/coco.ts";
import { randomAuctionInstance } from "../../../lib/papers/aeria/properties.ts";
import { createRng } from "../../../lib/core/rng.ts";

Deno.test("expectedTarget equals the Monte Carlo mean of CENTRE's target (Lemma 2)", () => {
  const rng = createRng(3).stream("centre");
  for (const delta of [1.1, 1.5, 3]) {
    const { y } = consensusBase(delta);
    const n = 40_000;
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < n; k++) {
      const t = centre(100, delta, y, () => rng.uniform()).target;
      sum += t;
      sumSq += t * t;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sumSq / n - mean * mean);
    assertClose(expectedTarget(100, delta, y), mean, 4 * sd / Math.sqrt(n), `δ = ${delta}`);
  }
});

Deno.test("expectedUtility equals the average utility over many COCO draws", () => {
  const rng = createRng(8).stream("instances");
  for (let k = 0; k < 5; k++) {
    const { budgets, demands, capacity } = randomAuctionInstance(rng);
    const draws = 4000;
    for (let i = 0; i < budgets.length; i++) {
      const stream = createRng(100 + k).stream("eps");
      let total = 0;
      for (let d = 0; d < draws; d++) {
        const r = cocoAuction(budgets, demands, capacity, 0, 0, () => stream.uniform());
        if (r.price !== null && r.winners.includes(i)) total += budgets[i]! - r.price * demands[i]!;
      }
      const exact = expectedUtility(budgets, demands, capacity, i, budgets[i]!);
      assertClose(
        total / draws,
        exact,
        0.02 * Math.max(1, budgets[i]!),
        `instance ${k} bidder ${i}`,
      );
    }
  }
});

Deno.test("expected-utility audit: gaining misreports exist with and without a capacity limit", () => {
  const limited = expectedUtilityAudit(60, 1, "limited");
  const unlimited = expectedUtilityAudit(60, 1, "unlimited");
  assert(limited.trials > 1000 && unlimited.trials === limited.trials);
  assert(limited.gaining > 0);
  // Without a capacity limit ROSO admits everybody; misreports still gain through δ and Π̃.
  assert(unlimited.gaining > 0);
});
