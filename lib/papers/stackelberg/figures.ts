/**
 * Tables and figures of notebook 04 (data computed by the library, rendered with core.display).
 * Each function returns one {@link Displayable}, so notebook cells stay one line.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Displayable, plot, table } from "../../core/display.ts";
import { allocateClosedForm, allocateLp } from "./allocation.ts";
import { bruteForceStageOne } from "./brute_force.ts";
import { examineSubstitution, examineThreshold } from "./checks.ts";
import { compareWithExact, type StageOneComparison } from "./stage_one_checks.ts";
import { inferenceDemand, trainingDemand } from "./demand.ts";
import { type CostAssumptions, modelledGpuCosts } from "./hardware_costs.ts";
import { randomMarket } from "./instances.ts";
import { type GpuCosts, type Market, type MarketSpec, parseMarket } from "./model.ts";
import { compareReadings, UNBOUNDEDNESS_PRICES } from "./readings.ts";
import { profitAt } from "./profit.ts";
import { solveStageOne } from "./stage_one.ts";
import { inferenceThresholdPrice } from "./threshold.ts";
import { createRng } from "../../core/rng.ts";
import { requireArray, requireInteger, requireObjectArray } from "../../core/validate.ts";

/** Fields of a {@link StageOneComparison} row that {@link stageOneTable} formats. */
const COMPARISON_FIELDS = [
  "clients",
  "seed",
  "theoremTrainingPrice",
  "theoremInferencePrice",
  "bruteTrainingPrice",
  "bruteInferencePrice",
  "relativeGap",
];

/**
 * The modelled cost derivation (H100 SXM / T4 by default) as a table.
 *
 * @param assumptions cost-model overrides
 * @returns a table, one row per GPU
 * @example
 * ```ts
 * import { costTable } from "./figures.ts";
 * costTable().html.includes("T4"); // true
 * ```
 */
export function costTable(assumptions: CostAssumptions = {}): Displayable {
  const { rows } = modelledGpuCosts(assumptions);
  return table(rows.map((r) => ({ ...r })), {
    caption:
      "Modelled per-GPU costs (USD per high-GPU-equivalent hour; assumption A5, not the paper's)",
  });
}

/**
 * Demand curves of three example clients: training g^T*(p^T) and inference g^I*(p^I), the latter
 * with and without a value v (assumption A4).
 *
 * @returns a line chart
 * @example
 * ```ts
 * import { demandCurves } from "./figures.ts";
 * demandCurves();
 * ```
 */
export function demandCurves(): Displayable {
  const clients = [
    {
      name: "client A",
      training: { gamma: 60, theta: 4 },
      inference: { gamma: 50, d: 1, lambda: 2, value: 100 },
    },
    {
      name: "client B",
      training: { gamma: 40, theta: 1.5 },
      inference: { gamma: 150, d: 0.8, lambda: 1, value: 300 },
    },
    {
      name: "client C",
      training: { gamma: 120, theta: 8 },
      inference: { gamma: 20, d: 1.5, lambda: 2.5, value: 60 },
    },
  ];
  const rows: { price: number; gpus: number; client: string; curve: string }[] = [];
  for (const c of clients) {
    const threshold = inferenceThresholdPrice(c.inference);
    const limit = threshold.exists ? threshold.price : Infinity;
    for (let k = 1; k <= 200; k++) {
      const price = k * 0.2;
      rows.push({
        price,
        gpus: trainingDemand(c.training, price),
        client: c.name,
        curve: "training g^T*",
      });
      rows.push({
        price,
        gpus: inferenceDemand(c.inference, price, limit),
        client: c.name,
        curve: "inference g^I*, with v (A4)",
      });
      rows.push({
        price,
        gpus: inferenceDemand(c.inference, price),
        client: c.name,
        curve: "inference g^I*, printed (always buys)",
      });
    }
  }
  return plot({
    title: "Stage II demand curves (Theorem 2)",
    width: 900,
    height: 300,
    x: { label: "price ($ per GPU-hour)" },
    y: { label: "GPUs demanded", domain: [0, 25] },
    color: { legend: true, type: "categorical" },
    facet: { data: rows, x: "client" },
    marks: [
      Plot.line(rows, { x: "price", y: "gpus", stroke: "curve", fx: "client", clip: true }),
      Plot.ruleY([0]),
    ],
  });
}

/**
 * Outcome of the Appendix B threshold examination as a table.
 *
 * @param seed root seed
 * @param samples parameter draws
 * @returns a one-row table of counts
 * @example
 * ```ts
 * import { thresholdTable } from "./figures.ts";
 * thresholdTable(1, 50);
 * ```
 */
export function thresholdTable(seed: number, samples: number): Displayable {
  const r = examineThreshold(seed, samples);
  return table([{
    draws: r.samples,
    "closed form complex": r.closedFormComplex,
    "closed form ≤ 0": r.closedFormNonPositive,
    "closed form > 0": r.closedFormPositive,
    "quadratic: positive root": r.quadraticPositiveRoots,
    "max_g P^I(g) ≥ 0 for some p": r.indifferenceReached,
    "printed disc. term ÷ 4ac": `${r.discriminantRatio[0].toFixed(6)} … ${
      r.discriminantRatio[1].toFixed(6)
    }`,
  }], {
    caption: "Appendix B's threshold p^I† on random positive (γ, d, λ), log-uniform in [1e-3, 1e3]",
  });
}

/**
 * Stage III: Theorem 1's closed form vs the HiGHS LP on random markets' demands at random prices.
 *
 * @param seed root seed
 * @param instances number of instances
 * @returns a table with both costs and feasibility verdicts
 * @example
 * ```ts
 * import { allocationTable } from "./figures.ts";
 * await allocationTable(1, 3);
 * ```
 */
export async function allocationTable(seed: number, instances: number): Promise<Displayable> {
  requireInteger("instances", instances, 1, 10_000);
  const rng = createRng(seed).stream("allocation-table");
  const rows = [];
  for (let k = 0; k < instances; k++) {
    const clients = rng.int(2, 12);
    const spec = randomMarket({
      clients,
      seed: seed * 100 + k,
      highPerClient: rng.uniformIn(0.5, 2),
      lowPerClient: rng.uniformIn(0.5, 3),
    });
    const market = parseMarket(spec);
    const pT = rng.uniformIn(6, 20);
    const pI = rng.uniformIn(10, 40);
    const gT = Array.from(
      market.trainingGamma,
      (g, n) => Math.max(0, g / pT - market.trainingTheta[n]!),
    );
    const gI = spec.clients.map((c, n) =>
      inferenceDemand(c.inference, pI, market.inferenceThreshold[n]!)
    );
    const closed = allocateClosedForm(spec.provider, gT, gI);
    const lp = await allocateLp(spec.provider, gT, gI);
    rows.push({
      N: clients,
      "G^H": spec.provider.highGpus,
      "G^L": spec.provider.lowGpus,
      "ΣgT": gT.reduce((a, b) => a + b, 0),
      "ΣgI": gI.reduce((a, b) => a + b, 0),
      "closed-form cost": closed.feasible ? closed.cost : "infeasible",
      "LP cost (HiGHS)": lp.feasible ? lp.cost : "infeasible",
      "|gap|": closed.feasible && lp.feasible ? Math.abs(closed.cost - lp.cost) : "—",
    });
  }
  return table(rows, {
    caption: "Stage III: Theorem 1 closed form vs LP (random prices and markets)",
  });
}

/**
 * The profit surface over (p^T, p^I) as a heatmap with a quantized colour scale, the theorem's
 * optimum (star) and the brute-force optimum (circle) marked; infeasible prices in grey.
 *
 * @param market validated market with an inference price limit
 * @param steps grid points per axis
 * @returns the heatmap
 * @example
 * ```ts
 * import { parseMarket } from "./model.ts";
 * import { randomMarket } from "./instances.ts";
 * import { profitHeatmap } from "./figures.ts";
 * profitHeatmap(parseMarket(randomMarket({ clients: 20, seed: 1 })), 40);
 * ```
 */
export function profitHeatmap(market: Market, steps: number): Displayable {
  const surface = bruteForceStageOne(market, { trainingSteps: steps, inferenceSteps: steps });
  const optimum = solveStageOne(market);
  const cells: { pT: number; pI: number; profit: number | null }[] = [];
  surface.trainingPrices.forEach((pT, i) =>
    surface.inferencePrices.forEach((pI, j) => {
      const value = surface.profit[i * steps + j]!;
      cells.push({ pT, pI, profit: Number.isFinite(value) ? value : null });
    })
  );
  const dT = market.trainingPriceLimit / steps;
  const dI = surface.inferencePrices[0]!;
  const marks: Plot.Markish[] = [
    Plot.rect(cells.filter((c) => c.profit === null), {
      x1: (c) => c.pT - dT,
      x2: "pT",
      y1: (c) => c.pI - dI,
      y2: "pI",
      fill: "#ccc",
    }),
    Plot.rect(cells.filter((c) => c.profit !== null), {
      x1: (c) => c.pT - dT,
      x2: "pT",
      y1: (c) => c.pI - dI,
      y2: "pI",
      fill: "profit",
    }),
  ];
  const points = [];
  if (surface.best) {
    points.push({
      pT: surface.best.trainingPrice,
      pI: surface.best.inferencePrice,
      who: "brute-force grid optimum",
    });
  }
  if (optimum.status === "optimal") {
    points.push({
      pT: optimum.trainingPrice,
      pI: optimum.inferencePrice,
      who: "Theorem 3 optimum",
    });
  }
  marks.push(
    Plot.dot(points, { x: "pT", y: "pI", symbol: "who", stroke: "black", fill: "white", r: 6 }),
  );
  return plot({
    title: `Provider profit over (p^T, p^I), N = ${market.size} (grey: capacity exceeded)`,
    width: 720,
    height: 520,
    x: { label: "training price p^T" },
    y: { label: "inference price p^I" },
    color: {
      type: "quantize",
      n: 9,
      scheme: "viridis",
      legend: true,
      label: "profit",
      tickFormat: "~s",
    },
    symbol: { legend: true },
    marks,
  });
}

/**
 * Theorem 3 vs the zoomed brute-force grid ({@link compareStageOne} rows), largest disagreements
 * first: a check of the grid (verification notes), not of the theorem.
 *
 * @param rows comparison rows
 * @returns a table
 * @example
 * ```ts
 * import { compareStageOne } from "./stage_one_checks.ts";
 * import { stageOneTable } from "./figures.ts";
 * stageOneTable(compareStageOne([1], [5], 50));
 * ```
 */
export function stageOneTable(rows: readonly StageOneComparison[]): Displayable {
  requireObjectArray("rows", rows, "compareStageOne rows", COMPARISON_FIELDS);
  const sorted = [...rows]
    .sort((a, b) => Math.abs(b.relativeGap) - Math.abs(a.relativeGap))
    .map((r) => ({
      N: r.clients,
      seed: r.seed,
      "theorem (pT, pI)": `(${r.theoremTrainingPrice.toFixed(3)}, ${
        r.theoremInferencePrice.toFixed(3)
      })`,
      "theorem profit": r.theoremProfit,
      "direct profit there": r.theoremDirectProfit ?? "infeasible",
      "grid (pT, pI)": `(${r.bruteTrainingPrice.toFixed(3)}, ${r.bruteInferencePrice.toFixed(3)})`,
      "grid profit": r.bruteProfit,
      "rel. shortfall of grid": r.relativeGap,
      "literal rule": r.literalDirectProfit === null ? "infeasible pair" : r.literalDirectProfit,
    }));
  return table(sorted, {
    caption: "Brute-force grid vs Theorem 3 (guarded); largest disagreements first",
    maxRows: 15,
  });
}

/** One point of a sensitivity sweep. */
export interface SensitivityRow {
  /** the swept quantity: `G^H / (G^H + G^L)`, `c^TL / c^TH` or `c^IH / c^IL` */
  readonly setting: string;
  /** its value at this point */
  readonly x: number;
  /** p^T* at this point */
  readonly trainingPrice: number;
  /** p^I* at this point */
  readonly inferencePrice: number;
  /** F at the optimum (Theorem 3's piece formula) */
  readonly profit: number;
  /** D^T at the optimal prices */
  readonly trainingDemand: number;
  /** D^I at the optimal prices */
  readonly inferenceDemand: number;
}

/**
 * Optimal prices and profit as the high-GPU share of a fixed fleet varies, and as the low-GPU
 * training cost and the high-GPU inference cost are scaled.
 *
 * @param clients market size
 * @param seed market seed
 * @returns sweep rows (infeasible or unbounded settings are left out)
 * @example
 * ```ts
 * import { sensitivity } from "./figures.ts";
 * sensitivity(20, 1).length > 0; // true
 * ```
 */
export function sensitivity(clients: number, seed: number): SensitivityRow[] {
  const base = randomMarket({ clients, seed });
  const fleet = base.provider.highGpus + base.provider.lowGpus;
  const rows: SensitivityRow[] = [];
  const run = (setting: string, x: number, highGpus: number, costs: GpuCosts) => {
    const market = parseMarket({
      ...base,
      provider: { ...base.provider, highGpus, lowGpus: fleet - highGpus, costs },
    });
    const r = solveStageOne(market);
    if (r.status !== "optimal") return;
    const direct = profitAt(market, r.trainingPrice, r.inferencePrice);
    rows.push({
      setting,
      x,
      trainingPrice: r.trainingPrice,
      inferencePrice: r.inferencePrice,
      profit: r.profit,
      trainingDemand: direct.demand.training,
      inferenceDemand: direct.demand.inference,
    });
  };
  const c = base.provider.costs;
  for (let share = 0.05; share < 0.951; share += 0.05) {
    run("G^H / (G^H + G^L)", share, share * fleet, c);
  }
  for (let f = 1.02; f <= 2.001; f += 0.06) {
    run("c^TL / c^TH", f, base.provider.highGpus, { ...c, trainingLow: c.trainingHigh * f });
  }
  for (let f = 1.02; f <= 2.001; f += 0.06) {
    run("c^IH / c^IL", f, base.provider.highGpus, { ...c, inferenceHigh: c.inferenceLow * f });
  }
  return rows;
}

/**
 * Sensitivity sweeps as small multiples (optimal prices and profit per setting).
 *
 * @param rows output of {@link sensitivity}
 * @returns a faceted chart
 * @example
 * ```ts
 * import { sensitivity, sensitivityChart } from "./figures.ts";
 * sensitivityChart(sensitivity(10, 1));
 * ```
 */
export function sensitivityChart(rows: readonly SensitivityRow[]): Displayable {
  requireObjectArray("rows", rows, "sensitivity rows", ["setting", "x"]);
  const long = rows.flatMap((r) => [
    { setting: r.setting, x: r.x, quantity: "p^T*", value: r.trainingPrice },
    { setting: r.setting, x: r.x, quantity: "p^I*", value: r.inferencePrice },
    { setting: r.setting, x: r.x, quantity: "profit / 100", value: r.profit / 100 },
  ]);
  return plot({
    title: "Sensitivity of the Stage I optimum (profit divided by 100 to share the axis)",
    width: 900,
    height: 300,
    x: { label: null },
    y: { label: "$ per GPU-hour (profit: /100)" },
    color: { legend: true, type: "categorical" },
    facet: { data: long, x: "setting" },
    marks: [
      Plot.line(long, { x: "x", y: "value", stroke: "quantity", fx: "setting" }),
      Plot.dot(long, { x: "x", y: "value", stroke: "quantity", fx: "setting", r: 2 }),
    ],
  });
}

/**
 * Theorem 3 vs the exact reference ({@link compareWithExact}) as a one-row table.
 *
 * @param specs markets with a finite inference price limit
 * @returns counts and the largest gaps, plus the literal rule's failures
 * @example
 * ```ts
 * import { exactComparisonTable } from "./figures.ts";
 * import { varietyMarkets } from "./instances.ts";
 * exactComparisonTable(varietyMarkets(1, 5));
 * ```
 */
export function exactComparisonTable(specs: readonly MarketSpec[]): Displayable {
  requireArray("specs", specs, "an array of market specs");
  const r = compareWithExact(specs);
  return table([{
    markets: r.markets,
    "both optimal": r.optimal,
    "both infeasible": r.infeasible,
    "status disagrees": r.statusMismatches,
    "max |F_exact − F_thm| / max(1, F)": r.maxProfitGap,
    "max piece formula vs direct": r.maxFormulaGap,
    "literal rule: infeasible pair": r.literalInfeasible,
    "… in a sub-region passing the test": r.literalInfeasibleInFeasibleRegion,
  }], {
    caption: "Stage I: Theorem 3 (sub-regions, guarded rule) vs the exact candidate-set reference",
    digits: 3,
  });
}

/**
 * Stage I under the readings of the inference payoff ({@link compareReadings}) as a table.
 *
 * @param spec plain-JSON market with A4 values
 * @returns one row per reading: profit along p^I, status, optimum
 * @example
 * ```ts
 * import { readingTable } from "./figures.ts";
 * import { randomMarket } from "./instances.ts";
 * readingTable(randomMarket({ clients: 5, seed: 1 }));
 * ```
 */
export function readingTable(spec: MarketSpec): Displayable {
  const rows = compareReadings(spec).map((r) => ({
    reading: r.reading,
    ...Object.fromEntries(
      UNBOUNDEDNESS_PRICES.map((p, k) => [`F at p^I = ${p.toExponential(0)}`, r.profitAlong[k]]),
    ),
    "keeps rising": r.rising ? "yes: unbounded" : "no",
    "Stage I": r.status,
    "p^T*": r.optimum?.trainingPrice ?? "–",
    "p^I*": r.optimum?.inferencePrice ?? "–",
    "F*": r.optimum?.profit ?? "–",
    "inference buyers at p^I*": r.optimum?.inferenceBuyers ?? "–",
  }));
  return table(rows, {
    caption: `Stage I under three readings of the inference payoff (N = ${spec.clients.length}; ` +
      "F along p^I with p^T at its limit)",
  });
}

/**
 * Appendix B's substitution step ({@link examineSubstitution}) as a one-row table.
 *
 * @param seed root seed
 * @param samples parameter draws
 * @returns the term gaps, the constant of the corrected quadratic and its largest root
 * @example
 * ```ts
 * import { substitutionTable } from "./figures.ts";
 * substitutionTable(1, 20);
 * ```
 */
export function substitutionTable(seed: number, samples: number): Displayable {
  const r = examineSubstitution(seed, samples);
  return table([{
    draws: r.samples,
    "printed (2γd²p)^{1/3}: max rel. error": r.printedTermGap,
    "(2γ)^{1/3}(dp)^{2/3}: max rel. error": r.correctedTermGap,
    "corrected constant ÷ printed 2γd^{2/3}": r.constantRatio,
    "largest root X ≥ 0": r.largestNonNegativeRoot,
  }], {
    caption: "Appendix B, third term of the indifference condition p·d·(2γ/(dp))^{1/3}; γ, d, " +
      "λ, p log-uniform in [0.1, 10]",
    digits: 3,
  });
}
