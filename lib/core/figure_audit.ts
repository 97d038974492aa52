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
