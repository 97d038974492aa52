/**
 * The papers whose sweeps can be sharded, each as an adapter: its units (plain JSON
 * configurations), the pure function that runs one (JSON in, JSON out, no wall times) and how
 * results merge into the paper's sweeps. Where and in which order units run does not change the
 * merged output.
 *
 * @example
 * ```ts
 * import { sweepAdapter } from "./units.ts";
 * const ppm = sweepAdapter("ppm");
 * const units = ppm.units({ mode: "quick", seed: 1 }, 1);
 * await ppm.run(units[0]);
 * ```
 *
 * @module
 */
import { requireOneOf } from "../core/validate.ts";
import type { RunParams } from "../core/params.ts";
import {
  assemblePpmSweeps,
  type PpmUnitConfig,
  type PpmUnitResult,
  ppmUnits,
  runPpmUnit,
} from "./units_ppm.ts";
import { aeriaAdapter } from "./units_aeria.ts";

/** What the sweep tools need to know about one paper. */
export interface SweepAdapter {
  /** Every unit in canonical order (`instances` overrides the mode's instances per point). */
  units(params: RunParams, instances?: number): unknown[];
  /** Runs one unit. */
  run(config: unknown): Promise<unknown>;
  /** Merges the results (in unit order) into the paper's sweeps. */
  assemble(params: RunParams, results: readonly unknown[], instances?: number): unknown;
  /** Installs assembled sweeps into the paper's memos (the ones its claims and notebook read), so
   *  the claims and notebook cells that follow in this process reuse them instead of recomputing. */
  prime(params: RunParams, sweeps: unknown, instances?: number): void;
}

const ADAPTERS = {
  ppm: {
    units: ppmUnits,
    run: (config: unknown) => runPpmUnit(config as PpmUnitConfig),
    assemble: (params: RunParams, results: readonly unknown[], instances?: number) =>
      assemblePpmSweeps(params, results as PpmUnitResult[], instances),
    // The PPM ledger does not read these sweeps (see units_ppm.ts): nothing to install.
    prime: () => {},
  },
  aeria: aeriaAdapter,
} as const satisfies Record<string, SweepAdapter>;

/** A paper with a sharded sweep. */
export type SweepPaper = keyof typeof ADAPTERS;

/** Papers with sharded sweeps, for `--paper`. */
export const SWEEP_PAPERS: readonly SweepPaper[] = Object.keys(ADAPTERS) as SweepPaper[];

/**
 * The adapter of `paper`.
 *
 * @throws {ParameterError} naming `paper` when it has no sharded sweep
 */
export function sweepAdapter(paper: string): SweepAdapter {
  return ADAPTERS[requireOneOf("paper", paper, SWEEP_PAPERS)];
}

/**
 * Runs one unit of `paper` (what a pool worker does).
 *
 * @throws {ParameterError} on an unknown paper (and whatever the unit throws on a bad config)
 */
export function runUnit(paper: string, config: unknown): Promise<unknown> {
  return sweepAdapter(paper).run(config);
}
