/**
 * Section 6 experiments: instance generation (Cases UE, EE, UI, EI and the truncated-normal
 * study), empirical ratios ER = W_opt/W_online with certified brackets, and sweeps.
 *
 * Set-up (Section 6.1): CPU f = 0.223·y^3, RAM f = 8.38e-6·y^1.2, 9 bundles from
 * {0.001, 0.003, 0.005}², v_n^b = p·|T_n|·r_cpu^b. RAM's p̄ is p̄·max_b(r_cpu/r_ram) = 5·p̄ (the
 * per-unit bound of Assumption 3 for RAM; an assumption, RAM never binds here).
 *
 * @example
 * ```ts
 * import { buildInstance } from "./experiments.ts";
 * const inst = buildInstance({ case: "UE", pbar: 1.338, jobs: 200, slots: 360, seed: 1 });
 * console.log(inst.instance.customers.length); // 200
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { createRng, type Rng } from "../../core/rng.ts";
import { requireInteger, requireObject, requirePositive } from "../../core/validate.ts";
import { type Instance, validateInstance } from "./instance.ts";
import {
  googleJobTimes,
  type JobDraw,
  type JobTimes,
  sampleWindow,
  SLOT_SECONDS,
} from "./arrivals.ts";
import { type MechanismSpec, pricingFunctions, runPosted } from "./mechanism.ts";
import { cachedBracket, type OfflineSolver } from "./offline_cache.ts";

/** Section 6.1 constants. */
export const SECTION6 = {
  cpu: { a: 0.223, s: 3 },
  ram: { a: 8.38e-6, s: 1.2 },
  sizes: [0.001, 0.003, 0.005],
  jobs: 4000,
  slots: 3600,
  slotSeconds: SLOT_SECONDS,
} as const;

/** c̄_cpu = a·s. */
export const CBAR_CPU = SECTION6.cpu.a * SECTION6.cpu.s;

/** How the per-unit value p is drawn. */
export type ValueCase = "UE" | "EE" | "UI" | "EI" | "TN";

/** Parameters of one instance. */
export interface InstanceParams {
  /** how the per-unit values are drawn */
  readonly case: ValueCase;
  /** p̄, upper bound of the per-unit value */
  readonly pbar: number;
  /** number of jobs (customers) in the window */
  readonly jobs: number;
  /** T: number of slots */
  readonly slots: number;
  /** seed of the instance (window, jobs and values) */
  readonly seed: number;
  /** σ of the truncated normal (Case TN, μ = c̄_cpu, support [0, p̄]). */
  readonly sigma?: number;
  /** Factor on every recorded job duration (load scaling; default 1 = as recorded). */
  readonly durationScale?: number;
  /** `"synthetic"` forces the calibrated stand-in of the trace (default: trace if present). */
  readonly jobSource?: "trace" | "synthetic";
  /** How the jobs are drawn from the trace (default `random`; see {@link JobDraw}). */
  readonly draw?: JobDraw;
}

/** The nine bundles (r_cpu, r_ram). */
export function section6Bundles(): number[][] {
  return SECTION6.sizes.flatMap((cpu) => SECTION6.sizes.map((ram) => [cpu, ram]));
}

/**
 * Builds one Section 6 instance from the Google 2011 trace (or its synthetic stand-in).
 *
 * @param params value case, p̄, sizes, seed and optional load scaling
 * @returns the instance, the source label of the arrivals and the loader's note
 * @throws {ParameterError} on bad sizes or p̄, or a window too small for `jobs`
 * @example
 * ```ts
 * import { buildInstance } from "./experiments.ts";
 * const { instance, source } = buildInstance({ case: "EE", pbar: 2, jobs: 50, slots: 90, seed: 3 });
 * ```
 */
export function buildInstance(
  params: InstanceParams,
): { instance: Instance; source: JobTimes["source"]; note: string } {
  requireObject("params", params, "instance parameters { case, pbar, jobs, slots, seed }");
  requireInteger("jobs", params.jobs, 1);
  requireInteger("slots", params.slots, 1);
  requirePositive("pbar", params.pbar);
  const rng = createRng(params.seed);
  const jobs = googleJobTimes(params.jobSource);
  const times = sampleWindow(
    jobs,
    rng.stream("window"),
    params.slots,
    params.jobs,
    params.durationScale,
    params.draw,
  );
  const values = rng.stream("values");
  const bundles = section6Bundles();
  const customers = times.map(({ arrival, duration }, i) => {
    const p = drawValue(values, params, i, times.length);
    return { arrival, duration, valuations: bundles.map(([cpu]) => p * duration * cpu!) };
  });
  return {
    instance: {
      slots: params.slots,
      resources: [
        { name: "cpu", cost: { kind: "power", ...SECTION6.cpu }, pbar: params.pbar },
        { name: "ram", cost: { kind: "power", ...SECTION6.ram }, pbar: 5 * params.pbar },
      ],
      bundles,
      customers,
    },
    source: jobs.source,
    note: jobs.note,
  };
}

function drawValue(rng: Rng, params: InstanceParams, index: number, total: number): number {
  const pbar = params.pbar;
  if (params.case === "EE" || params.case === "EI") {
    return index < total / 2 ? rng.uniformIn(0, pbar / 2) : rng.uniformIn(pbar / 2, pbar);
  }
  if (params.case === "TN") {
    return rng.truncatedNormal(CBAR_CPU, params.sigma ?? 1, 0, pbar);
  }
  return rng.uniformIn(0, pbar);
}

/** Empirical ratio of one mechanism with its certified bracket. */
export interface RatioResult {
  /** mechanism name (e.g. `"PPM-OP"`) */
  readonly mechanism: string;
  /** social welfare of the mechanism's allocation */
  readonly welfare: number;
  /** ER from the lower bound of W_opt (≤ true ER). */
  readonly erLow: number;
  /** ER from the upper bound of W_opt (≥ true ER). */
  readonly erHigh: number;
  /** highest CPU utilisation over the slots */
  readonly peakCpu: number;
}

/** Named mechanisms of Section 6. */
export function section6Mechanisms(delta = 0): Record<string, MechanismSpec> {
  return {
    "PPM-OP": { kind: "optimal", pbarError: delta },
    "PPM-TP": { kind: "twice-index", pbarError: delta },
    "PPM-MP": { kind: "myopic" },
  };
}

/**
 * Runs mechanisms on one instance and brackets their ERs with the offline optimum.
 *
 * @param instance the instance
 * @param mechanisms named mechanisms
 * @param solver `lagrangian` (exact convex cost, no LP; `lagrangianBracket`) or `lp` (HiGHS LP
 *   relaxation with a 24-tangent cost, the cross-check); memoised per instance and incumbents
 *   ({@link cachedBracket})
 */
export async function empiricalRatios(
  instance: Instance,
  mechanisms: Record<string, MechanismSpec>,
  solver: OfflineSolver = "lagrangian",
): Promise<{ ratios: RatioResult[]; offline: { lower: number; upper: number; seconds: number } }> {
  validateInstance(instance);
  requireObject("mechanisms", mechanisms, "an object of named mechanism specs");
  const runs = Object.entries(mechanisms).map(([name, spec]) => ({
    name,
    result: runPosted(instance, pricingFunctions(instance, spec)),
  }));
  const incumbents = runs.map((run) => run.result.decisions);
  const bracket = await cachedBracket(instance, solver, incumbents);
  const seconds = bracket.seconds;
  return {
    ratios: runs.map(({ name, result }) => ({
      mechanism: name,
      welfare: result.welfare,
      erLow: bracket.lower / result.welfare,
      erHigh: bracket.upper / result.welfare,
      peakCpu: Math.max(...result.utilisation[0]!),
    })),
    offline: { lower: bracket.lower, upper: bracket.upper, seconds },
  };
}

/**
 * Running means of certified ER brackets, one per key (a mechanism, or a mechanism at one δ).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RatioMeans } from "./experiments.ts";
 * const means = new RatioMeans();
 * means.add("PPM-OP", { erLow: 1, erHigh: 1.2 });
 * means.add("PPM-OP", { erLow: 1.2, erHigh: 1.4 });
 * const { erLow, erHigh, instances } = means.mean("PPM-OP");
 * assert.ok(Math.abs(erLow - 1.1) < 1e-12 && Math.abs(erHigh - 1.3) < 1e-12 && instances === 2);
 * ```
 */
export class RatioMeans {
  readonly #sums = new Map<string, { low: number; high: number; count: number }>();

  /** Adds one instance's bracket under `key`. */
  add(key: string, ratio: Pick<RatioResult, "erLow" | "erHigh">): void {
    const acc = this.#sums.get(key) ?? { low: 0, high: 0, count: 0 };
    acc.low += ratio.erLow;
    acc.high += ratio.erHigh;
    acc.count += 1;
    this.#sums.set(key, acc);
  }

  /** Keys in insertion order. */
  keys(): string[] {
    return [...this.#sums.keys()];
  }

  /**
   * Mean bracket of `key`.
   *
   * @throws {ParameterError} when nothing was added under `key`
   */
  mean(key: string): { erLow: number; erHigh: number; instances: number } {
    const acc = this.#sums.get(key);
    if (!acc) throw new ParameterError("key", key, `one of ${this.keys().join(", ")}`);
    return { erLow: acc.low / acc.count, erHigh: acc.high / acc.count, instances: acc.count };
  }
}
