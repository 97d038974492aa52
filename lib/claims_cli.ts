/**
 * Prints the whole claims ledger of every paper as a JSON array on stdout (`deno task claims`).
 * Mode and seed come from `--mode`/`--seed` or the environment (`TOOLKIT_MODE`, `TOOLKIT_SEED`).
 * Exits 1 when any claim is unexplained.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { runParams } from "./core/params.ts";
import { ledger } from "./claims_registry.ts";
import { requireInteger, requireOneOf } from "./core/validate.ts";

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: { mode: { type: "string" }, seed: { type: "string" } },
  });
  const defaults = runParams();
  const params = {
    mode: requireOneOf("--mode", values.mode ?? defaults.mode, ["quick", "paper"] as const),
    seed: values.seed === undefined ? defaults.seed : requireInteger("--seed", Number(values.seed)),
  };
  const results = await ledger(params);
  console.log(JSON.stringify(results, null, 2));
  if (results.some((claim) => claim.verdict === "unexplained")) Deno.exit(1);
}
