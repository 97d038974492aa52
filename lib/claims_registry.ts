/**
 * Every paper's claims, in one place: used by `deno task claims`, the overview notebook and tests.
 *
 * @example
 * ```ts
 * import { ledger } from "./claims_registry.ts";
 * const all = await ledger({ mode: "quick", seed: 1 });
 * ```
 *
 * @module
 */
import { type ClaimResult, type ClaimSpec, evaluateClaims } from "./core/claims.ts";
import type { RunParams } from "./core/params.ts";
import { claims as ppm } from "./papers/ppm/claims.ts";
import { claims as aeria } from "./papers/aeria/claims.ts";
import { claims as pdftsp } from "./papers/pdftsp/claims.ts";
import { claims as stackelberg } from "./papers/stackelberg/claims.ts";

/** Paper keys in the order of the notebooks. */
export const PAPERS = ["ppm", "aeria", "pdftsp", "stackelberg"] as const;
/** One of the four papers. */
export type PaperKey = typeof PAPERS[number];

const PROVIDERS: Record<PaperKey, (params: RunParams) => ClaimSpec[]> = {
  ppm,
  aeria,
  pdftsp,
  stackelberg,
};

/** Claim declarations of one paper. */
export function paperClaimSpecs(paper: PaperKey, params: RunParams): ClaimSpec[] {
  return PROVIDERS[paper](params);
}

let evaluatedPapers = 0;

/**
 * How many papers' ledgers {@link ledger} has evaluated in this process: the compute-once tests
 * check that the overview, given current notebook runs, evaluates none.
 */
export function paperEvaluations(): number {
  return evaluatedPapers;
}

/** Evaluates the ledger of the given papers (all by default). */
export async function ledger(
  params: RunParams,
  papers: readonly PaperKey[] = PAPERS,
): Promise<ClaimResult[]> {
  const results: ClaimResult[] = [];
  for (const paper of papers) {
    evaluatedPapers++;
    results.push(...await evaluateClaims(paperClaimSpecs(paper, params)));
  }
  return results;
}
