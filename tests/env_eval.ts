/**
 * Runs a snippet in a fresh `deno eval` with extra environment variables and returns what it
 * printed as JSON. Tests of environment variables (`TRACE_DIR`, ...) use it instead of
 * `Deno.env.set`: `deno test --parallel` runs test modules as threads of one process, so a
 * variable set by one module would leak into the modules running beside it.
 *
 * @example
 * ```ts
 * const dir = await evalWithEnv(
 *   `import { traceDir } from "${new URL("../lib/traces/paths.ts", import.meta.url).href}";
 *    console.log(JSON.stringify(traceDir()));`,
 *   { TRACE_DIR: "/tmp" },
 * ); // "/tmp"
 * ```
 *
 * @module
 */
import assert from "node:assert/strict";

/**
 * Evaluates `code` (a module body that prints one JSON value) with `env` added to this process's
 * environment.
 *
 * @returns the printed value
 */
export async function evalWithEnv(code: string, env: Record<string, string>): Promise<unknown> {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    env: { NO_COLOR: "1", ...env },
  }).output();
  const stderr = new TextDecoder().decode(run.stderr);
  assert.equal(run.code, 0, stderr);
  return JSON.parse(new TextDecoder().decode(run.stdout));
}

/** The `href` of a module given relative to this folder (tests/), for imports in snippets. */
export function moduleHref(pathFromTests: string): string {
  return new URL(pathFromTests, import.meta.url).href;
}
