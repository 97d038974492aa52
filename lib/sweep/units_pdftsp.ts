/**
 * The pdFTSP algorithm comparisons of notebook 03 and its claims ledger, cut into units: one unit
 * is one setting (a distinct `compareAlgorithms` memo key): its workload, its headroom bound and
 * the four algorithms on it. The settings are those of every figure sweep (`SWEEPS`, calibrated
 * regime) and of the headline claims (`headlineSettings`: both regimes at 50 and 80 arrivals per
 * slot), deduplicated by memo key, in that order; the sensitivity sweep's centre is the modelled
 * 50-node setting among them.
 *
 * The settings of `TIMED_SWEEP` (Fig. 4) are left out: the timing claims and Fig. 13 read their
 * `perTaskMs`, a wall time, which must be measured in the process that reports it. Unit results
 * carry no wall time; {@link primePdftsp} installs them in the library's memo with `perTaskMs`
 * NaN, which nothing reads outside Fig. 4.
 *
 * @example
 * ```ts
 * import { pdftspUnits } from "./units_pdftsp.ts";
 * const units = pdftspUnits({ mode: "quick", seed: 1 });
 * console.log(units.length, units[0]); // 14 { mode: "quick", seed: 1, setting: 0 }
 * ```
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import type { RunMode, RunParams } from "../core/params.ts";
import { requireInteger, requireOneOf } from "../core/validate.ts";
import {
  primeSetting,
  runSetting,
  scaledConfig,
  type Setting,
  type SettingRow,
  SWEEPS,
  TIMED_SWEEP,
} from "../papers/pdftsp/experiments.ts";
import { headlineSettings } from "../papers/pdftsp/claims.ts";
import type { SweepAdapter } from "./units.ts";

/** Configuration of one unit: a plain JSON object (it crosses to a Worker and into shard files). */
export interface PdftspUnitConfig {
  /** Run mode (sizes and Titan's node limit, experiments.ts `experimentScale`). */
  readonly mode: RunMode;
  /** Root seed of the workloads and the algorithms. */
  readonly seed: number;
  /** Index of the setting in {@link pdftspSettings}. */
  readonly setting: number;
}

/** Result of one unit: the setting's rows in algorithm order, without wall times. */
export interface PdftspUnitResult {
  /** One row per algorithm. */
  readonly rows: readonly SettingRow[];
}

/** One assembled setting: the paper-scale setting and its rows. */
export interface PdftspSettingRows {
  /** The paper-scale setting. */
  readonly setting: Setting;
  /** Its rows, one per algorithm. */
  readonly rows: readonly SettingRow[];
}

/**
 * The untimed settings of the figure sweeps and the headline claims, one per memo key, in
 * canonical order (a unit's `setting` indexes this list).
 *
 * @param params mode and seed (the memo key depends on both)
 * @returns paper-scale settings
 */
export function pdftspSettings(params: RunParams): Setting[] {
  const keyOf = (setting: Setting) => JSON.stringify(scaledConfig(params, setting));
  const seen = new Set((SWEEPS[TIMED_SWEEP] ?? []).map(({ setting }) => keyOf(setting)));
  const all = [
    ...Object.values(SWEEPS).flatMap((entries) => entries.map(({ setting }) => setting)),
    ...headlineSettings(),
  ];
  return all.filter((setting) => {
    const key = keyOf(setting);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function rejectInstances(instances: number | undefined): void {
  if (instances !== undefined) {
    throw new ParameterError("instances", instances, "undefined (pdFTSP units are settings)");
  }
}

/**
 * Every unit in canonical order; a unit's index in this list is its id for sharding.
 *
 * @param params mode and seed
 * @param instances must be undefined (a setting has no instances to trim)
 * @returns unit configurations
 * @throws {ParameterError} when `instances` is given
 */
export function pdftspUnits(params: RunParams, instances?: number): PdftspUnitConfig[] {
  rejectInstances(instances);
  return pdftspSettings(params).map((_, setting) => ({
    mode: params.mode,
    seed: params.seed,
    setting,
  }));
}

/**
 * Runs one unit: the four algorithms on its setting, as `compareAlgorithms` would.
 *
 * @param config the unit (one of {@link pdftspUnits})
 * @returns the rows without `figure`, `setting` and `perTaskMs`
 * @throws {ParameterError} on an unknown mode, a non-integer seed or an unknown setting index
 */
export async function runPdftspUnit(config: PdftspUnitConfig): Promise<PdftspUnitResult> {
  const params = {
    mode: requireOneOf("mode", config.mode, ["quick", "paper"] as const),
    seed: requireInteger("seed", config.seed),
  };
  const settings = pdftspSettings(params);
  const setting = settings[requireInteger("setting", config.setting, 0, settings.length - 1)]!;
  const rows = await runSetting(params, setting);
  return { rows: rows.map(({ figure: _f, setting: _s, perTaskMs: _t, ...row }) => row) };
}

/**
 * Pairs unit results with their settings.
 *
 * @param params mode and seed of the units
 * @param results result of unit `i` of {@link pdftspUnits} at index `i`
 * @param instances must be undefined
 * @returns one entry per setting, in unit order
 * @throws {ParameterError} when the number of results differs from the number of units
 */
export function assemblePdftsp(
  params: RunParams,
  results: readonly PdftspUnitResult[],
  instances?: number,
): PdftspSettingRows[] {
  rejectInstances(instances);
  const settings = pdftspSettings(params);
  if (results.length !== settings.length) {
    throw new ParameterError("results", results.length, `${settings.length} results, one per unit`);
  }
  return settings.map((setting, i) => ({ setting, rows: results[i]!.rows }));
}

/**
 * Installs assembled settings in the memo of `compareAlgorithms`, so that the sweeps, claims and
 * sensitivity sweep that follow in this process reuse them instead of running the algorithms.
 *
 * @param params mode and seed the units ran with
 * @param sweeps output of {@link assemblePdftsp}
 * @param instances must be undefined
 */
export function primePdftsp(
  params: RunParams,
  sweeps: readonly PdftspSettingRows[],
  instances?: number,
): void {
  rejectInstances(instances);
  for (const { setting, rows } of sweeps) primeSetting(params, setting, rows);
}

/** pdFTSP's adapter for the sweep tools (pool, shards, prefetch). */
export const pdftspAdapter: SweepAdapter = {
  units: pdftspUnits,
  run: (config: unknown) => runPdftspUnit(config as PdftspUnitConfig),
  assemble: (params: RunParams, results: readonly unknown[], instances?: number) =>
    assemblePdftsp(params, results as PdftspUnitResult[], instances),
  prime: (params: RunParams, sweeps: unknown, instances?: number) =>
    primePdftsp(params, sweeps as PdftspSettingRows[], instances),
};
