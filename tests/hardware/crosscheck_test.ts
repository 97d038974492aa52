import assert from "node:assert/strict";
import {
  agreesWithin,
  CHECKED_ON,
  CROSS_CHECK_TOLERANCE,
  crossCheckStatus,
  crossCheckSummary,
  FIGURE_FIELDS,
  getHardware,
  HARDWARE,
  type HardwareProfile,
  isVendorUrl,
  type KnownFigure,
} from "../../lib/hardware/mod.ts";
import { crossChecked, known, unknown } from "../../lib/hardware/figure.ts";

const knownFigures = (): [string, KnownFigure][] =>
  HARDWARE.flatMap((profile) =>
    FIGURE_FIELDS.flatMap((field): [string, KnownFigure][] => {
      const figure = profile[field];
      return figure.known ? [[`${profile.id}.${field}`, figure]] : [];
    })
  );

const checked = () =>
  knownFigures().flatMap(([where, figure]) =>
    figure.crossCheck === undefined ? [] : [{ where, figure, check: figure.crossCheck }]
  );

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

Deno.test("every cross-check has an absolute http(s) URL and a calendar date", () => {
  assert.ok(checked().length > 0);
  for (const { where, check } of checked()) {
    const url = new URL(check.url); // throws on a malformed URL
    assert.ok(url.protocol === "https:" || url.protocol === "http:", where);
    assert.ok(url.hostname.includes("."), where);
    assert.ok(isCalendarDate(check.checked), `${where}: ${check.checked}`);
    assert.ok(check.checked <= CHECKED_ON, where);
  }
});

Deno.test("a page counts as vendor exactly when its host is a vendor domain", () => {
  for (const { where, check } of checked()) {
    assert.equal(check.kind === "vendor", isVendorUrl(check.url), where);
  }
  assert.ok(isVendorUrl("https://developer.nvidia.com/x"));
  assert.ok(isVendorUrl("https://aws.amazon.com./de/ec2/spot/pricing"));
  assert.ok(!isVendorUrl("https://nvidia.com.example.org/x"));
  assert.ok(!isVendorUrl("https://notnvidia.com/x"));
});

Deno.test("no vendor page disagrees: a vendor value would have replaced the figure", () => {
  const vendorDisagreements = checked().filter(({ check }) =>
    check.kind === "vendor" && !check.agrees
  );
  assert.deepEqual(vendorDisagreements.map(({ where }) => where), []);
});

Deno.test("agrees is the tolerance comparison of the recorded and the found value", () => {
  for (const { where, figure, check } of checked()) {
    assert.ok(Number.isFinite(check.found) && check.found > 0, where);
    assert.equal(check.agrees, agreesWithin(figure.value, check.found), where);
  }
});

Deno.test("agreesWithin tolerates rounding only", () => {
  assert.equal(CROSS_CHECK_TOLERANCE, 0.01);
  assert.ok(agreesWithin(37.4, 37.42));
  assert.ok(agreesWithin(8.1, 8.141));
  assert.ok(agreesWithin(100, 101));
  assert.ok(!agreesWithin(100, 101.5));
  assert.ok(!agreesWithin(15.7, 15));
  assert.ok(!agreesWithin(989.5, 1979));
});

Deno.test("crossChecked computes agreement and keeps the figure's provenance", () => {
  const source = { document: "d", publisher: "p", date: "2024" };
  const base = known(300, "datasheet", source, "note");
  const ok = crossChecked(
    base,
    { url: "https://a.example/x", kind: "secondary", found: 300 },
    "2026-11-24",
  );
  assert.deepEqual(ok, {
    ...base,
    crossCheck: {
      url: "https://a.example/x",
      checked: "2026-11-24",
      kind: "secondary",
      agrees: true,
      found: 300,
    },
  });
  const off = crossChecked(
    base,
    { url: "https://a.example/x", kind: "secondary", found: 250, detail: "PCIe card" },
    "2026-11-24",
  );
  assert.equal(off.crossCheck?.agrees, false);
  assert.equal(off.crossCheck?.detail, "PCIe card");
  assert.equal(off.value, 300);
  assert.equal(base.crossCheck, undefined);
});

Deno.test("crossCheckSummary counts each category on a hand-built catalogue", () => {
  const source = { document: "d", publisher: "p", date: "2024" };
  const at = (found: number, kind: "vendor" | "secondary", inputsOnly = false) =>
    crossChecked(
      known(10, "datasheet", source),
      { url: "https://x.example/", kind, found, inputsOnly },
      "2026-11-24",
    );
  const profile: HardwareProfile = {
    id: "fake",
    name: "Fake",
    vendor: "V",
    deviceClass: "edge-cpu",
    hasTensorCores: false,
    fp16Formats: ["fp16"],
    memoryType: "none",
    memoryGB: at(10, "vendor"),
    fp32Tflops: at(10, "secondary"),
    fp16Tflops: at(10.05, "secondary"),
    int8Tops: unknown("not applicable here"),
    fp8Tflops: unknown("not applicable here"),
    memoryBandwidthGBps: at(12, "secondary"),
    tdpWatts: known(5, "datasheet", source),
    vendorAiTops: at(10, "secondary", true),
    onDemandUsdPerHour: at(9, "vendor", true),
    onDemandPriceHistory: [],
  };
  assert.deepEqual(crossCheckSummary([profile]), {
    figures: 7,
    vendorAgreeing: 1,
    secondaryAgreeing: 2,
    inputsOnly: 1,
    disagreeing: 2,
    unchecked: 1,
  });
  assert.deepEqual(crossCheckSummary([]), {
    figures: 0,
    vendorAgreeing: 0,
    secondaryAgreeing: 0,
    inputsOnly: 0,
    disagreeing: 0,
    unchecked: 0,
  });
});

Deno.test("catalogue summary adds up and matches the figures found", () => {
  const summary = crossCheckSummary();
  assert.equal(summary.figures, knownFigures().length);
  assert.equal(
    summary.vendorAgreeing + summary.secondaryAgreeing + summary.inputsOnly +
      summary.disagreeing + summary.unchecked,
    summary.figures,
  );
  for (const status of ["vendor", "secondary", "inputs-only", "disagreeing"] as const) {
    const counted = {
      vendor: summary.vendorAgreeing,
      secondary: summary.secondaryAgreeing,
      "inputs-only": summary.inputsOnly,
      disagreeing: summary.disagreeing,
    }[status];
    assert.equal(counted, knownFigures().filter(([, f]) => crossCheckStatus(f) === status).length);
  }
  assert.equal(summary.unchecked, knownFigures().filter(([, f]) => !f.crossCheck).length);
  assert.ok(summary.vendorAgreeing >= 1);
});

Deno.test("the V100 tensor rate is confirmed by an NVIDIA page", () => {
  const check = getHardware("v100").fp16Tflops;
  assert.ok(check.known && check.crossCheck?.kind === "vendor" && check.crossCheck.agrees);
});

Deno.test("figures checked only through our formula's inputs are inputs-only, never agreeing", () => {
  const formulaChecked = [
    "v100.fp32Tflops",
    "jetson-orin-nano.fp32Tflops",
    "jetson-orin-nano-super.fp32Tflops",
    "rtx-4090.fp32Tflops",
    "jetson-nano.fp32Tflops",
    "raspberry-pi-5.fp32Tflops",
  ];
  const inputsOnly = knownFigures().filter(([, f]) => f.crossCheck?.inputsOnly === true);
  assert.deepEqual(inputsOnly.map(([where]) => where).sort(), [...formulaChecked].sort());
  for (const [where, figure] of inputsOnly) {
    assert.equal(crossCheckStatus(figure), "inputs-only", where);
  }
});
