/**
 * Compute once: `currentLedger` takes a paper's claims from a cached notebook run exactly when that
 * run is current and shows exactly the paper's declared claims, and evaluates them otherwise; the
 * registry's evaluation counter says which happened. Stackelberg is the paper used: its ledger
 * evaluates in well under a second.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ledger, paperEvaluations } from "../../lib/claims_registry.ts";
import { type ClaimResult, summarizeClaims } from "../../lib/core/claims.ts";
import { currentKey } from "../../lib/notebook/cache_key.ts";
import { currentLedger } from "../../lib/notebook/executed_claims.ts";
import { storeRun } from "../../lib/notebook/run_cache.ts";
import type { NotebookRun } from "../../lib/notebook/execute.ts";

const QUICK = { mode: "quick", seed: 1 } as const;
const MARK = "taken from the cached run";

/** A cache folder holding one run of a scratch notebook that showed `claims`. */
async function cacheWithRun(claims: ClaimResult[]): Promise<{ dir: string; notebook: string }> {
  const dir = await Deno.makeTempDir();
  const notebook = join(dir, "01_scratch.ipynb");
  await Deno.writeTextFile(notebook, JSON.stringify({ nbformat: 4, metadata: {}, cells: [] }));
  const outputs = join(dir, "outputs");
  await Deno.mkdir(outputs);
  for (const file of ["01_scratch.ipynb", "clean.html", "full.html"]) {
    await Deno.writeTextFile(join(outputs, file), "{}");
  }
  const run: NotebookRun = {
    notebook,
    name: "01_scratch",
    seconds: 12.5,
    cells: [],
    executedPath: join(outputs, "01_scratch.ipynb"),
    html: { clean: join(outputs, "clean.html"), full: join(outputs, "full.html") },
    claims: { claims, summary: summarizeClaims(claims) },
  };
  await storeRun(join(dir, "cache"), run, await currentKey(notebook, QUICK), QUICK);
  return { dir, notebook };
}

const marked = (claims: ClaimResult[]) => claims.map((claim) => ({ ...claim, source: MARK }));

Deno.test("claims of a current run are read, not recomputed", async () => {
  const fresh = await ledger(QUICK, ["stackelberg"]);
  const { dir } = await cacheWithRun(marked(fresh));
  try {
    const before = paperEvaluations();
    const result = await currentLedger(QUICK, {
      papers: ["stackelberg"],
      cacheDir: join(dir, "cache"),
    });
    assert.equal(paperEvaluations(), before, "no paper was evaluated");
    assert.equal(result.sources[0]?.from, "notebook");
    assert.ok(result.sources[0]?.ranAt);
    assert.deepEqual(result.claims, marked(fresh));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a run that is no longer current, or of other parameters, is not read", async () => {
  const fresh = await ledger(QUICK, ["stackelberg"]);
  const { dir, notebook } = await cacheWithRun(marked(fresh));
  try {
    const cacheDir = join(dir, "cache");
    const before = paperEvaluations();
    const otherSeed = await currentLedger({ mode: "quick", seed: 2 }, {
      papers: ["stackelberg"],
      cacheDir,
    });
    assert.equal(otherSeed.sources[0]?.from, "computed");
    assert.equal(paperEvaluations(), before + 1);
    await Deno.writeTextFile(notebook, JSON.stringify({ nbformat: 4, metadata: {}, cells: [1] }));
    const edited = await currentLedger(QUICK, { papers: ["stackelberg"], cacheDir });
    assert.equal(edited.sources[0]?.from, "computed");
    assert.equal(paperEvaluations(), before + 2);
    assert.ok(edited.claims.every((claim) => claim.source !== MARK));
    assert.deepEqual(edited.claims.map((claim) => claim.id), fresh.map((claim) => claim.id));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a run showing only part of a paper's claims is not taken for the whole", async () => {
  const fresh = await ledger(QUICK, ["stackelberg"]);
  const { dir } = await cacheWithRun(marked(fresh.slice(1)));
  try {
    const result = await currentLedger(QUICK, {
      papers: ["stackelberg"],
      cacheDir: join(dir, "cache"),
    });
    assert.equal(result.sources[0]?.from, "computed");
    assert.equal(result.claims.length, fresh.length);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
