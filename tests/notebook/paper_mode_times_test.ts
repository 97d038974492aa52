import assert from "node:assert/strict";
import { describePaperModeTime, readPaperModeTimes } from "../../lib/notebook/paper_mode_times.ts";
import { indexPage } from "../../lib/notebook/site.ts";
import { DataFileError } from "../../lib/core/errors.ts";

const notebooks = [...Deno.readDirSync(new URL("../../notebooks/", import.meta.url))]
  .filter((entry) => entry.name.endsWith(".ipynb"))
  .map((entry) => entry.name.replace(/\.ipynb$/, ""))
  .sort();

Deno.test("every notebook has a paper-mode time entry that says what it is", () => {
  const times = readPaperModeTimes();
  assert.deepEqual(Object.keys(times).sort(), notebooks);
  for (const [name, time] of Object.entries(times)) {
    assert.ok(["measured", "estimate", "not measured"].includes(time.basis), name);
    assert.equal(time.seconds === null, time.basis === "not measured", name);
    assert.match(time.date, /^\d{4}-\d{2}-\d{2}$/, name);
    assert.ok(time.note.length > 20, `${name} says how the time was obtained`);
  }
});

Deno.test("paper-mode times are worded with their basis and shown in the index", () => {
  const estimate = { seconds: 9000, basis: "estimate", date: "2026-12-03", note: "x" } as const;
  assert.equal(describePaperModeTime(estimate), "≈ 2.5 h (estimate, 2026-12-03)");
  assert.equal(
    describePaperModeTime({ ...estimate, seconds: 90, basis: "measured" }),
    "90 s (measured, 2026-12-03)",
  );
  assert.equal(
    describePaperModeTime({ ...estimate, seconds: null, basis: "not measured" }),
    "not measured",
  );
  assert.equal(describePaperModeTime(undefined), "not measured");
  const name = notebooks[1]!;
  const html = indexPage([{
    name,
    title: "T",
    status: "ok",
    seconds: 1,
    page: null,
    codePage: null,
    error: null,
    claims: null,
  }], { mode: "quick", seed: 1 });
  assert.match(html, /<th>Paper mode here<\/th>/);
  const expected = describePaperModeTime(readPaperModeTimes()[name]);
  assert.ok(html.includes(`<td>${expected}</td>`), html);
});

Deno.test("a malformed times file is a DataFileError naming the file", () => {
  const path = new URL(`file://${Deno.makeTempFileSync({ suffix: ".json" })}`);
  Deno.writeTextFileSync(path, "{}");
  assert.throws(() => readPaperModeTimes(path), DataFileError);
  Deno.writeTextFileSync(path, "not json");
  assert.throws(
    () => readPaperModeTimes(path),
    (e: unknown) => e instanceof DataFileError && e.message.includes(path.pathname),
  );
  Deno.removeSync(path);
});

Deno.test("a partial estimate is shown as a lower bound", () => {
  const partial = {
    seconds: 11500,
    basis: "estimate",
    date: "2026-12-03",
    note: "x",
    lowerBound: true,
  } as const;
  assert.equal(describePaperModeTime(partial), "≥ 3.2 h (estimate, 2026-12-03)");
});
