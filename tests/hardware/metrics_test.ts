import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../lib/core/errors.ts";
import {
  effectiveTflops,
  energyCostUsdPerHour,
  figureValue,
  getHardware,
  gflopsPerWatt,
  HARDWARE,
  MissingFigureError,
} from "../../lib/hardware/mod.ts";

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} != ${expected}`);

Deno.test("effectiveTflops scales the peak", () => {
  close(effectiveTflops(getHardware("a100-80gb"), "fp16", 0.4), 124.8);
  close(effectiveTflops(getHardware("t4"), "fp32", 1), 8.1);
});

Deno.test("effectiveTflops is monotone in utilisation and never above peak", () => {
  const profiles = HARDWARE.filter((p) => p.fp32Tflops.known);
  fc.assert(
    fc.property(
      fc.constantFrom(...profiles),
      fc.double({ min: 1e-6, max: 1, noNaN: true }),
      fc.double({ min: 1e-6, max: 1, noNaN: true }),
      (profile, u, v) => {
        const [lo, hi] = u <= v ? [u, v] : [v, u];
        const peak = figureValue(profile, "fp32Tflops");
        const a = effectiveTflops(profile, "fp32", lo);
        const b = effectiveTflops(profile, "fp32", hi);
        return a <= b && b <= peak;
      },
    ),
    { seed: 20240601, numRuns: 200 },
  );
});

Deno.test("energy cost matches the AERIA edge cluster by hand", () => {
  // 3 machines x 125 W x PUE 1.2 = 450 W; 0.45 kWh x 0.1056 $/kWh = 0.04752 $/h
  close(energyCostUsdPerHour(getHardware("i7-13700k"), 0.1056, { pue: 1.2, devices: 3 }), 0.04752);
  // one H100 at 700 W and 0.10 $/kWh: 0.07 $/h
  close(energyCostUsdPerHour(getHardware("h100-sxm"), 0.1), 0.07);
  // negative wholesale prices give a negative cost
  close(energyCostUsdPerHour(getHardware("t4"), -0.01), -0.0007);
});

Deno.test("gflopsPerWatt by hand", () => {
  close(gflopsPerWatt(getHardware("t4")), 8100 / 70);
  close(gflopsPerWatt(getHardware("l4"), "fp16"), 121_000 / 72);
});

Deno.test("bad inputs give exact messages", () => {
  const t4 = getHardware("t4");
  assert.throws(() => effectiveTflops(t4, "fp32", 0), {
    name: "ParameterError",
    message: "parameter utilisation = 0 is invalid: expected 0 < utilisation <= 1",
  });
  assert.throws(() => effectiveTflops(t4, "fp32", 1.5), ParameterError);
  assert.throws(() => effectiveTflops(t4, "fp32", Number.NaN), {
    message: "parameter utilisation = NaN is invalid: expected a finite number",
  });
  assert.throws(() => energyCostUsdPerHour(t4, 0.1, { pue: 0.9 }), {
    message: "parameter pue = 0.9 is invalid: expected pue >= 1",
  });
  assert.throws(() => energyCostUsdPerHour(t4, 0.1, { devices: 0 }), {
    message: "parameter devices = 0 is invalid: expected an integer in [1, 9007199254740991]",
  });
  assert.throws(() => energyCostUsdPerHour(t4, Number.POSITIVE_INFINITY), {
    message: "parameter usdPerKwh = Infinity is invalid: expected a finite number",
  });
});

Deno.test("unknown figures raise MissingFigureError with the recorded reason", () => {
  const a17 = getHardware("apple-a17-pro");
  assert.throws(() => gflopsPerWatt(a17), (error: unknown) => {
    assert.ok(error instanceof MissingFigureError);
    assert.equal(
      error.message,
      "apple-a17-pro has no known fp32Tflops: Apple does not publish a GPU or CPU FLOPS figure " +
        "for the A17 Pro",
    );
    return true;
  });
  assert.throws(() => energyCostUsdPerHour(getHardware("raspberry-pi-5"), 0.1), MissingFigureError);
});
