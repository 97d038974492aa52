/**
 * Errors specific to hardware lookups.
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";

/**
 * No hardware profile has the requested id. The message lists every valid id.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UnknownHardwareError } from "./errors.ts";
 * const e = new UnknownHardwareError("h1000", ["a100-80gb", "h100-sxm"]);
 * assert.equal(
 *   e.message,
 *   'parameter id = "h1000" is invalid: expected one of a100-80gb, h100-sxm',
 * );
 * ```
 */
export class UnknownHardwareError extends ParameterError {
  /** Class name, shown in stack traces and serialised errors. */
  override name = "UnknownHardwareError";
  /**
   * Builds the message `parameter id = "<id>" is invalid: expected one of <validIds>`.
   *
   * @param id the id that was asked for
   * @param validIds every id the catalogue holds
   */
  constructor(id: string, readonly validIds: readonly string[]) {
    super("id", id, `one of ${validIds.join(", ")}`);
  }
}

/**
 * A computation needs a figure that the profile records as unknown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MissingFigureError } from "./errors.ts";
 * const e = new MissingFigureError("a17-pro", "tdpWatts", "Apple publishes no TDP");
 * assert.equal(e.message, "a17-pro has no known tdpWatts: Apple publishes no TDP");
 * ```
 */
export class MissingFigureError extends Error {
  /** Class name, shown in stack traces and serialised errors. */
  override name = "MissingFigureError";
  /**
   * Builds the message `<hardwareId> has no known <field>: <reason>`.
   *
   * @param hardwareId the profile's id
   * @param field the figure's field name
   * @param reason the profile's recorded reason for the absence
   */
  constructor(readonly hardwareId: string, readonly field: string, readonly reason: string) {
    super(`${hardwareId} has no known ${field}: ${reason}`);
  }
}
