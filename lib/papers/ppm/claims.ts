/**
 * Claims ledger of the ppm reproduction (see lib/core/claims.ts). Empirical claims of Section 6
 * are measured in quick mode on smaller instances (300 jobs, 270 slots, 2 instances per point),
 * paper mode on the paper's sizes; `source` says which.
 *
 * @module
 */
import { atLeast, atMost, type ClaimSpec, equals, inRange, within } from "../../core/claims.ts";
import { requireRunParams, type RunParams } from "../../core/params.ts";
import { powerCost } from "./cost.ts";
import { alphaMin, alphaS, alphaStarOf, criticalThreshold, cSRatio, uS } from "./power_theory.ts";
import { h2EndPrice, numericLowerBound1 } from "./shooting.ts";
import { adversarialRatio } from "./worst_case.ts";
import { designPricing } from "./general_design.ts";
import { buildInstance, CBAR_CPU, SECTION6, section6Mechanisms } from "./experiments.ts";
import { sweepSizes } from "./figures.ts";
import {
  caseSweep,
  deltaSweepSizes,
  FIG6_DELTAS,
  FIG7_DELTAS,
  figure6Panels,
  figure7Panels,
  runDeltaSweep,
} from "./section6_sweeps.ts";
import type { SweepRow } from "./figures.ts";
import { anchorRegime, type AnchorResult } from "./anchor_regime.ts";
import { type MechanismSpec, pricingFunctions, runPosted } from "./mechanism.ts";

const PAPER = "ppm";

/** Rows of one precomputed Section 6 sweep. */
export interface SweepRows {
  /** One row per (sweep point, mechanism), as the notebook's sweep gives them. */
  readonly rows: readonly SweepRow[];
}

/**
 * The Section 6 sweeps the claims read, computed elsewhere (e.g. merged shards of
 * `deno task sweep`): Cases UE/EE against p̄ and the Fig. 6/7 δ sweeps, for the same mode and seed.
 */
export interface ClaimSweeps {
  /** Case UE (Fig. 4(a)) against p̄. */
  readonly ue: SweepRows;
  /** Case EE (Fig. 5(a)) against p̄. */
  readonly ee: SweepRows;
  /** Fig. 6: ER against the p̄ estimation error δ. */
  readonly fig6: SweepRows;
  /** Fig. 7: ER against δ for PPM-OP alone. */
  readonly fig7: SweepRows;
}

/** p̄/c̄ points of the Case UE/EE sweeps the claims read. */
export const CLAIM_PBAR_MULTIPLES: readonly number[] = [1, 3, 6, 9];

/** Mechanisms of the Fig. 6 sweep the claims read, designed for p̄·(1 + δ). */
export function claimFig6Mechanisms(delta: number): Record<string, MechanismSpec> {
  return {
    "PPM-OP": { kind: "optimal", pbarError: delta },
    "PPM-TP": { kind: "twice-index", pbarError: delta },
  };
}

/** Mechanisms of the Fig. 7 sweep the claims read, designed for p̄·(1 + δ). */
export function claimFig7Mechanisms(delta: number): Record<string, MechanismSpec> {
  return { "PPM-OP": { kind: "optimal", pbarError: delta } };
}

/**
 * Claim declarations of this paper.
 *
 * @param params run mode and seed
 * @param sweeps precomputed Section 6 sweeps (computed here when omitted)
 */
export function claims(params: RunParams, sweeps?: ClaimSweeps): ClaimSpec[] {
  requireRunParams("params", params);
  const sizes = sweepSizes(params.mode);
  const scale = params.mode === "paper"
    ? "paper sizes (N = 4000, T = 3600, 1000 instances)"
    : `quick mode: N = ${sizes.jobs} jobs, T = ${sizes.slots} slots, ${sizes.instances} instances per point`;
  let ue: Promise<SweepRows> | null = null;
  let ee: Promise<SweepRows> | null = null;
  const sweep = (kind: "UE" | "EE") => caseSweep(kind, CLAIM_PBAR_MULTIPLES, sizes, params.seed);
  const ueRows = () => (ue ??= sweeps ? Promise.resolve(sweeps.ue) : sweep("UE"));
  const eeRows = () => (ee ??= sweeps ? Promise.resolve(sweeps.ee) : sweep("EE"));
  const deltaSizes = deltaSweepSizes(params.mode);
  const deltaScale = params.mode === "paper"
    ? scale
    : `quick mode: N = ${deltaSizes.jobs} jobs, T = ${deltaSizes.slots} slots, ${deltaSizes.instances} instances per point, one offline bracket per instance shared by all δ (paired)`;
  let fig6: Promise<SweepRows> | null = null;
  let fig7: Promise<SweepRows> | null = null;
  const fig6Rows = async () =>
    (await (fig6 ??= sweeps ? Promise.resolve(sweeps.fig6) : runDeltaSweep(
      "claims Fig. 6",
      figure6Panels(deltaSizes, params.seed),
      FIG6_DELTAS,
      claimFig6Mechanisms,
      deltaSizes.instances,
    ))).rows;
  const fig7Rows = async () =>
    (await (fig7 ??= sweeps ? Promise.resolve(sweeps.fig7) : runDeltaSweep(
      "claims Fig. 7",
      figure7Panels(deltaSizes, params.seed),
      FIG7_DELTAS,
      claimFig7Mechanisms,
      deltaSizes.instances,
    ))).rows;
  const switchDelta = cSRatio(3) / 3 - 1;
  let utilisation: { op: number; tp: number; mp: number } | null = null;
  const utilisationAt2 = () => (utilisation ??= peaksAt2());
  const peaksAt2 = () => {
    const { instance } = buildInstance({
      case: "UE",
      pbar: 2 * CBAR_CPU,
      jobs: sizes.jobs,
      slots: sizes.slots,
      seed: params.seed,
    });
    const peak = (name: string) =>
      Math.max(
        ...runPosted(instance, pricingFunctions(instance, section6Mechanisms()[name]!))
          .utilisation[0]!,
      );
    return { op: peak("PPM-OP"), tp: peak("PPM-TP"), mp: peak("PPM-MP") };
  };
  const anchorInstances = params.mode === "paper" ? 50 : 2;
  let anchor: AnchorResult | null = null;
  const anchored = () => (anchor ??= anchorRegime({
    jobs: SECTION6.jobs,
    slots: SECTION6.slots,
    instances: anchorInstances,
    seed: params.seed,
  }));
  const anchorScale =
    `anchor regime: paper size (N = ${SECTION6.jobs}, T = ${SECTION6.slots}), ${anchorInstances} instances per point, durations × the smallest of 1, 2, 4, 8 at which PPM-MP saturates at p̄ = 2c̄ (×2 with seed 1; anchorRegime)`;
  const recorded =
    "Regime: recorded durations, N jobs drawn at random from one seeded trace window (the reading of how the 4000 jobs are drawn that we implement; 4000 consecutive jobs is not tested)";
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
    {
      ...base,
      id: "ppm.er-op-ue-range",
      where: "Section 6.2, Fig. 4(a)",
      statement: "PPM-OP's ER in Case UE lies roughly in 1.12-1.22 over p̄ ∈ [c̄, 9c̄]",
      paperValue: [1.12, 1.22],
      rule: inRange(0.02),
      evidence: "independent",
      explanation:
        "Our Google-trace windows give a CPU load at which capacity rarely binds, so every mechanism is within a few percent of the offline optimum (bracket certified by the Lagrangian bound). The paper does not say how its 4000 jobs were drawn from the month-long trace nor how durations map to its 3600 slots; its Fig. 4(b) shows PPM-MP saturating at 100%, i.e. a much heavier load than ours. The notebook's load-sensitivity study (`loadSensitivity`, durations × 1…32, same windows and values; backed by tests/papers/ppm/load_study_test.ts) shows why: at recorded durations the offered CPU demand peaks near 0.3 of capacity and ERs are ≈ 1; raising it past capacity (offered peak ≈ 1.35 in quick mode) lifts PPM-OP's ER only to ≈ 1.05 (UE, p̄ = 2c̄) / 1.08 (EE), still below 1.12. Heavier loads than quick mode can reach (demand ≫ capacity) are left to paper mode; we do not claim the range appears there. Reported value: the largest mean ER (upper end of the bracket) of PPM-OP over the sweep.",
      reading: `${recorded}; the same statement in the paper's load regime is ppm.anchor-er-op-ue`,
      source: scale,
      measure: async () =>
        Math.max(
          ...(await ueRows()).rows.filter((r) => r.mechanism === "PPM-OP").map((r) => r.erHigh),
        ),
    },
    {
      ...base,
      id: "ppm.ee-op-below-1.4",
      where: "Section 6.2, Fig. 5(a)",
      statement: "In Case EE the ERs of PPM-OP stay below 1.4",
      paperValue: 1.4,
      rule: atMost(),
      evidence: "independent",
      reading:
        `${recorded}; not re-measured in the paper's load regime (the anchor regime brackets Case UE at 2c̄ only)`,
      source: scale,
      measure: async () =>
        Math.max(
          ...(await eeRows()).rows.filter((r) => r.mechanism === "PPM-OP").map((r) => r.erHigh),
        ),
    },
    {
      ...base,
      id: "ppm.ee-op-beats-tp-15pct",
      where: "Section 6.2, Fig. 5(a)",
      statement:
        "In Case EE PPM-OP outperforms PPM-TP by more than 15% on average (mean of ER_TP/ER_OP − 1)",
      paperValue: 0.15,
      rule: atLeast(),
      evidence: "independent",
      explanation:
        "At our (lighter) load all ERs are close to 1, so the relative gap is small; the sign agrees (PPM-OP ≤ PPM-TP). The notebook's load-sensitivity study (`loadSensitivity`, durations × 1…32, same windows and values; backed by tests/papers/ppm/load_study_test.ts) shows why: with the default (`reserve`) PPM-TP the exact gap W_OP/W_TP − 1 grows with load, stays below 15% while the offered CPU peak is below capacity and exceeds it beyond (≈ 24-30% at offered peak 1.1-1.3); at paper size in the paper's load regime it is ≈ 29% (ppm.anchor-ee-op-beats-tp-15pct). The gap depends on the reconstructed second segment of PPM-TP (see that claim's reading).",
      reading:
        `${recorded}; the same statement in the paper's load regime is ppm.anchor-ee-op-beats-tp-15pct`,
      source: scale,
      measure: async () => {
        const rows = (await eeRows()).rows;
        const xs = [...new Set(rows.map((r) => r.x))];
        const gaps = xs.map((x) => {
          const get = (m: string) => rows.find((r) => r.x === x && r.mechanism === m)!.erHigh;
          return get("PPM-TP") / get("PPM-OP") - 1;
        });
        return gaps.reduce((a, b) => a + b, 0) / gaps.length;
      },
    },
    {
      ...base,
      id: "ppm.mp-saturates",
      where: "Section 6.2, Fig. 4(b)",
      statement: "PPM-MP depletes the CPU capacity (100% utilisation) at p̄ = 2c̄",
      paperValue: 1,
      rule: within({ abs: 0.02 }),
      evidence: "independent",
      explanation:
        "Lighter load in our trace windows (see ppm.er-op-ue-range): at recorded durations PPM-MP's peak CPU utilisation is below 1. The notebook's load-sensitivity study (`loadSensitivity`, durations × 1…32, same windows and values; backed by tests/papers/ppm/load_study_test.ts) shows why: once the offered demand exceeds capacity (durations × 16-32) PPM-MP's peak reaches 0.96-1.00, so the statement holds at heavier load.",
      reading:
        `${recorded}; the same statement in the paper's load regime is ppm.anchor-mp-saturates`,
      source: scale,
      measure: () => utilisationAt2().mp,
    },
    {
      ...base,
      id: "ppm.op-peak-85",
      where: "Section 6.2, Fig. 4(b)",
      statement: "PPM-OP reaches about 85% maximum CPU utilisation at p̄ = 2c̄",
      paperValue: 0.85,
      rule: within({ abs: 0.05 }),
      evidence: "independent",
      explanation:
        "Lighter load in our trace windows (see ppm.er-op-ue-range). The notebook's load-sensitivity study (`loadSensitivity`, durations × 1…32, same windows and values; backed by tests/papers/ppm/load_study_test.ts) shows why: with durations × 16-32 PPM-OP's peak rises to ≈ 0.72-0.74 (UE, p̄ = 2c̄) and ≈ 0.84-0.86 (EE), i.e. near the paper's 85% only under a load well above what the recorded durations give.",
      reading:
        `${recorded}; the same statement in the paper's load regime is ppm.anchor-op-peak-85`,
      source: scale,
      measure: () => utilisationAt2().op,
    },
    {
      ...base,
      id: "ppm.tp-reserves-40",
      where: "Section 6.2, Fig. 4(b)",
      statement:
        "PPM-TP keeps over 40% of the CPU capacity free (peak utilisation ≤ 0.6) at p̄ = 2c̄",
      paperValue: 0.6,
      rule: atMost(),
      evidence: "independent",
      reading:
        `${recorded}; at this load the CPU peak stays below 0.5, so only PPM-TP's first segment f'(2y) is ever posted and the agreement says nothing about the (reconstructed, calibrated) second segment; the same statement in the paper's load regime is ppm.anchor-tp-reserves-40`,
      source: scale,
      measure: () => utilisationAt2().tp,
    },
    {
      ...base,
      id: "ppm.anchor-mp-saturates",
      where: "Section 6.2, Fig. 4(b)",
      statement:
        "PPM-MP depletes the CPU capacity at p̄ = 2c̄ (the regime anchor: the duration factor is chosen so that it does)",
      paperValue: 1,
      rule: within({ abs: 0.01 }),
      evidence: "calibrated",
      reading:
        "The paper's load is fixed here by this very statement, so agreement is by construction; the other anchor-regime claims are measured at the load it selects.",
      source: anchorScale,
      measure: () => anchored().peaks.mp,
    },
    {
      ...base,
      id: "ppm.anchor-op-peak-85",
      where: "Section 6.2, Fig. 4(b)",
      statement: "PPM-OP reaches about 85% maximum CPU utilisation at p̄ = 2c̄ (anchor regime)",
      paperValue: 0.85,
      rule: within({ abs: 0.05 }),
      evidence: "independent",
      explanation:
        "Agrees with the raw Google 2011 trace (peak 0.80 at seed 1). Without it the jobs come from the calibrated synthetic stand-in (data/trace_stats.json), where PPM-OP peaks at 0.75 at the anchor duration factor; the stand-in is fitted to the trace's summary statistics only, so this peak measures the substitute workload, not the paper's setting.",
      source: anchorScale,
      measure: () => anchored().peaks.op,
    },
    {
      ...base,
      id: "ppm.anchor-tp-reserves-40",
      where: "Section 6.2, Fig. 4(b)",
      statement:
        "PPM-TP keeps over 40% of the CPU capacity free (peak ≤ 0.6) at p̄ = 2c̄ (anchor regime)",
      paperValue: 0.6,
      rule: atMost(),
      evidence: "calibrated",
      explanation:
        "The default PPM-TP second segment (`reserve`) was chosen to reach p̄ at y = 0.6, i.e. to reproduce this statement, yet the peak exceeds 0.6: a customer pays the sum of per-slot prices over her stay, so she is admitted into slots priced above p̄ when the rest of her stay is cheap. No exponential second segment of this kind keeps every slot at ≤ 0.6 without a near-vertical price wall; `reserve` keeps ≈ 1/3 of the capacity free (the steeper variants less, `geometric`/`linear` saturate; twiceIndexRanking).",
      source: anchorScale,
      measure: () => anchored().peaks.tp,
    },
    {
      ...base,
      id: "ppm.anchor-ee-op-beats-tp-15pct",
      where: "Section 6.2, Fig. 5(a)",
      statement:
        "In Case EE PPM-OP outperforms PPM-TP by more than 15% on average (paired W_OP/W_TP − 1 over p̄ ∈ {1, 3, 6, 9}c̄, anchor regime)",
      paperValue: 0.15,
      rule: atLeast(),
      evidence: "independent",
      reading:
        "With the earlier `geometric` PPM-TP reconstruction the sign flips under load (PPM-TP ahead by 2-11% at 2c̄-3c̄ once PPM-MP saturates; twiceIndexRanking), so this verdict holds for the `reserve` reading pinned by Sec. 6.1 and not for the other reconstructions.",
      source:
        `${anchorScale}; on shared instances ER_TP/ER_OP = W_OP/W_TP, so no offline bound is needed`,
      measure: () => anchored().eeGap,
    },
    {
      ...base,
      id: "ppm.anchor-er-op-ue",
      where: "Section 6.2, Fig. 4(a)",
      statement:
        "PPM-OP's ER in Case UE lies roughly in 1.12-1.22 (checked at p̄ = 2c̄, anchor regime; upper end of the certified bracket)",
      paperValue: [1.12, 1.22],
      rule: inRange(0.02),
      evidence: "independent",
      explanation:
        "In the regime where PPM-MP saturates as in the paper's Fig. 4(b), PPM-OP is within ≈ 6% of the certified offline optimum (Lagrangian bracket, width < 0.1%). The paper's higher ratios would need a heavier load than its own utilisation figure shows, or a different draw of the 4000 jobs (the consecutive-jobs reading is not tested here).",
      source: anchorScale,
      measure: () => anchored().erOp.high,
    },
    {
      ...base,
      id: "ppm.fig6-op-flat-below-switch",
      where: "Section 6.2, Fig. 6(a)-(d)",
      statement:
        "PPM-OP's ER does not depend on δ while p̄(1+δ) ≤ C_s: every δ at p̄ = c̄ (LUC) and δ ≤ C_s/p̄ − 1 at p̄ = 3c̄ (HUC1), Cases UI and EI (measured: largest max−min of the mean ER over those δ)",
      paperValue: 0,
      rule: within({ abs: 1e-9 }),
      evidence: "independent",
      source: `${deltaScale}; C_s/p̄ − 1 = ${
        switchDelta.toFixed(3)
      } at p̄ = 3c̄ (ours; the paper: 1.1, see ppm.delta-threshold-huc1)`,
      measure: async () => {
        const rows = await fig6Rows();
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
      id: "ppm.fig6-tp-luc-flat",
      where: "Section 6.2, Fig. 6(a)-(b)",
      statement:
        "PPM-TP's ER is insensitive to δ at p̄ = c̄ (LUC), Cases UI and EI (quantified here: max−min of the mean ER over δ ∈ [−0.8, 2.4] at most 0.005)",
      paperValue: 0,
      rule: within({ abs: 0.005 }),
      evidence: "independent",
      source:
        `${deltaScale}. As the paper argues, only the δ-independent first segment f'(2y) is posted while y ≤ 0.5; at our load the CPU utilisation stays below 0.5 anyway`,
      measure: async () => {
        const rows = await fig6Rows();
        return Math.max(
          ...["Case UI", "Case EI"].map((row) => spread(panel(rows, row, "p̄ = c̄ (LUC)", "PPM-TP"))),
        );
      },
    },
    {
      ...base,
      id: "ppm.fig6-op-huc2-overestimate",
      where: "Section 6.2, Fig. 6(e)-(f)",
      statement:
        "At p̄ = 9c̄ (HUC2) PPM-OP benefits from over-estimating p̄ for moderate δ (up to ≈ 1.6 in Case UI, 1.2 in Case EI): measured min over 0 < δ ≤ 1.2 of ER(δ) − ER(0), the larger of the two cases (paper: < 0)",
      paperValue: 0,
      rule: atMost(),
      evidence: "independent",
      explanation:
        "At our load (offered CPU peak ≈ 0.3 of capacity at recorded durations, see ppm.er-op-ue-range) capacity never binds, so holding capacity back has no value: the more conservative φ designed for p̄(1+δ) only turns away customers the offline optimum admits, and PPM-OP's ER does not improve with δ in either HUC2 panel (it rises slightly; notebook Fig. 6). The paper's benefit needs a load at which capacity binds; the load study varies the load only at δ = 0, so whether the benefit appears at heavier load is not tested here.",
      source: deltaScale,
      measure: async () => {
        const rows = await fig6Rows();
        return Math.max(
          ...["Case UI", "Case EI"].map((row) =>
            improvement(panel(rows, row, "p̄ = 9c̄ (HUC2)", "PPM-OP"), 1.2)
          ),
        );
      },
    },
    {
      ...base,
      id: "ppm.fig7-sigma1-worsens",
      where: "Section 6.2, Fig. 7(a)",
      statement:
        "With σ = 1 PPM-OP's ER gets worse as δ > 0 grows (measured: ER(δ = 2.4) − ER(0), paper: > 0)",
      paperValue: 0,
      rule: atLeast(),
      evidence: "independent",
      source:
        `${deltaScale}. At our load the ER rises with δ for every σ (see ppm.fig7-larger-sigma-improves-first), so the agreement does not single out σ = 1`,
      measure: async () => {
        const rows = (await fig7Rows()).filter((r) => r.column === "σ = 1");
        return erAt(rows, 2.4) - erAt(rows, 0);
      },
    },
    {
      ...base,
      id: "ppm.fig7-larger-sigma-improves-first",
      where: "Section 6.2, Fig. 7(b)-(c)",
      statement:
        "With σ = 2 and σ = 10 PPM-OP's ER first improves as δ > 0 grows (measured: min over δ > 0 of ER(δ) − ER(0), the larger of the two σ; paper: < 0)",
      paperValue: 0,
      rule: atMost(),
      evidence: "independent",
      explanation:
        "Same cause as ppm.fig6-op-huc2-overestimate: with capacity not binding at our load, over-estimating p̄ only makes PPM-OP reject customers the offline optimum accepts, so the ER does not improve from δ = 0 for any σ (it rises slightly). The σ-dependence the paper reports (more tolerance to over-estimation with larger σ) therefore cannot show here.",
      source: deltaScale,
      measure: async () => {
        const rows = await fig7Rows();
        return Math.max(
          ...["σ = 2", "σ = 10"].map((column) =>
            improvement(rows.filter((r) => r.column === column), Infinity)
          ),
        );
      },
    },
    {
      ...base,
      id: "ppm.fig6-tp-deteriorates",
      where: "Section 6.2, Fig. 6(c)-(f)",
      statement:
        "PPM-TP's ER deteriorates with δ in HUC1 and HUC2, and PPM-OP's slightly worsens past δ ≈ 1.1 in HUC1",
      paperValue: "qualitative",
      status: "not-reproducible-here",
      explanation:
        "PPM-TP depends on δ only through its second segment (y > 0.5), which our trace windows never reach (peak CPU utilisation ≈ 0.35 in the notebook's Fig. 4(b)/5(b)), so its ER is flat in δ here (notebook Fig. 6) for a reason unrelated to the paper's. PPM-OP's HUC1 switch is at δ = 0.596 with our C_s (ppm.delta-threshold-huc1), and past it the quick-mode ER moves by < 0.1%, too little to call a trend. Grading these needs a load where capacity binds (paper mode / the load study), which the δ sweeps do not vary.",
    },
  ];
}

/** Rows of one Fig. 6 sub-figure and mechanism. */
function panel(rows: readonly SweepRow[], row: string, column: string, mechanism: string) {
  return rows.filter((r) => r.row === row && r.column === column && r.mechanism === mechanism);
}

/** max − min of the mean ER (upper end of the bracket) over rows. */
function spread(rows: readonly SweepRow[]): number {
  const ers = rows.map((r) => r.erHigh);
  return Math.max(...ers) - Math.min(...ers);
}

/** Mean ER (upper end of the bracket) of the row at x = δ. */
function erAt(rows: readonly SweepRow[], delta: number): number {
  const row = rows.find((r) => Math.abs(r.x - delta) < 1e-12);
  if (!row) throw new Error(`no sweep row at δ = ${delta}`);
  return row.erHigh;
}

/** min over 0 < δ ≤ upTo of ER(δ) − ER(0) (negative: over-estimation helps). */
function improvement(rows: readonly SweepRow[], upTo: number): number {
  const base = erAt(rows, 0);
  return Math.min(...rows.filter((r) => r.x > 0 && r.x <= upTo).map((r) => r.erHigh - base));
}
