/**
 * Display helpers for notebooks: Observable Plot figures rendered server-side through linkedom,
 * HTML tables from rows or polars DataFrames, Markdown, and the claims ledger table.
 *
 * Every helper returns a {@link Displayable}: the Deno Jupyter kernel renders it as rich output
 * when it is the value of a cell or passed to `Deno.jupyter.display`; outside Jupyter `.html`
 * holds the markup.
 *
 * @example
 * ```ts
 * import { plot, table } from "./display.ts";
 * import * as Plot from "@observablehq/plot";
 * const fig = plot({ marks: [Plot.lineY([1, 3, 2])], title: "demo" });
 * const tab = table([{ x: 1, y: 2 }], { caption: "rows" });
 * console.log(fig.html.startsWith("<figure") || fig.html.startsWith("<svg")); // true
 * ```
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type pl from "nodejs-polars";
import {
  type ClaimResult,
  describeSummary,
  summarizeClaims,
  type VerificationNote,
} from "./claims.ts";

/** MIME type carrying a notebook's claims as JSON; the report runner collects it. */
export const CLAIMS_MIME = "application/vnd.compute-pricing.claims+json";

/** A rich output for Jupyter. */
export interface Displayable {
  /** HTML (or SVG) markup. */
  readonly html: string;
  /** Extra MIME entries sent alongside the HTML. */
  readonly extra?: Record<string, unknown>;
  [key: symbol]: () => Record<string, unknown>;
}

/** Wraps HTML markup (and optional extra MIME data) as a Jupyter display object. */
export function richHtml(html: string, extra: Record<string, unknown> = {}): Displayable {
  return {
    html,
    extra,
    [Symbol.for("Jupyter.display")]: () => ({ "text/html": html, ...extra }),
    toString: () => html,
  } as Displayable;
}

/**
 * Renders an Observable Plot figure without a browser. Continuous colour legends need a canvas
 * and are not supported server-side (use quantize/threshold/categorical scales instead).
 *
 * @param options Observable Plot options; `document` is supplied here
 */
export function plot(options: Plot.PlotOptions): Displayable {
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const element = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as {
    outerHTML: string;
  };
  return richHtml(element.outerHTML);
}

/** Options for {@link table}. */
export interface TableOptions {
  /** Caption shown above the table. */
  readonly caption?: string;
  /** Significant digits for numbers (default 4). */
  readonly digits?: number;
  /** Maximum rows shown (default 50; a note says how many were omitted). */
  readonly maxRows?: number;
}

/** An HTML table from an array of row objects or a polars DataFrame. */
export function table(
  data: readonly object[] | pl.DataFrame,
  options: TableOptions = {},
): Displayable {
  const rows = (Array.isArray(data) ? [...data] : (data as pl.DataFrame).toRecords()) as Record<
    string,
    unknown
  >[];
  const digits = options.digits ?? 4;
  const maxRows = options.maxRows ?? 50;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("");
  const body = rows.slice(0, maxRows).map((row) =>
    `<tr>${
      columns.map((column) => `<td>${escapeHtml(formatCell(row[column], digits))}</td>`).join("")
    }</tr>`
  ).join("\n");
  const omitted = rows.length > maxRows
    ? `<tr><td colspan="${columns.length}">… ${rows.length - maxRows} more rows</td></tr>`
    : "";
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  return richHtml(
    `<table class="toolkit-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}${omitted}</tbody></table>`,
  );
}

/** Renders a small Markdown subset (paragraphs, `code`, **bold**) as HTML; for computed text. */
export function note(text: string): Displayable {
  const html = text.split(/\n{2,}/).map((paragraph) =>
    `<p>${
      escapeHtml(paragraph)
        .replace(/`([^`]+)`/g, "<code>$1</code>")
        .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    }</p>`
  ).join("");
  return richHtml(`<div class="toolkit-note">${html}</div>`);
}

/**
 * The claims ledger as a table with a verdict summary. Also carries the results as
 * {@link CLAIMS_MIME} JSON so the report index can show each notebook's claims summary.
 */
export function claimsTable(
  results: readonly ClaimResult[],
  caption = "Claims ledger",
): Displayable {
  const summary = summarizeClaims(results);
  const rows = results.map((claim) => ({
    id: claim.id,
    where: claim.where,
    statement: claim.statement,
    paper: formatClaimValue(claim.paperValue),
    reproduced: claim.reproducedValue === null ? "—" : formatClaimValue(claim.reproducedValue),
    rule: claim.rule ?? "—",
    evidence: claim.evidence ?? "—",
    verdict: claim.verdict,
    explanation: [claim.explanation, claim.reading && `Reading: ${claim.reading}`]
      .filter(Boolean).join(" "),
  }));
  const heading = `<p class="toolkit-claims-summary">${escapeHtml(describeSummary(summary))}</p>`;
  const body = results.length === 0
    ? "<p>No claims are recorded for this section yet.</p>"
    : table(rows, { caption, maxRows: 1000 }).html;
  return richHtml(`<div class="toolkit-claims">${heading}${body}</div>`, {
    [CLAIMS_MIME]: { summary, claims: results },
  });
}

/**
 * Findings about this project's own reference tools (not statements of the paper), as a table for
 * a notebook's "Verification notes" section.
 *
 * @example
 * ```ts
 * import { verificationNotesTable } from "./display.ts";
 * verificationNotesTable([{ id: "demo.grid", topic: "grid search", finding: "misses the optimum by 0.1 %", value: 0.001 }]);
 * ```
 */
export function verificationNotesTable(
  notes: readonly VerificationNote[],
  caption = "Verification notes",
): Displayable {
  const rows = notes.map((note) => ({
    id: note.id,
    topic: note.topic,
    finding: note.finding,
    value: note.value === undefined ? "—" : formatClaimValue(note.value),
    source: note.source ?? "",
  }));
  return table(rows, { caption, maxRows: 1000 });
}

function formatClaimValue(value: ClaimResult["paperValue"]): string {
  if (Array.isArray(value)) return `[${value.map((v) => formatNumber(v, 4)).join(", ")}]`;
  if (typeof value === "number") return formatNumber(value, 4);
  return String(value);
}

function formatCell(value: unknown, digits: number): string {
  if (typeof value === "number") return formatNumber(value, digits);
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Formats a number with `digits` significant digits, switching to exponent form when tiny/huge. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) {
    return value.toExponential(digits - 1);
  }
  return String(Number(value.toPrecision(digits)));
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}
