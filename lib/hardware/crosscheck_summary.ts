/**
 * Counts of how the catalogue's known figures fared when cross-checked against public pages.
 *
 * @module
 */
import { HARDWARE } from "./catalog.ts";
import { FIGURE_FIELDS, type HardwareProfile } from "./profile.ts";

/** Result of {@link crossCheckSummary}. `figures` = the sum of the four other counts. */
export interface CrossCheckSummary {
  /** known figures (unknown figures have no value to check and are not counted) */
  readonly figures: number;
  /** a vendor page gives the same value */
  readonly vendorAgreeing: number;
  /** only a secondary page was found, and it gives the same value */
  readonly secondaryAgreeing: number;
  /** the page found gives a different value (always secondary: vendor values are adopted) */
  readonly disagreeing: number;
  /** no page giving the value was found */
  readonly unchecked: number;
}

/**
 * Tallies the cross-checks of every known figure.
 *
 * @param profiles the profiles to count (default: the whole catalogue)
 * @returns the counts
 * @example
 * ```ts
 * import { crossCheckSummary } from "./crosscheck_summary.ts";
 * const s = crossCheckSummary();
 * console.log(s.figures === s.vendorAgreeing + s.secondaryAgreeing + s.disagreeing + s.unchecked); // true
 * ```
 */
export function crossCheckSummary(
  profiles: readonly HardwareProfile[] = HARDWARE,
): CrossCheckSummary {
  let figures = 0;
  let vendorAgreeing = 0;
  let secondaryAgreeing = 0;
  let disagreeing = 0;
  let unchecked = 0;
  for (const profile of profiles) {
    for (const field of FIGURE_FIELDS) {
      const figure = profile[field];
      if (!figure.known) continue;
      figures += 1;
      const check = figure.crossCheck;
      if (check === undefined) unchecked += 1;
      else if (!check.agrees) disagreeing += 1;
      else if (check.kind === "vendor") vendorAgreeing += 1;
      else secondaryAgreeing += 1;
    }
  }
  return { figures, vendorAgreeing, secondaryAgreeing, disagreeing, unchecked };
}
