/**
 * `deno task check`: type-checks `lib/`, `tests/`, `bench/` and the code cells of every notebook
 * (through {@link notebookToModule}), reporting notebook errors as `notebook.ipynb cell N line L`.
 *
 * @module
 */
import { basename, join } from "node:path";
import { listNotebooks } from "./report.ts";
import { REPO_ROOT } from "./paths.ts";
import { type NotebookModule, notebookToModule } from "./typecheck.ts";

const GENERATED_DIR = `${REPO_ROOT}/.cache/nbcheck`;

async function tsFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory) files.push(...await tsFiles(path));
      else if (entry.name.endsWith(".ts")) files.push(path);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return files;
}

/** Writes one module per notebook; returns their paths and maps. */
async function generateNotebookModules(): Promise<
  Map<string, NotebookModule & { notebook: string }>
> {
  await Deno.mkdir(GENERATED_DIR, { recursive: true });
  const generated = new Map<string, NotebookModule & { notebook: string }>();
  for (const notebook of await listNotebooks()) {
    const parsed = JSON.parse(await Deno.readTextFile(notebook)) as {
      cells: { cell_type: string; source: string | string[] }[];
    };
    const cells = parsed.cells.filter((cell) => cell.cell_type === "code").map((cell) =>
      Array.isArray(cell.source) ? cell.source.join("") : cell.source
    );
    const module = notebookToModule(cells, join(REPO_ROOT, "notebooks"));
    const path = join(GENERATED_DIR, `${basename(notebook, ".ipynb")}.ts`);
    await Deno.writeTextFile(path, module.source);
    generated.set(path, { ...module, notebook: `notebooks/${basename(notebook)}` });
  }
  return generated;
}

/** Rewrites generated-file locations in checker output to notebook cells. */
function mapLocations(
  text: string,
  generated: Map<string, NotebookModule & { notebook: string }>,
): string {
  return text.replace(/(?:file:\/\/)?(\/[^\s:]+\.ts):(\d+):(\d+)/g, (match, path, line, col) => {
    const module = generated.get(path);
    const entry = module?.lineMap[Number(line) - 1];
    if (!module || !entry) return match;
    return `${module.notebook} [code cell ${entry.cell + 1}, line ${entry.line + 1}, col ${col}]`;
  });
}

if (import.meta.main && (Deno.args.includes("--help") || Deno.args.includes("-h"))) {
  console.log(`usage: deno task check
  Type-checks lib/, tests/, bench/ and the code cells of every notebook (errors point at the
  notebook, code cell and line). Takes no options.`);
  Deno.exit(0);
}

if (import.meta.main) {
  const generated = await generateNotebookModules();
  const files = [
    ...await tsFiles(join(REPO_ROOT, "lib")),
    ...await tsFiles(join(REPO_ROOT, "tests")),
    ...await tsFiles(join(REPO_ROOT, "bench")),
    ...generated.keys(),
  ];
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["check", ...files],
    cwd: REPO_ROOT,
    env: { NO_COLOR: "1" },
  }).output();
  const decoder = new TextDecoder();
  const output = mapLocations(
    decoder.decode(result.stdout) + decoder.decode(result.stderr),
    generated,
  );
  console.log(output.trim());
  console.log(
    `type-checked ${files.length - generated.size} modules and ${generated.size} notebooks: ${
      result.success ? "ok" : "FAILED"
    }`,
  );
  Deno.exit(result.success ? 0 : 1);
}
