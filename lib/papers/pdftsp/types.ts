/**
 * Plain-JSON instance schema of the multi-LoRA fine-tuning scheduling problem (Zheng et al.,
 * ICPP '24, Section 2) and the result types shared by pdFTSP and the baselines.
 *
 * Slots are 0-based: a day of 144 ten-minute slots is `slots: 144`, `t = 0..143`. Work and
 * throughput share one unit (the generators use kilo-samples); memory is in GB.
 *
 * @module
 */

/** One GPU compute node k. */
export interface NodeSpec {
  /** label for tables (default `node<k>`) */
  readonly name?: string;
  /** C_kp: work the node can process per slot over all co-located tasks (> 0) */
  readonly computeCapacity: number;
  /** C_km: GPU memory, GB (must exceed the base model size r_b) */
  readonly memoryCapacity: number;
  /** s_ik for every task unless a task overrides it: work one task gets done per slot here (> 0) */
  readonly taskThroughput: number;
  /**
   * Operating cost of the whole node for each slot (length `slots`, >= 0), e.g. power x slot
   * length x electricity price. A task pays the share r_i / (C_km - r_b) of it:
   * e_ikt = costPerSlot[t] * r_i / (C_km - r_b).
   */
  readonly costPerSlot: readonly number[];
}

/** What labour vendor n quotes for pre-processing one task's data. */
export interface VendorQuote {
  /** q_in, money (>= 0) */
  readonly price: number;
  /** h_in, slots (integer >= 0) */
  readonly delay: number;
}

/** One fine-tuning task (bid) i. */
export interface TaskSpec {
  /** display name of the task */
  readonly name?: string;
  /** a_i: arrival slot */
  readonly arrival: number;
  /** d_i: last slot in which the task may run (inclusive, >= arrival, < slots) */
  readonly deadline: number;
  /** M_i: total work (samples x epochs in the instance's work unit, > 0) */
  readonly work: number;
  /** r_i: GPU memory while running, GB (> 0) */
  readonly memory: number;
  /** f_i: whether the data needs pre-processing by a labour vendor first */
  readonly preprocessing: boolean;
  /** b_i: bid (>= 0) */
  readonly bid: number;
  /** quotes of every vendor, in vendor order; required when `preprocessing` is true */
  readonly quotes?: readonly VendorQuote[];
  /** optional s_ik per node (length = nodes); defaults to each node's `taskThroughput` */
  readonly throughput?: readonly number[];
}

/** A complete instance of problem P (Eq. 4). */
export interface Instance {
  /** T: number of slots */
  readonly slots: number;
  /** r_b: memory of the shared base model kept once per node, GB (>= 0) */
  readonly baseModelMemory: number;
  /** the GPU nodes k = 1..K */
  readonly nodes: readonly NodeSpec[];
  /** labour vendors; only their number and names matter, prices live in the tasks' quotes */
  readonly vendors: readonly { readonly name?: string }[];
  /** the tasks (bids) in arrival order */
  readonly tasks: readonly TaskSpec[];
  /**
   * Declared market bounds on value density, known before any bid (the operator's price cap):
   * every bid should satisfy b_i / M_i <= perWork and b_i / r_i <= perMemory. pdFTSP then uses
   * α = perWork and β = perMemory, which do not depend on any bid; without them it falls back to
   * Lemma 2's α = max b_i/M_i, β = max b_i/r_i over all tasks, which needs future bids and lets a
   * winner's payment move with its own bid.
   */
  readonly valueBounds?: ValueBounds;
}

/** Declared upper bounds of b_i / M_i and b_i / r_i (money per work unit, per GB). */
export interface ValueBounds {
  /** upper bound of b_i / M_i, money per work unit */
  readonly perWork: number;
  /** upper bound of b_i / r_i, money per GB */
  readonly perMemory: number;
}

/** One cell of a schedule: the task runs on `node` during `slot` and gets `work` done. */
export interface ScheduleCell {
  /** t: the slot */
  readonly slot: number;
  /** k: the node */
  readonly node: number;
  /** work the task gets done in the cell (s_ik of the node) */
  readonly work: number;
}

/** Why a task was not admitted. */
export type RejectionReason =
  | "non-positive-F" // pdFTSP: best schedule has F(il) <= 0 (Alg. 1 line 13)
  | "capacity" // pdFTSP line 8, or a baseline found no room before the deadline
  | "no-feasible-schedule" // no schedule meets the deadline with the free capacity
  | "memory-exceeds-every-node" // r_i > C_km - r_b on every node: documented rejection
  | "not-selected"; // Titan's MILP chose not to admit it

/** Outcome for one task. */
export interface TaskOutcome {
  /** index of the task in the instance */
  readonly task: number;
  /** whether the task was admitted */
  readonly admitted: boolean;
  /** chosen vendor (null when not admitted or no pre-processing) */
  readonly vendor: number | null;
  /** cells the task runs in (empty when not admitted) */
  readonly schedule: readonly ScheduleCell[];
  /** p_i (0 when rejected; baselines charge the bid: they have no pricing) */
  readonly payment: number;
  /** b_i - q_in - sum e_ikt for admitted tasks, else 0 */
  readonly welfare: number;
  /** why the task was not admitted; null when it was */
  readonly reason: RejectionReason | null;
}

/** Algorithms {@link runOnline} can run. */
export type AlgorithmName = "pdftsp" | "titan" | "eft" | "ntm";

/** Result of one online run. */
export interface OnlineResult {
  /** the algorithm run */
  readonly algorithm: AlgorithmName;
  /** outcome of every task, in arrival order */
  readonly outcomes: readonly TaskOutcome[];
  /** social welfare, Eq. 3 */
  readonly welfare: number;
  /** number of tasks admitted */
  readonly admitted: number;
  /** wall time of the whole run, ms */
  readonly runtimeMs: number;
  /** scheduling time per task, ms (Titan: solver time of the slot divided by its tasks) */
  readonly perTaskMs: number;
  /**
   * Titan only: slots whose MILP stopped at the wall-clock limit (incumbent used or slot
   * rejected). When > 0 the result depends on machine speed and load.
   */
  readonly limitedSlots?: number;
}
