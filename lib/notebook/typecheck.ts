/**
 * Turns a notebook's code cells into one TypeScript module that `deno check` can read.
 *
 * Two notebook habits break naive concatenation: relative imports are relative to the notebook's
 * folder, and a later cell may re-declare a top-level name (REPL semantics; TS2451 in a module).
 * Imports are rewritten to absolute paths, and a re-declared name is renamed (`name__cell5`) from
 * its re-declaring cell onward, which is exactly the binding a kernel session would see.
 * A line map sends each generated line back to its cell for error messages.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { notebookToModule } from "./typecheck.ts";
 * const mod = notebookToModule(["const x = 1;", "const x = 2;\nx + 1"], "/repo/notebooks");
 * assert.ok(mod.source.includes("const x__cell1 = 2;\nx__cell1 + 1")); // a redeclaration is renamed
 * ```
 *
 * @module
 */
import { resolve } from "node:path";

/** Generated module and its map back to cells. */
export interface NotebookModule {
  readonly source: string;
  /** For each generated line (0-based), the code cell index and line inside it. */
  readonly lineMap: readonly { cell: number; line: number }[];
}

const DECLARATION =
  /^(?:export\s+)?(?:declare\s+)?(?:const|let|var|class|enum|interface|type|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/;
const DESTRUCTURING = /^(?:export\s+)?(?:const|let|var)\s*[{[]([^=]*)[}\]]\s*=/;

/** Top-level names a cell declares (lines starting at column 0). */
export function declaredNames(cell: string): string[] {
  const names: string[] = [];
  for (const line of cell.split("\n")) {
    const simple = line.match(DECLARATION);
    if (simple?.[1]) {
      names.push(simple[1]);
      continue;
    }
    const pattern = line.match(DESTRUCTURING);
    if (pattern?.[1]) {
      for (const part of pattern[1].split(",")) {
        const name = part.split(":").at(-1)?.split("=")[0]?.replace(/\.\.\./, "").trim();
        if (name && /^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
      }
    }
  }
  return names;
}

function renameIdentifier(code: string, from: string, to: string): string {
  const escaped = from.replace(/\$/g, "\\$");
  return code.replace(new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`, "g"), to);
}

function absolutizeImports(code: string, notebookDir: string): string {
  return code.replace(
    /(from\s+|import\s*\(\s*|import\s+)(["'])(\.{1,2}\/[^"']+)\2/g,
    (_match, prefix: string, quote: string, specifier: string) =>
      `${prefix}${quote}${resolve(notebookDir, specifier)}${quote}`,
  );
}

/**
 * Builds the checkable module from code cells.
 *
 * @param cells source of each code cell, in order
 * @param notebookDir folder of the notebook (relative imports are resolved against it)
 */
export function notebookToModule(cells: readonly string[], notebookDir: string): NotebookModule {
  const declared = new Set<string>();
  const renames = new Map<string, string>();
  const lines: string[] = [];
  const lineMap: { cell: number; line: number }[] = [];
  cells.forEach((original, cellIndex) => {
    let code = absolutizeImports(original, notebookDir);
    for (const name of declaredNames(original)) {
      if (declared.has(name)) renames.set(name, `${name}__cell${cellIndex}`);
      declared.add(name);
    }
    for (const [from, to] of renames) code = renameIdentifier(code, from, to);
    code.split("\n").forEach((text, line) => {
      lines.push(text);
      lineMap.push({ cell: cellIndex, line });
    });
    lines.push(";");
    lineMap.push({ cell: cellIndex, line: -1 });
  });
  lines.push("export {};");
  return { source: lines.join("\n") + "\n", lineMap };
}
