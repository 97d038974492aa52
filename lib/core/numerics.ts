/**
 * Scalar numerics: bracketed root finding, adaptive quadrature and ODE integration.
 *
 * ODEs go through mathjs `solveODE` (Dormand-Prince RK45). Root finding and quadrature are written
 * here because none of the pinned libraries offers them for plain JavaScript functions: mathjs has
 * only polynomial roots (`polynomialRoot`, degree <= 3) and no numerical integration, and
 * simple-statistics and @stdlib's published single-function packages do not cover them either.
 * Both are textbook algorithms (Brent 1973; adaptive Gauss-Kronrod 7-15) with tests against
 * closed forms.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findRoot, integrate, solveOde } from "./numerics.ts";
 * const sqrt2 = findRoot((x) => x * x - 2, 0, 2);
 * assert.ok(Math.abs(sqrt2 - Math.SQRT2) < 1e-10);
 * const area = integrate(Math.sin, 0, Math.PI);
 * assert.ok(Math.abs(area - 2) < 1e-10);
 * const decay = solveOde((_t, y) => [-y[0]!], [0, 1], [1]).at(1)[0]!;
 * assert.ok(Math.abs(decay - Math.exp(-1)) < 1e-6);
 * ```
 *
 * @module
 */
import * as mathjs from "mathjs";
import { ParameterError, SolverError } from "./errors.ts";
import {
  requireFinite,
  requireFunction,
  requireInteger,
  requireNonEmpty,
  requirePositive,
} from "./validate.ts";

/** mathjs ships `solveODE` but its typings omit it; this is the signature of its numeric use. */
const solveODE = (mathjs as unknown as {
  solveODE(
    f: (t: number, y: number[]) => number[],
    span: [number, number],
    y0: number[],
    options: Record<string, unknown>,
  ): { t: number[]; y: number[][] };
}).solveODE;

/** Wraps `f` so a non-finite value raises a {@link ParameterError} naming the abscissa. */
function finite(f: (x: number) => number): (x: number) => number {
  return (x) => {
    const y = f(x);
    if (!Number.isFinite(y)) throw new ParameterError("f(x)", y, `a finite value at x = ${x}`);
    return y;
  };
}

/** Options of {@link findRoot}. */
export interface RootOptions {
  /** Absolute tolerance on x (default 1e-12 relative to the bracket scale). */
  readonly xTolerance?: number;
  /** Maximum iterations (default 200). */
  readonly maxIterations?: number;
}

/**
 * Finds a root of `f` in `[lo, hi]` with Brent's method. `f(lo)` and `f(hi)` must differ in sign
 * (or one of them be zero).
 *
 * @returns x with |f(x)| minimal within tolerance
 * @throws {ParameterError} when the bracket does not change sign or `f` returns a non-finite value
 */
export function findRoot(
  f: (x: number) => number,
  lo: number,
  hi: number,
  options: RootOptions = {},
): number {
  requireFunction("f", f);
  requireFinite("lo", lo);
  requireFinite("hi", hi);
  const maxIterations = options.maxIterations ?? 200;
  const evaluate = finite(f);
  let a = lo;
  let b = hi;
  let fa = evaluate(a);
  let fb = evaluate(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new ParameterError(
      "bracket",
      [lo, hi],
      `an interval where f changes sign (f(lo) = ${fa}, f(hi) = ${fb})`,
    );
  }
  const xTolerance = options.xTolerance ?? 1e-14 * Math.max(1, Math.abs(lo), Math.abs(hi));
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xTolerance;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or the secant step when only two points differ.
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * half * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : (half > 0 ? tolerance : -tolerance);
    fb = evaluate(b);
  }
  return b;
}

// Gauss-Kronrod 7-15 nodes and weights on [-1, 1] (Kronrod 1965 tables, as in QUADPACK).
const KRONROD_NODES = [
  0.991455371120812639206854697526329,
  0.949107912342758524526189684047851,
  0.864864423359769072789712788640926,
  0.741531185599394439863864773280788,
  0.586087235467691130294144845693013,
  0.405845151377397166906606412076961,
  0.207784955007898467600689403773245,
  0,
];
const KRONROD_WEIGHTS = [
  0.022935322010529224963732008058970,
  0.063092092629978553290700663189204,
  0.104790010322250183839876322541518,
  0.140653259715525918745189590510238,
  0.169004726639267902826583426598550,
  0.190350578064785409913256402421014,
  0.204432940075298892414161999234649,
  0.209482141084727828012999174891714,
];
const GAUSS_WEIGHTS = [
  0.129484966168869693270611432679082,
  0.279705391489276667901467771423780,
  0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
];

/** Options of {@link integrate}. */
export interface QuadratureOptions {
  /** Absolute error target (default 1e-10). */
  readonly absTolerance?: number;
  /** Relative error target (default 1e-10). */
  readonly relTolerance?: number;
  /** Maximum number of interval bisections (default 2000). */
  readonly maxSubdivisions?: number;
}

/**
 * Integrates `f` over `[a, b]` with adaptive Gauss-Kronrod 7-15 quadrature.
 *
 * @throws {ParameterError} on non-finite limits or integrand values
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
): number {
  if (typeof f !== "function") throw new ParameterError("f", f, "a function x => f(x)");
  if (options === null || typeof options !== "object") {
    throw new ParameterError("options", options, "an options object");
  }
  requireFinite("a", a);
  requireFinite("b", b);
  if (a === b) return 0;
  if (a > b) return -integrate(f, b, a, options);
  const absTolerance = options.absTolerance ?? 1e-10;
  const relTolerance = options.relTolerance ?? 1e-10;
  const maxSubdivisions = options.maxSubdivisions ?? 2000;
  const sample = finite(f);
  const intervals = [{ lo: a, hi: b, ...kronrodPanel(sample, a, b) }];
  for (let step = 0; step < maxSubdivisions; step++) {
    const total = intervals.reduce((sum, panel) => sum + panel.value, 0);
    const error = intervals.reduce((sum, panel) => sum + panel.error, 0);
    if (error <= Math.max(absTolerance, relTolerance * Math.abs(total))) return total;
    let worst = 0;
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i]!.error > intervals[worst]!.error) worst = i;
    }
    const panel = intervals[worst]!;
    const mid = 0.5 * (panel.lo + panel.hi);
    intervals.splice(
      worst,
      1,
      { lo: panel.lo, hi: mid, ...kronrodPanel(sample, panel.lo, mid) },
      { lo: mid, hi: panel.hi, ...kronrodPanel(sample, mid, panel.hi) },
    );
  }
  return intervals.reduce((sum, panel) => sum + panel.value, 0);
}

/** One 7-15 panel of a function already wrapped by {@link finite}. */
function kronrodPanel(sample: (x: number) => number, lo: number, hi: number) {
  const center = 0.5 * (lo + hi);
  const halfWidth = 0.5 * (hi - lo);
  const fCenter = sample(center);
  let kronrod = KRONROD_WEIGHTS[7]! * fCenter;
  let gauss = GAUSS_WEIGHTS[3]! * fCenter;
  for (let i = 0; i < 7; i++) {
    const offset = halfWidth * KRONROD_NODES[i]!;
    const pair = sample(center - offset) + sample(center + offset);
    kronrod += KRONROD_WEIGHTS[i]! * pair;
    if (i % 2 === 1) gauss += GAUSS_WEIGHTS[(i - 1) / 2]! * pair;
  }
  return { value: kronrod * halfWidth, error: Math.abs((kronrod - gauss) * halfWidth) };
}

/** Default step cap of {@link solveOde}: far above what smooth problems need (hundreds), low enough to fail within seconds. */
export const ODE_DEFAULT_MAX_ITERATIONS = 1e4;

/** Options of {@link solveOde}. */
export interface OdeOptions {
  /** Local error tolerance (default 1e-10). */
  readonly tolerance?: number;
  /** Largest step (default: a hundredth of the span). */
  readonly maxStep?: number;
  /** First step (default a tenth of `maxStep`); mathjs would otherwise size it from the span. */
  readonly firstStep?: number;
  /**
   * Cap on RK45 steps, accepted or rejected (default {@link ODE_DEFAULT_MAX_ITERATIONS}, an integer
   * up to 1e7). A state far larger than the absolute tolerance (e.g. `y0 = [1e308]`) forces
   * vanishing steps; the cap turns that into a prompt `SolverError` instead of a hang.
   */
  readonly maxIterations?: number;
}

/** Solution of an initial value problem. */
export interface OdeSolution {
  /** Abscissae of accepted steps, in integration order. */
  readonly t: readonly number[];
  /** State at each abscissa. */
  readonly y: readonly (readonly number[])[];
  /** State at `t` by cubic Hermite interpolation between accepted steps. */
  at(t: number): number[];
}

/**
 * Integrates `y' = f(t, y)` from `span[0]` to `span[1]` (either direction) with mathjs's
 * Dormand-Prince RK45, and offers dense output by Hermite interpolation.
 *
 * @throws {ParameterError} on a zero-length span, an empty or non-finite `y0`, bad options, or a
 *   non-finite derivative
 * @throws {SolverError} when the end of the span is not reached within `maxIterations` steps
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solveOde } from "./numerics.ts";
 * const decay = solveOde((_t, y) => [-y[0]!], [0, 1], [1]);
 * assert.ok(Math.abs(decay.at(1)[0]! - Math.exp(-1)) < 1e-6);
 * assert.ok(Math.abs(decay.at(0.5)[0]! - Math.exp(-0.5)) < 1e-4); // dense output between steps
 * ```
 */
export function solveOde(
  f: (t: number, y: readonly number[]) => number[],
  span: readonly [number, number],
  y0: readonly number[],
  options: OdeOptions = {},
): OdeSolution {
  if (typeof f !== "function") throw new ParameterError("f", f, "a function (t, y) => y'");
  if (!Array.isArray(span) || span.length !== 2) {
    throw new ParameterError("span", span, "a pair [t0, t1]");
  }
  const [t0, t1] = span;
  requireFinite("span[0]", t0);
  requireFinite("span[1]", t1);
  if (t0 === t1) throw new ParameterError("span", span, "an interval of positive length");
  const tolerance = requirePositive("tolerance", options.tolerance ?? 1e-10);
  requireNonEmpty("y0", y0);
  if (options === null || typeof options !== "object") {
    throw new ParameterError("options", options, "an options object");
  }
  y0.forEach((value, i) => requireFinite(`y0[${i}]`, value));
  const maxIterations = requireInteger(
    "maxIterations",
    options.maxIterations ?? ODE_DEFAULT_MAX_ITERATIONS,
    1,
    1e7,
  );
  const derivative = (t: number, y: readonly number[]) => {
    const dy = f(t, y);
    for (const value of dy) {
      if (!Number.isFinite(value)) {
        throw new ParameterError("f(t, y)", value, `a finite derivative at t = ${t}`);
      }
    }
    return dy;
  };
  const maxStep = requirePositive("maxStep", options.maxStep ?? Math.abs(t1 - t0) / 100);
  const firstStep = requirePositive("firstStep", options.firstStep ?? maxStep / 10);
  let raw: { t: number[]; y: number[][] };
  try {
    raw = solveODE(
      (t: number, y: number[]) => derivative(t, y),
      [t0, t1],
      [...y0],
      {
        method: "RK45",
        tol: tolerance,
        maxStep,
        firstStep: Math.min(firstStep, maxStep),
        maxIter: maxIterations,
      },
    );
  } catch (error) {
    if (!/Maximum number of iterations/.test(String((error as Error).message))) throw error;
    throw new SolverError(
      "error",
      "solveOde",
      `the end of the span was not reached in ${maxIterations} steps (tolerance ${tolerance} may be too small for the state's size)`,
    );
  }
  const t = raw.t;
  const y = raw.y;
  const slopes = t.map((ti, i) => derivative(ti, y[i]!));
  const increasing = t1 > t0;
  return {
    t,
    y,
    at(query: number): number[] {
      const position = increasing ? query - t0 : t0 - query;
      if (position < -1e-12 * Math.abs(t1 - t0) || position > Math.abs(t1 - t0) * (1 + 1e-12)) {
        throw new ParameterError("t", query, `a point between ${t0} and ${t1}`);
      }
      let lo = 0;
      let hi = t.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        const beyond = increasing ? t[mid]! > query : t[mid]! < query;
        if (beyond) hi = mid;
        else lo = mid;
      }
      const ta = t[lo]!;
      const tb = t[hi]!;
      const h = tb - ta;
      if (h === 0) return [...y[lo]!];
      const s = (query - ta) / h;
      const h00 = (1 + 2 * s) * (1 - s) * (1 - s);
      const h10 = s * (1 - s) * (1 - s);
      const h01 = s * s * (3 - 2 * s);
      const h11 = s * s * (s - 1);
      return y[lo]!.map((ya, k) =>
        h00 * ya + h10 * h * slopes[lo]![k]! + h01 * y[hi]![k]! + h11 * h * slopes[hi]![k]!
      );
    },
  };
}
