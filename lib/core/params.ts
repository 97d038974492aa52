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
import { requireInteger, requireOneOf } from "./validate.ts";

/** Quick mode runs in minutes on 2 cores; paper mode uses the paper's sample sizes. */
export type RunMode = "quick" | "paper";

/** Parameters of one run. */
export interface RunParams {
  /** Sample sizes: minutes on 2 cores (`quick`) or the paper's (`paper`). */
  readonly mode: RunMode;
  /** Seed from which every random stream of the run derives. */
  readonly seed: number;
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
    [
      "quick",
      "paper",
    ] as const,
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
