/**
 * A single hardware figure together with where it comes from, or the reason it is not known.
 *
 * Figures are never guessed: a value is either read from a named document (vendor datasheet,
 * price list, paper), derived from such values by a stated formula, or absent with a reason.
 *
 * @module
 */

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

/** A figure with a value and its provenance. */
export interface KnownFigure {
  readonly known: true;
  readonly value: number;
  readonly basis: FigureBasis;
  readonly source: SourceRef;
  /** caveats: sparsity halving, configuration, formula of a derived value */
  readonly note?: string;
}

/** A figure deliberately left out, with the reason. */
export interface UnknownFigure {
  readonly known: false;
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
