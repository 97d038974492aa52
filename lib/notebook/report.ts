/**
 * Builds the report site: executes notebooks, wraps their HTML, writes an index page.
 *
 * A failing notebook does not stop the others; it is listed as failed on the index (with the cell
 * and error) and {@link buildReport} reports it, so the CLI exits non-zero.
 *
 * @example
 * ```ts
 * import { buildReport } from "./report.ts";
 * const report = await buildReport({ params: { mode: "quick", seed: 1 } });
 * console.log(report.failures.length === 0);
 * ```
 *
 * @module
 */
import { basename, join } from "node:path";
import type { RunParams } from "../core/params.ts";
import { executeNotebook, NotebookExecutionError } from "./execute.ts";
import { NOTEBOOKS_DIR, REPORTS_DIR } from "./paths.ts";
import { type IndexEntry, indexPage, notebookPage } from "./site.ts";
import { katexAssetsDir, renderMath } from "./math.ts";

/** Options of {@link buildReport}. */
export interface ReportOptions {
  readonly params: RunParams;
  /** Output directory (default `reports/`). */
  readonly outDir?: string;
  /** Notebooks to run (default: every `notebooks/*.ipynb`, sorted). */
  readonly notebooks?: readonly string[];
  /** Show code in the main page (default false: clean page, with a link to the code version). */
  readonly withInput?: boolean;
  /** Per-notebook hard timeout in seconds (default: see `DEFAULT_TIMEOUT_SECONDS`). */
  readonly timeoutSeconds?: number;
  /** Keep other notebooks' rows of an existing index (for re-running single notebooks). */
  readonly mergeIndex?: boolean;
  /** Progress sink (default stderr). */
  readonly log?: (line: string) => void;
}

/** Outcome of {@link buildReport}. */
export interface Report {
  readonly outDir: string;
  readonly entries: readonly IndexEntry[];
  readonly failures: readonly IndexEntry[];
}

/** Every notebook in `notebooks/`, sorted by name. */
export async function listNotebooks(dir = NOTEBOOKS_DIR): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(join(dir, entry.name));
  }
  return names.sort();
}

/** Title of a notebook: its first Markdown heading, else the file name. */
export async function notebookTitle(path: string): Promise<string> {
  const notebook = JSON.parse(await Deno.readTextFile(path)) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const heading = text.match(/^#\s+(.+)$/m);
    if (heading?.[1]) return heading[1].trim();
  }
  return basename(path, ".ipynb");
}

/** Executes notebooks and writes the site. */
export async function buildReport(options: ReportOptions): Promise<Report> {
  const outDir = options.outDir ?? REPORTS_DIR;
  const log = options.log ?? ((line: string) => console.error(line));
  const notebooks = options.notebooks ?? await listNotebooks();
  const workDir = join(outDir, "executed");
  await Deno.mkdir(workDir, { recursive: true });
  await copyKatexAssets(outDir);
  const entries: IndexEntry[] = [];
  for (const [index, path] of notebooks.entries()) {
    const name = basename(path, ".ipynb");
    const title = await notebookTitle(path);
    log(`[report] ${index + 1}/${notebooks.length} ${name} …`);
    const started = performance.now();
    try {
      const run = await executeNotebook(path, {
        outputDir: workDir,
        params: options.params,
        timeoutSeconds: options.timeoutSeconds,
      });
      const mainPage = `${name}.html`;
      const codePage = `${name}.code.html`;
      const source = `notebooks/${name}.ipynb`;
      const mainFragment = renderMath(
        await Deno.readTextFile(options.withInput ? run.html.full : run.html.clean),
      );
      await Deno.writeTextFile(
        join(outDir, mainPage),
        notebookPage(title, mainFragment, {
          seconds: run.seconds,
          params: options.params,
          source,
          alternate: options.withInput ? null : codePage,
        }),
      );
      if (!options.withInput) {
        await Deno.writeTextFile(
          join(outDir, codePage),
          notebookPage(title, renderMath(await Deno.readTextFile(run.html.full)), {
            seconds: run.seconds,
            params: options.params,
            source,
            alternate: null,
          }),
        );
      }
      entries.push({
        name,
        title,
        status: "ok",
        seconds: run.seconds,
        page: mainPage,
        codePage: options.withInput ? null : codePage,
        error: null,
        claims: run.claims?.summary ?? null,
      });
      log(`[report] ${name} ok in ${run.seconds.toFixed(1)} s`);
    } catch (error) {
      if (!(error instanceof NotebookExecutionError)) throw error;
      entries.push({
        name,
        title,
        status: "failed",
        seconds: (performance.now() - started) / 1000,
        page: null,
        codePage: null,
        error: error.message,
        claims: null,
      });
      log(`[report] ${error.message}`);
    }
  }
  const indexed = options.mergeIndex ? await mergeEntries(outDir, entries) : entries;
  await Deno.writeTextFile(join(outDir, "index.html"), indexPage(indexed, options.params));
  await Deno.writeTextFile(
    join(outDir, "report.json"),
    JSON.stringify({ params: options.params, entries: indexed }, null, 2) + "\n",
  );
  return { outDir, entries, failures: entries.filter((entry) => entry.status === "failed") };
}

/** Copies KaTeX's stylesheet and fonts to `assets/katex/` for the pages' rendered maths. */
async function copyKatexAssets(outDir: string): Promise<void> {
  const source = katexAssetsDir();
  const target = join(outDir, "assets", "katex");
  await Deno.mkdir(join(target, "fonts"), { recursive: true });
  await Deno.copyFile(join(source, "katex.min.css"), join(target, "katex.min.css"));
  for await (const font of Deno.readDir(join(source, "fonts"))) {
    if (font.name.endsWith(".woff2")) {
      await Deno.copyFile(join(source, "fonts", font.name), join(target, "fonts", font.name));
    }
  }
}

/** Rows of the existing `report.json`, with this run's notebooks replaced, sorted by name. */
async function mergeEntries(outDir: string, fresh: readonly IndexEntry[]): Promise<IndexEntry[]> {
  let previous: IndexEntry[] = [];
  try {
    previous = (JSON.parse(await Deno.readTextFile(join(outDir, "report.json"))) as {
      entries: IndexEntry[];
    }).entries;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const names = new Set(fresh.map((entry) => entry.name));
  return [...previous.filter((entry) => !names.has(entry.name)), ...fresh].sort((a, b) =>
    a.name.localeCompare(b.name)
  );
}
