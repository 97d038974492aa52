/**
 * Claims ledger of the ppm reproduction (see lib/core/claims.ts). Every Section 6 claim is
 * measured at paper size (N = 4000, T = 3600; 2 instances per point in quick mode, 50 in paper
 * mode) and states its regime in `reading`: which reading of how the 4000 jobs are drawn (random
 * subsample of a window, or consecutive jobs; the random reading keeps the plain ids, the other
 * is `ppm.consecutive-*`) and which duration factor. PPM-MP's saturation is measured at recorded
 * durations; the other Fig. 4-5 statements in the reading's anchor regime (the factor at which
 * PPM-MP saturates, the paper's own Fig. 4(b) anchor; `anchorRegime`); the δ statements of
 * Fig. 6-7 from paired welfare in the random reading's anchor regime (`anchorDeltaSweeps`, no
 * offline optimum). All of it is memoised by configuration, shared with the notebook, and no
 * claim solves an LP (the Lagrangian bracket certifies W_opt).
 *
 * @module
 */
import {
  atLeast,
  atMost,
  type ClaimSpec,
  equals,
  type Evidence,
  inRange,
  type MeasuredClaimSpec,
  within,
} from "../../core/claims.ts";
import { requireRunParams, type RunParams } from "../../core/params.ts";
import { powerCost } from "./cost.ts";
import { alphaMin, alphaS, alphaStarOf, criticalThreshold, cSRatio, uS } from "./power_theory.ts";
import { h2EndPrice, numericLowerBound1 } from "./shooting.ts";
import { adversarialRatio } from "./worst_case.ts";
import { designPricing } from "./general_design.ts";
import { CBAR_CPU, SECTION6 } from "./experiments.ts";
import { JOB_DRAWS, type JobDraw } from "./arrivals.ts";
import { type AnchorOptions, anchorRegime, ledgerAnchorOptions, peaksAt } from "./anchor_regime.ts";
import { anchorDeltaSweeps, type PairedDeltaRow } from "./paired_delta.ts";

const PAPER = "ppm";

/** The two readings of how the paper's 4000 jobs are drawn from the trace. */
const REGIME: Record<JobDraw, string> = {
  random: "random reading (N jobs drawn at random from one seeded 10-hour trace window)",
  consecutive: "consecutive reading (N consecutive trace jobs from a seeded random first job)",
};

/** Anchor factors found with seed 1 (stated in the readings; anchorScale). */
const ANCHOR_FOUND: Record<JobDraw, string> = {
  random: "×2 in quick mode, ×4 in paper mode, seed 1",
  consecutive: "×1 in quick mode, ×2 in paper mode where PPM-MP peaks at 0.989 at ×1, seed 1",
};

/**
 * The Section 6 statements of Fig. 4-5 for one reading: PPM-MP's saturation at recorded
 * durations, and the others in the reading's anchor regime (durations × the factor at which
 * PPM-MP saturates). The random reading keeps the plain ids; the other is prefixed.
 */
function readingClaims(draw: JobDraw, options: AnchorOptions, size: string): ClaimSpec[] {
  const id = (name: string) => draw === "random" ? `ppm.${name}` : `ppm.${draw}-${name}`;
  const twin = (name: string) => draw === "random" ? `ppm.consecutive-${name}` : `ppm.${name}`;
  const anchored = () => anchorRegime(options);
  const recorded = `Regime: ${REGIME[draw]}, recorded durations (×1); ${size}`;
  const anchor = `Regime: ${
    REGIME[draw]
  }, in its anchor regime: durations × the smallest of 1, 2, 4, 8 at which PPM-MP's mean peak reaches 0.99 at p̄ = 2c̄, Case UE (the paper's Fig. 4(b) anchor; ${
    ANCHOR_FOUND[draw]
  }; anchorScale); ${size}`;
  const base = { paper: PAPER, evidence: "independent" as Evidence };
  const specs: MeasuredClaimSpec[] = [
    {
      ...base,
      id: id("mp-saturates"),
      where: "Section 6.2, Fig. 4(b)",
      statement: "PPM-MP depletes the CPU capacity (100% utilisation) at p̄ = 2c̄",
      paperValue: 1,
      rule: within({ abs: 0.02 }),
      explanation: draw === "random"
        ? "Under the random reading the offered load at recorded durations is lighter than the paper's (offered CPU peak ≈ 0.6 of capacity with the mid-size bundle; PPM-MP peaks at ≈ 0.95 in quick mode and 0.76 in paper mode, seed 1); PPM-MP saturates from durations ×2 (quick) / ×4 (paper mode; loadReadings). Under the consecutive reading it saturates at recorded durations (ppm.consecutive-mp-saturates), so the paper's Fig. 4(b) regime is what 4000 consecutive jobs give."
        : "Under the consecutive reading 4000 jobs arrive within a few hours, a heavier load than the random reading's; where PPM-MP falls short of saturation at recorded durations the anchor regime raises durations (loadReadings).",
      reading: `${recorded}. The other reading: ${twin("mp-saturates")}`,
      source: "peaksAt(options, 1) (mean peak CPU utilisation, Case UE)",
      measure: () => peaksAt(options, 1).mp,
    },
    {
      ...base,
      id: id("op-peak-85"),
      where: "Section 6.2, Fig. 4(b)",
      statement: "PPM-OP reaches about 85% maximum CPU utilisation at p̄ = 2c̄",
      paperValue: 0.85,
      rule: within({ abs: 0.05 }),
      explanation:
        `PPM-OP's peak rises with the load (loadReadings: ≈ 0.75 → 0.90 from ×1 to ×8 under the random reading, ≈ 0.90 → 1.00 under the consecutive one, quick mode, seed 1), so it is near 85 % only in a band of loads; the ${
          REGIME[draw]
        } in its anchor regime gives the measured value (the other reading: ${
          twin("op-peak-85")
        }). Without the raw Google 2011 trace the jobs come from the calibrated synthetic stand-in (data/trace_stats.json), fitted to the trace's summary statistics only, and the peak then measures the substitute workload.`,
      reading: anchor,
      source: "anchorRegime(options).peaks.op",
      measure: async () => (await anchored()).peaks.op,
    },
    {
      ...base,
      id: id("tp-reserves-40"),
      where: "Section 6.2, Fig. 4(b)",
      statement:
        "PPM-TP keeps over 40% of the CPU capacity free (peak utilisation ≤ 0.6) at p̄ = 2c̄",
      paperValue: 0.6,
      rule: atMost(),
      evidence: "calibrated" as const,
      explanation:
        "The default PPM-TP second segment (`reserve`) was chosen to reach p̄ at y = 0.6, i.e. to reproduce this statement, yet the peak exceeds 0.6: a customer pays the sum of per-slot prices over her stay, so she is admitted into slots priced above p̄ when the rest of her stay is cheap. No exponential second segment of this kind keeps every slot at ≤ 0.6 without a near-vertical price wall; `reserve` keeps ≈ 33 % of the capacity free under the random reading, ≈ 28 % under the consecutive one (quick mode, seed 1) (the steeper variants less, `geometric`/`linear` saturate; twiceIndexRanking).",
      reading: `${anchor}. The other reading: ${twin("tp-reserves-40")}`,
      source: "anchorRegime(options).peaks.tp",
      measure: async () => (await anchored()).peaks.tp,
    },
    {
      ...base,
      id: id("ee-op-beats-tp-15pct"),
      where: "Section 6.2, Fig. 5(a)",
      statement:
        "In Case EE PPM-OP outperforms PPM-TP by more than 15% on average (paired W_OP/W_TP − 1 over p̄ ∈ {1, 3, 6, 9}c̄)",
      paperValue: 0.15,
      rule: atLeast(),
      explanation: draw === "random"
        ? "The gap grows with the load: at recorded durations capacity rarely binds and the gap is small (load study); in the anchor regime it is ≈ 8 % at c̄ and 28-42 % at 3c̄-9c̄ (quick mode, seed 1)."
        : "Under the consecutive reading the anchor regime is the recorded durations, where the jobs are denser than in any random window: PPM-OP itself fills the CPU at p̄ ≥ 3c̄ in Case EE and so does PPM-TP, so the reserve PPM-TP keeps costs less; the paired gap is ≈ 2-12 % per p̄ (quick mode, seed 1), positive (PPM-OP ahead) but below 15 %.",
      reading:
        `${anchor}; on shared instances ER_TP/ER_OP = W_OP/W_TP, so no offline bound is needed. With the earlier \`geometric\` PPM-TP reconstruction the sign flips under load (twiceIndexRanking), so the verdict holds for the \`reserve\` reading pinned by Sec. 6.1. The other reading: ${
          twin("ee-op-beats-tp-15pct")
        }`,
      source: "anchorRegime(options).eeGap",
      measure: async () => (await anchored()).eeGap,
    },
    {
      ...base,
      id: id("er-op-ue-range"),
      where: "Section 6.2, Fig. 4(a)",
      statement:
        "PPM-OP's ER in Case UE lies roughly in 1.12-1.22 (checked at p̄ = 2c̄; upper end of the certified bracket)",
      paperValue: [1.12, 1.22],
      rule: inRange(0.02),
      explanation:
        `In the regime where PPM-MP saturates as in the paper's Fig. 4(b), PPM-OP is within ≈ 6-8 % of the certified offline optimum (Lagrangian bracket, width < 0.1 %; quick mode, seed 1); at the lighter loads of recorded durations it is closer still (load study). In paper mode (50 instances, seed 1) the anchor regimes are heavier (random ×4, consecutive ×2) and the mean upper ends are 1.128 (random) and 1.106 (consecutive), at the lower end of the paper's range. The other reading: ${
          twin("er-op-ue-range")
        }.`,
      reading: anchor,
      source: "anchorRegime(options).erOp (cachedBracket, Lagrangian)",
      measure: async () => (await anchored()).erOp.high,
    },
    {
      ...base,
      id: id("ee-op-below-1.4"),
      where: "Section 6.2, Fig. 5(a)",
      statement:
        "In Case EE the ERs of PPM-OP stay below 1.4 (largest over p̄ ∈ {1, 3, 6, 9}c̄ of the upper end of the mean certified bracket)",
      paperValue: 1.4,
      rule: atMost(),
      explanation: draw === "random"
        ? "PPM-OP's Case EE ratio grows with the load: in quick mode (anchor ×2) the largest mean ER is ≈ 1.31, at p̄ = c̄ (≈ 1.09-1.13 at 3c̄-9c̄); in paper mode (50 instances, anchor ×4, seed 1) it is 1.48, above the paper's 1.4."
        : "Under the consecutive reading PPM-OP saturates the CPU at p̄ ≥ 3c̄ in Case EE and its ER reaches ≈ 1.5 at 6c̄-9c̄ (≈ 1.3 at c̄; quick mode, seed 1), above the paper's 1.4; PPM-TP's is higher still (≈ 1.6), so the ranking of Fig. 5(a) holds but not the level.",
      reading: `${anchor}. The other reading: ${twin("ee-op-below-1.4")}`,
      source: "anchorRegime(options).erOpEe (cachedBracket, Lagrangian)",
      measure: async () => (await anchored()).erOpEe.high,
    },
  ];
  return specs.map((spec) => ({ ...spec, statement: `${spec.statement} [${draw} reading]` }));
}

/** Claim declarations of this paper. */
export function claims(params: RunParams): ClaimSpec[] {
  requireRunParams("params", params);
  const instances = ledgerAnchorOptions(params, "random").instances;
  const regimeOptions = (draw: JobDraw) => ledgerAnchorOptions(params, draw);
  const size =
    `paper size (N = ${SECTION6.jobs}, T = ${SECTION6.slots}), ${instances} instances per point (${params.mode} mode)`;
  const cpu = powerCost(SECTION6.cpu.a, SECTION6.cpu.s);
  const base = { paper: PAPER };
  return [
    {
      ...base,
      id: "ppm.alpha-min-s3",
      where: "Theorem 2 / Theorem 3 (Eq. 17)",
      statement:
        "For s = 3 the smallest α with an increasing solution of H1(u, α), u ≥ u_s, is α_s^min = s^{s/(s−1)}",
      paperValue: alphaMin(3),
      rule: within({ rel: 2e-3 }),
      evidence: "independent",
      source: "numericLowerBound1 (RK45 shooting towards y = 0, u = 0.8) vs the closed form",
      measure: () => numericLowerBound1(cpu, 0.8, 1e-4),
    },
    {
      ...base,
      id: "ppm.alpha-s-small-u",
      where: "Theorem 3 (Eq. 17-18)",
      statement: "For u < u_s the lower bound is α_s(u) = (s−1)/(u − u^s); s = 3, u = 0.3",
      paperValue: alphaS(3, 0.3),
      rule: within({ rel: 2e-3 }),
      evidence: "independent",
      source: "numericLowerBound1 by shooting",
      measure: () => numericLowerBound1(cpu, 0.3, 1e-4),
    },
    {
      ...base,
      id: "ppm.u-s-continuity",
      where: "Section 4.2.2, below Theorem 3",
      statement: "α_s(u_s) = α_s^min, so α̲_1 is continuous (s = 3)",
      paperValue: alphaMin(3),
      rule: within({ rel: 1e-12 }),
      evidence: "arithmetic",
      measure: () => alphaS(3, uS(3)),
    },
    {
      ...base,
      id: "ppm.cbar-cpu",
      where: "Section 6.1",
      statement: "c̄_cpu = a_cpu·s_cpu ≈ 0.67",
      paperValue: 0.67,
      rule: within({ abs: 0.005 }),
      evidence: "arithmetic",
      measure: () => CBAR_CPU,
    },
    {
      ...base,
      id: "ppm.cbar-ram",
      where: "Section 6.1",
      statement: "c̄_ram = a_ram·s_ram ≈ 1.01e-5",
      paperValue: 1.01e-5,
      rule: within({ rel: 0.01 }),
      evidence: "arithmetic",
      measure: () => SECTION6.ram.a * SECTION6.ram.s,
    },
    {
      ...base,
      id: "ppm.cs-closed-vs-ode",
      where: "Eq. 22, Appendix D",
      statement:
        "C_s/c̄ from Eq. 22 equals φ(1) of the H2 ODE started at φ(u_s) = c̄ with α_s^min (s = 3)",
      paperValue: cSRatio(3),
      rule: within({ rel: 1e-9 }),
      evidence: "independent",
      source: "RK45 integration of Eq. 16b",
      measure: () => h2EndPrice(cpu, alphaMin(3), uS(3)) / cpu.cBar,
    },
    {
      ...base,
      id: "ppm.cs-ratio",
      where: "Section 6.2 (Fig. 4 text, Fig. 6 text)",
      statement: "C_s ≈ 6.28·c̄_cpu for s_cpu = 3",
      paperValue: 6.28,
      rule: within({ rel: 0.01 }),
      evidence: "arithmetic",
      explanation:
        "Eq. 22 gives C_3 = 4.789·c̄ (3.20 with c̄ = 0.669), confirmed independently by integrating the H2 ODE (claim ppm.cs-closed-vs-ode) and by the numerically designed φ switching from α_min to α > α_min exactly there. None of the misreadings we tried (regularised or upper incomplete gamma, other integration limits, s^s vs α^s) gives 6.28; the paper's 4.21 is numerically our C_s + 1.00 (3.208 + 1 with c̄ = 0.67), which suggests an arithmetic slip, but we cannot verify that. Consequence: the HUC1/HUC2 boundary is at p̄ ≈ 4.79c̄, not 6.28c̄.",
      source: "cSRatio(3)",
      measure: () => cSRatio(3),
    },
    {
      ...base,
      id: "ppm.cs-absolute",
      where: "Section 6.2",
      statement: "C_s ≈ 4.21 (absolute, CPU)",
      paperValue: 4.21,
      rule: within({ rel: 0.01 }),
      evidence: "arithmetic",
      explanation: "Same cause as ppm.cs-ratio: Eq. 22 gives 4.789·0.669 = 3.20.",
      measure: () => cSRatio(3) * CBAR_CPU,
    },
    {
      ...base,
      id: "ppm.delta-threshold-huc1",
      where: "Section 6.2, Fig. 6(c-d) text",
      statement: "PPM-OP is insensitive to δ while δ < C_s/p̄ − 1 ≈ 1.1 at p̄ = 3c̄",
      paperValue: 1.1,
      rule: within({ abs: 0.05 }),
      evidence: "arithmetic",
      explanation:
        "Follows from ppm.cs-ratio: with C_s = 4.789c̄ the design switches to HUC2 at δ = 4.789/3 − 1 = 0.596.",
      measure: () => cSRatio(3) / 3 - 1,
    },
    {
      ...base,
      id: "ppm.eq28-boundary",
      where: "Theorem 5, Eq. 28 (and Eq. 106)",
      statement:
        "Eq. 28 as printed (lower limit 1/m) makes φ_m reach p̄ at m (LUC, s = 3, p̄ = 0.5c̄, m = 0.6)",
      paperValue: true,
      rule: equals(),
      evidence: "arithmetic",
      explanation:
        "With lower limit 1/m the scaled price at y = m is 1, i.e. φ_m(m) = c̄ > p̄, and for m < u_s the solution does not even reach φ(0) = 0. Integrating the LUC ODE backwards from φ(m) = p̄ (and the special case φ_w = s·f', which has φ_w(w) = p̄) shows the lower limit must be v/m. The library implements the corrected form (tests check φ_m(m) = p̄ and φ_m(0+) = 0).",
      source:
        "at y = m the printed relation has χ(m) = 1/m (zero-length integral), so φ_m(m) = c̄(m·χ)^{s−1}",
      measure: () => {
        const s = 3;
        const m = 0.6;
        const printedAtM = (m * (1 / m)) ** (s - 1); // in units of c̄
        return Math.abs(printedAtM - 0.5) < 1e-6;
      },
    },
    {
      ...base,
      id: "ppm.multiple-index-factor",
      where: "Section 4.5 (Pricing at Multiple-the-Index)",
      statement: "The factor s^{1/(s−1)} lies in the interval printed as (e, 1)",
      paperValue: "(e, 1)",
      rule: equals(),
      evidence: "arithmetic",
      explanation:
        "s^{1/(s−1)} decreases from e (s → 1) to 1 (s → ∞), so the interval is (1, e); the printed endpoints are swapped (typo).",
      measure: () => {
        const near1 = 1.000001 ** (1 / 0.000001);
        const large = 1e6 ** (1 / (1e6 - 1));
        return near1 < Math.E && large > 1 ? "(1, e)" : "other";
      },
    },
    {
      ...base,
      id: "ppm.footnote3-factor",
      where: "Section 6.1, footnote 3",
      statement: "f'(2y) = 2^s·f'(y) for f = a·y^s (checked at s = 3: factor 8)",
      paperValue: 8,
      rule: within({ rel: 1e-9 }),
      evidence: "arithmetic",
      explanation:
        "f'(2y) = 2^{s−1}·f'(y) (factor 4 at s = 3). The footnote's conclusion (φ_w = s·f' is more aggressive than f'(2y)) holds iff s ≤ 2^{s−1}, i.e. for s ≥ 2; for s ∈ (1, 2), e.g. RAM's s = 1.2, s·f' is the more conservative one.",
      measure: () => cpu.marginal(0.6) / cpu.marginal(0.3),
    },
    {
      ...base,
      id: "ppm.adversarial-ratio",
      where: "Eq. 13 (Section 3.2)",
      statement:
        "On the adversarial instance behind Eq. 13 the optimal φ_w attains exactly α_s^min (s = 3, p̄ = 0.5c̄)",
      paperValue: alphaMin(3),
      rule: within({ rel: 1e-4 }),
      evidence: "independent",
      measure: () => adversarialRatio({ a: SECTION6.cpu.a, s: 3, pbar: 0.5 * CBAR_CPU }),
    },
    {
      ...base,
      id: "ppm.alpha-star-huc2-numeric",
      where: "Corollary 2, Proposition 2 (HUC2)",
      statement:
        "α_* = α_s(u_cdt) for p̄ = 9c̄_cpu equals the α found by the numerical design (Algorithm 2)",
      paperValue: alphaStarOf(3, 9),
      rule: within({ rel: 1e-3 }),
      evidence: "independent",
      source: "designPricing (shooting), independent of Eq. 19/22",
      measure: () => designPricing(cpu, 9 * CBAR_CPU, 1e-4).alpha,
    },
    {
      ...base,
      id: "ppm.ucdt-huc1-numeric",
      where: "Proposition 2 (HUC1)",
      statement: "u_cdt for p̄ = 3c̄_cpu from Proposition 2 equals the numerical design's threshold",
      paperValue: criticalThreshold(3, 3),
      rule: within({ rel: 2e-3 }),
      evidence: "independent",
      measure: () => designPricing(cpu, 3 * CBAR_CPU, 1e-4).u!,
    },
    ...JOB_DRAWS.flatMap((draw) => readingClaims(draw, regimeOptions(draw), size)),
    ...JOB_DRAWS.flatMap((draw) => deltaClaims(draw, regimeOptions(draw), size)),
  ];
}

/**
 * The δ statements of Fig. 6-7 for one reading, in its anchor regime, from paired welfare
 * (`anchorDeltaSweeps`). The random reading keeps the plain ids, the other is prefixed.
 */
function deltaClaims(draw: JobDraw, options: AnchorOptions, size: string): MeasuredClaimSpec[] {
  const id = (name: string) => draw === "random" ? `ppm.${name}` : `ppm.${draw}-${name}`;
  const twin = (name: string) => draw === "random" ? `ppm.consecutive-${name}` : `ppm.${name}`;
  const switchDelta = cSRatio(3) / 3 - 1;
  const deltas = () => anchorDeltaSweeps(options);
  const deltaRegime = `Regime: ${REGIME[draw]}, in its anchor regime (${
    ANCHOR_FOUND[draw]
  }; anchorScale); ${size}; judged from paired welfare on the same instances (ER(δ)/ER(0) − 1 = W(0)/W(δ) − 1, no offline optimum; anchorDeltaSweeps)`;
  const base = { paper: PAPER };
  const specs: MeasuredClaimSpec[] = [
    {
      ...base,
      id: id("fig6-op-flat-below-switch"),
      where: "Section 6.2, Fig. 6(a)-(d)",
      statement:
        "PPM-OP's ER does not depend on δ while p̄(1+δ) ≤ C_s: every δ at p̄ = c̄ (LUC) and δ ≤ C_s/p̄ − 1 at p̄ = 3c̄ (HUC1), Cases UI and EI (measured: largest max−min over those δ of the mean paired ER(δ)/ER(0) − 1)",
      paperValue: 0,
      rule: within({ abs: 1e-9 }),
      evidence: "independent",
      reading: deltaRegime,
      source: `anchorDeltaSweeps; C_s/p̄ − 1 = ${
        switchDelta.toFixed(3)
      } at p̄ = 3c̄ (ours; the paper: 1.1, see ppm.delta-threshold-huc1)`,
      measure: () => {
        const rows = deltas().fig6;
        const groups = [
          ...["Case UI", "Case EI"].map((row) => ({ row, column: "p̄ = c̄ (LUC)", upTo: Infinity })),
          ...["Case UI", "Case EI"].map((row) => ({
            row,
            column: "p̄ = 3c̄ (HUC1)",
            upTo: switchDelta,
          })),
        ];
        return Math.max(
          ...groups.map((g) =>
            spread(panel(rows, g.row, g.column, "PPM-OP").filter((r) => r.x <= g.upTo))
          ),
        );
      },
    },
    {
      ...base,
      id: id("fig6-tp-luc-flat"),
      where: "Section 6.2, Fig. 6(a)-(b)",
      statement:
        "PPM-TP's ER is insensitive to δ at p̄ = c̄ (LUC), Cases UI and EI (quantified here: max−min over δ ∈ [−0.8, 2.4] of the mean paired ER(δ)/ER(0) − 1 at most 0.005)",
      paperValue: 0,
      rule: within({ abs: 0.005 }),
      evidence: "independent",
      explanation:
        `In the paper's load regime the CPU utilisation passes 0.5, where PPM-TP posts its second segment, and every reconstruction of that segment (the paper gives none; ours rises from c̄ to max(p̄(1+δ), c̄)) depends on δ for δ > 0: PPM-TP's ER worsens by up to ${
          draw === "random"
            ? "≈ 2 % in Case EI (≈ 0.4 % in Case UI)"
            : "≈ 13 % in Case EI (≈ 3 % in Case UI)"
        } at δ = 2.4 (quick mode, seed 1). The paper's argument (only the δ-free first segment f'(2y) matters at p̄ = c̄) holds only while y ≤ 0.5, i.e. at the lighter load of random windows at recorded durations, where the spread is 0.`,
      reading: deltaRegime,
      source: "anchorDeltaSweeps",
      measure: () => {
        const rows = deltas().fig6;
        return Math.max(
          ...["Case UI", "Case EI"].map((row) => spread(panel(rows, row, "p̄ = c̄ (LUC)", "PPM-TP"))),
        );
      },
    },
    {
      ...base,
      id: id("fig6-op-huc2-overestimate"),
      where: "Section 6.2, Fig. 6(e)-(f)",
      statement:
        "At p̄ = 9c̄ (HUC2) PPM-OP benefits from over-estimating p̄ for moderate δ (up to ≈ 1.6 in Case UI, 1.2 in Case EI): measured min over 0 < δ ≤ 1.2 of the mean paired ER(δ)/ER(0) − 1, the larger of the two cases (paper: < 0)",
      paperValue: 0,
      rule: atMost(),
      evidence: "independent",
      explanation:
        `The benefit depends on how the jobs are drawn. Under the random reading, even in its anchor regime (durations ×2, PPM-MP saturating), the pricing designed for p̄(1 + δ) with δ > 0 gives lower welfare than the exact design on the same instances in both HUC2 panels (ER up ≈ 0.4-0.6 % at δ = 0.4; quick mode, seed 1): the capacity it holds back is not worth the customers it turns away. Under the consecutive reading (recorded durations, denser arrivals) over-estimating helps as the paper says (ER down ≈ 5 % in Case UI, 12-17 % in Case EI for δ ∈ [0.8, 2.4]); ${
          twin("fig6-op-huc2-overestimate")
        } is the other reading.`,
      reading: deltaRegime,
      source: "anchorDeltaSweeps",
      measure: () => {
        const rows = deltas().fig6;
        return Math.max(
          ...["Case UI", "Case EI"].map((row) =>
            improvement(panel(rows, row, "p̄ = 9c̄ (HUC2)", "PPM-OP"), 1.2)
          ),
        );
      },
    },
    {
      ...base,
      id: id("fig6-tp-deteriorates"),
      where: "Section 6.2, Fig. 6(c)-(f)",
      statement:
        "PPM-TP's ER deteriorates with δ in HUC1 and HUC2 (measured: smallest over the four HUC1/HUC2 panels of the mean paired ER(2.4)/ER(0) − 1; paper: > 0)",
      paperValue: 0,
      rule: atLeast(),
      evidence: "independent",
      reading:
        `${deltaRegime}. The paper adds that PPM-OP's ER slightly worsens past δ ≈ 1.1 in HUC1; with our C_s the HUC1 design switches at δ = ${
          switchDelta.toFixed(3)
        } (ppm.delta-threshold-huc1) and PPM-OP's ER moves from there: it worsens under the random reading, and under the consecutive one it first improves by a few percent (Case EI) before worsening (Case UI; notebook table). With random windows at recorded durations PPM-TP never posts its second segment and this statement cannot be tested.`,
      source: "anchorDeltaSweeps",
      measure: () => {
        const rows = deltas().fig6;
        return Math.min(
          ...["Case UI", "Case EI"].flatMap((row) =>
            ["p̄ = 3c̄ (HUC1)", "p̄ = 9c̄ (HUC2)"].map((column) =>
              erAt(panel(rows, row, column, "PPM-TP"), 2.4)
            )
          ),
        );
      },
    },
    {
      ...base,
      id: id("fig7-sigma1-worsens"),
      where: "Section 6.2, Fig. 7(a)",
      statement:
        "With σ = 1 PPM-OP's ER gets worse as δ > 0 grows (measured: mean paired ER(2.4)/ER(0) − 1, paper: > 0)",
      paperValue: 0,
      rule: atLeast(),
      evidence: "independent",
      reading:
        `${deltaRegime}. Under the random reading the ER rises with δ for every σ, so the agreement singles out σ = 1 only under the consecutive reading (ppm.consecutive-fig7-larger-sigma-improves-first)`,
      source: "anchorDeltaSweeps",
      measure: () => erAt(deltas().fig7.filter((r) => r.column === "σ = 1"), 2.4),
    },
    {
      ...base,
      id: id("fig7-larger-sigma-improves-first"),
      where: "Section 6.2, Fig. 7(b)-(c)",
      statement:
        "With σ = 2 and σ = 10 PPM-OP's ER first improves as δ > 0 grows (measured: min over δ > 0 of the mean paired ER(δ)/ER(0) − 1, the larger of the two σ; paper: < 0)",
      paperValue: 0,
      rule: atMost(),
      evidence: "independent",
      explanation:
        `Reading-dependent, as ppm.fig6-op-huc2-overestimate: under the random reading (anchor regime, durations ×2) over-estimating p̄ lowers PPM-OP's welfare for every σ (ER up ≈ 0.7 % at δ = 0.4 for σ = 10, ≈ 1.6 % for σ = 2; quick mode, seed 1) — smaller for larger σ, the paper's direction, but never an improvement; under the consecutive reading the ER first improves for σ = 2 (≈ −1.6 % at δ = 0.4) and σ = 10 (≈ −8.7 % at δ = 1.2) and worsens for σ = 1, as in the paper's Fig. 7; in paper mode (50 instances, anchor ×2) the improvement for σ = 2 vanishes (+0.2 %), so the verdict there is a discrepancy on σ = 2 only. The other reading: ${
          twin("fig7-larger-sigma-improves-first")
        }.`,
      reading: deltaRegime,
      source: "anchorDeltaSweeps",
      measure: () => {
        const rows = deltas().fig7;
        return Math.max(
          ...["σ = 2", "σ = 10"].map((column) =>
            improvement(rows.filter((r) => r.column === column), Infinity)
          ),
        );
      },
    },
  ];
  return specs.map((spec) => ({ ...spec, statement: `${spec.statement} [${draw} reading]` }));
}

/** Rows of one Fig. 6 sub-figure and mechanism. */
function panel(rows: readonly PairedDeltaRow[], row: string, column: string, mechanism: string) {
  return rows.filter((r) => r.row === row && r.column === column && r.mechanism === mechanism);
}

/** max − min of the mean paired ER change over rows. */
function spread(rows: readonly PairedDeltaRow[]): number {
  const changes = rows.map((r) => r.erChange);
  return Math.max(...changes) - Math.min(...changes);
}

/** Mean paired ER(δ)/ER(0) − 1 of the row at x = δ. */
function erAt(rows: readonly PairedDeltaRow[], delta: number): number {
  const row = rows.find((r) => Math.abs(r.x - delta) < 1e-12);
  if (!row) throw new Error(`no sweep row at δ = ${delta}`);
  return row.erChange;
}

/** min over 0 < δ ≤ upTo of ER(δ)/ER(0) − 1 (negative: over-estimation helps). */
function improvement(rows: readonly PairedDeltaRow[], upTo: number): number {
  return Math.min(...rows.filter((r) => r.x > 0 && r.x <= upTo).map((r) => r.erChange));
}
