import assert from "node:assert/strict";
import { deno, denoConfig } from "./entry_points.ts";

/** Every task that is a command line (the others run checks or builds and take no options). */
const CLI_TASKS = [
  "claims",
  "ledger",
  "report",
  "nb",
  "lab",
  "setup",
  "check",
  "sweep",
  "merge",
] as const;

Deno.test("every CLI task is described in deno.json", () => {
  const tasks = denoConfig().tasks;
  for (const name of CLI_TASKS) {
    assert.ok((tasks[name]?.description ?? "").length > 20, `task ${name} has no description`);
  }
});

for (const name of CLI_TASKS) {
  Deno.test(`deno task ${name} --help prints its usage first and exits 0`, async () => {
    const run = await deno(["task", "--quiet", name, "--help"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^usage:/);
    // The usage names the task as the user types it.
    const shown = name === "ledger" ? "deno task ledger" : `deno task ${name}`;
    assert.ok(run.stdout.includes(shown), `usage of ${name} does not mention "${shown}"`);
    assert.doesNotMatch(run.stderr, /error/i);
  });
}
