/**
 * `buildReport` with the execution cache, on three small generated notebooks (two "papers" that
 * sleep, an "overview" that reads the others): the first build runs every kernel, with `jobs: 2`
 * both papers start before either finishes and the overview starts after both; a sweep shows its
 * progress bar in the heartbeat lines; the second build runs no kernel and the index says
 * "cached" with the original time; `force` and an edited notebook run again; a build with another
 * seed runs again and leaves the first seed's entries in the cache.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildReport } from "../../lib/notebook/report.ts";
import { REPO_ROOT } from "../../lib/notebook/paths.ts";

const LIB = new URL("../../lib/mod.ts", import.meta.url).href;

function notebook(code: string, metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "deno-toolkit", display_name: "Deno (toolkit)", language: "typescript" },
      ...metadata,
    },
    cells: [
      { cell_type: "markdown", id: "m", metadata: {}, source: "# Scratch" },
      {
        cell_type: "code",
        id: "c",
        metadata: {},
        execution_count: null,
        outputs: [],
        source: code,
      },
    ],
  });
}

const SWEEP = `import { core } from "${LIB}";
const bar = core.progress("scratch sweep", 8);
for (let i = 0; i < 8; i++) { await new Promise((r) => setTimeout(r, 400)); bar.tick(); }
bar.done();`;

/** Kernel logs in a site's `executed/` folder: one per notebook whose kernel started. */
async function kernelLogs(site: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(join(site, "executed"))) {
    if (entry.name.endsWith(".kernel.log")) names.push(entry.name);
  }
  return names.sort();
}

Deno.test("the second build runs no kernel; force and edits run again", async () => {
  // Inside the repository, so the kernel finds deno.json (its import map) above the notebooks.
  await Deno.mkdir(join(REPO_ROOT, ".cache"), { recursive: true });
  const dir = await Deno.makeTempDir({ dir: join(REPO_ROOT, ".cache"), prefix: "report-cache-" });
  try {
    const folder = join(dir, "notebooks");
    await Deno.mkdir(folder);
    const paths = {
      overview: join(folder, "00_overview.ipynb"),
      a: join(folder, "01_a.ipynb"),
      b: join(folder, "02_b.ipynb"),
    };
    await Deno.writeTextFile(
      paths.overview,
      notebook(`"overview"`, { toolkit: { readsOtherNotebooks: true } }),
    );
    await Deno.writeTextFile(paths.a, notebook(SWEEP));
    await Deno.writeTextFile(paths.b, notebook(`await new Promise((r) => setTimeout(r, 2000));`));
    const site = join(dir, "site");
    const cacheDir = join(dir, "cache");
    const build = async (extra: { force?: boolean; seed?: number } = {}) => {
      const lines: string[] = [];
      const report = await buildReport({
        params: { mode: "quick", seed: extra.seed ?? 1 },
        notebooks: [paths.overview, paths.a, paths.b],
        outDir: site,
        cacheDir,
        jobs: 2,
        heartbeatSeconds: 1,
        log: (line) => lines.push(line),
        ...extra,
      });
      assert.deepEqual(report.failures, []);
      return { report, lines };
    };

    const first = await build();
    assert.deepEqual(await kernelLogs(site), [
      "00_overview.kernel.log",
      "01_a.kernel.log",
      "02_b.kernel.log",
    ]);
    const at = (pattern: RegExp) => first.lines.findIndex((line) => pattern.test(line));
    const firstDone = Math.min(at(/01_a ok in/), at(/02_b ok in/));
    assert.ok(at(/01_a started/) < firstDone && at(/02_b started/) < firstDone, "both ran at once");
    assert.ok(at(/00_overview started/) > Math.max(at(/01_a ok in/), at(/02_b ok in/)));
    assert.ok(
      first.lines.some((line) =>
        /01_a running \d+ s · code cell 1\/1 · scratch sweep: \d\/8/.test(line)
      ),
      first.lines.join("\n"),
    );
    assert.ok(first.report.entries.every((entry) => !entry.cachedFrom));

    const second = await build();
    assert.deepEqual(await kernelLogs(site), [], "no kernel started");
    assert.ok(second.lines.every((line) => !/started/.test(line)), second.lines.join("\n"));
    for (const entry of second.report.entries) {
      const original = first.report.entries.find((row) => row.name === entry.name)!;
      assert.ok(entry.cachedFrom, `${entry.name} is cached`);
      assert.equal(entry.seconds, original.seconds, "the original run time is shown");
    }
    const index = await Deno.readTextFile(join(site, "index.html"));
    assert.equal(index.match(/cached, ran \d{4}-\d\d-\d\d \d\d:\d\d UTC/g)?.length, 3);
    await Deno.stat(join(site, "executed", "01_a.ipynb")); // the download link still resolves
    const page = await Deno.readTextFile(join(site, "01_a.html"));
    assert.match(page, /s on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(cached\)/);

    await Deno.writeTextFile(paths.b, notebook(`"edited"`));
    const edited = await build();
    // b changed, so the overview (which reads b) runs too; a stays cached.
    assert.deepEqual(await kernelLogs(site), ["00_overview.kernel.log", "02_b.kernel.log"]);
    assert.ok(edited.lines.some((line) => /02_b started .* changed: notebook$/.test(line)));
    assert.ok(
      edited.lines.some((line) => /00_overview started .* changed: notebooks it reads$/.test(line)),
    );

    await build({ force: true });
    assert.equal((await kernelLogs(site)).length, 3, "force runs every notebook");

    await build({ seed: 2 });
    assert.equal((await kernelLogs(site)).length, 3, "another seed is not the same run");
    await build();
    assert.deepEqual(await kernelLogs(site), [], "seed 1's entries survived the seed-2 build");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
