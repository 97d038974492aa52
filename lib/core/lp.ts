/**
 * LP/MILP modelling on top of HiGHS (WebAssembly build of the real solver, npm `highs`).
 *
 * Build a model with named variables and linear constraints, then {@link LpModel.solve}. An optimal
 * solve returns typed values; infeasible, unbounded and error outcomes throw {@link SolverError}.
 * A time limit throws too, unless `acceptTimeLimit` is set, in which case a MILP returns its
 * incumbent together with the proven dual bound, so callers can report a certified bracket.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LpModel } from "./lp.ts";
 * const m = new LpModel("knapsack", "maximize");
 * const x = m.addVariable({ name: "x", upper: 1, integer: true, objective: 3 });
 * const y = m.addVariable({ name: "y", upper: 1, integer: true, objective: 2 });
 * m.addConstraint([[x, 2], [y, 1]], "<=", 2);
 * const result = await m.solve();
 * assert.equal(result.objective, 3); // x alone: weight 2 fills the capacity
 * assert.equal(result.value(x), 1);
 * assert.equal(result.value(y), 0);
 * ```
 *
 * @module
 */
import highsModule from "highs";
import type { Highs } from "highs";

/** The loaded HiGHS WebAssembly solver (the `highs` package's runtime object). */
export type HighsRuntime = Highs;
import { SolverError } from "./errors.ts";
import { requireFinite, requireInteger, requirePositive } from "./validate.ts";
import { ParameterError } from "./errors.ts";

// The package is CommonJS; its typings describe the default export as the module itself.
const highsLoader = highsModule as unknown as () => Promise<Highs>;

let runtime: Promise<Highs> | null = null;

/** Loads the HiGHS WebAssembly runtime once per process. */
export function loadHighs(): Promise<HighsRuntime> {
  runtime ??= highsLoader();
  return runtime;
}

/** Handle of a variable inside one {@link LpModel}. */
export interface Variable {
  /** Column of the variable in the model, in the order of {@link LpModel.addVariable} calls. */
  readonly index: number;
  /** Name used in error messages and exported models. */
  readonly name: string;
}

/** Options of {@link LpModel.addVariable}. */
export interface VariableOptions {
  /** Name used in error messages and exported models (default `x<index>`). */
  readonly name?: string;
  /** Lower bound (default 0). */
  readonly lower?: number;
  /** Upper bound (default +∞). */
  readonly upper?: number;
  /** Objective coefficient (default 0). */
  readonly objective?: number;
  /** Integrality (default continuous). */
  readonly integer?: boolean;
}

/** Sense of a linear constraint. */
export type ConstraintSense = "<=" | ">=" | "=";

/** A linear term: variable and coefficient. */
export type Term = readonly [Variable, number];

/** Options of {@link LpModel.solve}. */
export interface SolveOptions {
  /** Wall-clock limit in seconds (default unlimited). */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS stops (default HiGHS's 1e-4). */
  readonly mipRelativeGap?: number;
  /**
   * Branch-and-bound node limit of a MILP (HiGHS `mip_max_nodes`): unlike the wall-clock limit it
   * stops at the same point on every run and machine, so results are reproducible.
   */
  readonly mipMaxNodes?: number;
  /** Return the incumbent and bound on a time or node limit instead of throwing (MILP only). */
  readonly acceptTimeLimit?: boolean;
  /** Solve the LP relaxation: integrality is ignored. */
  readonly relax?: boolean;
}

/** Result of a solve that produced a primal solution. */
export interface LpResult {
  /**
   * `optimal`; `node-limit` or `time-limit` when that limit stopped a MILP, was accepted and an
   * incumbent exists (a node limit is deterministic, a time limit is not).
   */
  readonly status: "optimal" | "node-limit" | "time-limit";
  /** Objective value of the returned solution. */
  readonly objective: number;
  /**
   * Best proven bound on the optimum (dual bound): equals `objective` for an optimal LP, the MIP
   * dual bound for a MILP.
   */
  readonly bound: number;
  /** Solver wall time in seconds. */
  readonly seconds: number;
  /** Value of one variable. */
  value(variable: Variable): number;
  /** All primal values, in variable order. */
  readonly values: Float64Array;
  /** Row duals of an LP (empty for a MILP). */
  readonly rowDuals: Float64Array;
}

/** A linear (mixed-integer) program. */
export class LpModel {
  readonly #lower: number[] = [];
  readonly #upper: number[] = [];
  readonly #cost: number[] = [];
  readonly #integer: boolean[] = [];
  readonly #names: string[] = [];
  readonly #rowStarts: number[] = [0];
  readonly #rowIndices: number[] = [];
  readonly #rowValues: number[] = [];
  readonly #rowLower: number[] = [];
  readonly #rowUpper: number[] = [];
  readonly #rowNames: string[] = [];

  /**
   * Creates an empty model.
   *
   * @param name label used in error messages
   * @param sense objective sense
   */
  constructor(readonly name: string, readonly sense: "maximize" | "minimize") {}

  /** Number of variables. */
  get variableCount(): number {
    return this.#cost.length;
  }

  /** Number of constraints. */
  get constraintCount(): number {
    return this.#rowLower.length;
  }

  /**
   * Adds a variable.
   *
   * @throws {ParameterError} on non-finite coefficients or `lower > upper`
   */
  addVariable(options: VariableOptions = {}): Variable {
    const index = this.#cost.length;
    const name = options.name ?? `x${index}`;
    const lower = options.lower ?? 0;
    const upper = options.upper ?? Infinity;
    const objective = requireFinite(`${name}.objective`, options.objective ?? 0);
    if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper) {
      throw new ParameterError(`${name}.bounds`, [lower, upper], "lower <= upper");
    }
    this.#lower.push(lower);
    this.#upper.push(upper);
    this.#cost.push(objective);
    this.#integer.push(options.integer ?? false);
    this.#names.push(name);
    return { index, name };
  }

  /**
   * Adds `sum(coef * var) sense rhs`. Repeated variables are summed.
   *
   * @throws {ParameterError} on a non-finite coefficient or right-hand side, or a foreign variable
   */
  addConstraint(terms: readonly Term[], sense: ConstraintSense, rhs: number, name?: string): void {
    const rowName = name ?? `c${this.#rowLower.length}`;
    requireFinite(`${rowName}.rhs`, rhs);
    const merged = new Map<number, number>();
    for (const [variable, coefficient] of terms) {
      if (variable.index >= this.#cost.length || this.#names[variable.index] !== variable.name) {
        throw new ParameterError(
          `${rowName}.terms`,
          variable.name,
          `a variable of model ${this.name}`,
        );
      }
      requireFinite(`${rowName}[${variable.name}]`, coefficient);
      merged.set(variable.index, (merged.get(variable.index) ?? 0) + coefficient);
    }
    for (const [index, coefficient] of merged) {
      if (coefficient === 0) continue;
      this.#rowIndices.push(index);
      this.#rowValues.push(coefficient);
    }
    this.#rowStarts.push(this.#rowIndices.length);
    this.#rowLower.push(sense === "<=" ? -Infinity : rhs);
    this.#rowUpper.push(sense === ">=" ? Infinity : rhs);
    this.#rowNames.push(rowName);
  }

  /** Whether any variable is integer. */
  get isMip(): boolean {
    return this.#integer.some((flag) => flag);
  }

  /**
   * Solves the model.
   *
   * @throws {SolverError} when infeasible, unbounded, failed, or (unless accepted) time-limited
   */
  async solve(options: SolveOptions = {}): Promise<LpResult> {
    const highs = await loadHighs();
    const mip = this.isMip && !options.relax;
    const data = {
      numCols: this.#cost.length,
      numRows: this.#rowLower.length,
      sense: this.sense === "maximize"
        ? highs.constants.objectiveSense.maximize
        : highs.constants.objectiveSense.minimize,
      colCost: this.#cost,
      colLower: this.#lower,
      colUpper: this.#upper,
      rowLower: this.#rowLower,
      rowUpper: this.#rowUpper,
      matrix: {
        format: "csr" as const,
        numRows: this.#rowLower.length,
        numCols: this.#cost.length,
        starts: this.#rowStarts,
        indices: this.#rowIndices,
        values: this.#rowValues,
      },
      ...(mip ? { integrality: this.#integer.map((flag) => flag ? 1 : 0) as (0 | 1)[] } : {}),
    };
    return highs.withModel((model) => {
      model.options.set("output_flag", false);
      if (options.timeLimitSeconds !== undefined) {
        model.options.set(
          "time_limit",
          requirePositive("timeLimitSeconds", options.timeLimitSeconds),
        );
      }
      if (options.mipMaxNodes !== undefined) {
        model.options.set("mip_max_nodes", requireInteger("mipMaxNodes", options.mipMaxNodes, 1));
      }
      if (options.mipRelativeGap !== undefined) {
        model.options.set("mip_rel_gap", options.mipRelativeGap);
      }
      model.passModel(data as Parameters<typeof model.passModel>[0]);
      const run = model.run();
      const codes = highs.constants.modelStatus;
      const status = run.modelStatus;
      const seconds = model.getRunTime();
      const fail = (kind: "infeasible" | "unbounded" | "time-limit" | "error", detail: string) =>
        new SolverError(kind, this.name, detail);
      if (status === codes.infeasible) throw fail("infeasible", "model is infeasible");
      if (status === codes.unbounded) throw fail("unbounded", "objective is unbounded");
      if (status === codes.unboundedOrInfeasible) {
        throw fail("infeasible", "presolve found the model infeasible or unbounded");
      }
      const nodeLimited = mip && status === codes.solutionLimit;
      const timeLimited = nodeLimited || status === codes.timeLimit ||
        status === codes.iterationLimit || status === codes.interrupted;
      if (timeLimited && !(options.acceptTimeLimit && mip)) {
        throw fail("time-limit", `stopped after ${seconds.toFixed(2)} s without proven optimum`);
      }
      if (status !== codes.optimal && !timeLimited) {
        throw fail("error", `HiGHS model status code ${status}`);
      }
      const primalStatus = Number(model.info.get("primal_solution_status"));
      if (primalStatus !== highs.constants.solutionStatus.feasible) {
        throw fail(timeLimited ? "time-limit" : "error", "no feasible solution available");
      }
      const solution = model.getSolution();
      const objective = model.getObjectiveValue();
      const bound = mip ? Number(model.info.get("mip_dual_bound")) : objective;
      const values = Float64Array.from(solution.colValue);
      return {
        status: nodeLimited ? "node-limit" : timeLimited ? "time-limit" : "optimal",
        objective,
        bound,
        seconds,
        values,
        rowDuals: mip ? new Float64Array() : Float64Array.from(solution.rowDual),
        value: (variable: Variable) => values[variable.index] ?? NaN,
      } satisfies LpResult;
    });
  }
}
