/**
 * Compute once: the claims ledger taken from the notebooks that already evaluated it. A paper's
 * claims are read from a cached notebook run (see `run_cache.ts`) when that run is current (its
 * key, see `cache_key.ts`, equals the key the notebook would have now: same notebook, library,
 * lockfile, traces and parameters) and it displayed exactly the claims the paper declares;
 * otherwise they are evaluated here. The overview notebook and `deno task claims` use this.
 *
 * @example
 * ```ts
 * import { currentLedger } from "./executed_claims.ts";
 * const { claims, sources } = await currentLedger({ mode: "quick", seed: 1 });
 * for (const source of sources) console.log(source.paper, source.from, source.notebook);
 * console.log(claims.length);
 * ```
 *
 * @module
 */
import type { ClaimResult } from "../core/claims.ts";
import type { RunParams } from "../core/params.ts";
import {
  ledger,
  type LedgerOptions,
  paperClaimSpecs,
  type PaperKey,
  PAPERS,
} from "../claims_registry.ts";
import { currentKey } from "./cache_key.ts";
import { type CachedRun, listRuns, notebookCacheDir, notebookPathOf } from "./run_cache.ts";

/** Where one paper's claims came from. */
export interface LedgerSource {
  readonly paper: PaperKey;
  /** `notebook`: read from a current run; `computed`: evaluated by this call. */
  readonly from: "notebook" | "computed";
  /** The notebook whose run was read (relative to the repository), or null. */
  readonly notebook: string | null;
  /** When that run finished (ISO 8601), or null. */
  readonly ranAt: string | null;
}

/** Outcome of {@link currentLedger}. */
export interface SourcedLedger {
  /** The claims, paper by paper in the order asked for. */
  readonly claims: ClaimResult[];
  readonly sources: LedgerSource[];
}

/** Options of {@link currentLedger}. */
export interface CurrentLedgerOptions {
  /** Papers to include (default all). */
  readonly papers?: readonly PaperKey[];
  /** Cache folder (default {@link notebookCacheDir}). */
  readonly cacheDir?: string;
  /** How papers without a current run are evaluated (pool workers, progress lines). */
  readonly ledger?: LedgerOptions;
}

/**
 * The ledger of `papers`, read from current notebook runs where there are some, evaluated
 * otherwise.
 */
export async function currentLedger(
  params: RunParams,
  options: CurrentLedgerOptions = {},
): Promise<SourcedLedger> {
  const papers = options.papers ?? PAPERS;
  const runs = await currentRuns(options.cacheDir ?? notebookCacheDir(), params);
  const claims: ClaimResult[] = [];
  const sources: LedgerSource[] = [];
  for (const paper of papers) {
    const run = runs.find((candidate) => showsExactly(candidate, paper, params));
    if (run) {
      claims.push(...run.claims!);
      sources.push({ paper, from: "notebook", notebook: run.notebook, ranAt: run.ranAt });
    } else {
      claims.push(...await ledger(params, [paper], options.ledger));
      sources.push({ paper, from: "computed", notebook: null, ranAt: null });
    }
  }
  return { claims, sources };
}

/** Cached runs with these parameters whose key is still the notebook's key. */
async function currentRuns(cacheDir: string, params: RunParams): Promise<CachedRun[]> {
  const current: CachedRun[] = [];
  for (const run of await listRuns(cacheDir)) {
    if (run.params.mode !== params.mode || run.params.seed !== params.seed || !run.claims) continue;
    try {
      if ((await currentKey(notebookPathOf(run), params)).key === run.key) current.push(run);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error; // the notebook is gone
    }
  }
  return current;
}

/** Whether a run displayed exactly the claims `paper` declares (same ids, nothing else). */
function showsExactly(run: CachedRun, paper: PaperKey, params: RunParams): boolean {
  const shown = (run.claims ?? []).map((claim) => claim.id);
  const declared = paperClaimSpecs(paper, params).map((spec) => spec.id);
  return shown.length === declared.length &&
    run.claims!.every((claim) => claim.paper === paper) &&
    declared.every((id, index) => shown[index] === id);
}
