/**
 * A strict reader for the plain CSV files of the trace folders (comma-separated, no quoting, first
 * line a header, optional `.gz`). Every problem is reported as a {@link DataFileError} naming the
 * file and the 1-based line.
 *
 * @module
 */
import { gunzipSync } from "node:zlib";
import pl from "nodejs-polars";
import { DataFileError } from "../core/errors.ts";
import type { DataFrame } from "../core/frame.ts";

/** How to read one column. */
export interface ColumnSpec {
  /** header name in the file */
  readonly from: string;
  /** column name in the DataFrame (default: same as `from`) */
  readonly to?: string;
  /** `number` parses with `Number()`; `string` keeps the text */
  readonly kind: "number" | "string";
  /** whether an empty field is allowed (it becomes null); default false */
  readonly nullable?: boolean;
  /** smallest allowed value (e.g. 0 for durations); numbers only */
  readonly min?: number;
  /** whether the value must be an integer (counts); numbers only */
  readonly integer?: boolean;
}

/**
 * Largest magnitude a trace number may have. Microsecond timestamps over decades stay below
 * 1e15; anything larger (e.g. `1e300`) is corruption, not data.
 */
export const MAX_TRACE_MAGNITUDE = 1e15;

/**
 * Whether a field holds only the characters of a plain decimal number (digits, `.`, signs, an
 * exponent mark). `Number()` then rejects misplaced ones (`1.2.3`, `1e`), so together they admit
 * `12`, `-0.5`, `1.5e3` and refuse hex, binary, `Infinity`, `1_000` and whitespace. A character
 * scan, not a regular expression: it runs on every numeric field of million-row traces.
 */
function plainDecimalChars(field: string): boolean {
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (!(digit || c === 46 || c === 43 || c === 45 || c === 101 || c === 69)) return false;
  }
  return true;
}

/**
 * Reads the bytes of a trace file.
 *
 * @param file path of the file
 * @returns its bytes (still gzipped for a `.gz` file)
 * @throws {DataFileError} when the file is missing or unreadable
 */
export function readTraceBytes(file: string): Uint8Array {
  try {
    return Deno.readFileSync(file);
  } catch (error) {
    const why = error instanceof Deno.errors.NotFound ? "file not found" : String(error);
    throw new DataFileError(file, null, why);
  }
}

/**
 * The text of a trace file's bytes, gunzipped when the name ends in `.gz`.
 *
 * @param file path of the file (decides gzip, names the file in errors)
 * @param bytes what {@link readTraceBytes} returned
 * @returns its text
 * @throws {DataFileError} when a `.gz` file cannot be decompressed
 */
export function decodeTraceText(file: string, bytes: Uint8Array): string {
  if (!file.endsWith(".gz")) return new TextDecoder().decode(bytes);
  try {
    return new TextDecoder().decode(gunzipSync(bytes));
  } catch (error) {
    throw new DataFileError(file, null, `cannot gunzip: ${(error as Error).message}`);
  }
}

/**
 * Parses CSV text into a DataFrame holding the requested columns, in the order given.
 *
 * @param file path used in error messages
 * @param text the file's content
 * @param columns the columns to keep; other columns of the file are ignored
 * @returns the DataFrame (numbers as Float64, strings as Utf8)
 * @throws {DataFileError} for a missing header column, a wrong field count, an empty
 *   non-nullable field, a field that is not a plain decimal number (hex, `Infinity`, `1e300`:
 *   magnitude above {@link MAX_TRACE_MAGNITUDE}), or a number outside the column's `min` /
 *   `integer` constraint
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCsv } from "./csv.ts";
 * const df = parseCsv("x.csv", "a,b\n1,2\n", [{ from: "b", kind: "number" }]);
 * assert.deepEqual(df.columns, ["b"]); // only the requested column is kept
 * assert.deepEqual(df.getColumn("b").toArray(), [2]);
 * assert.throws(() => parseCsv("x.csv", "a,b\n1,0x1F\n", [{ from: "b", kind: "number" }]), /x\.csv:2/);
 * ```
 */
export function parseCsv(file: string, text: string, columns: readonly ColumnSpec[]): DataFrame {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const header = splitLine(lines[0] ?? "");
  if (header.length === 0 || header[0] === "") throw new DataFileError(file, 1, "missing header");
  const targets = columns.map((column) => {
    const index = header.indexOf(column.from);
    if (index < 0) throw new DataFileError(file, 1, `header has no column '${column.from}'`);
    return { column, index, values: new Array<number | string | null>(lines.length - 1) };
  });
  for (let row = 1; row < lines.length; row++) {
    const fields = splitLine(lines[row] as string);
    if (fields.length !== header.length) {
      throw new DataFileError(
        file,
        row + 1,
        `expected ${header.length} fields, found ${fields.length}`,
      );
    }
    for (const { column, index, values } of targets) {
      values[row - 1] = parseField(file, row + 1, column, fields[index] as string);
    }
  }
  return pl.DataFrame(
    targets.map(({ column, values }) =>
      pl.Series(column.to ?? column.from, values, column.kind === "number" ? pl.Float64 : pl.Utf8)
    ),
  );
}

function splitLine(line: string): string[] {
  return (line.endsWith("\r") ? line.slice(0, -1) : line).split(",");
}

function parseField(
  file: string,
  line: number,
  column: ColumnSpec,
  field: string,
): number | string | null {
  if (field === "") {
    if (column.nullable) return null;
    throw new DataFileError(file, line, `column ${column.from} is empty`);
  }
  if (column.kind === "string") return field;
  const value = plainDecimalChars(field) ? Number(field) : NaN;
  if (!(Math.abs(value) <= MAX_TRACE_MAGNITUDE)) {
    throw new DataFileError(
      file,
      line,
      `column ${column.from} is not a plain decimal number up to 1e15 in magnitude: '${field}'`,
    );
  }
  if (column.min !== undefined && value < column.min) {
    throw new DataFileError(file, line, `column ${column.from} = ${value} is below ${column.min}`);
  }
  if (column.integer && !Number.isInteger(value)) {
    throw new DataFileError(file, line, `column ${column.from} = ${value} is not an integer`);
  }
  return value;
}
