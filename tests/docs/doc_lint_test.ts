import assert from "node:assert/strict";
import { deno, denoConfig, docEntryPoints, namespaces } from "./entry_points.ts";

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

Deno.test("the doc task and the package exports cover lib/mod.ts and every namespace", () => {
  const entries = docEntryPoints();
  const exported = Object.values(denoConfig().exports).map((path) => path.replace(/^\.\//, ""));
  assert.deepEqual([...exported].sort(), [...entries].sort(), "exports and doc task differ");
  assert.ok(entries.includes("lib/mod.ts"), entries.join(" "));
  const modules = [...namespaces().values()];
  assert.ok(modules.length >= 8, `namespaces found: ${modules.join(", ")}`);
  for (const module of modules) assert.ok(entries.includes(module), `${module} not documented`);
});

Deno.test("deno doc --lint on the entry points reports nothing", async () => {
  const run = await deno(["doc", "--lint", ...docEntryPoints()]);
  const diagnostics = parseDiagnostics(run.stderr + run.stdout);
  assert.deepEqual(
    diagnostics.map((d) => `${d.location} ${d.kind}: ${d.message}`),
    [],
    "doc lint problems in the public API",
  );
  // The count line agrees with the parse, so no diagnostic escaped the pattern above.
  const total = /Found (\d+) documentation lint error/.exec(run.stderr)?.[1];
  assert.equal(Number(total ?? 0), diagnostics.length);
  assert.equal(run.code, 0, run.stderr);
});
