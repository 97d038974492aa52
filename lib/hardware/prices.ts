/**
 * Dated on-demand price history of a device and the choice of a price list by date.
 *
 * Every price is a {@link KnownFigure} whose `source.date` is the date of the list it was read
 * from. A device keeps all the prices recorded for it, oldest first; its current price is the
 * newest one, and {@link priceAsOf} picks the one a report dated on a given day would have used.
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import type { Figure, KnownFigure, UnknownFigure } from "./figure.ts";
import { requireString } from "../core/validate.ts";

/** The price fields of a profile. */
export interface PriceFields {
  /** the newest recorded price, or the reason none is recorded */
  readonly onDemandUsdPerHour: Figure;
  /** every recorded price, oldest first (empty when none is recorded) */
  readonly onDemandPriceHistory: readonly KnownFigure[];
}

/**
 * Price fields from a dated history.
 *
 * @param history prices, oldest first, with strictly increasing `source.date`
 * @returns the newest price as the current one, and the whole history
 * @throws {ParameterError} when the history is empty or its dates do not increase
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { known } from "./figure.ts";
 * import { priceHistory } from "./prices.ts";
 * const list = (date: string) => ({ document: "list", publisher: "cloud", date });
 * const p = priceHistory(known(4, "price-list", list("2023")), known(3, "price-list", list("2025-06")));
 * assert.equal(p.onDemandUsdPerHour.known && p.onDemandUsdPerHour.value, 3); // the newest
 * ```
 */
export function priceHistory(...history: KnownFigure[]): PriceFields {
  const newest = history.at(-1);
  if (newest === undefined) {
    throw new ParameterError("history", history, "at least one price (use noPrice otherwise)");
  }
  history.slice(1).forEach((price, k) => {
    const before = history[k]?.source.date ?? "";
    if (!(before < price.source.date)) {
      throw new ParameterError(
        `history[${k + 1}].source.date`,
        price.source.date,
        `a date after ${before} (oldest first)`,
      );
    }
  });
  return { onDemandUsdPerHour: newest, onDemandPriceHistory: history };
}

/**
 * Price fields of a device with no recorded price.
 *
 * @param reason why no price is recorded
 * @returns an unknown current price and an empty history
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { noPrice } from "./prices.ts";
 * assert.equal(noPrice("an edge device").onDemandPriceHistory.length, 0);
 * ```
 */
export function noPrice(reason: string): PriceFields {
  requireString("reason", reason);
  const unknownPrice: UnknownFigure = { known: false, reason };
  return { onDemandUsdPerHour: unknownPrice, onDemandPriceHistory: [] };
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks that a string is a calendar date `YYYY-MM-DD`.
 *
 * @param parameter the parameter's name, for the error
 * @param date the string
 * @returns the date
 * @throws {ParameterError} for any other string (wrong shape, month 13, 31 February)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { requireCalendarDate } from "./prices.ts";
 * assert.equal(requireCalendarDate("priceAsOf", "2025-06-30"), "2025-06-30");
 * assert.throws(() => requireCalendarDate("priceAsOf", "2025-02-30"));
 * ```
 */
export function requireCalendarDate(parameter: string, date: string): string {
  const match = CALENDAR_DATE.exec(date);
  const parsed = match === null ? undefined : new Date(`${date}T00:00:00Z`);
  if (
    match === null || parsed === undefined || Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw new ParameterError(parameter, date, "a calendar date YYYY-MM-DD");
  }
  return date;
}

/**
 * The price a report dated `date` would have used: the newest recorded price whose list date is
 * on or before `date` (a list dated `YYYY-MM` or `YYYY` counts from its first day).
 *
 * @param fields the device's price fields
 * @param date a calendar date `YYYY-MM-DD`
 * @returns that price, or an unknown figure saying why there is none
 * @throws {ParameterError} when `date` is not a calendar date
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getHardware, priceAsOf } from "./mod.ts";
 * const h100 = getHardware("h100-sxm");
 * const old = priceAsOf(h100, "2024-01-01");
 * assert.equal(old.known && old.value, 12.29); // the July 2023 list, the newest before 2024
 * ```
 */
export function priceAsOf(fields: PriceFields, date: string): Figure {
  requireCalendarDate("priceAsOf", date);
  const history = fields.onDemandPriceHistory;
  const oldest = history[0];
  if (oldest === undefined) return fields.onDemandUsdPerHour;
  const listed = history.filter((price) => price.source.date <= date).at(-1);
  return listed ?? {
    known: false,
    reason:
      `no price list on or before ${date} is recorded; the oldest is dated ${oldest.source.date}`,
  };
}
