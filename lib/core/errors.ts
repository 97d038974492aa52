/**
 * Typed errors shared by the whole toolkit. Every error names what went wrong precisely enough
 * that a user can fix the input without reading the source.
 *
 * @module
 */

/**
 * A parameter is outside the range the model allows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ParameterError } from "./errors.ts";
 * const e = new ParameterError("s", 0.5, "s > 1");
 * assert.equal(e.message, "parameter s = 0.5 is invalid: expected s > 1");
 * assert.ok(e instanceof RangeError);
 * ```
 */
export class ParameterError extends RangeError {
  /** Class name, shown in stack traces and serialised errors. */
  override name = "ParameterError";
  /**
   * Builds the message `parameter <parameter> = <value> is invalid: expected <allowed>`.
   *
   * @param parameter name of the parameter as the user passed it (e.g. `"pbar"`, `"bids[3].budget"`)
   * @param value the offending value
   * @param allowed the allowed range or rule, in words or notation (e.g. `"a > 0"`)
   */
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`parameter ${parameter} = ${formatValue(value)} is invalid: expected ${allowed}`);
  }
}

/** Outcome class of an optimisation that did not produce an optimum. */
export type SolverFailure = "infeasible" | "unbounded" | "time-limit" | "error";

/**
 * An LP/MILP (or other solver) ended without an optimal solution.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SolverError } from "./errors.ts";
 * const e = new SolverError("infeasible", "offline optimum", "Infeasible");
 * assert.equal(e.status, "infeasible");
 * assert.equal(e.message, "offline optimum: solver ended infeasible (Infeasible)");
 * ```
 */
export class SolverError extends Error {
  /** Class name, shown in stack traces and serialised errors. */
  override name = "SolverError";
  /**
   * Builds the message `<problem>: solver ended <status> (<detail>)`.
   *
   * @param status the typed failure class
   * @param problem what was being solved, for the message
   * @param detail the solver's own status text
   */
  constructor(
    readonly status: SolverFailure,
    readonly problem: string,
    readonly detail: string,
  ) {
    super(`${problem}: solver ended ${status} (${detail})`);
  }
}

/**
 * A data file is missing or malformed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DataFileError } from "./errors.ts";
 * const e = new DataFileError("/t/jobs.csv", 12, "column duration is not a number: 'x'");
 * assert.equal(e.message, "/t/jobs.csv:12: column duration is not a number: 'x'");
 * ```
 */
export class DataFileError extends Error {
  /** Class name, shown in stack traces and serialised errors. */
  override name = "DataFileError";
  /**
   * Builds the message `<file>:<line>: <problem>` (without `:<line>` when `line` is null).
   *
   * @param file path of the file
   * @param line 1-based line number, or `null` when the problem is the whole file
   * @param problem what is wrong
   */
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${problem}`);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) {
    return String(value);
  }
  if (value === undefined) return "undefined";
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
