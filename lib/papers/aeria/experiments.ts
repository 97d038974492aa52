/**
 * Experiments behind the notebook's figures and the claims ledger: layer profiles, Fig. 3
 * (modelled exit probabilities), Fig. 4 (system-scale sweeps, competitiveness, runtime) and Fig. 5
 * (trace-driven runs averaged over runs, with spread). Everything returns plain rows.
 *
 * @example
 * ```ts
 * import { traceDrivenRuns } from "./experiments.ts";
 * const fig5 = traceDrivenRuns({ runs: 2, seed: 1 });
 * console.log(fig5.summary.find((r) => r.mechanism === "aeria")?.revenue);
 * ```
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import { ParameterError } from "../../core/errors.ts";
import { requireInteger, requireObject, requireObjectArray } from "../../core/validate.ts";
import { traceDir, tracesAvailable } from "../../traces/paths.ts";
import { loadDnnLayerProfiles } from "../../traces/measurements.ts";
import { alexnet, allOps, type Architecture, resnet34, vgg16 } from "./architectures.ts";
import { incentiveAudit, removalAudit, theorem2MonteCarlo } from "./properties.ts";
import { type ExitModelName, exitProbabilities, FIG3_SIGMA_GRID } from "./exit_model.ts";
import { computeSplit, type SplitExperiment } from "./split.ts";
import { DEFAULT_MARKET, type MarketConfig, runMarket } from "./market.ts";
import { getModel, MODEL_IDS, type ModelId } from "./multi_exit.ts";
import { type Mechanism, MECHANISM_LABELS, MECHANISMS, runSlot, type SlotOutcome } from "./slot.ts";
import { buildScenario } from "./market.ts";
import { requireTraceRuns } from "./validate.ts";

/** One layer unit of a workload. */
export interface LayerProfileRow {
  /** workload key */
  readonly model: ModelId;
  /** unit index (1-based) */
  readonly unit: number;
  /** unit name */
  readonly name: string;
  /** compute of the unit, GFLOP */
  readonly gflop: number;
  /** output sent if the model is partitioned after this unit, KB */
  readonly outputKB: number;
  /** Cumulative share of main-branch compute after this unit. */
  readonly cumulativeShare: number;
  /** Exit attached after this unit, or "". */
  readonly exit: string;
  /** compute of that exit's branch, GFLOP (0 without an exit) */
  readonly exitGflop: number;
}

/**
 * Per-unit compute and output size with exit positions.
 *
 * @param id workload
 * @returns one row per layer unit
 * @example
 * ```ts
 * import { layerProfile } from "./experiments.ts";
 * layerProfile("alexnet-cifar10").map((r) => r.exit); // ["", "shallow", "middle", "deep", "final"]
 * ```
 */
export function layerProfile(id: ModelId): LayerProfileRow[] {
  const m = getModel(id);
  const total = m.rho.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  return m.architecture.units.map((unit, i) => {
    cumulative += m.rho[i + 1]!;
    const exit = m.exits.find((e) => e.position === i + 1);
    return {
      model: id,
      unit: i + 1,
      name: unit.name,
      gflop: m.rho[i + 1]!,
      outputKB: m.outputBytes[i + 1]! / 1024,
      cumulativeShare: cumulative / total,
      exit: exit?.label ?? "",
      exitGflop: exit?.gflop ?? 0,
    };
  });
}

/** Summary of one workload's multi-exit model. */
export interface ModelSummaryRow {
  /** workload name */
  readonly model: string;
  /** dataset of the workload */
  readonly dataset: string;
  /** number of layer units g */
  readonly units: number;
  /** compute of the vanilla network, GFLOP */
  readonly vanillaGflop: number;
  /** raw input size, KB */
  readonly inputKB: number;
  /** units after which the early exits sit */
  readonly exitPositions: string;
  /** Main-branch compute share before each early exit. */
  readonly exitShares: string;
}

/**
 * One row per workload.
 *
 * @returns summaries
 * @example
 * ```ts
 * import { modelSummaries } from "./experiments.ts";
 * modelSummaries().length; // 4
 * ```
 */
export function modelSummaries(): ModelSummaryRow[] {
  return MODEL_IDS.map((id) => {
    const m = getModel(id);
    const rows = layerProfile(id);
    return {
      model: m.name,
      dataset: m.dataset,
      units: m.units,
      vanillaGflop: m.vanillaGflop,
      inputKB: m.outputBytes[0]! / 1024,
      exitPositions: m.exits.map((e) => e.position).join(", "),
      exitShares: m.exits.slice(0, 3)
        .map((e) => rows[e.position - 1]!.cumulativeShare.toFixed(3)).join(", "),
    };
  });
}

/** One point of Fig. 3 (modelled). */
export interface ExitCurveRow {
  /** workload key */
  readonly model: ModelId;
  /** confidence criterion σ */
  readonly sigma: number;
  /** which exit */
  readonly exit: "shallow" | "middle" | "deep" | "final";
  /** modelled probability that a sample leaves at this exit */
  readonly probability: number;
}

/**
 * Modelled exit probabilities over a σ grid (Fig. 3, right-hand panels, as modelled).
 *
 * @param sigmas σ values (default: the Fig. 3 grid, densified)
 * @returns rows
 * @example
 * ```ts
 * import { exitCurves } from "./experiments.ts";
 * exitCurves([0.1]).length; // 16 (4 models × 4 exits)
 * ```
 */
export function exitCurves(
  sigmas: readonly number[] = Array.from({ length: 21 }, (_, k) => 0.05 + k * 0.025),
): ExitCurveRow[] {
  const labels = ["shallow", "middle", "deep", "final"] as const;
  return MODEL_IDS.flatMap((model) =>
    sigmas.flatMap((sigma) => {
      const nu = exitProbabilities(getModel(model).exitShape, sigma);
      return labels.map((exit, k) => ({ model, sigma, exit, probability: nu[k]! }));
    })
  );
}

/** The σ grid of our Fig. 3. */
export { FIG3_SIGMA_GRID };

/** Mean outcome of a mechanism at one sweep point. */
export interface SweepRow {
  /** which sweep: number of users or edge capacity */
  readonly axis: "users" | "capacity";
  /** value on the swept axis */
  readonly x: number;
  /** mechanism key */
  readonly mechanism: Mechanism;
  /** mechanism display name */
  readonly label: string;
  /** mean revenue per slot, $ */
  readonly revenue: number;
  /** mean profit rate (revenue − p^r)/p^r */
  readonly profitRate: number;
  /** mean utilisation Σa/f_e */
  readonly utilisation: number;
  /** AERIA only: mean Π̂/Π̃ and mean Theorem 2 bound over slots with a consensus. */
  readonly actualRatio: number | null;
  /** mean Theorem 2 bound over the same slots */
  readonly theoreticalRatio: number | null;
}

/** Sizes of the Fig. 4 sweeps. */
export interface SweepOptions {
  /** Slots averaged per point. */
  readonly slots: number;
  /** seed of the market */
  readonly seed: number;
  /** bids per slot swept on the users axis (default {@link SWEEP_USERS}) */
  readonly users?: readonly number[];
  /** edge capacities swept, GFLOPS (default {@link SWEEP_CAPACITIES}) */
  readonly capacities?: readonly number[];
  /** Exit-model variant (default `"default"`). */
  readonly exitModel?: ExitModelName;
}

/** Users per slot swept in Fig. 4 (the paper's values are not printed; ours span 39-112). */
export const SWEEP_USERS: readonly number[] = [40, 60, 80, 100, 120];
/** Edge capacities swept in Fig. 4 (GFLOPS; 3,930 is the paper's cluster). */
export const SWEEP_CAPACITIES: readonly number[] = [500, 1000, 2000, 3930, 6000];

/**
 * Fig. 4 left/middle: revenue, profit rate and competitiveness vs users per slot and vs capacity.
 * Memoised by its options (`memo.ts`).
 *
 * @param options sizes, seed and exit model
 * @returns one row per (axis, x, mechanism)
 * @throws {ParameterError} for a non-positive slot count
 * @example
 * ```ts
 * import { scaleSweep } from "./experiments.ts";
 * scaleSweep({ slots: 4, seed: 1, users: [40], capacities: [3930] }).length; // 10
 * ```
 */
export function scaleSweep(options: SweepOptions): SweepRow[] {
  return computeSplit(scaleExperiment(options));
}

/**
 * {@link scaleSweep} as independent units, one per sweep point (users axis, then capacity axis);
 * a unit's result is its point's rows. Validates as {@link scaleSweep} does.
 *
 * @param options sizes, seed and exit model
 * @returns the split experiment (memo key: the one {@link scaleSweep} uses)
 * @throws {ParameterError} for a non-positive slot count
 * @example
 * ```ts
 * import { scaleExperiment } from "./experiments.ts";
 * scaleExperiment({ slots: 4, seed: 1 }).units; // 10
 * ```
 */
export function scaleExperiment(options: SweepOptions): SplitExperiment<SweepRow[], SweepRow[]> {
  requireObject("options", options, "sweep options { slots, seed, ... }");
  requireInteger("slots", options.slots, 1);
  const base = { ...DEFAULT_MARKET, slots: options.slots, exitModel: options.exitModel };
  const points: { axis: SweepRow["axis"]; x: number; config: MarketConfig }[] = [
    ...(options.users ?? SWEEP_USERS).map((n) => ({
      axis: "users" as const,
      x: n,
      config: { ...base, bidsPerSlot: n },
    })),
    ...(options.capacities ?? SWEEP_CAPACITIES).map((fe) => ({
      axis: "capacity" as const,
      x: fe,
      config: { ...base, edgeGflops: fe },
    })),
  ];
  return {
    name: "scaleSweep",
    key: options,
    units: points.length,
    run: (index) =>
      sweepPointRows(points[index]!.axis, points[index]!.x, points[index]!.config, options.seed),
    assemble: (results) => results.flat(),
  };
}

/** The rows of one sweep point, every mechanism. */
function sweepPointRows(
  axis: SweepRow["axis"],
  x: number,
  config: MarketConfig,
  seed: number,
): SweepRow[] {
  // Common random numbers: every sweep point sees the same seed, so the bids differ between
  // points only through what the swept parameter changes.
  const run = runMarket(config, MECHANISMS, seed);
  return MECHANISMS.map((mechanism) => {
    const outcomes = run.slots.map((s) => s.results[mechanism]);
    const consensus = outcomes.flatMap((o) => o.consensus ? [o.consensus] : []);
    const mean = (f: (v: typeof outcomes[number]) => number) =>
      outcomes.reduce((s, o) => s + f(o), 0) / outcomes.length;
    return {
      axis,
      x,
      mechanism,
      label: MECHANISM_LABELS[mechanism],
      revenue: mean((o) => o.revenue),
      profitRate: mean((o) => o.profitRate),
      utilisation: mean((o) => o.utilisation),
      actualRatio: mechanism === "aeria" && consensus.length
        ? consensus.reduce((s, c) => s + c.target / c.upperBound, 0) / consensus.length
        : null,
      theoreticalRatio: mechanism === "aeria" && consensus.length
        ? consensus.reduce((s, c) => s + c.ratioBound, 0) / consensus.length
        : null,
    };
  });
}

/** Runtime of one AERIA slot at a given number of bids. */
export interface RuntimeRow {
  /** bids in the slot */
  readonly bids: number;
  /** Fastest batch: least disturbed by other processes on a shared machine. */
  readonly minMs: number;
  /** median batch, ms per slot */
  readonly medianMs: number;
  /** 90th-percentile batch, ms per slot */
  readonly p90Ms: number;
}

/**
 * Fig. 4 right: wall-clock time of `runSlot(…, "aeria")` (Phase I + ROSO + CENTRE + REAL) per
 * slot size, over repetitions of batches of 8 slots (performance.now; the bench file holds the
 * formal numbers).
 *
 * @param sizes bids per slot
 * @param repetitions timed runs per size
 * @param seed seed
 * @returns rows
 * @example
 * ```ts
 * import { runtimeScan } from "./experiments.ts";
 * runtimeScan([112], 5, 1)[0]!.medianMs; // ~0.05-0.1 ms here
 * ```
 */
export function runtimeScan(
  sizes: readonly number[],
  repetitions: number,
  seed: number,
): RuntimeRow[] {
  requireInteger("repetitions", repetitions, 1);
  const scenarios = sizes.map((bids) =>
    buildScenario({ ...DEFAULT_MARKET, slots: 8, bidsPerSlot: bids }, seed).slots
  );
  // Warm up the JIT on every size before timing any.
  for (let pass = 0; pass < 5; pass++) {
    for (const slots of scenarios) for (const input of slots) runSlot(input, "aeria");
  }
  return sizes.map((bids, k) => {
    const slots = scenarios[k]!;
    const times: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      // Time the 8 slots together (timer resolution), report per slot.
      const start = performance.now();
      for (const input of slots) runSlot(input, "aeria");
      times.push((performance.now() - start) / slots.length);
    }
    times.sort((a, b) => a - b);
    return {
      bids,
      minMs: times[0]!,
      medianMs: times[Math.floor(times.length / 2)]!,
      p90Ms: times[Math.floor(times.length * 0.9)]!,
    };
  });
}

/** Per-slot statistics of one mechanism across runs (Fig. 5). */
export interface TraceSlotRow {
  /** slot index */
  readonly slot: number;
  /** mechanism key */
  readonly mechanism: Mechanism;
  /** mechanism display name */
  readonly label: string;
  /** mean revenue over runs, $ */
  readonly revenue: number;
  /** lowest revenue over runs, $ */
  readonly revenueLo: number;
  /** highest revenue over runs, $ */
  readonly revenueHi: number;
  /** mean profit rate over runs */
  readonly profitRate: number;
  /** mean number of winners over runs */
  readonly fulfilled: number;
  /** mean utilisation over runs */
  readonly utilisation: number;
}

/** Per-mechanism means over all slots and runs. */
export interface TraceSummaryRow {
  /** mechanism key */
  readonly mechanism: Mechanism;
  /** mechanism display name */
  readonly label: string;
  /** mean revenue per slot, $ */
  readonly revenue: number;
  /** mean profit rate */
  readonly profitRate: number;
  /** mean number of winners per slot */
  readonly fulfilled: number;
  /** mean utilisation */
  readonly utilisation: number;
  /** Standard deviation of the per-run mean revenue (spread across runs). */
  readonly revenueRunSd: number;
  /** Share of slots with revenue ≥ (1 + γ)·p^r (constraint 9c). */
  readonly profitFloorShare: number;
}

/** Result of {@link traceDrivenRuns}. */
export interface TraceRuns {
  /** per-slot statistics of every mechanism */
  readonly slots: TraceSlotRow[];
  /** means of every mechanism over all slots and runs */
  readonly summary: TraceSummaryRow[];
  /** Per slot: bids, electricity-driven rental price, wireless rate, AERIA ratio and bound. */
  readonly inputs: {
    slot: number;
    bids: number;
    rentalPrice: number;
    rateMbps: number;
    actualRatio: number | null;
    bound: number | null;
  }[];
  /** provenance of the electricity prices */
  readonly electricitySource: string;
  /** provenance of the wireless rates */
  readonly wirelessSource: string;
  /** market runs */
  readonly runs: number;
}

/** Options of {@link traceDrivenRuns}. */
export interface TraceRunOptions {
  /** market runs (seeds seed, seed + 1, ...) */
  readonly runs: number;
  /** seed of the first run */
  readonly seed: number;
  /** slots per run (default: the paper's) */
  readonly slots?: number;
  /** Exit-model variant (default `"default"`). */
  readonly exitModel?: ExitModelName;
  /** Called after each run (progress bars; not called when the result comes from the memo). */
  readonly onRun?: () => void;
}

/**
 * Fig. 5: the 360-slot trace-driven market (IESO prices, Ghent rates, synthetic diurnal bids),
 * every mechanism, averaged over runs (the paper averages over 120 runs) with min-max spread.
 *
 * @param options runs, seed, slots
 * @returns per-slot rows, summary and inputs
 * @throws {ParameterError} for a non-positive run count
 * @example
 * ```ts
 * import { traceDrivenRuns } from "./experiments.ts";
 * traceDrivenRuns({ runs: 1, seed: 1, slots: 24 }).summary.length; // 5
 * ```
 */
export function traceDrivenRuns(options: TraceRunOptions): TraceRuns {
  return computeSplit(traceExperiment(options), options.onRun);
}

/** Metrics in the per-slot series of a trace-driven run. */
export type TraceMetric = "revenue" | "profit" | "fulfilled" | "util" | "floor";

const TRACE_METRICS: Record<TraceMetric, (o: SlotOutcome) => number> = {
  revenue: (o: SlotOutcome) => o.revenue,
  profit: (o: SlotOutcome) => o.profitRate,
  fulfilled: (o: SlotOutcome) => o.winners.length,
  util: (o: SlotOutcome) => o.utilisation,
  floor: (o: SlotOutcome) => o.meetsProfitFloor ? 1 : 0,
};

/** One run of {@link traceDrivenRuns}: per-slot series of every mechanism (plain JSON). */
export interface TraceRunSeries {
  /** per mechanism, per metric, the value in each slot */
  readonly series: Record<Mechanism, Record<TraceMetric, number[]>>;
  /** The first run only: the slot inputs and the traces' provenance. */
  readonly first?: {
    readonly inputs: TraceRuns["inputs"];
    readonly electricitySource: string;
    readonly wirelessSource: string;
  };
}

/**
 * {@link traceDrivenRuns} as independent units, one per run (seed + r); validates as
 * {@link traceDrivenRuns} does.
 *
 * @param options runs, seed, slots, exit model (`onRun` is not part of the experiment)
 * @returns the split experiment (memo key: the one {@link traceDrivenRuns} uses)
 * @throws {ParameterError} for a non-positive run count
 * @example
 * ```ts
 * import { traceExperiment } from "./experiments.ts";
 * traceExperiment({ runs: 3, seed: 1, slots: 24 }).units; // 3
 * ```
 */
export function traceExperiment(
  options: TraceRunOptions,
): SplitExperiment<TraceRunSeries, TraceRuns> {
  requireObject("options", options, "trace-run options { runs, seed, slots? }");
  requireInteger("runs", options.runs, 1);
  const slots = options.slots ?? 360;
  const config: MarketConfig = {
    ...DEFAULT_MARKET,
    slots,
    electricity: "trace",
    wireless: "trace",
    exitModel: options.exitModel,
  };
  return {
    name: "traceDrivenRuns",
    key: options,
    units: options.runs,
    run(r) {
      const run = runMarket(config, MECHANISMS, options.seed + r);
      const series = Object.fromEntries(MECHANISMS.map((m) => {
        const outcomes = run.slots.map((s) => s.results[m]);
        const metric = (f: (o: SlotOutcome) => number) => outcomes.map(f);
        return [m, {
          revenue: metric(TRACE_METRICS.revenue),
          profit: metric(TRACE_METRICS.profit),
          fulfilled: metric(TRACE_METRICS.fulfilled),
          util: metric(TRACE_METRICS.util),
          floor: metric(TRACE_METRICS.floor),
        }];
      })) as TraceRunSeries["series"];
      if (r !== 0) return { series };
      const inputs = run.slots.map((s, t) => {
        const c = s.results.aeria.consensus;
        return {
          slot: t,
          bids: s.bids,
          rentalPrice: s.rentalPrice,
          rateMbps: run.scenario.wireless!.values[t]!,
          actualRatio: c ? c.target / c.upperBound : null,
          bound: c ? c.ratioBound : null,
        };
      });
      return {
        series,
        first: {
          inputs,
          electricitySource: run.scenario.electricity!.description,
          wirelessSource: run.scenario.wireless!.description,
        },
      };
    },
    assemble: (results) => assembleTraceRuns(options, slots, results),
  };
}

/** The per-slot rows and summary from the runs' series (run order, as the runs were made). */
function assembleTraceRuns(
  options: TraceRunOptions,
  slots: number,
  results: readonly TraceRunSeries[],
): TraceRuns {
  type Acc = { revenue: number[]; profit: number[]; fulfilled: number[]; util: number[] };
  const acc = new Map<Mechanism, Acc[]>(
    MECHANISMS.map((m) => [
      m,
      Array.from({ length: slots }, () => ({ revenue: [], profit: [], fulfilled: [], util: [] })),
    ]),
  );
  const runMeans = new Map<Mechanism, number[]>(MECHANISMS.map((m) => [m, []]));
  const floors = new Map<Mechanism, number>(MECHANISMS.map((m) => [m, 0]));
  for (const { series } of results) {
    for (const m of MECHANISMS) {
      const s = series[m];
      let total = 0;
      for (let t = 0; t < slots; t++) {
        const a = acc.get(m)![t]!;
        a.revenue.push(s.revenue[t]!);
        a.profit.push(s.profit[t]!);
        a.fulfilled.push(s.fulfilled[t]!);
        a.util.push(s.util[t]!);
        total += s.revenue[t]!;
        floors.set(m, floors.get(m)! + s.floor[t]!);
      }
      runMeans.get(m)!.push(total / slots);
    }
  }
  const first = results[0]!.first!;
  const inputs = first.inputs;
  const sources = { electricity: first.electricitySource, wireless: first.wirelessSource };
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const slotRows: TraceSlotRow[] = MECHANISMS.flatMap((m) =>
    acc.get(m)!.map((a, t) => ({
      slot: t,
      mechanism: m,
      label: MECHANISM_LABELS[m],
      revenue: mean(a.revenue),
      revenueLo: Math.min(...a.revenue),
      revenueHi: Math.max(...a.revenue),
      profitRate: mean(a.profit),
      fulfilled: mean(a.fulfilled),
      utilisation: mean(a.util),
    }))
  );
  const summary: TraceSummaryRow[] = MECHANISMS.map((m) => {
    const rows = slotRows.filter((row) => row.mechanism === m);
    const means = runMeans.get(m)!;
    const mu = mean(means);
    return {
      mechanism: m,
      label: MECHANISM_LABELS[m],
      revenue: mean(rows.map((row) => row.revenue)),
      profitRate: mean(rows.map((row) => row.profitRate)),
      fulfilled: mean(rows.map((row) => row.fulfilled)),
      utilisation: mean(rows.map((row) => row.utilisation)),
      revenueRunSd: means.length > 1
        ? Math.sqrt(means.reduce((s, v) => s + (v - mu) ** 2, 0) / (means.length - 1))
        : 0,
      profitFloorShare: floors.get(m)! / (slots * options.runs),
    };
  });
  return {
    slots: slotRows,
    summary,
    inputs,
    electricitySource: sources.electricity,
    wirelessSource: sources.wireless,
    runs: options.runs,
  };
}

/** Baselines the paper calls state-of-the-art algorithms (Sec. VI-B); the fourth is a rule. */
export const STATE_OF_THE_ART: readonly Mechanism[] = ["iao", "edgent", "amr2"];

/**
 * AERIA's revenue advantage: AERIA's mean revenue over the mean revenue of a set of baselines,
 * minus 1 — against the three state-of-the-art algorithms (IAO, Edgent, AMR²), against all four
 * baselines, and against each baseline.
 *
 * @param summary trace-run summary
 * @returns the advantages
 * @example
 * ```ts
 * import { revenueAdvantage, traceDrivenRuns } from "./experiments.ts";
 * revenueAdvantage(traceDrivenRuns({ runs: 1, seed: 1, slots: 24 }).summary).overStateOfTheArt;
 * ```
 */
export function revenueAdvantage(summary: readonly TraceSummaryRow[]): {
  overStateOfTheArt: number;
  overAllBaselines: number;
  perBaseline: Record<string, number>;
} {
  requireObjectArray("summary", summary, "trace summary rows { mechanism, revenue }", [
    "mechanism",
    "revenue",
  ]);
  if (!summary.some((r) => r.mechanism === "aeria")) {
    throw new ParameterError("summary", summary, "a summary with an aeria row");
  }
  const aeria = summary.find((r) => r.mechanism === "aeria")!.revenue;
  const baselines = summary.filter((r) => r.mechanism !== "aeria");
  const over = (rows: readonly TraceSummaryRow[]) =>
    aeria / (rows.reduce((s, r) => s + r.revenue, 0) / rows.length) - 1;
  return {
    overStateOfTheArt: over(baselines.filter((r) => STATE_OF_THE_ART.includes(r.mechanism))),
    overAllBaselines: over(baselines),
    perBaseline: Object.fromEntries(baselines.map((r) => [r.label, aeria / r.revenue - 1])),
  };
}

/**
 * Share of slots in which AERIA's per-slot mean revenue (over runs) is at least the baseline's.
 *
 * @param runs trace-run result
 * @returns share per baseline label
 * @example
 * ```ts
 * import { slotWinShares, traceDrivenRuns } from "./experiments.ts";
 * slotWinShares(traceDrivenRuns({ runs: 1, seed: 1, slots: 24 }));
 * ```
 */
export function slotWinShares(runs: TraceRuns): Record<string, number> {
  requireTraceRuns(runs);
  const aeria = runs.slots.filter((r) => r.mechanism === "aeria");
  return Object.fromEntries(
    MECHANISMS.filter((m) => m !== "aeria").map((m) => {
      const other = runs.slots.filter((r) => r.mechanism === m);
      return [
        MECHANISM_LABELS[m],
        aeria.filter((r, t) => r.revenue >= other[t]!.revenue).length / aeria.length,
      ];
    }),
  );
}

/** Our per-layer MACs against the independent layer-wise counter of `dnn-layer-profiles`. */
export interface LayerCheckRow {
  /** workload name */
  readonly model: string;
  /** conv and linear layers compared */
  readonly layersCompared: number;
  /** Largest |our share − trace share| over conv/linear layers, in percentage points. */
  readonly maxShareGapPp: number;
  /** total MACs of our model, G */
  readonly ourTotalGMacs: number;
  /** total MACs of the trace's counter, G */
  readonly traceTotalGMacs: number;
  /** every conv and linear layer of the trace exists in our model with the same output shape */
  readonly shapesMatch: boolean;
}

const TRACE_TOTAL_GMACS: Record<string, number> = {
  alexnet: 0.71422,
  vgg16: 15.47,
  resnet34: 3.68,
};

/** The columns of `traces.loadDnnLayerProfiles` this comparison reads. */
interface LayerProfileRecord {
  model: string;
  layer_name: string;
  layer_type: string;
  output_shape: string;
  macs_pct: number;
}

/**
 * Compares our 224-px torchvision-equivalent definitions with the trace's per-layer shares.
 *
 * @returns one row per model, or an empty list when the trace folder is absent
 * @throws {DataFileError} when the trace file exists but is missing a column or holds a value
 *   that is not a plain finite number (read by `traces.loadDnnLayerProfiles`)
 * @example
 * ```ts
 * import { traceLayerComparison } from "./experiments.ts";
 * traceLayerComparison().map((r) => r.maxShareGapPp); // all below 0.005 with the traces present
 * ```
 */
export function traceLayerComparison(): LayerCheckRow[] {
  const dir = traceDir();
  if (!tracesAvailable("dnn-layer-profiles", dir)) return [];
  const rows = loadDnnLayerProfiles(dir!).toRecords() as unknown as LayerProfileRecord[];
  const nets: Record<string, Architecture> = {
    alexnet: alexnet({ inputSize: 224, classes: 1000 }),
    vgg16: vgg16({ inputSize: 224, classes: 1000 }),
    resnet34: resnet34({ inputSize: 224, classes: 1000 }),
  };
  return Object.entries(nets).map(([model, arch]) => {
    const ops = new Map(allOps(arch).map((op) => [op.name, op]));
    const macs = allOps(arch).filter((op) => op.kind === "conv" || op.kind === "linear")
      .reduce((s, op) => s + op.macs, 0);
    const totalTrace = TRACE_TOTAL_GMACS[model]! * 1e9;
    let gap = 0;
    let compared = 0;
    let shapes = true;
    for (
      const row of rows.filter((r) =>
        r.model === model && (r.layer_type === "Conv2d" || r.layer_type === "Linear")
      )
    ) {
      const op = ops.get(row.layer_name);
      if (op === undefined) {
        shapes = false;
        continue;
      }
      compared++;
      gap = Math.max(gap, Math.abs(100 * op.macs / totalTrace - row.macs_pct));
      shapes &&= op.outputShape.join("x") === row.output_shape;
    }
    return {
      model,
      layersCompared: compared,
      maxShareGapPp: gap,
      ourTotalGMacs: macs / 1e9,
      traceTotalGMacs: totalTrace / 1e9,
      shapesMatch: shapes,
    };
  });
}

/**
 * Fig. 3 numbers at the grid σ values: one row per model and σ, under one exit-model variant.
 *
 * @param exitModel exit-model variant (default `"default"`)
 * @param sigmas σ values (default the Fig. 3 grid)
 * @returns rows with the four exit probabilities
 * @example
 * ```ts
 * import { exitTable } from "./experiments.ts";
 * exitTable().length; // 20 (4 models × 5 σ)
 * exitTable("steep", [0.1, 0.5]).length; // 8
 * ```
 */
export function exitTable(
  exitModel: ExitModelName = "default",
  sigmas: readonly number[] = FIG3_SIGMA_GRID,
): Record<string, number | string>[] {
  return MODEL_IDS.flatMap((model) =>
    sigmas.map((sigma) => {
      const shape = getModel(model, exitModel).exitShape;
      const nu = exitProbabilities(shape, sigma);
      return {
        exitModel,
        phi: shape.phi,
        model,
        sigma,
        shallow: nu[0]!,
        middle: nu[1]!,
        deep: nu[2]!,
        final: nu[3]!,
        earlyExitShare: 1 - nu[3]!,
      };
    })
  );
}

/**
 * The property audits as one table (Theorem 1/2, Proposition 1, IC, budget balance, envy).
 *
 * @param seed seed
 * @param instances random auction instances per audit
 * @returns rows: property, measured, note
 * @example
 * ```ts
 * import { propertyAudits } from "./experiments.ts";
 * propertyAudits(1, 50).map((r) => r.property);
 * ```
 */
export function propertyAudits(seed: number, instances: number): Record<string, string | number>[] {
  const removal = removalAudit(instances, createRng(seed).stream("notebook-removal"));
  const ic = incentiveAudit(Math.max(10, Math.round(instances / 5)), seed);
  const t2 = [1.05, 1.25, 2, 5].map((delta) => theorem2MonteCarlo(delta, 20_000, seed));
  return [
    {
      property: "Theorem 1 / Lemma 1 (consensus)",
      measured: `${removal.theorem1Violations} violations in ${removal.theorem1Checks} checks`,
      note: "f(Π̃(U)) = f(Π̃(U^-i)) whenever f(Π̃) ≤ Π̃/δ and Π̃(U^-i) ≤ Π̃(U)",
    },
    {
      property: "Proposition 1 (remove one bid)",
      measured: `${removal.proposition1Violations} violations in ${removal.removals} removals`,
      note: "Π̃(U^-i) ≥ Π̃(U)(Φ̃ − ζ)/Φ̃",
    },
    {
      property: "Definition 2 interval (Π̃(U^-i) ≤ Π̃(U))",
      measured: `${removal.upperSideExceedances} exceedances in ${removal.removals} removals`,
      note: "capacity admission lets Π̃ rise when a bid leaves",
    },
    ...t2.map((c) => ({
      property: `Theorem 2, δ = ${c.delta}`,
      measured: `bound ${c.bound.toFixed(4)}; truncated MC ${c.truncated.mean.toFixed(4)} [${
        c.truncated.lo.toFixed(4)
      }, ${c.truncated.hi.toFixed(4)}]; CENTRE ${c.centre.mean.toFixed(4)} (exact ${
        c.centreExact.toFixed(4)
      })`,
      note: "99.9% CI; y from consensusBase(δ)",
    })),
    {
      property: "Incentive compatibility (same ε draws)",
      measured: `${ic.violations} of ${ic.trials} misreports gain (worst gain ${
        ic.worstGain.toFixed(2)
      })`,
      note: `${ic.targetMoved} moved Π̂, ${ic.truthNoConsensus} had no truthful consensus`,
    },
    {
      property: "Budget balance / revenue = Π̂",
      measured:
        `${ic.budgetViolations} over-budget winners, ${ic.revenueOffTarget} runs off target`,
      note: `${ic.runs} auction runs`,
    },
    {
      property: "Envy (excluded losers with density ≥ price)",
      measured: `${(ic.losersAbovePrice / ic.runs).toFixed(2)} per run`,
      note: "uniform price by construction; capacity/reserve exclusions are outside REAL",
    },
  ];
}
