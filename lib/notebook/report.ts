/**
 * Builds the report site: executes notebooks, wraps their HTML, writes an index page.
 *
 * A failing notebook does not stop the others; it is listed as failed on the index (with the cell
 * and error), its old pages are removed, and {@link buildReport} reports it, so the CLI exits
 * non-zero. The site is built in a sibling folder (`<outDir>.building-<pid>`) and swapped into
 * place at the end, so an interrupted build leaves the previous site whole and a finished one
 * never mixes two runs. Merging (`mergeIndex`) starts from a copy of the existing site, and only
 * when that site was built with the same mode and seed.
 *
 * Each successful run is stored in the execution cache (`run_cache.ts`); a notebook whose inputs
 * (`cache_key.ts`: notebook, library, lockfile, traces, mode and seed) are unchanged since its
 * cached run is not executed again (`force` overrides), and its index row says "cached" with the
 * original run time. Independent notebooks run `jobs` at a time; the overview, which reads the
 * others' claims from the cache, runs after them; within each phase the longest expected run
 * starts first. Progress lines give each notebook's elapsed time and an estimate from its previous
 * run with the same mode and seed or, in paper mode, from the time measured on this machine
 * (`data/paper_mode_times.json`).
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
import { basename, dirname, join, relative } from "node:path";
import { cp } from "node:fs/promises";
import type { RunParams } from "../core/params.ts";
import { type ClaimResult, summarizeClaims } from "../core/claims.ts";
import { requireInteger } from "../core/validate.ts";
import {
  executeNotebook,
  NotebookExecutionError,
  progressFileOf,
  readRunProgress,
  type RunProgress,
} from "./execute.ts";
import { changedParts, currentKey, type NotebookKey, readsOtherNotebooks } from "./cache_key.ts";
import { CACHE_DIR_ENV, type CachedRun, notebookCacheDir, readRun, storeRun } from "./run_cache.ts";
import { expectedTime, longestFirst, ReportProgress, runConcurrently } from "./report_progress.ts";
import { readPaperModeTimes } from "./paper_mode_times.ts";
import { ensureKernel } from "./setup.ts";
import { NOTEBOOKS_DIR, REPO_ROOT, REPORTS_DIR } from "./paths.ts";
import { hidePaths, type IndexEntry, indexPage, notebookPage, type SiteNav } from "./site.ts";
import { codeIndex, type LedgerClaim, ledgerPage } from "./ledger_page.ts";
import { traceDir } from "../traces/paths.ts";
import { katexAssetsDir, renderMath } from "./math.ts";
import { type NotebookSection, notebookSections } from "./where_links.ts";

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
  /**
   * Keep other notebooks' rows and pages of an existing site (for re-running single notebooks);
   * ignored when the existing site was built with another mode or seed.
   */
  readonly mergeIndex?: boolean;
  /** Progress sink (default stderr). */
  readonly log?: (line: string) => void;
  /**
   * Notebooks run at the same time (default: the number of cores). Notebooks that read the
   * others' results (metadata `toolkit.readsOtherNotebooks`, the overview) start after the rest.
   */
  readonly jobs?: number;
  /** Re-execute every notebook even when its cached run is current (default false). */
  readonly force?: boolean;
  /** Execution cache folder (default: see `notebookCacheDir`). */
  readonly cacheDir?: string;
  /** Seconds between the "still running" lines of a notebook (default 30). */
  readonly heartbeatSeconds?: number;
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

/** Executes (or takes from the execution cache) every notebook and writes the site. */
export async function buildReport(options: ReportOptions): Promise<Report> {
  const siteDir = options.outDir ?? REPORTS_DIR;
  const log = options.log ?? ((line: string) => console.error(line));
  const notebooks = options.notebooks ?? await listNotebooks();
  const jobs = requireInteger("jobs", options.jobs ?? defaultJobs(), 1);
  const cacheDir = options.cacheDir ?? notebookCacheDir();
  await removeAbandonedBuilds(siteDir);
  const outDir = `${siteDir}.building-${Deno.pid}`;
  await Deno.remove(outDir, { recursive: true }).catch(() => {});
  const previous = options.mergeIndex ? await previousEntries(siteDir, options.params) : [];
  if (previous.length > 0) await cp(siteDir, outDir, { recursive: true });
  const workDir = join(outDir, "executed");
  await Deno.mkdir(workDir, { recursive: true });
  await copyKatexAssets(outDir);
  const pages = await siteNav(notebooks);
  const measured = options.params.mode === "paper" ? readPaperModeTimes() : {};
  const plans = await Promise.all(notebooks.map(async (path) => {
    const name = basename(path, ".ipynb");
    const last = await readRun(cacheDir, name, options.params);
    const key = await currentKey(path, options.params);
    const cached = options.force || last?.key !== key.key ? null : last;
    const expected = expectedTime(last?.seconds ?? null, measured[name]?.seconds ?? null);
    return {
      path,
      name,
      last,
      key,
      cached,
      expected,
      readsOthers: await readsOtherNotebooks(path),
    };
  }));
  await ensureKernel(); // once, before notebooks start side by side
  const progress = new ReportProgress({ jobs });
  const toRun = plans.filter((plan) => !plan.cached);
  for (const { name, expected } of toRun) progress.plan(name, expected.seconds, expected.basis);
  log(
    `[report] ${plans.length} notebooks: ${toRun.length} to run, ${
      plans.length - toRun.length
    } cached; ${jobs} job${jobs === 1 ? "" : "s"}${toRun.length ? progress.remainingText() : ""}`,
  );
  const context: BuildContext = { options, outDir, workDir, cacheDir, pages, log, progress };
  const entries = new Map<string, IndexEntry>();
  // Notebooks that read the others' results (the overview) run once those are done.
  for (const phase of [plans.filter((p) => !p.readsOthers), plans.filter((p) => p.readsOthers)]) {
    await runConcurrently(longestFirst(phase), jobs, async (plan) => {
      entries.set(plan.name, await buildPage(plan, context));
    });
  }
  const fresh = plans.map((plan) => entries.get(plan.name)!);
  const indexed = mergeEntries(previous, fresh);
  await Deno.writeTextFile(
    join(outDir, "index.html"),
    indexPage(indexed, options.params, { pages }),
  );
  await writeLedger(outDir, workDir, indexed, options.params, pages);
  await Deno.writeTextFile(
    join(outDir, "report.json"),
    JSON.stringify({ params: options.params, entries: indexed }, null, 2) + "\n",
  );
  await swapInto(outDir, siteDir);
  return {
    outDir: siteDir,
    entries: fresh,
    failures: fresh.filter((entry) => entry.status === "failed"),
  };
}

/** Default `jobs`: the number of logical cores. */
export function defaultJobs(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/** What {@link buildPage} needs of the build in progress. */
interface BuildContext {
  readonly options: ReportOptions;
  readonly outDir: string;
  readonly workDir: string;
  readonly cacheDir: string;
  readonly pages: SiteNav["pages"];
  readonly log: (line: string) => void;
  readonly progress: ReportProgress;
}

/** One notebook of the build: its key, its previous cache entry and whether that is current. */
interface NotebookPlan {
  readonly path: string;
  readonly name: string;
  readonly last: CachedRun | null;
  readonly key: NotebookKey;
  readonly cached: CachedRun | null;
}

/** The outputs a page is made from: a fresh run's or a cached one's. */
interface RunOutputs {
  readonly seconds: number;
  readonly executedPath: string;
  readonly html: { readonly clean: string; readonly full: string };
  readonly claims: ClaimResult[] | null;
  /** When a cached run finished; null for a run of this build. */
  readonly cachedFrom: string | null;
}

/** Runs a notebook unless its cached run is current, and writes its pages and claims. */
async function buildPage(plan: NotebookPlan, context: BuildContext): Promise<IndexEntry> {
  const { options, workDir, log, progress } = context;
  const title = await notebookTitle(plan.path);
  if (plan.cached) {
    const executedPath = join(workDir, `${plan.name}.ipynb`);
    await Deno.copyFile(plan.cached.executedPath, executedPath);
    log(
      `[report] ${plan.name} cached (ran ${plan.cached.ranAt} in ${
        plan.cached.seconds.toFixed(1)
      } s)`,
    );
    return await writePages(plan.name, title, {
      ...plan.cached,
      executedPath,
      cachedFrom: plan.cached.ranAt,
    }, context);
  }
  const why = options.force
    ? "--force"
    : plan.last
    ? `changed: ${changedParts(plan.last.parts, plan.key.parts).join(", ")}`
    : "not in the cache";
  log(`[report] ${progress.start(plan.name)} · ${why}`);
  const heartbeat = setInterval(async () => {
    const where = await readRunProgress(progressFileOf(workDir, plan.name));
    log(`[report] ${progress.running(plan.name, where && describeProgress(where))}`);
  }, (options.heartbeatSeconds ?? 30) * 1000);
  const started = performance.now();
  try {
    const run = await executeNotebook(plan.path, {
      outputDir: workDir,
      params: options.params,
      timeoutSeconds: options.timeoutSeconds,
      env: { [CACHE_DIR_ENV]: context.cacheDir },
    });
    await storeRun(context.cacheDir, run, plan.key, options.params);
    const entry = await writePages(plan.name, title, {
      ...run,
      claims: run.claims?.claims ?? null,
      cachedFrom: null,
    }, context);
    log(`[report] ${progress.finish(plan.name, `ok in ${run.seconds.toFixed(1)} s`)}`);
    return entry;
  } catch (error) {
    if (!(error instanceof NotebookExecutionError)) throw error;
    for (const page of [`${plan.name}.html`, `${plan.name}.code.html`]) {
      await Deno.remove(join(context.outDir, page)).catch(() => {}); // a merged copy's stale page
    }
    log(`[report] ${error.message}`);
    log(`[report] ${progress.finish(plan.name, "failed")}`);
    return {
      name: plan.name,
      title,
      status: "failed",
      seconds: (performance.now() - started) / 1000,
      page: null,
      codePage: null,
      error: error.message,
      claims: null,
      cachedFrom: null,
    };
  } finally {
    clearInterval(heartbeat);
  }
}

/** `code cell 3/12 · Fig. 4 sweep: 30/88 (34%) 12.0 s` from a run's progress file. */
export function describeProgress(where: RunProgress): string {
  const cell = where.codeCell && where.codeCells
    ? `code cell ${where.codeCell}/${where.codeCells}`
    : `cell ${where.cell}`;
  return where.progress ? `${cell} · ${where.progress}` : cell;
}

/** Writes a notebook's page (and code page) and its claims file; returns its index row. */
async function writePages(
  name: string,
  title: string,
  run: RunOutputs,
  context: BuildContext,
): Promise<IndexEntry> {
  const { options, outDir, workDir, pages } = context;
  const position = pages.findIndex((link) => link.href === `${name}.html`);
  const nav: SiteNav = {
    pages,
    previous: position > 0 ? pages[position - 1] : null,
    next: position >= 0 ? pages[position + 1] ?? null : null,
  };
  const mainPage = `${name}.html`;
  const codePage = `${name}.code.html`;
  const meta = {
    seconds: run.seconds,
    params: options.params,
    source: `notebooks/${name}.ipynb`,
    executed: relative(outDir, run.executedPath),
    cachedFrom: run.cachedFrom,
    nav,
  };
  const render = async (html: string) =>
    renderMath(hideMachinePaths(await Deno.readTextFile(html)));
  const mainFragment = await render(options.withInput ? run.html.full : run.html.clean);
  await Deno.writeTextFile(
    join(outDir, mainPage),
    notebookPage(title, mainFragment, {
      ...meta,
      alternate: options.withInput ? null : codePage,
    }),
  );
  if (!options.withInput) {
    await Deno.writeTextFile(
      join(outDir, codePage),
      notebookPage(title, await render(run.html.full), {
        ...meta,
        alternate: mainPage,
        alternateLabel: "version without code",
      }),
    );
  }
  await Deno.writeTextFile(
    join(workDir, `${name}.claims.json`),
    JSON.stringify(run.claims ?? []) + "\n",
  );
  return {
    name,
    title,
    status: "ok",
    seconds: run.seconds,
    page: mainPage,
    codePage: options.withInput ? null : codePage,
    error: null,
    claims: run.claims ? summarizeClaims(run.claims) : null,
    cachedFrom: run.cachedFrom,
  };
}

/** Replaces `siteDir` by the finished build (two renames; the old site is removed after). */
async function swapInto(built: string, siteDir: string): Promise<void> {
  const old = `${siteDir}.old-${Deno.pid}`;
  let hadSite = true;
  try {
    await Deno.rename(siteDir, old);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    hadSite = false;
  }
  await Deno.rename(built, siteDir);
  if (hadSite) await Deno.remove(old, { recursive: true });
}

/** Removes `<siteDir>.building-<pid>` folders whose build process no longer runs. */
async function removeAbandonedBuilds(siteDir: string): Promise<void> {
  const prefix = `${basename(siteDir)}.building-`;
  try {
    for await (const entry of Deno.readDir(dirname(siteDir))) {
      if (!entry.isDirectory || !entry.name.startsWith(prefix)) continue;
      const pid = Number(entry.name.slice(prefix.length));
      const running = await Deno.stat(`/proc/${pid}`).then(() => true, () => false);
      if (!running) await Deno.remove(join(dirname(siteDir), entry.name), { recursive: true });
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
}

/** Notebook pages in reading order: every notebook of the folder the run's notebooks live in. */
async function siteNav(notebooks: readonly string[]): Promise<SiteNav["pages"]> {
  const folders = [...new Set(notebooks.map((path) => dirname(path)))];
  const all = folders.length === 1 ? await listNotebooks(folders[0]) : [...notebooks];
  return await Promise.all(
    all.map(async (path) => ({
      href: `${basename(path, ".ipynb")}.html`,
      title: shortTitle(basename(path, ".ipynb"), await notebookTitle(path)),
    })),
  );
}

/** `NN · title` without its subtitle (after `:` or `(`), for the navigation bar. */
function shortTitle(name: string, title: string): string {
  const number = name.match(/^\d+/)?.[0];
  const short = title.replace(/\s*[:(].*$/, "").trim();
  return number && !short.startsWith(number) ? `${number} · ${short}` : short;
}

/** Absolute folders of this machine, replaced in pages by relative names. */
function hideMachinePaths(html: string): string {
  const traces = traceDir();
  return hidePaths(html, [
    ...(traces ? [[traces, "$TRACE_DIR"] as const] : []),
    [`${REPO_ROOT}/`, ""],
    [REPO_ROOT, "."],
    ...(Deno.env.get("HOME") ? [[Deno.env.get("HOME")!, "~"] as const] : []),
  ]);
}

/** `ledger.json` and `ledger.html` from the claims every listed notebook displayed. */
async function writeLedger(
  outDir: string,
  workDir: string,
  entries: readonly IndexEntry[],
  params: RunParams,
  pages: SiteNav["pages"],
): Promise<void> {
  const claims: LedgerClaim[] = [];
  const notebooks: Record<string, string> = {};
  for (const entry of entries) {
    let listed: LedgerClaim[] = [];
    try {
      listed = JSON.parse(await Deno.readTextFile(join(workDir, `${entry.name}.claims.json`)));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    claims.push(...listed);
    const papers = new Set(listed.map((claim) => claim.paper));
    // A notebook showing one paper's claims is that paper's page (the overview shows them all).
    if (papers.size === 1 && entry.page) notebooks[[...papers][0]!] = entry.page;
  }
  const sections: Record<string, NotebookSection[]> = {};
  for (const [paper, page] of Object.entries(notebooks)) {
    const html = await Deno.readTextFile(join(outDir, page)).catch((error) => {
      if (error instanceof Deno.errors.NotFound) return "";
      throw error;
    });
    sections[paper] = notebookSections(html);
  }
  // The overview shows every paper's claims again: keep each claim once, as first shown.
  const seen = new Set<string>();
  const unique = claims.filter((claim) => !seen.has(claim.id) && seen.add(claim.id));
  await Deno.writeTextFile(
    join(outDir, "ledger.json"),
    JSON.stringify({ params, claims: unique }, null, 2) + "\n",
  );
  const code = await codeIndex(join(REPO_ROOT, "lib"), outDir);
  await Deno.writeTextFile(
    join(outDir, "ledger.html"),
    ledgerPage(unique, params, { notebooks, sections, code, nav: { pages } }),
  );
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

/** Rows of the existing site's `report.json`, if it was built with the same mode and seed. */
async function previousEntries(siteDir: string, params: RunParams): Promise<IndexEntry[]> {
  try {
    const previous = JSON.parse(await Deno.readTextFile(join(siteDir, "report.json"))) as {
      params: RunParams;
      entries: IndexEntry[];
    };
    const same = previous.params.mode === params.mode && previous.params.seed === params.seed;
    return same ? previous.entries : [];
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}

/** Previous rows with this run's notebooks replaced, sorted by name. */
function mergeEntries(previous: readonly IndexEntry[], fresh: readonly IndexEntry[]): IndexEntry[] {
  const names = new Set(fresh.map((entry) => entry.name));
  return [...previous.filter((entry) => !names.has(entry.name)), ...fresh].sort((a, b) =>
    a.name.localeCompare(b.name)
  );
}
