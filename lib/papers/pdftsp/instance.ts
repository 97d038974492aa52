/**
 * Validation of a plain-JSON {@link Instance} and its compilation into flat arrays used by the
 * algorithms (throughputs s_ik, per-task operating costs e_ikt, vendor windows).
 *
 * Malformed input throws {@link ParameterError} naming the field (`tasks[3].deadline`, ...). A
 * task whose memory exceeds every node is valid input: it is rejected by every algorithm with
 * reason `memory-exceeds-every-node`.
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import {
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from "../../core/validate.ts";
import type { Instance, TaskSpec, ValueBounds } from "./types.ts";

/** Tolerance used for capacity comparisons. */
export const CAPACITY_EPS = 1e-9;

/** Flat, validated view of an instance. Index `k * slots + t` addresses a (node, slot) cell. */
export interface CompiledInstance {
  /** the instance as given */
  readonly source: Instance;
  /** T: number of slots */
  readonly slots: number;
  /** K: number of nodes */
  readonly nodeCount: number;
  /** N: number of labour vendors */
  readonly vendorCount: number;
  /** C_kp per node */
  readonly computeCapacity: Float64Array;
  /** C_km - r_b per node: memory available to adapters */
  readonly freeMemory: Float64Array;
  /** node cost per slot, `k * slots + t` */
  readonly nodeCost: Float64Array;
  /** the tasks in arrival order */
  readonly tasks: readonly CompiledTask[];
  /** declared value-density bounds, null when the instance declares none */
  readonly valueBounds: ValueBounds | null;
}

/** One validated task. */
export interface CompiledTask {
  /** i: position in the instance's task list */
  readonly index: number;
  /** a_i: arrival slot */
  readonly arrival: number;
  /** d_i: last slot in which the task may run */
  readonly deadline: number;
  /** M_i: total work */
  readonly work: number;
  /** r_i: GPU memory while running, GB */
  readonly memory: number;
  /** f_i: the data needs pre-processing by a labour vendor first */
  readonly preprocessing: boolean;
  /** b_i: bid */
  readonly bid: number;
  /** s_ik per node */
  readonly throughput: Float64Array;
  /** vendor options: start slot a_i + f_i h_in and price q_in (one entry with price 0 if f_i = 0) */
  readonly options: readonly VendorOption[];
  /** whether some node can hold the task's memory at all */
  readonly fitsSomewhere: boolean;
}

/** Start slot and price of running a task with one vendor (vendor null: no pre-processing). */
export interface VendorOption {
  /** labour vendor n, or null when the task needs no pre-processing */
  readonly vendor: number | null;
  /** first slot the task may run: a_i + f_i h_in */
  readonly start: number;
  /** q_in, the vendor's price (0 without pre-processing) */
  readonly price: number;
}

/**
 * e_ikt: operating cost charged to task i for running on node k in slot t.
 *
 * @param instance compiled instance
 * @param task the task
 * @param k node
 * @param t slot
 * @returns node cost of slot t times the task's memory share r_i / (C_km - r_b)
 */
export function operatingCost(
  instance: CompiledInstance,
  task: CompiledTask,
  k: number,
  t: number,
): number {
  return (instance.nodeCost[k * instance.slots + t] as number) * task.memory /
    (instance.freeMemory[k] as number);
}

/**
 * Validates and compiles an instance.
 *
 * @param instance plain-JSON instance (see {@link Instance})
 * @returns the compiled view
 * @throws {ParameterError} on any malformed field: non-integer or out-of-range slots, zero or
 *   negative capacity or throughput, node memory not above the base model, a deadline before the
 *   arrival or past the horizon, negative bid, missing or malformed vendor quotes
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compileInstance } from "./instance.ts";
 * const c = compileInstance({
 *   slots: 4, baseModelMemory: 1, vendors: [],
 *   nodes: [{ computeCapacity: 10, memoryCapacity: 9, taskThroughput: 2, costPerSlot: [0, 0, 0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 3, work: 4, memory: 2, preprocessing: false, bid: 5 }],
 * });
 * assert.deepEqual(c.tasks[0]!.options, [{ vendor: null, start: 0, price: 0 }]); // no vendor
 * assert.deepEqual([...c.freeMemory], [9 - 1]); // C_km - r_b
 * ```
 */
export function compileInstance(instance: Instance): CompiledInstance {
  if (instance === null || typeof instance !== "object") {
    throw new ParameterError("instance", instance, "an object with slots, nodes, vendors, tasks");
  }
  const slots = requireInteger("slots", instance.slots, 1, 100_000);
  const baseModel = requireNonNegative("baseModelMemory", instance.baseModelMemory);
  if (!Array.isArray(instance.nodes) || instance.nodes.length === 0) {
    throw new ParameterError("nodes", instance.nodes, "a non-empty array of nodes");
  }
  if (!Array.isArray(instance.vendors)) {
    throw new ParameterError("vendors", instance.vendors, "an array (may be empty)");
  }
  if (!Array.isArray(instance.tasks)) {
    throw new ParameterError("tasks", instance.tasks, "an array of tasks");
  }
  const nodeCount = instance.nodes.length;
  const computeCapacity = new Float64Array(nodeCount);
  const freeMemory = new Float64Array(nodeCount);
  const nodeCost = new Float64Array(nodeCount * slots);
  instance.nodes.forEach((node, k) => {
    const at = `nodes[${k}]`;
    computeCapacity[k] = requirePositive(`${at}.computeCapacity`, node.computeCapacity);
    requireFinite(`${at}.memoryCapacity`, node.memoryCapacity);
    if (!(node.memoryCapacity > baseModel)) {
      throw new ParameterError(
        `${at}.memoryCapacity`,
        node.memoryCapacity,
        `> baseModelMemory (${baseModel})`,
      );
    }
    freeMemory[k] = node.memoryCapacity - baseModel;
    requirePositive(`${at}.taskThroughput`, node.taskThroughput);
    if (!Array.isArray(node.costPerSlot) || node.costPerSlot.length !== slots) {
      throw new ParameterError(`${at}.costPerSlot`, node.costPerSlot, `an array of ${slots} costs`);
    }
    const costs: readonly number[] = node.costPerSlot;
    costs.forEach((cost, t) => {
      nodeCost[k * slots + t] = requireNonNegative(`${at}.costPerSlot[${t}]`, cost);
    });
  });
  const valueBounds = instance.valueBounds === undefined ? null : {
    perWork: requirePositive("valueBounds.perWork", instance.valueBounds.perWork),
    perMemory: requirePositive("valueBounds.perMemory", instance.valueBounds.perMemory),
  };
  const vendorCount = instance.vendors.length;
  const maxFree = Math.max(...freeMemory);
  const tasks = instance.tasks.map((task, i) =>
    compileTask(task, i, slots, instance, vendorCount, maxFree)
  );
  return {
    source: instance,
    slots,
    nodeCount,
    vendorCount,
    computeCapacity,
    freeMemory,
    nodeCost,
    tasks,
    valueBounds,
  };
}

function compileTask(
  task: TaskSpec,
  index: number,
  slots: number,
  instance: Instance,
  vendorCount: number,
  maxFreeMemory: number,
): CompiledTask {
  const at = `tasks[${index}]`;
  const arrival = requireInteger(`${at}.arrival`, task.arrival, 0, slots - 1);
  const deadline = requireInteger(`${at}.deadline`, task.deadline, 0, slots - 1);
  if (deadline < arrival) {
    throw new ParameterError(`${at}.deadline`, deadline, `>= arrival (${arrival})`);
  }
  const work = requirePositive(`${at}.work`, task.work);
  const memory = requirePositive(`${at}.memory`, task.memory);
  const bid = requireNonNegative(`${at}.bid`, task.bid);
  if (typeof task.preprocessing !== "boolean") {
    throw new ParameterError(`${at}.preprocessing`, task.preprocessing, "true or false");
  }
  const throughput = new Float64Array(instance.nodes.length);
  if (task.throughput !== undefined) {
    if (task.throughput.length !== instance.nodes.length) {
      throw new ParameterError(
        `${at}.throughput`,
        task.throughput,
        `one value per node (${instance.nodes.length})`,
      );
    }
    task.throughput.forEach((s, k) => throughput[k] = requirePositive(`${at}.throughput[${k}]`, s));
  } else {
    instance.nodes.forEach((node, k) => throughput[k] = node.taskThroughput);
  }
  let options: VendorOption[];
  if (task.preprocessing) {
    if (vendorCount === 0) {
      throw new ParameterError(`${at}.preprocessing`, true, "false when there are no vendors");
    }
    if (!Array.isArray(task.quotes) || task.quotes.length !== vendorCount) {
      throw new ParameterError(`${at}.quotes`, task.quotes, `${vendorCount} vendor quotes`);
    }
    options = task.quotes.map((quote, n) => ({
      vendor: n,
      price: requireNonNegative(`${at}.quotes[${n}].price`, quote.price),
      start: arrival + requireInteger(`${at}.quotes[${n}].delay`, quote.delay, 0, slots),
    }));
  } else {
    options = [{ vendor: null, start: arrival, price: 0 }];
  }
  return {
    index,
    arrival,
    deadline,
    work,
    memory,
    preprocessing: task.preprocessing,
    bid,
    throughput,
    options,
    fitsSomewhere: memory <= maxFreeMemory + CAPACITY_EPS,
  };
}
