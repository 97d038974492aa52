/**
 * What PPM's claims ledger computes, cut into instance-level units: for each reading of how the
 * jobs are drawn (`JOB_DRAWS`), the peak utilisations along the duration axis (`peaksAt`, one
 * unit per factor and instance), the anchor regime's measurements (`anchorInstance`, one unit per
 * point of `ANCHOR_POINTS` and instance: three mechanism runs and a certified bracket) and the
 * paired δ sweeps of Figs. 6-7 in that regime (`pairedDeltaRatios`, one unit per panel and
 * instance). Notebook 01's load-reading, anchor and paired-δ cells read the same memos.
 *
 * {@link assemblePpmLedgerSweeps} folds the results with the library's own folds (`meanPeaks`,
 * `pickAnchorScale`, `combineAnchor`, `foldPairedDelta`), so the sweeps equal what
 * `peaksAt`/`anchorRegime`/`anchorDeltaSweeps` compute in-process bit for bit, and
 * {@link primePpmLedger} installs them in those functions' memos. A unit that needs the anchor
 * factor (anchor and δ units) finds it with `anchorScale` in its own process (memoised there: the
 * peaks cost a few mechanism runs per instance, the brackets dominate).
 *
 * @example
 * ```ts
 * import { ppmLedgerUnits } from "./units_ppm.ts";
 * const units = ppmLedgerUnits({ mode: "quick", seed: 1 });
 * console.log(units.length, units[0]);
 * // 72 { mode: "quick", seed: 1, draw: "random", part: "peaks", point: 0, instance: 0 }
 * ```
 *
 * @module
 */
import { ParameterError } from "../core/errors.ts";
import type { RunMode, RunParams } from "../core/params.ts";
import { requireArray, requireInteger, requireOneOf } from "../core/validate.ts";
import { JOB_DRAWS, type JobDraw } from "../papers/ppm/arrivals.ts";
import {
  ANCHOR_POINTS,
  ANCHOR_SCALES,
  type AnchorInstance,
  anchorInstance,
  type AnchorOptions,
  type AnchorResult,
  anchorScale,
  combineAnchor,
  instancePeaks,
  ledgerAnchorOptions,
  meanPeaks,
  type Peaks,
  pickAnchorScale,
  seedAnchorRegime,
  seedPeaks,
} from "../papers/ppm/anchor_regime.ts";
import {
  anchorDeltaPanels,
  type AnchorDeltaSweeps,
  foldPairedDelta,
  PAIRED_FIGURES,
  type PairedDeltaRatios,
  pairedDeltaRatios,
  type PairedFigure,
  seedAnchorDeltaSweeps,
} from "../papers/ppm/paired_delta.ts";
import type { SweepAdapter } from "./units.ts";

/** The parts of one reading, in unit order. */
export const PPM_LEDGER_PARTS = ["peaks", "anchor", "fig6", "fig7"] as const;
/** One of {@link PPM_LEDGER_PARTS}. */
export type PpmLedgerPart = typeof PPM_LEDGER_PARTS[number];

/** Configuration of one unit: a plain JSON object (it crosses to a Worker and into shard files). */
export interface PpmUnitConfig {
  readonly mode: RunMode;
  readonly seed: number;
  readonly draw: JobDraw;
  readonly part: PpmLedgerPart;
  /** Index of the duration factor (peaks), anchor point (anchor) or panel (fig6, fig7). */
  readonly point: number;
  readonly instance: number;
  /** Instances per point instead of the ledger's (small test sweeps); default: the ledger's. */
  readonly instances?: number;
}

/** Result of one unit: peaks, an anchor measurement or paired-δ ratios. */
export type PpmUnitResult = Peaks | AnchorInstance | PairedDeltaRatios;

/** The assembled sweeps of one reading: what the ledger's memos hold for it. */
export interface PpmReadingSweeps {
  readonly draw: JobDraw;
  /** Mean peaks at every factor of `ANCHOR_SCALES` (`peaksAt`, `loadReadings`). */
  readonly peaks: readonly { readonly scale: number; readonly peaks: Peaks }[];
  /** `anchorRegime`. */
  readonly anchor: AnchorResult;
  /** `anchorDeltaSweeps`. */
  readonly deltas: AnchorDeltaSweeps;
}

/** The assembled sweeps of both readings. */
export interface PpmLedgerSweeps {
  readonly readings: readonly PpmReadingSweeps[];
}

/** The anchor options of a unit set: the ledger's, with the optional instance override. */
function optionsOf(params: RunParams, draw: JobDraw, instances?: number): AnchorOptions {
  const options = ledgerAnchorOptions(params, draw);
  return instances === undefined ? options : { ...options, instances };
}

/** Points of one part. */
function pointsOf(part: PpmLedgerPart, options: AnchorOptions): number {
  if (part === "peaks") return ANCHOR_SCALES.length;
  if (part === "anchor") return ANCHOR_POINTS.length;
  return anchorDeltaPanels(options, 1, part).length;
}

/**
 * Every unit of PPM's ledger sweeps in canonical order (reading, part, point, instance); a unit's
 * index in this list is its id for sharding.
 *
 * @param params mode and seed
 * @param instances instances per point instead of the ledger's (small test sweeps)
 * @returns unit configurations
 * @throws {ParameterError} on an unknown mode or a non-positive `instances`
 */
export function ppmLedgerUnits(params: RunParams, instances?: number): PpmUnitConfig[] {
  if (instances !== undefined) requireInteger("instances", instances, 1);
  return JOB_DRAWS.flatMap((draw) => {
    const options = optionsOf(params, draw, instances);
    return PPM_LEDGER_PARTS.flatMap((part) =>
      Array.from(
        { length: pointsOf(part, options) },
        (_, point) =>
          Array.from({ length: options.instances }, (_, instance) => ({
            mode: params.mode,
            seed: params.seed,
            draw,
            part,
            point,
            instance,
            ...(instances === undefined ? {} : { instances }),
          })),
      ).flat()
    );
  });
}

/**
 * Runs one unit.
 *
 * @param config the unit (one of {@link ppmLedgerUnits})
 * @returns its peaks, anchor measurement or paired-δ ratios (no timings)
 * @throws {ParameterError} on an unknown mode, reading or part, or a point/instance out of range
 */
export async function runPpmUnit(config: PpmUnitConfig): Promise<PpmUnitResult> {
  requireOneOf("mode", config.mode, ["quick", "paper"] as const);
  const draw = requireOneOf("draw", config.draw, JOB_DRAWS);
  const part = requireOneOf("part", config.part, PPM_LEDGER_PARTS);
  if (config.instances !== undefined) requireInteger("instances", config.instances, 1);
  const options = optionsOf(config, draw, config.instances);
  const point = requireInteger("point", config.point, 0, pointsOf(part, options) - 1);
  const instance = requireInteger("instance", config.instance, 0, options.instances - 1);
  if (part === "peaks") return instancePeaks(options, ANCHOR_SCALES[point]!, instance);
  const { scale } = anchorScale(options);
  if (part === "anchor") return await anchorInstance(options, scale, point, instance);
  const { deltas, mechanisms } = PAIRED_FIGURES[part];
  const panel = anchorDeltaPanels(options, scale, part)[point]!;
  return pairedDeltaRatios(panel, deltas, mechanisms, instance);
}

/**
 * Folds unit results into both readings' sweeps, exactly as the in-process functions do.
 *
 * @param params mode and seed of the units
 * @param results result of unit `i` of {@link ppmLedgerUnits} at index `i`
 * @param instances the instance override the units were listed with
 * @returns the sweeps of both readings
 * @throws {ParameterError} when the number of results differs from the number of units
 */
export function assemblePpmLedgerSweeps(
  params: RunParams,
  results: readonly unknown[],
  instances?: number,
): PpmLedgerSweeps {
  const units = ppmLedgerUnits(params, instances);
  if (results.length !== units.length) {
    throw new ParameterError("results", results.length, `${units.length} results, one per unit`);
  }
  let next = 0;
  const readings = JOB_DRAWS.map((draw) => {
    const options = optionsOf(params, draw, instances);
    const take = <T>(part: PpmLedgerPart): T[][] =>
      Array.from(
        { length: pointsOf(part, options) },
        () => Array.from({ length: options.instances }, () => results[next++] as T),
      );
    const peaks = take<Peaks>("peaks").map((perInstance, k) => ({
      scale: ANCHOR_SCALES[k]!,
      peaks: meanPeaks(perInstance),
    }));
    const found = pickAnchorScale((scale) => peaks[ANCHOR_SCALES.indexOf(scale)]!.peaks);
    const anchor = combineAnchor(options, found, take<AnchorInstance>("anchor"));
    const fold = (figure: PairedFigure) => {
      const panels = anchorDeltaPanels(options, found.scale, figure);
      return take<PairedDeltaRatios>(figure).flatMap((ratios, k) =>
        foldPairedDelta(panels[k]!, ratios)
      );
    };
    const fig6 = fold("fig6");
    const fig7 = fold("fig7");
    return { draw, peaks, anchor, deltas: { scale: found.scale, fig6, fig7 } };
  });
  return { readings };
}

/**
 * Installs assembled sweeps into the memos of `peaksAt`, `anchorRegime` and `anchorDeltaSweeps`
 * under the options the ledger (and notebook 01) call them with.
 *
 * @param params mode and seed the sweeps were computed for
 * @param sweeps {@link assemblePpmLedgerSweeps}'s result (or the same read back from JSON)
 * @param instances the instance override the units were listed with
 * @throws {ParameterError} when `sweeps` has no `readings` array
 */
export function primePpmLedger(params: RunParams, sweeps: unknown, instances?: number): void {
  const { readings } = sweeps as PpmLedgerSweeps;
  requireArray("sweeps.readings", readings, "the readings of assemblePpmLedgerSweeps");
  for (const reading of readings) {
    const options = optionsOf(params, requireOneOf("draw", reading.draw, JOB_DRAWS), instances);
    for (const { scale, peaks } of reading.peaks) seedPeaks(options, scale, peaks);
    seedAnchorRegime(options, reading.anchor);
    seedAnchorDeltaSweeps(options, reading.deltas);
  }
}

/** The `ppm` adapter: the work of PPM's claims ledger. */
export const ppmAdapter: SweepAdapter = {
  units: ppmLedgerUnits,
  run: (config) => runPpmUnit(config as PpmUnitConfig),
  assemble: assemblePpmLedgerSweeps,
  prime: primePpmLedger,
};
