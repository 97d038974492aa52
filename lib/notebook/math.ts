/**
 * Server-side maths for the report pages: TeX between `$…$` / `$$…$$` in Markdown cells is
 * rendered with KaTeX, so pages need no script and no network (Jupyter itself uses MathJax in the
 * browser). A `$` followed by a digit and a space-containing span is read as a currency sign
 * (`$0.10/kWh`), not as maths.
 *
 * @example
 * ```ts
 * import { renderMath } from "./math.ts";
 * const html = renderMath('<div class="text_cell_render">cost $c^{TH}$</div>');
 * console.log(html.includes("katex")); // true
 * ```
 *
 * @module
 */
import katex from "katex";
import { mapTextNodes } from "./html_text.ts";

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};

function unescapeHtml(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

function tex(source: string, displayMode: boolean): string {
  return katex.renderToString(unescapeHtml(source), {
    displayMode,
    throwOnError: false,
    output: "html",
    // Unicode letters in maths (α, ≥) are intended; report every other strictness issue.
    strict: (code: string) => code === "unicodeTextInMathMode" ? "ignore" : "warn",
  });
}

/** Whether `$content$` reads as maths rather than prices (`$5 and $6`). */
function looksLikeMath(content: string): boolean {
  if (content.length === 0 || /^\s|\s$/.test(content)) return false;
  return !(/^\d/.test(content) && /\s/.test(content));
}

/** Renders the maths of one stretch of Markdown-rendered HTML text. */
export function renderMathInText(html: string): string {
  const display = html.replace(/\$\$([\s\S]+?)\$\$/g, (_match, body: string) => tex(body, true));
  let out = "";
  let position = 0;
  while (position < display.length) {
    const open = display.indexOf("$", position);
    if (open === -1) break;
    const close = display.indexOf("$", open + 1);
    const body = close === -1 ? "" : display.slice(open + 1, close);
    const escaped = open > 0 && display[open - 1] === "\\";
    if (close !== -1 && !escaped && !body.includes("\n") && looksLikeMath(body)) {
      out += display.slice(position, open) + tex(body, false);
      position = close + 1;
    } else {
      // Not maths: keep this `$` as text and look for an opener after it.
      out += display.slice(position, open + 1);
      position = open + 1;
    }
  }
  return out + display.slice(position);
}

/**
 * Renders the maths of an HTML stretch in its text nodes only: tags, attribute values (heading ids,
 * link targets) and verbatim elements (`<code>`, `<pre>`) are left as they are.
 *
 * @param html markup whose text may hold `$…$` / `$$…$$`
 * @returns the markup with KaTeX HTML in place of the TeX
 */
export function renderMathInHtml(html: string): string {
  return mapTextNodes(html, (text) => text.includes("$") ? renderMathInText(text) : text);
}

/**
 * Renders maths inside the Markdown cells of an nbconvert body fragment, in text nodes only;
 * outputs and code are left untouched.
 *
 * @param fragment nbconvert body fragment
 * @returns the fragment with rendered maths
 */
export function renderMath(fragment: string): string {
  const marker = '<div class="text_cell_render';
  const parts = fragment.split(marker);
  return parts.map((part, index) => {
    if (index === 0) return part;
    const end = part.indexOf('<div class="cell ');
    const text = end === -1 ? part : part.slice(0, end);
    const rest = end === -1 ? "" : part.slice(end);
    return marker + renderMathInHtml(text) + rest;
  }).join("");
}

/** Folder holding KaTeX's stylesheet and fonts, to be copied next to the pages. */
export function katexAssetsDir(): string {
  return new URL("../../node_modules/katex/dist", import.meta.url).pathname;
}
