/**
 * HTML of the report site: one page per notebook around nbconvert's body fragment, an index and
 * the claims ledger. Pages are self-contained (inline CSS, no scripts, no network), so they open
 * offline and render identically in any browser; they follow the reader's dark/light preference
 * and print without the navigation.
 *
 * @example
 * ```ts
 * import { notebookPage } from "./site.ts";
 * const html = notebookPage("PPM", '<h2 id="a">A</h2><table><tr><td>1</td></tr></table>', {
 *   seconds: 1,
 *   params: { mode: "quick", seed: 1 },
 *   source: "notebooks/01_ppm.ipynb",
 *   alternate: null,
 * });
 * console.log(html.includes('class="table-scroll"')); // true
 * ```
 *
 * @module
 */
import { escapeHtml } from "../core/display.ts";
import type { ClaimsSummary } from "../core/claims.ts";
import type { RunParams } from "../core/params.ts";
import { type Heading, outline } from "./headings.ts";
import { linkUrls } from "./html_text.ts";
import { renderMathInText } from "./math.ts";
import { describePaperModeTime, readPaperModeTimes } from "./paper_mode_times.ts";

/** One row of the index page. */
export interface IndexEntry {
  readonly name: string;
  readonly title: string;
  readonly status: "ok" | "failed";
  readonly seconds: number;
  readonly page: string | null;
  readonly codePage: string | null;
  readonly error: string | null;
  readonly claims: ClaimsSummary | null;
  /**
   * When the run shown was taken from the execution cache: the time that run finished (ISO 8601;
   * `seconds` is then that run's time). Null or absent for a run of this build.
   */
  readonly cachedFrom?: string | null;
}

/** A link to another page of the site. */
export interface PageLink {
  readonly href: string;
  readonly title: string;
}

/** Site-wide navigation shown on every page. */
export interface SiteNav {
  /** Notebook pages in reading order. */
  readonly pages: readonly PageLink[];
  readonly previous?: PageLink | null;
  readonly next?: PageLink | null;
}

/** Stylesheet shared by every page (also used by the ledger page). */
export const STYLE = `
:root { color-scheme: light dark; --fg: #1d232a; --bg: #fbfbfa; --muted: #55606b; --line: #d4d8dd;
  --head: #eef1f4; --code: #eef3f9; --link: #1f5fa8; --bar: #21303f; --bar-fg: #f3f5f7;
  --ok: #17693a; --ok-bg: #dff3e5; --cal: #1d5c8f; --cal-bg: #dcebf8; --disc: #8a5a00; --disc-bg: #fcefd2;
  --nrh: #4d5660; --nrh-bg: #e7e9ec; --bad: #a3201b; --bad-bg: #fbe0de; --arith: #6a3d9a; --arith-bg: #eee3f7; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #dfe4ea; --bg: #15191e; --muted: #9aa5b1; --line: #39424c; --head: #222a33; --code: #1d252e;
    --link: #8cc1ff; --bar: #0d1116; --ok: #7fd89c; --ok-bg: #183524; --cal: #8cc1ff; --cal-bg: #16304a;
    --disc: #f0c46a; --disc-bg: #3d2f10; --nrh: #b5bdc6; --nrh-bg: #2a3038; --bad: #ff8f87; --bad-bg: #45191a;
    --arith: #cfa8f5; --arith-bg: #33224a; }
  svg, .katex { color: var(--fg); }
  figure svg, .jp-RenderedImage img, .output_png img { background: #fff; color: #1d232a; border-radius: 3px; }
}
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5; }
a { color: var(--link); }
header.site { background: var(--bar); color: var(--bar-fg); padding: 0.7rem 1.5rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
header.site a { color: #cfe3ff; text-decoration: none; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); max-width: 1280px; margin: 0 auto; }
@media (min-width: 1000px) { .layout.with-toc { grid-template-columns: 230px minmax(0, 1fr); } }
nav.toc { font-size: 0.85rem; padding: 1.5rem 0 1rem 1.2rem; }
@media (min-width: 1000px) { nav.toc { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; } }
nav.toc ul { list-style: none; padding-left: 0; margin: 0; }
nav.toc li { margin: 0.25rem 0; }
nav.toc li.level-3 { padding-left: 0.9rem; }
nav.toc a { text-decoration: none; }
main { min-width: 0; padding: 1.5rem 2rem 4rem; }
h1, h2, h3 { line-height: 1.25; }
h1 .anchor-link, h2 .anchor-link, h3 .anchor-link, h4 .anchor-link { margin-left: 0.35rem; text-decoration: none; opacity: 0.35; font-weight: 400; }
h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link, h4:hover .anchor-link { opacity: 1; }
.table-scroll { max-width: 100%; overflow-x: auto; margin: 0.8rem 0; }
table { border-collapse: collapse; font-size: 0.88rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.3rem 0; }
pre { background: var(--code); padding: 0.6rem; overflow-x: auto; font-size: 0.82rem; }
code { overflow-wrap: anywhere; }
figure { margin: 1.2rem 0; max-width: 100%; overflow-x: auto; }
figure svg, svg { max-width: 100%; height: auto; }
figcaption.plot-title { font-size: 0.95rem; margin-bottom: 0.3rem; }
.plot-subtitle { color: var(--muted); }
.jp-OutputArea-output, .output_area, .output_subarea { max-width: 100%; overflow-x: auto; }
.meta { color: var(--muted); font-size: 0.9rem; }
.status-ok { color: var(--ok); font-weight: 600; }
.status-failed { color: var(--bad); font-weight: 600; }
.toolkit-claims-summary { font-weight: 600; }
.toolkit-progress { color: var(--muted); font-size: 0.85rem; }
nav.pager { display: flex; justify-content: space-between; gap: 1rem; border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; }
/* Pygments classes nbconvert emits in code cells. */
.highlight .k, .highlight .kd, .highlight .kn, .highlight .kr { color: #8a3ab9; font-weight: 600; }
.highlight .s, .highlight .s1, .highlight .s2, .highlight .sb, .highlight .sd { color: #1a7f37; }
.highlight .c, .highlight .c1, .highlight .cm { color: #6e7781; font-style: italic; }
.highlight .mi, .highlight .mf, .highlight .m { color: #b35900; }
.highlight .nf, .highlight .nx { color: #1f5fa8; }
@media (prefers-color-scheme: dark) {
  .highlight .k, .highlight .kd, .highlight .kn, .highlight .kr { color: #d2a8ff; }
  .highlight .s, .highlight .s1, .highlight .s2, .highlight .sb, .highlight .sd { color: #7ee2a8; }
  .highlight .c, .highlight .c1, .highlight .cm { color: #8b949e; }
  .highlight .mi, .highlight .mf, .highlight .m { color: #ffb86b; }
  .highlight .nf, .highlight .nx { color: #8cc1ff; }
}
@media print {
  header.site, nav.toc, nav.pager, .anchor-link { display: none; }
  .layout.with-toc { grid-template-columns: minmax(0, 1fr); }
  main { padding: 0; }
  body { background: #fff; color: #000; }
  .table-scroll, figure { overflow: visible; }
  table, figure, pre { break-inside: avoid; }
  a { color: inherit; }
}
`;

/** Options of {@link page}. */
interface PageOptions {
  readonly nav?: SiteNav;
  readonly headings?: readonly Heading[];
}

function tocHtml(headings: readonly Heading[]): string {
  const shown = headings.filter((heading) => heading.level === 2 || heading.level === 3);
  if (shown.length === 0) return "";
  const items = shown.map((heading) =>
    `<li class="level-${heading.level}"><a href="#${heading.id}">${
      renderMathInText(escapeHtml(heading.text))
    }</a></li>`
  ).join("\n");
  return `<nav class="toc" aria-label="On this page"><ul>\n${items}\n</ul></nav>`;
}

function pagerHtml(nav: SiteNav | undefined): string {
  if (!nav?.previous && !nav?.next) return "";
  const link = (target: PageLink | null | undefined, rel: string, arrow: string) =>
    target
      ? `<a rel="${rel}" href="${escapeHtml(target.href)}">${rel === "prev" ? `${arrow} ` : ""}${
        escapeHtml(target.title)
      }${rel === "next" ? ` ${arrow}` : ""}</a>`
      : "<span></span>";
  return `<nav class="pager" aria-label="Notebooks">${link(nav.previous, "prev", "←")}${
    link(nav.next, "next", "→")
  }</nav>`;
}

/**
 * A complete page: site header, optional sidebar outline, body and prev/next links.
 *
 * @param title page title
 * @param body page body markup
 * @param options navigation and outline
 * @returns the HTML document
 */
export function page(title: string, body: string, options: PageOptions = {}): string {
  const toc = tocHtml(options.headings ?? []);
  const links = (options.nav?.pages ?? []).map((target) =>
    `<a href="${escapeHtml(target.href)}">${escapeHtml(target.title)}</a>`
  ).join("");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="assets/katex/katex.min.css">
<style>${STYLE}</style>
</head>
<body>
<header class="site"><a href="index.html">Report index</a><a href="ledger.html">Claims ledger</a>${links}</header>
<div class="layout${toc ? " with-toc" : ""}">
${toc}
<main>
${body}
${pagerHtml(options.nav)}
</main>
</div>
</body>
</html>
`;
}

/**
 * Wraps every table in a horizontal scroll box, so a wide table scrolls inside the page instead of
 * widening it.
 *
 * @param html markup
 * @returns the markup with wrapped tables
 */
export function wrapTables(html: string): string {
  return html.replace(/<table\b/g, '<div class="table-scroll"><table').replace(
    /<\/table>/g,
    "</table></div>",
  );
}

/**
 * Drops the bar of finished progress displays (their text, with the elapsed time, stays).
 *
 * @param html markup
 * @returns the markup without finished `<progress>` bars
 */
export function settleProgress(html: string): string {
  return html.replace(
    /<div class="toolkit-progress"><progress[^>]*><\/progress>\s*([^<]*— done)<\/div>/g,
    '<div class="toolkit-progress">$1</div>',
  );
}

/**
 * Replaces absolute paths of this machine (the repository root, the home folder) by relative
 * ones, so pages do not show where they were built.
 *
 * @param html markup
 * @param roots absolute folders to hide, most specific first, each with its replacement
 * @returns the markup
 */
export function hidePaths(html: string, roots: readonly (readonly [string, string])[]): string {
  return roots.reduce(
    (text, [root, replacement]) => root ? text.split(root).join(replacement) : text,
    html,
  );
}

/** A notebook page wrapping nbconvert's body fragment (maths already rendered or not). */
export function notebookPage(
  title: string,
  fragment: string,
  run: {
    seconds: number;
    params: RunParams;
    source: string;
    alternate: string | null;
    /** Label of the alternate page (default "version with code"). */
    alternateLabel?: string;
    /** Executed notebook to download, relative to the page. */
    executed?: string | null;
    /** When the cached run shown finished (ISO 8601), if the page comes from the cache. */
    cachedFrom?: string | null;
    nav?: SiteNav;
  },
): string {
  const alternate = run.alternate
    ? ` · <a href="${escapeHtml(run.alternate)}">${
      escapeHtml(run.alternateLabel ?? "version with code")
    }</a>`
    : "";
  const download = run.executed
    ? ` · <a href="${escapeHtml(run.executed)}" download>executed notebook (.ipynb)</a>`
    : "";
  const cached = run.cachedFrom ? ` on ${escapeHtml(cachedTime(run.cachedFrom))} (cached)` : "";
  const meta = `<p class="meta">Executed from <code>${escapeHtml(run.source)}</code> in ${
    run.seconds.toFixed(1)
  } s${cached} · mode ${run.params.mode} · seed ${run.params.seed}${alternate}${download}</p>`;
  const { html, headings } = outline(fragment);
  const body = wrapTables(settleProgress(linkUrls(html)));
  return page(title, `${meta}\n${body}`, { nav: run.nav, headings });
}

/** `2026-12-03 09:50 UTC` from an ISO 8601 time. */
function cachedTime(iso: string): string {
  return iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
}

function claimsCell(claims: ClaimsSummary | null): string {
  if (!claims) return "—";
  return `${claims.total} claims: ${claims.reproduced} reproduced (<strong>${claims.reproducedIndependently} independently</strong>), ${claims.calibrated} calibrated, ${claims.discrepancy} discrepancy, ${claims.notReproducibleHere} not reproducible here${
    claims.unexplained ? `, <strong>${claims.unexplained} unexplained</strong>` : ""
  }`;
}

/**
 * The index page listing every notebook with its status, run time, paper-mode time on this
 * machine (data/paper_mode_times.json) and claims summary.
 */
export function indexPage(
  entries: readonly IndexEntry[],
  params: RunParams,
  nav?: SiteNav,
): string {
  const paperTimes = readPaperModeTimes();
  const rows = entries.map((entry) => {
    const link = entry.page
      ? `<a href="${escapeHtml(entry.page)}">${escapeHtml(entry.title)}</a>`
      : escapeHtml(entry.title);
    const code = entry.codePage ? ` (<a href="${escapeHtml(entry.codePage)}">with code</a>)` : "";
    const status = entry.status === "ok"
      ? `<span class="status-ok">ok</span>${
        entry.cachedFrom
          ? `<br><span class="meta">cached, ran ${escapeHtml(cachedTime(entry.cachedFrom))}</span>`
          : ""
      }`
      : `<span class="status-failed">failed</span><br><code>${
        escapeHtml(entry.error ?? "")
      }</code>`;
    return `<tr><td>${link}${code}<br><code>${
      escapeHtml(entry.name)
    }.ipynb</code></td><td>${status}</td><td>${entry.seconds.toFixed(1)} s</td><td>${
      escapeHtml(describePaperModeTime(paperTimes[entry.name]))
    }</td><td>${claimsCell(entry.claims)}</td></tr>`;
  }).join("\n");
  const total = entries.reduce((sum, entry) => sum + entry.seconds, 0);
  const cachedCount = entries.filter((entry) => entry.cachedFrom).length;
  const cachedNote = cachedCount ? ` (${cachedCount} taken from the execution cache)` : "";
  const body = `<h1>Reproduction report</h1>
<p class="meta">Mode ${params.mode} · seed ${params.seed} · ${entries.length} notebooks${cachedNote} · total run time ${
    total.toFixed(1)
  } s · <a href="ledger.html">claims ledger</a> (<a href="ledger.json" download>ledger.json</a>)</p>
<div class="table-scroll"><table class="report-index">
<thead><tr><th>Notebook</th><th>Status</th><th>Run time</th><th>Paper mode here</th><th>Claims</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
  return page("Reproduction report", body, { nav });
}
