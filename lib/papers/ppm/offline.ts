/**
 * Offline optimum W_opt (Problem 3 / 36) through HiGHS, reported as a certified bracket.
 *
 * Exact reductions: slots are merged into segments between consecutive arrival/departure events
 * (the cost of a segment is its length times f(y)); a bundle is dropped for a customer when
 * another bundle is worth at least as much and uses no more of any resource. Utilisation is
 * chained between segments, so each x_n^b appears in two rows per resource.
 *
 * The convex cost is replaced by the maximum of tangents at `tangents` + 1 evenly spaced points
 * (a piecewise-linear underestimate): the LP relaxation (or MILP) optimum of that model is an
 * upper bound on W_opt. A feasible integral allocation (the LP/MILP solution rounded down,
 * completed greedily, or a given incumbent) evaluated with the exact cost is a lower bound.
 *
 * @example
 * ```ts
 * import { offlineOptimum } from "./offline.ts";
 * const b = await offlineOptimum({ slots: 1, resources: [{ name: "cpu", cost: { kind: "power", a: 1, s: 2 }, pbar: 4 }],
 *   bundles: [[0.5]], customers: [{ arrival: 0, duration: 1, valuations: [1] }] }, { exact: true });
 * console.log(b.lower <= b.upper); // true
 * ```
 *
 * @module
 */
import { LpModel, type Variable } from "../../core/lp.ts";
import { ParameterError } from "../../core/errors.ts";
import { requireInteger } from "../../core/validate.ts";
import { costOf, type Instance, validateInstance } from "./instance.ts";
import { supplyCost } from "./mechanism.ts";
import { requireInstanceFields } from "./validate.ts";

/** Options of {@link offlineOptimum}. */
export interface OfflineOptions {
  /** Solve the MILP (small instances) instead of the LP relaxation. */
  readonly exact?: boolean;
  /** Number of tangent intervals of the cost underestimate (default 32). */
  readonly tangents?: number;
  /** Time limit for the MILP in seconds (default 60). */
  readonly timeLimitSeconds?: number;
  /** Feasible allocations (bundle index or −1 per customer) to consider for the lower bound. */
  readonly incumbents?: readonly Int32Array[];
}

/** Certified bracket lower ≤ W_opt ≤ upper. */
export interface OfflineBracket {
  /** welfare of the allocation found: a lower bound on W_opt */
  readonly lower: number;
  /** a proven upper bound on W_opt */
  readonly upper: number;
  /** The allocation achieving `lower`. */
  readonly allocation: Int32Array;
  /** Utilisation of that allocation. */
  readonly utilisation: readonly Float64Array[];
  /** Solver wall time in seconds. */
  readonly solverSeconds: number;
  /** `milp` when the MILP was solved (option `exact`), else `lp-relaxation` */
  readonly method: "milp" | "lp-relaxation";
}

let lpSolves = 0;

/**
 * HiGHS solves made by {@link offlineOptimum} so far in this process (every LP or MILP of the
 * ppm reproduction goes through it; tests assert where none is made).
 *
 * @returns the count
 * @example
 * ```ts
 * import { lpSolveCount } from "./offline.ts";
 * lpSolveCount(); // 0 in a fresh process
 * ```
 */
export function lpSolveCount(): number {
  return lpSolves;
}

/**
 * Computes a certified bracket on the offline optimum.
 *
 * @param instance arrival instance
 * @param options exact MILP or LP relaxation, tangent count, incumbents
 * @returns lower and upper bounds, the best allocation found
 * @throws {SolverError} when HiGHS fails
 */
export async function offlineOptimum(
  instance: Instance,
  options: OfflineOptions = {},
): Promise<OfflineBracket> {
  validateInstance(instance);
  const tangents = requireInteger("tangents", options.tangents ?? 32, 1, 4096);
  const events = new Set<number>([0, instance.slots]);
  for (const c of instance.customers) {
    events.add(c.arrival);
    events.add(c.arrival + c.duration);
  }
  const cuts = [...events].sort((x, y) => x - y);
  const segmentOf = new Map(cuts.map((t, i) => [t, i]));
  const G = cuts.length - 1;
  const startsAt: number[][] = cuts.map(() => []);
  const endsAt: number[][] = cuts.map(() => []);
  instance.customers.forEach((c, n) => {
    startsAt[segmentOf.get(c.arrival)!]!.push(n);
    endsAt[segmentOf.get(c.arrival + c.duration)!]!.push(n);
  });
  const model = new LpModel("ppm offline optimum (Problem 36)", "maximize");
  const x: (Variable | null)[][] = instance.customers.map((c, n) =>
    instance.bundles.map((_bundle, b) =>
      undominated(instance, n, b)
        ? model.addVariable({
          name: `x_${n}_${b}`,
          upper: 1,
          integer: options.exact ?? false,
          objective: c.valuations[b]!,
        })
        : null
    )
  );
  instance.customers.forEach((_, n) => {
    const terms = x[n]!.filter((v): v is Variable => v !== null).map((v) => [v, 1] as const);
    if (terms.length > 1) model.addConstraint(terms, "<=", 1, `one_bundle_${n}`);
  });
  instance.resources.forEach((resource, k) => {
    const cost = costOf(resource.cost);
    const points = Array.from({ length: tangents + 1 }, (_, j) => j / tangents);
    const slopes = points.map((z) => cost.marginal(z));
    // Breakpoints where consecutive tangents meet.
    const breaks = [0];
    for (let j = 0; j < tangents; j++) {
      const z0 = points[j]!;
      const z1 = points[j + 1]!;
      const meet = (cost.value(z1) - slopes[j + 1]! * z1 - cost.value(z0) + slopes[j]! * z0) /
        (slopes[j]! - slopes[j + 1]!);
      breaks.push(Math.min(1, Math.max(breaks[breaks.length - 1]!, meet)));
    }
    breaks.push(1);
    let previous: Variable | null = null;
    for (let g = 0; g < G; g++) {
      const length = cuts[g + 1]! - cuts[g]!;
      const y = model.addVariable({ name: `y_${k}_${g}`, upper: 1 });
      const pieces = slopes.map((slope, j) =>
        [
          model.addVariable({
            name: `w_${k}_${g}_${j}`,
            upper: breaks[j + 1]! - breaks[j]!,
            objective: -length * slope,
          }),
          1,
        ] as const
      ).filter((_, j) => breaks[j + 1]! > breaks[j]!);
      model.addConstraint([[y, 1], ...pieces.map(([w]) => [w, -1] as const)], "=", 0);
      const flow: [Variable, number][] = [[y, 1]];
      if (previous) flow.push([previous, -1]);
      for (const [list, sign] of [[startsAt[g]!, -1], [endsAt[g]!, 1]] as const) {
        for (const n of list) {
          x[n]!.forEach((v, b) => {
            const r = instance.bundles[b]![k]!;
            if (v !== null && r !== 0) flow.push([v, sign * r]);
          });
        }
      }
      model.addConstraint(flow, "=", 0, `flow_${k}_${g}`);
      previous = y;
    }
  });
  lpSolves++;
  const result = await model.solve(
    options.exact
      ? {
        timeLimitSeconds: options.timeLimitSeconds ?? 60,
        acceptTimeLimit: true,
        mipRelativeGap: 1e-7,
      }
      : {},
  );
  const fractional = instance.customers.map((_, n) =>
    x[n]!.map((v) => (v === null ? 0 : result.value(v)))
  );
  const candidates = [roundAndComplete(instance, fractional), ...(options.incumbents ?? [])];
  let best = { lower: -Infinity, allocation: candidates[0]!, utilisation: [] as Float64Array[] };
  for (const allocation of candidates) {
    const evaluated = evaluateAllocation(instance, allocation);
    if (evaluated.welfare > best.lower) {
      best = { lower: evaluated.welfare, allocation, utilisation: evaluated.utilisation };
    }
  }
  // Relative 1e-9 allowance for the solver's feasibility/optimality tolerances.
  const upper = result.bound + 1e-9 * Math.abs(result.bound);
  return {
    lower: best.lower,
    upper: Math.max(upper, best.lower),
    allocation: best.allocation,
    utilisation: best.utilisation,
    solverSeconds: result.seconds,
    method: options.exact ? "milp" : "lp-relaxation",
  };
}

/** Whether bundle `b` of customer `n` has positive value and no other bundle dominates it. */
export function undominated(instance: Instance, n: number, b: number): boolean {
  requireInstanceFields(instance);
  requireInteger("n", n, 0, instance.customers.length - 1);
  requireInteger("b", b, 0, instance.bundles.length - 1);
  const v = instance.customers[n]!.valuations;
  if (!(v[b]! > 0)) return false;
  const r = instance.bundles[b]!;
  return !instance.bundles.some((other, o) => {
    if (o === b) return false;
    const better = v[o]! >= v[b]! && other.every((amount, k) => amount <= r[k]!);
    const strictly = v[o]! > v[b]! || other.some((amount, k) => amount < r[k]!);
    return better && (strictly || o < b);
  });
}

/** Welfare and utilisation of an allocation (bundle index or −1 per customer). */
export function evaluateAllocation(
  instance: Instance,
  allocation: Int32Array,
): { welfare: number; utilisation: Float64Array[] } {
  requireInstanceFields(instance);
  if (!(allocation instanceof Int32Array) || allocation.length !== instance.customers.length) {
    throw new ParameterError(
      "allocation",
      allocation,
      `an Int32Array of ${instance.customers.length} bundle indices (−1: rejected)`,
    );
  }
  const utilisation = instance.resources.map(() => new Float64Array(instance.slots));
  let value = 0;
  allocation.forEach((b, n) => {
    if (b < 0) return;
    const c = instance.customers[n]!;
    value += c.valuations[b]!;
    instance.bundles[b]!.forEach((r, k) => {
      const y = utilisation[k]!;
      for (let t = c.arrival; t < c.arrival + c.duration; t++) y[t] = y[t]! + r;
    });
  });
  return { welfare: value - supplyCost(instance, utilisation), utilisation };
}

/** Rounds an LP solution down, then adds customers greedily while exact welfare improves. */
function roundAndComplete(instance: Instance, fractional: number[][]): Int32Array {
  const allocation = new Int32Array(instance.customers.length).fill(-1);
  const utilisation = instance.resources.map(() => new Float64Array(instance.slots));
  const costs = instance.resources.map((r) => costOf(r.cost));
  const add = (n: number, b: number, sign: 1 | -1) => {
    const c = instance.customers[n]!;
    instance.bundles[b]!.forEach((r, k) => {
      const y = utilisation[k]!;
      for (let t = c.arrival; t < c.arrival + c.duration; t++) y[t] = y[t]! + sign * r;
    });
  };
  const gain = (n: number, b: number) => {
    const c = instance.customers[n]!;
    let delta = c.valuations[b]!;
    for (let k = 0; k < costs.length; k++) {
      const r = instance.bundles[b]![k]!;
      const y = utilisation[k]!;
      for (let t = c.arrival; t < c.arrival + c.duration; t++) {
        if (y[t]! + r > 1 + 1e-9) return -Infinity;
        delta -= costs[k]!.value(y[t]! + r) - costs[k]!.value(y[t]!);
      }
    }
    return delta;
  };
  fractional.forEach((row, n) => {
    const b = row.findIndex((value) => value > 1 - 1e-7);
    if (b >= 0) {
      allocation[n] = b;
      add(n, b, 1);
    }
  });
  const rest = fractional.map((row, n) => ({ n, mass: row.reduce((a, v) => a + v, 0) }))
    .filter(({ n, mass }) => allocation[n] === -1 && mass > 1e-7)
    .sort((p, q) => q.mass - p.mass);
  for (const { n } of rest) {
    let bestB = -1;
    let bestGain = 0;
    instance.bundles.forEach((_, b) => {
      const g = gain(n, b);
      if (g > bestGain) {
        bestGain = g;
        bestB = b;
      }
    });
    if (bestB >= 0) {
      allocation[n] = bestB;
      add(n, bestB, 1);
    }
  }
  return allocation;
}
