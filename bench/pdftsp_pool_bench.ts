/**
 * Speed of pdFTSP's sweep units in the pool (issue 12): the same paper-size units with 2 Workers
 * against 1. Run: `npx -y deno@2.9.6 bench -A bench/pdftsp_pool_bench.ts` and read the
 * "× faster than" line of group `pdftsp pool`. The units are the four Fig. 7 trace settings in
 * paper mode (50 nodes, ~50 arrivals per slot, 144 slots, Titan at 2000 branch-and-bound nodes per
 * slot; ~7 s of CPU each, most of it Titan's MILPs), so a Worker's start-up is a small part.
 * On a shared machine the factor is capped by the cores that are actually free: report the load.
 */
import { runPool } from "../lib/sweep/pool.ts";
import { pdftspSettings, pdftspUnits } from "../lib/sweep/units_pdftsp.ts";
import { SWEEPS } from "../lib/papers/pdftsp/experiments.ts";

const params = { mode: "paper", seed: 1 } as const;
const traces = new Set(SWEEPS["Fig. 7 real traces"]!.map(({ setting }) => setting.arrivals));
const settings = pdftspSettings(params);
const tasks = pdftspUnits(params)
  .filter((unit) => traces.has(settings[unit.setting]!.arrivals))
  .map((config) => ({ kind: "pdftsp", config }));

for (const jobs of [1, 2]) {
  Deno.bench({
    name: `${tasks.length} paper-size pdFTSP settings, ${jobs} worker${jobs > 1 ? "s" : ""}`,
    group: "pdftsp pool",
    baseline: jobs === 1,
    n: 2,
    warmup: 0,
    async fn() {
      await runPool(tasks, { jobs });
    },
  });
}
