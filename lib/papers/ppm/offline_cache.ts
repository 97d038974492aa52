/**
 * One offline bracket per distinct (instance, incumbents, solver) in a process: the notebook's
 * sweeps, the claims ledger and the overview evaluate the same Section 6 instances, so the
 * expensive bracket is computed once and reused. Keys are two independent 32-bit FNV-1a hashes of
 * every number of the instance and the incumbents (plus their lengths), so a memoised entry costs
 * a few bytes, not a copy of the instance. {@link offlineSolves} counts computations and reuses.
 *
 * @example
 * ```ts
 * import { cachedBracket, offlineSolves } from "./offline_cache.ts";
 * const inst = { slots: 1, resources: [{ name: "cpu", cost: { kind: "power" as const, a: 1, s: 2 }, pbar: 4 }],
 *   bundles: [[0.5]], customers: [{ arrival: 0, duration: 1, valuations: [1] }] };
 * await cachedBracket(inst, "lagrangian", []);
 * await cachedBracket(inst, "lagrangian", []);
 * console.log(offlineSolves()); // { solved: 1, reused: 1, lpSolved: 0 } (in a fresh process)
 * ```
 *
 * @module
 */
import { type Instance, validateInstance } from "./instance.ts";
import { lagrangianBracket } from "./lagrangian.ts";
import { lpSolveCount, offlineOptimum } from "./offline.ts";
import { requireArray, requireOneOf } from "../../core/validate.ts";

/** How W_opt is bracketed: Lagrangian dual (default) or the HiGHS LP (cross-check). */
export type OfflineSolver = "lagrangian" | "lp";

/** The part of a bracket the sweeps use. */
export interface CachedBracket {
  /** lower bound on W_opt */
  readonly lower: number;
  /** upper bound on W_opt */
  readonly upper: number;
  /** wall time of the original bracketing, s */
  readonly seconds: number;
}

const cache = new Map<string, Promise<CachedBracket>>();
let solved = 0;
let reused = 0;

/**
 * Brackets computed and reused so far in this process, and every HiGHS solve (cached or not,
 * {@link lpSolveCount}).
 */
export function offlineSolves(): { solved: number; reused: number; lpSolved: number } {
  return { solved, reused, lpSolved: lpSolveCount() };
}

/**
 * The offline bracket of `instance` with `incumbents` competing for the lower bound, computed
 * once per distinct input.
 *
 * @param instance arrival instance
 * @param solver `lagrangian` or `lp` (HiGHS, 24 tangents)
 * @param incumbents feasible allocations (online decisions)
 * @returns lower ≤ W_opt ≤ upper and the solver time of the first computation
 */
export function cachedBracket(
  instance: Instance,
  solver: OfflineSolver,
  incumbents: readonly Int32Array[],
): Promise<CachedBracket> {
  validateInstance(instance);
  requireOneOf("solver", solver, ["lagrangian", "lp"]);
  requireArray("incumbents", incumbents, "an array of allocations (Int32Array)");
  const key = `${solver}:${fingerprint(instance, incumbents)}`;
  const hit = cache.get(key);
  if (hit) {
    reused++;
    return hit;
  }
  solved++;
  const computed = solver === "lp"
    ? offlineOptimum(instance, { tangents: 24, incumbents }).then((b) => ({
      lower: b.lower,
      upper: b.upper,
      seconds: b.solverSeconds,
    }))
    : Promise.resolve(lagrangianBracket(instance, { incumbents })).then((b) => ({
      lower: b.lower,
      upper: b.upper,
      seconds: b.seconds,
    }));
  cache.set(key, computed);
  computed.catch(() => cache.delete(key));
  return computed;
}

function fingerprint(instance: Instance, incumbents: readonly Int32Array[]): string {
  const view = new DataView(new ArrayBuffer(8));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const mix = (x: number) => {
    view.setFloat64(0, x);
    for (let i = 0; i < 8; i++) {
      const byte = view.getUint8(i);
      a = Math.imul(a ^ byte, 0x01000193);
      b = Math.imul(b ^ byte, 0x000193a5) ^ (b >>> 15);
    }
  };
  mix(instance.slots);
  for (const r of instance.resources) {
    mix(r.pbar);
    if (r.cost.kind === "power") [r.cost.a, r.cost.s].forEach(mix);
    else r.cost.terms.forEach((t) => [t.coefficient, t.exponent].forEach(mix));
  }
  for (const bundle of instance.bundles) bundle.forEach(mix);
  mix(instance.customers.length);
  for (const c of instance.customers) {
    mix(c.arrival);
    mix(c.duration);
    c.valuations.forEach(mix);
  }
  mix(incumbents.length);
  for (const allocation of incumbents) allocation.forEach(mix);
  return `${instance.customers.length}:${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
