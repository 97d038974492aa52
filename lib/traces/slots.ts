/**
 * Counting arrivals in time slots and folding hourly counts into a periodic profile.
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import { requireFinite, requireInteger, requirePositive } from "../core/validate.ts";

/**
 * Number of submissions falling in each of `slots` consecutive slots
 * `[start + k*slotSeconds, start + (k+1)*slotSeconds)`. Times outside the window and nulls are
 * ignored.
 *
 * @param submitSeconds submission times in seconds, in any order
 * @param slotSeconds slot length in seconds (> 0), e.g. 600 for 10-minute slots
 * @param slots number of slots (integer >= 1)
 * @param startSeconds start of slot 0 (default 0)
 * @returns counts, one per slot
 * @throws {ParameterError} for a non-positive slot length, a bad slot count or start
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { arrivalsPerSlot } from "./slots.ts";
 * assert.deepEqual(arrivalsPerSlot([0, 59, 60, 61, 300], 60, 3), [2, 2, 0]); // 300 s is past slot 2
 * ```
 */
export function arrivalsPerSlot(
  submitSeconds: ArrayLike<number | null>,
  slotSeconds: number,
  slots: number,
  startSeconds = 0,
): number[] {
  requirePositive("slotSeconds", slotSeconds);
  requireInteger("slots", slots, 1);
  requireFinite("startSeconds", startSeconds);
  const counts = new Array<number>(slots).fill(0);
  for (let i = 0; i < submitSeconds.length; i++) {
    const t = submitSeconds[i];
    if (t === null || t === undefined) continue;
    let slot = Math.floor((t - startSeconds) / slotSeconds);
    // the division can round across a border; settle on the interval definition exactly
    if (t < startSeconds + slot * slotSeconds) slot--;
    else if (t >= startSeconds + (slot + 1) * slotSeconds) slot++;
    if (slot >= 0 && slot < slots) counts[slot] = (counts[slot] as number) + 1;
  }
  return counts;
}

/**
 * Mean of hourly counts by phase within a period: element `p` is the mean of every count whose
 * hour index `k` satisfies `k mod period == p`, pooled over all series.
 *
 * @param series hourly count series (e.g. one per workload), each starting at phase 0
 * @param period period length in hours (24 for hour of day)
 * @returns `period` means
 * @throws {ParameterError} when some phase has no observation
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanByPhase } from "./slots.ts";
 * assert.deepEqual(meanByPhase([[1, 2, 3, 5]], 2), [2, 3.5]);
 * ```
 */
export function meanByPhase(series: readonly (readonly number[])[], period: number): number[] {
  requireInteger("period", period, 1);
  if (!Array.isArray(series) || !series.every(Array.isArray)) {
    throw new ParameterError("series", series, "an array of number arrays");
  }
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (const values of series) {
    values.forEach((value, k) => {
      sums[k % period] = (sums[k % period] as number) + value;
      counts[k % period] = (counts[k % period] as number) + 1;
    });
  }
  return sums.map((sum, p) => {
    const n = counts[p] as number;
    if (n === 0) {
      throw new ParameterError("series", `no hour at phase ${p}`, "every phase observed");
    }
    return sum / n;
  });
}
