/**
 * Truncated Newton (Newton–CG) for smooth convex minimisation when Hessian-vector products are
 * cheap: each step solves H·d = −g approximately by conjugate gradients preconditioned with the
 * Hessian's diagonal (plus a small ridge), then backtracks (Armijo) along d. Used on the
 * smoothed Lagrangian dual of the offline problem, whose Hessian is a sum of interval
 * rank-one terms (one per customer) that L-BFGS captures slowly.
 *
 * The callbacks follow one contract: `hessianTimes` and `hessianDiagonal` refer to the point of
 * the last `objective` call, so the minimiser only asks for them right after evaluating the
 * accepted point.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { minimizeNewtonCg } from "./newton_cg.ts";
 * // f(x) = (x0 − 1)² + 4·(x1 + 2)²
 * const r = minimizeNewtonCg({
 *   objective: (x, g) => {
 *     g[0] = 2 * (x[0]! - 1);
 *     g[1] = 8 * (x[1]! + 2);
 *     return (x[0]! - 1) ** 2 + 4 * (x[1]! + 2) ** 2;
 *   },
 *   hessianTimes: (v, out) => {
 *     out[0] = 2 * v[0]!;
 *     out[1] = 8 * v[1]!;
 *   },
 *   hessianDiagonal: (out) => {
 *     out[0] = 2;
 *     out[1] = 8;
 *   },
 * }, new Float64Array(2));
 * assert.ok(Math.abs(r.x[0]! - 1) < 1e-9 && Math.abs(r.x[1]! + 2) < 1e-9);
 * ```
 *
 * @module
 */
import { requireInteger, requirePositive } from "../../core/validate.ts";

/** Value/gradient and second-order information of the function to minimise. */
export interface NewtonProblem {
  /** Returns f(x) and writes ∇f(x) into `gradient`. */
  objective(x: Float64Array, gradient: Float64Array): number;
  /** Writes H·v into `out`, H the Hessian at the last evaluated point. */
  hessianTimes(v: Float64Array, out: Float64Array): void;
  /** Writes diag(H) at the last evaluated point into `out`. */
  hessianDiagonal(out: Float64Array): void;
}

/** Options of {@link minimizeNewtonCg}. */
export interface NewtonOptions {
  /** Budget of objective evaluations (default 60). */
  readonly maxEvaluations?: number;
  /** Conjugate-gradient iterations per Newton step (default 40). */
  readonly cgIterations?: number;
  /** Stop when ‖∇f‖∞ falls below this (default 1e-10). */
  readonly gradientTolerance?: number;
}

/**
 * Minimises a smooth convex function from `start` (not modified).
 *
 * @param problem objective, Hessian-vector product and Hessian diagonal
 * @param start initial point
 * @param options evaluation budget, CG iterations, gradient tolerance
 * @returns the last accepted point, its value and the evaluations used
 * @throws {ParameterError} on a budget or iteration count that is not a positive integer, or a
 *   gradient tolerance that is not a positive number
 */
export function minimizeNewtonCg(
  problem: NewtonProblem,
  start: Float64Array,
  options: NewtonOptions = {},
): { x: Float64Array<ArrayBuffer>; value: number; evaluations: number } {
  const budget = requireInteger("maxEvaluations", options.maxEvaluations ?? 60, 1);
  const cgIterations = requireInteger("cgIterations", options.cgIterations ?? 40, 1);
  const tolerance = requirePositive("gradientTolerance", options.gradientTolerance ?? 1e-10);
  const n = start.length;
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const trial = new Float64Array(n);
  const trialGradient = new Float64Array(n);
  const work = { r: new Float64Array(n), z: new Float64Array(n), p: new Float64Array(n) };
  const hp = new Float64Array(n);
  const inverseDiagonal = new Float64Array(n);
  let value = problem.objective(x, g);
  let evaluations = 1;
  while (evaluations < budget && maxAbs(g) > tolerance) {
    problem.hessianDiagonal(inverseDiagonal);
    let top = 0;
    for (let i = 0; i < n; i++) top = Math.max(top, inverseDiagonal[i]!);
    const ridge = 1e-8 * (top || 1);
    for (let i = 0; i < n; i++) inverseDiagonal[i] = 1 / (inverseDiagonal[i]! + ridge);
    conjugateGradient(problem, g, inverseDiagonal, ridge, cgIterations, d, work, hp);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      for (let i = 0; i < n; i++) d[i] = -g[i]! * inverseDiagonal[i]!;
      slope = dot(g, d);
    }
    let step = 1;
    let trialValue = Infinity;
    while (evaluations < budget) {
      for (let i = 0; i < n; i++) trial[i] = x[i]! + step * d[i]!;
      trialValue = problem.objective(trial, trialGradient);
      evaluations++;
      if (trialValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(trialValue < value)) break;
    x.set(trial);
    g.set(trialGradient);
    value = trialValue;
    // The last evaluation was the accepted point, so the next Hessian products refer to it.
  }
  return { x, value, evaluations };
}

/** Preconditioned CG on (H + ridge·I)·d = −g, started at d = 0; stops on negative curvature. */
function conjugateGradient(
  problem: NewtonProblem,
  g: Float64Array,
  inverseDiagonal: Float64Array,
  ridge: number,
  iterations: number,
  d: Float64Array,
  work: { r: Float64Array; z: Float64Array; p: Float64Array },
  hp: Float64Array,
): void {
  const n = g.length;
  const { r, z, p } = work;
  d.fill(0);
  for (let i = 0; i < n; i++) {
    r[i] = -g[i]!;
    z[i] = r[i]! * inverseDiagonal[i]!;
  }
  p.set(z);
  let rz = dot(r, z);
  const stop = 1e-4 * Math.sqrt(dot(r, r));
  for (let it = 0; it < iterations; it++) {
    problem.hessianTimes(p, hp);
    for (let i = 0; i < n; i++) hp[i] = hp[i]! + ridge * p[i]!;
    const curvature = dot(p, hp);
    if (!(curvature > 0)) return;
    const alpha = rz / curvature;
    for (let i = 0; i < n; i++) {
      d[i] = d[i]! + alpha * p[i]!;
      r[i] = r[i]! - alpha * hp[i]!;
    }
    if (Math.sqrt(dot(r, r)) <= stop) return;
    for (let i = 0; i < n; i++) z[i] = r[i]! * inverseDiagonal[i]!;
    const next = dot(r, z);
    const beta = next / rz;
    rz = next;
    for (let i = 0; i < n; i++) p[i] = z[i]! + beta * p[i]!;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}
