/**
 * Claims ledger entries for the stackelberg paper (see lib/core/claims.ts).
 *
 * @module
 */
import type { ClaimSpec } from "../../core/claims.ts";
import type { RunParams } from "../../core/params.ts";

/** Claim declarations of this paper; none are implemented yet. */
export function claims(_params: RunParams): ClaimSpec[] {
  return [];
}
