import assert from "node:assert/strict";

const CLI = new URL("../../lib/notebook/cli.ts", import.meta.url).pathname;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    env: { NO_COLOR: "1" },
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: run.code, stdout: decode(run.stdout), stderr: decode(run.stderr) };
}

Deno.test("bad options end with exit code 2 and one clear line, before any notebook runs", async () => {
  const mode = await cli("report", "--mode", "fast");
  assert.equal(mode.code, 2);
  assert.equal(
    mode.stderr.trim(),
    'error: parameter --mode = "fast" is invalid: expected one of quick, paper',
  );
  const timeout = await cli("report", "--timeout=-3");
  assert.equal(timeout.code, 2);
  assert.match(timeout.stderr, /parameter --timeout = -3 is invalid: expected --timeout > 0/);
  const seed = await cli("report", "--seed", "1.5");
  assert.match(seed.stderr, /parameter --seed = 1.5 is invalid/);
  const unknown = await cli("report", "--bogus");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown option '--bogus'[\s\S]*usage:/);
});

Deno.test("nb without a notebook and --only without a match are usage errors", async () => {
  const missing = await cli("nb");
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nb needs a notebook path/);
  const none = await cli("report", "--only", "no-such-notebook");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no notebook matches/);
});

Deno.test("help prints the usage and exits 0", async () => {
  const help = await cli("--help");
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage:\n {2}deno task report/);
});
