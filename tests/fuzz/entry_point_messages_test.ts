/**
 * The messages of the entry-point validations added for the fuzz (issue 16, item 5): each names
 * the parameter as the caller passed it, the value, and what is allowed; and valid edge values
 * (an infinite capacity, a validator's own input) still pass.
 */
import assert from "node:assert/strict";
import * as api from "../../lib/mod.ts";
import { ParameterError } from "../../lib/core/errors.ts";
import { classifyValue, type FuzzCall } from "./fuzz_cases.ts";

/** Asserts a ParameterError whose message is exactly `message` (`as never` marks deliberately wrong arguments). */
function assertMessage(run: () => unknown, message: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ParameterError, String(error));
    assert.equal(error.message, message);
    return true;
  });
}

Deno.test("core validators name the bad entry by its index", () => {
  const { requireIntegers, requireObject, requireObjectArray } = api.core;
  assertMessage(
    () => requireIntegers("seeds", [1, 2.5]),
    "parameter seeds[1] = 2.5 is invalid: expected an integer in [-9007199254740991, 9007199254740991]",
  );
  assertMessage(
    () => requireObjectArray("rows", [{ x: 1 }, { y: 2 }], "rows { x }", ["x"]),
    'parameter rows[1] = {"y":2} is invalid: expected rows { x }',
  );
  assertMessage(
    () => requireObjectArray("rows", [], "rows { x }", ["x"], 1),
    "parameter rows = [] is invalid: expected an array of at least 1 rows { x }",
  );
  assertMessage(
    () => requireObject("spec", [1], "a spec"),
    "parameter spec = [1] is invalid: expected a spec",
  );
  assertMessage(
    () => api.core.requireRunParams("params", { mode: "fast", seed: 1 } as never),
    'parameter params.mode = "fast" is invalid: expected one of quick, paper',
  );
});

Deno.test("stackelberg: an unparsed market or a bad client parameter is named", () => {
  const { stackelberg } = api;
  assertMessage(
    () => stackelberg.trainingPieces(3 as never),
    "parameter market = 3 is invalid: expected a market from parseMarket",
  );
  assertMessage(
    () => stackelberg.verificationNotes("bogus" as never, 40),
    'parameter rows = "bogus" is invalid: expected an array of compareStageOne rows',
  );
  assertMessage(
    () => stackelberg.trainingPayoff({ gamma: 1, theta: -1 }, 2, 1),
    "parameter theta = -1 is invalid: expected theta > 0",
  );
  // the documented −∞ of an unstable queue (g/d <= λ) is still returned for valid input
  assert.equal(stackelberg.inferencePayoff({ gamma: 1, d: 1, lambda: 2 }, 1, 1), -Infinity);
});

Deno.test("hardware and traces: a URL that does not parse and a statistics object without schema", () => {
  assertMessage(
    () => api.hardware.isVendorUrl("bogus"),
    'parameter url = "bogus" is invalid: expected an absolute URL',
  );
  assert.equal(api.hardware.isVendorUrl("https://developer.nvidia.com/x"), true);
  assertMessage(
    () => api.traces.formatTraceStats({} as never),
    "parameter stats = {} is invalid: expected trace statistics with schema 1 (loadTraceStats)",
  );
});

Deno.test("pdftsp: a state that is not a ClusterState, and a sweep without the true bid", () => {
  const { pdftsp } = api;
  const compiled = pdftsp.compileInstance({
    slots: 2,
    baseModelMemory: 0,
    vendors: [],
    nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [1, 1] }],
    tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 1, preprocessing: false, bid: 9 }],
  });
  const task = compiled.tasks[0]!;
  assertMessage(
    () => pdftsp.findSchedule(compiled, {} as never, task, task.options[0]!),
    "parameter state = {} is invalid: expected a ClusterState of the instance",
  );
  assert.ok(
    pdftsp.findSchedule(compiled, new pdftsp.ClusterState(compiled), task, task.options[0]!),
  );
  const points = [{ bid: 4, admitted: true, payment: 3, utility: 2 }];
  assert.throws(() => pdftsp.checkTruthfulness(points, 5), (error: unknown) => {
    assert.ok(error instanceof ParameterError && error instanceof RangeError);
    assert.match(
      error.message,
      /^parameter points = .* expected a sweep whose bids include the true value 5$/,
    );
    return true;
  });
});

Deno.test("ppm: an unknown twice-index variant and a cost function that is not one", () => {
  const { ppm } = api;
  const cost = ppm.powerCost(0.223, 3);
  assertMessage(
    () => ppm.twiceIndexPricing(cost, 2, "bogus" as never),
    'parameter variant = "bogus" is invalid: expected one of reserve, geometric, linear, steep',
  );
  assertMessage(
    () => ppm.myopicPricing(3 as never),
    "parameter cost = 3 is invalid: expected a cost function (powerCost, polynomialCost, costOf)",
  );
  assertMessage(
    () => ppm.powerCost(3, 1e308),
    "parameter a·s (c̄ = f'(1)) = Infinity is invalid: expected a finite number",
  );
  assertMessage(
    () => ppm.utilisationRows({ kind: "bogus" } as never),
    'parameter series.kind = "bogus" is invalid: expected a Float64Array of utilisation levels',
  );
  assert.equal(ppm.utilisationRows({ "PPM-OP": new Float64Array(10) }, "Case UE").length, 2);
});

Deno.test("aeria: a NaN budget is named, and an infinite capacity still means no limit", () => {
  const { aeria } = api;
  const demands = Float64Array.of(1, 1, 1);
  assertMessage(
    () => aeria.roso(Float64Array.of(5, Number.NaN, 3), demands, 10, 0.5),
    "parameter budgets[1] = NaN is invalid: expected a finite number",
  );
  const unlimited = aeria.roso(Float64Array.of(5, 4, 3), demands, Infinity, 0.5);
  assert.equal(unlimited.prefixLength, 3);
  assertMessage(
    () => aeria.expectedUtility(Float64Array.of(5, 4), Float64Array.of(1, 1), 0, 0, 5),
    "parameter capacity = 0 is invalid: expected capacity > 0 (Infinity: no limit)",
  );
  assert.ok(
    Number.isFinite(aeria.expectedUtility(Float64Array.of(5, 4, 3), demands, Infinity, 0, 5)),
  );
});

Deno.test("fuzz classification: a NaN handed back unchanged is the caller's, a new one is not", () => {
  const call: FuzzCall = { namespace: "core", name: "someFunction", args: [0, 15] }; // NaN, [NaN, 1]
  const given = [Number.NaN, 1];
  assert.equal(classifyValue(given, call, [Number.NaN, given]), "silent");
  assert.equal(classifyValue([Number.NaN, 1], call, [Number.NaN, given]), "non-finite");
  assert.equal(classifyValue(1, { ...call, name: "requireNonEmpty" }, [Number.NaN, given]), "ok");
});
