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
import { requireRunMode, type RunMode } from "../../core/params.ts";
import {
  requireArray,
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requireInteger,
  requireNonEmpty,
  requireOneOf,
  requirePositive,
} from "../../core/validate.ts";
import {
  buildInstance,
  CBAR_CPU,
  empiricalRatios,
  type InstanceParams,
  RatioMeans,
  section6Mechanisms,
} from "./experiments.ts";
import { type MechanismSpec, simulate } from "./mechanism.ts";
import { lagrangianBracket } from "./lagrangian.ts";
import {
  runSweep,
  type SweepRow,
  sweepSizes,
  type UtilisationRow,
  utilisationRows,
} from "./figures.ts";
import { requireSweepSizes } from "./validate.ts";

/** Instance sizes of one sweep point (see `sweepSizes`). */
export interface SweepSizes {
  /** instances per point */
  readonly instances: number;
  /** jobs per instance */
  readonly jobs: number;
  /** slots per instance */
  readonly slots: number;
}

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

/** One sub-figure of a δ sweep: facet labels and the instance of each seed index. */
export interface DeltaPanel {
  /** facet column label */
  readonly column: string;
  /** Facet row label (omitted when the figure has one row). */
  readonly row?: string;
  /** the instance of each seed index */
  readonly params: (instance: number) => InstanceParams;
}

/**
 * Sizes of the δ sweeps (Fig. 6-7): as {@link sweepSizes} but 8 instances per point in quick mode
 * (one shared offline bracket per instance makes them cheap); paper mode as {@link sweepSizes}.
 *
 * @param mode run mode
 * @returns instances, jobs and slots
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { deltaSweepSizes } from "./section6_sweeps.ts";
 * assert.equal(deltaSweepSizes("quick").instances, 8);
 * ```
 */
export function deltaSweepSizes(mode: RunMode): SweepSizes {
  requireRunMode(mode);
  return mode === "paper" ? sweepSizes(mode) : { ...sweepSizes(mode), instances: 8 };
}

/** δ grid of Fig. 6 (Cases UI/EI: δ ∈ [−0.8, 2.4]) and Fig. 7 (over-estimation only). */
export const FIG6_DELTAS: readonly number[] = [-0.8, -0.4, 0, 0.4, 0.8, 1.2, 1.6, 2, 2.4];
/** δ grid of Fig. 7. */
export const FIG7_DELTAS: readonly number[] = FIG6_DELTAS.filter((d) => d >= 0);

/**
 * Mechanisms of Fig. 6, designed for p̄·(1 + δ): PPM-OP and PPM-TP.
 *
 * @param delta estimation error δ
 * @returns the named mechanisms
 * @example
 * ```ts
 * import { fig6Mechanisms } from "./section6_sweeps.ts";
 * fig6Mechanisms(0.5)["PPM-TP"]; // { kind: "twice-index", pbarError: 0.5 }
 * ```
 */
export function fig6Mechanisms(delta: number): Record<string, MechanismSpec> {
  requireFinite("delta", delta);
  return {
    "PPM-OP": { kind: "optimal", pbarError: delta },
    "PPM-TP": { kind: "twice-index", pbarError: delta },
  };
}

/**
 * Mechanism of Fig. 7, designed for p̄·(1 + δ): PPM-OP alone.
 *
 * @param delta estimation error δ
 * @returns the named mechanism
 * @example
 * ```ts
 * import { fig7Mechanisms } from "./section6_sweeps.ts";
 * Object.keys(fig7Mechanisms(1)); // ["PPM-OP"]
 * ```
 */
export function fig7Mechanisms(delta: number): Record<string, MechanismSpec> {
  requireFinite("delta", delta);
  return { "PPM-OP": { kind: "optimal", pbarError: delta } };
}

const REGIMES: readonly { multiple: number; label: string }[] = [
  { multiple: 1, label: "p̄ = c̄ (LUC)" },
  { multiple: 3, label: "p̄ = 3c̄ (HUC1)" },
  { multiple: 9, label: "p̄ = 9c̄ (HUC2)" },
];

/**
 * The six sub-figures of Fig. 6: Cases UI and EI (rows) at p̄ = c̄, 3c̄, 9c̄ (columns).
 *
 * @param sizes jobs and slots per instance
 * @param seed run seed (instance i uses seed·1000 + i, as every Section 6 sweep)
 * @returns six panels
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { figure6Panels } from "./section6_sweeps.ts";
 * assert.equal(figure6Panels({ instances: 2, jobs: 300, slots: 270 }, 1).length, 6);
 * ```
 */
export function figure6Panels(sizes: SweepSizes, seed: number): DeltaPanel[] {
  requireSweepSizes(sizes);
  requireInteger("seed", seed);
  return (["UI", "EI"] as const).flatMap((kind) =>
    REGIMES.map(({ multiple, label }) => ({
      column: label,
      row: `Case ${kind}`,
      params: (i: number) => ({
        case: kind,
        pbar: multiple * CBAR_CPU,
        jobs: sizes.jobs,
        slots: sizes.slots,
        seed: seed * 1000 + i,
      }),
    }))
  );
}

/**
 * The three sub-figures of Fig. 7: p ~ N(c̄, σ², 0, p̄) with p̄ = 9c̄ and σ ∈ {1, 2, 10}.
 *
 * @param sizes jobs and slots per instance
 * @param seed run seed
 * @returns three panels
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { figure7Panels } from "./section6_sweeps.ts";
 * const columns = figure7Panels({ instances: 2, jobs: 300, slots: 270 }, 1).map((p) => p.column);
 * assert.deepEqual(columns, ["σ = 1", "σ = 2", "σ = 10"]);
 * ```
 */
export function figure7Panels(sizes: SweepSizes, seed: number): DeltaPanel[] {
  requireSweepSizes(sizes);
  requireInteger("seed", seed);
  return [1, 2, 10].map((sigma) => ({
    column: `σ = ${sigma}`,
    params: (i: number) => ({
      case: "TN",
      sigma,
      pbar: 9 * CBAR_CPU,
      jobs: sizes.jobs,
      slots: sizes.slots,
      seed: seed * 1000 + i,
    }),
  }));
}

/**
 * Every mechanism of every δ under one key each (`PPM-OP @ δ = 0.4`), so one instance runs them
 * all against one offline bracket; `keyOf` maps a key back to its δ and mechanism.
 *
 * @param deltas estimation errors δ
 * @param mechanisms mechanisms designed for p̄·(1 + δ)
 * @returns the keyed mechanisms in δ order and the key map
 * @example
 * ```ts
 * import { deltaMechanisms } from "./section6_sweeps.ts";
 * const { merged } = deltaMechanisms([0, 1], (d) => ({ "PPM-OP": { kind: "optimal", pbarError: d } }));
 * Object.keys(merged); // ["PPM-OP @ δ = 0", "PPM-OP @ δ = 1"]
 * ```
 */
export function deltaMechanisms(
  deltas: readonly number[],
  mechanisms: (delta: number) => Record<string, MechanismSpec>,
): {
  merged: Record<string, MechanismSpec>;
  keyOf: Map<string, { delta: number; mechanism: string }>;
} {
  requireFiniteArray("deltas", deltas);
  requireFunction("mechanisms", mechanisms, "a function of δ returning named mechanisms");
  const merged: Record<string, MechanismSpec> = {};
  const keyOf = new Map<string, { delta: number; mechanism: string }>();
  for (const delta of deltas) {
    for (const [mechanism, spec] of Object.entries(mechanisms(delta))) {
      const key = `${mechanism} @ δ = ${delta}`;
      merged[key] = spec;
      keyOf.set(key, { delta, mechanism });
    }
  }
  return { merged, keyOf };
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
 * Instance `instance` of a {@link caseSweep} point: Case `kind` at p̄ = `multiple`·c̄.
 *
 * @example
 * ```ts
 * import { caseInstanceParams } from "./section6_sweeps.ts";
 * caseInstanceParams("UE", 3, { instances: 2, jobs: 300, slots: 270 }, 1, 0).seed; // 1000
 * ```
 */
export function caseInstanceParams(
  kind: "UE" | "EE",
  multiple: number,
  sizes: SweepSizes,
  seed: number,
  instance: number,
): InstanceParams {
  requireOneOf("kind", kind, ["UE", "EE"] as const);
  requirePositive("multiple", multiple);
  requireSweepSizes(sizes);
  requireInteger("seed", seed);
  requireInteger("instance", instance, 0, sizes.instances - 1);
  return {
    case: kind,
    pbar: multiple * CBAR_CPU,
    jobs: sizes.jobs,
    slots: sizes.slots,
    seed: seed * 1000 + instance,
  };
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

/** p̄/c̄ grid of Fig. 4(a)/5(a): 1…9 in paper mode, {1, 3, 6, 9} in quick mode. */
export function pbarMultiples(mode: RunMode): number[] {
  requireRunMode(mode);
  return mode === "paper" ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 3, 6, 9];
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
