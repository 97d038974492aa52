/**
 * Heading ids of report pages taken from the heading's raw text (`Does $p$ exist?` becomes
 * `does-p-exist`), the links to them rewritten to match, and the outline the sidebar shows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { outline } from "./headings.ts";
 * const { html, headings } = outline('<h2 id="A-$x$">A $x$<a class="anchor-link" href="#A-$x$">¶</a></h2>');
 * assert.deepEqual(headings, [{ level: 2, id: "a-x", text: "A $x$" }]); // slug of the raw text
 * assert.ok(html.includes('href="#a-x"')); // the anchor link follows the new id
 * ```
 *
 * @module
 */

/** One heading of a page. */
export interface Heading {
  readonly level: number;
  readonly id: string;
  /** The heading's raw text (TeX kept as `$…$`). */
  readonly text: string;
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };

/** Text of an HTML stretch: tags dropped, the common entities decoded. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(amp|lt|gt|quot);/g, (_m, e: string) => ENTITY[e]!)
    .replace(/¶/g, "").trim();
}

/**
 * A URL fragment from a heading's text: lower case, TeX markers and punctuation dropped, words
 * joined by `-`.
 *
 * @param text raw heading text
 * @returns the slug (`section` when nothing is left)
 */
export function slug(text: string): string {
  const words = text.toLowerCase().replace(/\\[a-z]+/g, (command) => command.slice(1))
    .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  return words || "section";
}

/**
 * Gives every heading with an id a slug of its raw text (unique in the page) and rewrites the
 * page's `href="#old"` links to the new ids.
 *
 * @param fragment page body, before maths are rendered
 * @returns the rewritten body and its headings in page order
 */
export function outline(fragment: string): { html: string; headings: Heading[] } {
  const headings: Heading[] = [];
  const renamed = new Map<string, string>();
  const used = new Set<string>();
  const pattern = /<h([1-6])([^>]*?)\sid="([^"]*)"([^>]*)>([\s\S]*?)<\/h\1>/g;
  let html = fragment.replace(pattern, (_m, level: string, before, old: string, after, inner) => {
    const text = textOf(inner);
    let id = slug(text);
    for (let n = 2; used.has(id); n++) id = `${slug(text)}-${n}`;
    used.add(id);
    renamed.set(old, id);
    headings.push({ level: Number(level), id, text });
    return `<h${level}${before} id="${id}"${after}>${inner}</h${level}>`;
  });
  html = html.replace(/href="#([^"]*)"/g, (match, target: string) => {
    const id = renamed.get(target);
    return id === undefined ? match : `href="#${id}"`;
  });
  return { html, headings };
}
