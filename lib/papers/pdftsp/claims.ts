/**
 * Claims ledger entries for the pdftsp paper (Zheng et al., ICPP '24). Welfare comparisons run in
 * quick mode at 1/8 of the paper's cluster size and arrival rate over the full 144-slot day (see
 * experiments.ts); the competitive ratio uses instances small enough for HiGHS to certify.
 *
 * @module
 */
import { atLeast, atMost, type ClaimSpec, equals, within } from "../../core/claims.ts";
import { requireRunParams, type RunParams } from "../../core/params.ts";
import {
  auctionData,
  compareAlgorithms,
  competitiveRatios,
  experimentScale,
  improvements,
  maxImprovements,
  REGIME_SETTINGS,
  type Setting,
  sweep,
  TIMED_SWEEP,
  type WelfareRow,
} from "./experiments.ts";
import { CALIBRATION_TARGETS, REGIME_NAMES, type RegimeName } from "./regimes.ts";
import { dpOptimality } from "./dp_optimality.ts";
import { bidSweep, checkTruthfulness } from "./theory.ts";
import { DEFAULT_GRID, sensitivitySweep } from "./sensitivity.ts";
import { runPdftsp } from "./pdftsp.ts";
import type { AlgorithmName } from "./types.ts";
import { OPERATING_COST_GAP, twoTasksOnOneCell } from "./examples.ts";

const PRICING_EXPLANATION =
  "pdFTSP as specified admits far fewer tasks than Titan and EFT here. With α = max b_i/M_i and " +
  "β = max b_i/r_i (Lemma 2) the first task on a cell raises φ_kt by β·b̄·r_i/(C_km - r_b), and the " +
  "next task pays φ̂·Σr with Σr = r_i × (slots it runs, ~11 with the modelled GPT-2 throughput), " +
  "which exceeds typical bids: each (node, slot) ends up hosting about one task although memory " +
  "holds ~19, so pdFTSP behaves like NTM. The paper's GPU measurements, bid and vendor " +
  "distributions and units (Lemma 2 rescales them so b̄ >= 1) are unpublished; ours are modelled. " +
  "The sensitivity sweep (notebook; sensitivity.ts) varies the money unit, α, β and the bid scale: " +
  "pdFTSP only edges past the baselines (by single-digit percent) when prices are shrunk far below " +
  "Lemma 2's (money unit <= 1/16 with bids x <= 0.5, or β/256), where b̄ << 1 violates Lemma 2's " +
  "assumption; wherever b̄ >= 1 holds it trails the best baseline by ~90 %. The workload also " +
  "leaves no room for the paper's gains over EFT with any algorithm: EFT admits every task that " +
  "can meet its deadline on an empty cluster, so the capacity-free welfare bound is only a few " +
  "percent above EFT (the matching pdftsp.headroom-* claim). The paper's numbers imply " +
  "W_EFT/W_NTM ≈ 1.08 (pdftsp.baseline-ratio-eft-ntm-50-modelled); ours is about 9, so this " +
  "cluster is not capacity-bound the way the paper's is: the calibrated regime (claims without " +
  "the -modelled suffix) is.";

const MODELLED_RATIO_EXPLANATION =
  "EFT packs up to ~19 adapters per node and slot while NTM runs one, and with the modelled " +
  "GPT-2 memory and throughput nothing else binds: EFT admits every deadline-feasible task and " +
  "NTM a few dozen. The paper's ratio near 1 means its cluster held few tasks per node or was " +
  "capacity-bound; its per-task memory, batch size and C_kp are not published. The calibrated " +
  "regime chooses them to match these ratios.";

const CALIBRATED_RATIO_EXPLANATION =
  "A calibration target (regimes.ts, CALIBRATION_SEARCH): batch 64, C_kp = 2 tasks, arrivals " +
  "× 0.75 and κ = 0.45 minimise the summed squared log error of the four baseline ratios over " +
  "the grid, subject to EFT admitting under 85 % of the deadline-feasible tasks at high load. " +
  "No grid point gets W_EFT/W_NTM near the paper's 1.13 at high load while EFT is " +
  "capacity-bound there: once EFT turns tasks away, its two tasks per node against NTM's one " +
  "push the ratio to ~1.4.";

const CALIBRATED_EXPLANATION =
  "Calibrated regime (regimes.ts: batch 64, C_kp = 2 tasks, arrivals x0.75, operating cost 0.45 " +
  "of a bid, chosen so that the baseline-to-baseline ratios match those the paper's gains imply; " +
  "pdFTSP's gain was never a target). Here capacity binds (EFT admits about 80 % of the " +
  "deadline-feasible tasks at high load) and pdFTSP beats EFT and NTM at both loads, but by less " +
  "than the paper prints, and it stays below Titan, which the paper reports it beating. The " +
  "headroom claim beside each row gives the most any algorithm could gain there; where it " +
  "exceeds the paper's gain, the shortfall lies in pdFTSP's threshold prices on this workload, " +
  "not in the workload's room for improvement.";

const CALIBRATED_HEADROOM_EXPLANATION =
  "Capacity-free bound (headroom.ts) in the calibrated regime: a bound, not an achievable " +
  "welfare (it ignores the other tasks). Where it is below the paper's gain, no algorithm could " +
  "reach the paper's gain on this fitted workload; where it is above, the paper's gain is within " +
  "reach and the gain claim beside it shows how much pdFTSP takes.";

/**
 * Titan's welfare comes from per-slot MILPs stopped at a branch-and-bound node limit (200 nodes
 * quick, 2000 paper mode), which is deterministic: reruns give the same incumbents.
 */
const TITAN_LIMIT = {
  reading: "Titan's per-slot MILP stops at a node limit (200 branch-and-bound nodes quick, 2000 " +
    "paper mode) and uses its incumbent; the paper states no solver limit.",
} as const;

const HEADROOM_EXPLANATION =
  "Capacity-free bound: every task that can meet its deadline on an empty cluster, valued at " +
  "b_i minus its cheapest vendor minus a lower bound on its cheapest run (headroom.ts). EFT " +
  "already admits all of those tasks in this workload, so no online or offline algorithm can " +
  "beat EFT by more than this; the paper's gain is out of reach here for any algorithm, not only " +
  "for pdFTSP.";

function scaleNote(params: RunParams, what: string): string {
  const scale = experimentScale(params.mode);
  return `${what}; ${
    scale.divisor === 1
      ? "paper sizes"
      : `quick mode: nodes and arrival rates divided by ${scale.divisor}`
  }, ${scale.slots} slots, Poisson arrivals, seed ${params.seed} (experiments.ts)`;
}

/** The two welfare experiments behind the headline claims. */
const LOADS = {
  "50": { figure: "Fig. 4", label: "50 nodes", where: "Sec. 5.2, Fig. 4", meanArrivals: 50 },
  high: { figure: "Fig. 8", label: "Poisson 80", where: "Sec. 5.2, Fig. 8", meanArrivals: 80 },
} as const;

/** One of the two loads of {@link LOADS}. */
type Load = keyof typeof LOADS;

/** The paper-scale setting of a load in a regime. */
function loadSetting(regime: RegimeName, load: Load): Setting {
  return { ...REGIME_SETTINGS[regime], meanArrivals: LOADS[load].meanArrivals };
}

/**
 * The settings the headline claims (gains, headroom, baseline ratios) compare the algorithms on,
 * every regime at both loads; units_pdftsp.ts runs them in a worker pool.
 */
export function headlineSettings(): Setting[] {
  return REGIME_NAMES.flatMap((regime) =>
    (Object.keys(LOADS) as Load[]).map((load) => loadSetting(regime, load))
  );
}

/** The paper's printed gains of pdFTSP (percent) per load and baseline. */
const PAPER_GAINS = {
  "50": { titan: 30.78, eft: 137.35, ntm: 155.84 },
  high: { titan: 48.99, eft: 151.57, ntm: 184.94 },
} as const;

/** Claim id suffix of a regime: none for the default (calibrated), `-modelled` otherwise. */
function regimeSuffix(regime: RegimeName): string {
  return regime === "calibrated" ? "" : `-${regime}`;
}

/** Words naming a regime in a statement. */
function regimeWords(regime: RegimeName): string {
  return regime === "calibrated"
    ? "in the calibrated regime (regimes.ts)"
    : "in the modelled regime (uncalibrated GPT-2 LoRA model, regimes.ts)";
}

/** Claim declarations of this paper. */
export function claims(params: RunParams): ClaimSpec[] {
  requireRunParams("params", params);
  const rowsAt = (regime: RegimeName, load: Load) => () =>
    compareAlgorithms(params, LOADS[load].figure, LOADS[load].label, loadSetting(regime, load));
  const at50 = rowsAt("calibrated", "50");
  const base = { paper: "pdftsp" } as const;
  const welfareOf = (rows: readonly WelfareRow[], name: AlgorithmName) =>
    rows.find((row) => row.algorithm === name)!.welfare;
  /** The paper's gain over one baseline, and the largest gain any algorithm could have there. */
  const improvementClaims = (
    regime: RegimeName,
    load: Load,
    baseline: "titan" | "eft" | "ntm",
  ): ClaimSpec[] => {
    const rows = rowsAt(regime, load);
    const where = LOADS[load].where;
    const at = load === "50" ? "at 50 nodes" : "at high load (Poisson 80)";
    const id = `${load}-${baseline}${regimeSuffix(regime)}`;
    const source = (what: string) => scaleNote(params, `${what}, ${regime} regime`);
    const shared = {
      ...base,
      ...(baseline === "titan" ? TITAN_LIMIT : {}),
      where,
      paperValue: PAPER_GAINS[load][baseline],
      rule: atLeast(),
      evidence: "independent",
    } as const;
    return [{
      ...shared,
      id: `pdftsp.gain-${id}`,
      statement: `pdFTSP improves social welfare over ${baseline.toUpperCase()} ${at} ` +
        `${regimeWords(regime)} (percent; the headroom claim beside it is the most any ` +
        "algorithm could gain)",
      explanation: regime === "calibrated" ? CALIBRATED_EXPLANATION : PRICING_EXPLANATION,
      source: source("improvements() of compareAlgorithms()"),
      measure: async () => Math.round(improvements(await rows())[baseline] * 100) / 100,
    }, {
      ...shared,
      id: `pdftsp.headroom-${id}`,
      statement: `The paper's gain over ${baseline.toUpperCase()} ${at} is within reach of some ` +
        `algorithm ${regimeWords(regime)}: largest possible gain, ` +
        "100·(welfareUpperBound / W_baseline - 1) (percent)",
      explanation: regime === "calibrated" ? CALIBRATED_HEADROOM_EXPLANATION : HEADROOM_EXPLANATION,
      source: source("maxImprovements() of compareAlgorithms(), headroom.ts"),
      measure: async () => Math.round(maxImprovements(await rows())[baseline] * 100) / 100,
    }];
  };
  /** A baseline-to-baseline welfare ratio; a calibration target in the calibrated regime. */
  const ratioClaim = (
    regime: RegimeName,
    load: Load,
    ratio: "eftOverNtm" | "titanOverEft",
  ): ClaimSpec => {
    const [top, bottom] = ratio === "eftOverNtm"
      ? ["eft", "ntm"] as const
      : ["titan", "eft"] as const;
    const gains = PAPER_GAINS[load];
    const target = CALIBRATION_TARGETS[LOADS[load].label][ratio];
    return {
      ...base,
      ...(ratio === "titanOverEft" ? TITAN_LIMIT : {}),
      id: `pdftsp.baseline-ratio-${top}-${bottom}-${load}${regimeSuffix(regime)}`,
      where: `${LOADS[load].where} (implied by the printed gains)`,
      statement:
        `W_${top.toUpperCase()} / W_${bottom.toUpperCase()} ${
          load === "50" ? "at 50 nodes" : "at high load"
        } ${regimeWords(regime)}; the paper's gains over ${top.toUpperCase()} ` +
        `(+${gains[top]} %) and ${bottom.toUpperCase()} (+${gains[bottom]} %) imply ` +
        `${(1 + gains[bottom] / 100).toFixed(4)} / ${(1 + gains[top] / 100).toFixed(4)} ≈ ` +
        target.toFixed(3),
      paperValue: Math.round(target * 1000) / 1000,
      rule: within({ rel: 0.1 }),
      evidence: regime === "calibrated" ? "calibrated" : "independent",
      explanation: regime === "calibrated"
        ? CALIBRATED_RATIO_EXPLANATION
        : MODELLED_RATIO_EXPLANATION,
      source: scaleNote(
        params,
        `welfare of ${top.toUpperCase()} and ${bottom.toUpperCase()} in compareAlgorithms(), ` +
          `${LOADS[load].label}, ${regime} regime`,
      ),
      measure: async () => {
        const rows = await rowsAt(regime, load)();
        return Math.round(welfareOf(rows, top) / welfareOf(rows, bottom) * 1000) / 1000;
      },
    };
  };
  /** Whether pdFTSP has the largest welfare in every setting of a sweep. */
  const bestInEvery = async (figure: string) => {
    const rows = await sweep(params, figure);
    return [...new Set(rows.map((r) => r.setting))].every((setting) => {
      const here = rows.filter((r) => r.setting === setting);
      return here.every((r) => welfareOf(here, "pdftsp") >= r.welfare);
    });
  };
  return [
    ...REGIME_NAMES.flatMap((regime) => [
      ...(["50", "high"] as const).flatMap((load) =>
        (["titan", "eft", "ntm"] as const).flatMap((baseline) =>
          improvementClaims(regime, load, baseline)
        )
      ),
      ...(["50", "high"] as const).flatMap((load) =>
        (["eftOverNtm", "titanOverEft"] as const).map((ratio) => ratioClaim(regime, load, ratio))
      ),
    ]),
    {
      ...base,
      id: "pdftsp.gain-50-any-unit",
      where: "Sec. 5.2, Fig. 4; Lemma 2 (unit rescaling)",
      statement:
        "At 50 nodes, pdFTSP's largest welfare gain over the strongest baseline when the money unit " +
        "(Lemma 2's free rescaling) ranges over 1/256..4 (percent; the paper's smallest 50-node gain " +
        "is over Titan)",
      paperValue: 30.78,
      rule: atLeast(),
      evidence: "independent",
      explanation: PRICING_EXPLANATION,
      source: scaleNote(params, "sensitivitySweep() at bid scale 1, unit scales of DEFAULT_GRID"),
      measure: async () => {
        const rows = await sensitivitySweep(params, {
          ...DEFAULT_GRID,
          bidScales: [1],
          alphaFactors: [],
          betaFactors: [],
        });
        return Math.round(Math.max(...rows.map((r) => r.gainOverBestBaseline)) * 100) / 100;
      },
    },
    {
      ...base,
      id: "pdftsp.welfare-grows-with-nodes",
      where: "Sec. 5.2, Fig. 4",
      statement: "pdFTSP's welfare increases with the number of nodes (50 -> 200)",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: scaleNote(params, "sweep('Fig. 4 cluster size')"),
      measure: async () => {
        const w = (await sweep(params, "Fig. 4 cluster size"))
          .filter((r) => r.algorithm === "pdftsp").map((r) => r.welfare);
        return w.every((x, j) => j === 0 || x >= w[j - 1]!);
      },
    },
    {
      ...base,
      id: "pdftsp.best-on-mixed-gpus",
      where: "Sec. 5.2, Fig. 6",
      statement: "pdFTSP has the highest welfare on A100, A40 and mixed clusters",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation: PRICING_EXPLANATION,
      source: scaleNote(params, "sweep('Fig. 6 per-node capacity')"),
      measure: () => bestInEvery("Fig. 6 per-node capacity"),
    },
    {
      ...base,
      id: "pdftsp.best-on-traces",
      where: "Sec. 5.2, Fig. 7",
      statement: "pdFTSP has the highest welfare with every trace-driven arrival process",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation: PRICING_EXPLANATION +
        " The paper's traces are replaced by public stand-ins (notebook, Fig. 7).",
      source: scaleNote(params, "sweep('Fig. 7 real traces'), arrivals rescaled to the mean"),
      measure: () => bestInEvery("Fig. 7 real traces"),
    },
    {
      ...base,
      id: "pdftsp.best-every-deadline",
      where: "Sec. 5.2, Fig. 9",
      statement: "pdFTSP has the highest welfare under every deadline method",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation: PRICING_EXPLANATION,
      source: scaleNote(params, "sweep('Fig. 9 deadlines')"),
      measure: () => bestInEvery("Fig. 9 deadlines"),
    },
    {
      ...base,
      id: "pdftsp.gain-grows-with-load",
      where: "Sec. 5.2, Fig. 8",
      statement:
        "pdFTSP's gain over the best baseline grows with the load (Poisson 30 -> 50 -> 80)",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation: PRICING_EXPLANATION +
        " Here the gain is negative at every load and falls as EFT admits more tasks.",
      source: scaleNote(params, "sweep('Fig. 8 task dynamics'), min of improvements()"),
      measure: async () => {
        const rows = await sweep(params, "Fig. 8 task dynamics");
        const gains = [...new Set(rows.map((r) => r.setting))].map((setting) =>
          Math.min(...Object.values(improvements(rows.filter((r) => r.setting === setting))))
        );
        return gains.every((gain, j) => j === 0 || gain > gains[j - 1]!);
      },
    },
    {
      ...base,
      id: "pdftsp.titan-runtime-grows",
      explanation: "Our Titan restricts each task to its 4 nodes with the most free memory " +
        "(candidateNodes) to keep the per-slot MILP tractable, so the MILP does not grow with " +
        "the cluster and its time per task need not either; the paper's Titan formulation and " +
        "solver limits are not stated.",
      where: "Sec. 5.2, Fig. 13",
      statement: "Titan's time per task grows with the cluster size (50 -> 200 nodes)",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      timing: true,
      source: scaleNote(params, "perTaskMs of Titan in sweep('Fig. 4 cluster size')"),
      measure: async () => {
        const ms = (await sweep(params, TIMED_SWEEP))
          .filter((r) => r.algorithm === "titan").map((r) => r.perTaskMs);
        return ms.every((x, j) => j === 0 || x >= ms[j - 1]!);
      },
    },
    {
      ...base,
      id: "pdftsp.a100-beats-a40",
      where: "Sec. 5.2, Fig. 6",
      statement: "A100 nodes give pdFTSP higher welfare than A40 nodes",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: scaleNote(
        params,
        "sweep('Fig. 6 per-node capacity') with modelled GPT-2 LoRA profiles",
      ),
      measure: async () => {
        const rows = (await sweep(params, "Fig. 6 per-node capacity")).filter((r) =>
          r.algorithm === "pdftsp"
        );
        return rows.find((r) => r.setting === "a100")!.welfare >
          rows.find((r) => r.setting === "a40")!.welfare;
      },
    },
    {
      ...base,
      id: "pdftsp.empirical-ratio",
      where: "Sec. 5.2, Fig. 12",
      statement: "OPT / pdFTSP welfare is at most 3 (largest ratio over the tested instances)",
      paperValue: 3,
      rule: atMost(),
      evidence: "independent",
      source: "competitiveRatios(): 3 nodes x 12 slots, ~25 tasks, OPT certified by HiGHS" +
        " (the paper's instance sizes for Fig. 12 are not stated)",
      measure: async () => Math.max(...(await competitiveRatios(params)).map((r) => r.ratio)),
    },
    {
      ...base,
      id: "pdftsp.theorem5-bound-holds",
      where: "Theorem 5",
      statement: "OPT <= γ · pdFTSP welfare with γ = ρ(1 + max{α, β}) per instance: smallest " +
        "γ / (OPT / pdFTSP) over the instances (>= 1 where the bound holds)",
      paperValue: 1,
      rule: atLeast(),
      evidence: "independent",
      reading: "γ is computed per instance from Lemma 3's ρ and α, β; it is in the hundreds to " +
        "thousands against measured ratios below 2, so the bound holds by a factor of hundreds " +
        "and this check cannot fail on these instances: it confirms the bound, it does not test " +
        "it (γ next to each ratio in the notebook's table).",
      source: "competitiveRatios(): OPT certified by HiGHS, γ per instance",
      measure: async () =>
        Math.round(Math.min(...(await competitiveRatios(params)).map((r) => r.gamma / r.ratio))),
    },
    {
      ...base,
      id: "pdftsp.lemma1-per-task",
      where: "Appendix, Lemma 1",
      statement: "D_1^i - D_1^(i-1) <= (1 + max{α, β}) b_il for every task with F(il) > 0 " +
        "(the per-task step of Lemma 1), on every competitive-ratio instance",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: "competitiveRatios(): lemma1Check() on the trace of each run (dual_checks.ts)",
      measure: async () => (await competitiveRatios(params)).every((r) => r.lemma1Holds),
    },
    {
      ...base,
      id: "pdftsp.lemma4-dual-feasible",
      where: "Appendix, Lemma 4",
      statement: "The final duals with μ_i = F(il) satisfy constraint (6a) for every task " +
        "(instances where a task violates it)",
      paperValue: 0,
      rule: atMost(),
      evidence: "independent",
      explanation: "Constraint (6a) prices a schedule cell by cell, Σ(s λ_kt + r φ_kt), but μ_i " +
        "= F(il) (Eq. 11) charges the largest λ and φ of the schedule on all of its work, and " +
        "Algorithm 2 only searches cells with room. A schedule over cheaper cells can then have " +
        "b_il - Σ(s λ + r φ) > μ_i even at the final (larger) duals. The proof's monotonicity " +
        "argument does not cover this. Raising those μ_i restores feasibility; the repaired D_1 " +
        "(repairedDualBound in the notebook) is a certified bound on OPT (weak duality; tested " +
        "against HiGHS).",
      source: "competitiveRatios(): lemma4Check() at the final duals (dual_checks.ts)",
      measure: async () =>
        (await competitiveRatios(params)).filter((r) => r.lemma4Violations > 0).length,
    },
    {
      ...base,
      id: "pdftsp.truthful-sweep",
      where: "Sec. 5.2, Fig. 10",
      statement: "For a sampled admitted task, bidding its true value maximises its utility",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: "auctionData(): bid sweep 0..2v on a 6-node, 36-slot workload",
      measure: () => {
        const data = auctionData(params);
        return checkTruthfulness(
          data.sweep.map((p) => ({ ...p, payment: 0 })),
          data.value,
        ).gain <= 1e-9;
      },
    },
    {
      ...base,
      id: "pdftsp.theorem3-truthful",
      where: "Theorem 3, Eq. 14",
      statement: "No task can raise its utility by misreporting its bid (largest gain of a lie)",
      paperValue: 0,
      rule: atMost(),
      evidence: "independent",
      explanation:
        "The winning condition is b_i > q_in + Σe_ikt + max λ·Σs + max φ·Σr but Eq. 14 charges only " +
        "q_in + max λ·Σs + max φ·Σr: a task whose value lies between the two loses when truthful " +
        "and earns v - p > 0 by overbidding. The proof equates F(il) with b_i - p_i, dropping Σe. " +
        "Adding Σe to the payment (paymentRule 'critical') restores truthfulness (property test).",
      source: "bidSweep(..., 'paper') (Eq. 14) on a one-node instance with running cost 1 per " +
        "slot, value 1.5",
      measure: () =>
        checkTruthfulness(bidSweep(OPERATING_COST_GAP, 0, 1.5, [0, 1, 1.5, 2.5, 3], "paper"), 1.5)
          .gain,
    },
    {
      ...base,
      id: "pdftsp.theorem3-own-bid",
      where: "Theorem 3, Lemma 2",
      statement:
        "A winner's payment does not depend on its own bid with Lemma 2's α = max b_i/M_i, " +
        "β = max b_i/r_i (payment at bid 14 minus payment at bid 10, two tasks on one cell)",
      paperValue: 0,
      rule: atMost(),
      evidence: "independent",
      explanation: "Lemma 2 takes α and β over all tasks' bids, so the highest bid sets them: " +
        "raising it raises α and so the price increments of Eq. 7-8 left by the earlier task, " +
        "which the winner then pays. A truthful online mechanism needs α, β " +
        "fixed before bids arrive; with declared valueBounds (the default of our workloads) the " +
        "difference is 0 (theory_test.ts).",
      source: "runPdftsp() on a two-task one-cell instance without valueBounds, critical payment",
      measure: () => {
        const pay = (bid: number) => runPdftsp(twoTasksOnOneCell(bid)).outcomes[1]!.payment;
        return Math.round((pay(14) - pay(10)) * 1e6) / 1e6;
      },
    },
    {
      ...base,
      id: "pdftsp.theorem4-ir",
      where: "Theorem 4, Fig. 11",
      statement: "Every admitted task pays at most its bid",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: "auctionData() payments of 10 admitted tasks; property test over random instances",
      measure: () => auctionData(params).payments.every((p) => p.payment <= p.bid + 1e-9),
    },
    {
      ...base,
      id: "pdftsp.alg2-optimal",
      where: "Sec. 3.3, Algorithm 2, Eq. 13",
      statement:
        "The DP of Algorithm 2 returns the optimal schedule of problem (12) (share of random problems)",
      paperValue: 1,
      rule: atLeast(),
      evidence: "independent",
      explanation:
        "Problem (12) charges the largest λ and φ on the chosen cells times all of the task's work " +
        "and memory, which is not additive over slots, so Eq. 13's principle of optimality fails. " +
        "The DP (tracking the running maxima as the paper describes) is exact when prices are equal " +
        "on all cells but not with unequal prices (about 84 % optimal; the misses cost on average " +
        "~7 % more than the optimum, at worst ~40 %). The exact method (threshold pairs, " +
        "exact_schedule.ts) matches exhaustive search on all problems; on the 50-node workload it " +
        "changes pdFTSP's welfare by about 1 %, so the DP's misses do not explain the welfare gap.",
      source: "dpOptimality(seed, 300, 'random') vs exhaustiveSchedule()",
      measure: () => {
        const r = dpOptimality(params.seed, 300, "random");
        return r.optimal / r.trials;
      },
    },
    {
      ...base,
      id: "pdftsp.faster-than-titan",
      where: "Sec. 5.2, Fig. 13",
      statement:
        "pdFTSP schedules a task faster than Titan's per-slot MILP (ms per task, Titan / pdFTSP)",
      paperValue: 1,
      rule: atLeast(),
      evidence: "independent",
      timing: true,
      source: scaleNote(params, "perTaskMs of compareAlgorithms(), 50-node setting"),
      measure: async () => {
        const rows = await at50();
        const ms = (name: string) => rows.find((r) => r.algorithm === name)!.perTaskMs;
        return Math.round(ms("titan") / ms("pdftsp") * 10) / 10;
      },
    },
    {
      ...base,
      id: "pdftsp.fig10-example",
      where: "Sec. 5.2, Fig. 10",
      statement: "The sampled bid has true value 15 and its schedule costs 10",
      paperValue: "value 15, expense 10",
      status: "not-reproducible-here",
      explanation:
        "The paper's bid and cost distributions are not published; our bids are modelled (M_i × U(1, 4)), " +
        "so one sampled task cannot be matched. The shape of Fig. 10 is checked by pdftsp.truthful-sweep.",
    },
  ];
}
