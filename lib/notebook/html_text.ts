/**
 * Rewrites the text nodes of an HTML stretch and nothing else: tags and attribute values stay as
 * they are, and so does the text of elements named in `skip` (by default code, pre, links,
 * scripts and styles).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linkUrls } from "./html_text.ts";
 * assert.equal(
 *   linkUrls("<p>see https://example.org/a.</p>"),
 *   '<p>see <a href="https://example.org/a">https://example.org/a</a>.</p>', // final dot kept out
 * );
 * ```
 *
 * @module
 */

/** Elements whose text is kept verbatim by default. */
export const VERBATIM: ReadonlySet<string> = new Set([
  "code",
  "pre",
  "script",
  "style",
  "kbd",
  "samp",
  "a",
  "svg",
]);

/**
 * Applies `rewrite` to every text node outside the `skip` elements.
 *
 * @param html markup
 * @param rewrite maps a text node's (HTML-escaped) text to markup
 * @param skip elements whose text is left alone
 * @returns the rewritten markup
 */
export function mapTextNodes(
  html: string,
  rewrite: (text: string) => string,
  skip: ReadonlySet<string> = VERBATIM,
): string {
  let depth = 0;
  return html.split(/(<[^>]*>)/).map((token) => {
    const tag = token.match(/^<(\/?)([a-zA-Z][\w-]*)/);
    if (tag) {
      if (skip.has(tag[2]!.toLowerCase()) && !token.endsWith("/>")) {
        depth = Math.max(0, depth + (tag[1] ? -1 : 1));
      }
      return token;
    }
    return token.startsWith("<") || depth > 0 || token === "" ? token : rewrite(token);
  }).join("");
}

/**
 * Turns bare `http(s)://` URLs in text nodes into links (trailing punctuation stays outside).
 *
 * @param html markup
 * @returns the markup with clickable URLs
 */
export function linkUrls(html: string): string {
  return mapTextNodes(html, (text) =>
    text.replace(/https?:\/\/[^\s<>"']+/g, (match) => {
      let url = match.replace(/[.,;:!?]+$/, "");
      // A closing bracket belongs to the URL only when the URL opened one.
      while (
        /[)\]]$/.test(url) && count(url, "(") + count(url, "[") < count(url, ")") + count(url, "]")
      ) {
        url = url.slice(0, -1).replace(/[.,;:!?]+$/, "");
      }
      return `<a href="${url}">${url}</a>${match.slice(url.length)}`;
    }));
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
