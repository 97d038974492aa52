/**
 * Extracts the runnable JSDoc examples of a module the way `deno test --doc` does, so that
 * `tools/doctest.ts` can run them all in one test module: every fenced `ts`/`js` block (or one
 * with no language) in a JSDoc comment, unless it has the `ignore` attribute; its imports are
 * hoisted (relative specifiers made absolute file URLs) and the rest becomes the body of a
 * `Deno.test` named like Deno's (`file:///…/mod.ts#12-18.ts`: the opening fence's line to the
 * line after the closing one).
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** One runnable JSDoc example. */
export interface DocExample {
  /** test name, as `deno test --doc` names it: `<file URL>#<fence line>-<line after close>.ts` */
  readonly name: string;
  /** the example's import declarations, relative specifiers made absolute */
  readonly imports: string[];
  /** the rest of the example, run as the body of an async test function */
  readonly body: string;
}

const RUNNABLE = new Set(["", "ts", "typescript", "js", "javascript", "mjs", "cjs", "mts", "cts"]);

/**
 * The runnable examples in the JSDoc comments of `source` (the text of the module at `path`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { extractExamples } from "./doctest_extract.ts";
 * const source = [
 *   "/**",
 *   " * ```ts",
 *   ' * import { f } from "./m.ts";',
 *   " * f(1);",
 *   " * ```",
 *   " *\/",
 * ].join("\n");
 * const [example] = extractExamples(source, "/repo/lib/m.ts");
 * assert.equal(example!.name, "file:///repo/lib/m.ts#2-6.ts");
 * assert.deepEqual(example!.imports, ['import { f } from "file:///repo/lib/m.ts";']);
 * assert.equal(example!.body, "f(1);");
 * ```
 */
export function extractExamples(source: string, path: string): DocExample[] {
  const lines = source.split("\n");
  const url = pathToFileURL(resolve(path)).href;
  const examples: DocExample[] = [];
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!inComment) {
      if (/^\s*\/\*\*/.test(line) && !/\*\/\s*$/.test(line)) inComment = true;
      continue;
    }
    if (/\*\/\s*$/.test(line)) {
      inComment = false;
      continue;
    }
    const fence = /^```\s*([\w-]*)(.*)$/.exec(commentText(line));
    if (!fence) continue;
    const close = lines.findIndex((candidate, j) =>
      j > i && /^```\s*$/.test(commentText(candidate))
    );
    if (close < 0) break;
    const attributes = fence[2]!.trim().split(/\s+/);
    if (RUNNABLE.has(fence[1]!.toLowerCase()) && !attributes.includes("ignore")) {
      const code = lines.slice(i + 1, close).map(commentText);
      examples.push({ name: `${url}#${i + 1}-${close + 2}.ts`, ...splitImports(code, path) });
    }
    i = close;
  }
  return examples;
}

/** A JSDoc line without its leading ` * `. */
function commentText(line: string): string {
  return line.replace(/^\s*\*(?: |$)/, "");
}

/** Separates an example's import declarations (which may span lines) from its body. */
function splitImports(code: string[], path: string): { imports: string[]; body: string } {
  const imports: string[] = [];
  const body: string[] = [];
  for (let i = 0; i < code.length; i++) {
    if (!/^import[\s{*"']/.test(code[i]!)) {
      body.push(code[i]!);
      continue;
    }
    let end = i;
    while (end < code.length - 1 && !/["'];?\s*$/.test(code[end]!)) end++;
    const declaration = code.slice(i, end + 1).join("\n");
    imports.push(
      declaration.replace(
        /(["'])(\.\.?\/[^"']*)\1/,
        (_, quote, specifier) =>
          `${quote}${pathToFileURL(resolve(dirname(path), specifier)).href}${quote}`,
      ),
    );
    i = end;
  }
  return { imports, body: body.join("\n").trim() };
}

/** The module that runs one example as a test. */
export function exampleModule(example: DocExample): string {
  const body = example.body.split("\n").map((line) => `  ${line}`).join("\n");
  return `${example.imports.join("\n")}\nDeno.test(${
    JSON.stringify(example.name)
  }, async () => {\n${body}\n});\n`;
}
