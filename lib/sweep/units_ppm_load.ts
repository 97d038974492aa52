/**
 * Notebook 01's load study (Case UE at p̄ = 2c̄, Case EE over p̄ ∈ {1, 3, 6, 9}c̄, each over six
 * duration factors; `notebookLoadStudies`) cut into one unit per run: 60 units in quick mode,
 * 1,500 paper-size units in paper mode. A unit is `runLoadInstance`, the assembly is
 * `foldLoadStudy`, the same functions `loadSensitivity` runs in-process, so the rows are the
 * same bytes; priming installs the two studies in `loadSensitivity`'s memo. No claim reads them.
 * Registered as `ppm-load` (`deno task sweep --paper ppm-load`).
 *
 * @example
 * ```ts
 * import { ppmLoadUnits } from "./units_ppm_load.ts";
 * const units = ppmLoadUnits({ mode: "quick", seed: 1 });
 * console.log(units.length, units[0]); // 60 { mode: "quick", seed: 1, study: "ue", scale: 0, pbar: 0, instance: 0 }
 * ```
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import type { RunMode, RunParams } from "../core/params.ts";
import { requireArray, requireOneOf } from "../core/validate.ts";
import {
  foldLoadStudy,
  type LoadRun,
  loadRunPoints,
  type LoadStudy,
  notebookLoadStudies,
  runLoadInstance,
  seedLoadStudy,
} from "../papers/ppm/load_runs.ts";
import type { SweepAdapter } from "./units.ts";

/** The two studies, in unit order. */
export const LOAD_STUDIES = ["ue", "ee"] as const;

/** Configuration of one unit (plain JSON). */
export interface PpmLoadUnitConfig {
  readonly mode: RunMode;
  readonly seed: number;
  readonly study: typeof LOAD_STUDIES[number];
  /** Index of the duration factor. */
  readonly scale: number;
  /** Index of the p̄ multiple. */
  readonly pbar: number;
  readonly instance: number;
  /** Instances per point instead of the mode's (small trial runs). */
  readonly instances?: number;
}

/**
 * Every unit in canonical order (study, scale, p̄, instance).
 *
 * @throws {ParameterError} on a bad mode, seed or `instances`
 */
export function ppmLoadUnits(params: RunParams, instances?: number): PpmLoadUnitConfig[] {
  const studies = notebookLoadStudies(params, instances);
  return LOAD_STUDIES.flatMap((study) =>
    loadRunPoints(studies[study]).map((point) => ({
      mode: params.mode,
      seed: params.seed,
      study,
      ...point,
      ...(instances === undefined ? {} : { instances }),
    }))
  );
}

/**
 * Runs one unit.
 *
 * @throws {ParameterError} on an unknown mode or study, or a point outside the grid
 */
export async function runPpmLoadUnit(config: PpmLoadUnitConfig): Promise<LoadRun> {
  const study = requireOneOf("study", config.study, LOAD_STUDIES);
  const options = notebookLoadStudies(config, config.instances)[study]; // checks mode and seed
  return await runLoadInstance(options, config);
}

/**
 * Folds unit results (in unit order) into the two studies.
 *
 * @throws {ParameterError} when the number of results differs from the number of units
 */
export function assemblePpmLoadStudies(
  params: RunParams,
  results: readonly LoadRun[],
  instances?: number,
): Record<typeof LOAD_STUDIES[number], LoadStudy> {
  const studies = notebookLoadStudies(params, instances);
  const ueRuns = loadRunPoints(studies.ue).length;
  const total = ueRuns + loadRunPoints(studies.ee).length;
  if (results.length !== total) {
    throw new ParameterError("results", results.length, `${total} results, one per unit`);
  }
  return {
    ue: foldLoadStudy(studies.ue, results.slice(0, ueRuns)),
    ee: foldLoadStudy(studies.ee, results.slice(ueRuns)),
  };
}

/**
 * Installs assembled studies in `loadSensitivity`'s memo under the notebook's options.
 *
 * @throws {ParameterError} when a study has no rows array (then nothing is installed)
 */
export function primePpmLoadStudies(params: RunParams, sweeps: unknown, instances?: number): void {
  const all = sweeps as Partial<Record<typeof LOAD_STUDIES[number], LoadStudy>>;
  const studies = notebookLoadStudies(params, instances);
  for (const study of LOAD_STUDIES) {
    requireArray(`sweeps.${study}.rows`, all[study]?.rows as unknown[], "the study's rows");
  }
  for (const study of LOAD_STUDIES) seedLoadStudy(studies[study], all[study]!);
}

/** The `ppm-load` adapter: notebook 01's load study. */
export const ppmLoadAdapter: SweepAdapter = {
  units: ppmLoadUnits,
  run: (config) => runPpmLoadUnit(config as PpmLoadUnitConfig),
  assemble: (params, results, instances) =>
    assemblePpmLoadStudies(params, results as LoadRun[], instances),
  prime: primePpmLoadStudies,
};
