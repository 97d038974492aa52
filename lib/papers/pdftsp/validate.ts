/**
 * Argument guards of the pdFTSP schedule searches: a compiled instance, its cluster state, one of
 * its tasks and a vendor option. Each throws {@link ParameterError} naming the parameter, so a
 * wrong argument is a typed error rather than a TypeError inside the DP.
 *
 * @example
 * ```ts
 * import { compileInstance } from "./instance.ts";
 * import { ClusterState } from "./cluster_state.ts";
 * import { requireSearchArguments } from "./validate.ts";
 * const c = compileInstance({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 4, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [1, 1] }],
 *   tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 1, preprocessing: false, bid: 9 }] });
 * requireSearchArguments(c, new ClusterState(c), c.tasks[0]!);
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { requireFinite, requireInteger, requireObject } from "../../core/validate.ts";
import { ClusterState } from "./cluster_state.ts";
import type { CompiledInstance, CompiledTask, VendorOption } from "./instance.ts";

/**
 * Requires an instance as `compileInstance` returns it.
 *
 * @param instance the instance
 * @returns the instance
 * @throws {ParameterError} when it is not an object with the compiled instance's fields
 */
export function requireCompiledInstance(instance: CompiledInstance): CompiledInstance {
  return requireObject("instance", instance, "a compiled instance (compileInstance)", [
    "slots",
    "nodeCount",
    "computeCapacity",
    "freeMemory",
    "nodeCost",
    "tasks",
  ]);
}

/**
 * Requires one task of a compiled instance (`compileInstance(...).tasks[i]`).
 *
 * @param task the task
 * @returns the task
 * @throws {ParameterError} when it is not an object with a compiled task's fields
 */
export function requireCompiledTask(task: CompiledTask): CompiledTask {
  const what = "a compiled task (compileInstance(...).tasks[i])";
  requireObject("task", task, what, ["deadline", "work", "memory", "options"]);
  if (!(task.throughput instanceof Float64Array)) throw new ParameterError("task", task, what);
  return task;
}

/**
 * Requires the arguments shared by the schedule searches: instance, state and task.
 *
 * @param instance compiled instance
 * @param state its cluster state
 * @param task one of its tasks
 * @throws {ParameterError} naming the first argument that is not what it should be
 */
export function requireSearchArguments(
  instance: CompiledInstance,
  state: ClusterState,
  task: CompiledTask,
): void {
  requireCompiledInstance(instance);
  if (!(state instanceof ClusterState)) {
    throw new ParameterError("state", state, "a ClusterState of the instance");
  }
  requireCompiledTask(task);
}

/**
 * Requires a vendor option of a task (`task.options[j]`).
 *
 * @param option the option
 * @returns the option
 * @throws {ParameterError} when it is not an object with an integer start and a finite price
 */
export function requireVendorOption(option: VendorOption): VendorOption {
  requireObject("option", option, "a vendor option { vendor, start, price } of the task");
  requireInteger("option.start", option.start, 0);
  requireFinite("option.price", option.price);
  return option;
}
