/**
 * Bounded, seeded fuzz of every public namespace (`lib/mod.ts`) with invalid values: no call may
 * hang past 5 s, throw an internal TypeError/RangeError/ReferenceError, or return NaN/infinity.
 * Measure more seeds, with the failing calls and their errors, with
 * `deno run -A tests/fuzz/public_api_fuzz.ts 8 <seed> --why`.
 */
import assert from "node:assert/strict";
import * as api from "../../lib/mod.ts";
import { ParameterError } from "../../lib/core/errors.ts";
import { createRng } from "../../lib/core/rng.ts";
import { planCalls } from "./fuzz_cases.ts";
import { countOutcomes, runFuzz } from "./public_api_fuzz.ts";

/** Every namespace of `lib/mod.ts` (objects of functions; `PAPERS` is a plain list). */
const NAMESPACES = Object.keys(api).filter((key) =>
  typeof (api as Record<string, unknown>)[key] === "object" && key !== "PAPERS"
);

Deno.test("fuzz of every namespace: no hang, no internal error, no non-finite result", async () => {
  assert.ok(NAMESPACES.length >= 8, NAMESPACES.join(", "));
  const calls = planCalls(api as unknown as Record<string, unknown>, NAMESPACES, 4, 1);
  assert.ok(calls.length > 1000, `only ${calls.length} calls planned`);
  const results = await runFuzz(calls, 5);
  const failures = results.filter((r) => ["hang", "internal", "non-finite"].includes(r.outcome))
    .map((r) =>
      `${r.call.namespace}.${r.call.name}(${r.call.args.join(",")}): ${r.outcome} ${r.detail ?? ""}`
    );
  assert.deepEqual(failures, []);
  assert.equal(results.length, calls.length);
  assert.ok(countOutcomes(results).typed > calls.length * 0.9);
});

/** Asserts a typed ParameterError naming `parameter`, thrown within `seconds`. */
function assertRejects(run: () => unknown, parameter: string, seconds = 5): void {
  const started = performance.now();
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ParameterError, String(error));
    assert.ok(error.message.includes(`parameter ${parameter} `), error.message);
    return true;
  });
  assert.ok((performance.now() - started) / 1000 < seconds, `${parameter}: too slow`);
}

Deno.test("the entry points the review broke give typed errors promptly", () => {
  const { aeria, core, ppm, stackelberg, traces } = api;
  // @ts-expect-error: an empty object, as an untyped caller could pass
  assertRejects(() => stackelberg.parseMarket({}), "provider");
  const instance = {
    slots: 2,
    resources: [{ name: "cpu", cost: { kind: "power" as const, a: 1, s: 2 }, pbar: 4 }],
    bundles: [[0.1]],
    customers: [{ arrival: 0, duration: 2, valuations: [0.5] }],
  };
  // @ts-expect-error: an unknown mechanism kind
  assertRejects(() => ppm.simulate(instance, { kind: "bogus" }), "mechanism.kind");
  const cost = ppm.polynomialCost([{ coefficient: 0.1, exponent: 1 }, {
    coefficient: 0.5,
    exponent: 2,
  }]);
  assertRejects(() => ppm.designPricing(cost, 3, 0), "tolerance");
  const budgets = Float64Array.of(5, Number.NaN, 3);
  const demands = Float64Array.of(1, 1, 1);
  assertRejects(() => aeria.cocoAuction(budgets, demands, 10, 1, 0, Math.random), "budgets[1]");
  assertRejects(() => aeria.removalAudit(Number.NaN, createRng(1).stream("x")), "instances");
  assertRejects(
    () => traces.poissonArrivals(createRng(1).stream("x"), [1e308, 1], 24),
    "profile[0]",
  );
  // @ts-expect-error: an unknown trace
  assertRejects(() => traces.loadJobTable("bogus"), "trace");
  assert.throws(() => core.solveOde((_t, y) => [-y[0]!], [0, 1], [1e308], { maxIterations: 500 }));
});

Deno.test("pdftsp: a task no cluster could ever finish (work = 1e308) is rejected, not a crash", () => {
  const result = api.pdftsp.runPdftsp({
    slots: 4,
    baseModelMemory: 1,
    vendors: [],
    nodes: [{
      computeCapacity: 10,
      memoryCapacity: 9,
      taskThroughput: 2,
      costPerSlot: [0, 0, 0, 0],
    }],
    tasks: [{ arrival: 0, deadline: 3, work: 1e308, memory: 2, preprocessing: false, bid: 5 }],
  });
  assert.equal(result.welfare, 0);
  assert.equal(result.outcomes[0]!.admitted, false);
});
