/**
 * Executes one notebook headlessly with the project's Deno kernel.
 *
 * The Python side (`execute_notebook.py`, jupyter_client) keeps reading kernel output past the
 * kernel's idle signal so late outputs are never lost, polls the kernel process (a kernel that
 * exits fails its cell at once), enforces a per-cell timeout, checkpoints the executed notebook
 * after every cell and shuts the kernel down if this process dies. This side adds parameters
 * through the environment, a hard outer timeout (longer than the per-cell one) that kills both
 * process groups, {@link stopAllNotebooks} for signal handlers, and a typed failure naming the
 * notebook and the cell, with the partial executed notebook.
 *
 * @example
 * ```ts
 * import { executeNotebook } from "./execute.ts";
 * const run = await executeNotebook("notebooks/00_overview.ipynb", {
 *   outputDir: "/tmp/out",
 *   params: { mode: "quick", seed: 1 },
 * });
 * console.log(run.seconds, run.claims?.summary);
 * ```
 *
 * @module
 */
import { basename, join } from "node:path";
import type { RunParams } from "../core/params.ts";
import { PARAM_ENV } from "../core/params.ts";
import { requirePositive } from "../core/validate.ts";
import { CLAIMS_MIME } from "../core/display.ts";
import { type ClaimResult, type ClaimsSummary, summarizeClaims } from "../core/claims.ts";
import { jupyterEnv, KERNEL_NAME } from "./paths.ts";
import { ensureJupyter, ensureKernel } from "./setup.ts";

/** Options of {@link executeNotebook}. */
export interface ExecuteOptions {
  /** Where the executed `.ipynb` and HTML fragments go. */
  readonly outputDir: string;
  /** Mode and seed passed to the notebook (env `TOOLKIT_MODE`, `TOOLKIT_SEED`). */
  readonly params: RunParams;
  /**
   * Hard limit for the whole notebook, kernel start included. Default: 900 s in quick mode, a week
   * in paper mode (paper-scale sweeps can run for hours; the limit only guards against hangs).
   */
  readonly timeoutSeconds?: number;
  /**
   * Limit per cell (default: {@link DEFAULT_CELL_TIMEOUT_SECONDS} for the mode, capped at half of
   * the whole-notebook limit, so a stuck cell is caught and named before the hard limit).
   */
  readonly cellTimeoutSeconds?: number;
  /** How long to keep reading after the kernel reports idle (default 0.05 s). */
  readonly graceSeconds?: number;
  /** Extra environment for the kernel. */
  readonly env?: Record<string, string>;
}

/** Per-cell record of a run. */
export interface CellRun {
  readonly cell: number;
  readonly id: string | null;
  readonly seconds: number;
  readonly outputs: number;
}

/**
 * Where and why a notebook failed. `ename` is the cell's error name, or `CellTimeout`,
 * `KernelDied`, `Interrupted`, `HardTimeout` from the runner. `cell` is null for a failure outside
 * any cell (kernel start-up).
 */
export interface CellFailure {
  readonly cell: number | null;
  readonly id: string | null;
  readonly ename: string;
  readonly evalue: string;
}

/** Result of a successful execution. */
export interface NotebookRun {
  readonly notebook: string;
  readonly name: string;
  readonly seconds: number;
  readonly cells: readonly CellRun[];
  /** Executed notebook with outputs. */
  readonly executedPath: string;
  /** HTML body fragments: `clean` without code, `full` with code. */
  readonly html: { readonly clean: string; readonly full: string };
  /** Claims the notebook displayed with `core.claimsTable`, if any. */
  readonly claims: { summary: ClaimsSummary; claims: ClaimResult[] } | null;
}

/** A notebook cell raised, timed out, or the kernel died. */
export class NotebookExecutionError extends Error {
  override name = "NotebookExecutionError";
  constructor(
    readonly notebook: string,
    readonly failure: CellFailure | null,
    detail: string,
    readonly partial: { executedPath: string; cells: readonly CellRun[] } | null = null,
  ) {
    super(
      failure && failure.cell !== null
        ? `${notebook}: cell ${failure.cell}${
          failure.id ? ` (id ${failure.id})` : ""
        } failed: ${failure.ename}: ${failure.evalue}`
        : failure
        ? `${notebook}: ${failure.ename}: ${failure.evalue}`
        : `${notebook}: ${detail}`,
    );
  }
}

interface PythonResult {
  cells: CellRun[];
  error: CellFailure | null;
  seconds: number;
}

/** Default hard limit per notebook and mode. */
export const DEFAULT_TIMEOUT_SECONDS = { quick: 900, paper: 7 * 24 * 3600 } as const;

/** Default limit per cell and mode (capped at half the notebook's hard limit). */
export const DEFAULT_CELL_TIMEOUT_SECONDS = { quick: 600, paper: 2 * 24 * 3600 } as const;

/** Process groups of the runs in progress (Jupyter client, kernel), for {@link stopAllNotebooks}. */
const activeRuns = new Set<{ client: number; kernelPidFile: string }>();

/**
 * Kills the Jupyter client and kernel of every notebook run in progress (for signal handlers; the
 * clients also shut their kernels down by themselves when this process dies).
 *
 * @example
 * ```ts
 * Deno.addSignalListener("SIGINT", () => { stopAllNotebooks(); Deno.exit(130); });
 * ```
 */
export function stopAllNotebooks(): void {
  for (const run of activeRuns) killRun(run);
}

function killRun(run: { client: number; kernelPidFile: string }): void {
  killGroup(run.client);
  try {
    killGroup(Number(Deno.readTextFileSync(run.kernelPidFile)));
  } catch {
    // the kernel had not started yet: killing the client was enough
  }
}

const SCRIPT = new URL("./execute_notebook.py", import.meta.url).pathname;

/**
 * Executes a notebook and exports its HTML fragments.
 *
 * @throws {NotebookExecutionError} naming notebook and cell on any cell error or timeout
 */
export async function executeNotebook(
  notebookPath: string,
  options: ExecuteOptions,
): Promise<NotebookRun> {
  const python = await ensureJupyter();
  await ensureKernel();
  const name = basename(notebookPath).replace(/\.ipynb$/, "");
  await Deno.mkdir(options.outputDir, { recursive: true });
  const executedPath = join(options.outputDir, `${name}.ipynb`);
  const html = {
    clean: join(options.outputDir, `${name}.clean.fragment.html`),
    full: join(options.outputDir, `${name}.full.fragment.html`),
  };
  const timeoutSeconds = requirePositive(
    "timeoutSeconds",
    options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS[options.params.mode],
  );
  const cellTimeout = requirePositive(
    "cellTimeoutSeconds",
    options.cellTimeoutSeconds ??
      Math.min(DEFAULT_CELL_TIMEOUT_SECONDS[options.params.mode], timeoutSeconds / 2),
  );
  const progressFile = progressFileOf(options.outputDir, name);
  for (const stale of [executedPath, progressFile, html.clean, html.full]) {
    await Deno.remove(stale).catch(() => {}); // an old run's files must not pass for this one's
  }
  const request = {
    notebook: notebookPath,
    kernel: KERNEL_NAME,
    outputNotebook: executedPath,
    progressFile,
    cellTimeout,
    graceSeconds: options.graceSeconds ?? 0.05,
    startupTimeout: 120,
    pidFile: join(options.outputDir, `${name}.kernel.pid`),
    kernelLog: join(options.outputDir, `${name}.kernel.log`),
    env: {
      [PARAM_ENV.mode]: options.params.mode,
      [PARAM_ENV.seed]: String(options.params.seed),
      NO_COLOR: "1",
      ...options.env,
    },
    html: [
      { path: html.clean, excludeInput: true },
      { path: html.full, excludeInput: false },
    ],
  };
  // setsid gives Python and the kernel their own process group, so the hard timeout kills both.
  const child = new Deno.Command("setsid", {
    args: [python, SCRIPT, JSON.stringify(request)],
    env: { ...jupyterEnv(), PYTHONUNBUFFERED: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const run = { client: child.pid, kernelPidFile: request.pidFile };
  activeRuns.add(run);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killRun(run);
  }, timeoutSeconds * 1000);
  const output = await child.output().finally(() => {
    clearTimeout(timer);
    activeRuns.delete(run);
  });
  const stdout = new TextDecoder().decode(output.stdout).trim();
  const stderr = new TextDecoder().decode(output.stderr).trim();
  const partial = async (cells: readonly CellRun[]) =>
    await exists(executedPath) ? { executedPath, cells } : null;
  if (timedOut) {
    const running = await readProgress(progressFile);
    throw new NotebookExecutionError(
      notebookPath,
      running && {
        ...running,
        ename: "HardTimeout",
        evalue: `the notebook exceeded the hard timeout of ${timeoutSeconds} s and was killed`,
      },
      `exceeded the hard timeout of ${timeoutSeconds} s and was killed`,
      await partial([]),
    );
  }
  const lastLine = stdout.split("\n").at(-1) ?? "";
  let result: PythonResult;
  try {
    result = JSON.parse(lastLine) as PythonResult;
  } catch {
    throw new NotebookExecutionError(
      notebookPath,
      null,
      `the Jupyter client failed (exit ${output.code}): ${stderr.slice(-3000)}`,
      await partial([]),
    );
  }
  if (result.error) {
    throw new NotebookExecutionError(notebookPath, result.error, "", await partial(result.cells));
  }
  return {
    notebook: notebookPath,
    name,
    seconds: result.seconds,
    cells: result.cells,
    executedPath,
    html,
    claims: await readClaims(executedPath),
  };
}

/** The cell a run was executing, from the progress file the client writes before each cell. */
async function readProgress(path: string): Promise<{ cell: number; id: string | null } | null> {
  const progress = await readRunProgress(path);
  return progress && { cell: progress.cell, id: progress.id };
}

/** Where a run in progress stands, as the Jupyter client records it. */
export interface RunProgress {
  /** Index of the running cell among all cells. */
  readonly cell: number;
  readonly id: string | null;
  /** Position of the running cell among the code cells (1-based), and their number. */
  readonly codeCell?: number;
  readonly codeCells?: number;
  /** Latest line of the progress bar the running cell shows (`core.progress`), if any. */
  readonly progress?: string;
}

/** The progress file of notebook `name` running into `outputDir`. */
export function progressFileOf(outputDir: string, name: string): string {
  return join(outputDir, `${name}.progress.json`);
}

/** Reads a progress file; null before the first cell (or when it is unreadable). */
export async function readRunProgress(path: string): Promise<RunProgress | null> {
  try {
    return JSON.parse(await Deno.readTextFile(path)) as RunProgress;
  } catch {
    return null; // killed before the first cell
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Kills a process group led by `pid` (the client's, or the kernel's own session). */
function killGroup(pid: number): void {
  if (!(Number.isInteger(pid) && pid > 1)) return;
  try {
    Deno.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Collects the claims payloads a notebook displayed (merged when several tables were shown). */
export async function readClaims(
  executedPath: string,
): Promise<{ summary: ClaimsSummary; claims: ClaimResult[] } | null> {
  const notebook = JSON.parse(await Deno.readTextFile(executedPath)) as {
    cells: { outputs?: { data?: Record<string, unknown> }[] }[];
  };
  const claims: ClaimResult[] = [];
  let found = false;
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const payload = output.data?.[CLAIMS_MIME] as { claims: ClaimResult[] } | undefined;
      if (payload) {
        found = true;
        claims.push(...payload.claims);
      }
    }
  }
  return found ? { claims, summary: summarizeClaims(claims) } : null;
}
