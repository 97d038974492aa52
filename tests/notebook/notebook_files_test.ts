/**
 * Conventions every notebook in notebooks/ follows, so that adding a notebook is adding a file:
 * stored without outputs, the project kernel, cell ids, parameters read through core.runParams(),
 * and a claims ledger displayed at the end (which feeds the report index).
 */
import assert from "node:assert/strict";
import { basename } from "node:path";
import { listNotebooks } from "../../lib/notebook/report.ts";
import { KERNEL_NAME } from "../../lib/notebook/paths.ts";

interface Cell {
  cell_type: string;
  id?: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

const text = (cell: Cell) => Array.isArray(cell.source) ? cell.source.join("") : cell.source;

for (const path of await listNotebooks()) {
  Deno.test(`${basename(path)} follows the notebook conventions`, async () => {
    const notebook = JSON.parse(await Deno.readTextFile(path)) as {
      nbformat: number;
      metadata: { kernelspec?: { name?: string } };
      cells: Cell[];
    };
    assert.equal(notebook.nbformat, 4);
    assert.equal(notebook.metadata.kernelspec?.name, KERNEL_NAME);
    assert.match(basename(path), /^\d\d_[a-z0-9_]+\.ipynb$/);
    const ids = notebook.cells.map((cell) => cell.id);
    assert.ok(ids.every((id) => typeof id === "string" && id.length > 0), "every cell has an id");
    assert.equal(new Set(ids).size, ids.length, "cell ids are unique");
    const code = notebook.cells.filter((cell) => cell.cell_type === "code");
    for (const cell of code) {
      assert.deepEqual(cell.outputs, [], `cell ${cell.id} is stored without outputs`);
      assert.equal(cell.execution_count, null, `cell ${cell.id} has no execution count`);
    }
    assert.equal(notebook.cells[0]?.cell_type, "markdown");
    assert.match(text(notebook.cells[0]!), /^# /, "the first cell is the title");
    assert.match(text(code[0]!), /from "\.\.\/lib\/mod\.ts"/);
    assert.match(text(code[0]!), /core\.runParams\(\)/);
    assert.match(text(code.at(-1)!), /claimsTable\(/, "the last code cell shows the claims ledger");
  });
}
