/**
 * Load-sensitivity study of the Section 6 experiments. The paper does not say how its 4000 jobs
 * were drawn from the month-long Google trace; in our windows capacity rarely binds, and the
 * paper's statements about ER levels, saturation and the PPM-OP/PPM-TP gap are statements about
 * a loaded system. This study does not tune anything to match: it multiplies every recorded job
 * duration by a factor (same windows, same jobs, same values per seed) and reports, per factor,
 * the offered CPU demand, the certified ER brackets, the peak CPU utilisation of each mechanism
 * and the exact PPM-OP vs PPM-TP gap, so a reader can see at which loads each statement holds.
 *
 * Offered demand at slot t = Σ over sampled jobs present at t of max_b r_cpu^b (the demand if
 * every job were admitted with its largest CPU bundle — the bundle every customer prefers here,
 * since values are linear in r_cpu). The gap W_OP/W_TP − 1 equals ER_TP/ER_OP − 1 exactly on
 * each instance (same offline optimum), so it needs no offline bound.
 *
 * @example
 * ```ts
 * import { loadSensitivity } from "./load_study.ts";
 * const study = await loadSensitivity({ case: "EE", pbarMultiples: [2], scales: [1, 8],
 *   jobs: 100, slots: 120, instances: 1, seed: 1 });
 * console.log(study.gaps); // one row per scale
 * ```
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Displayable, plot } from "../../core/display.ts";
import { progress } from "../../core/progress.ts";
import { requireObjectArray, requireOneOf, requireString } from "../../core/validate.ts";
import {
  foldLoadStudy,
  knownLoadStudy,
  type LoadGapRow,
  type LoadRun,
  loadRunPoints,
  type LoadStudy,
  type LoadStudyOptions,
  type LoadStudyRow,
  requireLoadStudyOptions,
  runLoadInstance,
  seedLoadStudy,
} from "./load_runs.ts";

export {
  LOAD_SCALES,
  type LoadGapRow,
  type LoadStudy,
  type LoadStudyOptions,
  type LoadStudyRow,
  loadStudySizes,
  notebookLoadStudies,
  offeredCpuPeak,
} from "./load_runs.ts";

/**
 * Runs PPM-OP, PPM-TP and PPM-MP over a grid of duration factors (memoised: a study computed
 * before, or prefetched in the Worker pool as `ppm-load` units, is returned as it is).
 *
 * @param options grid, sizes and seed
 * @returns per-scale rows per mechanism, per-scale gaps, and the arrivals' source note
 * @throws {ParameterError} on an empty grid, non-positive factors or p̄, or bad sizes
 * @example
 * ```ts
 * import { loadSensitivity } from "./load_study.ts";
 * const { rows } = await loadSensitivity({ case: "UE", pbarMultiples: [2], scales: [1, 4],
 *   jobs: 80, slots: 90, instances: 1, seed: 2 });
 * ```
 */
export async function loadSensitivity(options: LoadStudyOptions): Promise<LoadStudy> {
  requireLoadStudyOptions(options);
  const known = knownLoadStudy(options);
  if (known) return known;
  const points = loadRunPoints(options);
  const bar = progress(`load study (Case ${options.case})`, points.length);
  const runs: LoadRun[] = [];
  for (const point of points) {
    runs.push(await runLoadInstance(options, point));
    bar.tick();
  }
  bar.done();
  const study = foldLoadStudy(options, runs);
  seedLoadStudy(options, study);
  return study;
}

/**
 * Figure of a load study against the duration factor: the ER upper end (`"er"`, with the paper's
 * Case UE range 1.12-1.22 shaded) or each mechanism's peak CPU utilisation (`"peak"`).
 *
 * @param rows rows of {@link loadSensitivity}
 * @param metric which quantity to plot
 * @param title figure title
 * @returns the plot
 * @example
 * ```ts
 * import { loadStudyFigure } from "./load_study.ts";
 * loadStudyFigure([{ scale: 1, offeredPeak: 0.3, mechanism: "PPM-OP", erLow: 1, erHigh: 1, peakCpu: 0.3 }], "peak", "t");
 * ```
 */
export function loadStudyFigure(
  rows: readonly LoadStudyRow[],
  metric: "er" | "peak",
  title: string,
): Displayable {
  requireObjectArray("rows", rows, "load-study rows { scale, mechanism, erHigh, peakCpu }", [
    "scale",
    "mechanism",
  ], 1);
  requireOneOf("metric", metric, ["er", "peak"]);
  requireString("title", title);
  const y = metric === "er" ? "erHigh" : "peakCpu";
  const reference = metric === "er"
    ? [Plot.rectY([{ x1: rows[0]?.scale ?? 1, x2: rows.at(-1)?.scale ?? 1, y1: 1.12, y2: 1.22 }], {
      x1: "x1",
      x2: "x2",
      y1: "y1",
      y2: "y2",
      fillOpacity: 0.1,
    })]
    : [Plot.ruleY([1], { strokeDasharray: "4 3" })];
  return plot({
    title,
    x: { type: "log", label: "duration factor (load scale)" },
    y: {
      label: metric === "er"
        ? "ER (upper end of bracket; band: paper 1.12-1.22)"
        : "peak CPU utilisation",
    },
    color: { legend: true },
    marks: [
      ...reference,
      Plot.line(rows, { x: "scale", y, stroke: "mechanism" }),
      Plot.dot(rows, { x: "scale", y, fill: "mechanism" }),
    ],
  });
}

/**
 * The PPM-OP vs PPM-TP gap against load, with the paper's 15% (Case EE) as a reference line.
 *
 * @param gaps gap rows of {@link loadSensitivity}
 * @param title figure title
 * @returns the plot
 * @example
 * ```ts
 * import { loadGapFigure } from "./load_study.ts";
 * loadGapFigure([{ scale: 1, offeredPeak: 0.3, gap: 0.01 }, { scale: 2, offeredPeak: 0.5, gap: 0.02 }], "gap");
 * ```
 */
export function loadGapFigure(gaps: readonly LoadGapRow[], title: string): Displayable {
  requireObjectArray("gaps", gaps, "load-gap rows { scale, offeredPeak, gap }", ["scale", "gap"]);
  requireString("title", title);
  return plot({
    title,
    x: { type: "log", label: "duration factor (load scale)" },
    y: { label: "W_OP / W_TP − 1", tickFormat: "%" },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleY([0.15], { strokeDasharray: "4 3" }),
      Plot.text([{ scale: gaps[0]?.scale ?? 1, gap: 0.15 }], {
        x: "scale",
        y: "gap",
        text: () => "paper: > 15% (Case EE)",
        dy: -6,
        textAnchor: "start",
      }),
      Plot.line(gaps, { x: "scale", y: "gap" }),
      Plot.dot(gaps, { x: "scale", y: "gap" }),
    ],
  });
}
