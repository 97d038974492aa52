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

Deno.test(`${RUNS} executions of an output-heavy notebook lose no output`, async () => {
  const outputDir = await Deno.makeTempDir({ prefix: "heavy-" });
  let lost = 0;
  for (let run = 0; run < RUNS; run++) {
    const result = await executeNotebook(`${FIXTURES}output_heavy.ipynb`, {
      outputDir,
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
  }
  assert.equal(lost, 0);
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

Deno.test("a hanging await is stopped by the hard timeout and its kernel is killed", async () => {
  const outputDir = await Deno.makeTempDir({ prefix: "hang-" });
  const started = performance.now();
  await assert.rejects(
    () =>
      executeNotebook(`${FIXTURES}hanging_cell.ipynb`, {
        outputDir,
        params: { mode: "quick", seed: 1 },
        timeoutSeconds: 20,
      }),
    /hanging_cell\.ipynb: exceeded the hard timeout of 20 s/,
  );
  assert.ok((performance.now() - started) / 1000 < 40);
  const kernelPid = Number(await Deno.readTextFile(`${outputDir}/hanging_cell.kernel.pid`));
  assert.ok(kernelPid > 0);
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
