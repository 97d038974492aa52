/**
 * The δ statements of Fig. 6-7 judged from paired welfare: on one instance W_opt does not depend
 * on the p̄(1 + δ) the online pricing was designed for, so ER(δ)/ER(0) = W(0)/W(δ) exactly, and
 * the change of a mechanism's ER with δ needs no offline optimum (no LP, no Lagrangian bracket).
 * {@link anchorDeltaSweeps} runs Fig. 6's six panels and Fig. 7's three in the anchor regime
 * (paper size, the duration factor at which PPM-MP saturates at p̄ = 2c̄; `anchorScale`).
 *
 * @example
 * ```ts
 * import { pairedDeltaSweep } from "./paired_delta.ts";
 * import { figure7Panels } from "./section6_plan.ts";
 * const rows = pairedDeltaSweep(figure7Panels({ instances: 1, jobs: 60, slots: 90 }, 1).slice(0, 1),
 *   [0, 1], (d) => ({ "PPM-OP": { kind: "optimal", pbarError: d } }), 1);
 * console.log(rows[0]!.erChange); // 0 at δ = 0
 * ```
 *
 * @module
 */
import { requireInteger, requireNonEmpty, requireObject } from "../../core/validate.ts";
import { ParameterError } from "../../core/errors.ts";
import { buildInstance } from "./experiments.ts";
import { type MechanismSpec, pricingFunctions, runPosted } from "./mechanism.ts";
import {
  type DeltaPanel,
  FIG6_DELTAS,
  fig6Mechanisms,
  FIG7_DELTAS,
  fig7Mechanisms,
  figure6Panels,
  figure7Panels,
} from "./section6_plan.ts";
import { type AnchorOptions, anchorScale } from "./anchor_regime.ts";

/** Mean paired change of one mechanism's ER at one δ of one panel. */
export interface PairedDeltaRow {
  /** Facet column of the panel (the p̄ regime in Fig. 6, σ in Fig. 7). */
  readonly column: string;
  /** Facet row of the panel (the value case in Fig. 6; none in Fig. 7). */
  readonly row?: string;
  /** Mechanism name. */
  readonly mechanism: string;
  /** δ. */
  readonly x: number;
  /** Mean over instances of ER(δ)/ER(0) − 1 = W(0)/W(δ) − 1 (> 0: worse than at δ = 0). */
  readonly erChange: number;
  /** Instances averaged. */
  readonly instances: number;
}

/**
 * Paired δ sweep: per panel and instance one instance, every mechanism at every δ, and the mean
 * of W(0)/W(δ) − 1 per (panel, mechanism, δ).
 *
 * @param panels sub-figures (their instance parameters)
 * @param deltas estimation errors δ (> −1; must include 0, the reference)
 * @param mechanisms mechanisms designed for p̄·(1 + δ)
 * @param instances instances per panel
 * @returns one row per panel, mechanism and δ
 * @throws {ParameterError} on empty panels/deltas, no δ = 0, or a non-positive instance count
 */
export function pairedDeltaSweep(
  panels: readonly DeltaPanel[],
  deltas: readonly number[],
  mechanisms: (delta: number) => Record<string, MechanismSpec>,
  instances: number,
): PairedDeltaRow[] {
  requireNonEmpty("panels", panels);
  requireNonEmpty("deltas", deltas);
  requireInteger("instances", instances, 1);
  if (!deltas.includes(0)) throw new ParameterError("deltas", deltas, "a grid containing δ = 0");
  return panels.flatMap((panel) =>
    foldPairedDelta(
      panel,
      Array.from({ length: instances }, (_, i) => pairedDeltaRatios(panel, deltas, mechanisms, i)),
    )
  );
}

/** One instance's ratios W(0)/W(δ), keyed `JSON.stringify([mechanism, δ])`, in sweep order. */
export type PairedDeltaRatios = readonly (readonly [key: string, ratio: number])[];

/**
 * The ratios W(0)/W(δ) of instance `i` of one panel: every mechanism at every δ on that instance (what a
 * sweep unit computes); {@link foldPairedDelta} averages them.
 *
 * @param panel the sub-figure
 * @param deltas estimation errors δ (must include 0)
 * @param mechanisms mechanisms designed for p̄·(1 + δ)
 * @param i instance index
 * @returns the keyed ratios
 */
export function pairedDeltaRatios(
  panel: DeltaPanel,
  deltas: readonly number[],
  mechanisms: (delta: number) => Record<string, MechanismSpec>,
  i: number,
): PairedDeltaRatios {
  const { instance } = buildInstance(panel.params(i));
  const welfare = (spec: MechanismSpec) =>
    runPosted(instance, pricingFunctions(instance, spec)).welfare;
  const reference = new Map(
    Object.entries(mechanisms(0)).map(([name, spec]) => [name, welfare(spec)]),
  );
  const terms: [string, number][] = [];
  for (const delta of deltas) {
    for (const [name, spec] of Object.entries(mechanisms(delta))) {
      const w = delta === 0 ? reference.get(name)! : welfare(spec);
      terms.push([JSON.stringify([name, delta]), reference.get(name)! / w]);
    }
  }
  return terms;
}

/**
 * The rows of one panel from its instances' ratios (in instance order), with the same
 * floating-point operations as {@link pairedDeltaSweep}.
 *
 * @param panel the sub-figure (its facet labels)
 * @param perInstance {@link pairedDeltaRatios} of instances 0, 1, …
 * @returns one row per mechanism and δ
 */
export function foldPairedDelta(
  panel: DeltaPanel,
  perInstance: readonly PairedDeltaRatios[],
): PairedDeltaRow[] {
  const instances = perInstance.length;
  const sums = new Map<string, number>();
  for (const terms of perInstance) {
    // (sum + ratio) − 1, as the sweep has always accumulated (the rounding is part of the ledger).
    for (const [key, ratio] of terms) sums.set(key, (sums.get(key) ?? 0) + ratio - 1);
  }
  return [...sums].map(([key, sum]) => {
    const [mechanism, x] = JSON.parse(key) as [string, number];
    return {
      column: panel.column,
      row: panel.row,
      mechanism,
      x,
      erChange: sum / instances,
      instances,
    };
  });
}

/** Fig. 6 and Fig. 7 in the anchor regime. */
export interface AnchorDeltaSweeps {
  /** Duration factor of the anchor regime used. */
  readonly scale: number;
  /** Fig. 6 panels. */
  readonly fig6: PairedDeltaRow[];
  /** Fig. 7 panels. */
  readonly fig7: PairedDeltaRow[];
}

const memo = new Map<string, AnchorDeltaSweeps>();

/** The two paired δ figures: Fig. 6 (PPM-OP and PPM-TP) and Fig. 7 (PPM-OP, σ ∈ {1, 2, 10}). */
export const PAIRED_FIGURES = {
  fig6: { deltas: FIG6_DELTAS, mechanisms: fig6Mechanisms, panels: figure6Panels },
  fig7: { deltas: FIG7_DELTAS, mechanisms: fig7Mechanisms, panels: figure7Panels },
} as const;

/** `fig6` or `fig7`. */
export type PairedFigure = keyof typeof PAIRED_FIGURES;

/**
 * The panels of one figure in the anchor regime of `options`: same sizes, seeds and reading,
 * durations × `scale`.
 *
 * @param options sizes, instances, seed and reading
 * @param scale the anchor factor ({@link anchorScale})
 * @param figure `fig6` or `fig7`
 * @returns the loaded panels
 */
export function anchorDeltaPanels(
  options: AnchorOptions,
  scale: number,
  figure: PairedFigure,
): DeltaPanel[] {
  const sizes = { instances: options.instances, jobs: options.jobs, slots: options.slots };
  return PAIRED_FIGURES[figure].panels(sizes, options.seed).map((panel) => ({
    ...panel,
    params: (i: number) => ({
      ...panel.params(i),
      durationScale: scale,
      draw: options.draw,
      jobSource: options.jobSource,
    }),
  }));
}

/**
 * Fig. 6 (PPM-OP and PPM-TP, Cases UI/EI at p̄ ∈ {1, 3, 9}c̄) and Fig. 7 (PPM-OP, σ ∈ {1, 2, 10})
 * as paired sweeps in the anchor regime of `options` (same sizes, seeds and reading; durations ×
 * the anchor factor). Memoised per options.
 *
 * @param options sizes, instances per panel, seed and reading
 * @returns the anchor factor and the rows of both figures
 * @throws {ParameterError} on non-integer sizes or instance count
 * @example
 * ```ts
 * import { anchorDeltaSweeps } from "./paired_delta.ts";
 * anchorDeltaSweeps({ jobs: 60, slots: 90, instances: 1, seed: 1, jobSource: "synthetic" }).scale;
 * ```
 */
export function anchorDeltaSweeps(options: AnchorOptions): AnchorDeltaSweeps {
  requireObject("options", options, "anchor options { jobs, slots, instances, seed, ... }");
  const key = deltaKey(options);
  const known = memo.get(key);
  if (known) return known;
  const { scale } = anchorScale(options);
  const sweep = (figure: PairedFigure) => {
    const { deltas, mechanisms } = PAIRED_FIGURES[figure];
    return pairedDeltaSweep(
      anchorDeltaPanels(options, scale, figure),
      deltas,
      mechanisms,
      options.instances,
    );
  };
  const result = { scale, fig6: sweep("fig6"), fig7: sweep("fig7") };
  memo.set(key, result);
  return result;
}

/**
 * Installs anchor δ sweeps computed elsewhere (sweep units, {@link foldPairedDelta}) into the
 * memo {@link anchorDeltaSweeps} reads.
 *
 * @param options the options `anchorDeltaSweeps` will be called with
 * @param sweeps the anchor factor and both figures' rows
 */
export function seedAnchorDeltaSweeps(options: AnchorOptions, sweeps: AnchorDeltaSweeps): void {
  memo.set(deltaKey(options), sweeps);
}

function deltaKey(options: AnchorOptions): string {
  return JSON.stringify(options, Object.keys(options).sort());
}
