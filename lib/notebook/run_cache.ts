/**
 * The execution cache: the outputs of each notebook's last successful run with given parameters
 * (executed `.ipynb`, HTML fragments, displayed claims) under `<cacheDir>/<mode>-seed<seed>/<name>/`,
 * with the {@link NotebookKey} they were computed for. Runs with other parameters keep their own
 * entries, so a quick report does not evict the hours of a paper-mode run. A run whose key is
 * unchanged is reused instead of re-executed; the claims CLI and the overview read the claims of
 * current runs instead of recomputing them.
 *
 * The default folder is `.cache/notebooks/` in the repository (git-ignored); `TOOLKIT_CACHE_DIR`
 * overrides it. An entry is written to a temporary folder and renamed into place, so a reader
 * never sees half an entry.
 *
 * @example
 * ```ts
 * import { lookupRun, notebookCacheDir } from "./run_cache.ts";
 * import { notebookKey } from "./cache_key.ts";
 * const path = "notebooks/01_online_ca_supply_costs.ipynb";
 * const params = { mode: "quick", seed: 1 } as const;
 * const key = await notebookKey(path, params);
 * const hit = await lookupRun(notebookCacheDir(), "01_online_ca_supply_costs", params, key.key);
 * console.log(hit ? `cached, ran ${hit.ranAt}` : "must run");
 * ```
 *
 * @module
 */
import { join, relative, resolve } from "node:path";
import type { ClaimResult } from "../core/claims.ts";
import type { RunParams } from "../core/params.ts";
import type { KeyParts, NotebookKey } from "./cache_key.ts";
import type { NotebookRun } from "./execute.ts";
import { REPO_ROOT } from "./paths.ts";

/** Environment variable naming the cache folder. */
export const CACHE_DIR_ENV = "TOOLKIT_CACHE_DIR";

/** Metadata of one cached run (`run.json`). */
export interface CachedRunInfo {
  readonly name: string;
  /** The notebook, relative to the repository root when inside it. */
  readonly notebook: string;
  readonly key: string;
  readonly parts: KeyParts;
  readonly params: RunParams;
  /** Wall-clock time of the original run. */
  readonly seconds: number;
  /** When the original run finished (ISO 8601). */
  readonly ranAt: string;
  /** Claims the notebook displayed, or null if it showed none. */
  readonly claims: ClaimResult[] | null;
}

/** A cached run with the paths of its files. */
export interface CachedRun extends CachedRunInfo {
  readonly dir: string;
  readonly executedPath: string;
  readonly html: { readonly clean: string; readonly full: string };
}

/** The cache folder: `$TOOLKIT_CACHE_DIR`, else `.cache/notebooks` in the repository. */
export function notebookCacheDir(): string {
  let fromEnv: string | undefined;
  try {
    fromEnv = Deno.env.get(CACHE_DIR_ENV);
  } catch {
    fromEnv = undefined; // no --allow-env: the default applies
  }
  return fromEnv ? resolve(fromEnv) : join(REPO_ROOT, ".cache", "notebooks");
}

function withPaths(dir: string, info: CachedRunInfo): CachedRun {
  return {
    ...info,
    dir,
    executedPath: join(dir, `${info.name}.ipynb`),
    html: {
      clean: join(dir, `${info.name}.clean.fragment.html`),
      full: join(dir, `${info.name}.full.fragment.html`),
    },
  };
}

/** The folder of the runs made with `params`: `<cacheDir>/<mode>-seed<seed>`. */
function paramsDir(cacheDir: string, params: RunParams): string {
  return join(cacheDir, `${params.mode}-seed${params.seed}`);
}

/** Folder names made by {@link paramsDir}; anything else in the cache folder is not an entry. */
const PARAMS_DIR_NAME = /^(quick|paper)-seed\d+$/;

/** Reads one entry's metadata, or null when there is none (or it is unreadable). */
export async function readRun(
  cacheDir: string,
  name: string,
  params: RunParams,
): Promise<CachedRun | null> {
  return await readEntry(join(paramsDir(cacheDir, params), name));
}

async function readEntry(dir: string): Promise<CachedRun | null> {
  try {
    const info = JSON.parse(await Deno.readTextFile(join(dir, "run.json"))) as CachedRunInfo;
    return withPaths(dir, info);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The entry of `name` with `params` if it was computed for `key`, else null. */
export async function lookupRun(
  cacheDir: string,
  name: string,
  params: RunParams,
  key: string,
): Promise<CachedRun | null> {
  const run = await readRun(cacheDir, name, params);
  return run && run.key === key ? run : null;
}

/** Every entry of the cache folder (any parameters, any key), by name. */
export async function listRuns(cacheDir: string): Promise<CachedRun[]> {
  const runs: CachedRun[] = [];
  for (const group of await subfolders(cacheDir)) {
    if (!PARAMS_DIR_NAME.test(group)) continue;
    for (const name of await subfolders(join(cacheDir, group))) {
      if (name.includes(".tmp-")) continue;
      const run = await readEntry(join(cacheDir, group, name));
      if (run) runs.push(run);
    }
  }
  return runs.sort((a, b) => a.name.localeCompare(b.name) || a.dir.localeCompare(b.dir));
}

async function subfolders(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) if (entry.isDirectory) names.push(entry.name);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return names;
}

/** Stores a successful run under its key, replacing the notebook's entry with these parameters. */
export async function storeRun(
  cacheDir: string,
  run: NotebookRun,
  key: NotebookKey,
  params: RunParams,
): Promise<CachedRun> {
  const group = paramsDir(cacheDir, params);
  await Deno.mkdir(group, { recursive: true });
  const target = join(group, run.name);
  const staging = `${target}.tmp-${Deno.pid}`;
  await Deno.remove(staging, { recursive: true }).catch(() => {});
  await Deno.mkdir(staging, { recursive: true });
  const info: CachedRunInfo = {
    name: run.name,
    notebook: relativeToRepo(run.notebook),
    key: key.key,
    parts: key.parts,
    params: { mode: params.mode, seed: params.seed },
    seconds: run.seconds,
    ranAt: new Date().toISOString(),
    claims: run.claims?.claims ?? null,
  };
  const stored = withPaths(staging, info);
  await Deno.copyFile(run.executedPath, stored.executedPath);
  await Deno.copyFile(run.html.clean, stored.html.clean);
  await Deno.copyFile(run.html.full, stored.html.full);
  await Deno.writeTextFile(join(staging, "run.json"), JSON.stringify(info, null, 2) + "\n");
  await Deno.remove(target, { recursive: true }).catch(() => {});
  await Deno.rename(staging, target);
  return withPaths(target, info);
}

/** `path` relative to the repository root when inside it, else absolute. */
export function relativeToRepo(path: string): string {
  const inside = relative(REPO_ROOT, resolve(path));
  return inside.startsWith("..") ? resolve(path) : inside;
}

/** Absolute path of a notebook recorded by {@link relativeToRepo}. */
export function notebookPathOf(run: CachedRunInfo): string {
  return resolve(REPO_ROOT, run.notebook);
}
