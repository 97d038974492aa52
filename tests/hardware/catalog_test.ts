import assert from "node:assert/strict";
import {
  ACCELERATORS,
  DATACENTER_GPUS,
  EDGE_DEVICES,
  FIGURE_FIELDS,
  getHardware,
  HARDWARE,
  HARDWARE_IDS,
  UnknownHardwareError,
} from "../../lib/hardware/mod.ts";

const REQUIRED_IDS = [
  "h100-sxm",
  "h100-pcie",
  "h200",
  "a100-80gb",
  "a100-40gb",
  "a40",
  "l40s",
  "l4",
  "t4",
  "v100",
  "jetson-agx-orin",
  "jetson-orin-nano",
  "jetson-orin-nano-super",
  "jetson-nano",
  "mi300x",
  "tpu-v5e",
  "inferentia2",
  "rtx-4090",
  "raspberry-pi-5",
  "apple-a17-pro",
  "i7-13700k",
];

Deno.test("catalogue holds every required device once", () => {
  assert.deepEqual([...HARDWARE_IDS].sort(), [...REQUIRED_IDS].sort());
  assert.equal(new Set(HARDWARE_IDS).size, HARDWARE_IDS.length);
  assert.equal(
    HARDWARE.length,
    DATACENTER_GPUS.length + ACCELERATORS.length + EDGE_DEVICES.length,
  );
});

Deno.test("every known figure is positive, finite and sourced with a date", () => {
  for (const profile of HARDWARE) {
    for (const field of FIGURE_FIELDS) {
      const figure = profile[field];
      const where = `${profile.id}.${field}`;
      if (figure.known) {
        assert.ok(Number.isFinite(figure.value) && figure.value > 0, where);
        assert.ok(figure.source.document.length > 0, where);
        assert.ok(figure.source.publisher.length > 0, where);
        assert.match(figure.source.date, /^\d{4}(-\d{2}(-\d{2})?)?$/, where);
        if (figure.basis === "derived") assert.ok((figure.note ?? "").length > 0, where);
      } else {
        assert.ok(figure.reason.length > 10, `${where} needs a reason`);
      }
    }
  }
});

Deno.test("data-centre GPUs have every compute, memory and power figure", () => {
  for (const gpu of DATACENTER_GPUS) {
    for (
      const field of [
        "memoryGB",
        "fp32Tflops",
        "fp16Tflops",
        "memoryBandwidthGBps",
        "tdpWatts",
      ] as const
    ) {
      assert.ok(gpu[field].known, `${gpu.id}.${field}`);
    }
  }
});

Deno.test("tensor-core FP16 rate is at least the FP32 rate", () => {
  for (const profile of HARDWARE.filter((p) => p.hasTensorCores)) {
    const fp16 = profile.fp16Tflops;
    const fp32 = profile.fp32Tflops;
    if (fp16.known && fp32.known) assert.ok(fp16.value >= fp32.value, profile.id);
  }
});

Deno.test("datasheet figures that papers rely on", () => {
  const a100 = getHardware("a100-80gb");
  assert.deepEqual(
    [a100.fp32Tflops, a100.fp16Tflops, a100.memoryBandwidthGBps].map((f) => f.known && f.value),
    [19.5, 312, 2039],
  );
  const h100 = getHardware("h100-sxm");
  assert.equal(h100.fp16Tflops.known && h100.fp16Tflops.value, 989.5);
  const i7 = getHardware("i7-13700k");
  assert.ok(i7.fp32Tflops.known && i7.fp32Tflops.basis === "paper");
  assert.ok(Math.abs((i7.fp32Tflops.known ? i7.fp32Tflops.value : 0) * 3 - 3.93) < 1e-12);
});

Deno.test("unknown id lists the valid ids", () => {
  assert.throws(() => getHardware("h1000"), (error: unknown) => {
    assert.ok(error instanceof UnknownHardwareError);
    assert.equal(
      error.message,
      `parameter id = "h1000" is invalid: expected one of ${HARDWARE_IDS.join(", ")}`,
    );
    assert.deepEqual(error.validIds, HARDWARE_IDS);
    return true;
  });
});

Deno.test("Orin Nano Super sits next to the 2023 Orin Nano with the raised clocks' figures", () => {
  const ids = HARDWARE_IDS.slice();
  assert.equal(ids.indexOf("jetson-orin-nano-super"), ids.indexOf("jetson-orin-nano") + 1);
  const value = (id: string, field: "memoryBandwidthGBps" | "tdpWatts" | "vendorAiTops") => {
    const f = getHardware(id)[field];
    return f.known ? f.value : undefined;
  };
  assert.deepEqual(
    (["memoryBandwidthGBps", "tdpWatts", "vendorAiTops"] as const).map((f) => [
      value("jetson-orin-nano", f),
      value("jetson-orin-nano-super", f),
    ]),
    [[68, 102], [15, 25], [40, 67]],
  );
});

Deno.test("dense INT8 is at least the 16-bit rate, and sparse-only figures are halved", () => {
  let compared = 0;
  for (const profile of HARDWARE) {
    const { int8Tops, fp16Tflops, fp8Tflops } = profile;
    if (int8Tops.known && fp16Tflops.known) {
      compared += 1;
      assert.ok(int8Tops.value >= fp16Tflops.value, profile.id);
    }
    for (const figure of [int8Tops, fp8Tflops]) {
      if (figure.known && (figure.note ?? "").includes("2:4 sparsity")) {
        const printed = Number(/prints ([\d.]+)/.exec(figure.note ?? "")?.[1]);
        assert.equal(figure.value, printed / 2, profile.id);
      }
    }
  }
  assert.ok(compared >= 10);
  // FP8 exists only from Hopper / Ada on, and on Inferentia2's cFP8
  const withFp8 = HARDWARE.filter((p) => p.fp8Tflops.known).map((p) => p.id);
  assert.deepEqual(withFp8, [
    "h100-sxm",
    "h100-pcie",
    "h200",
    "l40s",
    "l4",
    "mi300x",
    "inferentia2",
  ]);
});
