/**
 * The PPM Section 6 figure sweeps of notebook 01, cut into instance-level units: Cases UE/EE
 * against p̄ (Fig. 4(a)/5(a), `pbarMultiples`), Fig. 6 (six panels) and Fig. 7 (three panels),
 * each point with `instances` instances. One unit builds one instance and brackets the ERs of the
 * point's mechanisms on it ({@link empiricalRatios}); its result is plain JSON without wall times,
 * so results computed anywhere merge into exactly the rows the library's own sweeps return:
 * {@link assemblePpmFigureSweeps} averages them per point in instance order as `runSweep` and
 * `runDeltaSweep` do.
 *
 * Sizes, grids, panels and mechanisms are read from the library (`sweepSizes`, `deltaSweepSizes`,
 * `pbarMultiples`, `figure6Panels`, `fig6Mechanisms`), so the units follow any change there. The
 * claims ledger does not read these sweeps (its Section 6 claims are measured in the anchor
 * regime, `anchorRegime`; their units are `units_ppm.ts`), so a merge gives the figures' data, not a
 * ledger. Registered as `ppm-figures` (`deno task sweep --paper ppm-figures`); priming installs the
 * sweeps in `figureSweep`'s memo (`lib/papers/ppm/figure_sweeps.ts`), which notebook 01's figure
 * cells read.
 *
 * @example
 * ```ts
 * import { ppmFigureUnits } from "./units_ppm_figures.ts";
 * const units = ppmFigureUnits({ mode: "quick", seed: 1 });
 * console.log(units.length, units[0]); // 88 { mode: "quick", seed: 1, sweep: "ue", point: 0, instance: 0 }
 * ```
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import type { SweepAdapter } from "./units.ts";
import type { RunMode, RunParams } from "../core/params.ts";
import { requireArray, requireInteger, requireOneOf } from "../core/validate.ts";
import {
  buildInstance,
  empiricalRatios,
  type InstanceParams,
  RatioMeans,
  section6Mechanisms,
} from "../papers/ppm/experiments.ts";
import type { MechanismSpec } from "../papers/ppm/mechanism.ts";
import type { SweepRow } from "../papers/ppm/figures.ts";
import { seedFigureSweep } from "../papers/ppm/figure_sweeps.ts";
import {
  caseInstanceParams,
  deltaMechanisms,
  deltaSweepSizes,
  FIG6_DELTAS,
  fig6Mechanisms,
  FIG7_DELTAS,
  fig7Mechanisms,
  figure6Panels,
  figure7Panels,
  pbarMultiples,
  type SweepSizes,
  sweepSizes,
  withInstances,
} from "../papers/ppm/section6_plan.ts";

/** The four sweeps, in unit order. */
export const PPM_SWEEPS = ["ue", "ee", "fig6", "fig7"] as const;
/** One of {@link PPM_SWEEPS}. */
export type PpmSweepName = typeof PPM_SWEEPS[number];

/** Configuration of one unit: a plain JSON object (it crosses to a Worker and into shard files). */
export interface PpmFigureUnitConfig {
  readonly mode: RunMode;
  readonly seed: number;
  readonly sweep: PpmSweepName;
  /** Index of the point (p̄ multiple or panel) in its sweep. */
  readonly point: number;
  readonly instance: number;
  /** Instances per point instead of the mode's (small test sweeps); default: the mode's. */
  readonly instances?: number;
}

/** Result of one unit: the ER bracket of each keyed mechanism, in the mechanisms' order. */
export interface PpmFigureUnitResult {
  /** Arrival source of the instance (`trace` or `synthetic`). */
  readonly source: string;
  readonly ratios: readonly {
    readonly key: string;
    readonly erLow: number;
    readonly erHigh: number;
  }[];
}

/** One point of a sweep: how its instances are built, what runs on them, how rows are labelled. */
interface PlanPoint {
  readonly params: (instance: number) => InstanceParams;
  readonly mechanisms: Record<string, MechanismSpec>;
  /** Row fields (x, mechanism, facets) of a key, in the field order of the library's rows. */
  readonly row: (key: string) => { x: number; mechanism: string; facets: Partial<SweepRow> };
}

interface SweepPlan {
  readonly instances: number;
  readonly points: readonly PlanPoint[];
}

function casePlan(kind: "UE" | "EE", params: RunParams, sizes: SweepSizes): SweepPlan {
  const seed = params.seed;
  return {
    instances: sizes.instances,
    points: pbarMultiples(params.mode).map((multiple) => ({
      params: (i: number) => caseInstanceParams(kind, multiple, sizes, seed, i),
      mechanisms: section6Mechanisms(),
      row: (key: string) => ({ x: multiple, mechanism: key, facets: { column: `Case ${kind}` } }),
    })),
  };
}

function deltaPlan(
  panels: ReturnType<typeof figure6Panels>,
  deltas: readonly number[],
  mechanisms: (delta: number) => Record<string, MechanismSpec>,
  instances: number,
): SweepPlan {
  const { merged, keyOf } = deltaMechanisms(deltas, mechanisms);
  return {
    instances,
    points: panels.map((panel) => ({
      params: panel.params,
      mechanisms: merged,
      row: (key: string) => {
        const { delta, mechanism } = keyOf.get(key)!;
        return { x: delta, mechanism, facets: { column: panel.column, row: panel.row } };
      },
    })),
  };
}

const plans = new Map<string, Record<PpmSweepName, SweepPlan>>();

/** The four sweep plans of a mode and seed (memoised: a Worker runs many units of one plan). */
function ppmPlans(params: RunParams, instances?: number): Record<PpmSweepName, SweepPlan> {
  const id = `${params.mode}/${params.seed}/${instances ?? ""}`;
  const known = plans.get(id);
  if (known) return known;
  const sizes = withInstances(sweepSizes(params.mode), instances);
  const deltaSizes = withInstances(deltaSweepSizes(params.mode), instances);
  const plan = {
    ue: casePlan("UE", params, sizes),
    ee: casePlan("EE", params, sizes),
    fig6: deltaPlan(
      figure6Panels(deltaSizes, params.seed),
      FIG6_DELTAS,
      fig6Mechanisms,
      deltaSizes.instances,
    ),
    fig7: deltaPlan(
      figure7Panels(deltaSizes, params.seed),
      FIG7_DELTAS,
      fig7Mechanisms,
      deltaSizes.instances,
    ),
  };
  plans.set(id, plan);
  return plan;
}

/**
 * Every unit of the Section 6 figure sweeps in canonical order (sweep, point, instance); a
 * unit's index in this list is its id for sharding.
 *
 * @param params mode and seed
 * @param instances instances per point instead of the mode's (small test sweeps)
 * @returns unit configurations
 * @throws {ParameterError} on a non-integer or non-positive `instances`
 */
export function ppmFigureUnits(params: RunParams, instances?: number): PpmFigureUnitConfig[] {
  if (instances !== undefined) requireInteger("instances", instances, 1);
  const all = ppmPlans(params, instances);
  return PPM_SWEEPS.flatMap((sweep) =>
    all[sweep].points.flatMap((_, point) =>
      Array.from({ length: all[sweep].instances }, (_, instance) => ({
        mode: params.mode,
        seed: params.seed,
        sweep,
        point,
        instance,
        ...(instances === undefined ? {} : { instances }),
      }))
    )
  );
}

function pointOf(config: PpmFigureUnitConfig): PlanPoint {
  requireOneOf("mode", config.mode, ["quick", "paper"] as const);
  const plan = ppmPlans(config, config.instances)[requireOneOf("sweep", config.sweep, PPM_SWEEPS)];
  const point = plan.points[requireInteger("point", config.point, 0, plan.points.length - 1)]!;
  requireInteger("instance", config.instance, 0);
  return point;
}

/**
 * Runs one unit: builds its instance and brackets the ERs of its point's mechanisms.
 *
 * @param config the unit (one of {@link ppmFigureUnits})
 * @returns the brackets, without timings
 * @throws {ParameterError} on an unknown mode, sweep or point, or a bad instance index
 */
export async function runPpmFigureUnit(config: PpmFigureUnitConfig): Promise<PpmFigureUnitResult> {
  const point = pointOf(config);
  const built = buildInstance(point.params(config.instance));
  const { ratios } = await empiricalRatios(built.instance, point.mechanisms);
  return {
    source: built.source,
    ratios: ratios.map((r) => ({ key: r.mechanism, erLow: r.erLow, erHigh: r.erHigh })),
  };
}

/** One assembled sweep: rows as the library's sweep functions return them. */
export interface AssembledSweep {
  readonly rows: SweepRow[];
  /** Arrival source of the last instance. */
  readonly source: string;
}

/**
 * Averages unit results into the four sweeps, per point in instance order, exactly as
 * `runSweep`/`runDeltaSweep` (so the rows equal theirs bit for bit).
 *
 * @param params mode and seed of the units
 * @param results result of unit `i` of {@link ppmFigureUnits} at index `i`
 * @param instances the instance override the units were listed with
 * @returns the four sweeps (Fig. 4(a)/5(a) Cases UE and EE, Fig. 6, Fig. 7)
 * @throws {ParameterError} when the number of results differs from the number of units
 */
export function assemblePpmFigureSweeps(
  params: RunParams,
  results: readonly PpmFigureUnitResult[],
  instances?: number,
): Record<PpmSweepName, AssembledSweep> {
  const units = ppmFigureUnits(params, instances);
  if (results.length !== units.length) {
    throw new ParameterError("results", results.length, `${units.length} results, one per unit`);
  }
  const all = ppmPlans(params, instances);
  let next = 0;
  const assemble = (plan: SweepPlan): AssembledSweep => {
    const rows: SweepRow[] = [];
    let source = "";
    for (const point of plan.points) {
      const means = new RatioMeans();
      for (let i = 0; i < plan.instances; i++) {
        const result = results[next++]!;
        source = result.source;
        for (const r of result.ratios) means.add(r.key, r);
      }
      for (const key of means.keys()) {
        const { x, mechanism, facets } = point.row(key);
        rows.push({ x, mechanism, ...means.mean(key), ...facets });
      }
    }
    return { rows, source };
  };
  const [ue, ee, fig6, fig7] = PPM_SWEEPS.map((sweep) => assemble(all[sweep]));
  return { ue: ue!, ee: ee!, fig6: fig6!, fig7: fig7! };
}

/**
 * Installs assembled sweeps as `figureSweep`'s results: `cases` is Case UE's rows then Case EE's
 * (as `exactCaseSweeps` returns them, with Case EE's arrival source), `fig6` and `fig7` as they are.
 *
 * @param params mode and seed the sweeps were computed for
 * @param sweeps {@link assemblePpmFigureSweeps}'s result (or the same read back from JSON)
 * @param instances the instance override the units were listed with
 * @throws {ParameterError} when a sweep has no rows array
 */
export function primePpmFigureSweeps(params: RunParams, sweeps: unknown, instances?: number): void {
  const all = sweeps as Partial<Record<PpmSweepName, AssembledSweep>>;
  for (const name of PPM_SWEEPS) {
    requireArray(`sweeps.${name}.rows`, all[name]?.rows as SweepRow[], "the sweep's rows");
  }
  const { ue, ee, fig6, fig7 } = all as Record<PpmSweepName, AssembledSweep>;
  seedFigureSweep("cases", params, instances, {
    rows: [...ue.rows, ...ee.rows],
    source: ee.source,
  });
  seedFigureSweep("fig6", params, instances, fig6);
  seedFigureSweep("fig7", params, instances, fig7);
}

/** The `ppm-figures` adapter: notebook 01's Section 6 figure sweeps (no claims read them). */
export const ppmFiguresAdapter: SweepAdapter = {
  units: ppmFigureUnits,
  run: (config) => runPpmFigureUnit(config as PpmFigureUnitConfig),
  assemble: (params, results, instances) =>
    assemblePpmFigureSweeps(params, results as PpmFigureUnitResult[], instances),
  prime: primePpmFigureSweeps,
};
