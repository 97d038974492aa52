/**
 * Algorithm 1 (Section 3.3-3.4): the online primal-dual auction pdFTSP. For each arriving task it
 * finds the best schedule (Algorithm 2), admits it when F(il) > 0 and the resources suffice,
 * raises the dual prices λ_kt, φ_kt by Eq. 7-8 and charges the critical payment (Eq. 14 plus the
 * task's own operating cost; Eq. 14 itself with `paymentRule: "paper"`).
 *
 * @module
 */
import { ClusterState } from "./cluster_state.ts";
import { type CompiledInstance, type CompiledTask, compileInstance } from "./instance.ts";
import {
  bestSchedule,
  type ScheduleCandidate,
  type ScheduleSearchOptions,
} from "./find_schedule.ts";
import type { Instance, OnlineResult, TaskOutcome } from "./types.ts";
import { requirePositive } from "../../core/validate.ts";
import { requireCompiledInstance } from "./validate.ts";

/**
 * Payment rule. `paper` is Eq. 14: q_in + max λ · Σs + max φ · Σr. `critical` adds the task's own
 * operating cost Σ e_ikt, which makes the payment equal to the lowest winning bid (see the
 * truthfulness analysis in theory.ts).
 */
export type PaymentRule = "paper" | "critical";

/** Options of {@link runPdftsp}. */
export interface PdftspOptions extends ScheduleSearchOptions {
  /**
   * payment rule (default `critical`, the lowest winning bid, truthful with operating costs;
   * `paper` is Eq. 14)
   */
  readonly paymentRule?: PaymentRule;
  /** α of Eq. 7 (default from {@link defaultAlphaBeta}) */
  readonly alpha?: number;
  /** β of Eq. 8 (default from {@link defaultAlphaBeta}) */
  readonly beta?: number;
}

/** Per-task internals of a pdFTSP run. */
export interface PdftspTaskTrace {
  /** F(il) of the best schedule (null when no schedule exists) */
  readonly F: number | null;
  /** b̄_il = b_il / (Σs + Σr) of the best schedule, b_il = b_i - q_in - Σe */
  readonly unitWelfare: number | null;
  /** the task's own operating cost Σ e_ikt on the best schedule */
  readonly operatingCost: number | null;
  /** b_il = b_i - q_in - Σe of the best schedule: the rise of P̃_1 when F(il) > 0 */
  readonly welfareIncrement: number | null;
  /** D_1^i - D_1^(i-1) (Lemma 1's proof) when F(il) > 0, else null: the duals did not move */
  readonly dualIncrease: number | null;
}

/** Result of pdFTSP: the common result plus per-task internals and the parameters used. */
export interface PdftspResult extends OnlineResult {
  /** internals of every task, in arrival order */
  readonly trace: readonly PdftspTaskTrace[];
  /** α used (Eq. 7) */
  readonly alpha: number;
  /** β used (Eq. 8) */
  readonly beta: number;
  /**
   * D_1 (Eq. 6) evaluated at the online duals: Σ μ_i (μ_i = F(il) of every almost-feasible task,
   * Eq. 11) + Σ C_kp λ_kt + Σ (C_km - r_b) φ_kt. Lemma 1 states P̃_1 >= D_1 / (1 + max{α, β}).
   */
  readonly dualObjective: number;
  /** final λ_kt and φ_kt, indexed `k * slots + t` */
  readonly lambda: Float64Array;
  /** final φ_kt, indexed `k * slots + t` */
  readonly phi: Float64Array;
}

/**
 * Default α and β. With declared `valueBounds` they are its `perWork` and `perMemory`: fixed
 * before any bid, so the algorithm is online and no bid moves its own payment. Without them,
 * Lemma 2's α = max_i b_i / M_i and β = max_i b_i / r_i over every task of the instance
 * (in hindsight: future bids included, and each bid can shift them).
 *
 * @param instance compiled instance
 * @returns α and β
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileInstance } from "./instance.ts";
 * import { defaultAlphaBeta } from "./pdftsp.ts";
 * const spec = { slots: 1, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0] }],
 *   tasks: [{ arrival: 0, deadline: 0, work: 2, memory: 4, preprocessing: false, bid: 6 }] };
 * // hindsight: b/M = 6/2 and b/r = 6/4
 * assert.deepEqual(defaultAlphaBeta(compileInstance(spec)), { alpha: 3, beta: 1.5 });
 * const bounded = { ...spec, valueBounds: { perWork: 5, perMemory: 2 } };
 * assert.deepEqual(defaultAlphaBeta(compileInstance(bounded)), { alpha: 5, beta: 2 });
 * ```
 */
export function defaultAlphaBeta(instance: CompiledInstance): { alpha: number; beta: number } {
  requireCompiledInstance(instance);
  if (instance.valueBounds !== null) {
    return { alpha: instance.valueBounds.perWork, beta: instance.valueBounds.perMemory };
  }
  let alpha = 0;
  let beta = 0;
  for (const task of instance.tasks) {
    alpha = Math.max(alpha, task.bid / task.work);
    beta = Math.max(beta, task.bid / task.memory);
  }
  return { alpha, beta };
}

/**
 * Runs pdFTSP (Algorithm 1) over the tasks in arrival order.
 *
 * @param instance plain-JSON instance
 * @param options payment rule, α, β, DP grid and capacity handling
 * @returns admission, vendor, schedule and payment per task, welfare and internals
 * @throws {ParameterError} on malformed instances or non-positive α, β
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runPdftsp } from "./pdftsp.ts";
 * const result = runPdftsp({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 2, preprocessing: false, bid: 5 }] });
 * assert.equal(result.outcomes[0]!.admitted, true);
 * assert.equal(result.welfare, 5);
 * ```
 */
export function runPdftsp(instance: Instance, options: PdftspOptions = {}): PdftspResult {
  const started = performance.now();
  const compiled = compileInstance(instance);
  const defaults = defaultAlphaBeta(compiled);
  const alpha = options.alpha === undefined
    ? defaults.alpha
    : requirePositive("alpha", options.alpha);
  const beta = options.beta === undefined ? defaults.beta : requirePositive("beta", options.beta);
  const state = new ClusterState(compiled);
  const outcomes: TaskOutcome[] = new Array(compiled.tasks.length);
  const trace: PdftspTaskTrace[] = new Array(compiled.tasks.length);
  let welfare = 0;
  let admitted = 0;
  let muSum = 0;
  for (const task of arrivalOrder(compiled)) {
    let dualIncrease: number | null = null;
    const reject = (reason: TaskOutcome["reason"], best: ScheduleCandidate | null) => {
      outcomes[task.index] = rejected(task, reason);
      trace[task.index] = traceOf(task, best, dualIncrease);
    };
    if (!task.fitsSomewhere) {
      reject("memory-exceeds-every-node", null);
      continue;
    }
    const best = bestSchedule(compiled, state, task, options);
    if (best === null) {
      reject("no-feasible-schedule", null);
      continue;
    }
    if (!(best.F > 0)) {
      reject("non-positive-F", best);
      continue;
    }
    muSum += best.F;
    dualIncrease = best.F + updateDuals(compiled, state, task, best, alpha, beta);
    if (!state.fitsSchedule(task, best.cells)) {
      reject("capacity", best);
      continue;
    }
    state.commit(task, best.cells);
    const payment = best.option.price + best.maxLambda * best.totalWork +
      best.maxPhi * best.totalMemory +
      ((options.paymentRule ?? "critical") === "critical" ? best.operatingCost : 0);
    const taskWelfare = task.bid - best.option.price - best.operatingCost;
    outcomes[task.index] = {
      task: task.index,
      admitted: true,
      vendor: best.option.vendor,
      schedule: best.cells,
      payment,
      welfare: taskWelfare,
      reason: null,
    };
    trace[task.index] = traceOf(task, best, dualIncrease);
    welfare += taskWelfare;
    admitted++;
  }
  let dualObjective = muSum;
  for (let k = 0; k < compiled.nodeCount; k++) {
    for (let t = 0; t < compiled.slots; t++) {
      const cell = k * compiled.slots + t;
      dualObjective += (compiled.computeCapacity[k] as number) * (state.lambda[cell] as number) +
        (compiled.freeMemory[k] as number) * (state.phi[cell] as number);
    }
  }
  const runtimeMs = performance.now() - started;
  return {
    algorithm: "pdftsp",
    outcomes,
    welfare,
    admitted,
    runtimeMs,
    perTaskMs: compiled.tasks.length === 0 ? 0 : runtimeMs / compiled.tasks.length,
    trace,
    alpha,
    beta,
    dualObjective,
    lambda: state.lambda,
    phi: state.phi,
  };
}

/** Tasks sorted by arrival slot, ties by index (the order the online algorithm sees them). */
export function arrivalOrder(instance: CompiledInstance): CompiledTask[] {
  return [...instance.tasks].sort((a, b) => a.arrival - b.arrival || a.index - b.index);
}

function traceOf(
  task: CompiledTask,
  best: ScheduleCandidate | null,
  dualIncrease: number | null,
): PdftspTaskTrace {
  if (best === null) {
    return {
      F: null,
      unitWelfare: null,
      operatingCost: null,
      welfareIncrement: null,
      dualIncrease: null,
    };
  }
  const welfareIncrement = task.bid - best.option.price - best.operatingCost;
  return {
    F: best.F,
    unitWelfare: welfareIncrement / (best.totalWork + best.totalMemory),
    operatingCost: best.operatingCost,
    welfareIncrement,
    dualIncrease,
  };
}

/**
 * Eq. 7 and Eq. 8 on every cell of the chosen schedule.
 *
 * @returns Σ C_kp Δλ_kt + Σ (C_km - r_b) Δφ_kt, the capacity part of D_1's rise
 */
function updateDuals(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  best: ScheduleCandidate,
  alpha: number,
  beta: number,
): number {
  const welfare = task.bid - best.option.price - best.operatingCost;
  const unitWelfare = welfare / (best.totalWork + best.totalMemory);
  let increase = 0;
  for (const { node, slot, work } of best.cells) {
    const cell = node * instance.slots + slot;
    const computeShare = work / (instance.computeCapacity[node] as number);
    const memoryShare = task.memory / (instance.freeMemory[node] as number);
    const lambda = (state.lambda[cell] as number) * (1 + computeShare) +
      alpha * unitWelfare * computeShare;
    const phi = (state.phi[cell] as number) * (1 + memoryShare) +
      beta * unitWelfare * memoryShare;
    increase +=
      (instance.computeCapacity[node] as number) * (lambda - (state.lambda[cell] as number)) +
      (instance.freeMemory[node] as number) * (phi - (state.phi[cell] as number));
    state.lambda[cell] = lambda;
    state.phi[cell] = phi;
  }
  return increase;
}

/** Outcome of a task that was not admitted, with the reason. */
export function rejected(task: CompiledTask, reason: TaskOutcome["reason"]): TaskOutcome {
  return {
    task: task.index,
    admitted: false,
    vendor: null,
    schedule: [],
    payment: 0,
    welfare: 0,
    reason,
  };
}
