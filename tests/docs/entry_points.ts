/**
 * The public entry points of the package, read from the `doc` task of `deno.json` so that the
 * documentation checks cover exactly what `deno task doc` documents.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/** The repository root (absolute path). */
export const REPO_ROOT: string = fileURLToPath(new URL("../../", import.meta.url));

/** The repository's `deno.json` (the fields these checks read). */
export interface DenoConfig {
  /** task name → task definition */
  readonly tasks: Record<string, { readonly command: string; readonly description?: string }>;
  /** the package's export map */
  readonly exports: Record<string, string>;
}

/** Parses the repository's `deno.json`. */
export function denoConfig(): DenoConfig {
  return JSON.parse(Deno.readTextFileSync(`${REPO_ROOT}deno.json`)) as DenoConfig;
}

/** The module paths (relative to the root) that the `doc` task passes to `deno doc`. */
export function docEntryPoints(): string[] {
  const command = denoConfig().tasks.doc?.command ?? "";
  return command.split(/\s+/).filter((word) => word.endsWith(".ts"));
}

/** Namespace name → module path of every `export * as name from "./path"` in `lib/mod.ts`. */
export function namespaces(): Map<string, string> {
  const source = Deno.readTextFileSync(`${REPO_ROOT}lib/mod.ts`);
  const found = new Map<string, string>();
  for (const match of source.matchAll(/^export \* as (\w+) from "\.\/([^"]+)";/gm)) {
    found.set(match[1]!, `lib/${match[2]!}`);
  }
  return found;
}

/** Runs the Deno executable running the tests with `args` in the repository root. */
export async function deno(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: REPO_ROOT,
    env: { NO_COLOR: "1" },
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: run.code, stdout: decode(run.stdout), stderr: decode(run.stderr) };
}
