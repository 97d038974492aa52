/**
 * Checks of Theorems 3-5 on concrete instances: the bid sweep behind truthfulness (Fig. 10), bids
 * against payments (Fig. 11, individual rationality) and the competitive-ratio bound
 * γ = ρ(1 + max{α, β}) of Theorem 5 with ρ from Lemma 3.
 *
 * Truthfulness note: the schedule pdFTSP picks for a task does not depend on its bid, and it wins
 * iff b_i > q_in + Σe + max λ·Σs + max φ·Σr. The Eq. 14 payment omits the operating cost Σe, so
 * the lowest winning bid exceeds the payment by Σe: a task whose value lies between the two loses
 * when truthful and gains v - p > 0 by overbidding. The `critical` payment rule (the default)
 * closes that gap. Truthfulness also needs α and β fixed before the bids: with Lemma 2's hindsight
 * values a winner's bid raises α, β and so its own payment; declared `valueBounds` avoid that.
 *
 * @module
 */
import { defaultAlphaBeta, type PaymentRule, type PdftspResult, runPdftsp } from "./pdftsp.ts";
import { compileInstance } from "./instance.ts";
import type { Instance } from "./types.ts";
import { ParameterError } from "../../core/errors.ts";
import {
  requireArray,
  requireFinite,
  requireInteger,
  requireNonNegative,
  requireObject,
  requireObjectArray,
} from "../../core/validate.ts";

/** One point of a bid sweep. */
export interface BidPoint {
  /** the bid tried */
  readonly bid: number;
  /** whether the task is admitted at this bid */
  readonly admitted: boolean;
  /** the payment p_i at this bid (0 when rejected) */
  readonly payment: number;
  /** v - p when admitted, else 0 (Definition 1) */
  readonly utility: number;
}

/**
 * Utility of one task as a function of its bid, all other bids fixed (Definition 1).
 *
 * @param instance the instance (the task's own `bid` field is replaced by each swept bid)
 * @param taskIndex the task
 * @param value its true valuation v_i
 * @param bids bids to try
 * @param paymentRule payment rule (default `critical`, as runPdftsp)
 * @returns one point per bid
 * @throws {ParameterError} on a bad task index, value or bid
 */
export function bidSweep(
  instance: Instance,
  taskIndex: number,
  value: number,
  bids: readonly number[],
  paymentRule: PaymentRule = "critical",
): BidPoint[] {
  requireObject("instance", instance, "an instance { slots, nodes, tasks, ... }", ["tasks"]);
  requireArray("instance.tasks", instance.tasks, "an array of tasks");
  requireArray("bids", bids, "an array of bids");
  requireInteger("taskIndex", taskIndex, 0, instance.tasks.length - 1);
  requireFinite("value", value);
  const task = instance.tasks[taskIndex]!;
  // Tasks arriving after this one cannot influence its outcome; dropping them keeps sweeps cheap.
  const prefix = instance.tasks.filter((other, j) =>
    other.arrival < task.arrival || (other.arrival === task.arrival && j <= taskIndex)
  );
  const position = prefix.indexOf(task);
  const { alpha, beta } = alphaBetaOf(instance);
  return bids.map((bid) => {
    requireNonNegative("bid", bid);
    const tasks = prefix.map((other, j) => j === position ? { ...other, bid } : other);
    const result = runPdftsp({ ...instance, tasks }, { paymentRule, alpha, beta });
    const outcome = result.outcomes[position]!;
    return {
      bid,
      admitted: outcome.admitted,
      payment: outcome.payment,
      utility: outcome.admitted ? value - outcome.payment : 0,
    };
  });
}

/**
 * α, β of the full instance held fixed over the sweep: declared bounds when present, otherwise
 * the hindsight values, which one bid would otherwise shift.
 */
function alphaBetaOf(instance: Instance): { alpha: number; beta: number } {
  const { alpha, beta } = defaultAlphaBeta(compileInstance(instance));
  return { alpha: Math.max(alpha, 1e-12), beta: Math.max(beta, 1e-12) };
}

/** Summary of a sweep: does bidding the true value maximise utility? */
export interface TruthfulnessCheck {
  /** utility when bidding the true value */
  readonly truthfulUtility: number;
  /** highest utility over the sweep */
  readonly bestUtility: number;
  /** the bid that gives it */
  readonly bestBid: number;
  /** bestUtility - truthfulUtility (> 0 means a profitable lie exists) */
  readonly gain: number;
}

/**
 * Compares the truthful bid with the best bid of a sweep.
 *
 * @param points a sweep that includes the true value among its bids
 * @param value the true value
 * @returns utilities and the gain of the best lie
 * @throws {ParameterError} (a RangeError) when the sweep does not contain the true value
 */
export function checkTruthfulness(points: readonly BidPoint[], value: number): TruthfulnessCheck {
  requireObjectArray("points", points, "bid points { bid, utility } (bidSweep)", [
    "bid",
    "utility",
  ]);
  requireFinite("value", value);
  const truthful = points.find((point) => point.bid === value);
  if (truthful === undefined) {
    throw new ParameterError(
      "points",
      points,
      `a sweep whose bids include the true value ${value}`,
    );
  }
  const best = points.reduce((a, b) => (b.utility > a.utility ? b : a));
  return {
    truthfulUtility: truthful.utility,
    bestUtility: best.utility,
    bestBid: best.bid,
    gain: best.utility - truthful.utility,
  };
}

/** Parameters of Theorem 5 for one run. */
export interface CompetitiveBound {
  /** α of the run */
  readonly alpha: number;
  /** β of the run */
  readonly beta: number;
  /** ρ = 1 + max{b_max s_max / (b_min s_min), b_max r_max / (b_min r_min)} */
  readonly rho: number;
  /** γ = ρ (1 + max{α, β}) */
  readonly gamma: number;
  /** min and max of b̄_il over the tasks' best schedules with b_il > 0 */
  readonly unitWelfareRange: readonly [number, number];
  /** share of those tasks with b̄_il < 1 (Lemma 2 assumes b̄_il >= 1) */
  readonly shareBelowOne: number;
}

/**
 * γ of Theorem 5 for an instance and a pdFTSP run, with ρ of Lemma 3 taken over the best schedules
 * pdFTSP found for the tasks (b̄ extremes), s_ik over tasks and nodes, r_i over tasks.
 *
 * @param instance the instance
 * @param run a pdFTSP run on it
 * @returns α, β, ρ, γ and the b̄ statistics
 */
export function competitiveBound(instance: Instance, run: PdftspResult): CompetitiveBound {
  const compiled = compileInstance(instance);
  const unit = run.trace.map((t) => t.unitWelfare).filter((u): u is number => u !== null && u > 0);
  const bMin = unit.length ? Math.min(...unit) : NaN;
  const bMax = unit.length ? Math.max(...unit) : NaN;
  let sMin = Infinity;
  let sMax = 0;
  let rMin = Infinity;
  let rMax = 0;
  for (const task of compiled.tasks) {
    for (const s of task.throughput) {
      sMin = Math.min(sMin, s);
      sMax = Math.max(sMax, s);
    }
    rMin = Math.min(rMin, task.memory);
    rMax = Math.max(rMax, task.memory);
  }
  const rho = 1 + Math.max(bMax * sMax / (bMin * sMin), bMax * rMax / (bMin * rMin));
  return {
    alpha: run.alpha,
    beta: run.beta,
    rho,
    gamma: rho * (1 + Math.max(run.alpha, run.beta)),
    unitWelfareRange: [bMin, bMax],
    shareBelowOne: unit.length ? unit.filter((u) => u < 1).length / unit.length : 0,
  };
}
