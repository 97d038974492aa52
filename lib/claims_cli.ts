/**
 * Prints the whole claims ledger of every paper as a JSON array on stdout (`deno task claims`),
 * or regenerates the committed snapshot (`deno task ledger`, i.e. `--write`, quick mode, seed 1).
 *
 * Options: `--mode quick|paper`, `--seed N` (defaults from `TOOLKIT_MODE`, `TOOLKIT_SEED`),
 * `--paper KEY` (repeatable: only these papers), `--write` (write `data/ledger.quick.json` for
 * the selected papers, keeping the others' entries), `--recompute`, `--jobs N` (pool Workers for the
 * papers with sweep units, default: the machine's cores; `--jobs 1` computes in this process),
 * `--help`. Exits 1 when any claim is unexplained. The ledger does not depend on `--jobs`.
 *
 * Compute once: a paper's claims are read from its notebook's cached run when that run is current
 * (same notebook, library, lockfile, traces, mode and seed; see `lib/notebook/executed_claims.ts`),
 * and evaluated only otherwise or with `--recompute`. Stderr says where each paper's claims came
 * from.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { runParams } from "./core/params.ts";
import { ledger, PAPERS } from "./claims_registry.ts";
import { requireInteger, requireOneOf } from "./core/validate.ts";
import { SNAPSHOT_PARAMS, SNAPSHOT_PATH, writeSnapshot } from "./ledger_snapshot.ts";
import { fileURLToPath } from "node:url";
import { currentLedger } from "./notebook/executed_claims.ts";
import { defaultJobs } from "./sweep/pool.ts";
import { throttledProgress } from "./sweep/progress_line.ts";
import { SWEEP_PAPERS } from "./sweep/units.ts";

const USAGE =
  `usage: deno task claims [--mode quick|paper] [--seed N] [--paper KEY]... [--write] [--recompute] [--jobs N]
       deno task ledger [--paper KEY]... [--jobs N]        (claims --write)
  prints the claims ledger as JSON; --write regenerates data/ledger.quick.json (quick, seed 1)
  for the selected papers and keeps the others' entries; claims are read from current notebook
  runs (deno task report) unless --recompute; exits 1 when a claim is unexplained
  --jobs N: Worker threads for the papers with sweep units (${SWEEP_PAPERS.join(", ")}): their
  heavy work runs in a pool first (default: cores, here ${defaultJobs()}); --jobs 1 computes in
  this process; the ledger is the same bytes either way
  --mode, --seed default to $TOOLKIT_MODE, $TOOLKIT_SEED (else quick, 1); --help prints this
  paper keys: ${PAPERS.join(", ")}`;

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      mode: { type: "string" },
      seed: { type: "string" },
      paper: { type: "string", multiple: true },
      write: { type: "boolean" },
      recompute: { type: "boolean" },
      jobs: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    Deno.exit(0);
  }
  const defaults = values.write ? SNAPSHOT_PARAMS : runParams();
  const params = {
    mode: requireOneOf("--mode", values.mode ?? defaults.mode, ["quick", "paper"] as const),
    seed: values.seed === undefined ? defaults.seed : requireInteger("--seed", Number(values.seed)),
  };
  const papers = (values.paper ?? [...PAPERS]).map((paper) =>
    requireOneOf("--paper", paper, PAPERS)
  );
  const jobs = values.jobs === undefined
    ? defaultJobs()
    : requireInteger("--jobs", Number(values.jobs), 1);
  const ledgerOptions = { jobs, log: throttledProgress() };
  const results = values.recompute
    ? await ledger(params, papers, ledgerOptions)
    : await currentLedger(params, { papers, ledger: ledgerOptions }).then(({ claims, sources }) => {
      for (const source of sources) {
        console.error(
          source.from === "notebook"
            ? `${source.paper}: read from ${source.notebook} (run of ${source.ranAt})`
            : `${source.paper}: computed (no current notebook run)`,
        );
      }
      return claims;
    });
  if (values.write) {
    if (params.mode !== SNAPSHOT_PARAMS.mode || params.seed !== SNAPSHOT_PARAMS.seed) {
      console.error("error: --write records quick mode with seed 1 only");
      Deno.exit(2);
    }
    writeSnapshot(results, papers);
    console.error(`wrote ${results.length} claims to ${fileURLToPath(SNAPSHOT_PATH)}`);
  } else {
    console.log(JSON.stringify(results, null, 2));
  }
  const unexplained = results.filter((claim) => claim.verdict === "unexplained");
  if (unexplained.length > 0) {
    const what = unexplained.map((claim) =>
      `${claim.id} (measured ${JSON.stringify(claim.reproducedValue)}, paper ${
        JSON.stringify(claim.paperValue)
      }${claim.error ? `, error: ${claim.error}` : ""})`
    );
    console.error(`unexplained: ${what.join("; ")}`);
    Deno.exit(1);
  }
}
