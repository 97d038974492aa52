/**
 * Counts of how the catalogue's known figures fared when cross-checked against public pages.
 *
 * @module
 */
import { HARDWARE } from "./catalog.ts";
import { type CrossCheckStatus, crossCheckStatus, type KnownFigure } from "./figure.ts";
import { FIGURE_FIELDS, type HardwareProfile } from "./profile.ts";

/** Result of {@link crossCheckSummary}. `figures` = the sum of the five other counts. */
export interface CrossCheckSummary {
  /** known figures, current prices included (unknown figures have no value to check) */
  readonly figures: number;
  /** a vendor page prints the same value */
  readonly vendorAgreeing: number;
  /** only a secondary page was found, and it prints the same value */
  readonly secondaryAgreeing: number;
  /** a page confirms the inputs of our formula (cores, clock), not the value itself */
  readonly inputsOnly: number;
  /** the page found gives a different value (always secondary: vendor values are adopted) */
  readonly disagreeing: number;
  /** no page giving the value was found */
  readonly unchecked: number;
}

const COUNTED: Record<CrossCheckStatus, keyof Omit<CrossCheckSummary, "figures">> = {
  vendor: "vendorAgreeing",
  secondary: "secondaryAgreeing",
  "inputs-only": "inputsOnly",
  disagreeing: "disagreeing",
  unchecked: "unchecked",
};

/**
 * Tallies the cross-checks of every known figure by {@link crossCheckStatus}.
 *
 * @param profiles the profiles to count (default: the whole catalogue)
 * @returns the counts
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { crossCheckSummary } from "./crosscheck_summary.ts";
 * const s = crossCheckSummary();
 * const classes = s.vendorAgreeing + s.secondaryAgreeing + s.inputsOnly + s.disagreeing;
 * assert.equal(classes + s.unchecked, s.figures); // every known figure in exactly one class
 * ```
 */
export function crossCheckSummary(
  profiles: readonly HardwareProfile[] = HARDWARE,
): CrossCheckSummary {
  const counts = {
    vendorAgreeing: 0,
    secondaryAgreeing: 0,
    inputsOnly: 0,
    disagreeing: 0,
    unchecked: 0,
  };
  const knownFigures: KnownFigure[] = profiles.flatMap((profile) =>
    FIGURE_FIELDS.map((field) => profile[field]).filter((f): f is KnownFigure => f.known)
  );
  for (const figure of knownFigures) counts[COUNTED[crossCheckStatus(figure)]] += 1;
  return { figures: knownFigures.length, ...counts };
}
