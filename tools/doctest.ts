/**
 * `deno task doctest`: runs the JSDoc examples of the given modules as tests in ONE test module.
 *
 * `deno test --doc` gives every example its own module and its own isolate, which loads the
 * library again for each of them (about 60 s for 188 examples, almost all of it start-up). This
 * script extracts the same examples — every fenced `ts`/`js` block of a JSDoc comment, without
 * the `ignore` attribute, imports hoisted and the rest wrapped in a `Deno.test` named like
 * Deno's (`file:///…/mod.ts#12-18.ts`, the opening fence's line to the line after the closing
 * one) — writes one module per example under `.cache/doctest/` and imports them all from here, so
 * they share one isolate and one load of the library. Types are not checked here: `deno check
 * --doc lib/` type-checks every example (with Deno's own extraction) earlier in `deno task test`.
 *
 * Differences from `deno test --doc`: relative imports are rewritten to absolute file URLs, and
 * an example must import what it uses (Deno would also import the documented module's exports
 * implicitly; this project's examples all import explicitly, and an example that does not fails
 * here with a ReferenceError rather than passing unchecked).
 *
 * @example
 * ```sh
 * deno test -A tools/doctest.ts -- lib/core/rng.ts lib/hardware/
 * ```
 *
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { exampleModule, extractExamples } from "./doctest_extract.ts";

/** The `.ts` modules named by `paths` (a directory stands for every `.ts` file under it). */
async function modulesOf(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await Deno.stat(path)).isFile) {
      files.push(path);
      continue;
    }
    const entries = [];
    for await (const entry of Deno.readDir(path)) entries.push(entry.name);
    files.push(...await modulesOf(entries.sort().map((name) => join(path, name))));
  }
  return files.filter((file) => file.endsWith(".ts"));
}

if (Deno.args.length === 0) {
  throw new Error("usage: deno test -A tools/doctest.ts -- MODULE_OR_DIR...");
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, ".cache", "doctest");
await Deno.mkdir(cache, { recursive: true });
const dir = await Deno.makeTempDir({ dir: cache });
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
let count = 0;
for (const file of await modulesOf(Deno.args)) {
  for (const example of extractExamples(await Deno.readTextFile(file), file)) {
    const module = join(dir, `${String(++count).padStart(4, "0")}.ts`);
    const origin = relative(root, resolve(file));
    await Deno.writeTextFile(module, `// ${origin}\n${exampleModule(example)}`);
    await import(pathToFileURL(module).href);
  }
}
