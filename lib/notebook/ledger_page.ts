/**
 * The claims ledger as one page a reader scans in a minute: every claim of every paper with a
 * coloured verdict and evidence class, filters by paper, verdict and evidence (pure CSS, no
 * script), an anchor per claim (`ledger.html#ppm.cs-ratio`), claim ids inside explanations linked
 * to their rows, the functions named in `source` linked to the code that defines them, and each
 * claim's `where` linked to the section of the paper's notebook that covers that part of the paper.
 *
 * `where` links to the notebook, not to the paper: the papers are not part of the site (they are
 * not ours to republish, and their Markdown conversions mark sections, figures and theorems in no
 * common form), while each notebook section reproduces and quotes the part of the paper it names.
 *
 * @example
 * ```ts
 * import { ledgerPage } from "./ledger_page.ts";
 * const html = ledgerPage([], { mode: "quick", seed: 1 });
 * console.log(html.includes("0 claims")); // true
 * ```
 *
 * @module
 */
import { dirname, join, relative } from "node:path";
import { escapeHtml, formatNumber } from "../core/display.ts";
import type { ClaimResult } from "../core/claims.ts";
import type { RunParams } from "../core/params.ts";
import { page, type SiteNav } from "./site.ts";
import { coveringSection, type NotebookSection } from "./where_links.ts";

/** A claim as the ledger page reads it. */
export type LedgerClaim = ClaimResult;

/** Where the ledger's links point. */
export interface LedgerLinks {
  /** Page of each paper's notebook, by paper key. */
  readonly notebooks?: Readonly<Record<string, string>>;
  /**
   * Sections of each paper's notebook page, by paper key ({@link notebookSections}): a claim's
   * `where` links to the section covering it ({@link coveringSection}).
   */
  readonly sections?: Readonly<Record<string, readonly NotebookSection[]>>;
  /** Files (relative to the page) defining each exported name, see {@link codeIndex}. */
  readonly code?: ReadonlyMap<string, readonly string[]>;
  readonly nav?: SiteNav;
}

const DIMENSIONS = ["paper", "verdict", "evidence"] as const;
type Dimension = typeof DIMENSIONS[number];

function valueOf(claim: LedgerClaim, dimension: Dimension): string {
  if (dimension === "evidence") return claim.evidence ?? "n/a";
  return String(claim[dimension]);
}

function cssId(text: string): string {
  return text.replace(/[^a-zA-Z0-9-]/g, "_");
}

function formatValue(value: LedgerClaim["paperValue"] | null): string {
  if (value === null) return "—";
  if (Array.isArray(value)) return `[${value.map((v) => formatNumber(v, 4)).join(", ")}]`;
  if (typeof value === "number") return formatNumber(value, 4);
  return String(value);
}

/** Escaped text with the ids of known claims turned into links to their rows. */
function linkClaimIds(text: string, ids: ReadonlySet<string>): string {
  return escapeHtml(text).replace(/\b[a-z]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/g, (match) => {
    const id = ids.has(match) ? match : match.replace(/\.$/, "");
    return ids.has(id) ? `<a href="#${id}">${id}</a>${match.slice(id.length)}` : match;
  });
}

/** Escaped `source` text with names of library exports linked to their files. */
function linkCode(text: string, paper: string, code: ReadonlyMap<string, readonly string[]>) {
  return escapeHtml(text).replace(/\b[A-Za-z_][A-Za-z0-9_]*\b/g, (name) => {
    const files = code.get(name);
    if (!files || files.length === 0) return name;
    const file = files.find((f) => f.includes(`/papers/${paper}/`)) ?? files[0]!;
    return `<a href="${escapeHtml(file)}" title="${
      escapeHtml(file.replace(/^(\.\.\/)+/, ""))
    }"><code>${name}</code></a>`;
  });
}

function filterControls(claims: readonly LedgerClaim[]): { html: string; css: string } {
  const groups: string[] = [];
  const rules: string[] = [];
  for (const dimension of DIMENSIONS) {
    const values = [...new Set(claims.map((claim) => valueOf(claim, dimension)))].sort();
    const radios = [
      `<label><input type="radio" name="${dimension}" id="f-${dimension}-all" checked> all</label>`,
    ];
    for (const value of values) {
      const id = `f-${dimension}-${cssId(value)}`;
      const count = claims.filter((claim) => valueOf(claim, dimension) === value).length;
      radios.push(
        `<label class="${dimension}-${
          cssId(value)
        }"><input type="radio" name="${dimension}" id="${id}"> ${
          escapeHtml(value)
        } (${count})</label>`,
      );
      rules.push(
        `.ledger:has(#${id}:checked) tbody tr:not([data-${dimension}="${value}"]) { display: none; }`,
      );
    }
    groups.push(`<fieldset><legend>${dimension}</legend>${radios.join(" ")}</fieldset>`);
  }
  return { html: `<form class="filters">${groups.join("\n")}</form>`, css: rules.join("\n") };
}

const LEDGER_STYLE = `
.filters { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0.8rem 0; font-size: 0.85rem; }
.filters fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 0.2rem 0.6rem 0.4rem; }
.filters label { white-space: nowrap; margin-right: 0.4rem; }
.ledger td { font-size: 0.84rem; }
.ledger tr:target td { outline: 2px solid var(--link); outline-offset: -2px; }
.ledger td.id > a { font-family: ui-monospace, monospace; font-size: 0.8rem; text-decoration: none; }
.badge { display: inline-block; border-radius: 3px; padding: 0 0.35rem; font-size: 0.78rem; font-weight: 600; white-space: nowrap; }
.verdict-reproduced, .evidence-independent { color: var(--ok); background: var(--ok-bg); }
.verdict-calibrated, .evidence-calibrated { color: var(--cal); background: var(--cal-bg); }
.verdict-discrepancy { color: var(--disc); background: var(--disc-bg); }
.verdict-not-reproducible-here, .evidence-n_a { color: var(--nrh); background: var(--nrh-bg); }
.verdict-unexplained { color: var(--bad); background: var(--bad-bg); }
.evidence-arithmetic { color: var(--arith); background: var(--arith-bg); }
.ledger .reading, .ledger .explanation, .ledger td .meta, .ledger td.values span { display: block; margin-top: 0.2rem; }
.ledger .reading { color: var(--muted); }
.ledger .explanation { border-left: 3px solid var(--disc-bg); padding-left: 0.4rem; }
.ledger td.id { width: 14rem; min-width: 11rem; overflow-wrap: anywhere; }
.ledger td.values { width: 1%; white-space: nowrap; }
.ledger td .badges { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-top: 0.3rem; }
.ledger table { width: 100%; }
`;

/**
 * The ledger page.
 *
 * @param claims every evaluated claim (duplicated ids keep their first occurrence)
 * @param params mode and seed of the run
 * @param links notebook pages, code index and site navigation
 * @returns the HTML document
 */
export function ledgerPage(
  claims: readonly LedgerClaim[],
  params: RunParams,
  links: LedgerLinks = {},
): string {
  const seen = new Set<string>();
  const rowsOf = claims.filter((claim) => !seen.has(claim.id) && seen.add(claim.id));
  const ids = new Set(rowsOf.map((claim) => claim.id));
  const code = links.code ?? new Map();
  const rows = rowsOf.map((claim) => {
    const notebook = links.notebooks?.[claim.paper];
    const paper = notebook
      ? `<a href="${escapeHtml(notebook)}">${escapeHtml(claim.paper)}</a>`
      : escapeHtml(claim.paper);
    const section = notebook
      ? coveringSection(claim.where, links.sections?.[claim.paper] ?? [])
      : null;
    const where = section
      ? `<a class="where" href="${escapeHtml(`${notebook}#${section.id}`)}" title="${
        escapeHtml(`notebook section: ${section.text}`)
      }">${escapeHtml(claim.where)}</a>`
      : escapeHtml(claim.where);
    const evidence = claim.evidence ?? "n/a";
    const data = DIMENSIONS.map((d) => `data-${d}="${escapeHtml(valueOf(claim, d))}"`).join(" ");
    const reading = claim.reading
      ? `<span class="reading">Reading: ${linkClaimIds(claim.reading, ids)}</span>`
      : "";
    const explanation = claim.explanation
      ? `<span class="explanation">${linkClaimIds(claim.explanation, ids)}</span>`
      : "";
    const rule = claim.rule ? `<span class="meta">${escapeHtml(claim.rule)}</span>` : "";
    const source = claim.source
      ? `<span class="meta">source: ${linkCode(claim.source, claim.paper, code)}</span>`
      : "";
    return [
      `<tr id="${escapeHtml(claim.id)}" ${data}>`,
      `<td class="id"><a href="#${escapeHtml(claim.id)}">${escapeHtml(claim.id)}</a>`,
      `<span class="meta">${paper} · ${where}</span>`,
      `<span class="badges"><span class="badge verdict-${claim.verdict}">${claim.verdict}</span>`,
      `<span class="badge evidence-${cssId(evidence)}">${escapeHtml(evidence)}</span></span></td>`,
      `<td>${escapeHtml(claim.statement)}${explanation}${reading}${source}</td>`,
      `<td class="values">paper <strong>${escapeHtml(formatValue(claim.paperValue))}</strong>`,
      `<span>ours <strong>${
        escapeHtml(formatValue(claim.reproducedValue))
      }</strong></span>${rule}</td>`,
      "</tr>",
    ].join("");
  }).join("\n");
  const filters = filterControls(rowsOf);
  const body = `<h1>Claims ledger</h1>
<p class="meta">${rowsOf.length} claims · mode ${params.mode} · seed ${params.seed} · <a href="ledger.json" download>ledger.json</a> · each row has an anchor: <code>ledger.html#&lt;claim id&gt;</code></p>
<style>${LEDGER_STYLE}${filters.css}</style>
<div class="ledger">
${filters.html}
<div class="table-scroll"><table>
<thead><tr><th>claim · verdict · evidence</th><th>statement, explanation, source</th><th>values · rule</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</div>`;
  return page("Claims ledger", body, { nav: links.nav });
}

/**
 * Names exported by the library's modules, each with the files defining it, as paths relative to
 * `fromDir` (the folder of the page that links to them). Empty when `fromDir` lies outside the
 * repository (the folder above `libDir`): such a site is meant to be read elsewhere, where links
 * into the repository would not resolve and would only show where it was built.
 *
 * @param libDir the library folder (`lib/`)
 * @param fromDir folder of the linking page
 * @returns exported name → files
 */
export async function codeIndex(
  libDir: string,
  fromDir: string,
): Promise<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  if (relative(dirname(libDir), fromDir).startsWith("..")) return index;
  const walk = async (dir: string): Promise<void> => {
    for await (const entry of Deno.readDir(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory) await walk(path);
      else if (entry.name.endsWith(".ts")) {
        const text = await Deno.readTextFile(path);
        const href = relative(fromDir, path);
        for (
          const match of text.matchAll(/^export (?:async )?(?:function\*?|const|class) (\w+)/gm)
        ) {
          index.set(match[1]!, [...(index.get(match[1]!) ?? []), href]);
        }
      }
    }
  };
  await walk(libDir);
  return index;
}
