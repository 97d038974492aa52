/**
 * Checks on rendered figures, for tests of the report: how many data marks a figure draws (an
 * axis with no bars is an empty figure, whatever its size) and which colour each legend entry has.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "./display.ts";
 * import { auditFigure } from "./figure_audit.ts";
 * const audit = auditFigure(plot({ color: { legend: true }, marks: [Plot.dot([{ s: "PPM-OP" }], { fill: "s" })] }).html);
 * console.log(audit.dataMarks, audit.legend.get("PPM-OP")); // 1 "#4269d0"
 * ```
 *
 * @module
 */
import { parseHTML } from "linkedom";
import { parseCsv } from "./figure_data.ts";

/** What {@link auditFigure} found in one figure. */
export interface FigureAudit {
  /** Drawn shapes of data marks (bars, lines, dots, areas, cells...; not axes, grids, rules, frames). */
  readonly dataMarks: number;
  /** Colour of each swatch of the figure's categorical legends, by label. */
  readonly legend: ReadonlyMap<string, string>;
}

const NOT_DATA = /axis|grid|frame|rule/;
const SHAPES = "rect, path, circle, line, polygon, polyline, image, text";

/** Whether a shape has any extent (a bar of NaN or zero height draws nothing). */
function drawn(shape: Element): boolean {
  if (shape.tagName.toLowerCase() === "rect") {
    const height = Number(shape.getAttribute("height") ?? "1");
    const width = Number(shape.getAttribute("width") ?? "1");
    return height > 0 && width > 0;
  }
  if (shape.tagName.toLowerCase() === "path") return /\d/.test(shape.getAttribute("d") ?? "");
  return true;
}

/** Whether a shape has a place on the plot (a bar of zero height has one; of NaN height not). */
function placed(shape: Element): boolean {
  if (shape.tagName.toLowerCase() === "rect") {
    return ["height", "width"].every((name) => Number(shape.getAttribute(name) ?? "0") >= 0);
  }
  return drawn(shape);
}

/**
 * Counts the data marks and reads the legend of one figure's HTML (one `<figure>` or `<svg>`).
 *
 * @param html markup of the figure
 * @returns the audit
 */
export function auditFigure(html: string): FigureAudit {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  let dataMarks = 0;
  for (const group of document.querySelectorAll("svg g[aria-label]")) {
    if (NOT_DATA.test(group.getAttribute("aria-label") ?? "")) continue;
    dataMarks += [...group.querySelectorAll(SHAPES)].filter(drawn).length;
  }
  const legend = new Map<string, string>();
  for (const swatch of document.querySelectorAll("[class$='-swatch']")) {
    const colour = swatch.querySelector("svg")?.getAttribute("fill");
    const label = swatch.textContent?.trim();
    if (colour && label) legend.set(label, colour);
  }
  return { dataMarks, legend };
}

/** One data mark as drawn: its aria label, its shapes, and for paths their vertices. */
export interface DrawnLayer {
  readonly label: string;
  /**
   * Shapes with a place on the plot, zero-height bars included (one per row for bars, dots, rules,
   * text; one per series for lines, areas).
   */
  readonly shapes: number;
  /** Vertices (`M`/`L` commands) over the layer's paths. */
  readonly vertices: number;
  /** Sub-paths (`M` commands): a line broken by an undefined point draws one per piece. */
  readonly pieces: number;
}

/**
 * The data marks of a figure's plot, in drawing order (axes, grids and frames left out).
 *
 * @param html markup of one figure
 * @returns one entry per mark group of the plot
 */
export function drawnLayers(html: string): DrawnLayer[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const groups = [...document.querySelectorAll("svg > g[aria-label]")].filter((group) =>
    !/axis|grid|frame/.test(group.getAttribute("aria-label") ?? "")
  );
  return groups.map((group) => {
    const shapes = [...group.querySelectorAll(SHAPES)].filter(placed);
    const paths = shapes.filter((shape) => shape.tagName.toLowerCase() === "path")
      .map((path) => path.getAttribute("d") ?? "");
    const count = (pattern: RegExp) =>
      paths.reduce((sum, d) => sum + (d.match(pattern)?.length ?? 0), 0);
    return {
      label: group.getAttribute("aria-label") ?? "",
      shapes: shapes.length,
      vertices: count(/[ML]/g),
      pieces: count(/M/g),
    };
  });
}

/**
 * The rows of a figure's data link (`a.figure-data`, a base64 `data:` URL of CSV), or null
 * when the figure has none.
 *
 * @param html markup of one figure
 * @returns the CSV records
 */
export function figureData(html: string): Record<string, string>[] | null {
  const match = html.match(
    /class="figure-data"[^>]*href="data:text\/csv;charset=utf-8;base64,([^"]*)"/,
  );
  if (!match) return null;
  const bytes = Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0));
  return parseCsv(new TextDecoder().decode(bytes));
}

/**
 * Where a figure's CSV and its drawing disagree: for each data mark, the CSV must hold one row per
 * bar, dot, rule or label drawn, and one row per vertex of a line or per pair of vertices of an
 * area (linear curves; a step curve draws two vertices per point but the first of each piece).
 *
 * @param html markup of one figure
 * @returns one message per disagreement (empty when the CSV lists exactly what is drawn)
 */
export function dataMismatches(html: string): string[] {
  const rows = figureData(html);
  if (rows === null) return ["the figure has no data (CSV) link"];
  // A mark that draws nothing (every bar from 0 on a log axis) has no rows to list.
  const layers = drawnLayers(html).filter((layer) => layer.shapes > 0);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.layer!, (counts.get(row.layer!) ?? 0) + 1);
  const csvLayers = [...counts.entries()];
  const problems: string[] = [];
  if (csvLayers.length !== layers.length) {
    problems.push(`${layers.length} data marks drawn, ${csvLayers.length} in the CSV`);
  }
  layers.forEach((layer, i) => {
    const [id, r] = csvLayers[i] ?? ["?", 0];
    const { shapes: p, vertices: v, pieces: m } = layer;
    const fits = layer.label === "line"
      ? v === r || v === 2 * r - m
      : layer.label === "area"
      ? v === 2 * r || v === 2 * (2 * r - m)
      : p === r;
    if (!fits) {
      problems.push(
        `mark ${i + 1} (${layer.label}, CSV layer ${id}): ${r} rows for ${p} shapes, ${v} vertices`,
      );
    }
  });
  return problems;
}

/**
 * Splits a page's HTML into its top-level figures (Observable Plot `<figure>`s, or bare `<svg>`s).
 *
 * @param html page or cell output markup
 * @returns the markup of each figure
 */
export function figuresOf(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const figures = [...document.querySelectorAll("figure, svg")].filter((element) =>
    !element.parentElement?.closest("figure, svg") && element.querySelector("g[aria-label]")
  );
  return figures.map((element) => element.outerHTML);
}
