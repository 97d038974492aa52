import assert from "node:assert/strict";
import fc from "fast-check";
import { ParameterError } from "../../lib/core/errors.ts";
import {
  mergeShards,
  parseShard,
  SHARD_FORMAT,
  type ShardFile,
  shardFileName,
  shardIndices,
  ShardSetError,
} from "../../lib/sweep/shard.ts";
import { shardProgressLine, throttledProgress } from "../../lib/sweep/progress_line.ts";

Deno.test("parseShard reads i/N and names --shard on anything else", () => {
  assert.deepEqual(parseShard("3/64"), { index: 3, count: 64 });
  assert.deepEqual(parseShard("0/1"), { index: 0, count: 1 });
  for (const bad of ["64/64", "3", "-1/4", "1/0", "a/b", "1.5/4", "2/3/4", ""]) {
    assert.throws(
      () => parseShard(bad),
      (error: unknown) => error instanceof ParameterError && error.parameter === "--shard",
      bad,
    );
  }
});

Deno.test("the shards of any count partition the units", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 1, max: 80 }),
      (total, count) => {
        const all = Array.from(
          { length: count },
          (_, index) => shardIndices(total, { index, count }),
        )
          .flat()
          .sort((a, b) => a - b);
        assert.deepEqual(all, Array.from({ length: total }, (_, i) => i));
        const sizes = Array.from(
          { length: count },
          (_, index) => shardIndices(total, { index, count }).length,
        );
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, "balanced");
      },
    ),
    { seed: 12 },
  );
});

/** Shard files of a fake sweep whose unit i has result i². */
function shards(count: number, units: number, seed = 1): { path: string; file: ShardFile }[] {
  return Array.from({ length: count }, (_, index) => ({
    path: shardFileName("ppm", { index, count }),
    file: {
      format: SHARD_FORMAT,
      paper: "ppm",
      mode: "quick",
      seed,
      shard: { index, count },
      units,
      seconds: 1,
      results: shardIndices(units, { index, count }).map((unit) => ({ unit, result: unit ** 2 })),
    },
  }));
}

Deno.test("mergeShards puts results back in unit order whatever the file order", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 60 }),
      fc.infiniteStream(fc.nat()),
      (count, units, order) => {
        const files = shards(count, units);
        const shuffled = files.map((f) => ({ f, k: order.next().value })).sort((a, b) => a.k - b.k)
          .map(({ f }) => f);
        const { params, results } = mergeShards(shuffled);
        assert.deepEqual(results, Array.from({ length: units }, (_, i) => i ** 2));
        assert.deepEqual(params, { paper: "ppm", mode: "quick", seed: 1 });
      },
    ),
    { seed: 7 },
  );
});

Deno.test("mergeShards names missing shards and files that do not belong", () => {
  const files = shards(64, 200);
  assert.throws(
    () => mergeShards(files.filter(({ file }) => ![5, 17].includes(file.shard.index))),
    (error: unknown) => {
      assert.ok(error instanceof ShardSetError);
      assert.deepEqual(error.missing, [5, 17]);
      assert.match(
        error.message,
        /missing 2 of 64 shards: 5, 17 \(ppm-shard-5-of-64\.json, ppm-shard-17-of-64\.json\)/,
      );
      return true;
    },
  );
  const otherSeed = shards(2, 10, 2)[1]!;
  assert.throws(
    () => mergeShards([shards(2, 10)[0]!, otherSeed]),
    /ppm-shard-1-of-2\.json: seed differs/,
  );
  const twice = shards(2, 10);
  const extra = {
    ...twice[1]!,
    file: { ...twice[1]!.file, results: [...twice[1]!.file.results, { unit: 1, result: 1 }] },
  };
  assert.throws(() => mergeShards([twice[0]!, extra]), /unit 1 appears twice/);
  const stray = { ...twice[1]!, file: { ...twice[1]!.file, results: [{ unit: 2, result: 4 }] } };
  assert.throws(() => mergeShards([twice[0]!, stray]), /unit 2 does not belong to shard 1\/2/);
  const short = { ...twice[1]!, file: { ...twice[1]!.file, results: [] } };
  assert.throws(() => mergeShards([twice[0]!, short]), /unit 1 has no result/);
  assert.throws(() => mergeShards([]), ShardSetError);
});

Deno.test("shard progress lines estimate the time left from the rate so far", () => {
  assert.equal(
    shardProgressLine("ppm shard 3/64", 10, 40, 50),
    "ppm shard 3/64: 10/40 units (25%) · 50 s elapsed · about 2.5 min left",
  );
  assert.match(shardProgressLine("s", 0, 40, 0), /time left unknown$/);
  assert.match(shardProgressLine("s", 3, 5, 3 * 3600), /3\.0 h elapsed · about 2\.0 h left$/);
  assert.match(shardProgressLine("s", 4, 4, 90), /4\/4 units \(100%\) · 90 s elapsed · done$/);
});

Deno.test("throttled progress keeps the first and last lines and thins the rest by time", () => {
  const lines: string[] = [];
  const slow = throttledProgress((line) => lines.push(line), 1e9);
  ["a", "b", "c", "d"].forEach((line, done) => slow(line, done, 3));
  assert.deepEqual(lines, ["a", "d"]);
  lines.length = 0;
  const every = throttledProgress((line) => lines.push(line), 0);
  ["a", "b", "c", "d"].forEach((line, done) => every(line, done, 3));
  assert.deepEqual(lines, ["a", "b", "c", "d"]);
});
