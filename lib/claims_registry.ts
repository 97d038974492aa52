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
import { requireInteger } from "./core/validate.ts";
import { UnitError } from "./sweep/pool.ts";
import { prefetchSweeps } from "./sweep/prefetch.ts";
import { hasSweepAdapter } from "./sweep/units.ts";
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

/** Options of {@link ledger}. */
export interface LedgerOptions {
  /**
   * Pool workers for the papers with sweep units (`lib/sweep`): above 1, their heavy work runs in
   * the pool first ({@link prefetchSweeps}) and the claims read it from the primed memos. 1 (the
   * default) computes everything in this process. The ledger is the same either way.
   */
  readonly jobs?: number;
  /** Progress lines of the pool runs. */
  readonly log?: (line: string, done: number, total: number) => void;
}

/**
 * Evaluates the ledger of the given papers (all by default). When a pool unit fails, the paper's
 * claims are evaluated in this process instead (stderr says which unit and why).
 *
 * @throws {ParameterError} when `jobs` is not an integer ≥ 1
 */
export async function ledger(
  params: RunParams,
  papers: readonly PaperKey[] = PAPERS,
  options: LedgerOptions = {},
): Promise<ClaimResult[]> {
  const jobs = requireInteger("jobs", options.jobs ?? 1, 1);
  const results: ClaimResult[] = [];
  for (const paper of papers) {
    evaluatedPapers++;
    if (jobs > 1 && hasSweepAdapter(paper)) {
      try {
        await prefetchSweeps(paper, params, { jobs, log: options.log });
      } catch (error) {
        // Nothing was primed: the claims compute in this process, where a failure (a corrupted
        // trace, say) costs only the claims that read it, each with its own error.
        if (!(error instanceof UnitError)) throw error;
        console.error(`${paper}: pool units failed (${error.message}); evaluating in-process`);
      }
    }
    results.push(...await evaluateClaims(paperClaimSpecs(paper, params)));
  }
  return results;
}
