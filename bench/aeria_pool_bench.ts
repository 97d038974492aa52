/**
 * AERIA's paper-size units on the sweep pool, 1 Worker against 2. Run:
 * `npx -y deno@2.9.6 bench -A bench/aeria_pool_bench.ts` and read the "× faster than" line of
 * group `aeria-pool`. The units are 16 of the 430 paper-mode units of `units_aeria.ts`, every
 * fifth of a kind that the ledger runs many of: 6 trace-driven runs (360 slots, five mechanisms,
 * ~2-4 s each), 6 regime-comparison paired runs (120 slots, ~1 s) and 4 capacity-sweep runs (48
 * slots, ~0.5 s). The start-up of a Worker (module load, trace read) is paid once per Worker.
 * On a shared machine the factor is capped by the cores that are actually free: report the load
 * average alongside (`uptime`), as the numbers below do.
 *
 * Measured 2026-12-03 on the shared 2-core machine with other sessions running (load average
 * 12.0 before, 8.2 after): 1 worker 13.9 s (8.2-22.9), 2 workers 8.8 s (7.7-10.4), 1.57× faster;
 * noisy at that load (2 iterations each). All 430 paper units at once: 41.6 s with 2 workers at
 * load 0.1-2.3 (see data/paper_mode_times.json, notebook 02).
 */
import { benchPoolJobs } from "./pool_jobs.ts";
import { aeriaUnits } from "../lib/sweep/units_aeria.ts";

const all = aeriaUnits({ mode: "paper", seed: 1 });
const pick = (experiment: string, count: number) =>
  all.filter((u) => u.experiment === experiment && u.unit % 5 === 0).slice(0, count);
const tasks = [...pick("trace", 6), ...pick("regimes", 6), ...pick("capacity", 4)]
  .map((config) => ({ kind: "aeria", config }));

benchPoolJobs("aeria-pool", "paper-size AERIA units", tasks);
