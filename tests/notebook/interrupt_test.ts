/**
 * Interrupting a report: whatever signal ends the runner, its Jupyter client and kernel end too,
 * and the site in place stays the previous, whole one. Also: merged re-runs keep the other
 * notebooks' rows and drop a newly failing notebook's old page.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildReport } from "../../lib/notebook/report.ts";

const CLI = new URL("../../lib/notebook/cli.ts", import.meta.url).pathname;
const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

/** Pids whose command line mentions `text` (the Jupyter client's request names the build folder). */
async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name) || Number(entry.name) === Deno.pid) continue;
    try {
      const cmdline = await Deno.readTextFile(`/proc/${entry.name}/cmdline`);
      if (cmdline.includes(text) && !(await isZombie(Number(entry.name)))) {
        pids.push(Number(entry.name));
      }
    } catch {
      // exited while listing
    }
  }
  return pids;
}

async function isZombie(pid: number): Promise<boolean> {
  try {
    return /^State:\s+Z/m.test(await Deno.readTextFile(`/proc/${pid}/status`));
  } catch {
    return true;
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const signal of ["SIGKILL", "SIGTERM", "SIGINT"] as const) {
  Deno.test(`a report killed by ${signal} leaves no orphan and the previous site whole`, async () => {
    const root = await Deno.makeTempDir({ prefix: "interrupt-" });
    const site = join(root, "site");
    await Deno.mkdir(site);
    await Deno.writeTextFile(join(site, "index.html"), "previous site");
    const runner = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", CLI, "nb", `${FIXTURES}hanging_cell.ipynb`, "--out", site],
      stdout: "null",
      stderr: "null",
    }).spawn();
    const building = `${site}.building-${runner.pid}`;
    const progress = join(building, "executed", "hanging_cell.progress.json");
    await waitFor("the hanging cell to start", async () => {
      const text = await Deno.readTextFile(progress).catch(() => "");
      return text.includes('"cell": 1') ? true : null;
    }, 120);
    const kernel = Number(
      await Deno.readTextFile(join(building, "executed/hanging_cell.kernel.pid")),
    );
    const clients = await processesMentioning(building);
    assert.ok(clients.length >= 1, "the Jupyter client was not found");
    runner.kill(signal);
    await runner.status;
    const alive = async () =>
      [...new Set([...clients, ...await processesMentioning(building), kernel])].filter((pid) =>
        !isZombieSync(pid)
      );
    const survivors = await waitFor("client and kernel to end", async () => {
      const left = await alive();
      return left.length === 0 ? left : null;
    }, 5).catch(alive);
    assert.deepEqual(survivors, [], `orphans after ${signal}`);
    assert.equal(await Deno.readTextFile(join(site, "index.html")), "previous site");
    await Deno.remove(root, { recursive: true });
  });
}

function isZombieSync(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(Deno.readTextFileSync(`/proc/${pid}/status`));
  } catch {
    return true;
  }
}

/** A one-cell notebook for the project kernel. */
function notebookOf(source: string): string {
  const cell = { cell_type: "code", id: "c0", metadata: {}, execution_count: null, outputs: [] };
  return JSON.stringify({
    cells: [{ cell_type: "markdown", id: "m0", metadata: {}, source: "# Fixture" }, {
      ...cell,
      source,
    }],
    metadata: {
      kernelspec: { name: "deno-toolkit", display_name: "Deno", language: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

Deno.test("a merged re-run keeps other rows and removes a newly failing notebook's page", async () => {
  const root = await Deno.makeTempDir({ prefix: "merge-" });
  const notebooks = join(root, "notebooks");
  await Deno.mkdir(notebooks);
  const site = join(root, "site");
  const flaky = join(notebooks, "a_flaky.ipynb");
  const steady = join(notebooks, "b_steady.ipynb");
  await Deno.writeTextFile(flaky, notebookOf('console.log("fine");'));
  await Deno.writeTextFile(steady, notebookOf('console.log("fine");'));
  const params = { mode: "quick", seed: 1 } as const;
  // Its own execution cache: the developer's .cache/notebooks is neither read nor written.
  const quiet = { log: () => {}, timeoutSeconds: 120, cacheDir: join(root, "cache") };
  const first = await buildReport({ params, outDir: site, notebooks: [flaky, steady], ...quiet });
  assert.deepEqual(first.failures, []);
  await Deno.stat(join(site, "a_flaky.html"));

  await Deno.writeTextFile(flaky, notebookOf('throw new Error("now failing");'));
  const second = await buildReport({
    params,
    outDir: site,
    notebooks: [flaky],
    mergeIndex: true,
    ...quiet,
  });
  assert.equal(second.failures.length, 1);
  const index = JSON.parse(await Deno.readTextFile(join(site, "report.json"))) as {
    entries: { name: string; status: string }[];
  };
  assert.deepEqual(index.entries.map((e) => [e.name, e.status]), [
    ["a_flaky", "failed"],
    ["b_steady", "ok"],
  ]);
  await assert.rejects(() => Deno.stat(join(site, "a_flaky.html")), Deno.errors.NotFound);
  await Deno.stat(join(site, "b_steady.html"));

  // Another seed: the old rows and pages were built from other data, so they are not merged.
  const reseeded = { ...params, seed: 2 };
  await buildReport({
    params: reseeded,
    outDir: site,
    notebooks: [steady],
    mergeIndex: true,
    ...quiet,
  });
  const reindexed = JSON.parse(await Deno.readTextFile(join(site, "report.json"))) as {
    entries: { name: string }[];
  };
  assert.deepEqual(reindexed.entries.map((e) => e.name), ["b_steady"]);
  for await (const entry of Deno.readDir(root)) {
    assert.ok(!entry.name.includes(".building-") && !entry.name.includes(".old-"), entry.name);
  }
  await Deno.remove(root, { recursive: true });
});
