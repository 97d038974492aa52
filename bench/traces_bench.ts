/**
 * Load of the largest trace (Google 2011 jobs, 672,074 rows) in a fresh process, start-up
 * included: within a process the loaders memoise frames, so only a new process measures a load.
 * Two ways, in group `google-2011`: parsed from the CSV (`TOOLKIT_TRACE_CACHE_DIR=off`, what every
 * pool Worker, shard and kernel paid before the parsed-trace cache), and read from that cache
 * (lib/traces/parsed_cache.ts; the bench fills a temporary cache folder first). Target: the cached
 * load a small fraction of a second beyond process start-up. Skipped when the raw trace is absent.
 * Run: `npx -y deno@2.9.6 bench -A bench/traces_bench.ts`.
 * Measured 2026-12-04 at load average 3.7-4.0 (a paper-mode report running beside it): parsed
 * 1.4 s (1.2-1.6), from the cache 295 ms (195-353), 4.8x faster; a bare `deno eval` takes ~150 ms.
 */
import { traceDir, tracesAvailable } from "../lib/traces/paths.ts";

const MODULE = new URL("../lib/traces/mod.ts", import.meta.url).href;
const ignore = !tracesAvailable("google-2011", traceDir());
const cacheDir = Deno.makeTempDirSync({ prefix: "trace-cache-bench-" });

async function loadInFreshProcess(cache: string): Promise<void> {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["eval", `import { loadGoogleJobs } from "${MODULE}"; loadGoogleJobs();`],
    env: { TOOLKIT_TRACE_CACHE_DIR: cache },
    stdout: "null",
  }).output();
  if (!run.success) throw new Error(new TextDecoder().decode(run.stderr));
}

if (!ignore) await loadInFreshProcess(cacheDir);

const WAYS: readonly (readonly [string, string])[] = [
  ["parsed from the CSV", "off"],
  ["from the cache", cacheDir],
];
for (const [name, cache] of WAYS) {
  Deno.bench({
    name: `loadGoogleJobs in a fresh process, ${name}`,
    group: "google-2011",
    baseline: cache === "off",
    n: 3,
    warmup: 0,
    ignore,
    async fn() {
      await loadInFreshProcess(cache);
    },
  });
}
