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
 * console.log(fig.html.startsWith("<figure")); // true
 * ```
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import {
  type ClaimResult,
  describeSummary,
  summarizeClaims,
  type VerificationNote,
} from "./claims.ts";
import { categoryColours } from "./palette.ts";
import { csvDataUrl, recordMarks } from "./figure_data.ts";
import { ParameterError } from "./errors.ts";
import { requireMethods, requireObject, requireObjectArray, requireString } from "./validate.ts";
import type { DataFrame } from "./frame.ts";

/** Observable Plot's options object, as {@link plot} takes it. */
export type PlotOptions = Plot.PlotOptions;

/** MIME type carrying a notebook's claims as JSON; the report runner collects it. */
export const CLAIMS_MIME = "application/vnd.compute-pricing.claims+json";

/** A rich output for Jupyter. */
export interface Displayable {
  /** HTML (or SVG) markup. */
  readonly html: string;
  /** Extra MIME entries sent alongside the HTML. */
  readonly extra?: Record<string, unknown>;
  /** `Symbol.for("Jupyter.display")`: the MIME bundle the Deno kernel shows. */
  [key: symbol]: () => Record<string, unknown>;
}

/** Wraps HTML markup (and optional extra MIME data) as a Jupyter display object. */
export function richHtml(html: string, extra: Record<string, unknown> = {}): Displayable {
  requireString("html", html);
  requireObject("extra", extra, "an object of extra MIME data");
  return {
    html,
    extra,
    [Symbol.for("Jupyter.display")]: () => ({ "text/html": html, ...extra }),
    toString: () => html,
  } as Displayable;
}

/**
 * Renders an Observable Plot figure without a browser, with the report's conventions applied to
 * whatever the options leave open:
 * - categorical colour scales use one fixed colour per mechanism ({@link categoryColours});
 * - ordinal domains Plot would sort as strings ("100 nodes" before "50 nodes") sort numerically;
 * - numbers inside legend labels are rounded to 4 significant digits;
 * - the left margin grows to fit the longest y tick label (also when `marginLeft` is given smaller);
 * - the `title` (and `subtitle`) become the figure's caption instead of `<h2>`/`<h3>` headings, so
 *   figures do not crowd a page's outline;
 * - the caption links the figure's data as CSV (`data (CSV, n rows)`): one row per row a mark
 *   draws, with its channels' values before scaling ({@link recordMarks}).
 *
 * Continuous colour legends need a canvas and are not supported server-side (use
 * quantize/threshold/categorical scales instead).
 *
 * @param options Observable Plot options; `document` is supplied here
 * @returns the figure
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "./display.ts";
 * const fig = plot({ title: "demo", marks: [Plot.barY([{ n: "50 nodes", v: 2 }, { n: "100 nodes", v: 3 }], { x: "n", y: "v" })] });
 * console.log(fig.html.includes("<figcaption")); // true
 * ```
 */
export function plot(options: PlotOptions): Displayable {
  requireObject("options", options, "Observable Plot options (an object)");
  const first = renderPlot(options);
  const adjusted = conventions(options, first.element);
  const { element, csv } = adjusted === options ? first : renderPlot(adjusted);
  return richHtml(captioned(element, dataLink(csv, options.title)));
}

type PlotElement = Element & {
  scale(name: string): { type: string; domain?: readonly unknown[] } | undefined;
};

/** Renders once, recording the rows every mark draws. */
function renderPlot(options: PlotOptions): { element: PlotElement; csv: string } {
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const recorder = recordMarks(options.marks);
  const element = Plot.plot(
    { ...options, marks: recorder.marks, document } as PlotOptions,
  ) as unknown as PlotElement;
  return { element, csv: recorder.csv() };
}

/**
 * The download link of a figure's data: a `data:` URL, so the page stays one self-contained file
 * (in the report and in Jupyter alike).
 */
function dataLink(csv: string, title: unknown): string {
  const rows = csv.split("\n").length - 2;
  const name = (typeof title === "string" ? title : "figure").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "figure";
  return `<a class="figure-data" download="${name}.csv" href="${
    csvDataUrl(csv)
  }">data (CSV, ${rows} rows)</a>`;
}

const ORDINAL_SCALES = ["x", "y", "fx", "fy", "color", "symbol"] as const;
const naturalOrder = new Intl.Collator("en", { numeric: true }).compare;

/** The options with the report's defaults filled in from a first rendering. */
function conventions(options: PlotOptions, rendered: PlotElement): PlotOptions {
  const next: Record<string, unknown> = { ...options };
  const given = (name: string) =>
    (options as Record<string, Record<string, unknown> | undefined>)[name] ?? {};
  for (const name of ORDINAL_SCALES) {
    const scale = rendered.scale(name);
    const domain = scale?.domain;
    if (
      !domain || given(name).domain ||
      !["ordinal", "band", "point", "categorical"].includes(scale.type)
    ) continue;
    const labels = domain.map(String);
    const plain = [...labels].sort();
    const natural = [...labels].sort(naturalOrder);
    // Re-sort only Plot's own string order; a domain ordered by a mark's `sort` stays as is.
    if (labels.every((label, i) => label === plain[i]) && natural.some((l, i) => l !== plain[i])) {
      next[name] = {
        ...given(name),
        domain: domain.slice().sort((a, b) => naturalOrder(String(a), String(b))),
      };
    }
  }
  const colour = rendered.scale("color");
  const colourOptions = { ...given("color"), ...(next.color as object ?? {}) } as Record<
    string,
    unknown
  >;
  // Plot gives string categories a categorical scheme; ordered (numeric) ones keep Plot's ramp.
  const categorical = colour?.type === "ordinal" &&
    (colour.domain ?? []).every((value) => typeof value === "string");
  if (colour?.domain && categorical && !colourOptions.range && !colourOptions.scheme) {
    const domain = (colourOptions.domain as unknown[] | undefined) ?? [...colour.domain];
    next.color = { ...colourOptions, domain, range: categoryColours(domain) };
  }
  const binned = ["quantize", "quantile", "threshold"].includes(colour?.type ?? "");
  if (binned && colourOptions.legend && colourOptions.width === undefined) {
    // A ramp legend is 240 px wide by default: 9 bins of "1.2k" labels run together.
    const bins = (colour as { range?: readonly unknown[] }).range?.length ?? 5;
    const width = Math.min(Math.max(240, bins * 56), (options.width ?? 640) - 20);
    next.color = { ...(next.color as object ?? colourOptions), width };
  }
  if (colour && !colourOptions.tickFormat) {
    next.color = { ...(next.color as object ?? colourOptions), tickFormat: roundNumbersIn };
  }
  for (const axis of ["x", "y"] as const) {
    const scale = given(axis);
    const rendering = rendered.scale(axis);
    if (rendering?.type === "log" && rendering.domain && scale.tickFormat === undefined) {
      // Plot's log ticks use SI prefixes ("20m" for 0.02), easily misread next to units.
      next[axis] = {
        ...scale,
        ...(next[axis] as object ?? {}),
        tickFormat: logTicks(rendering.domain),
      };
    }
  }
  const labels = [...rendered.querySelectorAll("g[aria-label='y-axis tick label'] text")];
  const longest = Math.max(0, ...labels.map((text) => (text.textContent ?? "").length));
  const needed = Math.ceil(longest * 6.2 + 16);
  // A margin given too narrow for the labels grows too: clipped tick labels are never intended.
  if (needed > Math.max(40, options.marginLeft ?? 0)) next.marginLeft = needed;
  const changed = Object.keys(next).some((key) =>
    next[key] !== (options as Record<string, unknown>)[key]
  );
  return changed ? next as PlotOptions : options;
}

/**
 * The power of ten at or below the smallest positive value: the base of bars on a log scale,
 * which has no zero to start from.
 *
 * @param values the bars' values
 * @returns `10^floor(log10(min))`, or 1 when no value is positive
 * @example
 * ```ts
 * import { logFloor } from "./display.ts";
 * logFloor([0.03, 2]); // 0.01
 * ```
 */
export function logFloor(values: readonly number[]): number {
  if (!Array.isArray(values)) throw new ParameterError("values", values, "an array of numbers");
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return 1;
  return 10 ** Math.floor(Math.log10(Math.min(...positive)));
}

/**
 * Tick labels of a log axis over `domain`: plain digits (0.02, 500, 20,000) instead of SI prefixes;
 * over more than one and a half decades only the 1-2-5 ticks are labelled.
 */
function logTicks(domain: readonly unknown[]): (value: number) => string {
  const [lo, hi] = [Math.min(...domain.map(Number)), Math.max(...domain.map(Number))];
  const sparse = Math.log10(hi / lo) > 1.5;
  return (value: number) => {
    const mantissa = Math.round(value / 10 ** Math.floor(Math.log10(value)) * 1e6) / 1e6;
    if (sparse && ![1, 2, 5].includes(mantissa)) return "";
    return Math.abs(value) >= 1000
      ? value.toLocaleString("en-US")
      : String(Number(value.toPrecision(6)));
  };
}

/** Rounds the long decimals in a label: `u = 0.5495567825580205` becomes `u = 0.5496`. */
export function roundNumbersIn(label: unknown): string {
  if (typeof label === "number") return formatNumber(label, 4);
  return String(label).replace(/-?\d+\.\d{5,}/g, (digits) => formatNumber(Number(digits), 4));
}

/**
 * Moves Plot's `<h2>` title and `<h3>` subtitle into a `<figcaption>` at the top, followed by
 * `link`; a bare `<svg>` is wrapped in a `<figure>` whose caption is the link alone.
 */
function captioned(element: Element, link: string): string {
  const title = [...element.children].find((child) => child.tagName === "H2") ?? null;
  const subtitle = [...element.children].find((child) => child.tagName === "H3") ?? null;
  const document = element.ownerDocument;
  const caption = document.createElement("figcaption");
  caption.setAttribute("class", "plot-title");
  caption.innerHTML = [
    ...[title, subtitle].filter((node): node is Element => node !== null)
      .map((node, i) =>
        i === 0 && title
          ? `<strong>${node.innerHTML}</strong>`
          : `<span class="plot-subtitle">${node.innerHTML}</span>`
      ),
    link,
  ].join(" ");
  if (element.tagName.toLowerCase() !== "figure") {
    const figure = document.createElement("figure");
    figure.append(caption, element);
    return figure.outerHTML;
  }
  if (title ?? subtitle) (title ?? subtitle)!.replaceWith(caption);
  else element.prepend(caption);
  if (title && subtitle) subtitle.remove();
  return element.outerHTML;
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
  data: readonly object[] | DataFrame,
  options: TableOptions = {},
): Displayable {
  if (Array.isArray(data)) requireObjectArray("data", data, "row objects");
  else requireMethods("data", data, ["toRecords"], "an array of row objects or a DataFrame");
  requireObject("options", options, "table options { caption?, digits?, maxRows? }");
  const rows = (Array.isArray(data) ? [...data] : (data as DataFrame).toRecords()) as Record<
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
  requireString("text", text);
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
  requireObjectArray("results", results, "claim results (evaluateClaims)", ["id", "verdict"]);
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
  requireObjectArray("notes", notes, "verification notes { id, topic, finding }", [
    "id",
    "topic",
    "finding",
  ]);
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
  if (typeof value !== "number") throw new ParameterError("value", value, "a number");
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
  requireString("text", text);
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}
