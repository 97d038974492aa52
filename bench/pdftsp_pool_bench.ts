/**
 * Speed of pdFTSP's sweep units in the pool (issue 12): the same paper-size units with 2 Workers
 * against 1. Run: `npx -y deno@2.9.6 bench -A bench/pdftsp_pool_bench.ts` and read the
 * "× faster than" line of group `pdftsp pool`. The units are the four Fig. 7 trace settings in
 * paper mode (50 nodes, ~50 arrivals per slot, 144 slots, Titan at 2000 branch-and-bound nodes per
 * slot; ~7 s of CPU each, most of it Titan's MILPs), so a Worker's start-up is a small part.
 * On a shared machine the factor is capped by the cores that are actually free: report the load.
 * Measured 2026-12-03, never on an idle machine (other sessions ran throughout): load average 3.5
 * rising to 12 during the run: 1 worker 34.2 s (32.1-36.7), 2 workers 81.1 s (68.9-97.2), 2.37×
 * slower; a rerun at load 1.6 rising to 10: 1 worker 38.7 s (28.9-48.4), 2 workers 36.7 s
 * (25.0-47.7), 1.05× faster (1.16× on the fastest iterations). No speed-up could be shown on
 * this machine; a speed target needs a run with two free cores.
 */
import { benchPoolJobs } from "./pool_jobs.ts";
import { pdftspSettings, pdftspUnits } from "../lib/sweep/units_pdftsp.ts";
import { SWEEPS } from "../lib/papers/pdftsp/experiments.ts";

const params = { mode: "paper", seed: 1 } as const;
const traces = new Set(SWEEPS["Fig. 7 real traces"]!.map(({ setting }) => setting.arrivals));
const settings = pdftspSettings(params);
const tasks = pdftspUnits(params)
  .filter((unit) => traces.has(settings[unit.setting]!.arrivals))
  .map((config) => ({ kind: "pdftsp", config }));

benchPoolJobs("pdftsp pool", "paper-size pdFTSP settings", tasks);
