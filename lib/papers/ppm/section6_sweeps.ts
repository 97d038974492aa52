/**
 * The panels of Section 6's Figs. 4-7 as sweeps: ER against p̄ per value case (Fig. 4(a)/5(a)),
 * CPU utilisation over time (Fig. 4(b)/5(b)), ER against the p̄-estimation error δ for Cases UI/EI
 * at p̄ ∈ {1, 3, 9}·c̄ (Fig. 6(a)-(f)) and for truncated-normal values with σ ∈ {1, 2, 10}
 * (Fig. 7(a)-(c)).
 *
 * A δ sweep builds each instance once and brackets the offline optimum once: W_opt does not
 * depend on the δ the online pricing was designed for, so all δ values of one instance share one
 * bracket (the incumbents of every δ feed its lower bound) and the comparison across δ is paired.
 *
 * @example
 * ```ts
 * import { figure7Panels, runDeltaSweep } from "./section6_sweeps.ts";
 * const sizes = { instances: 1, jobs: 40, slots: 60 };
 * const { rows } = await runDeltaSweep("Fig. 7", figure7Panels(sizes, 1).slice(0, 1), [0, 1],
 *   (delta) => ({ "PPM-OP": { kind: "optimal", pbarError: delta } }), 1);
 * ```
 *
 * @module
 */
import { progress } from "../../core/progress.ts";
import {
  requireArray,
  requireFiniteArray,
  requireInteger,
  requireNonEmpty,
  requireOneOf,
  requirePositive,
} from "../../core/validate.ts";
import {
  buildInstance,
  CBAR_CPU,
  empiricalRatios,
  RatioMeans,
  section6Mechanisms,
} from "./experiments.ts";
import { type MechanismSpec, simulate } from "./mechanism.ts";
import { lagrangianBracket } from "./lagrangian.ts";
import { runSweep, type SweepRow, type UtilisationRow, utilisationRows } from "./figures.ts";
import { requireSweepSizes } from "./validate.ts";
import {
  caseInstanceParams,
  deltaMechanisms,
  type DeltaPanel,
  type SweepSizes,
} from "./section6_plan.ts";

export {
  caseInstanceParams,
  deltaMechanisms,
  type DeltaPanel,
  deltaSweepSizes,
  FIG6_DELTAS,
  fig6Mechanisms,
  FIG7_DELTAS,
  fig7Mechanisms,
  figure6Panels,
  figure7Panels,
  pbarMultiples,
  type SweepSizes,
} from "./section6_plan.ts";

/** Result of a multi-panel sweep. */
export interface PanelSweep {
  /** one row per (panel, x, mechanism) */
  readonly rows: SweepRow[];
  /** Wall time of the sweep. */
  readonly seconds: number;
  /** Time spent bracketing W_opt. */
  readonly offlineSeconds: number;
  /** Arrival source label of the last instance (`trace` or `synthetic`). */
  readonly source: string;
}

/**
 * ER against δ for several panels: per panel and instance one instance, every mechanism of
 * `mechanisms(δ)` for every δ, and one shared offline bracket ({@link empiricalRatios}).
 *
 * @param label progress-bar label
 * @param panels sub-figures
 * @param deltas estimation errors δ (> −1)
 * @param mechanisms mechanisms designed for p̄·(1 + δ)
 * @param instances instances per panel
 * @returns mean ER brackets per (panel, δ, mechanism) and timings
 * @throws {ParameterError} on empty panels/deltas or a non-positive instance count
 * @example
 * ```ts
 * import { figure6Panels, runDeltaSweep } from "./section6_sweeps.ts";
 * const panels = figure6Panels({ instances: 1, jobs: 40, slots: 60 }, 1);
 * await runDeltaSweep("Fig. 6", panels, [0, 1], (d) => ({ "PPM-OP": { kind: "optimal", pbarError: d } }), 1);
 * ```
 */
export async function runDeltaSweep(
  label: string,
  panels: readonly DeltaPanel[],
  deltas: readonly number[],
  mechanisms: (delta: number) => Record<string, MechanismSpec>,
  instances: number,
): Promise<PanelSweep> {
  requireNonEmpty("panels", panels);
  requireNonEmpty("deltas", deltas);
  requireInteger("instances", instances, 1);
  const { merged, keyOf } = deltaMechanisms(deltas, mechanisms);
  const bar = progress(label, panels.length * instances);
  const started = performance.now();
  let offlineSeconds = 0;
  let source = "";
  const rows: SweepRow[] = [];
  for (const panel of panels) {
    const means = new RatioMeans();
    for (let i = 0; i < instances; i++) {
      const built = buildInstance(panel.params(i));
      source = built.source;
      const result = await empiricalRatios(built.instance, merged);
      offlineSeconds += result.offline.seconds;
      for (const r of result.ratios) means.add(r.mechanism, r);
      bar.tick();
    }
    for (const key of means.keys()) {
      const { delta, mechanism } = keyOf.get(key)!;
      rows.push({ x: delta, mechanism, ...means.mean(key), column: panel.column, row: panel.row });
    }
  }
  bar.done();
  return { rows, seconds: (performance.now() - started) / 1000, offlineSeconds, source };
}

/**
 * ER against p̄ (multiples of c̄) for one exact-p̄ case with all three mechanisms (Fig. 4(a) for
 * UE, Fig. 5(a) for EE), rows labelled with the case as facet column.
 *
 * @param kind value case
 * @param multiples p̄/c̄ grid
 * @param sizes instances, jobs and slots per point
 * @param seed run seed
 * @returns sweep rows and timings
 * @example
 * ```ts
 * import { caseSweep } from "./section6_sweeps.ts";
 * await caseSweep("UE", [1, 9], { instances: 1, jobs: 40, slots: 60 }, 1);
 * ```
 */
export async function caseSweep(
  kind: "UE" | "EE",
  multiples: readonly number[],
  sizes: SweepSizes,
  seed: number,
): Promise<PanelSweep> {
  requireOneOf("kind", kind, ["UE", "EE"]);
  requireFiniteArray("multiples", multiples);
  requireSweepSizes(sizes);
  requireInteger("seed", seed);
  const sweep = await runSweep(
    `Case ${kind} (ER vs p̄)`,
    multiples,
    (multiple, i) => caseInstanceParams(kind, multiple, sizes, seed, i),
    () => section6Mechanisms(),
    sizes.instances,
  );
  return { ...sweep, rows: sweep.rows.map((r) => ({ ...r, column: `Case ${kind}` })) };
}

/**
 * Fig. 4(a) and 5(a) together: {@link caseSweep} for Cases UE and EE.
 *
 * @param multiples p̄/c̄ grid
 * @param sizes instances, jobs and slots per point
 * @param seed run seed
 * @returns rows of both cases and the summed timings
 * @example
 * ```ts
 * import { exactCaseSweeps } from "./section6_sweeps.ts";
 * await exactCaseSweeps([1, 9], { instances: 1, jobs: 40, slots: 60 }, 1);
 * ```
 */
export async function exactCaseSweeps(
  multiples: readonly number[],
  sizes: SweepSizes,
  seed: number,
): Promise<PanelSweep> {
  const ue = await caseSweep("UE", multiples, sizes, seed);
  const ee = await caseSweep("EE", multiples, sizes, seed);
  return {
    rows: [...ue.rows, ...ee.rows],
    seconds: ue.seconds + ee.seconds,
    offlineSeconds: ue.offlineSeconds + ee.offlineSeconds,
    source: ee.source,
  };
}

/**
 * Fig. 4(b) and 5(b): CPU utilisation over time of the three mechanisms and the offline
 * benchmark's allocation on one instance per case at p̄ = `multiple`·c̄.
 *
 * @param cases value cases (facet columns)
 * @param multiple p̄/c̄ (the paper: 2)
 * @param sizes jobs and slots of the instance
 * @param seed instance seed
 * @returns utilisation rows for {@link utilisationFigure}
 * @example
 * ```ts
 * import { utilisationPanels } from "./section6_sweeps.ts";
 * utilisationPanels(["UE"], 2, { instances: 1, jobs: 40, slots: 60 }, 1);
 * ```
 */
export function utilisationPanels(
  cases: readonly ("UE" | "EE")[],
  multiple: number,
  sizes: SweepSizes,
  seed: number,
): UtilisationRow[] {
  requireArray("cases", cases, "an array of cases (UE, EE)");
  cases.forEach((kind, i) => requireOneOf(`cases[${i}]`, kind, ["UE", "EE"]));
  requirePositive("multiple", multiple);
  requireSweepSizes(sizes);
  requireInteger("seed", seed);
  const rows: UtilisationRow[] = [];
  for (const kind of cases) {
    const { instance } = buildInstance({
      case: kind,
      pbar: multiple * CBAR_CPU,
      jobs: sizes.jobs,
      slots: sizes.slots,
      seed,
    });
    const series = Object.fromEntries(
      Object.entries(section6Mechanisms()).map((
        [name, spec],
      ) => [name, simulate(instance, spec).utilisation[0]!]),
    );
    const offline = lagrangianBracket(instance, {
      incumbents: Object.values(section6Mechanisms()).map((spec) =>
        simulate(instance, spec).decisions
      ),
    });
    rows.push(...utilisationRows({ ...series, offline: offline.utilisation[0]! }, `Case ${kind}`));
  }
  return rows;
}
