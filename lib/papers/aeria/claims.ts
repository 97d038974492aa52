/**
 * Claims ledger of the AERIA paper (Li et al.). Every numeric or checkable statement becomes a
 * claim; measured ones run our code (quick mode: fewer runs and slots, stated in `source`).
 *
 * @example
 * ```ts
 * import { claims } from "./claims.ts";
 * const specs = claims({ mode: "quick", seed: 1 });
 * ```
 *
 * @module
 */
import {
  atLeast,
  atMost,
  type ClaimSpec,
  type ComparisonRule,
  equals,
  within,
} from "../../core/claims.ts";
import { requireRunParams, type RunParams } from "../../core/params.ts";
import { createRng } from "../../core/rng.ts";
import { figureValue, getHardware } from "../../hardware/mod.ts";
import {
  BART_EARLY_EXIT_RANGE,
  earlyExitShare,
  EXIT_MODELS,
  type ExitModelName,
  FIG3_SIGMA_GRID,
} from "./exit_model.ts";
import {
  layerProfile,
  revenueAdvantage,
  runtimeScan,
  scaleExperiment,
  slotWinShares,
  SWEEP_CAPACITIES,
  type SweepRow,
  traceExperiment,
  type TraceRuns,
} from "./experiments.ts";
import { MODEL_IDS } from "./multi_exit.ts";
import {
  incentiveAudit,
  printedRealAudit,
  removalAudit,
  theorem2MonteCarlo,
} from "./properties.ts";
import { expectedUtilityAudit } from "./ic_expected.ts";
import {
  capacityExperiment,
  electricityExperiment,
  PAPER_BASELINES,
  type RegimeComparisonRow,
  regimeExperiment,
} from "./regime.ts";
import { computeSplit } from "./split.ts";
import type { Mechanism } from "./slot.ts";
import { EDGENT_SIGMA_TARGET } from "./baselines.ts";
import { DEFAULT_MARKET } from "./market.ts";
import { electricityPrices, wirelessRates } from "./trace_inputs.ts";

const PAPER = "aeria";

/** Both ends of a measured [lo, hi] within `slack` of the paper's ends. */
function rangeEndsWithin(slack: number): ComparisonRule {
  return {
    describe: `both ends within ±${slack}`,
    paperKinds: ["range"],
    measuredKinds: ["range"],
    agrees(measured, paperValue) {
      const [mLo, mHi] = measured as readonly [number, number];
      const [pLo, pHi] = paperValue as readonly [number, number];
      return Math.abs(mLo - pLo) <= slack && Math.abs(mHi - pHi) <= slack;
    },
  };
}

function memo<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/** Options of {@link claims}. */
export interface AeriaClaimOptions {
  /**
   * Exit-model variant every market experiment runs under (default `"default"`, the ledger's).
   * The other variants feed the exit-model sensitivity table (`exit_sensitivity.ts`).
   */
  readonly exitModel?: ExitModelName;
}

/**
 * Claims whose verdict differs between the exit-model variants of `exit_model.ts`, measured with
 * `exitModelSensitivity` at seed 1 in both modes: none flips in quick mode (the ledger's); in paper
 * mode the advantage with σ-honouring Edgent in the default market does (+48% default, +52% flat,
 * +46% steep exit model; the flat one falls inside the ±0.1 band). A test checks that every
 * quick-mode flip is listed.
 */
export const EXIT_MODEL_DRIVEN: readonly string[] = ["aeria.revenue-advantage.sigma-edgent"];

const EXIT_MODEL_DRIVEN_NOTE =
  "EXIT-MODEL-DRIVEN: the verdict differs between the default, flat (φ = 0.95) and steep (φ = 0.72) exit models, whose CNN curves are assumptions (notebook, exit-model sensitivity table).";

/** Appends the exit-model note to the reading of the claims listed in {@link EXIT_MODEL_DRIVEN}. */
function flagExitModelDriven(spec: ClaimSpec): ClaimSpec {
  if (!EXIT_MODEL_DRIVEN.includes(spec.id) || "status" in spec) return spec;
  return {
    ...spec,
    reading: spec.reading ? `${spec.reading} ${EXIT_MODEL_DRIVEN_NOTE}` : EXIT_MODEL_DRIVEN_NOTE,
  };
}

/**
 * Claim declarations.
 *
 * @param params run mode and seed
 * @param options exit-model variant of the market experiments
 * @returns the claims
 * @example
 * ```ts
 * import { claims } from "./claims.ts";
 * claims({ mode: "quick", seed: 1 }).length; // 40
 * ```
 */
export function claims(params: RunParams, options: AeriaClaimOptions = {}): ClaimSpec[] {
  requireRunParams("params", params);
  return declareClaims(params, options.exitModel ?? "default").map(flagExitModelDriven);
}

/** Baselines of the regime comparison: the paper's four and our σ-honouring Edgent reading. */
const REGIME_BASELINES: readonly Mechanism[] = [...PAPER_BASELINES, "edgent-sigma"];

/**
 * The memoised market experiments the claims read, at the ledger's sizes for `params` (the same
 * options, hence memo keys, as the notebook's cells): Fig. 5 trace-driven runs, the Fig. 4 scale
 * sweep, the regime comparison, the CRN capacity sweep and the electricity effect. Each is split
 * into independent units (`split.ts`), so they can run elsewhere and be installed in the memo.
 *
 * @param params run mode and seed
 * @param exitModel exit-model variant of every market (default `"default"`, the ledger's)
 * @returns the split experiments by name
 * @example
 * ```ts
 * import { ledgerExperiments } from "./claims.ts";
 * ledgerExperiments({ mode: "quick", seed: 1 }).trace.units; // 2
 * ```
 */
export function ledgerExperiments(params: RunParams, exitModel: ExitModelName = "default") {
  requireRunParams("params", params);
  const quick = params.mode === "quick";
  // The default variant is left out of the experiments' options, so their memo keys are the
  // notebook's (which never names an exit model) and the ledger reuses the notebook's runs.
  const variant = exitModel === "default" ? {} : { exitModel };
  const seed = params.seed;
  return {
    trace: traceExperiment({ runs: quick ? 2 : 120, seed, ...variant }),
    scale: scaleExperiment({ slots: quick ? 24 : 360, seed, ...variant }),
    regimes: regimeExperiment({
      ...(quick ? { runs: 5, slots: 24 } : { runs: 30, slots: 120 }),
      seed,
      ...variant,
      baselines: REGIME_BASELINES,
    }),
    capacity: capacityExperiment(
      { runs: quick ? 3 : 20, slots: quick ? 12 : 48, seed, ...variant },
      SWEEP_CAPACITIES,
    ),
    electricity: electricityExperiment(DEFAULT_MARKET, [0.05, 0.2], {
      runs: quick ? 3 : 20,
      slots: quick ? 24 : 120,
      seed,
      ...variant,
    }),
  };
}

function declareClaims(params: RunParams, exitModel: ExitModelName): ClaimSpec[] {
  const quick = params.mode === "quick";
  const experiments = ledgerExperiments(params, exitModel);
  const runs = experiments.trace.units;
  const sweepSlots = quick ? 24 : 360;
  const scale = quick
    ? `quick mode: ${runs} runs of 360 slots, ${sweepSlots} slots per sweep point`
    : `paper mode: ${runs} runs of 360 slots, ${sweepSlots} slots per sweep point`;
  const trace = memo<TraceRuns>(() => computeSplit(experiments.trace));
  const sweep = memo<SweepRow[]>(() => computeSplit(experiments.scale));
  const aeriaSweep = (axis: SweepRow["axis"]) =>
    sweep().filter((r) => r.axis === axis && r.mechanism === "aeria");
  const increasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);
  const audit = memo(() => incentiveAudit(quick ? 60 : 600, params.seed));
  const removal = memo(() =>
    removalAudit(quick ? 400 : 4000, createRng(params.seed).stream("claims-removal"))
  );
  const regimeSize = quick ? { runs: 5, slots: 24 } : { runs: 30, slots: 120 };
  const regimeScale =
    `${regimeSize.runs} paired runs × ${regimeSize.slots} slots, constant electricity and uniform 20-30 Mbit/s`;
  const regimes = memo(() => computeSplit(experiments.regimes));
  /** The paper's four baselines in one regime. */
  const inRegime = (regime: RegimeComparisonRow["regime"]) =>
    regimes().filter((r) => r.regime === regime && PAPER_BASELINES.includes(r.baseline));
  /** AERIA's revenue over the mean of IAO, AMR² and one Edgent reading, minus 1. */
  const overStateOfTheArt = (regime: RegimeComparisonRow["regime"], edgent: Mechanism) => {
    const rows = regimes().filter((r) => r.regime === regime);
    const three = rows.filter((r) => ["iao", "amr2", edgent].includes(r.baseline));
    return rows[0]!.aeriaRevenue /
        (three.reduce((t, r) => t + r.baselineRevenue, 0) / three.length) - 1;
  };
  const capacityCrn = memo(() => computeSplit(experiments.capacity));
  const expectedIc = memo(() => ({
    limited: expectedUtilityAudit(quick ? 60 : 600, params.seed, "limited"),
    unlimited: expectedUtilityAudit(quick ? 60 : 600, params.seed, "unlimited"),
  }));
  return [
    {
      id: "aeria.exits-equal-split",
      paper: PAPER,
      where: "Sec. VI-A (multi-exit models)",
      statement:
        "The three early exits split the main branch's compute into equal quarters (largest gap of an exit's cumulative share from 1/4, 2/4, 3/4 over the four models).",
      paperValue: 0,
      rule: within({ abs: 0.03 }),
      evidence: "independent",
      explanation:
        "Exits can only sit between layer units: ME-AlexNet has 5 units (shallow exit at 18% of compute instead of 25%), ME-VGG-16 13 units (31%). ResNet-34 and BART come within 0.03. The paper does not say how it rounded.",
      source: "layerProfile() on our architecture definitions",
      measure: () =>
        Math.max(
          ...MODEL_IDS.flatMap((id) => {
            const rows = layerProfile(id);
            return rows.filter((r) => r.exit !== "" && r.exit !== "final")
              .map((r, q) => Math.abs(r.cumulativeShare - (q + 1) / 4));
          }),
        ),
    },
    ...BART_EARLY_EXIT_RANGE.map((share, k): ClaimSpec => ({
      id: k === 0 ? "aeria.bart-early-exit-strict" : "aeria.bart-early-exit-loose",
      paper: PAPER,
      where: "Sec. VI-C, Fig. 3 (ME-BART)",
      statement: `ME-BART's early-exit share at the ${
        k === 0 ? "strictest" : "loosest"
      } confidence criterion of Fig. 3 (text: 18% to 48%).`,
      paperValue: share,
      rule: within({ abs: 0.005 }),
      evidence: "calibrated",
      source:
        "MODELLED, by construction: the ME-BART difficulty distribution is fitted to these two numbers at σ = 0.1 and 0.5 (our Fig. 3 grid); this only shows the parametric model can express the statement",
      measure: () =>
        earlyExitShare(
          EXIT_MODELS[exitModel].bart,
          k === 0 ? FIG3_SIGMA_GRID[0]! : FIG3_SIGMA_GRID.at(-1)!,
        ),
    })),
    ...([
      ["alexnet", "ME-AlexNet average accuracy loss vs vanilla AlexNet (%)", 1.97],
      ["resnet34", "ME-ResNet-34 average accuracy loss (%)", 2.47],
      ["vgg16", "ME-VGG-16 average accuracy loss (%)", 3.77],
      ["bart", "ME-BART average BLEU-accuracy gain over vanilla BART (%)", 1.1],
    ] as const).map(([key, statement, value]): ClaimSpec => ({
      id: `aeria.accuracy-${key}`,
      paper: PAPER,
      where: "Sec. VI-C (Multi-exit DNN vs vanilla DNN)",
      statement,
      paperValue: value,
      status: "not-reproducible-here",
      explanation:
        "Needs the trained multi-exit networks and their validation/test sets; Fig. 3's curves are not printed. Our exit model is parametric (modelled, not measured) and has no accuracy component we could check without circularity.",
    })),
    {
      id: "aeria.accuracy-alexnet-exit-gain",
      paper: PAPER,
      where: "Sec. VI-C",
      statement:
        "ME-AlexNet's accuracy exceeds vanilla AlexNet by 1%-8% at some early exits (overthinking).",
      paperValue: [1, 8],
      status: "not-reproducible-here",
      explanation: "Requires trained ME-AlexNet on CIFAR-10; not available here.",
    },
    {
      id: "aeria.edge-power",
      paper: PAPER,
      where: "Sec. VI-A (Edge cluster)",
      statement: "Edge cluster power: 3 × i7-13700K at 125 W with PUE 1.2 = 450 W.",
      paperValue: 450,
      rule: within({ abs: 1e-9 }),
      evidence: "arithmetic",
      source: "lib/hardware i7-13700k TDP (Intel ARK) × 3 × 1.2",
      measure: () => figureValue(getHardware("i7-13700k"), "tdpWatts") * 3 * 1.2,
    },
    {
      id: "aeria.electricity-median",
      paper: PAPER,
      where: "Sec. VI-A (Edge cluster)",
      statement: "Median hourly electricity price of the Ontario trajectory: 0.1056 $/kWh.",
      paperValue: 0.1056,
      rule: within({ abs: 1e-9 }),
      evidence: "calibrated",
      source:
        "By construction: IESO HOEP 6-20 Sept 2016 (stand-in for Sept 2022, not available) plus a constant adder so the median is the paper's; hourly shape from 2016",
      measure: () => {
        const v = [...electricityPrices(params.seed).values].sort((a, b) => a - b);
        return (v[179]! + v[180]!) / 2;
      },
    },
    wirelessRangeClaim(params),
    {
      id: "aeria.bids-per-slot",
      paper: PAPER,
      where: "Sec. VI-A, Fig. 5 (left)",
      statement:
        "About 39 to 112 edge-inference bids per one-hour slot (Shanghai Telecom, 1,500 users).",
      paperValue: [39, 112],
      status: "not-reproducible-here",
      explanation:
        "The Shanghai Telecom trace is not available; our bids per slot are a SYNTHETIC diurnal profile clipped to [39, 112], so the range holds by construction.",
    },
    {
      id: "aeria.runtime-3ms",
      paper: PAPER,
      where: "Sec. VI-C, Fig. 4 (right)",
      statement:
        "One AERIA slot takes about 3 ms (i9-10920X); we check it stays at or below 3 ms with 112 bids here.",
      paperValue: 3,
      rule: atMost(),
      evidence: "independent",
      timing: true,
      source:
        "runtimeScan([112]): median per-slot wall time of runSlot (validation, Phase I, ROSO, CENTRE, REAL) on this machine; bench/aeria_bench.ts has the formal number",
      measure: () => runtimeScan([112], quick ? 20 : 200, params.seed)[0]!.medianMs,
    },
    {
      id: "aeria.runtime-flat",
      paper: PAPER,
      where: "Sec. VI-C, Fig. 4 (right)",
      statement:
        "Runtime stays about constant across system scales (ratio of 120-bid to 40-bid time).",
      paperValue: 1,
      rule: within({ abs: 0.5 }),
      evidence: "independent",
      timing: true,
      explanation:
        "Our slot time grows linearly with the bids (Phase I is O(g) per bid, sorting O(N log N)) and is ~0.03-0.09 ms, about 40× below the paper's 3 ms; a flat 3 ms suggests fixed overheads dominated the paper's measurement.",
      source: "runtimeScan([40, 120]): fastest of repeated 8-slot batches (robust to other load)",
      measure: () => {
        const [small, large] = runtimeScan([40, 120], quick ? 40 : 400, params.seed);
        return large!.minMs / small!.minMs;
      },
    },
    {
      id: "aeria.revenue-advantage",
      paper: PAPER,
      where: "Sec. I (contributions), Sec. VI-D",
      statement:
        "Compared with the state-of-the-art approaches (IAO, Edgent, AMR², Sec. VI-B), AERIA earns about 60% more revenue (our measure: AERIA's mean revenue over the mean of those three, minus 1, trace-driven).",
      paperValue: 0.6,
      rule: within({ abs: 0.1 }),
      evidence: "independent",
      explanation:
        "With ROSO's winners = Definition 1's prefix we measure about +45% over the three algorithms (about +65% with the Fixed-Profit-Rate rule averaged in), and the average hides that our Edgent reading (one exit, σ not honoured) earns about 12% MORE than AERIA (AERIA beats IAO by ~90%, AMR² by ~145%, Fixed Profit Rate by ~190%). The paper prints neither budgets nor its baselines' pricing details; with budgets exogenous in $, COCO's revenue depends on the density ranking, not on how little edge compute a mechanism requests, so Edgent's larger requests are not penalised. The calibrated paper regime gives a similar picture (next claims and the notebook's regime table, with intervals). Edgent read as honouring σ still out-earns AERIA here, by about 7% (paper mode, regime table: −7.5% ± 0.4%).",
      source: `traceDrivenRuns (${scale}); revenueAdvantage().overStateOfTheArt`,
      measure: () => revenueAdvantage(trace().summary).overStateOfTheArt,
    },
    {
      id: "aeria.beats-baselines-every-slot",
      paper: PAPER,
      where: "Sec. VI-D, Fig. 5",
      statement:
        "AERIA always earns more than each of the four baselines (lowest, over baselines, share of slots where AERIA's mean revenue over runs is at least the baseline's).",
      paperValue: 1,
      rule: atLeast(),
      evidence: "independent",
      explanation:
        "Our Edgent reading (deepest exit fitting an equal share, σ not honoured, priced by the same COCO auction) wins about 87% of slots in quick mode and every slot once the paper mode's 120 runs are averaged. Against IAO, AMR² and Fixed Profit Rate AERIA wins 99.7-100% of slots; the rest are slots where CENTRE's random target (uniform in log scale on (Π̃/y, Π̃/δ]) lands low, and they thin out as more runs are averaged.",
      source: `traceDrivenRuns (${scale}); slotWinShares()`,
      measure: () => Math.min(...Object.values(slotWinShares(trace()))),
    },
    {
      id: "aeria.revenue-advantage.paper-regime",
      paper: PAPER,
      where: "Sec. I (contributions), Sec. VI-D",
      statement:
        "AERIA earns about 60% more revenue than the state-of-the-art approaches (IAO, Edgent, AMR²), judged in the calibrated paper regime (AERIA's mean revenue over the mean of the three, minus 1).",
      paperValue: 0.6,
      rule: within({ abs: 0.1 }),
      evidence: "independent",
      reading:
        "The regime is calibrated to Fig. 4's capacity trend, not to this number. Per baseline (paired runs, 95% t interval) the notebook's regime table gives both regimes side by side; Edgent as we read it (one exit, σ not honoured) out-earns AERIA in both.",
      explanation:
        "The average is driven by IAO, which sells almost nothing once its budget-blind minimax allocations exceed the tight budgets, while Edgent earns about a quarter more than AERIA: its single-exit demands are larger but it is priced by the same COCO auction, and with need-scaled budgets larger requests are not penalised. Edgent buys this by ignoring σ: in the paper regime every Edgent winner stops at an early exit and only ~42% of its samples meet their σ (~98% in the default market; notebook, edgentSigmaReport), while AERIA's multi-exit plan meets σ for every sample. The paper's baseline details are not printed.",
      source: `compareRegimes("paper-regime", ${regimeScale})`,
      measure: () => {
        return overStateOfTheArt("paper-regime", "edgent");
      },
    },
    ...(["default", "paper-regime"] as const).map((regime): ClaimSpec => ({
      id: `aeria.revenue-advantage.sigma-edgent${regime === "default" ? "" : ".paper-regime"}`,
      paper: PAPER,
      where: "Sec. I (contributions), Sec. VI-B/VI-D",
      statement:
        `AERIA earns about 60% more revenue than IAO, Edgent and AMR², with Edgent read as honouring each user's σ (${
          regime === "default" ? "our default market" : "the calibrated paper regime"
        }; AERIA's mean revenue over the mean of the three, minus 1).`,
      paperValue: 0.6,
      rule: within({ abs: 0.1 }),
      evidence: "independent",
      reading:
        `Second Edgent reading (baselines.ts "edgent-sigma"): Edgent may stop only at an exit where at least ${
          EDGENT_SIGMA_TARGET * 100
        }% of the user's samples meet σ under the MODELLED exit curves, so this reading inherits their uncertainty. The first reading (σ not honoured) is the revenue-advantage claim of the same regime; the notebook's regime table gives both per baseline with 95% intervals.`,
      explanation:
        "Honouring σ keeps Edgent at deep exits: in quick mode about 8% of its winners stop early in the paper regime (σ-blind Edgent: all of them), so its demands are larger and it serves about 19 users per slot instead of 41. There AERIA earns +35% (95% t interval over 5 paired runs × 24 slots: ±5%) more than σ-honouring Edgent and wins about 92% of slots, against −24% (±2%) versus σ-blind Edgent; in the default market capacity rarely binds, both readings run to the final exit for almost everyone, and σ-honouring Edgent still earns about 6% (±3%) more than AERIA. The mean of the three is pulled up by IAO's near-zero revenue in the paper regime (AERIA +620% over it), so it overshoots 60% there and falls short in the default market; the paper does not print its baselines in enough detail to settle which reading it used." +
        (regime === "default"
          ? " In paper mode (30 paired runs × 120 slots) the value is +48% and moves to +52% under the flat exit model, inside the band: exit-model-driven."
          : ""),
      source: `compareRegimes("${regime}", ${regimeScale}, baselines incl. edgent-sigma)`,
      measure: () => overStateOfTheArt(regime, "edgent-sigma"),
    })),
    {
      id: "aeria.beats-baselines-every-slot.paper-regime",
      paper: PAPER,
      where: "Sec. VI-D, Fig. 5",
      statement:
        "AERIA always earns more than each of the four baselines, judged in the calibrated paper regime (lowest, over baselines, share of (run, slot) pairs where AERIA earns at least as much).",
      paperValue: 1,
      rule: atLeast(),
      evidence: "independent",
      explanation:
        "Edgent (our reading) out-earns AERIA in most slots; against IAO and the fixed rule AERIA wins ≥ 99% of slots, against AMR² about 93%. Slots are counted per run here (no averaging over runs), so CENTRE's random target makes single slots lose more often than in the Fig. 5 claim.",
      source: `compareRegimes("paper-regime", ${regimeScale}).slotWinShare`,
      measure: () => Math.min(...inRegime("paper-regime").map((r) => r.slotWinShare)),
    },
    {
      id: "aeria.fulfilled-top",
      paper: PAPER,
      where: "Sec. VI-D, Fig. 5",
      statement:
        "AERIA is among the top mechanisms in fulfilled inference requests (its rank by mean winners per slot, 1 = most, in the trace-driven runs; 'among the top' read as rank ≤ 2).",
      paperValue: 2,
      rule: atMost(),
      evidence: "independent",
      explanation:
        "AMR² enrols every user it can fit (price = the lowest density) and the fixed-profit rule needs only its fixed target, so both serve more users than AERIA, whose revenue-maximising single price excludes the low-density bids; Edgent serves about as many. Same order in the calibrated paper regime (notebook regime table).",
      source: `traceDrivenRuns (${scale})`,
      measure: () => rankOf(trace().summary, "aeria", "fulfilled"),
    },
    {
      id: "aeria.utilisation-leading",
      paper: PAPER,
      where: "Sec. VI-D, Fig. 5",
      statement:
        "AERIA's edge utilisation is at a leading level (its rank by mean utilisation, 1 = highest, in the trace-driven runs; read as rank ≤ 2).",
      paperValue: 2,
      rule: atMost(),
      evidence: "independent",
      explanation:
        "In our default market the bids request about a fifth of the cluster and AERIA's single price sells to a prefix of them, so its utilisation (~0.13) is the lowest. In the calibrated paper regime it rises to ~0.92 but AMR² and the fixed rule fill ~0.99 (notebook regime table).",
      source: `traceDrivenRuns (${scale})`,
      measure: () => rankOf(trace().summary, "aeria", "utilisation"),
    },
    {
      id: "aeria.fixed-profit-rate-lowest",
      paper: PAPER,
      where: "Sec. VI-C/VI-D, Fig. 4-5",
      statement: "Fixed Profit Rate = 1.0 earns the lowest revenue of all mechanisms.",
      paperValue: true,
      rule: equals(),
      evidence: "calibrated",
      reading:
        "Calibrated: our budget range [0.002, 0.02] $ was chosen (after a 4× lower first choice put AERIA's profit rate below this rule's fixed 1.0) so that this statement holds; see market.ts. Revenue scales with that range, the fixed rule's does not.",
      source: `traceDrivenRuns (${scale})`,
      measure: () => isLowest(trace().summary, "fixed-profit-rate", "revenue"),
    },
    {
      id: "aeria.iao-worst-fulfilled",
      paper: PAPER,
      where: "Sec. VI-D, Fig. 5",
      statement: "IAO fulfils the fewest inference requests (budget-blind demands get declined).",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: `traceDrivenRuns (${scale})`,
      measure: () => isLowest(trace().summary, "iao", "fulfilled"),
    },
    {
      id: "aeria.iao-worst-utilisation",
      paper: PAPER,
      where: "Sec. VI-D, Fig. 5",
      statement: "IAO has the lowest edge resource utilisation.",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation:
        "In our reading IAO splits the whole capacity among its users (minimax latency), so its winners hold large allocations and utilisation is the HIGHEST (~57%, AERIA ~13%), although it serves the fewest users. The paper does not describe IAO's allocation in enough detail to tell which reading it used.",
      source: `traceDrivenRuns (${scale})`,
      measure: () => isLowest(trace().summary, "iao", "utilisation"),
    },
    {
      id: "aeria.revenue-grows-with-users",
      paper: PAPER,
      where: "Sec. VI-C, Fig. 4",
      statement: "AERIA's revenue increases with the number of users per slot (40-120).",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: `scaleSweep (${scale})`,
      measure: () => increasing(aeriaSweep("users").map((r) => r.revenue)),
    },
    {
      id: "aeria.revenue-grows-with-capacity",
      paper: PAPER,
      where: "Sec. VI-C, Fig. 4",
      statement:
        "AERIA's revenue increases with the edge capacity (500-6000 GFLOPS), in our default market.",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation:
        "In our default market (budgets U[0.002, 0.02] $, t_i = u·W_j/10 GFLOPS, u ∈ [0.2, 1]) the bids request about a fifth of the 3,930-GFLOPS cluster, so capacity binds only below ~1,000 GFLOPS and revenue is flat above it (same bids at every capacity: common random numbers). The paper prints neither budgets nor latency requirements; in the calibrated paper regime (next claim) the trend appears.",
      source: `scaleSweep (${scale}; one seed for every sweep point)`,
      measure: () => increasing(aeriaSweep("capacity").map((r) => r.revenue)),
    },
    {
      id: "aeria.revenue-grows-with-capacity.paper-regime",
      paper: PAPER,
      where: "Sec. VI-C, Fig. 4",
      statement:
        "AERIA's revenue increases with the edge capacity (500-6000 GFLOPS) and capacity binds at the default 3,930 GFLOPS (edge demands ≥ 2× f_e).",
      paperValue: true,
      rule: equals(),
      evidence: "calibrated",
      reading:
        "Calibrated regime (regime.ts PAPER_REGIME_MARKET): t_i with u ∈ [0.02, 0.1] and budgets β_i = v_i·W_j/t_i, v_i ∈ [3, 12]·10⁻⁵ $/GFLOPS, chosen so that exactly this statement holds (the calibration target). It shows our model can produce Fig. 4's shape; it is not independent evidence for it.",
      source: `capacitySweepCrn (${
        quick ? "3 runs × 12 slots" : "20 runs × 48 slots"
      } per capacity, common random numbers)`,
      measure: () => {
        const rows = capacityCrn().filter((p) =>
          p.regime === "paper-regime" && p.mechanism === "aeria"
        );
        return increasing(rows.map((p) => p.revenue.mean)) &&
          rows.find((p) => p.edgeGflops === 3930)!.offeredLoad >= 2;
      },
    },
    {
      id: "aeria.iao-flat",
      paper: PAPER,
      where: "Sec. VI-C, Fig. 4",
      statement:
        "IAO's revenue stays almost unchanged, at a low level, across N_t and f_e (largest relative range (max − min)/mean of IAO's revenue over the two Fig. 4 sweeps; 'almost unchanged' read as ≤ 0.2).",
      paperValue: 0.2,
      rule: atMost(),
      evidence: "independent",
      explanation:
        "In our reading IAO's minimax split gives every user the same latency; more capacity (or more users to share the budget-blind split among) changes how many meet their requirement, so IAO's revenue roughly quadruples from 500 to 6,000 GFLOPS and from 40 to 120 users. It stays far below AERIA's, as the paper says.",
      source: `scaleSweep (${scale}; one seed for every sweep point)`,
      measure: () =>
        Math.max(
          ...(["users", "capacity"] as const).map((axis) => {
            const v = sweep().filter((r) => r.axis === axis && r.mechanism === "iao").map((r) =>
              r.revenue
            );
            return (Math.max(...v) - Math.min(...v)) / (v.reduce((a, b) => a + b, 0) / v.length);
          }),
        ),
    },
    {
      id: "aeria.electricity-lowers-revenue",
      paper: PAPER,
      where: "Sec. VI-D, Fig. 5",
      statement:
        "A higher hourly electricity price lowers AERIA's revenue (revenue at 0.2 $/kWh below revenue at 0.05 $/kWh, same bids).",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation:
        "Electricity enters AERIA only through the rental price p^r and the reserve price (1 + γ)p^r/f_e, about 10⁻⁵ $/GFLOPS here, far below the bids' densities, so revenue is unchanged until the reserve binds (it first moves at ~0.5 $/kWh in the paper regime). The profit rate (Π − p^r)/p^r does fall, by definition; the paper's 'revenue/profit rate' holds for the second.",
      source: `electricityEffect(default market, [0.05, 0.2] $/kWh, ${
        quick ? "3 runs × 24 slots" : "20 runs × 120 slots"
      }, common random numbers)`,
      measure: () => {
        const [low, high] = computeSplit(experiments.electricity);
        return high!.revenue < low!.revenue;
      },
    },
    {
      id: "aeria.competitiveness-above-bound",
      paper: PAPER,
      where: "Sec. VI-C/VI-D, Fig. 4-5; Theorem 2",
      statement:
        "The actual competitiveness ratio Π̂/Π̃ is always above the theoretical guarantee (share of slots, Fig. 4 sweeps and Fig. 5 runs).",
      paperValue: 1,
      rule: atLeast(),
      evidence: "independent",
      reading:
        "Holds per slot by construction (CENTRE's Π̂ > Π̃/y and the bound at the optimal y equals 1/y), so agreement confirms our CENTRE, not the paper's experiment.",
      source: `traceDrivenRuns (${scale})`,
      measure: () => {
        const pairs = trace().inputs.filter((r) => r.actualRatio !== null);
        return pairs.filter((r) => r.actualRatio! > r.bound!).length / pairs.length;
      },
    },
    {
      id: "aeria.theorem2",
      paper: PAPER,
      where: "Theorem 2, Appendix E",
      statement:
        "E[f(Π̃)] ≥ Π̃(1/δ − 1/y)/ln y: the Monte Carlo 99.9% CI of the truncated estimate contains the bound and CENTRE's mean exceeds it (δ ∈ {1.05, 1.25, 2, 5}).",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      source: `theorem2MonteCarlo, ${quick ? 20_000 : 200_000} draws per δ`,
      measure: () =>
        [1.05, 1.25, 2, 5].every((delta) => {
          const c = theorem2MonteCarlo(delta, quick ? 20_000 : 200_000, params.seed);
          return c.truncated.lo <= c.bound && c.bound <= c.truncated.hi && c.centre.lo > c.bound;
        }),
    },
    {
      id: "aeria.theorem1",
      paper: PAPER,
      where: "Theorem 1, Lemma 1",
      statement:
        "If f(Π̃) ≤ Π̃/δ, f is a consensus estimate for every bidder (violations counted over bid removals).",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      source: "removalAudit on random capacity-limited instances (removals where Π̃ does not rise)",
      measure: () => removal().theorem1Violations,
    },
    {
      id: "aeria.proposition1",
      paper: PAPER,
      where: "Proposition 1, Appendix A",
      statement: "Removing one bid lowers Π̃ by at most the factor (Φ̃ − ζ)/Φ̃ (violations counted).",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      source: "removalAudit on random capacity-limited instances",
      measure: () => removal().proposition1Violations,
    },
    {
      id: "aeria.definition2-interval",
      paper: PAPER,
      where: "Definition 2, Proposition 1",
      statement:
        "Π̃(U^{-i}) ≤ Π̃(U) for every bidder, so the consensus interval [Π̃/δ, Π̃] applies (share of removals where it fails).",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      explanation:
        "With ROSO's greedy capacity admission, removing a bid can free room for a larger, denser-in-total set, so Π̃ rises for a few removals; Proposition 1's lower side still holds.",
      source: "removalAudit",
      measure: () => removal().upperSideExceedances / removal().removals,
    },
    {
      id: "aeria.incentive-compatibility",
      paper: PAPER,
      where: "Sec. IV-C, V-C (incentive compatibility)",
      statement:
        "No bidder gains by misreporting its budget (share of misreports, same random draws, that beat truthful utility).",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      explanation:
        "From the design, not our reading. AERIA computes δ = Φ̃/(Φ̃ − ζ), y, Π̃, CENTRE's test f(Π̃) ≤ Π̃/δ and REAL from the reported set, so a report moves the target (Theorem 1 covers removing a bid, not misreporting one). The same audit (same instances and ε streams; icComparison, quick mode: 60 instances × seeds 1-10, 95% t interval over seeds), with ROSO's winners = Definition 1's prefix: AERIA 10.5% [9.9, 11.1]; δ, y frozen from the other bids 8.8% [8.0, 9.5] (Π̃ itself still moves with the report); whole target from the other bids with the paper's ROSO + REAL 2.0% [1.6, 2.4] (the rest comes from ROSO's greedy capacity admission); a Goldberg-Hartline-style bid-independent offer 0 (truthful by construction). The expected-utility audit (next claim) fails too. See the notebook's incentive-compatibility section.",
      source: `incentiveAudit (${
        quick ? 60 : 600
      } random instances × bidders × 9 misreport factors)`,
      measure: () => audit().violations / audit().trials,
    },
    {
      id: "aeria.incentive-compatibility-expected",
      paper: PAPER,
      where: "Sec. IV-C, V-C (incentive compatibility)",
      statement:
        "No bidder raises its EXPECTED utility (over CENTRE's randomness) by misreporting its budget (share of misreports that do, with each instance's capacity).",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      explanation:
        "Exact expectation (Lemma 2 under CENTRE's acceptance test; REAL keeps the whole Definition 1 prefix). Misreports move Π̃, δ and y, and hence E[Π̂]: about 12% of misreports gain in expectation with the capacity limit and about the same without any limit (unlimited-capacity share measured alongside), so the failure is the design's (δ and Π̃ computed from the reported bids), not ROSO's capacity admission.",
      source: `expectedUtilityAudit (${
        quick ? 60 : 600
      } random instances × bidders × 9 misreport factors, limited capacity)`,
      measure: () => expectedIc().limited.gaining / expectedIc().limited.trials,
    },
    {
      id: "aeria.budget-balance",
      paper: PAPER,
      where: "Sec. V-C Step 3 (REAL), (9a)",
      statement: "Every winner pays at most its budget (violations counted) and revenue equals Π̂.",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      reading:
        "Holds by construction of Moulin-Shenker cost sharing (price = Π̂/Φ̂ over users who can pay it); under Definition 1's prefix REAL removes nobody.",
      source: "incentiveAudit: COCO with REAL on Definition 1's prefix",
      measure: () => audit().budgetViolations + audit().revenueOffTarget,
    },
    {
      id: "aeria.algorithm3-as-printed",
      paper: PAPER,
      where: "Algorithm 3, line 3-10; Definition 1",
      statement:
        "Algorithm 3 as printed (non-increasing density order, Φ̂ ← Φ̃, break at the first affordable user) is budget balanced (no winner charged above its budget).",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      reading:
        "ROSO's winners Ũ are Definition 1's revenue-maximising prefix and Φ̃ its Σ ã (Algorithm 1 line 13). Then every member's density is at least Π̃/Φ̃ > Π̂/Φ̃, the printed loop breaks at once and nobody is overcharged; it returns the same winners as the cost-sharing loop in non-decreasing order. The other reading, Ũ = every capacity-admitted user, lets the printed loop overcharge (two bidders with densities 10 and 1, target 4, Φ̃ = 2: the second pays 2 > 1).",
      source: `printedRealAudit (${
        quick ? 1000 : 10_000
      } random capacity-limited instances, CENTRE's target, Definition 1's prefix): no overcharge and no winner mismatch with REAL`,
      measure: () => {
        const a = printedRealAudit(
          quick ? 1000 : 10_000,
          createRng(params.seed).stream("claims-printed-real"),
        );
        return a.auctions > 0 && a.overcharges === 0 && a.winnerMismatches === 0;
      },
    },
    {
      id: "aeria.envy-free-price",
      paper: PAPER,
      where: "Sec. V-C Step 3 (envy-freeness)",
      statement:
        "All winners pay the same unit price and no loser would take their deal (mean number per auction of losers, excluded before REAL by capacity or reserve, whose density is at least the price).",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      explanation:
        "The uniform price holds by construction. But users skipped by ROSO's capacity check (or reserve) never reach REAL, and many have densities above the final price: they would envy the winners' deal. With ROSO's winners = Definition 1's prefix, admitted users just below the prefix whose density lies between the price Π̂/Φ̃ and d_[i*] lose too, although they could pay (about one loser per auction more than with REAL on every admitted user). Envy-freeness holds only among the winners.",
      source: "incentiveAudit (losers with density ≥ price, per run)",
      measure: () => audit().losersAbovePrice / audit().runs,
    },
  ];
}

/**
 * The Ghent rate-range claim. It speaks about the trace itself, so without the raw trace (where a
 * generator calibrated on its statistics stands in) it is not reproducible here.
 */
function wirelessRangeClaim(params: RunParams): ClaimSpec {
  const base = {
    id: "aeria.wireless-range",
    paper: PAPER,
    where: "Sec. VI-A (Wireless network), Fig. 5",
    statement: "Ghent 4G data rate over the 360 slots ranges within [7, 60] Mbit/s.",
    paperValue: [7, 60] as const,
  };
  const rates = wirelessRates(360, params.seed);
  if (rates.source === "synthetic") {
    return {
      ...base,
      status: "not-reproducible-here",
      explanation: `The Ghent 4G trace is absent here; ${rates.description}. ` +
        "Generated rates cannot test a statement about the trace itself.",
    };
  }
  return {
    ...base,
    rule: rangeEndsWithin(3),
    evidence: "independent",
    explanation:
      "Our per-slot rate averages equal windows (about 50 s) of the 40 Sabre-converted Ghent logs concatenated; the range is wider (about 4-96 Mbit/s). The paper does not say which logs or windows it used.",
    source: "wirelessRates(360)",
    measure: () => [Math.min(...rates.values), Math.max(...rates.values)] as const,
  };
}

/** Whether `mechanism` has the lowest (or a tied-lowest) value of `metric` in a run summary. */
function isLowest<K extends string>(
  summary: readonly ({ mechanism: string } & Record<K, number>)[],
  mechanism: string,
  metric: K,
): boolean {
  const own = summary.find((row) => row.mechanism === mechanism);
  if (!own) throw new Error(`no summary row for mechanism ${mechanism}`);
  return summary.every((row) => row[metric] >= own[metric]);
}

/** Rank (1 = largest) of `mechanism` by `metric` in a run summary; ties share the better rank. */
function rankOf<K extends string>(
  summary: readonly ({ mechanism: string } & Record<K, number>)[],
  mechanism: string,
  metric: K,
): number {
  const own = summary.find((row) => row.mechanism === mechanism);
  if (!own) throw new Error(`no summary row for mechanism ${mechanism}`);
  return 1 + summary.filter((row) => row[metric] > own[metric]).length;
}
