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
import {
  requireInteger,
  requireNonEmpty,
  requireObject,
  requireObjectArray,
  requireOneOf,
  requirePositive,
  requireString,
} from "../../core/validate.ts";
import { requireRunMode, type RunMode } from "../../core/params.ts";
import type { Instance } from "./instance.ts";
import {
  buildInstance,
  CBAR_CPU,
  empiricalRatios,
  section6Mechanisms,
  type ValueCase,
} from "./experiments.ts";
import { requireInstanceFields } from "./validate.ts";
import { PAPER_MODE_INSTANCES } from "./section6_plan.ts";

/** Duration factors of the notebook's study (1 = as recorded). */
export const LOAD_SCALES: readonly number[] = [1, 2, 4, 8, 16, 32];

/**
 * Sizes of the study: quick mode as the quick sweeps (300 jobs, 270 slots, 2 instances), paper
 * mode the paper's N = 4000, T = 3600 with `PAPER_MODE_INSTANCES` (50) instances per point (one
 * Lagrangian bracket ≈ 1-2 s on the loaded 2-core machine).
 *
 * @param mode run mode
 * @returns jobs, slots and instances per point
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadStudySizes } from "./load_study.ts";
 * assert.deepEqual(loadStudySizes("quick"), { jobs: 300, slots: 270, instances: 2 });
 * ```
 */
export function loadStudySizes(mode: RunMode): { jobs: number; slots: number; instances: number } {
  requireRunMode(mode);
  return mode === "paper"
    ? { jobs: 4000, slots: 3600, instances: PAPER_MODE_INSTANCES }
    : { jobs: 300, slots: 270, instances: 2 };
}

/** Grid and sizes of a load study. */
export interface LoadStudyOptions {
  /** value case of Section 6 (UE, EE, …) */
  readonly case: ValueCase;
  /** p̄ values in units of c̄_cpu; results are averaged over them */
  readonly pbarMultiples: readonly number[];
  /** duration factors (1 = durations as recorded) */
  readonly scales: readonly number[];
  /** jobs per instance */
  readonly jobs: number;
  /** slots per instance */
  readonly slots: number;
  /** instances per (scale, p̄) */
  readonly instances: number;
  /** root seed: instance i of the j-th p̄ uses seed·1000 + j·instances + i */
  readonly seed: number;
  /** `"synthetic"` forces the calibrated stand-in of the trace */
  readonly jobSource?: "trace" | "synthetic";
}

/** One mechanism at one load level, averaged over p̄ values and instances. */
export interface LoadStudyRow {
  /** duration factor of this load level */
  readonly scale: number;
  /** mean over instances of max_t offered CPU demand */
  readonly offeredPeak: number;
  /** mechanism name */
  readonly mechanism: string;
  /** mean ER from the lower bounds of W_opt */
  readonly erLow: number;
  /** mean ER from the upper bounds of W_opt */
  readonly erHigh: number;
  /** mean over instances of the mechanism's peak CPU utilisation */
  readonly peakCpu: number;
}

/** The PPM-OP vs PPM-TP gap at one load level. */
export interface LoadGapRow {
  /** duration factor of this load level */
  readonly scale: number;
  /** mean over instances of max_t offered CPU demand */
  readonly offeredPeak: number;
  /** mean of W_OP/W_TP − 1 (= ER_TP/ER_OP − 1) */
  readonly gap: number;
}

/**
 * Peak over slots of the offered CPU demand of an instance.
 *
 * @param instance the instance (resource 0 is the CPU)
 * @returns max_t Σ_{n present at t} max_b r_cpu^b
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { offeredCpuPeak } from "./load_study.ts";
 * const peak = offeredCpuPeak({ slots: 3, resources: [], bundles: [[0.2], [0.5]],
 *   customers: [{ arrival: 0, duration: 2, valuations: [1, 1] }, { arrival: 1, duration: 2, valuations: [1, 1] }] });
 * assert.equal(peak, 0.5 + 0.5); // both stays overlap in slot 1, each at its largest bundle
 * ```
 */
export function offeredCpuPeak(instance: Instance): number {
  requireInstanceFields(instance);
  requireInteger("instance.slots", instance.slots, 1);
  const demand = new Float64Array(instance.slots);
  const top = Math.max(...instance.bundles.map((bundle) => bundle[0] ?? 0));
  for (const { arrival, duration } of instance.customers) {
    for (let t = arrival; t < arrival + duration; t++) demand[t] = demand[t]! + top;
  }
  return Math.max(0, ...demand);
}

/**
 * Runs PPM-OP, PPM-TP and PPM-MP over a grid of duration factors.
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
export async function loadSensitivity(
  options: LoadStudyOptions,
): Promise<{ rows: LoadStudyRow[]; gaps: LoadGapRow[]; note: string }> {
  requireObject("options", options, "load-study options { case, pbarMultiples, scales, ... }");
  requireNonEmpty("scales", options.scales);
  requireNonEmpty("pbarMultiples", options.pbarMultiples);
  options.scales.forEach((x, i) => requirePositive(`scales[${i}]`, x));
  options.pbarMultiples.forEach((x, i) => requirePositive(`pbarMultiples[${i}]`, x));
  requireInteger("instances", options.instances, 1);
  const runs = options.pbarMultiples.length * options.instances;
  const bar = progress(`load study (Case ${options.case})`, options.scales.length * runs);
  const rows: LoadStudyRow[] = [];
  const gaps: LoadGapRow[] = [];
  let note = "";
  for (const scale of options.scales) {
    const sums = new Map<string, { low: number; high: number; peak: number }>();
    let offered = 0;
    let gap = 0;
    for (const [j, multiple] of options.pbarMultiples.entries()) {
      for (let i = 0; i < options.instances; i++) {
        const built = buildInstance({
          case: options.case,
          pbar: multiple * CBAR_CPU,
          jobs: options.jobs,
          slots: options.slots,
          seed: options.seed * 1000 + j * options.instances + i,
          durationScale: scale,
          jobSource: options.jobSource,
        });
        note = built.note;
        offered += offeredCpuPeak(built.instance);
        const { ratios } = await empiricalRatios(built.instance, section6Mechanisms());
        for (const r of ratios) {
          const acc = sums.get(r.mechanism) ?? { low: 0, high: 0, peak: 0 };
          acc.low += r.erLow;
          acc.high += r.erHigh;
          acc.peak += r.peakCpu;
          sums.set(r.mechanism, acc);
        }
        const welfare = (name: string) => ratios.find((r) => r.mechanism === name)!.welfare;
        gap += welfare("PPM-OP") / welfare("PPM-TP") - 1;
        bar.tick();
      }
    }
    const offeredPeak = offered / runs;
    for (const [mechanism, acc] of sums) {
      rows.push({
        scale,
        offeredPeak,
        mechanism,
        erLow: acc.low / runs,
        erHigh: acc.high / runs,
        peakCpu: acc.peak / runs,
      });
    }
    gaps.push({ scale, offeredPeak, gap: gap / runs });
  }
  bar.done();
  return { rows, gaps, note };
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
