/**
 * Experiments behind Fig. 4-13 and the claims ledger. Each returns plain rows; figures.ts plots
 * them. Runs are memoised per configuration so the notebook and the claims share them.
 *
 * Quick mode keeps the day of 144 ten-minute slots but divides both the cluster (50-200 nodes)
 * and the arrival rates (30/50/80 per slot) by 8, which keeps the load per node of the paper's
 * settings, and stops Titan's per-slot MILP at 200 branch-and-bound nodes; paper mode uses the
 * paper's sizes and 2000 nodes.
 *
 * Every setting names a regime (regimes.ts): the sweeps use `calibrated` (DEFAULT_SETTING);
 * MODELLED_SETTING is the same default in the `modelled` regime, the uncalibrated alternative.
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import type { RunMode, RunParams } from "../../core/params.ts";
import { generateWorkload, type WorkloadConfig } from "./workload.ts";
import { runOnline } from "./run_online.ts";
import { runPdftsp } from "./pdftsp.ts";
import { offlineOptimum } from "./offline.ts";
import { bidSweep, competitiveBound } from "./theory.ts";
import { ALGORITHMS } from "./run_online.ts";
import type { AlgorithmName } from "./types.ts";
import type { ArrivalSource } from "./trace_inputs.ts";
import { headroom } from "./headroom.ts";
import { lemma1Check, lemma4Check } from "./dual_checks.ts";
import type { RegimeName } from "./regimes.ts";

/** Sizes used by a mode. */
export interface ExperimentScale {
  /** slots T of every workload */
  readonly slots: number;
  /** divisor applied to the paper's node counts and arrival rates */
  readonly divisor: number;
  /** branch-and-bound nodes per slot of Titan's MILP (deterministic limit) */
  readonly titanNodes: number;
}

/** Scale of a run mode. */
export function experimentScale(mode: RunMode): ExperimentScale {
  return mode === "paper"
    ? { slots: 144, divisor: 1, titanNodes: 2000 }
    : { slots: 144, divisor: 8, titanNodes: 200 };
}

/** Welfare of one algorithm in one setting. */
export interface WelfareRow {
  /** figure the row belongs to (e.g. `"Fig. 6"`) */
  readonly figure: string;
  /** the setting's label within the figure */
  readonly setting: string;
  /** the algorithm run */
  readonly algorithm: AlgorithmName;
  /** social welfare (Eq. 3) */
  readonly welfare: number;
  /** tasks admitted */
  readonly admitted: number;
  /** tasks that arrived */
  readonly tasks: number;
  /** scheduling time per task, ms */
  readonly perTaskMs: number;
  /** where the arrivals came from: basis (trace or synthetic) and label */
  readonly arrivalsBasis: string;
  /** tasks of the setting that can meet their deadline on an empty cluster (headroom.ts) */
  readonly deadlineFeasible: number;
  /** capacity-free bound on any algorithm's welfare in the setting (headroom.ts) */
  readonly welfareUpperBound: number;
  /** Titan: slots whose MILP hit the wall-clock limit (0 for the other algorithms) */
  readonly limitedSlots: number;
}

const memo = new Map<string, Promise<WelfareRow[]>>();
/** Keys of the settings this process computed itself (not primed), in order. */
const computed: string[] = [];

/** Paper-scale setting (nodes, mean arrivals) before the mode's divisor. */
export interface Setting extends Omit<WorkloadConfig, "seed" | "nodes" | "meanArrivals" | "slots"> {
  /** number of nodes K at paper scale */
  readonly nodes: number;
  /** mean arrivals per slot at paper scale */
  readonly meanArrivals: number;
}

/** A {@link WelfareRow} as one setting's run gives it: no figure or label, no wall time. */
export type SettingRow = Omit<WelfareRow, "figure" | "setting" | "perTaskMs">;

/**
 * The sweep whose `perTaskMs` the timing claims (`pdftsp.titan-runtime-grows`,
 * `pdftsp.faster-than-titan` on its 50-node setting) and the notebook's Fig. 13 read: its
 * settings must run in the process that reports them, never in a pool worker.
 */
export const TIMED_SWEEP = "Fig. 4 cluster size";

/**
 * Runs all four algorithms on one setting (not memoised: a pure function of `params` and
 * `setting` apart from `perTaskMs`, a wall time). Rows carry empty `figure` and `setting`.
 *
 * @param params mode and seed
 * @param setting paper-scale nodes and mean arrivals plus workload options
 * @returns one row per algorithm, in {@link ALGORITHMS} order
 */
export async function runSetting(params: RunParams, setting: Setting): Promise<WelfareRow[]> {
  const scale = experimentScale(params.mode);
  const workload = generateWorkload(scaledConfig(params, setting));
  const bound = headroom(workload.instance);
  const rows: WelfareRow[] = [];
  for (const algorithm of ALGORITHMS) {
    const result = await runOnline(workload.instance, algorithm, {
      seed: params.seed,
      nodeLimit: scale.titanNodes,
    });
    rows.push(welfareRow({
      algorithm,
      welfare: result.welfare,
      admitted: result.admitted,
      tasks: workload.instance.tasks.length,
      arrivalsBasis: `${workload.arrivals.basis}: ${workload.arrivals.label}`,
      ...bound,
      limitedSlots: result.limitedSlots ?? 0,
    }, result.perTaskMs));
  }
  return rows;
}

/** A memo row from a setting's row and its time per task (the field order of every row). */
function welfareRow(row: SettingRow, perTaskMs: number): WelfareRow {
  return {
    figure: "",
    setting: "",
    algorithm: row.algorithm,
    welfare: row.welfare,
    admitted: row.admitted,
    tasks: row.tasks,
    perTaskMs,
    arrivalsBasis: row.arrivalsBasis,
    deadlineFeasible: row.deadlineFeasible,
    welfareUpperBound: row.welfareUpperBound,
    limitedSlots: row.limitedSlots,
  };
}

/**
 * Runs all four algorithms on one setting (memoised by the scaled workload configuration).
 *
 * @param params mode and seed
 * @param figure figure label for the rows
 * @param label setting label for the rows
 * @param setting paper-scale nodes and mean arrivals plus workload options
 * @returns one row per algorithm
 */
export function compareAlgorithms(
  params: RunParams,
  figure: string,
  label: string,
  setting: Setting,
): Promise<WelfareRow[]> {
  const key = JSON.stringify(scaledConfig(params, setting));
  let cached = memo.get(key);
  if (cached === undefined) {
    computed.push(key);
    cached = runSetting(params, setting);
    memo.set(key, cached);
  }
  return cached.then((rows) => rows.map((row) => ({ ...row, figure, setting: label })));
}

/**
 * Installs rows computed elsewhere (a pool worker, units_pdftsp.ts) as the memoised comparison of
 * `setting`, so that {@link compareAlgorithms} returns them without running anything. Their
 * `perTaskMs` is NaN (not measured in this process): prime only settings whose time no one reads,
 * i.e. not those of {@link TIMED_SWEEP}.
 *
 * @param params mode and seed the rows were computed with
 * @param setting the setting they belong to
 * @param rows the rows of {@link runSetting} without `figure`, `setting` and `perTaskMs`
 * @throws {ParameterError} when `setting` is one of {@link TIMED_SWEEP}'s
 */
export function primeSetting(
  params: RunParams,
  setting: Setting,
  rows: readonly SettingRow[],
): void {
  const key = JSON.stringify(scaledConfig(params, setting));
  if (timedKeys(params).has(key)) {
    throw new ParameterError(
      "setting",
      key,
      `a setting outside ${TIMED_SWEEP} (its times are read)`,
    );
  }
  memo.set(key, Promise.resolve(rows.map((row) => welfareRow(row, NaN))));
}

/** Memo keys of the settings of {@link TIMED_SWEEP}. */
function timedKeys(params: RunParams): Set<string> {
  return new Set(
    (SWEEPS[TIMED_SWEEP] ?? []).map(({ setting }) => JSON.stringify(scaledConfig(params, setting))),
  );
}

/**
 * Memo keys (scaled workload configurations as JSON) of the settings this process ran itself
 * rather than received through {@link primeSetting}, in the order it ran them.
 */
export function computedSettings(): readonly string[] {
  return [...computed];
}

/**
 * Workload configuration of a paper-scale setting in a run mode (nodes and arrival rate divided by
 * the mode's divisor, the mode's slots, the run's seed).
 *
 * @param params mode and seed
 * @param setting paper-scale nodes and mean arrivals plus workload options
 * @returns the configuration {@link generateWorkload} receives
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DEFAULT_SETTING, scaledConfig } from "./experiments.ts";
 * assert.equal(scaledConfig({ mode: "quick", seed: 1 }, DEFAULT_SETTING).nodes, 6); // 50 / 8
 * ```
 */
export function scaledConfig(params: RunParams, setting: Setting): WorkloadConfig {
  const scale = experimentScale(params.mode);
  return {
    ...setting,
    nodes: Math.max(1, Math.round(setting.nodes / scale.divisor)),
    meanArrivals: setting.meanArrivals / scale.divisor,
    slots: scale.slots,
    seed: params.seed,
  };
}

/**
 * Default setting: 50 nodes of A100, 3 vendors, Poisson 50 per slot, loose deadlines, in the
 * `calibrated` regime.
 */
export const DEFAULT_SETTING: Setting = {
  nodes: 50,
  meanArrivals: 50,
  gpus: "a100",
  vendors: 3,
  arrivals: "poisson",
  deadlines: "loose",
  regime: "calibrated",
};

/** The default setting in the `modelled` regime (GPT-2 LoRA as modelled, market electricity). */
export const MODELLED_SETTING: Setting = { ...DEFAULT_SETTING, regime: "modelled" };

/** Settings of the two regimes, by name. */
export const REGIME_SETTINGS: Record<RegimeName, Setting> = {
  calibrated: DEFAULT_SETTING,
  modelled: MODELLED_SETTING,
};

/** The sweeps of Fig. 4-9 (paper-scale values). */
export const SWEEPS: Record<string, readonly { label: string; setting: Setting }[]> = {
  "Fig. 4 cluster size": [50, 100, 150, 200].map((nodes) => ({
    label: `${nodes} nodes`,
    setting: { ...DEFAULT_SETTING, nodes },
  })),
  "Fig. 5 vendors": [1, 3, 5].map((vendors) => ({
    label: `${vendors} vendors`,
    setting: { ...DEFAULT_SETTING, vendors },
  })),
  "Fig. 6 per-node capacity": (["a100", "a40", "mixed"] as const).map((gpus) => ({
    label: gpus,
    setting: { ...DEFAULT_SETTING, gpus },
  })),
  "Fig. 7 real traces": (["msft-itp", "alibaba-v2023", "helios-saturn", "philly-sia"] as const)
    .map((arrivals: ArrivalSource) => ({
      label: arrivals,
      setting: { ...DEFAULT_SETTING, arrivals },
    })),
  "Fig. 8 task dynamics": [30, 50, 80].map((meanArrivals) => ({
    label: `Poisson ${meanArrivals}`,
    setting: { ...DEFAULT_SETTING, meanArrivals },
  })),
  "Fig. 9 deadlines": (["tight", "loose", "uniform"] as const).map((deadlines) => ({
    label: deadlines,
    setting: { ...DEFAULT_SETTING, deadlines },
  })),
};

/**
 * All rows of one sweep.
 *
 * @param params mode and seed
 * @param figure a key of {@link SWEEPS}
 * @param regime the regime of every setting (default `calibrated`)
 * @returns rows for every setting and algorithm
 */
export async function sweep(
  params: RunParams,
  figure: string,
  regime: RegimeName = "calibrated",
): Promise<WelfareRow[]> {
  const rows: WelfareRow[] = [];
  for (const { label, setting } of SWEEPS[figure] ?? []) {
    rows.push(...await compareAlgorithms(params, figure, label, { ...setting, regime }));
  }
  return rows;
}

/**
 * The largest improvement over each baseline any algorithm could reach in one setting, percent:
 * 100·(welfareUpperBound / W_baseline - 1).
 *
 * @param rows the four rows of one setting
 * @returns `{ titan, eft, ntm }`
 */
export function maxImprovements(
  rows: readonly WelfareRow[],
): Record<"titan" | "eft" | "ntm", number> {
  const bound = rows[0]?.welfareUpperBound ?? NaN;
  const welfare = (name: AlgorithmName) =>
    rows.find((row) => row.algorithm === name)?.welfare ?? NaN;
  const pct = (name: AlgorithmName) => 100 * (bound / welfare(name) - 1);
  return { titan: pct("titan"), eft: pct("eft"), ntm: pct("ntm") };
}

/**
 * Improvement of pdFTSP's welfare over each baseline in one setting, percent.
 *
 * @param rows the four rows of one setting
 * @returns `{ titan, eft, ntm }` as 100·(W_pdftsp / W_baseline - 1)
 */
export function improvements(rows: readonly WelfareRow[]): Record<"titan" | "eft" | "ntm", number> {
  const welfare = (name: AlgorithmName) =>
    rows.find((row) => row.algorithm === name)?.welfare ?? NaN;
  const ours = welfare("pdftsp");
  const pct = (name: AlgorithmName) => 100 * (ours / welfare(name) - 1);
  return { titan: pct("titan"), eft: pct("eft"), ntm: pct("ntm") };
}

/** One instance of the competitive-ratio experiment (Fig. 12). */
export interface RatioRow {
  /** the instance's label */
  readonly setting: string;
  /** tasks in the instance */
  readonly tasks: number;
  /** OPT: welfare of the best solution HiGHS found */
  readonly optimum: number;
  /** proven upper bound on OPT (equals `optimum` when certified) */
  readonly optimumUpper: number;
  /** HiGHS proved the optimum within its time limit */
  readonly certified: boolean;
  /** pdFTSP's welfare on the instance */
  readonly online: number;
  /** OPT / online welfare (the bracket's upper end when not certified) */
  readonly ratio: number;
  /** γ of Theorem 5 for the instance */
  readonly gamma: number;
  /** Lemma 1's per-task step holds on the run */
  readonly lemma1Holds: boolean;
  /** tasks whose constraint (6a) fails at the final duals with μ_i = F(il) (Lemma 4) */
  readonly lemma4Violations: number;
  /** D_1 as printed (run.dualObjective) and with μ repaired so the duals are feasible */
  readonly dualBound: number;
  /** D_1 with μ repaired so that the duals are feasible */
  readonly repairedDualBound: number;
}

/**
 * Empirical competitive ratio OPT/pdFTSP on instances small enough for HiGHS to certify: 3 nodes,
 * 12 slots, 2 arrivals per slot, over several seeds and the three deadline methods.
 *
 * @param params mode (paper mode uses more seeds) and base seed
 * @returns one row per instance, with Theorem 5's γ and the Lemma 1 and Lemma 4 checks
 */
export async function competitiveRatios(params: RunParams): Promise<RatioRow[]> {
  const seeds = params.mode === "paper" ? 10 : 3;
  const rows: RatioRow[] = [];
  for (const deadlines of ["tight", "loose", "uniform"] as const) {
    for (let j = 0; j < seeds; j++) {
      const { instance } = generateWorkload({
        nodes: 3,
        slots: 12,
        meanArrivals: 2,
        deadlines,
        seed: params.seed * 1000 + j,
      });
      const run = runPdftsp(instance);
      const opt = await offlineOptimum(instance, { timeLimitSeconds: 20 });
      const lemma4 = lemma4Check(instance, run);
      rows.push({
        setting: `${deadlines}, seed ${j}`,
        tasks: instance.tasks.length,
        optimum: opt.lower,
        optimumUpper: opt.upper,
        certified: opt.status === "optimal",
        online: run.welfare,
        ratio: run.welfare > 0 ? opt.upper / run.welfare : Infinity,
        gamma: competitiveBound(instance, run).gamma,
        lemma1Holds: lemma1Check(run).holds,
        lemma4Violations: lemma4.violated,
        dualBound: lemma4.printedBound,
        repairedDualBound: lemma4.repairedBound,
      });
    }
  }
  return rows;
}

/** Data of Fig. 10 and 11 on the default workload. */
export interface AuctionData {
  /** utility of the swept task at each bid, and whether it was admitted (Fig. 10) */
  readonly sweep: readonly { bid: number; utility: number; admitted: boolean }[];
  /** the swept task's true value (its original bid) */
  readonly value: number;
  /** bid and payment of up to ten admitted tasks (Fig. 11) */
  readonly payments: readonly { task: number; bid: number; payment: number }[];
  /** index of the swept task */
  readonly sweepTask: number;
}

/**
 * Truthfulness sweep for one admitted task (value = its bid, bids 0 to 2v) and bids vs payments
 * of ten admitted tasks, on a small default workload (6 nodes, 6 arrivals per slot, 36 slots).
 *
 * @param params seed
 * @returns the sweep and the payments
 */
export function auctionData(params: RunParams): AuctionData {
  const { instance } = generateWorkload({
    nodes: 6,
    slots: 36,
    meanArrivals: 6,
    seed: params.seed,
  });
  const run = runPdftsp(instance);
  const admitted = run.outcomes.filter((o) => o.admitted);
  const priced = admitted.filter((o) => o.payment > 0);
  const chosen = (priced[Math.floor(priced.length / 2)] ?? admitted[0])!;
  const value = instance.tasks[chosen.task]!.bid;
  // j = 20 is the true value itself (value * 20 / 20 can differ from it in the last bit)
  const bids = Array.from({ length: 41 }, (_, j) => j === 20 ? value : value * j / 20);
  const sweepPoints = bidSweep(instance, chosen.task, value, bids);
  const step = Math.max(1, Math.floor(admitted.length / 10));
  return {
    sweep: sweepPoints.map(({ bid, utility, admitted }) => ({ bid, utility, admitted })),
    value,
    sweepTask: chosen.task,
    payments: admitted.filter((_, j) => j % step === 0).slice(0, 10).map((o) => ({
      task: o.task,
      bid: instance.tasks[o.task]!.bid,
      payment: o.payment,
    })),
  };
}
