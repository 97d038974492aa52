/**
 * The computation behind the load study (`load_study.ts`), without its figures: one run per
 * (duration factor, p̄, instance) in a fixed order, the fold of runs into the study's rows, the
 * memo of finished studies, and the notebook's two studies. The `ppm-load` sweep units
 * (`lib/sweep/units_ppm_load.ts`) run the same per-instance function in Workers and fold with the
 * same fold, so their rows equal the in-process rows bit for bit; this module imports no figure
 * code, so a Worker stays light.
 *
 * @example
 * ```ts
 * import { foldLoadStudy, loadRunPoints, runLoadInstance } from "./load_runs.ts";
 * const options = { case: "UE", pbarMultiples: [2], scales: [1, 4], jobs: 80, slots: 90,
 *   instances: 1, seed: 2 } as const;
 * const runs = [];
 * for (const point of loadRunPoints(options)) runs.push(await runLoadInstance(options, point));
 * console.log(foldLoadStudy(options, runs).gaps); // one row per duration factor
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import {
  requireInteger,
  requireNonEmpty,
  requireObject,
  requirePositive,
} from "../../core/validate.ts";
import { requireRunMode, type RunMode, type RunParams } from "../../core/params.ts";
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
 * import { loadStudySizes } from "./load_runs.ts";
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

/** A finished study: rows per scale and mechanism, gaps per scale, the arrivals' source note. */
export interface LoadStudy {
  /** One row per duration factor and mechanism. */
  readonly rows: LoadStudyRow[];
  /** One row per duration factor. */
  readonly gaps: LoadGapRow[];
  /** Where the arrivals came from (trace or synthetic stand-in). */
  readonly note: string;
}

/** Where one run sits in the study's grid (indices into `scales` and `pbarMultiples`). */
export interface LoadRunPoint {
  readonly scale: number;
  readonly pbar: number;
  readonly instance: number;
}

/** What one run contributes: the offered peak and each mechanism's bracket, peak and welfare. */
export interface LoadRun {
  readonly offered: number;
  readonly note: string;
  readonly ratios: readonly {
    readonly mechanism: string;
    readonly erLow: number;
    readonly erHigh: number;
    readonly peakCpu: number;
    readonly welfare: number;
  }[];
}

/**
 * Peak over slots of the offered CPU demand of an instance.
 *
 * @param instance the instance (resource 0 is the CPU)
 * @returns max_t Σ_{n present at t} max_b r_cpu^b
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { offeredCpuPeak } from "./load_runs.ts";
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
 * Checks a study's options.
 *
 * @throws {ParameterError} on an empty grid, non-positive factors or p̄, or bad `instances`
 */
export function requireLoadStudyOptions(options: LoadStudyOptions): LoadStudyOptions {
  requireObject("options", options, "load-study options { case, pbarMultiples, scales, ... }");
  requireNonEmpty("scales", options.scales);
  requireNonEmpty("pbarMultiples", options.pbarMultiples);
  options.scales.forEach((x, i) => requirePositive(`scales[${i}]`, x));
  options.pbarMultiples.forEach((x, i) => requirePositive(`pbarMultiples[${i}]`, x));
  requireInteger("instances", options.instances, 1);
  return options;
}

/** Every run of a study in fold order: by scale, then p̄, then instance. */
export function loadRunPoints(options: LoadStudyOptions): LoadRunPoint[] {
  requireLoadStudyOptions(options);
  return options.scales.flatMap((_, scale) =>
    options.pbarMultiples.flatMap((_, pbar) =>
      Array.from({ length: options.instances }, (_, instance) => ({ scale, pbar, instance }))
    )
  );
}

/**
 * One run: builds the instance of `point` and runs PPM-OP, PPM-TP and PPM-MP on it with the
 * certified ER bracket.
 *
 * @throws {ParameterError} on bad options or a point outside the grid
 */
export async function runLoadInstance(
  options: LoadStudyOptions,
  point: LoadRunPoint,
): Promise<LoadRun> {
  requireLoadStudyOptions(options);
  const scale = options.scales[requireInteger("scale", point.scale, 0, options.scales.length - 1)]!;
  const j = requireInteger("pbar", point.pbar, 0, options.pbarMultiples.length - 1);
  const i = requireInteger("instance", point.instance, 0, options.instances - 1);
  const built = buildInstance({
    case: options.case,
    pbar: options.pbarMultiples[j]! * CBAR_CPU,
    jobs: options.jobs,
    slots: options.slots,
    seed: options.seed * 1000 + j * options.instances + i,
    durationScale: scale,
    jobSource: options.jobSource,
  });
  const { ratios } = await empiricalRatios(built.instance, section6Mechanisms());
  return {
    offered: offeredCpuPeak(built.instance),
    note: built.note,
    ratios: ratios.map(({ mechanism, erLow, erHigh, peakCpu, welfare }) => ({
      mechanism,
      erLow,
      erHigh,
      peakCpu,
      welfare,
    })),
  };
}

/**
 * Folds the runs (in {@link loadRunPoints} order) into the study: per scale, means over p̄ values
 * and instances of the offered peak, each mechanism's ER bracket and peak, and the OP/TP gap.
 *
 * @throws {ParameterError} when the number of runs differs from the number of points
 */
export function foldLoadStudy(options: LoadStudyOptions, runs: readonly LoadRun[]): LoadStudy {
  const points = loadRunPoints(options);
  if (runs.length !== points.length) {
    throw new ParameterError("runs", runs.length, `${points.length} runs, one per point`);
  }
  const perScale = options.pbarMultiples.length * options.instances;
  const rows: LoadStudyRow[] = [];
  const gaps: LoadGapRow[] = [];
  options.scales.forEach((scale, k) => {
    const sums = new Map<string, { low: number; high: number; peak: number }>();
    let offered = 0;
    let gap = 0;
    for (const run of runs.slice(k * perScale, (k + 1) * perScale)) {
      offered += run.offered;
      for (const r of run.ratios) {
        const acc = sums.get(r.mechanism) ?? { low: 0, high: 0, peak: 0 };
        acc.low += r.erLow;
        acc.high += r.erHigh;
        acc.peak += r.peakCpu;
        sums.set(r.mechanism, acc);
      }
      const welfare = (name: string) => run.ratios.find((r) => r.mechanism === name)!.welfare;
      gap += welfare("PPM-OP") / welfare("PPM-TP") - 1;
    }
    const offeredPeak = offered / perScale;
    for (const [mechanism, acc] of sums) {
      rows.push({
        scale,
        offeredPeak,
        mechanism,
        erLow: acc.low / perScale,
        erHigh: acc.high / perScale,
        peakCpu: acc.peak / perScale,
      });
    }
    gaps.push({ scale, offeredPeak, gap: gap / perScale });
  });
  return { rows, gaps, note: runs.at(-1)!.note };
}

const memo = new Map<string, LoadStudy>();

function memoKey(options: LoadStudyOptions): string {
  const { case: kind, pbarMultiples, scales, jobs, slots, instances, seed, jobSource } = options;
  return JSON.stringify([kind, pbarMultiples, scales, jobs, slots, instances, seed, jobSource]);
}

/** The finished study with these options, if this process has one (computed or seeded). */
export function knownLoadStudy(options: LoadStudyOptions): LoadStudy | undefined {
  return memo.get(memoKey(options));
}

/** Keeps a finished study (computed here, in the Worker pool or in merged shards). */
export function seedLoadStudy(options: LoadStudyOptions, study: LoadStudy): void {
  memo.set(memoKey(requireLoadStudyOptions(options)), study);
}

/**
 * Notebook 01's two studies: Case UE at p̄ = 2c̄ and Case EE averaged over p̄ ∈ {1, 3, 6, 9}c̄, both
 * over {@link LOAD_SCALES} at {@link loadStudySizes}.
 *
 * @param params mode and seed
 * @param instances instances per point instead of the mode's (small trial runs)
 * @example
 * ```ts
 * import { notebookLoadStudies } from "./load_runs.ts";
 * notebookLoadStudies({ mode: "paper", seed: 1 }).ee.pbarMultiples; // [1, 3, 6, 9]
 * ```
 */
export function notebookLoadStudies(
  params: RunParams,
  instances?: number,
): { ue: LoadStudyOptions; ee: LoadStudyOptions } {
  const sizes = {
    ...loadStudySizes(params.mode),
    ...(instances === undefined ? {} : { instances: requireInteger("instances", instances, 1) }),
  };
  const seed = requireInteger("seed", params.seed);
  return {
    ue: { case: "UE", pbarMultiples: [2], scales: LOAD_SCALES, ...sizes, seed },
    ee: { case: "EE", pbarMultiples: [1, 3, 6, 9], scales: LOAD_SCALES, ...sizes, seed },
  };
}
