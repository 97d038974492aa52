/**
 * The papers whose heavy work runs as sweep units, each as an adapter: its units (plain JSON
 * configurations), the pure function that runs one (JSON in, JSON out, no wall times), how
 * results merge into the paper's sweeps, and how merged sweeps are installed into the paper's
 * memos so the claims and notebook cells that follow reuse them. Where and in which order units
 * run does not change the merged output.
 *
 * Adapters are loaded lazily, one module per key: a pool Worker that runs PPM units imports the
 * PPM simulation modules only, not the other papers, the figures or Observable Plot.
 *
 * @example
 * ```ts
 * import { sweepAdapter } from "./units.ts";
 * const ppm = await sweepAdapter("ppm");
 * const units = ppm.units({ mode: "quick", seed: 1 }, 1);
 * await ppm.run(units[0]);
 * ```
 *
 * @module
 */
import { requireOneOf } from "../core/validate.ts";
import type { RunParams } from "../core/params.ts";

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

/** Each key's module, imported on first use. */
const ADAPTERS = {
  ppm: async () => (await import("./units_ppm.ts")).ppmAdapter,
  "ppm-figures": async () => (await import("./units_ppm_figures.ts")).ppmFiguresAdapter,
  "ppm-load": async () => (await import("./units_ppm_load.ts")).ppmLoadAdapter,
  pdftsp: async () => (await import("./units_pdftsp.ts")).pdftspAdapter,
  aeria: async () => (await import("./units_aeria.ts")).aeriaAdapter,
} as const satisfies Record<string, () => Promise<SweepAdapter>>;

/**
 * A key with a sharded sweep (`ppm`, `aeria`, `pdftsp`: what the paper's claims compute;
 * `ppm-figures`: PPM's Figs. 4-7; `ppm-load`: notebook 01's load study).
 */
export type SweepPaper = keyof typeof ADAPTERS;

/** Keys with sharded sweeps, for `--paper`. */
export const SWEEP_PAPERS: readonly SweepPaper[] = Object.keys(ADAPTERS) as SweepPaper[];

/** Whether `paper` has an adapter (the claims' pool path prefetches only those). */
export function hasSweepAdapter(paper: string): paper is SweepPaper {
  return Object.hasOwn(ADAPTERS, paper);
}

/**
 * The adapter of `paper`, importing its module on first use.
 *
 * @throws {ParameterError} naming `paper` when it has no sharded sweep
 */
export async function sweepAdapter(paper: string): Promise<SweepAdapter> {
  return await ADAPTERS[requireOneOf("paper", paper, SWEEP_PAPERS)]();
}

/**
 * Runs one unit of `paper` (what a pool worker does).
 *
 * @throws {ParameterError} on an unknown paper (and whatever the unit throws on a bad config)
 */
export async function runUnit(paper: string, config: unknown): Promise<unknown> {
  return (await sweepAdapter(paper)).run(config);
}
