/**
 * The execution cache key changes exactly when an input changes: the notebook, a library or data
 * source (but not the ledger snapshot), the lockfile, a trace file's size or date, the mode or
 * seed, or a notebook read by this one.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  changedParts,
  currentKey,
  notebookKey,
  readsOtherNotebooks,
  sha256,
  sourcesDigest,
  tracesDigest,
} from "../../lib/notebook/cache_key.ts";

const QUICK = { mode: "quick", seed: 1 } as const;

function notebookJson(code: string, metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata,
    cells: [{ cell_type: "code", id: "c1", metadata: {}, source: code, outputs: [] }],
  });
}

Deno.test("sha256 matches a known digest", async () => {
  assert.equal(
    await sha256("abc"),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
});

Deno.test("the key is stable, and each input changes its own part", async () => {
  const dir = await Deno.makeTempDir();
  const traces = await Deno.makeTempDir();
  try {
    const path = join(dir, "01_a.ipynb");
    await Deno.writeTextFile(path, notebookJson("1 + 1"));
    await Deno.writeTextFile(join(traces, "t.csv"), "a,b\n1,2\n");
    const at = { traceDir: traces };
    const first = await notebookKey(path, QUICK, at);
    assert.match(first.key, /^[0-9a-f]{64}$/);
    assert.deepEqual(await notebookKey(path, QUICK, at), first, "same inputs, same key");

    const seed = await notebookKey(path, { mode: "quick", seed: 2 }, at);
    assert.deepEqual(changedParts(first.parts, seed.parts), ["params"]);
    const paper = await notebookKey(path, { mode: "paper", seed: 1 }, at);
    assert.deepEqual(changedParts(first.parts, paper.parts), ["params"]);

    await Deno.writeTextFile(path, notebookJson("1 + 2"));
    const edited = await notebookKey(path, QUICK, at);
    assert.deepEqual(changedParts(first.parts, edited.parts), ["notebook"]);
    assert.notEqual(edited.key, first.key);

    await Deno.utime(join(traces, "t.csv"), 1_000, 1_000);
    const touched = await notebookKey(path, QUICK, at);
    assert.deepEqual(changedParts(edited.parts, touched.parts), ["traces"]);
    await Deno.writeTextFile(join(traces, "extra.csv"), "x\n");
    const added = await notebookKey(path, QUICK, at);
    assert.deepEqual(changedParts(touched.parts, added.parts), ["traces"]);

    const other = join(dir, "02_b.ipynb");
    await Deno.writeTextFile(other, notebookJson("2"));
    const reading = await notebookKey(path, QUICK, { ...at, dependsOn: [other] });
    assert.deepEqual(changedParts(added.parts, reading.parts), ["notebooks it reads"]);
    await Deno.writeTextFile(other, notebookJson("3"));
    const readChanged = await notebookKey(path, QUICK, { ...at, dependsOn: [other] });
    assert.deepEqual(changedParts(reading.parts, readChanged.parts), ["notebooks it reads"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(traces, { recursive: true });
  }
});

Deno.test("a trace directory that does not exist, or none, has its own digest", async () => {
  const empty = await Deno.makeTempDir();
  try {
    const none = await tracesDigest(empty);
    const missing = await tracesDigest(join(empty, "nope"));
    assert.notEqual(none, missing);
    assert.match(missing, /^[0-9a-f]{64}$/);
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

Deno.test("sources: lib, data, deno.json and deno.lock count; the ledger snapshot does not", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(root, "lib", "core"), { recursive: true });
    await Deno.mkdir(join(root, "data"));
    await Deno.writeTextFile(join(root, "lib", "core", "a.ts"), "export const a = 1;\n");
    await Deno.writeTextFile(join(root, "data", "trace_stats.json"), "{}\n");
    await Deno.writeTextFile(join(root, "data", "ledger.quick.json"), "{}\n");
    await Deno.writeTextFile(join(root, "deno.lock"), "{}\n");
    const base = await sourcesDigest(root);
    assert.equal(await sourcesDigest(root), base);
    await Deno.writeTextFile(join(root, "data", "ledger.quick.json"), '{"claims": []}\n');
    assert.equal(await sourcesDigest(root), base, "the snapshot is an output, not an input");
    const changes: [string, string][] = [
      ["lib/core/a.ts", "export const a = 2;\n"],
      ["lib/core/b.ts", "export const b = 1;\n"],
      ["data/trace_stats.json", '{"x": 1}\n'],
      ["deno.lock", '{"version": "5"}\n'],
      ["deno.json", "{}\n"],
    ];
    let previous = base;
    for (const [path, content] of changes) {
      await Deno.writeTextFile(join(root, path), content);
      const now = await sourcesDigest(root);
      assert.notEqual(now, previous, `${path} changes the digest`);
      previous = now;
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("a notebook marked readsOtherNotebooks depends on the other notebooks of its folder", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const overview = join(dir, "00_overview.ipynb");
    const paper = join(dir, "01_paper.ipynb");
    await Deno.writeTextFile(
      overview,
      notebookJson("1", { toolkit: { readsOtherNotebooks: true } }),
    );
    await Deno.writeTextFile(paper, notebookJson("2"));
    assert.equal(await readsOtherNotebooks(overview), true);
    assert.equal(await readsOtherNotebooks(paper), false);
    const before = await currentKey(overview, QUICK);
    assert.deepEqual(Object.keys(before.parts.dependsOn).length, 1);
    const paperBefore = await currentKey(paper, QUICK);
    assert.deepEqual(paperBefore.parts.dependsOn, {});
    await Deno.writeTextFile(paper, notebookJson("3"));
    const after = await currentKey(overview, QUICK);
    assert.deepEqual(changedParts(before.parts, after.parts), ["notebooks it reads"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
