/**
 * Baselines of Section 5.1: EFT (earliest finish time, fastest vendor), NTM (no task merging: one
 * task per node and slot, random vendor) and Titan (a MILP over the tasks that arrived, solved with
 * HiGHS at the start of every slot, random vendor).
 *
 * None of them prices tasks; their outcomes report the bid as the payment. EFT and NTM admit every
 * task they can finish by its deadline without looking at the bid (the paper describes no
 * admission test for them), so a task worth less than its vendor price adds negative welfare.
 *
 * @module
 */
import { ClusterState } from "./cluster_state.ts";
import {
  type CompiledInstance,
  type CompiledTask,
  compileInstance,
  operatingCost,
  type VendorOption,
} from "./instance.ts";
import { arrivalOrder, rejected } from "./pdftsp.ts";
import type { Instance, OnlineResult, ScheduleCell, TaskOutcome } from "./types.ts";
import { createRng, type Rng } from "../../core/rng.ts";
import { LpModel, type Variable } from "../../core/lp.ts";
import { ParameterError, SolverError } from "../../core/errors.ts";
import { requireInteger, requirePositive } from "../../core/validate.ts";
import { requireSearchArguments, requireVendorOption } from "./validate.ts";

/** Options shared by the baselines. */
export interface BaselineOptions {
  /** seed of the random vendor choice (NTM, Titan; default 1) */
  readonly seed?: number;
}

/** Options of {@link runTitan}. */
export interface TitanOptions extends BaselineOptions {
  /**
   * Branch-and-bound nodes per slot's MILP (default 500): the deterministic limit, so reruns give
   * identical schedules.
   */
  readonly nodeLimit?: number;
  /**
   * Wall-clock safety limit per slot's MILP, seconds (default 30). A slot it stops is counted in
   * `limitedSlots` and makes the run machine-dependent.
   */
  readonly timeLimitSeconds?: number;
  /** nodes offered to each task in the MILP: those with most free memory in its window (default 4) */
  readonly candidateNodes?: number;
}

/**
 * Earliest-finish-time schedule: from the start slot on, each slot uses the fastest node with
 * room (first such node on ties) until the work is done.
 *
 * @param instance compiled instance
 * @param state current usage
 * @param task the task
 * @param option vendor choice
 * @param maxTasksPerCell 1 for NTM, unlimited for EFT
 * @returns the cells, or null when the work cannot be finished by the deadline
 */
export function earliestFinishSchedule(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  option: VendorOption,
  maxTasksPerCell = Infinity,
): ScheduleCell[] | null {
  requireSearchArguments(instance, state, task);
  requireVendorOption(option);
  if (!(maxTasksPerCell >= 1)) {
    throw new ParameterError("maxTasksPerCell", maxTasksPerCell, "maxTasksPerCell >= 1");
  }
  const cells: ScheduleCell[] = [];
  let done = 0;
  for (let t = option.start; t <= task.deadline && done < task.work - 1e-9; t++) {
    let bestNode = -1;
    for (let k = 0; k < instance.nodeCount; k++) {
      if (!state.fits(task, k, t, maxTasksPerCell)) continue;
      if (bestNode < 0 || (task.throughput[k] as number) > (task.throughput[bestNode] as number)) {
        bestNode = k;
      }
    }
    if (bestNode < 0) continue;
    const s = task.throughput[bestNode] as number;
    cells.push({ slot: t, node: bestNode, work: s });
    done += s;
  }
  return done >= task.work - 1e-9 ? cells : null;
}

/**
 * EFT: lowest-delay vendor (cheaper on ties), earliest-finish schedule, admit when it meets the
 * deadline.
 *
 * @param instance plain-JSON instance
 * @returns per-task outcomes and welfare
 * @throws {ParameterError} on malformed instances
 */
export function runEft(instance: Instance): OnlineResult {
  return runGreedy(
    "eft",
    instance,
    (task) =>
      task.options.reduce((best, option) =>
        option.start < best.start || (option.start === best.start && option.price < best.price)
          ? option
          : best
      ),
    Infinity,
  );
}

/**
 * NTM: random vendor, earliest-finish schedule with at most one task per node and slot.
 *
 * @param instance plain-JSON instance
 * @param options seed of the vendor choice
 * @returns per-task outcomes and welfare
 * @throws {ParameterError} on malformed instances
 */
export function runNtm(instance: Instance, options: BaselineOptions = {}): OnlineResult {
  const rng = createRng(options.seed ?? 1).stream("ntm-vendor");
  return runGreedy("ntm", instance, (task) => rng.choice(task.options), 1);
}

function runGreedy(
  algorithm: "eft" | "ntm",
  instance: Instance,
  pickVendor: (task: CompiledTask) => VendorOption,
  maxTasksPerCell: number,
): OnlineResult {
  const started = performance.now();
  const compiled = compileInstance(instance);
  const state = new ClusterState(compiled);
  const outcomes: TaskOutcome[] = new Array(compiled.tasks.length);
  for (const task of arrivalOrder(compiled)) {
    if (!task.fitsSomewhere) {
      outcomes[task.index] = rejected(task, "memory-exceeds-every-node");
      continue;
    }
    const option = pickVendor(task);
    const cells = earliestFinishSchedule(compiled, state, task, option, maxTasksPerCell);
    if (cells === null) {
      outcomes[task.index] = rejected(task, "capacity");
      continue;
    }
    state.commit(task, cells);
    outcomes[task.index] = admittedOutcome(compiled, task, option, cells);
  }
  return summarise(algorithm, outcomes, performance.now() - started, compiled.tasks.length);
}

/**
 * Titan adapted online as in Section 5.1: at the start of every slot, a MILP chooses which of
 * the tasks that just arrived to admit and when and where to run them, maximising their welfare
 * Σ (b_i - q_in) u_i - Σ e_ikt x_ikt within the capacity left by earlier slots; vendors are random.
 * To keep the MILP small each task may use only its `candidateNodes` nodes with the most free
 * memory over its window. Each solve has a HiGHS branch-and-bound node limit (deterministic: the
 * same incumbent on every run and machine) and a wall-clock safety limit; on either the incumbent
 * is used, and if there is none the slot's tasks are rejected (`not-selected`). `limitedSlots`
 * counts the slots the wall-clock limit stopped: only a result with `limitedSlots = 0` is
 * independent of machine load.
 *
 * @param instance plain-JSON instance
 * @param options seed, per-slot node and time limits, candidate nodes per task
 * @returns per-task outcomes, welfare, and solver time per task
 * @throws {ParameterError} on malformed instances or options
 * @throws {SolverError} when HiGHS fails other than by the time limit
 */
export async function runTitan(
  instance: Instance,
  options: TitanOptions = {},
): Promise<OnlineResult> {
  const started = performance.now();
  const timeLimit = requirePositive("timeLimitSeconds", options.timeLimitSeconds ?? 30);
  const nodeLimit = requireInteger("nodeLimit", options.nodeLimit ?? 500, 1);
  const candidateCount = requireInteger("candidateNodes", options.candidateNodes ?? 4, 1);
  const compiled = compileInstance(instance);
  const state = new ClusterState(compiled);
  const rng = createRng(options.seed ?? 1).stream("titan-vendor");
  const outcomes: TaskOutcome[] = new Array(compiled.tasks.length);
  let solverMs = 0;
  let limitedSlots = 0;
  const bySlot = new Map<number, CompiledTask[]>();
  for (const task of arrivalOrder(compiled)) {
    const list = bySlot.get(task.arrival) ?? [];
    list.push(task);
    bySlot.set(task.arrival, list);
  }
  for (const [, arrived] of [...bySlot].sort((a, b) => a[0] - b[0])) {
    const solved = await solveTitanSlot(compiled, state, arrived, rng, candidateCount, {
      timeLimit,
      nodeLimit,
    });
    solverMs += solved.seconds * 1000;
    if (solved.limited) limitedSlots++;
    for (const task of arrived) {
      const decision = solved.decisions.get(task.index);
      if (decision === undefined) {
        outcomes[task.index] = rejected(
          task,
          task.fitsSomewhere ? "not-selected" : "memory-exceeds-every-node",
        );
        continue;
      }
      state.commit(task, decision.cells);
      outcomes[task.index] = admittedOutcome(compiled, task, decision.option, decision.cells);
    }
  }
  const result = summarise("titan", outcomes, performance.now() - started, compiled.tasks.length);
  return {
    ...result,
    perTaskMs: compiled.tasks.length === 0 ? 0 : solverMs / compiled.tasks.length,
    limitedSlots,
  };
}

interface TitanDecision {
  readonly option: VendorOption;
  readonly cells: ScheduleCell[];
}

async function solveTitanSlot(
  instance: CompiledInstance,
  state: ClusterState,
  arrived: readonly CompiledTask[],
  rng: Rng,
  candidateCount: number,
  limits: { timeLimit: number; nodeLimit: number },
): Promise<{ decisions: Map<number, TitanDecision>; seconds: number; limited: boolean }> {
  const decisions = new Map<number, TitanDecision>();
  const model = new LpModel("Titan per-slot MILP", "maximize");
  const cellTerms = new Map<
    number,
    { compute: [Variable, number][]; memory: [Variable, number][] }
  >();
  const planned: {
    task: CompiledTask;
    option: VendorOption;
    u: Variable;
    x: [Variable, number, number][];
  }[] = [];
  for (const task of arrived) {
    const option = rng.choice(task.options);
    if (!task.fitsSomewhere || option.start > task.deadline) continue;
    const nodes = candidateNodes(instance, state, task, option.start, candidateCount);
    const u = model.addVariable({
      name: `u${task.index}`,
      upper: 1,
      integer: true,
      objective: task.bid - option.price,
    });
    const x: [Variable, number, number][] = [];
    const workTerms: [Variable, number][] = [[u, -task.work]];
    for (let t = option.start; t <= task.deadline; t++) {
      const perSlot: [Variable, number][] = [[u, -1]];
      for (const k of nodes) {
        if (!state.fits(task, k, t)) continue;
        const variable = model.addVariable({
          name: `x${task.index}_${k}_${t}`,
          upper: 1,
          integer: true,
          objective: -operatingCost(instance, task, k, t),
        });
        x.push([variable, k, t]);
        perSlot.push([variable, 1]);
        workTerms.push([variable, task.throughput[k] as number]);
        const cell = k * instance.slots + t;
        const terms = cellTerms.get(cell) ?? { compute: [], memory: [] };
        terms.compute.push([variable, task.throughput[k] as number]);
        terms.memory.push([variable, task.memory]);
        cellTerms.set(cell, terms);
      }
      if (perSlot.length > 1) model.addConstraint(perSlot, "<=", 0);
    }
    model.addConstraint(workTerms, ">=", 0);
    planned.push({ task, option, u, x });
  }
  if (planned.length === 0) return { decisions, seconds: 0, limited: false };
  for (const [cell, terms] of cellTerms) {
    const k = Math.floor(cell / instance.slots);
    model.addConstraint(
      terms.compute,
      "<=",
      (instance.computeCapacity[k] as number) - (state.usedCompute[cell] as number),
    );
    model.addConstraint(
      terms.memory,
      "<=",
      (instance.freeMemory[k] as number) - (state.usedMemory[cell] as number),
    );
  }
  let result;
  try {
    result = await model.solve({
      timeLimitSeconds: limits.timeLimit,
      mipMaxNodes: limits.nodeLimit,
      acceptTimeLimit: true,
    });
  } catch (error) {
    if (error instanceof SolverError && error.status === "time-limit") {
      return { decisions, seconds: limits.timeLimit, limited: true };
    }
    throw error;
  }
  for (const { task, option, u, x } of planned) {
    if (result.value(u) < 0.5) continue;
    const cells = x.filter(([variable]) => result.value(variable) > 0.5)
      .map(([, k, t]) => ({ slot: t, node: k, work: task.throughput[k] as number }))
      .sort((a, b) => a.slot - b.slot);
    decisions.set(task.index, { option, cells });
  }
  return { decisions, seconds: result.seconds, limited: result.status === "time-limit" };
}

function candidateNodes(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
  start: number,
  count: number,
): number[] {
  const free: { k: number; memory: number }[] = [];
  for (let k = 0; k < instance.nodeCount; k++) {
    let memory = 0;
    for (let t = start; t <= task.deadline; t++) {
      memory += (instance.freeMemory[k] as number) -
        (state.usedMemory[k * instance.slots + t] as number);
    }
    free.push({ k, memory });
  }
  return free.sort((a, b) => b.memory - a.memory || a.k - b.k).slice(0, count).map((n) => n.k);
}

function admittedOutcome(
  instance: CompiledInstance,
  task: CompiledTask,
  option: VendorOption,
  cells: readonly ScheduleCell[],
): TaskOutcome {
  const cost = cells.reduce((sum, c) => sum + operatingCost(instance, task, c.node, c.slot), 0);
  return {
    task: task.index,
    admitted: true,
    vendor: option.vendor,
    schedule: cells,
    payment: task.bid,
    welfare: task.bid - option.price - cost,
    reason: null,
  };
}

function summarise(
  algorithm: OnlineResult["algorithm"],
  outcomes: TaskOutcome[],
  runtimeMs: number,
  taskCount: number,
): OnlineResult {
  return {
    algorithm,
    outcomes,
    welfare: outcomes.reduce((sum, o) => sum + o.welfare, 0),
    admitted: outcomes.filter((o) => o.admitted).length,
    runtimeMs,
    perTaskMs: taskCount === 0 ? 0 : runtimeMs / taskCount,
  };
}
