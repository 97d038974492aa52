/**
 * Limited-memory BFGS for smooth convex minimisation (the smoothed Lagrangian dual of the offline
 * problem): two-loop recursion, Armijo backtracking, stops on a small gradient or after
 * `maxEvaluations` function evaluations.
 *
 * @example
 * ```ts
 * import { minimizeLbfgs } from "./lbfgs.ts";
 * const r = minimizeLbfgs((x, g) => {
 *   g[0] = 2 * (x[0]! - 3);
 *   return (x[0]! - 3) ** 2;
 * }, new Float64Array([0]));
 * console.log(r.x[0]); // ≈ 3
 * ```
 *
 * @module
 */
import { requireInteger } from "../../core/validate.ts";

/** Objective: returns f(x) and writes ∇f(x) into `gradient`. */
export type SmoothObjective = (x: Float64Array, gradient: Float64Array) => number;

/** Options of {@link minimizeLbfgs}. */
export interface LbfgsOptions {
  /** Stored curvature pairs (default 12). */
  readonly memory?: number;
  /** Budget of objective evaluations (default 200). */
  readonly maxEvaluations?: number;
  /** Stop when ‖∇f‖∞ falls below this (default 1e-10). */
  readonly gradientTolerance?: number;
}

/**
 * Minimises a smooth function from `start` (not modified).
 *
 * @param objective value and gradient
 * @param start initial point
 * @param options memory, evaluation budget, gradient tolerance
 * @returns the best point found, its value and the number of evaluations used
 * @throws {ParameterError} on a memory or budget that is not a positive integer
 */
export function minimizeLbfgs(
  objective: SmoothObjective,
  start: Float64Array,
  options: LbfgsOptions = {},
): { x: Float64Array<ArrayBuffer>; value: number; evaluations: number } {
  const memory = requireInteger("memory", options.memory ?? 12, 1, 100);
  const budget = requireInteger("maxEvaluations", options.maxEvaluations ?? 200, 1);
  const tolerance = options.gradientTolerance ?? 1e-10;
  const n = start.length;
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  let value = objective(x, g);
  let evaluations = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(n);
  const trial = new Float64Array(n);
  const trialGradient = new Float64Array(n);
  const alpha = new Float64Array(memory);
  while (evaluations < budget && maxAbs(g) > tolerance) {
    // Two-loop recursion: direction = −H·g.
    direction.set(g);
    for (let i = S.length - 1; i >= 0; i--) {
      alpha[i] = rho[i]! * dot(S[i]!, direction);
      axpy(-alpha[i]!, Y[i]!, direction);
    }
    const gamma = S.length > 0
      ? dot(S[S.length - 1]!, Y[Y.length - 1]!) / dot(Y[Y.length - 1]!, Y[Y.length - 1]!)
      : 1 / Math.max(1e-300, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) direction[i] = direction[i]! * gamma;
    for (let i = 0; i < S.length; i++) {
      const beta = rho[i]! * dot(Y[i]!, direction);
      axpy(alpha[i]! - beta, S[i]!, direction);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i]!;
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i]! / Math.max(1e-300, Math.sqrt(dot(g, g)));
      slope = dot(g, direction);
    }
    let step = 1;
    let trialValue = Infinity;
    while (evaluations < budget) {
      for (let i = 0; i < n; i++) trial[i] = x[i]! + step * direction[i]!;
      trialValue = objective(trial, trialGradient);
      evaluations++;
      if (trialValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(trialValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = trial[i]! - x[i]!;
      y[i] = trialGradient[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (S.length === memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    x.set(trial);
    g.set(trialGradient);
    value = trialValue;
  }
  return { x, value, evaluations };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] = y[i]! + a * x[i]!;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}
