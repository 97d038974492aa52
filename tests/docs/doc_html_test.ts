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
    for (const [name, module] of namespaces()) {
      // A namespace is documented from lib/mod.ts (`~/<name>.<symbol>.html`) or, where deno doc
      // drops named re-exports inside `export * as`, from its own module page.
      const moduleDir = join(out, module.replace(/^lib\//, ""));
      assert.ok(exists(join(moduleDir, "index.html")), `${name}: no module page`);
      const exports = Object.keys(await import(join(REPO_ROOT, module)));
      assert.ok(exports.length > 0, `${name} exports nothing at run time`);
      const missing = exports.filter((symbol) =>
        !exists(join(out, "~", `${name}.${symbol}.html`)) &&
        !exists(join(moduleDir, "~", `${symbol}.html`))
      );
      assert.deepEqual(missing, [], `${name}: exports without a documentation page`);
      const moduleLinks = allSymbols.split(`${module.replace(/^lib\//, "")}/~/`).length - 1;
      const namespaceLinks = allSymbols.split(`~/${name}.`).length - 1;
      assert.ok(
        moduleLinks + namespaceLinks >= exports.length,
        `${name}: ${
          moduleLinks + namespaceLinks
        } links in all_symbols.html for ${exports.length} exports`,
      );
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
