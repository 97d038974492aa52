/**
 * The inputs a notebook's outputs depend on, reduced to one key (as Jupyter Book's cache and
 * Quarto's `freeze` do): the notebook file itself, the library and data sources (`lib/**`,
 * `data/**` but the ledger snapshot, `deno.json`, `deno.lock`), the raw trace inputs (path, size
 * and modification time of every file under the trace directory, see `traceDir`) and the run
 * parameters (mode, seed). Two runs with the same key would compute the same thing, so the second
 * can reuse the first's outputs.
 *
 * A notebook that reads other notebooks' results (the overview) also depends on those notebooks:
 * pass them as `dependsOn`.
 *
 * @example
 * ```ts
 * import { notebookKey } from "./cache_key.ts";
 * const key = await notebookKey("notebooks/01_online_ca_supply_costs.ipynb", { mode: "quick", seed: 1 });
 * console.log(key.key.length); // 64 (hex SHA-256)
 * ```
 *
 * @module
 */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { RunParams } from "../core/params.ts";
import { traceDir } from "../traces/paths.ts";
import { REPO_ROOT } from "./paths.ts";

/** Digest of each input group, so a cache miss can say what changed. */
export interface KeyParts {
  readonly notebook: string;
  readonly sources: string;
  readonly traces: string;
  readonly params: string;
  /** Digests of the notebooks this one reads, by file name. */
  readonly dependsOn: Readonly<Record<string, string>>;
}

/** A notebook's cache key and its parts. */
export interface NotebookKey {
  /** Hex SHA-256 over every part. */
  readonly key: string;
  readonly parts: KeyParts;
}

/** Options of {@link notebookKey}. */
export interface KeyOptions {
  /** Notebooks whose results this one reads (their file digests join the key). */
  readonly dependsOn?: readonly string[];
  /** Repository root whose sources are hashed (default: this repository). */
  readonly root?: string;
  /** Trace directory whose files are hashed (default: `TRACE_DIR`, else `../shared/traces`). */
  readonly traceDir?: string;
}

/** Files of the library and data that notebooks execute or read, relative to the root. */
const SOURCE_DIRS = ["lib", "data"] as const;
const SOURCE_FILES = ["deno.json", "deno.lock"] as const;
/** Written by `deno task ledger`, read by no notebook: changing it must not invalidate runs. */
const NOT_AN_INPUT = new Set(["data/ledger.quick.json"]);

/** Hex SHA-256 of bytes or text. */
export async function sha256(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Every regular file below `dir`, as sorted paths relative to `dir` (none if it is absent). */
async function filesBelow(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries: Deno.DirEntry[];
    try {
      entries = await Array.fromAsync(Deno.readDir(folder));
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile) found.push(relative(dir, path));
    }
  };
  await walk(dir);
  return found.sort();
}

/**
 * Digest of the library and data sources under `root` (contents, not dates: a checkout or a
 * `git stash` round trip keeps the key).
 */
export async function sourcesDigest(root: string = REPO_ROOT): Promise<string> {
  const lines: string[] = [];
  const paths = [
    ...(await Promise.all(
      SOURCE_DIRS.map(async (dir) =>
        (await filesBelow(join(root, dir))).map((path) => join(dir, path))
      ),
    )).flat(),
    ...SOURCE_FILES,
  ].filter((path) => !NOT_AN_INPUT.has(path));
  for (const path of paths) {
    try {
      lines.push(`${path} ${await sha256(await Deno.readFile(join(root, path)))}`);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
      lines.push(`${path} absent`);
    }
  }
  return await sha256(lines.join("\n"));
}

/**
 * Digest of the raw trace inputs: the resolved trace directory and the relative path, size and
 * modification time of every file below it (the traces are large and read-only, so their dates
 * stand in for their contents). A `TRACE_DIR` (or `dir`) naming no directory gives a digest of
 * its own; the notebooks then fail on it themselves.
 *
 * @param dir the trace directory (default: `TRACE_DIR`, else `../shared/traces`, see `traceDir`)
 */
export async function tracesDigest(dir?: string): Promise<string> {
  let resolved: string | null;
  try {
    resolved = dir ?? traceDir();
  } catch (error) {
    return await sha256(`invalid trace directory: ${(error as Error).message}`);
  }
  if (resolved === null) return await sha256("no trace directory");
  if (!existsSync(resolved)) return await sha256(`missing trace directory: ${resolved}`);
  const lines = [`dir ${resolved}`];
  for (const path of await filesBelow(resolved)) {
    const info = await Deno.stat(join(resolved, path));
    lines.push(`${path} ${info.size} ${info.mtime?.getTime() ?? "?"}`);
  }
  return await sha256(lines.join("\n"));
}

/** The cache key of running `notebookPath` with `params`. */
export async function notebookKey(
  notebookPath: string,
  params: RunParams,
  options: KeyOptions = {},
): Promise<NotebookKey> {
  const fileDigest = async (path: string) => await sha256(await Deno.readFile(path));
  const dependsOn: Record<string, string> = {};
  for (const path of [...(options.dependsOn ?? [])].sort()) {
    dependsOn[relative(options.root ?? REPO_ROOT, path)] = await fileDigest(path);
  }
  const parts: KeyParts = {
    notebook: await fileDigest(notebookPath),
    sources: await sourcesDigest(options.root),
    traces: await tracesDigest(options.traceDir),
    params: await sha256(JSON.stringify({ mode: params.mode, seed: params.seed })),
    dependsOn,
  };
  return { key: await sha256(JSON.stringify(parts)), parts };
}

/**
 * Whether a notebook reads the results of the other notebooks of its folder (notebook metadata
 * `"toolkit": { "readsOtherNotebooks": true }`, as the overview has): it then runs after them and
 * depends on them.
 */
export async function readsOtherNotebooks(notebookPath: string): Promise<boolean> {
  const notebook = JSON.parse(await Deno.readTextFile(notebookPath)) as {
    metadata?: { toolkit?: { readsOtherNotebooks?: unknown } };
  };
  return notebook.metadata?.toolkit?.readsOtherNotebooks === true;
}

/** The key of a notebook with its dependencies found as {@link readsOtherNotebooks} says. */
export async function currentKey(notebookPath: string, params: RunParams): Promise<NotebookKey> {
  const dependsOn = await readsOtherNotebooks(notebookPath)
    ? await otherNotebooks(notebookPath)
    : [];
  return await notebookKey(notebookPath, params, { dependsOn });
}

/** The other `.ipynb` files of a notebook's folder. */
async function otherNotebooks(notebookPath: string): Promise<string[]> {
  const folder = dirname(resolve(notebookPath));
  const others: string[] = [];
  for await (const entry of Deno.readDir(folder)) {
    const path = join(folder, entry.name);
    if (entry.isFile && entry.name.endsWith(".ipynb") && path !== resolve(notebookPath)) {
      others.push(path);
    }
  }
  return others.sort();
}

/** Names of the key parts that differ between two keys (for "re-run: sources changed"). */
export function changedParts(before: KeyParts, after: KeyParts): string[] {
  const changed = (["notebook", "sources", "traces", "params"] as const).filter((part) =>
    before[part] !== after[part]
  ) as string[];
  if (JSON.stringify(before.dependsOn) !== JSON.stringify(after.dependsOn)) {
    changed.push("notebooks it reads");
  }
  return changed;
}
