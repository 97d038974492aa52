/**
 * Sensitivity of pdFTSP's welfare to the choices the paper leaves open, on the 50-node default
 * setting in the modelled regime (MODELLED_SETTING; quick mode: 1/8 of it, see experiments.ts):
 *
 * - **unit scale** κ: money is measured in units 1/κ of the workload's (bids, vendor prices and
 *   node costs × κ); α and β are recomputed by Lemma 2 in the new units. Lemma 2 assumes units
 *   rescaled so that b̄_il >= 1. Eq. 7-8 are not unit-free: λ, φ grow with α·b̄ (money² per
 *   resource²), so a money unit κ acts exactly like multiplying α and β by κ (tested);
 *   shrinking the resource units by κ does the same.
 * - **α and β factors**: α and β times a factor, the other at its Lemma 2 value.
 * - **bid scale**: every bid × c, vendor prices and node costs unchanged (a different bid
 *   distribution, not a unit change); α, β recomputed by Lemma 2.
 *
 * Baselines do not read α, β and are unit-free (EFT and NTM ignore bids; Titan's MILP objective
 * scales with the money unit), so they are run once per bid scale and reported in the workload's
 * money unit, like pdFTSP's welfare.
 *
 * @module
 */
import type { RunParams } from "../../core/params.ts";
import { requireNonEmpty, requirePositive } from "../../core/validate.ts";
import { progress } from "../../core/progress.ts";
import {
  compareAlgorithms,
  experimentScale,
  MODELLED_SETTING,
  scaledConfig,
} from "./experiments.ts";
import { compileInstance } from "./instance.ts";
import { defaultAlphaBeta, runPdftsp } from "./pdftsp.ts";
import { runOnline } from "./run_online.ts";
import { generateWorkload } from "./workload.ts";
import type { Instance } from "./types.ts";

/** Declared value bounds times f (they are money per work unit and per GB), if any. */
function scaledValueBounds(instance: Instance, f: number): Pick<Instance, "valueBounds"> {
  const bounds = instance.valueBounds;
  return bounds === undefined
    ? {}
    : { valueBounds: { perWork: bounds.perWork * f, perMemory: bounds.perMemory * f } };
}

/**
 * The instance with money measured in units 1/`factor` of the original: bids, vendor prices and
 * node costs multiplied by `factor`.
 *
 * @param instance plain-JSON instance
 * @param factor κ > 0
 * @returns a new instance (the input is not modified)
 * @throws {ParameterError} when the factor is not a positive finite number
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rescaleMoney } from "./sensitivity.ts";
 * const scaled = rescaleMoney({ slots: 1, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 2, memoryCapacity: 4, taskThroughput: 1, costPerSlot: [1] }],
 *   tasks: [{ arrival: 0, deadline: 0, work: 1, memory: 1, preprocessing: false, bid: 3 }] }, 2);
 * assert.equal(scaled.tasks[0]!.bid, 6); // money in half units: every amount doubles
 * assert.equal(scaled.nodes[0]!.costPerSlot[0], 2);
 * ```
 */
export function rescaleMoney(instance: Instance, factor: number): Instance {
  const f = requirePositive("moneyFactor", factor);
  return {
    ...instance,
    ...scaledValueBounds(instance, f),
    nodes: instance.nodes.map((node) => ({
      ...node,
      costPerSlot: node.costPerSlot.map((cost) => cost * f),
    })),
    tasks: instance.tasks.map((task) => ({
      ...task,
      bid: task.bid * f,
      ...(task.quotes === undefined
        ? {}
        : { quotes: task.quotes.map((quote) => ({ ...quote, price: quote.price * f })) }),
    })),
  };
}

/**
 * The instance with every bid multiplied by `factor` (vendor prices and node costs unchanged).
 *
 * @param instance plain-JSON instance
 * @param factor c > 0
 * @returns a new instance
 * @throws {ParameterError} when the factor is not a positive finite number
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scaleBids } from "./sensitivity.ts";
 * const scaled = scaleBids({ slots: 1, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 2, memoryCapacity: 4, taskThroughput: 1, costPerSlot: [1] }],
 *   tasks: [{ arrival: 0, deadline: 0, work: 1, memory: 1, preprocessing: false, bid: 3 }] }, 0.5);
 * assert.equal(scaled.tasks[0]!.bid, 1.5);
 * assert.equal(scaled.nodes[0]!.costPerSlot[0], 1); // costs stay
 * ```
 */
export function scaleBids(instance: Instance, factor: number): Instance {
  const f = requirePositive("bidScale", factor);
  return {
    ...instance,
    ...scaledValueBounds(instance, f),
    tasks: instance.tasks.map((task) => ({ ...task, bid: task.bid * f })),
  };
}

/** Open choices of one pdFTSP run. */
export interface PdftspChoices {
  /** κ: money unit 1/κ of the workload's (default 1) */
  readonly unitScale?: number;
  /** α = factor × Lemma 2's max b_i/M_i in the rescaled units (default 1) */
  readonly alphaFactor?: number;
  /** β = factor × Lemma 2's max b_i/r_i in the rescaled units (default 1) */
  readonly betaFactor?: number;
}

/** pdFTSP's outcome under one set of choices. */
export interface PdftspPoint {
  /** tasks admitted */
  readonly admitted: number;
  /** welfare in the workload's (unscaled) money unit */
  readonly welfare: number;
  /** α and β used, in the rescaled units */
  readonly alpha: number;
  /** β used, in the rescaled units */
  readonly beta: number;
  /** tasks with F(il) > 0, i.e. that raised the duals (Algorithm 1, line 7) */
  readonly dualUpdates: number;
  /** smallest b̄_il (rescaled units) among those tasks; null when none */
  readonly minUnitWelfare: number | null;
  /**
   * Whether Lemma 2's assumption b̄_il >= 1 holds for every task that raised the duals (the only
   * place the proof uses it). Vacuously true when no task did.
   */
  readonly lemma2Holds: boolean;
}

/**
 * Runs pdFTSP with a money unit and α, β factors.
 *
 * @param instance plain-JSON instance (workload units)
 * @param choices unit scale κ and α, β factors (all default 1: the main run)
 * @returns admissions, welfare in workload units, α, β and the Lemma 2 check
 * @throws {ParameterError} on non-positive factors or a malformed instance
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pdftspAt } from "./sensitivity.ts";
 * const p = pdftspAt({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 2, preprocessing: false, bid: 5 }] },
 *   { unitScale: 2 });
 * assert.equal(p.welfare, 5); // reported in the workload's unit
 * assert.equal(p.minUnitWelfare, 2.5); // b̄ = 2·5 / (2 + 2)
 * assert.equal(p.lemma2Holds, true);
 * ```
 */
export function pdftspAt(instance: Instance, choices: PdftspChoices = {}): PdftspPoint {
  const unitScale = requirePositive("unitScale", choices.unitScale ?? 1);
  const alphaFactor = requirePositive("alphaFactor", choices.alphaFactor ?? 1);
  const betaFactor = requirePositive("betaFactor", choices.betaFactor ?? 1);
  const scaled = unitScale === 1 ? instance : rescaleMoney(instance, unitScale);
  const lemma2 = defaultAlphaBeta(compileInstance(scaled));
  const result = runPdftsp(scaled, {
    ...(alphaFactor === 1 ? {} : { alpha: lemma2.alpha * alphaFactor }),
    ...(betaFactor === 1 ? {} : { beta: lemma2.beta * betaFactor }),
  });
  const updating = result.trace.filter((t) => t.F !== null && t.F > 0)
    .map((t) => t.unitWelfare as number);
  const minUnitWelfare = updating.length === 0 ? null : Math.min(...updating);
  return {
    admitted: result.admitted,
    welfare: result.welfare / unitScale,
    alpha: result.alpha,
    beta: result.beta,
    dualUpdates: updating.length,
    minUnitWelfare,
    lemma2Holds: minUnitWelfare === null || minUnitWelfare >= 1,
  };
}

/** The three one-dimensional sweeps (the first is a grid over unit and bid scale). */
export type SensitivitySweepName = "unit × bid scale" | "α factor" | "β factor";

/** Values swept. */
export interface SensitivityGrid {
  /** money-unit scales κ swept (every combination with `bidScales`) */
  readonly unitScales: readonly number[];
  /** bid scales swept (every combination with `unitScales`) */
  readonly bidScales: readonly number[];
  /** α factors, at unit and bid scale 1 */
  readonly alphaFactors: readonly number[];
  /** β factors, at unit and bid scale 1 */
  readonly betaFactors: readonly number[];
}

/** Default grid: powers of 4 (exact in floating point) around the Lemma 2 setting. */
export const DEFAULT_GRID: SensitivityGrid = {
  unitScales: [1 / 256, 1 / 64, 1 / 16, 1 / 4, 1, 4],
  bidScales: [0.25, 0.5, 1, 2, 4],
  alphaFactors: [1 / 256, 1 / 16, 1, 16],
  betaFactors: [1 / 256, 1 / 16, 1, 16],
};

/** One setting: pdFTSP and the three baselines. */
export interface SensitivityRow {
  /** which sweep the row belongs to */
  readonly sweep: SensitivitySweepName;
  /** money-unit scale κ */
  readonly unitScale: number;
  /** factor on every bid */
  readonly bidScale: number;
  /** factor on Lemma 2's α */
  readonly alphaFactor: number;
  /** factor on Lemma 2's β */
  readonly betaFactor: number;
  /** tasks in the workload */
  readonly tasks: number;
  /** tasks pdFTSP admits */
  readonly pdftspAdmitted: number;
  /** tasks Titan admits */
  readonly titanAdmitted: number;
  /** tasks EFT admits */
  readonly eftAdmitted: number;
  /** tasks NTM admits */
  readonly ntmAdmitted: number;
  /** welfare in the workload's money unit */
  readonly pdftspWelfare: number;
  /** Titan's welfare in the workload's money unit */
  readonly titanWelfare: number;
  /** EFT's welfare in the workload's money unit */
  readonly eftWelfare: number;
  /** NTM's welfare in the workload's money unit */
  readonly ntmWelfare: number;
  /** 100·(W_pdFTSP / max baseline welfare - 1) */
  readonly gainOverBestBaseline: number;
  /** smallest b̄_il among the tasks that raised the duals (rescaled units); null when none */
  readonly minUnitWelfare: number | null;
  /** Lemma 2's assumption b̄_il >= 1 holds for every such task */
  readonly lemma2Holds: boolean;
  /** pdFTSP's welfare exceeds Titan's, EFT's and NTM's */
  readonly beatsAll: boolean;
  /**
   * Supported by the paper's text: Lemma 2's b̄ >= 1 holds on the run and α, β are at least the
   * Lemma 2 values (its proof needs λ >= α, φ >= β to price a full cell out; larger values keep it).
   */
  readonly defensible: boolean;
}

type BaselineWelfare = Pick<
  SensitivityRow,
  | "tasks"
  | "titanAdmitted"
  | "eftAdmitted"
  | "ntmAdmitted"
  | "titanWelfare"
  | "eftWelfare"
  | "ntmWelfare"
>;

/**
 * Baselines on the default setting with bids × `bidScale` (bid scale 1 reuses the memoised main
 * comparison, so the sweep's centre is the main run).
 */
async function baselinesAt(params: RunParams, bidScale: number): Promise<BaselineWelfare> {
  if (bidScale === 1) {
    const rows = await compareAlgorithms(params, "Fig. 4", "50 nodes", MODELLED_SETTING);
    const of = (name: string) => rows.find((r) => r.algorithm === name)!;
    return {
      tasks: of("eft").tasks,
      titanAdmitted: of("titan").admitted,
      eftAdmitted: of("eft").admitted,
      ntmAdmitted: of("ntm").admitted,
      titanWelfare: of("titan").welfare,
      eftWelfare: of("eft").welfare,
      ntmWelfare: of("ntm").welfare,
    };
  }
  const instance = scaleBids(
    generateWorkload(scaledConfig(params, MODELLED_SETTING)).instance,
    bidScale,
  );
  const options = {
    seed: params.seed,
    nodeLimit: experimentScale(params.mode).titanNodes,
  };
  const [titan, eft, ntm] = [
    await runOnline(instance, "titan", options),
    await runOnline(instance, "eft", options),
    await runOnline(instance, "ntm", options),
  ];
  return {
    tasks: instance.tasks.length,
    titanAdmitted: titan.admitted,
    eftAdmitted: eft.admitted,
    ntmAdmitted: ntm.admitted,
    titanWelfare: titan.welfare,
    eftWelfare: eft.welfare,
    ntmWelfare: ntm.welfare,
  };
}

/**
 * Sweeps the unit scale × bid scale grid and the α and β factors on the default 50-node setting
 * (quick mode: 6 nodes, Poisson 6.25 per slot) and compares pdFTSP with Titan, EFT and NTM.
 *
 * @param params mode and seed (the same workload as the main comparison)
 * @param grid values to sweep (default {@link DEFAULT_GRID})
 * @returns one row per setting; the row with every factor 1 is the main run
 * @throws {ParameterError} on empty or non-positive grid values
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sensitivitySweep } from "./sensitivity.ts";
 * const rows = await sensitivitySweep({ mode: "quick", seed: 1 },
 *   { unitScales: [1], bidScales: [1], alphaFactors: [], betaFactors: [] });
 * assert.ok(rows[0]!.pdftspAdmitted < rows[0]!.eftAdmitted);
 * ```
 */
export async function sensitivitySweep(
  params: RunParams,
  grid: SensitivityGrid = DEFAULT_GRID,
): Promise<SensitivityRow[]> {
  requireNonEmpty("unitScales", grid.unitScales);
  requireNonEmpty("bidScales", grid.bidScales);
  const base = generateWorkload(scaledConfig(params, MODELLED_SETTING)).instance;
  const settings: { sweep: SensitivitySweepName; bidScale: number; choices: PdftspChoices }[] = [
    ...grid.bidScales.flatMap((bidScale) =>
      grid.unitScales.map((unitScale) => ({
        sweep: "unit × bid scale" as const,
        bidScale,
        choices: { unitScale },
      }))
    ),
    ...grid.alphaFactors.map((alphaFactor) => ({
      sweep: "α factor" as const,
      bidScale: 1,
      choices: { alphaFactor },
    })),
    ...grid.betaFactors.map((betaFactor) => ({
      sweep: "β factor" as const,
      bidScale: 1,
      choices: { betaFactor },
    })),
  ];
  const bar = progress("pdFTSP sensitivity", settings.length);
  const baselines = new Map<number, BaselineWelfare>();
  const rows: SensitivityRow[] = [];
  for (const { sweep, bidScale, choices } of settings) {
    requirePositive("bidScale", bidScale);
    let baseline = baselines.get(bidScale);
    if (baseline === undefined) {
      baseline = await baselinesAt(params, bidScale);
      baselines.set(bidScale, baseline);
    }
    const point = pdftspAt(bidScale === 1 ? base : scaleBids(base, bidScale), choices);
    const best = Math.max(baseline.titanWelfare, baseline.eftWelfare, baseline.ntmWelfare);
    const alphaFactor = choices.alphaFactor ?? 1;
    const betaFactor = choices.betaFactor ?? 1;
    rows.push({
      sweep,
      unitScale: choices.unitScale ?? 1,
      bidScale,
      alphaFactor,
      betaFactor,
      ...baseline,
      pdftspAdmitted: point.admitted,
      pdftspWelfare: point.welfare,
      gainOverBestBaseline: 100 * (point.welfare / best - 1),
      minUnitWelfare: point.minUnitWelfare,
      lemma2Holds: point.lemma2Holds,
      beatsAll: point.welfare > best,
      defensible: point.lemma2Holds && alphaFactor >= 1 && betaFactor >= 1,
    });
    bar.tick();
  }
  bar.done();
  return rows;
}

/** What the sweep says about the paper's headline gains. */
export interface SensitivitySummary {
  /** settings in the sweep */
  readonly settings: number;
  /** settings where pdFTSP beats all three baselines */
  readonly wins: number;
  /** of those, settings the paper's text supports ({@link SensitivityRow.defensible}) */
  readonly defensibleWins: number;
  /** settings where Lemma 2's b̄ >= 1 held */
  readonly lemma2Settings: number;
  /** largest gain over the best baseline among defensible settings, percent (null if none) */
  readonly bestDefensibleGain: number | null;
  /** largest gain over the best baseline among all settings, percent */
  readonly bestGain: number;
}

/**
 * Counts wins and defensible wins in sweep rows.
 *
 * @param rows rows of {@link sensitivitySweep}
 * @returns counts and best gains
 * @throws {ParameterError} on an empty list
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { summariseSensitivity } from "./sensitivity.ts";
 * const row = { beatsAll: true, defensible: false, lemma2Holds: false, gainOverBestBaseline: 3 };
 * const summary = summariseSensitivity([row]);
 * assert.equal(summary.wins, 1);
 * assert.equal(summary.defensibleWins, 0); // the win is outside what the paper's text supports
 * ```
 */
export function summariseSensitivity(
  rows: readonly Pick<
    SensitivityRow,
    "beatsAll" | "defensible" | "lemma2Holds" | "gainOverBestBaseline"
  >[],
): SensitivitySummary {
  requireNonEmpty("rows", rows);
  const defensible = rows.filter((r) => r.defensible).map((r) => r.gainOverBestBaseline);
  return {
    settings: rows.length,
    wins: rows.filter((r) => r.beatsAll).length,
    defensibleWins: rows.filter((r) => r.beatsAll && r.defensible).length,
    lemma2Settings: rows.filter((r) => r.lemma2Holds).length,
    bestDefensibleGain: defensible.length === 0 ? null : Math.max(...defensible),
    bestGain: Math.max(...rows.map((r) => r.gainOverBestBaseline)),
  };
}

/**
 * A derived sentence for the notebook: where pdFTSP beats all baselines and whether the paper's
 * text supports those settings.
 *
 * @param summary output of {@link summariseSensitivity}
 * @returns Markdown text
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeSensitivity } from "./sensitivity.ts";
 * const text = describeSensitivity({ settings: 2, wins: 0, defensibleWins: 0, lemma2Settings: 1,
 *   bestDefensibleGain: -90, bestGain: -1 });
 * assert.ok(text.startsWith("pdFTSP beats all three baselines in **0 of 2** settings"));
 * ```
 */
export function describeSensitivity(summary: SensitivitySummary): string {
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(1)} %`;
  return `pdFTSP beats all three baselines in **${summary.wins} of ${summary.settings}** ` +
    `settings (best gain over the strongest baseline ${pct(summary.bestGain)}); ` +
    `**${summary.defensibleWins}** of those wins are at settings the paper's text supports ` +
    `(Lemma 2's b̄ ≥ 1 holds and α, β ≥ their Lemma 2 values). Lemma 2's assumption held in ` +
    `${summary.lemma2Settings} settings, where the best gain was ${
      summary.bestDefensibleGain === null ? "—" : pct(summary.bestDefensibleGain)
    }.`;
}
