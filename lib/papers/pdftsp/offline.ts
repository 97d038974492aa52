/**
 * The offline optimum of problem P (Eq. 4) as a MILP solved by HiGHS, with every task known in
 * advance. Returns a certified optimum, or on the time limit a bracket [best schedule found,
 * proven bound].
 *
 * Linearisation of (4c): for a task with pre-processing, x_ikt <= Σ_{n: a_i + h_in <= t} z_in; for
 * a task without, x_ikt <= u_i and slots before a_i do not exist. (4a) is written Σ_n z_in = u_i,
 * equivalent at the optimum because vendor prices are non-negative.
 *
 * @module
 */
import { compileInstance, operatingCost } from "./instance.ts";
import type { Instance } from "./types.ts";
import { LpModel, type Variable } from "../../core/lp.ts";
import { requirePositive } from "../../core/validate.ts";

/** Options of {@link offlineOptimum}. */
export interface OfflineOptions {
  /** HiGHS time limit, seconds (default 30) */
  readonly timeLimitSeconds?: number;
}

/** Result of {@link offlineOptimum}. */
export interface OfflineResult {
  /** `optimal` when certified, `bracket` when the time limit stopped the solver */
  readonly status: "optimal" | "bracket";
  /** welfare of the best feasible solution found (a lower bound on OPT) */
  readonly lower: number;
  /** proven upper bound on OPT (equals `lower` when optimal, up to HiGHS's relative gap 1e-6) */
  readonly upper: number;
  /** number of binary variables in the MILP */
  readonly binaries: number;
  /** solver wall time, s */
  readonly seconds: number;
}

/**
 * Solves problem P offline.
 *
 * @param instance plain-JSON instance
 * @param options time limit
 * @returns the certified optimum or a bracket
 * @throws {ParameterError} on malformed instances
 * @throws {SolverError} when HiGHS fails or finds no feasible point before the limit
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { offlineOptimum } from "./offline.ts";
 * const opt = await offlineOptimum({ slots: 2, baseModelMemory: 0, vendors: [],
 *   nodes: [{ computeCapacity: 2, memoryCapacity: 8, taskThroughput: 2, costPerSlot: [0, 0] }],
 *   tasks: [{ arrival: 0, deadline: 1, work: 2, memory: 2, preprocessing: false, bid: 5 }] });
 * assert.equal(opt.status, "optimal");
 * assert.equal(opt.lower, 5);
 * ```
 */
export async function offlineOptimum(
  instance: Instance,
  options: OfflineOptions = {},
): Promise<OfflineResult> {
  const timeLimit = requirePositive("timeLimitSeconds", options.timeLimitSeconds ?? 30);
  const compiled = compileInstance(instance);
  const model = new LpModel("offline optimum of P (Eq. 4)", "maximize");
  const cellCompute = new Map<number, [Variable, number][]>();
  const cellMemory = new Map<number, [Variable, number][]>();
  let binaries = 0;
  for (const task of compiled.tasks) {
    if (!task.fitsSomewhere) continue;
    const u = model.addVariable({
      name: `u${task.index}`,
      upper: 1,
      integer: true,
      objective: task.bid,
    });
    binaries++;
    const vendorVars: { z: Variable; start: number }[] = [];
    if (task.preprocessing) {
      const choose: [Variable, number][] = [[u, -1]];
      for (const option of task.options) {
        const z = model.addVariable({
          name: `z${task.index}_${option.vendor}`,
          upper: 1,
          integer: true,
          objective: -option.price,
        });
        binaries++;
        choose.push([z, 1]);
        vendorVars.push({ z, start: option.start });
      }
      model.addConstraint(choose, "=", 0);
    }
    const earliest = Math.min(...task.options.map((option) => option.start));
    const work: [Variable, number][] = [[u, -task.work]];
    for (let t = earliest; t <= task.deadline; t++) {
      const perSlot: [Variable, number][] = [];
      for (let k = 0; k < compiled.nodeCount; k++) {
        if (task.memory > (compiled.freeMemory[k] as number) + 1e-9) continue;
        if ((task.throughput[k] as number) > (compiled.computeCapacity[k] as number) + 1e-9) {
          continue;
        }
        const x = model.addVariable({
          name: `x${task.index}_${k}_${t}`,
          upper: 1,
          integer: true,
          objective: -operatingCost(compiled, task, k, t),
        });
        binaries++;
        perSlot.push([x, 1]);
        work.push([x, task.throughput[k] as number]);
        const cell = k * compiled.slots + t;
        pushTerm(cellCompute, cell, [x, task.throughput[k] as number]);
        pushTerm(cellMemory, cell, [x, task.memory]);
      }
      if (perSlot.length === 0) continue;
      // (4b) with x <= u folded in, and (4c): only vendors already done by slot t enable x.
      const enablers: [Variable, number][] = task.preprocessing
        ? vendorVars.filter((v) => v.start <= t).map((v) => [v.z, -1] as [Variable, number])
        : [[u, -1]];
      model.addConstraint([...perSlot, ...enablers], "<=", 0);
    }
    model.addConstraint(work, ">=", 0);
  }
  for (const [cell, terms] of cellCompute) {
    model.addConstraint(
      terms,
      "<=",
      compiled.computeCapacity[Math.floor(cell / compiled.slots)] as number,
    );
  }
  for (const [cell, terms] of cellMemory) {
    model.addConstraint(
      terms,
      "<=",
      compiled.freeMemory[Math.floor(cell / compiled.slots)] as number,
    );
  }
  if (binaries === 0) return { status: "optimal", lower: 0, upper: 0, binaries, seconds: 0 };
  const result = await model.solve({
    timeLimitSeconds: timeLimit,
    acceptTimeLimit: true,
    mipRelativeGap: 1e-6,
  });
  return {
    status: result.status === "optimal" ? "optimal" : "bracket",
    lower: result.objective,
    upper: Math.max(result.objective, result.bound),
    binaries,
    seconds: result.seconds,
  };
}

function pushTerm(map: Map<number, [Variable, number][]>, cell: number, term: [Variable, number]) {
  const list = map.get(cell);
  if (list === undefined) map.set(cell, [term]);
  else list.push(term);
}
