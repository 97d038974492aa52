/**
 * Notebook 01's Section 6 figure sweeps at the sizes its mode plans: Fig. 4(a)/5(a) Cases UE and
 * EE against p̄ (`cases`, `exactCaseSweeps` with `pbarMultiples` and `sweepSizes`), Fig. 6 and
 * Fig. 7 against δ (`runDeltaSweep` with `deltaSweepSizes`). Each is computed in-process on
 * first use and memoised by mode, seed and instance override. In paper mode the notebook first
 * runs the same work as `ppm-figures` sweep units in the Worker pool, and
 * `lib/sweep/units_ppm_figures.ts` installs the assembled rows here ({@link seedFigureSweep}); they
 * equal the in-process rows bit for bit, but carry no timing of their own (`timing: null`; the
 * pool's note gives its wall time).
 *
 * @example
 * ```ts
 * import { figureSweep } from "./figure_sweeps.ts";
 * const fig7 = await figureSweep("fig7", { mode: "quick", seed: 1 }, 1);
 * console.log(fig7.rows.length, fig7.timing?.seconds);
 * ```
 *
 * @module
 */
import type { RunParams } from "../../core/params.ts";
import { requireInteger, requireObject, requireOneOf } from "../../core/validate.ts";
import type { SweepRow } from "./figures.ts";
import {
  deltaSweepSizes,
  FIG6_DELTAS,
  fig6Mechanisms,
  FIG7_DELTAS,
  fig7Mechanisms,
  figure6Panels,
  figure7Panels,
  pbarMultiples,
  sweepSizes,
  withInstances,
} from "./section6_plan.ts";

/** The three figure sweeps: Fig. 4(a)/5(a) (both cases), Fig. 6, Fig. 7. */
export const FIGURE_SWEEPS = ["cases", "fig6", "fig7"] as const;
/** One of {@link FIGURE_SWEEPS}. */
export type FigureSweepName = typeof FIGURE_SWEEPS[number];

/** A figure sweep's rows, where its instances came from and, when computed here, its times. */
export interface FigureSweep {
  /** One row per (point, mechanism), as the library's sweep functions return them. */
  readonly rows: readonly SweepRow[];
  /** Arrival source of the last instance (`trace` or `synthetic`). */
  readonly source: string;
  /** Wall and offline-bracket seconds of an in-process run; null when the Worker pool ran it. */
  readonly timing: { readonly seconds: number; readonly offlineSeconds: number } | null;
}

const memo = new Map<string, FigureSweep>();

function memoKey(name: FigureSweepName, params: RunParams, instances: number | undefined): string {
  requireOneOf("name", name, FIGURE_SWEEPS);
  requireOneOf("params.mode", params.mode, ["quick", "paper"] as const);
  requireInteger("params.seed", params.seed);
  if (instances !== undefined) requireInteger("instances", instances, 1);
  return JSON.stringify([name, params.mode, params.seed, instances ?? null]);
}

async function compute(
  name: FigureSweepName,
  params: RunParams,
  instances: number | undefined,
): Promise<FigureSweep> {
  // Loaded here, not at the top: the sweep Workers import this module only to seed the memo, and
  // must not load the figure code (and Observable Plot) that section6_sweeps.ts brings along.
  const { exactCaseSweeps, runDeltaSweep } = await import("./section6_sweeps.ts");
  if (name === "cases") {
    const sizes = withInstances(sweepSizes(params.mode), instances);
    const sweep = await exactCaseSweeps(pbarMultiples(params.mode), sizes, params.seed);
    return timed(sweep);
  }
  const sizes = withInstances(deltaSweepSizes(params.mode), instances);
  const sweep = name === "fig6"
    ? await runDeltaSweep(
      "Fig. 6 (Cases UI, EI)",
      figure6Panels(sizes, params.seed),
      FIG6_DELTAS,
      fig6Mechanisms,
      sizes.instances,
    )
    : await runDeltaSweep(
      "Fig. 7 (truncated normal)",
      figure7Panels(sizes, params.seed),
      FIG7_DELTAS,
      fig7Mechanisms,
      sizes.instances,
    );
  return timed(sweep);
}

function timed(
  sweep: { rows: SweepRow[]; source: string; seconds: number; offlineSeconds: number },
): FigureSweep {
  const { rows, source, seconds, offlineSeconds } = sweep;
  return { rows, source, timing: { seconds, offlineSeconds } };
}

/**
 * One figure sweep of notebook 01 (memoised).
 *
 * @param name `cases` (Fig. 4(a)/5(a)), `fig6` or `fig7`
 * @param params mode (which sizes and grids) and seed
 * @param instances instances per point instead of the mode's (small trial runs)
 * @returns its rows, arrival source and timing
 * @throws {ParameterError} on an unknown name or mode, a non-integer seed or a bad `instances`
 */
export async function figureSweep(
  name: FigureSweepName,
  params: RunParams,
  instances?: number,
): Promise<FigureSweep> {
  const key = memoKey(name, params, instances);
  const known = memo.get(key);
  if (known) return known;
  const sweep = await compute(name, params, instances);
  memo.set(key, sweep);
  return sweep;
}

/**
 * Installs a sweep computed elsewhere (the Worker pool, merged shards) as {@link figureSweep}'s
 * result for these parameters; its timing is null.
 *
 * @throws {ParameterError} as {@link figureSweep}
 */
export function seedFigureSweep(
  name: FigureSweepName,
  params: RunParams,
  instances: number | undefined,
  sweep: { readonly rows: readonly SweepRow[]; readonly source: string },
): void {
  memo.set(memoKey(name, params, instances), {
    rows: sweep.rows,
    source: sweep.source,
    timing: null,
  });
}

/** `12.3 s` for an in-process sweep, `computed in the Worker pool` for a seeded one (captions). */
export function sweepTimeText(sweep: FigureSweep): string {
  requireObject("sweep", sweep, "a figure sweep { rows, source, timing }");
  return sweep.timing ? `${sweep.timing.seconds.toFixed(1)} s` : "computed in the Worker pool";
}
