import assert from "node:assert/strict";
import { join } from "node:path";
import { deno, denoConfig, docEntryPoints, namespaces, REPO_ROOT } from "./entry_points.ts";

/**
 * Types of npm dependencies that appear in the public API. `deno doc --lint` reports every
 * reference to them as `private-type-ref` because npm packages resolve to `file:` modules and
 * are never roots of the documented graph (denoland/deno#27364; its fix, denoland/deno#34339,
 * exempts only non-`file:` modules). They are the dependencies' own public types, not ours.
 */
const NPM_TYPES: ReadonlyMap<string, string> = new Map([
  ["pl", "nodejs-polars (default export)"],
  ["DataFrame", "nodejs-polars"],
  ["Highs", "highs"],
  ["PlotOptions", "@observablehq/plot"],
]);

interface Diagnostic {
  readonly kind: string;
  readonly message: string;
  readonly location: string;
}

/** Splits `deno doc --lint` output into its diagnostics. */
function parseDiagnostics(output: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pattern = /^error\[([\w-]+)\]: (.*)\n\s*--> (\S+)/gm;
  for (const match of output.matchAll(pattern)) {
    diagnostics.push({ kind: match[1]!, message: match[2]!, location: match[3]! });
  }
  return diagnostics;
}

/** The referenced type of a `private-type-ref` diagnostic, or null for any other diagnostic. */
function referencedType(diagnostic: Diagnostic): string | null {
  if (diagnostic.kind !== "private-type-ref") return null;
  return /references private type '([^']+)'/.exec(diagnostic.message)?.[1] ?? null;
}

async function libFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) files.push(...await libFiles(path));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files;
}

Deno.test("the doc task and the package exports cover lib/mod.ts and every namespace", () => {
  const entries = docEntryPoints();
  const exported = Object.values(denoConfig().exports).map((path) => path.replace(/^\.\//, ""));
  assert.deepEqual([...exported].sort(), [...entries].sort(), "exports and doc task differ");
  assert.ok(entries.includes("lib/mod.ts"), entries.join(" "));
  const modules = [...namespaces().values()];
  assert.ok(modules.length >= 8, `namespaces found: ${modules.join(", ")}`);
  for (const module of modules) assert.ok(entries.includes(module), `${module} not documented`);
});

Deno.test("deno doc --lint on the entry points reports only references to npm types", async () => {
  const run = await deno(["doc", "--lint", ...docEntryPoints()]);
  const diagnostics = parseDiagnostics(run.stderr + run.stdout);
  const ours = diagnostics.filter((d) => !NPM_TYPES.has(referencedType(d) ?? ""));
  assert.deepEqual(
    ours.map((d) => `${d.location} ${d.kind}: ${d.message}`),
    [],
    "doc lint problems in the public API",
  );
  // The count line agrees with the parse, so no diagnostic escaped the pattern above.
  const total = /Found (\d+) documentation lint error/.exec(run.stderr)?.[1];
  assert.equal(Number(total ?? 0), diagnostics.length);
  assert.equal(run.code === 0, diagnostics.length === 0);
});

Deno.test("no module of lib declares a type named like an exempted npm type", async () => {
  const names = [...NPM_TYPES.keys()].join("|");
  const declaration = new RegExp(
    `^\\s*(?:export\\s+)?(?:declare\\s+)?(?:interface|type|class|namespace|enum) (?:${names})\\b`,
    "m",
  );
  for (const file of await libFiles(join(REPO_ROOT, "lib"))) {
    const source = await Deno.readTextFile(file);
    assert.doesNotMatch(source, declaration, `${file} would hide behind the npm exemption`);
  }
});
