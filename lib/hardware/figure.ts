/**
 * A single hardware figure together with where it comes from, or the reason it is not known.
 *
 * Figures are never guessed: a value is either read from a named document (vendor datasheet,
 * price list, paper), derived from such values by a stated formula, or absent with a reason.
 *
 * @module
 */
import { requireFinite, requireObject } from "../core/validate.ts";

/** How a known figure was obtained. */
export type FigureBasis =
  /** printed in the vendor's datasheet or product page */
  | "datasheet"
  /** a public on-demand price list */
  | "price-list"
  /** stated in one of the papers this toolkit reproduces */
  | "paper"
  /** computed from other published figures by the formula given in the note */
  | "derived";

/** The document a figure comes from. */
export interface SourceRef {
  /** document title as the publisher names it */
  readonly document: string;
  /** who published it */
  readonly publisher: string;
  /** publication or listing date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` */
  readonly date: string;
}

/**
 * Who published the page a figure was cross-checked against: the device's vendor (or, for a
 * price, the cloud provider) or anyone else (reseller, spec database, news site, blog).
 */
export type CrossCheckKind = "vendor" | "secondary";

/**
 * The outcome of looking a figure up in a second, public web page after it was entered.
 *
 * `source` stays the primary citation; the cross-check is independent evidence. A vendor page
 * that disagrees is never recorded here: the figure is corrected to the vendor value instead and
 * the page becomes its `source`. A secondary page that disagrees is recorded with
 * `agrees: false` and the figure is left as it is.
 */
export interface CrossCheck {
  /** the page, exactly as the search tool returned it */
  readonly url: string;
  /** day of the look-up, `YYYY-MM-DD` */
  readonly checked: string;
  /** a page from the vendor or from a third party (see {@link CrossCheckKind}) */
  readonly kind: CrossCheckKind;
  /** whether `found` equals the figure's value within {@link CROSS_CHECK_TOLERANCE} */
  readonly agrees: boolean;
  /** the number read from the page, converted to the figure's unit */
  readonly found: number;
  /** how `found` was read or converted (e.g. "sparse 242 halved", "instance price / 8") */
  readonly detail?: string;
  /**
   * true when the page does not print the figure itself, only the inputs of our formula (cores,
   * clock), and `found` is our formula applied to them: the inputs are confirmed, the value is not
   */
  readonly inputsOnly?: boolean;
}

/**
 * What a cross-check establishes about a known figure:
 * - `vendor` / `secondary`: a page of that kind prints the same value;
 * - `inputs-only`: a page confirms the inputs of our formula, not the value;
 * - `disagreeing`: the page prints a different value (or our formula on its inputs differs);
 * - `unchecked`: no page giving the value or its inputs was found.
 */
export type CrossCheckStatus = "vendor" | "secondary" | "inputs-only" | "disagreeing" | "unchecked";

/**
 * Classifies a known figure's cross-check.
 *
 * @param figure a known figure
 * @returns its {@link CrossCheckStatus}
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { crossCheckStatus, known } from "./figure.ts";
 * const figure = known(1, "datasheet", { document: "d", publisher: "p", date: "2024" });
 * assert.equal(crossCheckStatus(figure), "unchecked");
 * ```
 */
export function crossCheckStatus(figure: KnownFigure): CrossCheckStatus {
  requireObject("figure", figure, "a known figure", ["known"]);
  const check = figure.crossCheck;
  if (check === undefined) return "unchecked";
  if (!check.agrees) return "disagreeing";
  if (check.inputsOnly === true) return "inputs-only";
  return check.kind;
}

/**
 * Relative tolerance within which a page's number counts as agreeing: pages round (37.42 vs
 * 37.4, 8.141 vs 8.1), so exact equality would flag rounding as disagreement.
 */
export const CROSS_CHECK_TOLERANCE = 0.01;

/** A figure with a value and its provenance. */
export interface KnownFigure {
  /** marks a figure with a value */
  readonly known: true;
  /** the number, in the unit named by the profile field */
  readonly value: number;
  /** how the value was obtained (datasheet, price list, paper, derivation) */
  readonly basis: FigureBasis;
  /** the primary citation */
  readonly source: SourceRef;
  /** caveats: sparsity halving, configuration, formula of a derived value */
  readonly note?: string;
  /** a second page the value was compared with; absent when no page giving it was found */
  readonly crossCheck?: CrossCheck;
}

/** A figure deliberately left out, with the reason. */
export interface UnknownFigure {
  /** marks a figure deliberately left out */
  readonly known: false;
  /** why no value is recorded (e.g. the vendor publishes none) */
  readonly reason: string;
}

/** Either a sourced value or a documented absence. */
export type Figure = KnownFigure | UnknownFigure;

/**
 * Builds a known figure.
 *
 * @param value the number, in the unit named by the field it is stored in
 * @param basis how the number was obtained
 * @param source the document it comes from
 * @param note optional caveat (e.g. "half of the 1,979 TFLOPS sparse figure")
 * @returns the figure
 * @example
 * ```ts
 * import { known } from "./figure.ts";
 * const f = known(19.5, "datasheet", { document: "A100 datasheet", publisher: "NVIDIA", date: "2021-06" });
 * ```
 */
export function known(
  value: number,
  basis: FigureBasis,
  source: SourceRef,
  note?: string,
): KnownFigure {
  return note === undefined
    ? { known: true, value, basis, source }
    : { known: true, value, basis, source, note };
}

/**
 * Builds an absent figure.
 *
 * @param reason why no value is recorded
 * @returns the figure
 * @example
 * ```ts
 * import { unknown } from "./figure.ts";
 * const f = unknown("Apple does not publish the RAM size");
 * ```
 */
export function unknown(reason: string): UnknownFigure {
  return { known: false, reason };
}

/** What a cross-check read from a page, before the agreement is computed. */
export interface PageReading {
  /** the page, exactly as the search tool returned it */
  readonly url: string;
  /** a page from the vendor or from a third party */
  readonly kind: CrossCheckKind;
  /** the number from the page, in the figure's unit */
  readonly found: number;
  /** where on the page the number appears, or how it was read */
  readonly detail?: string;
  /** see {@link CrossCheck.inputsOnly} */
  readonly inputsOnly?: boolean;
}

/**
 * Whether a page's number agrees with a recorded value.
 *
 * @param value the recorded value
 * @param found the page's number, in the same unit
 * @returns true when they differ by at most {@link CROSS_CHECK_TOLERANCE} of the recorded value
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { agreesWithin } from "./figure.ts";
 * assert.equal(agreesWithin(37.4, 37.42), true); // rounding on the page
 * assert.equal(agreesWithin(15.7, 15), false);
 * ```
 */
export function agreesWithin(value: number, found: number): boolean {
  requireFinite("value", value);
  requireFinite("found", found);
  return Math.abs(found - value) <= CROSS_CHECK_TOLERANCE * Math.abs(value);
}

/**
 * Attaches a cross-check to a known figure; `agrees` is computed, never typed in by hand.
 *
 * @param figure the figure as entered
 * @param reading what the page gave
 * @param checked day of the look-up, `YYYY-MM-DD`
 * @returns the same figure with `crossCheck` set
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { crossChecked, known } from "./figure.ts";
 * const f = crossChecked(
 *   known(300, "datasheet", { document: "A40 datasheet", publisher: "NVIDIA", date: "2021" }),
 *   { url: "https://example.org/a40", kind: "secondary", found: 300 },
 *   "2026-11-24",
 * );
 * assert.equal(f.crossCheck?.agrees, true);
 * ```
 */
export function crossChecked(
  figure: KnownFigure,
  reading: PageReading,
  checked: string,
): KnownFigure {
  const crossCheck: CrossCheck = {
    url: reading.url,
    checked,
    kind: reading.kind,
    agrees: agreesWithin(figure.value, reading.found),
    found: reading.found,
    ...(reading.detail === undefined ? {} : { detail: reading.detail }),
    ...(reading.inputsOnly === true ? { inputsOnly: true } : {}),
  };
  return { ...figure, crossCheck };
}
