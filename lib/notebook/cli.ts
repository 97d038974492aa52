/**
 * Command line of the notebook tooling (behind `deno task report | nb | lab | setup`).
 *
 * ```sh
 * deno task report                      # every notebook, quick mode, site in reports/
 * deno task report --mode paper --seed 7
 * deno task report --jobs 1 --force      # one notebook at a time, ignoring the execution cache
 * deno task nb notebooks/01_online_ca_supply_costs.ipynb   # one notebook (also: --only 01)
 * deno task lab                         # Jupyter Notebook on 127.0.0.1 with the project kernel
 * ```
 *
 * @module
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { requireInteger, requireOneOf, requirePositive } from "../core/validate.ts";
import type { RunParams } from "../core/params.ts";
import { buildReport, defaultJobs, listNotebooks } from "./report.ts";
import { stopAllNotebooks } from "./execute.ts";
import { jupyterEnv, NOTEBOOKS_DIR, REPORTS_DIR } from "./paths.ts";
import { ensureJupyter, ensureKernel, SetupError } from "./setup.ts";
import { ParameterError } from "../core/errors.ts";

const USAGE = `usage:
  deno task report [--mode quick|paper] [--seed N] [--out DIR] [--with-input] [--only TEXT]
                   [--timeout S] [--jobs N] [--force]
      execute every notebook (or those whose path contains TEXT) and write the HTML site
  deno task nb NOTEBOOK.ipynb... [--mode quick|paper] [--seed N] [--out DIR] [--with-input]
               [--timeout S] [--force]
      execute the named notebooks and update their pages of the site
  deno task lab [--port 8888]
      start Jupyter Notebook on 127.0.0.1 with the project's Deno kernel
  deno task setup
      install Jupyter if missing and register the project-local Deno kernel
options:
  --mode M      quick (minutes on 2 cores; default) or paper (the papers' sample sizes)
  --seed N      root seed of every random stream (default 1)
  --out DIR     site folder (default reports/)
  --with-input  show the code cells on the main page of each notebook
  --timeout S   hard limit per notebook in seconds (default 900 quick, 7 days paper)
  --jobs N      notebooks run at the same time (default: the number of cores)
  --force       re-execute notebooks whose cached run is current (cache: .cache/notebooks or
                $TOOLKIT_CACHE_DIR)
  --help, -h    print this text`;

function parseParams(values: { mode?: string; seed?: string }): RunParams {
  return {
    mode: requireOneOf("--mode", values.mode ?? "quick", ["quick", "paper"] as const),
    seed: requireInteger("--seed", Number(values.seed ?? "1")),
  };
}

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mode: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      only: { type: "string" },
      timeout: { type: "string" },
      port: { type: "string" },
      "with-input": { type: "boolean" },
      jobs: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === "setup") {
    const python = await ensureJupyter();
    const dir = await ensureKernel();
    console.log(`Jupyter: ${python}; kernel: ${dir}`);
    return 0;
  }
  if (command === "lab") {
    await ensureJupyter(true);
    await ensureKernel();
    const port = String(requireInteger("--port", Number(values.port ?? "8888"), 1, 65535));
    const server = new Deno.Command("jupyter", {
      args: [
        "notebook",
        "--ip",
        "127.0.0.1",
        "--port",
        port,
        "--no-browser",
        ...(Deno.uid() === 0 ? ["--allow-root"] : []),
        NOTEBOOKS_DIR,
      ],
      env: jupyterEnv(),
    }).spawn();
    return (await server.status).code;
  }
  if (command !== "report" && command !== "nb") {
    console.error(`unknown command ${command}\n${USAGE}`);
    return 2;
  }
  const params = parseParams(values);
  const jobs = values.jobs === undefined
    ? defaultJobs()
    : requireInteger("--jobs", Number(values.jobs), 1);
  let notebooks = await listNotebooks();
  if (command === "nb") {
    if (rest.length === 0) {
      console.error(`nb needs a notebook path\n${USAGE}`);
      return 2;
    }
    notebooks = rest.map((path) => resolve(path));
  }
  if (values.only) notebooks = notebooks.filter((path) => path.includes(values.only!));
  if (notebooks.length === 0) {
    console.error("no notebook matches");
    return 2;
  }
  stopNotebooksOnSignal();
  const started = performance.now();
  const report = await buildReport({
    params,
    notebooks,
    outDir: values.out ? resolve(values.out) : REPORTS_DIR,
    withInput: values["with-input"] ?? false,
    mergeIndex: command === "nb" || values.only !== undefined,
    timeoutSeconds: values.timeout === undefined
      ? undefined
      : requirePositive("--timeout", Number(values.timeout)),
    jobs,
    force: values.force ?? false,
  });
  const cached = report.entries.filter((entry) => entry.cachedFrom).length;
  console.log(
    `report: ${report.outDir}/index.html (${
      report.entries.length - cached
    } executed, ${cached} cached, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const failure of report.failures) console.error(`FAILED ${failure.error}`);
  return report.failures.length === 0 ? 0 : 1;
}

/**
 * On SIGINT, SIGTERM or SIGHUP, kills every running Jupyter client and kernel before exiting (the
 * site being built is abandoned; the previous one stays in place). On SIGKILL the clients notice
 * their parent is gone and shut their kernels down themselves.
 */
function stopNotebooksOnSignal(): void {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const [signal, code] of Object.entries(codes)) {
    Deno.addSignalListener(signal as Deno.Signal, () => {
      console.error(`[report] ${signal}: stopping the notebooks in progress`);
      stopAllNotebooks();
      Deno.exit(code);
    });
  }
}

/** Runs the CLI; set-up and parameter problems print one clear line instead of a stack trace. */
async function run(args: string[]): Promise<number> {
  try {
    return await main(args);
  } catch (error) {
    if (error instanceof SetupError || error instanceof ParameterError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    if (String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.main) Deno.exit(await run(Deno.args));
