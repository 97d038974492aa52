import assert from "node:assert/strict";
import { join } from "node:path";
import { type ClaimResult, summarizeClaims } from "../../lib/core/claims.ts";
import { ledger } from "../../lib/claims_registry.ts";
import { currentKey } from "../../lib/notebook/cache_key.ts";
import { storeRun } from "../../lib/notebook/run_cache.ts";
import { assertWellFormed } from "../ledger_checks.ts";

const CLI = new URL("../../lib/claims_cli.ts", import.meta.url).pathname;

// One paper keeps this test quick: every paper's ledger is checked by its own claims test, and
// the whole ledger through the CLI by the report test (read from the notebooks it ran). AERIA
// reads traces, so both trace cases exercise the fallback to synthetic inputs.
for (const traces of ["present", "absent"] as const) {
  Deno.test(`deno task claims prints a paper's ledger as JSON (raw traces ${traces})`, async () => {
    // An existing but empty trace directory: every trace is missing (a directory that does not
    // exist at all is an error, not a fallback).
    const empty = traces === "absent" ? await Deno.makeTempDir() : null;
    try {
      const { ledger, stderr } = await claimsCli(
        ["--paper", "aeria", "--recompute"],
        empty ? { TRACE_DIR: empty } : {},
      );
      assert.ok(ledger.length > 0, "aeria has claims");
      assert.equal(new Set(ledger.map((claim) => claim.id)).size, ledger.length, "ids are unique");
      assertWellFormed(ledger, "aeria");
      assert.doesNotMatch(stderr, /read from/);
    } finally {
      if (empty) await Deno.remove(empty);
    }
  });
}

Deno.test("deno task claims reads a current notebook run instead of recomputing", async () => {
  const params = { mode: "quick", seed: 1 } as const;
  const fresh = await ledger(params, ["stackelberg"]);
  const marked = fresh.map((claim) => ({ ...claim, source: "from the cached run" }));
  const dir = await Deno.makeTempDir();
  try {
    const notebook = join(dir, "04_scratch.ipynb");
    await Deno.writeTextFile(notebook, JSON.stringify({ nbformat: 4, metadata: {}, cells: [] }));
    for (const file of ["out.ipynb", "clean.html", "full.html"]) {
      await Deno.writeTextFile(join(dir, file), "{}");
    }
    await storeRun(
      join(dir, "cache"),
      {
        notebook,
        name: "04_scratch",
        seconds: 1,
        cells: [],
        executedPath: join(dir, "out.ipynb"),
        html: { clean: join(dir, "clean.html"), full: join(dir, "full.html") },
        claims: { claims: marked, summary: summarizeClaims(marked) },
      },
      await currentKey(notebook, params),
      params,
    );
    const env = { TOOLKIT_CACHE_DIR: join(dir, "cache") };
    const read = await claimsCli(["--paper", "stackelberg"], env);
    assert.deepEqual(read.ledger, marked);
    assert.match(read.stderr, /stackelberg: read from .*04_scratch\.ipynb/);
    const recomputed = await claimsCli(["--paper", "stackelberg", "--recompute"], env);
    assert.deepEqual(recomputed.ledger.map((claim) => claim.id), fresh.map((claim) => claim.id));
    assert.ok(recomputed.ledger.every((claim) => claim.source !== "from the cached run"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Runs the claims CLI in quick mode, seed 1; returns the parsed ledger and stderr. */
async function claimsCli(
  args: string[],
  env: Record<string, string>,
  expectSuccess = true,
): Promise<{ ledger: ClaimResult[]; stderr: string }> {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "--mode", "quick", "--seed", "1", ...args],
    env: { NO_COLOR: "1", ...env },
  }).output();
  const stderr = new TextDecoder().decode(run.stderr);
  assert.equal(run.success, expectSuccess, stderr);
  const ledger = JSON.parse(new TextDecoder().decode(run.stdout)) as ClaimResult[];
  assert.ok(Array.isArray(ledger));
  return { ledger, stderr };
}

Deno.test("deno task claims rejects an unknown mode with a clear message", async () => {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "--mode", "fast"],
    env: { NO_COLOR: "1" },
  }).output();
  assert.equal(run.success, false);
  assert.match(
    new TextDecoder().decode(run.stderr),
    /parameter --mode = "fast" is invalid: expected one of quick, paper/,
  );
});

Deno.test("deno task claims --help prints usage", async () => {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "--help"],
    env: { NO_COLOR: "1" },
  }).output();
  assert.ok(run.success);
  assert.match(new TextDecoder().decode(run.stdout), /usage: deno task claims/);
});

const SHARED_TRACES = new URL("../../../shared/traces/", import.meta.url).pathname;
const sharedTracesPresent = (() => {
  try {
    return Deno.statSync(join(SHARED_TRACES, "ieso-hoep-2016")).isDirectory;
  } catch {
    return false;
  }
})();

Deno.test({
  name: "a corrupted trace costs only the claims that read it, each naming the file and line",
  ignore: !sharedTracesPresent,
}, async () => {
  // Every trace as it is, except the electricity prices, whose row 6 holds a hex number.
  const source = SHARED_TRACES;
  const dir = await Deno.makeTempDir();
  try {
    for await (const entry of Deno.readDir(source)) {
      if (entry.isDirectory && entry.name !== "ieso-hoep-2016") {
        await Deno.symlink(join(source, entry.name), join(dir, entry.name));
      }
    }
    const prices = join(dir, "ieso-hoep-2016");
    await Deno.mkdir(prices);
    for (const name of ["PROVENANCE.md", "load2016.csv", "price2016.csv"]) {
      await Deno.copyFile(join(source, "ieso-hoep-2016", name), join(prices, name));
    }
    const lines = (await Deno.readTextFile(join(prices, "price2016.csv"))).split("\n");
    const cells = lines[5]!.split(",");
    cells[2] = "0x1F";
    lines[5] = cells.join(",");
    await Deno.writeTextFile(join(prices, "price2016.csv"), lines.join("\n"));

    const { ledger } = await claimsCli(
      ["--paper", "aeria", "--recompute"],
      { TRACE_DIR: dir },
      false,
    );
    const failed = ledger.filter((claim) => claim.error !== undefined);
    assert.ok(failed.some((claim) => claim.id === "aeria.electricity-median"));
    for (const claim of failed) {
      assert.equal(claim.verdict, "unexplained");
      assert.match(claim.error!, /price2016\.csv:6: column HOEP/);
    }
    // The claims that do not read the price trace are still evaluated.
    const evaluated = ledger.filter((claim) => claim.error === undefined);
    assert.ok(evaluated.length >= 20, `${evaluated.length} of ${ledger.length} evaluated`);
    assert.ok(evaluated.every((claim) => claim.verdict !== "unexplained"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("two claims runs with the other core busy are identical apart from timing claims", async () => {
  const load = new Deno.Command(Deno.execPath(), {
    args: ["eval", "while (true) {}"],
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    const runs = [];
    for (let run = 0; run < 2; run++) {
      runs.push((await claimsCli(["--paper", "aeria", "--recompute"], {})).ledger);
    }
    const comparable = (ledger: ClaimResult[]) =>
      ledger.map((claim) => claim.timing ? { id: claim.id, timing: true } : claim);
    assert.deepEqual(comparable(runs[1]!), comparable(runs[0]!));
  } finally {
    load.kill();
    await load.status;
  }
});
