/**
 * HTML of the report site: one page per notebook around nbconvert's body fragment, and an index.
 * Pages are self-contained (inline CSS, no scripts, no network), so they open offline and render
 * identically in any browser.
 *
 * @module
 */
import { escapeHtml } from "../core/display.ts";
import type { ClaimsSummary } from "../core/claims.ts";
import type { RunParams } from "../core/params.ts";

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
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d232a; background: #fbfbfa; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
header.site { background: #21303f; color: #f3f5f7; padding: 0.8rem 2rem; }
header.site a { color: #cfe3ff; margin-right: 1.2rem; text-decoration: none; }
h1, h2, h3 { line-height: 1.25; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.88rem; }
th, td { border: 1px solid #d4d8dd; padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.3rem 0; }
pre { background: #f1f3f5; padding: 0.6rem; overflow-x: auto; font-size: 0.82rem; }
.input_area pre, .highlight pre { background: #eef3f9; }
figure, svg { max-width: 100%; }
.meta { color: #55606b; font-size: 0.9rem; }
.status-ok { color: #17693a; font-weight: 600; }
.status-failed { color: #a3201b; font-weight: 600; }
.toolkit-claims-summary { font-weight: 600; }
.anchor-link { display: none; }
`;

function page(title: string, body: string): string {
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
<header class="site"><a href="index.html">Report index</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A notebook page wrapping nbconvert's body fragment. */
export function notebookPage(
  title: string,
  fragment: string,
  run: { seconds: number; params: RunParams; source: string; alternate: string | null },
): string {
  const alternate = run.alternate
    ? ` · <a href="${escapeHtml(run.alternate)}">version with code</a>`
    : "";
  const meta = `<p class="meta">Executed from <code>${escapeHtml(run.source)}</code> in ${
    run.seconds.toFixed(1)
  } s · mode ${run.params.mode} · seed ${run.params.seed}${alternate}</p>`;
  return page(title, `${meta}\n${fragment}`);
}

function claimsCell(claims: ClaimsSummary | null): string {
  if (!claims) return "—";
  return `${claims.total} claims: ${claims.reproduced} reproduced (<strong>${claims.reproducedIndependently} independently</strong>), ${claims.calibrated} calibrated, ${claims.discrepancy} discrepancy, ${claims.notReproducibleHere} not reproducible here${
    claims.unexplained ? `, <strong>${claims.unexplained} unexplained</strong>` : ""
  }`;
}

/** The index page listing every notebook with its status, run time and claims summary. */
export function indexPage(entries: readonly IndexEntry[], params: RunParams): string {
  const rows = entries.map((entry) => {
    const link = entry.page
      ? `<a href="${escapeHtml(entry.page)}">${escapeHtml(entry.title)}</a>`
      : escapeHtml(entry.title);
    const code = entry.codePage ? ` (<a href="${escapeHtml(entry.codePage)}">with code</a>)` : "";
    const status = entry.status === "ok"
      ? `<span class="status-ok">ok</span>`
      : `<span class="status-failed">failed</span><br><code>${
        escapeHtml(entry.error ?? "")
      }</code>`;
    return `<tr><td>${link}${code}<br><code>${
      escapeHtml(entry.name)
    }.ipynb</code></td><td>${status}</td><td>${entry.seconds.toFixed(1)} s</td><td>${
      claimsCell(entry.claims)
    }</td></tr>`;
  }).join("\n");
  const total = entries.reduce((sum, entry) => sum + entry.seconds, 0);
  const body = `<h1>Reproduction report</h1>
<p class="meta">Mode ${params.mode} · seed ${params.seed} · ${entries.length} notebooks · total run time ${
    total.toFixed(1)
  } s</p>
<table class="report-index">
<thead><tr><th>Notebook</th><th>Status</th><th>Run time</th><th>Claims</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page("Reproduction report", body);
}
