import assert from "node:assert/strict";
import { executeNotebook, NotebookExecutionError } from "../../lib/notebook/execute.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;
const RUNS = 20;

interface Output {
  output_type: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
}

const join = (text: string | string[] | undefined) =>
  Array.isArray(text) ? text.join("") : text ?? "";

/** The exact outputs each code cell of output_heavy.ipynb must produce. */
function expectedOutputs(cell: number, seed: number): string[] {
  if (cell === 0) return [`stdout:mode=quick seed=${seed}\n`];
  const number = cell + 1;
  return [
    `stdout:cell ${number} stdout\n`,
    ...Array.from({ length: 5 }, (_, i) => `display:cell ${number} display ${i}`),
    `result:<div class="toolkit-note"><p>cell ${number} result</p></div>`,
  ];
}

function describe(output: Output): string {
  if (output.output_type === "stream") return `stdout:${join(output.text)}`;
  if (output.output_type === "display_data") return `display:${join(output.data?.["text/plain"])}`;
  return `result:${join(output.data?.["text/html"])}`;
}

// Two executions at a time (each in its own output directory): the same 20 runs and checks in
// about half the wall time, with the two kernels competing for the cores, which makes a late
// output message more likely than running them one by one.
const LANES = 2;

Deno.test(`${RUNS} executions of an output-heavy notebook lose no output`, async () => {
  const outputDir = await Deno.makeTempDir({ prefix: "heavy-" });
  let lost = 0;
  const execute = async (run: number) => {
    const result = await executeNotebook(`${FIXTURES}output_heavy.ipynb`, {
      outputDir: `${outputDir}/lane-${run % LANES}`,
      params: { mode: "quick", seed: run },
      timeoutSeconds: 120,
    });
    const notebook = JSON.parse(await Deno.readTextFile(result.executedPath)) as {
      cells: { cell_type: string; outputs?: Output[] }[];
    };
    const codeCells = notebook.cells.filter((cell) => cell.cell_type === "code");
    codeCells.forEach((cell, index) => {
      const got = (cell.outputs ?? []).map(describe).sort();
      const want = expectedOutputs(index, run).sort();
      lost += Math.max(0, want.length - got.length);
      assert.deepEqual(got, want, `run ${run}, code cell ${index}`);
    });
  };
  await Promise.all(Array.from({ length: LANES }, async (_, lane) => {
    for (let run = lane; run < RUNS; run += LANES) await execute(run);
  }));
  assert.equal(lost, 0);
  await Deno.remove(outputDir, { recursive: true });
});

Deno.test("a progress bar is one output updated in place, ending at 100%", async () => {
  const outputDir = await Deno.makeTempDir({ prefix: "progress-" });
  const result = await executeNotebook(`${FIXTURES}progress_bar.ipynb`, {
    outputDir,
    params: { mode: "quick", seed: 1 },
    timeoutSeconds: 120,
  });
  const notebook = JSON.parse(await Deno.readTextFile(result.executedPath)) as {
    cells: { outputs: Output[] }[];
  };
  const outputs = notebook.cells[0]!.outputs;
  assert.equal(outputs.length, 1);
  assert.match(join(outputs[0]!.data?.["text/plain"]), /^sweep: 4\/4 \(100%\) [\d.]+ s — done$/);
  assert.match(join(outputs[0]!.data?.["text/html"]), /<progress value="4" max="4">/);
});

Deno.test("a failing cell is reported with notebook, cell index and error", async () => {
  const outputDir = await Deno.makeTempDir({ prefix: "fail-" });
  await assert.rejects(
    () =>
      executeNotebook(`${FIXTURES}failing_cell.ipynb`, {
        outputDir,
        params: { mode: "quick", seed: 1 },
        timeoutSeconds: 120,
      }),
    (error: unknown) => {
      assert.ok(error instanceof NotebookExecutionError);
      assert.equal(error.failure?.cell, 1);
      assert.equal(error.failure?.id, "c1");
      assert.match(error.message, /failing_cell\.ipynb: cell 1 \(id c1\) failed: RangeError/);
      assert.match(error.message, /deliberate failure in cell two/);
      return true;
    },
  );
});

/** Runs a fixture expected to fail; returns the error and when it arrived (epoch ms). */
async function failingRun(
  fixture: string,
  limits: { timeoutSeconds: number; cellTimeoutSeconds?: number },
): Promise<{ error: NotebookExecutionError; at: number; outputDir: string }> {
  const outputDir = await Deno.makeTempDir({ prefix: "liveness-" });
  try {
    await executeNotebook(`${FIXTURES}${fixture}`, {
      outputDir,
      params: { mode: "quick", seed: 1 },
      ...limits,
    });
  } catch (error) {
    assert.ok(error instanceof NotebookExecutionError, String(error));
    return { error, at: Date.now(), outputDir };
  }
  throw new Error(`${fixture} did not fail`);
}

/** Outputs of the partial executed notebook, as text per code cell. */
async function partialOutputs(error: NotebookExecutionError): Promise<string[]> {
  assert.ok(error.partial, "no partial executed notebook");
  const notebook = JSON.parse(await Deno.readTextFile(error.partial.executedPath)) as {
    cells: { outputs?: Output[] }[];
  };
  return notebook.cells.map((cell) => (cell.outputs ?? []).map((o) => join(o.text)).join(""));
}

/** Epoch milliseconds cell 0 of the liveness fixtures printed just before the faulty cell. */
function eventTime(outputs: string[]): number {
  const stamp = outputs[0]?.match(/^before (\d+)/);
  assert.ok(stamp, `cell 0 output lost: ${outputs[0]}`);
  return Number(stamp[1]);
}

Deno.test("a kernel that exits is caught within 5 s, names its cell and keeps earlier outputs", async () => {
  const { error, at, outputDir } = await failingRun("kernel_exit.ipynb", { timeoutSeconds: 120 });
  assert.equal(error.failure?.cell, 1);
  assert.equal(error.failure?.ename, "KernelDied");
  assert.match(error.message, /kernel_exit\.ipynb: cell 1 \(id c1\) failed: KernelDied: .*code 3/);
  const outputs = await partialOutputs(error);
  const late = (at - eventTime(outputs)) / 1000;
  assert.ok(late < 5, `the dead kernel was noticed ${late.toFixed(1)} s after the exit`);
  assert.equal(outputs[2], "");
  const kernelPid = Number(await Deno.readTextFile(`${outputDir}/kernel_exit.kernel.pid`));
  assert.ok(await gone(kernelPid));
});

Deno.test("a busy loop fails at the per-cell limit, names its cell and keeps earlier outputs", async () => {
  const { error, at, outputDir } = await failingRun("busy_loop.ipynb", {
    timeoutSeconds: 120,
    cellTimeoutSeconds: 3,
  });
  assert.equal(error.failure?.cell, 1);
  assert.match(error.message, /busy_loop\.ipynb: cell 1 \(id c1\) failed: CellTimeout: .*3 s/);
  const outputs = await partialOutputs(error);
  assert.match(outputs[1]!, /^spinning/, "the failing cell's own output is kept");
  const late = (at - eventTime(outputs)) / 1000 - 3;
  assert.ok(late < 5, `the busy loop was stopped ${late.toFixed(1)} s after its cell limit`);
  const kernelPid = Number(await Deno.readTextFile(`${outputDir}/busy_loop.kernel.pid`));
  assert.ok(await gone(kernelPid), `kernel ${kernelPid} is still running`);
});

Deno.test("the per-cell limit defaults below the hard limit, so a hanging await names its cell", async () => {
  const started = performance.now();
  const { error, outputDir } = await failingRun("hanging_cell.ipynb", { timeoutSeconds: 20 });
  assert.equal(error.failure?.ename, "CellTimeout");
  assert.match(error.message, /hanging_cell\.ipynb: cell 1 \(id c1\) failed: CellTimeout: .* 10 s/);
  assert.ok((performance.now() - started) / 1000 < 20);
  assert.equal((await partialOutputs(error)).length, 2);
  const kernelPid = Number(await Deno.readTextFile(`${outputDir}/hanging_cell.kernel.pid`));
  assert.ok(await gone(kernelPid), `kernel ${kernelPid} is still running`);
});

Deno.test("the hard timeout kills client and kernel, names the running cell, keeps outputs", async () => {
  const { error, outputDir } = await failingRun("busy_loop.ipynb", {
    timeoutSeconds: 8,
    cellTimeoutSeconds: 60,
  });
  assert.equal(error.failure?.cell, 1);
  assert.match(error.message, /busy_loop\.ipynb: cell 1 \(id c1\) failed: HardTimeout: .* 8 s/);
  eventTime(await partialOutputs(error)); // the checkpoint after cell 0 survived the kill
  const kernelPid = Number(await Deno.readTextFile(`${outputDir}/busy_loop.kernel.pid`));
  assert.ok(await gone(kernelPid), `kernel ${kernelPid} is still running`);
});

/** Whether a process has exited (absent, or a zombie awaiting its reaper) within two seconds. */
async function gone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const status = await Deno.readTextFile(`/proc/${pid}/status`);
      if (/^State:\s+Z/m.test(status)) return true;
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
