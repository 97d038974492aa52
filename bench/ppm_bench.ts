/**
 * Speed targets of the ppm reproduction (issue targets):
 * - one PPM decision for a job spanning 100 slots, 2 resources, 9 bundles: < 5 µs median;
 * - a 4000-job instance per mechanism: < 50 ms;
 * - one call of a precomputed optimal pricing function: < 1 µs.
 */
import { ppm } from "../lib/mod.ts";

const pbar = 2 * ppm.CBAR_CPU;
const { instance } = await ppm.buildInstance({
  case: "UE",
  pbar,
  jobs: 4000,
  slots: 3600,
  seed: 1,
});
const mechanisms = ppm.section6Mechanisms();
const pricing = Object.fromEntries(
  Object.entries(mechanisms).map(([name, spec]) => [name, ppm.pricingFunctions(instance, spec)]),
);

// One decision: a background load, then a single 100-slot customer.
const single: ppm.Instance = {
  slots: 200,
  resources: instance.resources,
  bundles: instance.bundles,
  customers: [{
    arrival: 50,
    duration: 100,
    valuations: instance.bundles.map(([c]) => 0.5 * 100 * c!),
  }],
};
const opPricing = pricing["PPM-OP"]!;
Deno.bench("PPM-OP decision: 100 slots, 2 resources, 9 bundles", {
  group: "decision",
  baseline: true,
}, () => {
  ppm.runPosted(single, opPricing);
});

for (const name of Object.keys(mechanisms)) {
  Deno.bench(`${name}: 4000-job Section 6 instance`, { group: "instance" }, () => {
    ppm.runPosted(instance, pricing[name]!);
  });
}

const phi = ppm.optimalPricing({ a: 0.223, s: 3, pbar: 9 * ppm.CBAR_CPU });
const ys = Float64Array.from({ length: 1024 }, (_, i) => (i + 0.5) / 1024);
let sink = 0;
Deno.bench("optimal φ evaluation ×1024 (HUC2 table)", { group: "phi" }, () => {
  for (let i = 0; i < ys.length; i++) sink += phi(ys[i]!);
});
globalThis.addEventListener("unload", () => {
  if (sink === 42) console.log(sink);
});
