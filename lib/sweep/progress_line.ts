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

/**
 * A progress sink for {@link shardProgressLine}s that writes the first and the last line and at
 * most one line every `everyMs` in between (what the sweep and claims CLIs print on stderr).
 *
 * @param write where lines go (default `console.error`)
 * @param everyMs least time between two intermediate lines (default 5 s)
 * @returns the `log` callback of `runShard`, `prefetchSweeps` and `ledger`
 * @example
 * ```ts
 * import { throttledProgress } from "./progress_line.ts";
 * const lines: string[] = [];
 * const log = throttledProgress((line) => lines.push(line));
 * log("a", 0, 3); log("b", 1, 3); log("c", 3, 3);
 * lines; // ["a", "c"]
 * ```
 */
export function throttledProgress(
  write: (line: string) => void = console.error,
  everyMs = 5000,
): (line: string, done: number, total: number) => void {
  let lastLine = -Infinity;
  return (line, done, total) => {
    const now = performance.now();
    if (now - lastLine < everyMs && done > 0 && done < total) return;
    lastLine = now;
    write(line);
  };
}
