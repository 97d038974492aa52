/**
 * The plan of Section 6's sweeps, without running anything: sizes per mode, the p̄ grid of
 * Fig. 4(a)/5(a), the δ grids, panels and mechanisms of Figs. 6-7 and the instance parameters of
 * every point. It imports no figure or display code, so a pool Worker (lib/sweep) that runs one
 * sweep unit loads only the simulation modules; `section6_sweeps.ts` and `figures.ts` re-export
 * these names.
 *
 * @example
 * ```ts
 * import { figure7Panels, sweepSizes } from "./section6_plan.ts";
 * console.log(figure7Panels(sweepSizes("quick"), 1).length); // 3
 * ```
 *
 * @module
 */
import { requireRunMode, type RunMode } from "../../core/params.ts";
import {
  requireFinite,
  requireFiniteArray,
  requireFunction,
  requireInteger,
  requireOneOf,
  requirePositive,
} from "../../core/validate.ts";
import { CBAR_CPU, type InstanceParams, SECTION6 } from "./experiments.ts";
import type { MechanismSpec } from "./mechanism.ts";
import { requireSweepSizes } from "./validate.ts";

/** Instances per point of every Section 6 sweep in paper mode (the paper: 1000). */
export const PAPER_MODE_INSTANCES = 50;

/**
 * Sizes of a sweep in quick and paper mode. Paper mode: the paper's N = 4000, T = 3600 with
 * {@link PAPER_MODE_INSTANCES} instances per point (the paper averages 1000; 50 keep the whole
 * notebook under 3 hours on 2 cores, README).
 */
export function sweepSizes(mode: RunMode): { instances: number; jobs: number; slots: number } {
  requireRunMode(mode);
  return mode === "paper"
    ? { instances: PAPER_MODE_INSTANCES, jobs: SECTION6.jobs, slots: SECTION6.slots }
    : { instances: 2, jobs: 300, slots: 270 };
}

/** Instance sizes of one sweep point (see `sweepSizes`). */
export interface SweepSizes {
  /** instances per point */
  readonly instances: number;
  /** jobs per instance */
  readonly jobs: number;
  /** slots per instance */
  readonly slots: number;
}

/**
 * `sizes` with `instances` per point instead of its own (the instance override of trial runs and
 * sweep units); `sizes` itself when there is no override.
 *
 * @example
 * ```ts
 * import { withInstances } from "./section6_plan.ts";
 * withInstances({ instances: 50, jobs: 4000, slots: 3600 }, 2); // { instances: 2, jobs: 4000, slots: 3600 }
 * ```
 */
export function withInstances(sizes: SweepSizes, instances: number | undefined): SweepSizes {
  return instances === undefined ? sizes : { ...sizes, instances };
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
 * import { deltaSweepSizes } from "./section6_plan.ts";
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
 * import { fig6Mechanisms } from "./section6_plan.ts";
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
 * import { fig7Mechanisms } from "./section6_plan.ts";
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
 * import { figure6Panels } from "./section6_plan.ts";
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
 * import { figure7Panels } from "./section6_plan.ts";
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
 * import { deltaMechanisms } from "./section6_plan.ts";
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
 * Instance `instance` of a {@link caseSweep} point: Case `kind` at p̄ = `multiple`·c̄.
 *
 * @example
 * ```ts
 * import { caseInstanceParams } from "./section6_plan.ts";
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

/** p̄/c̄ grid of Fig. 4(a)/5(a): 1…9 in paper mode, {1, 3, 6, 9} in quick mode. */
export function pbarMultiples(mode: RunMode): number[] {
  requireRunMode(mode);
  return mode === "paper" ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 3, 6, 9];
}
