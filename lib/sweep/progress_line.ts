/**
 * Progress line of a shard: units done, elapsed time and an estimate of the time left from the
 * rate so far (units of one shard are interleaved over the whole sweep, so their mean cost is a
 * fair estimate of the rest).
 *
 * @example
 * ```ts
 * import { shardProgressLine } from "./progress_line.ts";
 * shardProgressLine("ppm shard 3/64", 10, 40, 50); // "ppm shard 3/64: 10/40 units (25%) · 50 s elapsed · about 2.5 min left"
 * ```
 *
 * @module
 */

/** Seconds as `42 s`, `12.5 min` or `3.2 h`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * One progress line.
 *
 * @param label e.g. `ppm shard 3/64`
 * @param done units finished
 * @param total units of the shard
 * @param elapsed seconds since the shard started
 */
export function shardProgressLine(
  label: string,
  done: number,
  total: number,
  elapsed: number,
): string {
  const percent = total === 0 ? 100 : (100 * done) / total;
  const left = done === 0
    ? " · time left unknown"
    : done < total
    ? ` · about ${formatSeconds((elapsed / done) * (total - done))} left`
    : " · done";
  return `${label}: ${done}/${total} units (${percent.toFixed(0)}%) · ${
    formatSeconds(elapsed)
  } elapsed${left}`;
}
