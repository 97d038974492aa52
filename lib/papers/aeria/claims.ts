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
import type { RunParams } from "../../core/params.ts";
import { createRng } from "../../core/rng.ts";
import { figureValue, getHardware } from "../../hardware/mod.ts";
import { realAsPrinted } from "./auction.ts";
import {
  BART_EARLY_EXIT_RANGE,
  earlyExitShare,
  EXIT_SHAPES,
  FIG3_SIGMA_GRID,
} from "./exit_model.ts";
import {
  layerProfile,
  revenueAdvantage,
  runtimeScan,
  scaleSweep,
  slotWinShares,
  type SweepRow,
  traceDrivenRuns,
  type TraceRuns,
} from "./experiments.ts";
import { MODEL_IDS } from "./multi_exit.ts";
import { incentiveAudit, removalAudit, theorem2MonteCarlo } from "./properties.ts";
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

/**
 * Claim declarations.
 *
 * @param params run mode and seed
 * @returns the claims
 * @example
 * ```ts
 * import { claims } from "./claims.ts";
 * claims({ mode: "quick", seed: 1 }).length; // 33
 * ```
 */
export function claims(params: RunParams): ClaimSpec[] {
  const quick = params.mode === "quick";
  const runs = quick ? 2 : 120;
  const sweepSlots = quick ? 24 : 360;
  const scale = quick
    ? `quick mode: ${runs} runs of 360 slots, ${sweepSlots} slots per sweep point`
    : `paper mode: ${runs} runs of 360 slots, ${sweepSlots} slots per sweep point`;
  const trace = memo<TraceRuns>(() => traceDrivenRuns({ runs, seed: params.seed }));
  const sweep = memo<SweepRow[]>(() => scaleSweep({ slots: sweepSlots, seed: params.seed }));
  const aeriaSweep = (axis: SweepRow["axis"]) =>
    sweep().filter((r) => r.axis === axis && r.mechanism === "aeria");
  const increasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);
  const audit = memo(() => incentiveAudit(quick ? 60 : 600, params.seed));
  const removal = memo(() =>
    removalAudit(quick ? 400 : 4000, createRng(params.seed).stream("claims-removal"))
  );
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
        earlyExitShare(EXIT_SHAPES.bart, k === 0 ? FIG3_SIGMA_GRID[0]! : FIG3_SIGMA_GRID.at(-1)!),
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
        "We measure about +30% over the three algorithms (about +50% if the Fixed-Profit-Rate rule is averaged in), and the average hides that our Edgent reading earns about 18% MORE than AERIA (AERIA beats IAO by ~70%, AMR² by ~120%, Fixed Profit Rate by ~160%). The paper prints neither budgets nor its baselines' pricing details; with budgets exogenous in $, COCO's revenue depends on the density ranking, not on how little edge compute a mechanism requests, so Edgent's larger requests are not penalised. Revenue scales with our assumed budget range; these ratios do not.",
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
        "Our Edgent reading (deepest exit fitting an equal share, priced by the same COCO auction) wins almost every slot. Against IAO, AMR² and Fixed Profit Rate AERIA wins 96-100% of slots; the rest are slots where CENTRE's random target (uniform in log scale on (Π̃/y, Π̃/δ]) lands low, and they thin out as more runs are averaged.",
      source: `traceDrivenRuns (${scale}); slotWinShares()`,
      measure: () => Math.min(...Object.values(slotWinShares(trace()))),
    },
    {
      id: "aeria.fixed-profit-rate-lowest",
      paper: PAPER,
      where: "Sec. VI-C/VI-D, Fig. 4-5",
      statement: "Fixed Profit Rate = 1.0 earns the lowest revenue of all mechanisms.",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
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
        "In our reading IAO splits the whole capacity among its users (minimax latency), so its winners hold large allocations and utilisation is the HIGHEST (~75%), although it serves the fewest users. The paper does not describe IAO's allocation in enough detail to tell which reading it used.",
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
      statement: "AERIA's revenue increases with the edge capacity (500-6000 GFLOPS).",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation:
        "With our demand model the cluster binds only below ~1000 GFLOPS and AERIA's revenue is flat across capacities: ROSO admits the densest bids first, so the bids added by extra capacity have low densities and do not raise the single-price optimum Π̃. The paper's budgets and latency requirements are not printed.",
      source: `scaleSweep (${scale})`,
      measure: () => increasing(aeriaSweep("capacity").map((r) => r.revenue)),
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
      source:
        `scaleSweep and traceDrivenRuns (${scale}); holds per slot by construction: CENTRE's Π̂ > Π̃/y and the bound at the optimal y equals 1/y`,
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
        "From the design, not our reading. AERIA computes δ = Φ̃/(Φ̃ − ζ), y, Π̃, CENTRE's test f(Π̃) ≤ Π̃/δ and REAL from the reported set, so a report moves the target (Theorem 1 covers removing a bid, not misreporting one). The same audit (same instances and ε streams; icComparison, quick mode: 60 instances × seeds 1-10, 95% t interval over seeds) on comparison mechanisms: AERIA 13.8% [13.2, 14.5]; δ, y frozen from the other bids 4.8% [4.4, 5.3]; whole target from the other bids with the paper's ROSO + REAL 2.1% [1.7, 2.5] (the rest comes from ROSO's greedy capacity admission); a Goldberg-Hartline-style bid-independent offer 0 (truthful by construction). The truthful variant earned about 3% less than AERIA on the quick trace runs but almost never charges one uniform price (per-bidder grids y_{-i}). See the notebook's incentive-compatibility section.",
      source: `incentiveAudit (${
        quick ? 60 : 600
      } random instances × bidders × 9 misreport factors)`,
      measure: () => audit().violations / audit().trials,
    },
    {
      id: "aeria.budget-balance",
      paper: PAPER,
      where: "Sec. V-C Step 3 (REAL), (9a)",
      statement: "Every winner pays at most its budget (violations counted) and revenue equals Π̂.",
      paperValue: 0,
      rule: within({ abs: 0 }),
      evidence: "independent",
      source:
        "incentiveAudit: REAL removing users in non-decreasing density order (our reading of Algorithm 3)",
      measure: () => audit().budgetViolations + audit().revenueOffTarget,
    },
    {
      id: "aeria.algorithm3-as-printed",
      paper: PAPER,
      where: "Algorithm 3, line 3-10",
      statement:
        "Algorithm 3 as printed (non-increasing density order, break at the first affordable user) is budget balanced.",
      paperValue: true,
      rule: equals(),
      evidence: "independent",
      explanation:
        "Read literally, the loop meets the densest user first and breaks, so low-density users stay and pay more than their budget (two-bidder example: densities 10 and 1, target 4 → the second pays 2 > 1). The text says underbudgeted users are removed; we implement that (non-decreasing order).",
      source: "realAsPrinted on the two-bidder example",
      measure: () => {
        const r = realAsPrinted(
          Float64Array.of(10, 1),
          Float64Array.of(1, 1),
          Int32Array.of(0, 1),
          4,
          2,
        );
        return Array.from(r.winners).every((i) => r.price! * 1 <= [10, 1][i]!);
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
        "The uniform price holds by construction. But users skipped by ROSO's capacity check (or reserve) never reach REAL, and many have densities above the final price: they would envy the winners' deal. Envy-freeness holds only among ROSO-admitted users.",
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
