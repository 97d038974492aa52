import assert from "node:assert/strict";
import { assertLedgerIsSnapshot, assertMatchesUnsharded, sweepCli } from "./sharded_run.ts";
import { ppmFigureUnits } from "../../lib/sweep/units_ppm_figures.ts";
import { shardIndices } from "../../lib/sweep/shard.ts";

const INSTANCES = 1;
const units = ppmFigureUnits({ mode: "quick", seed: 1 }, INSTANCES).length;

// The CI version of the Slurm test (tests/slurm/slurm.ts, `deno task test:slurm`): notebook 01's
// Section 6 figure sweeps (quick mode, 1 instance per point) in 2 shards run as 2 concurrent
// processes, merged, against the library's unsharded sweeps.
Deno.test("two shards of the PPM figure sweeps merge into the unsharded sweeps", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const common = [
      "--paper",
      "ppm-figures",
      "--out",
      dir,
      "--mode",
      "quick",
      "--seed",
      "1",
      "--jobs",
      "1",
      "--instances",
      String(INSTANCES),
    ];
    const shards = await Promise.all(
      [0, 1].map((index) => sweepCli(["sweep", ...common, "--shard", `${index}/2`])),
    );
    for (const [index, { code, stderr }] of shards.entries()) {
      assert.equal(code, 0, stderr);
      const mine = shardIndices(units, { index, count: 2 }).length;
      const line = (text: string) => new RegExp(`ppm-figures shard ${index}/2: ${text}`);
      assert.match(stderr, line(`0/${mine} units \\(0%\\) · 0 s elapsed · time left unknown`));
      assert.match(stderr, line(`${mine}/${mine} units \\(100%\\) · \\d+ s elapsed · done`));
    }
    const merge = await sweepCli(["merge", dir, "--paper", "ppm-figures"]);
    assert.equal(merge.code, 0, merge.stderr);
    await assertMatchesUnsharded(dir, { mode: "quick", seed: 1 }, INSTANCES);
    const sweeps = JSON.parse(Deno.readTextFileSync(`${dir}/ppm-figures-sweeps.json`));
    assert.deepEqual(Object.keys(sweeps.sweeps), ["ue", "ee", "fig6", "fig7"]);
    assert.ok(!JSON.stringify(sweeps).includes("seconds"), "no wall time in the merged sweeps");

    // A missing shard is named, and nothing is written.
    assert.throws(() => Deno.statSync(`${dir}/ppm-figures-ledger.json`), Deno.errors.NotFound);
    await Deno.remove(`${dir}/ppm-figures-shard-1-of-2.json`);
    await Deno.remove(`${dir}/ppm-figures-sweeps.json`);
    const incomplete = await sweepCli(["merge", dir, "--paper", "ppm-figures"]);
    assert.equal(incomplete.code, 1);
    assert.match(
      incomplete.stderr,
      /missing 1 of 2 shards: 1 \(ppm-figures-shard-1-of-2\.json\)/,
    );
    assert.throws(() => Deno.statSync(`${dir}/ppm-figures-sweeps.json`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// Item 4 of issue 12: the ledger of merged shards is the unsharded ledger. The PPM ledger's units
// (quick mode, the ledger's own sizes) in 2 shards as 2 processes; `merge` primes the memos with
// the merged sweeps and evaluates PPM's claims, which must equal the committed snapshot (computed
// in one process, without units) bit for bit.
Deno.test("two shards of the PPM ledger units merge into the unsharded PPM ledger", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const common = [
      "--paper",
      "ppm",
      "--out",
      dir,
      "--mode",
      "quick",
      "--seed",
      "1",
      "--jobs",
      "1",
    ];
    const shards = await Promise.all(
      [0, 1].map((index) => sweepCli(["sweep", ...common, "--shard", `${index}/2`])),
    );
    for (const { code, stderr } of shards) assert.equal(code, 0, stderr);
    const merge = await sweepCli(["merge", dir]);
    assert.equal(merge.code, 0, merge.stderr);
    assert.match(merge.stderr, /wrote ppm-ledger\.json \(39 claims from the merged sweeps\)/);
    assertLedgerIsSnapshot(JSON.parse(Deno.readTextFileSync(`${dir}/ppm-ledger.json`)), "ppm");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the sweep CLI names bad options and exits 2", async () => {
  const cases: [string[], RegExp][] = [
    [["sweep", "--paper", "ppm", "--out", "x", "--jobs", "0"], /--jobs = 0 is invalid/],
    [["sweep", "--paper", "ppm", "--out", "x", "--jobs", "two"], /--jobs = NaN is invalid/],
    [["sweep", "--paper", "ppm", "--out", "x", "--shard", "4/4"], /--shard = "4\/4" is invalid/],
    [
      // aeria has an adapter now (units_aeria.ts); stackelberg has none.
      ["sweep", "--paper", "stackelberg", "--out", "x"],
      /--paper = "stackelberg" is invalid: expected one of ppm, ppm-figures, ppm-load, pdftsp, aeria/,
    ],
    [["sweep", "--paper", "ppm"], /--out/],
    [["merge"], /DIR/],
    [["frobnicate"], /usage: deno task sweep/],
  ];
  for (const [args, message] of cases) {
    const { code, stderr } = await sweepCli(args);
    assert.equal(code, 2, `${args.join(" ")}: ${stderr}`);
    assert.match(stderr, message);
  }
  const help = await sweepCli(["sweep", "--help"]);
  assert.equal(help.code, 0);
});
