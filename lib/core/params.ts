/**
 * Run parameters shared by notebooks, CLIs and tests: `mode` (quick | paper) and `seed`.
 *
 * The notebook runner passes them through the environment (`TOOLKIT_MODE`, `TOOLKIT_SEED`),
 * because papermill has no TypeScript translator. Defaults: quick mode, seed 1.
 *
 * @example
 * ```ts
 * import { runParams } from "./params.ts";
 * const { mode, seed } = runParams();
 * const instances = mode === "paper" ? 1000 : 20;
 * ```
 *
 * @module
 */
import { requireInteger, requireObject, requireOneOf } from "./validate.ts";

/** Quick mode runs in minutes on 2 cores; paper mode uses the paper's sample sizes. */
export type RunMode = "quick" | "paper";

/** Parameters of one run. */
export interface RunParams {
  /** Sample sizes: minutes on 2 cores (`quick`) or the paper's (`paper`). */
  readonly mode: RunMode;
  /** Seed from which every random stream of the run derives. */
  readonly seed: number;
}

/** The run modes, for validation. */
const RUN_MODES: readonly RunMode[] = ["quick", "paper"];

/**
 * Requires a run mode, quick or paper.
 *
 * @param mode the mode
 * @returns the mode
 * @throws {ParameterError} for anything else
 * @example
 * ```ts
 * import { requireRunMode } from "./params.ts";
 * requireRunMode("quick");
 * ```
 */
export function requireRunMode(mode: RunMode): RunMode {
  return requireOneOf("mode", mode, RUN_MODES);
}

/**
 * Requires run parameters `{ mode, seed }` as {@link runParams} returns them (for entry points
 * that take them from a caller).
 *
 * @param parameter name used in the error
 * @param params the parameters
 * @returns the parameters
 * @throws {ParameterError} when `params` is not an object, `mode` is not quick or paper, or `seed`
 * is not an integer
 * @example
 * ```ts
 * import { requireRunParams } from "./params.ts";
 * requireRunParams("params", { mode: "quick", seed: 1 });
 * ```
 */
export function requireRunParams(parameter: string, params: RunParams): RunParams {
  requireObject(parameter, params, "run parameters { mode, seed }");
  requireOneOf(`${parameter}.mode`, params.mode, RUN_MODES);
  requireInteger(`${parameter}.seed`, params.seed);
  return params;
}

/** Environment variable names the runner sets. */
export const PARAM_ENV = { mode: "TOOLKIT_MODE", seed: "TOOLKIT_SEED" } as const;

/**
 * Reads run parameters from the environment, validating them.
 *
 * @throws {ParameterError} on an unknown mode or a non-integer seed
 */
export function runParams(env: (name: string) => string | undefined = readEnv): RunParams {
  const mode = requireOneOf(
    PARAM_ENV.mode,
    env(PARAM_ENV.mode) ?? "quick",
    RUN_MODES,
  );
  const seedText = env(PARAM_ENV.seed) ?? "1";
  const seed = requireInteger(PARAM_ENV.seed, Number(seedText));
  return { mode, seed };
}

function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // no --allow-env: defaults apply
  }
}
