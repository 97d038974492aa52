/**
 * The data behind a figure as CSV: every row each mark of an Observable Plot figure draws, with
 * the values of its channels before scaling (the numbers, not the pixels).
 *
 * {@link recordMarks} wraps each mark's `render` so that, while Plot renders, the recorder sees
 * exactly the rows Plot hands the mark (after its transforms and Plot's filtering of undefined
 * values, per facet); rows whose position is not a finite number (a bar from 0 on a log scale)
 * are not drawn and are left out. Axes, grids and frames carry no data and are skipped.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { parseHTML } from "linkedom";
 * import { recordMarks } from "./figure_data.ts";
 * const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
 * const recorder = recordMarks([Plot.dot([{ u: 1, v: 2 }], { x: "u", y: "v" })]);
 * Plot.plot({ document, marks: recorder.marks } as Plot.PlotOptions);
 * console.log(recorder.csv()); // "layer,mark,u,v\n1,dot,1,2\n"
 * ```
 *
 * @module
 */
import { ParameterError } from "./errors.ts";

/** Marks with no data of their own (Plot's aria labels). */
const DECORATION = /axis|grid|frame/;
/** Channels giving a shape's position: a row with one of them undefined is not drawn. */
const POSITION = /^(x|y)[12]?$/;

interface Channel {
  readonly value: unknown;
  readonly scale?: unknown;
}

interface PlotMark {
  readonly ariaLabel?: string;
  readonly channels?: Record<string, Channel>;
  readonly fx?: unknown;
  readonly fy?: unknown;
  initialize(...args: unknown[]): { data?: ArrayLike<unknown> };
  render(...args: unknown[]): unknown;
}

interface RenderIndex extends ArrayLike<number> {
  fx?: unknown;
  fy?: unknown;
}

interface RenderValues extends Record<string, unknown> {
  readonly channels: Record<string, { readonly value: ArrayLike<unknown> }>;
}

/** One drawn row: column header → value. */
type Row = Map<string, unknown>;

/** What {@link recordMarks} returns. */
export interface MarkRecorder {
  /** The marks to give Plot (wrappers; the caller's marks are not modified). */
  readonly marks: unknown[];
  /** Rows recorded while Plot rendered the marks, in mark order then facet order (render once). */
  rows(): readonly ReadonlyMap<string, unknown>[];
  /** The rows as CSV (RFC 4180, `\n` line ends), with `layer` and `mark` columns first. */
  csv(): string;
}

function isMark(value: unknown): value is PlotMark {
  return typeof value === "object" && value !== null &&
    typeof (value as PlotMark).render === "function" && "channels" in value;
}

/**
 * The field each channel of a mark reads: its name in the data, or the field a transform derived
 * the channel from (a stacked bar's `y1`/`y2` come from its `y` field); null for a computed one.
 */
function fieldsOf(mark: PlotMark, values: RenderValues): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  for (const name of Object.keys(values.channels)) {
    const spec = mark.channels?.[name]?.value;
    const label = (spec as { label?: unknown } | undefined)?.label;
    fields.set(name, typeof spec === "string" ? spec : typeof label === "string" ? label : null);
  }
  return fields;
}

/**
 * Wraps marks so that rendering them records the rows they draw.
 *
 * @param marks Plot's `marks` option (nested arrays, marks, render functions, null)
 * @returns the wrapped marks and the recorder
 */
export function recordMarks(marks: readonly unknown[] | undefined): MarkRecorder {
  if (marks !== undefined && !Array.isArray(marks)) {
    throw new ParameterError("marks", marks, "an array of Plot marks");
  }
  const layerRows: Row[][] = [];
  let layer = 0;
  const wrap = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(wrap);
    if (!isMark(item) || DECORATION.test(item.ariaLabel ?? "")) return item;
    const position = layer++;
    let data: ArrayLike<unknown> = [];
    const wrapper = Object.create(item) as PlotMark;
    Object.defineProperties(wrapper, {
      initialize: {
        value: function (this: PlotMark, ...args: unknown[]) {
          const state = item.initialize.apply(this, args);
          data = state.data ?? [];
          return state;
        },
      },
      render: {
        value: function (this: PlotMark, ...args: unknown[]) {
          const [index, , values] = args as [RenderIndex | null, unknown, RenderValues];
          if (index && values?.channels) {
            (layerRows[position] ??= []).push(...rowsOf(item, position, index, values, data));
          }
          return item.render.apply(this, args);
        },
      },
    });
    return wrapper;
  };
  return {
    marks: (marks ?? []).map(wrap),
    rows: () => layerRows.filter(Boolean).flat(),
    csv() {
      return toCsv(this.rows());
    },
  };
}

/**
 * The rows of one rendering call (one facet): per channel, the datum's own field when the channel
 * reads or derives from one, else the channel's computed value under the channel's name.
 */
function rowsOf(
  mark: PlotMark,
  layer: number,
  index: RenderIndex,
  values: RenderValues,
  data: ArrayLike<unknown>,
): Row[] {
  const fields = fieldsOf(mark, values);
  const facetHeader = (key: "fx" | "fy") => typeof mark[key] === "string" ? mark[key] : key;
  const rows: Row[] = [];
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    const drawn = Object.keys(values.channels).every((name) => {
      if (!POSITION.test(name)) return true;
      const scaled = (values[name] as ArrayLike<unknown> | undefined)?.[i];
      return typeof scaled === "number" && Number.isFinite(scaled);
    });
    if (!drawn) continue;
    const row: Row = new Map<string, unknown>([["layer", layer + 1], [
      "mark",
      mark.ariaLabel ?? "mark",
    ]]);
    if (index.fx !== undefined) row.set(facetHeader("fx") as string, index.fx);
    if (index.fy !== undefined) row.set(facetHeader("fy") as string, index.fy);
    const datum = data[i];
    for (const [name, channel] of Object.entries(values.channels)) {
      const field = fields.get(name) ?? null;
      const own = field !== null && typeof datum === "object" && datum !== null &&
        Object.hasOwn(datum, field);
      const header = field ?? name;
      const value = own ? (datum as Record<string, unknown>)[field] : channel.value[i];
      if (!row.has(header)) row.set(header, value);
      else if (!Object.is(row.get(header), value)) row.set(`${name} (${header})`, value);
    }
    rows.push(row);
  }
  return rows;
}

/** A CSV field: numbers in full precision, dates in ISO 8601, missing values empty. */
function field(value: unknown): string {
  let text: string;
  if (value === null || value === undefined || Number.isNaN(value)) text = "";
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text: the union of the rows' keys as header, in first-seen order.
 *
 * @param rows rows keyed by column
 * @returns the CSV, one line per row, `\n` after each line
 */
export function toCsv(rows: readonly ReadonlyMap<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((row) => [...row.keys()]))];
  const lines = [columns.map(field).join(",")];
  for (const row of rows) lines.push(columns.map((column) => field(row.get(column))).join(","));
  return lines.join("\n") + "\n";
}

/**
 * Parses CSV text written by {@link toCsv} (RFC 4180 quoting) into records of strings.
 *
 * @param text CSV with a header line
 * @returns one record per line after the header
 * @example
 * ```ts
 * import { parseCsv } from "./figure_data.ts";
 * parseCsv('a,b\n1,"x, y"\n'); // [{ a: "1", b: "x, y" }]
 * ```
 */
export function parseCsv(text: string): Record<string, string>[] {
  if (typeof text !== "string") throw new ParameterError("text", text, "CSV text");
  const records: string[][] = [[]];
  let value = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (value += '"'), i++;
      else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") records.at(-1)!.push(value), value = "";
    else if (char === "\n") records.at(-1)!.push(value), value = "", records.push([]);
    else if (char !== "\r") value += char;
  }
  if (value !== "" || records.at(-1)!.length > 0) records.at(-1)!.push(value);
  const filled = records.filter((record) => record.length > 0);
  const [header = [], ...body] = filled;
  return body.map((record) => Object.fromEntries(header.map((name, j) => [name, record[j] ?? ""])));
}

/**
 * A `data:` URL holding CSV text (base64 of its UTF-8 bytes), for a self-contained download link.
 *
 * @param csv the text
 * @returns the URL
 */
export function csvDataUrl(csv: string): string {
  const bytes = new TextEncoder().encode(csv);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:text/csv;charset=utf-8;base64,${btoa(binary)}`;
}
