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

const USAGE = `usage: deno task claims [--mode quick|paper] [--seed N]
  Prints every paper's claims ledger as a JSON array on stdout; exits 1 when a claim is
  unexplained. Defaults: TOOLKIT_MODE / TOOLKIT_SEED from the environment, else quick and 1.`;

if (import.meta.main) {
  let values: { mode?: string; seed?: string; help?: boolean };
  try {
    values = parseArgs({
      args: Deno.args,
      options: {
        mode: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    Deno.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    Deno.exit(0);
  }
  const defaults = runParams();
  const params = {
    mode: requireOneOf("--mode", values.mode ?? defaults.mode, ["quick", "paper"] as const),
    seed: values.seed === undefined ? defaults.seed : requireInteger("--seed", Number(values.seed)),
  };
  const results = await ledger(params);
  console.log(JSON.stringify(results, null, 2));
  if (results.some((claim) => claim.verdict === "unexplained")) Deno.exit(1);
}
