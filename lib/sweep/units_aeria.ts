/**
 * The AERIA market experiments the claims ledger reads (and notebook 02 shows), cut into
 * run-level units: the Fig. 5 trace-driven runs (one unit per run), the Fig. 4 scale sweep (one per
 * point), the regime comparison (one per regime and paired run), the CRN capacity sweep (one per
 * regime, capacity and run) and the electricity effect (one per price and run). The experiments,
 * their sizes and their units come from the library (`ledgerExperiments` in
 * `papers/aeria/claims.ts`, each a `SplitExperiment` of `papers/aeria/split.ts`), so a unit runs
 * exactly the library's code and {@link assembleAeriaSweeps} is the library's own assembly: the
 * results equal the in-process ones bit for bit. {@link primeAeria} installs them in the
 * experiments' memo under the keys the claims and the notebook cells use.
 *
 * @example
 * ```ts
 * import { aeriaUnits, runAeriaUnit } from "./units_aeria.ts";
 * const units = aeriaUnits({ mode: "quick", seed: 1 });
 * console.log(units.length, units[0]); // 58 { mode: "quick", seed: 1, experiment: "trace", unit: 0 }
 * await runAeriaUnit(units[0]!);
 * ```
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import type { RunMode, RunParams } from "../core/params.ts";
import { requireInteger, requireObject, requireOneOf } from "../core/validate.ts";
import { ledgerExperiments } from "../papers/aeria/claims.ts";
import { primeSplit, type SplitExperiment } from "../papers/aeria/split.ts";
import type { SweepAdapter } from "./units.ts";

/** The experiments, in unit order. */
export const AERIA_EXPERIMENTS = ["trace", "scale", "regimes", "capacity", "electricity"] as const;
/** One of {@link AERIA_EXPERIMENTS}. */
export type AeriaExperimentName = typeof AERIA_EXPERIMENTS[number];

/** Configuration of one unit (plain JSON). */
export interface AeriaUnitConfig {
  readonly mode: RunMode;
  readonly seed: number;
  readonly experiment: AeriaExperimentName;
  /** Index of the unit within its experiment. */
  readonly unit: number;
}

/** The assembled experiments: each one's result as its library function returns it. */
export type AeriaSweeps = {
  readonly [K in AeriaExperimentName]: ReturnType<
    ReturnType<typeof ledgerExperiments>[K]["assemble"]
  >;
};

// deno-lint-ignore no-explicit-any
type AnyExperiment = SplitExperiment<any, any>;

function experimentsOf(params: RunParams): Record<AeriaExperimentName, AnyExperiment> {
  return ledgerExperiments(params);
}

function noInstances(instances: number | undefined): void {
  if (instances !== undefined) {
    throw new ParameterError("instances", instances, "undefined (AERIA units have no override)");
  }
}

/**
 * Every unit in canonical order (experiment, then unit index); a unit's index in this list is its
 * id for sharding.
 *
 * @param params mode and seed
 * @param instances must be left out (the sizes are the ledger's)
 * @returns unit configurations
 * @throws {ParameterError} when `instances` is given
 */
export function aeriaUnits(params: RunParams, instances?: number): AeriaUnitConfig[] {
  noInstances(instances);
  const all = experimentsOf(params);
  return AERIA_EXPERIMENTS.flatMap((experiment) =>
    Array.from({ length: all[experiment].units }, (_, unit) => ({
      mode: params.mode,
      seed: params.seed,
      experiment,
      unit,
    }))
  );
}

/**
 * Runs one unit (one market run, or one sweep point) of its experiment.
 *
 * @param config the unit (one of {@link aeriaUnits})
 * @returns its plain-JSON result (per-slot series; no wall times)
 * @throws {ParameterError} on a bad mode, seed, experiment or unit index
 */
export function runAeriaUnit(config: AeriaUnitConfig): Promise<unknown> {
  requireObject("config", config, "an AERIA unit { mode, seed, experiment, unit }");
  const experiment = experimentsOf(config)[
    requireOneOf("experiment", config.experiment, AERIA_EXPERIMENTS)
  ];
  const unit = requireInteger("unit", config.unit, 0, experiment.units - 1);
  return Promise.resolve(experiment.run(unit));
}

/**
 * Assembles the unit results into the experiments' results, each with the library's assembly.
 *
 * @param params mode and seed of the units
 * @param results result of unit `i` of {@link aeriaUnits} at index `i`
 * @param instances must be left out
 * @returns the five experiments' results
 * @throws {ParameterError} when the number of results differs from the number of units
 */
export function assembleAeriaSweeps(
  params: RunParams,
  results: readonly unknown[],
  instances?: number,
): AeriaSweeps {
  noInstances(instances);
  const all = experimentsOf(params);
  const total = AERIA_EXPERIMENTS.reduce((t, name) => t + all[name].units, 0);
  if (results.length !== total) {
    throw new ParameterError("results", results.length, `${total} results, one per unit`);
  }
  let next = 0;
  return Object.fromEntries(AERIA_EXPERIMENTS.map((name) => {
    const mine = results.slice(next, next + all[name].units);
    next += all[name].units;
    return [name, all[name].assemble(mine)];
  })) as AeriaSweeps;
}

/**
 * Installs assembled experiments in the AERIA memo under the keys the claims ledger and notebook
 * 02 use, so `aeria.claims(params)` and the notebook's `traceDrivenRuns`, `scaleSweep`,
 * `compareRegimes` and `capacitySweepCrn` cells read them instead of recomputing. Results already
 * in the memo are kept.
 *
 * @param params mode and seed the experiments were run with
 * @param sweeps the output of {@link assembleAeriaSweeps}
 * @param instances must be left out
 * @throws {ParameterError} when `sweeps` lacks one of the experiments
 */
export function primeAeria(params: RunParams, sweeps: unknown, instances?: number): void {
  noInstances(instances);
  requireObject("sweeps", sweeps, "assembled AERIA experiments { trace, scale, ... }");
  const all = experimentsOf(params);
  for (const name of AERIA_EXPERIMENTS) {
    const value = (sweeps as Record<string, unknown>)[name];
    if (value === undefined) {
      throw new ParameterError(`sweeps.${name}`, value, "the assembled experiment");
    }
    primeSplit(all[name], value);
  }
}

/** The AERIA adapter of the sweep tools. */
export const aeriaAdapter: SweepAdapter = {
  units: aeriaUnits,
  run: (config: unknown) => runAeriaUnit(config as AeriaUnitConfig),
  assemble: assembleAeriaSweeps,
  prime: primeAeria,
};
