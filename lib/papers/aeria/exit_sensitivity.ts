/**
 * Exit-model sensitivity of the AERIA claims: every measured claim (timing claims aside, their
 * verdicts move with machine load) evaluated under each exit-model variant of `exit_model.ts`, with
 * the claims whose verdict differs between variants marked as exit-model-driven. The exit curves
 * are MODELLED (see `exit_model.ts` for why they are not calibrated to published per-exit
 * results), so a claim driven by them cannot be settled here.
 *
 * The market experiments are memoised (`memo.ts`), so the default variant reuses the work of the
 * ledger (and of the notebook) in the same process.
 *
 * @example
 * ```ts
 * import { exitModelSensitivity } from "./exit_sensitivity.ts";
 * const rows = await exitModelSensitivity({ mode: "quick", seed: 1 });
 * console.log(rows.filter((r) => r.exitModelDriven).map((r) => r.id));
 * ```
 *
 * @module
 */
import { type ClaimResult, type ClaimValue, evaluateClaims } from "../../core/claims.ts";
import type { RunParams } from "../../core/params.ts";
import { claims } from "./claims.ts";
import { EXIT_MODEL_NAMES, type ExitModelName } from "./exit_model.ts";

/** One claim under every exit-model variant. */
export interface ExitSensitivityRow {
  /** Claim id. */
  readonly id: string;
  /** Verdict per variant. */
  readonly verdicts: Readonly<Record<ExitModelName, ClaimResult["verdict"]>>;
  /** Measured value per variant (null when the measurement failed). */
  readonly values: Readonly<Record<ExitModelName, ClaimValue | null>>;
  /** The verdict is not the same under every variant. */
  readonly exitModelDriven: boolean;
}

/**
 * Evaluates the measured, non-timing AERIA claims under each exit-model variant.
 *
 * @param params run mode and seed (as for the ledger)
 * @param variants variants to compare (default all of {@link EXIT_MODEL_NAMES})
 * @returns one row per claim, in ledger order
 * @example
 * ```ts
 * import { exitModelSensitivity } from "./exit_sensitivity.ts";
 * (await exitModelSensitivity({ mode: "quick", seed: 1 }, ["default", "flat"])).length;
 * ```
 */
export async function exitModelSensitivity(
  params: RunParams,
  variants: readonly ExitModelName[] = EXIT_MODEL_NAMES,
): Promise<ExitSensitivityRow[]> {
  const results = new Map<ExitModelName, ClaimResult[]>();
  for (const exitModel of variants) {
    const specs = claims(params, { exitModel }).filter((s) => !("status" in s) && !s.timing);
    results.set(exitModel, await evaluateClaims(specs));
  }
  const first = results.get(variants[0]!)!;
  return first.map((claim, k) => {
    const per = (f: (r: ClaimResult) => unknown) =>
      Object.fromEntries(variants.map((v) => [v, f(results.get(v)![k]!)]));
    const verdicts = per((r) => r.verdict) as Record<ExitModelName, ClaimResult["verdict"]>;
    return {
      id: claim.id,
      verdicts,
      values: per((r) => r.reproducedValue) as Record<ExitModelName, ClaimValue | null>,
      exitModelDriven: new Set(Object.values(verdicts)).size > 1,
    };
  });
}
