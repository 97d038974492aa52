/**
 * Claims ledger entries for the pdftsp paper (Zheng et al., ICPP '24). Welfare comparisons run in
 * quick mode at 1/8 of the paper's cluster size and arrival rate over the full 144-slot day (see
 * experiments.ts); the competitive ratio uses instances small enough for HiGHS to certify.
 *
 * @module
 */
import { atLeast, atMost, type ClaimSpec, equals } from "../../core/claims.ts";
import type { RunParams } from "../../core/params.ts";
import {
  auctionData,
  compareAlgorithms,
  competitiveRatios,
  DEFAULT_SETTING,
  experimentScale,
  improvements,
  sweep,
} from "./experiments.ts";
import { dpOptimality } from "./dp_optimality.ts";
import { bidSweep, checkTruthfulness } from "./theory.ts";
import { DEFAULT_GRID, sensitivitySweep } from "./sensitivity.ts";
import type { Instance } from "./types.ts";

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
  "assumption; wherever b̄ >= 1 holds it trails the best baseline by ~90 %.";

function scaleNote(params: RunParams, what: string): string {
  const scale = experimentScale(params.mode);
  return `${what}; ${
    scale.divisor === 1
      ? "paper sizes"
      : `quick mode: nodes and arrival rates divided by ${scale.divisor}`
  }, ${scale.slots} slots, Poisson arrivals, seed ${params.seed} (experiments.ts)`;
}

/** Instance where the running cost makes the lowest winning bid exceed the Eq. 14 payment. */
const OPERATING_COST_GAP: Instance = {
  slots: 2,
  baseModelMemory: 0,
  vendors: [],
  nodes: [{ computeCapacity: 2, memoryCapacity: 4, taskThroughput: 1, costPerSlot: [1, 1] }],
  tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 4, preprocessing: false, bid: 1.5 }],
};

/** Claim declarations of this paper. */
export function claims(params: RunParams): ClaimSpec[] {
  const at50 = () => compareAlgorithms(params, "Fig. 4", "50 nodes", DEFAULT_SETTING);
  const highLoad = () =>
    compareAlgorithms(params, "Fig. 8", "Poisson 80", { ...DEFAULT_SETTING, meanArrivals: 80 });
  const base = { paper: "pdftsp" } as const;
  const improvementClaim = (
    id: string,
    where: string,
    label: string,
    baseline: "titan" | "eft" | "ntm",
    paperValue: number,
    rows: () => ReturnType<typeof at50>,
    explained: boolean,
  ): ClaimSpec => ({
    ...base,
    id,
    where,
    statement: `pdFTSP improves social welfare over ${baseline.toUpperCase()} ${label} (percent)`,
    paperValue,
    rule: atLeast(),
    evidence: "independent",
    ...(explained ? { explanation: PRICING_EXPLANATION } : {}),
    source: scaleNote(params, "improvements() of compareAlgorithms()"),
    measure: async () => Math.round(improvements(await rows())[baseline] * 100) / 100,
  });
  return [
    improvementClaim(
      "pdftsp.gain-50-titan",
      "Sec. 5.2, Fig. 4",
      "at 50 nodes",
      "titan",
      30.78,
      at50,
      true,
    ),
    improvementClaim(
      "pdftsp.gain-50-eft",
      "Sec. 5.2, Fig. 4",
      "at 50 nodes",
      "eft",
      137.35,
      at50,
      true,
    ),
    improvementClaim(
      "pdftsp.gain-50-ntm",
      "Sec. 5.2, Fig. 4",
      "at 50 nodes",
      "ntm",
      155.84,
      at50,
      true,
    ),
    improvementClaim(
      "pdftsp.gain-high-titan",
      "Sec. 5.2, Fig. 8",
      "at high load (Poisson 80)",
      "titan",
      48.99,
      highLoad,
      true,
    ),
    improvementClaim(
      "pdftsp.gain-high-eft",
      "Sec. 5.2, Fig. 8",
      "at high load (Poisson 80)",
      "eft",
      151.57,
      highLoad,
      true,
    ),
    improvementClaim(
      "pdftsp.gain-high-ntm",
      "Sec. 5.2, Fig. 8",
      "at high load (Poisson 80)",
      "ntm",
      184.94,
      highLoad,
      true,
    ),
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
      statement: "OPT <= γ · pdFTSP welfare with γ = ρ(1 + max{α, β}) computed per instance",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: "competitiveRatios(); γ is in the hundreds for these units, so the bound is loose",
      measure: async () => (await competitiveRatios(params)).every((r) => r.ratio <= r.gamma),
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
      source: "bidSweep() on a one-node instance with running cost 1 per slot, value 1.5",
      measure: () =>
        checkTruthfulness(bidSweep(OPERATING_COST_GAP, 0, 1.5, [0, 1, 1.5, 2.5, 3]), 1.5).gain,
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
        "on all cells (500/500 problems) but not with unequal prices (about 83% optimal, worst " +
        "excess cost about 41% in this sample).",
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
