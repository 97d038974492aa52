/**
 * Cold load of the largest trace (Google 2011 jobs, 672,074 rows) in a fresh process, start-up
 * included: within a process the loaders cache frames, so only a new process measures a load.
 * Target: a few seconds. Skipped when the raw trace is absent.
 */
import { traceDir, tracesAvailable } from "../lib/traces/paths.ts";

const MODULE = new URL("../lib/traces/mod.ts", import.meta.url).href;

Deno.bench({
  name: "loadGoogleJobs in a fresh process (cold, start-up included)",
  n: 3,
  warmup: 0,
  ignore: !tracesAvailable("google-2011", traceDir()),
  async fn() {
    const run = await new Deno.Command(Deno.execPath(), {
      args: ["eval", `import { loadGoogleJobs } from "${MODULE}"; loadGoogleJobs();`],
      stdout: "null",
    }).output();
    if (!run.success) throw new Error(new TextDecoder().decode(run.stderr));
  },
});
