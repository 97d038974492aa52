/**
 * Regenerates `data/trace_stats.json` from the raw traces.
 *
 * Run: `npx -y deno@2.9.6 run -A lib/traces/derive_stats.ts` (uses `TRACE_DIR` or
 * `../shared/traces`).
 *
 * @module
 */
import { deriveTraceStats } from "./stats.ts";
import { formatTraceStats, TRACE_STATS_PATH } from "./stats_file.ts";

if (import.meta.main) {
  Deno.writeTextFileSync(TRACE_STATS_PATH, formatTraceStats(deriveTraceStats()));
  console.log(`wrote ${TRACE_STATS_PATH}`);
}
