/**
 * Paper-mode run times of the notebooks as measured on this machine (`data/paper_mode_times.json`),
 * for the report index: paper mode takes hours, so the index says what to expect instead of
 * running it. An entry is either a measurement of the whole notebook or an estimate, flagged as
 * such with what it covers and how it was extrapolated from measured parts.
 *
 * @example
 * ```ts
 * import { describePaperModeTime } from "./paper_mode_times.ts";
 * describePaperModeTime({ seconds: 9000, basis: "estimate", date: "2026-12-03", note: "n" });
 * // "≈ 2.5 h (estimate, 2026-12-03)"
 * ```
 *
 * @module
 */
import { DataFileError } from "../core/errors.ts";
import { formatSeconds } from "../sweep/progress_line.ts";

/** Where the times are kept. */
export const PAPER_MODE_TIMES_PATH = new URL("../../data/paper_mode_times.json", import.meta.url);

/** The paper-mode time of one notebook. */
export interface PaperModeTime {
  /** Wall seconds on this machine, null when not measured. */
  readonly seconds: number | null;
  /** `measured`: a full paper-mode run; `estimate`: extrapolated from measured parts. */
  readonly basis: "measured" | "estimate" | "not measured";
  /** Day of the measurement (YYYY-MM-DD). */
  readonly date: string;
  /** What was measured and how the number was obtained. */
  readonly note: string;
  /** The estimate covers only part of the notebook, so the full run takes longer. */
  readonly lowerBound?: boolean;
}

/**
 * Reads the committed times, by notebook name (without `.ipynb`).
 *
 * @throws {DataFileError} when the file is missing or malformed
 */
export function readPaperModeTimes(
  path: URL = PAPER_MODE_TIMES_PATH,
): Record<string, PaperModeTime> {
  let parsed: { notebooks?: Record<string, PaperModeTime> };
  try {
    parsed = JSON.parse(Deno.readTextFileSync(path));
  } catch (error) {
    throw new DataFileError(path.pathname, null, (error as Error).message);
  }
  if (!parsed.notebooks || typeof parsed.notebooks !== "object") {
    throw new DataFileError(path.pathname, null, "no `notebooks` object");
  }
  return parsed.notebooks;
}

/**
 * `≈ 2.5 h (estimate, 2026-12-03)`, `≥ 3.2 h (estimate, …)` for a lower bound, `41.0 min
 * (measured, …)` or `not measured`.
 */
export function describePaperModeTime(time: PaperModeTime | undefined): string {
  if (!time || time.seconds === null) return "not measured";
  const approx = time.lowerBound ? "≥ " : time.basis === "estimate" ? "≈ " : "";
  return `${approx}${formatSeconds(time.seconds)} (${time.basis}, ${time.date})`;
}
