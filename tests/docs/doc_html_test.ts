import assert from "node:assert/strict";
import { join } from "node:path";
import { deno, denoConfig, namespaces, REPO_ROOT } from "./entry_points.ts";

/** Runs the `doc` task's `deno doc` command with the output sent to a temporary directory. */
async function buildDocs(): Promise<string> {
  const out = await Deno.makeTempDir({ prefix: "api-docs-" });
  const words = denoConfig().tasks.doc!.command.split(/\s+/);
  assert.equal(words.shift(), "deno");
  const args = words.map((word) => word.startsWith("--output=") ? `--output=${out}` : word);
  assert.ok(args.includes(`--output=${out}`), "the doc task names its --output");
  const run = await deno(args);
  assert.equal(run.code, 0, run.stderr);
  return out;
}

function exists(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

Deno.test("deno task doc gives every namespace a page for each of its exports", async () => {
  const out = await buildDocs();
  try {
    const allSymbols = (await Deno.readTextFile(join(out, "all_symbols.html")))
      .replaceAll("&#x2F;", "/");
    // deno doc names each module's pages after its key in the package's export map.
    const exportKey = new Map(
      Object.entries(denoConfig().exports).map(([key, path]) => [path.replace(/^\.\//, ""), key]),
    );
    for (const [name, module] of namespaces()) {
      const key = exportKey.get(module)?.replace(/^\.\//, "");
      assert.ok(key, `${name}: ${module} is not in the package exports`);
      // A namespace is documented from lib/mod.ts (`~/<name>.<symbol>.html`) or, where deno doc
      // drops named re-exports inside `export * as`, from its own module page.
      const moduleDir = join(out, key);
      assert.ok(exists(join(moduleDir, "index.html")), `${name}: no module page`);
      const exports = Object.keys(await import(join(REPO_ROOT, module)));
      assert.ok(exports.length > 0, `${name} exports nothing at run time`);
      const missing = exports.filter((symbol) =>
        !exists(join(out, "~", `${name}.${symbol}.html`)) &&
        !exists(join(moduleDir, "~", `${symbol}.html`))
      );
      assert.deepEqual(missing, [], `${name}: exports without a documentation page`);
      const moduleLinks = allSymbols.split(`./${key}/~/`).length - 1;
      assert.ok(
        moduleLinks >= exports.length,
        `${name}: ${moduleLinks} links to its module pages in all_symbols.html, ${exports.length} exports`,
      );
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
