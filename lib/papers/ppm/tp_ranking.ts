/**
 * PPM-OP vs PPM-TP under load, per reconstruction of PPM-TP's second segment: paired welfare on
 * the same instances (no offline optimum needed — on a shared instance ER_TP/ER_OP = W_OP/W_TP),
 * with the peak CPU utilisation of each mechanism, so the "> 40 % capacity kept free when PPM-MP
 * saturates" reading of Fig. 4(b) can be checked per variant.
 *
 * @example
 * ```ts
 * import { twiceIndexRanking } from "./tp_ranking.ts";
 * const rows = twiceIndexRanking({ case: "UE", pbarMultiple: 2, scales: [1], jobs: 40, slots: 60,
 *   instances: 1, seed: 1, jobSource: "synthetic" });
 * ```
 *
 * @module
 */
import {
  requireInteger,
  requireNonEmpty,
  requireObject,
  requirePositive,
} from "../../core/validate.ts";
import { TWICE_INDEX_VARIANTS, type TwiceIndexVariant } from "./baselines.ts";
import { buildInstance, CBAR_CPU, type ValueCase } from "./experiments.ts";
import { pricingFunctions, runPosted } from "./mechanism.ts";

/** Options of {@link twiceIndexRanking}. */
export interface RankingOptions {
  /** value case of Section 6 */
  readonly case: ValueCase;
  /** p̄ as a multiple of c̄_cpu. */
  readonly pbarMultiple: number;
  /** Duration factors (load axis). */
  readonly scales: readonly number[];
  /** jobs per instance */
  readonly jobs: number;
  /** slots per instance */
  readonly slots: number;
  /** instances per (variant, scale) point */
  readonly instances: number;
  /** Instance i uses seed·1000 + i at every scale (paired across scales and variants). */
  readonly seed: number;
  /** `"synthetic"` forces the calibrated stand-in of the trace */
  readonly jobSource?: "trace" | "synthetic";
}

/** One (variant, load) point. */
export interface RankingRow {
  /** the PPM-TP pricing variant */
  readonly variant: TwiceIndexVariant;
  /** duration factor (load axis) */
  readonly scale: number;
  /** Mean of W_OP/W_TP − 1 (> 0: PPM-OP better). */
  readonly gap: number;
  /** Share of instances with W_OP > W_TP. */
  readonly opWins: number;
  /** mean peak CPU utilisation of PPM-OP */
  readonly peakOp: number;
  /** mean peak CPU utilisation of this PPM-TP variant */
  readonly peakTp: number;
  /** mean peak CPU utilisation of PPM-MP */
  readonly peakMp: number;
}

/**
 * Runs PPM-OP, PPM-MP and every PPM-TP variant on the same instances at each load.
 *
 * @param options case, p̄, load grid, sizes, instance count and seed
 * @returns one row per variant and scale, means over the instances
 * @throws {ParameterError} on an empty grid, non-positive factors or p̄, or bad sizes
 */
export function twiceIndexRanking(options: RankingOptions): RankingRow[] {
  requireObject("options", options, "ranking options { scales, pbarMultiple, ... }");
  requireNonEmpty("scales", options.scales);
  options.scales.forEach((x, i) => requirePositive(`scales[${i}]`, x));
  requirePositive("pbarMultiple", options.pbarMultiple);
  const instances = requireInteger("instances", options.instances, 1);
  const rows: RankingRow[] = [];
  for (const scale of options.scales) {
    const sums = TWICE_INDEX_VARIANTS.map(() => ({ gap: 0, wins: 0, peak: 0 }));
    let peakOp = 0;
    let peakMp = 0;
    for (let i = 0; i < instances; i++) {
      const { instance } = buildInstance({
        case: options.case,
        pbar: options.pbarMultiple * CBAR_CPU,
        jobs: options.jobs,
        slots: options.slots,
        seed: options.seed * 1000 + i,
        durationScale: scale,
        jobSource: options.jobSource,
      });
      const run = (spec: Parameters<typeof pricingFunctions>[1]) =>
        runPosted(instance, pricingFunctions(instance, spec));
      const peak = (r: ReturnType<typeof run>) => Math.max(...r.utilisation[0]!);
      const op = run({ kind: "optimal" });
      peakOp += peak(op);
      peakMp += peak(run({ kind: "myopic" }));
      TWICE_INDEX_VARIANTS.forEach((variant, v) => {
        const tp = run({ kind: "twice-index", variant });
        sums[v]!.gap += op.welfare / tp.welfare - 1;
        sums[v]!.wins += op.welfare > tp.welfare ? 1 : 0;
        sums[v]!.peak += peak(tp);
      });
    }
    TWICE_INDEX_VARIANTS.forEach((variant, v) => {
      rows.push({
        variant,
        scale,
        gap: sums[v]!.gap / instances,
        opWins: sums[v]!.wins / instances,
        peakOp: peakOp / instances,
        peakTp: sums[v]!.peak / instances,
        peakMp: peakMp / instances,
      });
    });
  }
  return rows;
}
