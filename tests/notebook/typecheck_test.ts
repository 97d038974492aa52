import assert from "node:assert/strict";
import { declaredNames, notebookToModule } from "../../lib/notebook/typecheck.ts";

Deno.test("declaredNames finds top-level declarations and destructured names", () => {
  assert.deepEqual(
    declaredNames(
      "const a = 1;\nlet b = 2;\nfunction c() {}\nconst { mode, seed: s } = x;\nconst [p, ...q] = y;\n  const inner = 3;",
    ),
    ["a", "b", "c", "mode", "s", "p", "q"],
  );
});

Deno.test("re-declared names are renamed from the re-declaring cell on", () => {
  const module = notebookToModule([
    "const fig = 1;\nfig",
    "const fig = fig0();\nconsole.log(fig, obj.fig)",
    "fig + 1",
  ], "/repo/notebooks");
  assert.match(module.source, /^const fig = 1;\nfig\n;\n/);
  assert.match(module.source, /const fig__cell1 = fig0\(\);\nconsole\.log\(fig__cell1, obj\.fig\)/);
  assert.match(module.source, /fig__cell1 \+ 1/);
  assert.ok(module.source.endsWith("export {};\n"));
});

Deno.test("relative imports resolve against the notebook folder; line map points at cells", () => {
  const module = notebookToModule(
    ['import { core } from "../lib/mod.ts";', "core"],
    "/repo/notebooks",
  );
  assert.match(module.source, /from "\/repo\/lib\/mod\.ts"/);
  const lines = module.source.split("\n");
  const index = lines.indexOf("core");
  assert.deepEqual(module.lineMap[index], { cell: 1, line: 0 });
});

Deno.test("a generated module with re-declarations type-checks with deno check", async () => {
  const dir = await Deno.makeTempDir();
  const module = notebookToModule([
    "const x: number = 1;",
    'const x: string = "a";\nx.toUpperCase()',
  ], dir);
  await Deno.writeTextFile(`${dir}/nb.ts`, module.source);
  const result = await new Deno.Command(Deno.execPath(), { args: ["check", `${dir}/nb.ts`] })
    .output();
  assert.ok(result.success, new TextDecoder().decode(result.stderr));
});
