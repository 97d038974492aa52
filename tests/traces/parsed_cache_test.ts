import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import fc from "fast-check";
import { DataFileError } from "../../lib/core/errors.ts";
import type { ColumnSpec } from "../../lib/traces/csv.ts";
import { parseCsv } from "../../lib/traces/csv.ts";
import { loadParsedTrace, traceCacheDir } from "../../lib/traces/parsed_cache.ts";

const COLUMNS: readonly ColumnSpec[] = [
  { from: "t", kind: "number" },
  { from: "d", to: "duration", kind: "number", nullable: true },
  { from: "who", kind: "string", nullable: true },
];

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(Deno.makeTempDirSync({ prefix: "parsed-cache-trace-" }), name);
  if (typeof content === "string") Deno.writeTextFileSync(path, content);
  else Deno.writeFileSync(path, content);
  return path;
}

function entries(dir: string): string[] {
  return [...Deno.readDirSync(dir)].map((entry) => entry.name).sort();
}

/** Frames equal column by column, nulls included (what a test of "same result" must compare). */
function assertSameFrame(
  actual: ReturnType<typeof parseCsv>,
  expected: ReturnType<typeof parseCsv>,
) {
  assert.deepEqual(actual.columns, expected.columns);
  assert.deepEqual(actual.dtypes.map(String), expected.dtypes.map(String));
  for (const column of expected.columns) {
    assert.deepEqual(actual.getColumn(column).toArray(), expected.getColumn(column).toArray());
  }
}

Deno.test("parsed cache: the second read comes from the cache and equals a fresh parse", () => {
  const text = "t,d,who,ignored\n0,1.5,a,9\n10,,b,9\n20.25,3,,9\n";
  const path = tempFile("jobs.csv", text);
  const cache = Deno.makeTempDirSync({ prefix: "parsed-cache-" });
  const first = loadParsedTrace(path, COLUMNS, cache);
  assert.equal(first.fromCache, false);
  assert.equal(entries(cache).length, 1);
  const second = loadParsedTrace(path, COLUMNS, cache);
  assert.equal(second.fromCache, true);
  const fresh = parseCsv(path, text, COLUMNS);
  assertSameFrame(first.frame, fresh);
  assertSameFrame(second.frame, fresh);
  assert.deepEqual(second.frame.getColumn("duration").toArray(), [1.5, null, 3]);
  assert.deepEqual(second.frame.getColumn("who").toArray(), ["a", "b", null]);
});

Deno.test("parsed cache: gzipped traces are cached like plain ones", () => {
  const text = "t,d,who\n1,2,x\n";
  const path = tempFile("jobs.csv.gz", gzipSync(new TextEncoder().encode(text)));
  const cache = Deno.makeTempDirSync({ prefix: "parsed-cache-" });
  assert.equal(loadParsedTrace(path, COLUMNS, cache).fromCache, false);
  const hit = loadParsedTrace(path, COLUMNS, cache);
  assert.equal(hit.fromCache, true);
  assertSameFrame(hit.frame, parseCsv(path, text, COLUMNS));
});

Deno.test("parsed cache: a changed file or another column list never meets the old entry", () => {
  const path = tempFile("jobs.csv", "t,d,who\n1,2,x\n");
  const cache = Deno.makeTempDirSync({ prefix: "parsed-cache-" });
  loadParsedTrace(path, COLUMNS, cache);
  Deno.writeTextFileSync(path, "t,d,who\n1,7,x\n"); // same size, new content
  const changed = loadParsedTrace(path, COLUMNS, cache);
  assert.equal(changed.fromCache, false);
  assert.deepEqual(changed.frame.getColumn("duration").toArray(), [7]);
  const fewer = loadParsedTrace(path, COLUMNS.slice(0, 1), cache);
  assert.equal(fewer.fromCache, false);
  assert.deepEqual(fewer.frame.columns, ["t"]);
  assert.equal(entries(cache).length, 3);
});

Deno.test("parsed cache: a corrupt entry is parsed again and rewritten", () => {
  const text = "t,d,who\n1,2,x\n3,,y\n";
  const path = tempFile("jobs.csv", text);
  const cache = Deno.makeTempDirSync({ prefix: "parsed-cache-" });
  loadParsedTrace(path, COLUMNS, cache);
  const [entry] = entries(cache);
  Deno.writeTextFileSync(join(cache, entry!), "not an arrow file");
  const again = loadParsedTrace(path, COLUMNS, cache);
  assert.equal(again.fromCache, false);
  assertSameFrame(again.frame, parseCsv(path, text, COLUMNS));
  assert.equal(loadParsedTrace(path, COLUMNS, cache).fromCache, true);
});

Deno.test("parsed cache: a malformed trace fails the same way every time and is not stored", () => {
  const path = tempFile("jobs.csv", "t,d,who\n1,2,x\n0x1F,3,y\n");
  const cache = Deno.makeTempDirSync({ prefix: "parsed-cache-" });
  for (let attempt = 0; attempt < 2; attempt++) {
    assert.throws(() => loadParsedTrace(path, COLUMNS, cache), (error: unknown) => {
      assert.ok(error instanceof DataFileError);
      assert.match(error.message, /jobs\.csv:3: column t is not a plain decimal number/);
      return true;
    });
  }
  assert.deepEqual(entries(cache), []);
  assert.throws(() => loadParsedTrace(`${path}.missing`, COLUMNS, cache), /file not found/);
});

Deno.test("parsed cache: a folder that cannot be written, or none, still gives the parse", () => {
  const text = "t,d,who\n1,2,x\n";
  const path = tempFile("jobs.csv", text);
  const notAFolder = tempFile("plain-file", "x");
  for (const cache of [notAFolder, null]) {
    const result = loadParsedTrace(path, COLUMNS, cache);
    assert.equal(result.fromCache, false);
    assertSameFrame(result.frame, parseCsv(path, text, COLUMNS));
  }
});

Deno.test("parsed cache: any numeric/string table survives the cache unchanged", () => {
  const number = fc.oneof(
    fc.integer({ min: -1e9, max: 1e9 }).map(String),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(String).filter((s) => !s.includes("e")),
  );
  const row = fc.tuple(
    number,
    fc.option(number),
    fc.option(fc.stringMatching(/^[a-z0-9 ._-]{1,8}$/)),
  );
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
      const text = `t,d,who\n${rows.map(([t, d, w]) => `${t},${d ?? ""},${w ?? ""}`).join("\n")}\n`;
      const path = tempFile("jobs.csv", text);
      const cache = Deno.makeTempDirSync({ prefix: "parsed-cache-" });
      loadParsedTrace(path, COLUMNS, cache);
      const hit = loadParsedTrace(path, COLUMNS, cache);
      assert.equal(hit.fromCache, true);
      assertSameFrame(hit.frame, parseCsv(path, text, COLUMNS));
    }),
    { seed: 12, numRuns: 40 },
  );
});

Deno.test("parsed cache folder: TOOLKIT_TRACE_CACHE_DIR, `off`, else .cache/traces in the repository", async () => {
  const folderIn = async (value: string | undefined) => {
    const env = { ...Deno.env.toObject() };
    delete env.TOOLKIT_TRACE_CACHE_DIR;
    if (value !== undefined) env.TOOLKIT_TRACE_CACHE_DIR = value;
    const code = `import { traceCacheDir } from "${
      new URL("../../lib/traces/parsed_cache.ts", import.meta.url).href
    }"; console.log(JSON.stringify(traceCacheDir()));`;
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["eval", code],
      env,
      clearEnv: true,
    }).output();
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    return JSON.parse(new TextDecoder().decode(output.stdout));
  };
  assert.equal(await folderIn("/tmp/somewhere"), "/tmp/somewhere");
  assert.equal(await folderIn("off"), null);
  assert.equal(
    await folderIn(undefined),
    new URL("../../.cache/traces", import.meta.url).pathname,
  );
  assert.equal(typeof traceCacheDir(), "string");
});
