/**
 * The last step of `deno task test`: runs the given test files in one `deno test -A` process and
 * every other test of the project (`deno test -A --ignore=…`) in a second one, at the same time,
 * so that the suite's longest file (the end-to-end report test, whose notebooks wait on Jupyter
 * kernels and Chromium for much of its time) no longer adds its whole length to the serial run.
 * Together the two processes run exactly the tests `deno test -A` runs. Each line of output is
 * prefixed with its process (`[beside]` or `[rest]`); the exit code is non-zero if either fails.
 *
 * Two processes rather than `deno test --parallel`: several tests set `TRACE_DIR` in
 * `Deno.env`, which is process-wide, so test files sharing a process must not run at once.
 *
 * @example
 * ```sh
 * deno run -A tools/test_beside.ts tests/notebook/report_test.ts
 * ```
 *
 * @module
 */

/** The two `deno test` argument lists: the given files, and everything else. */
export function testCommands(files: readonly string[]): { beside: string[]; rest: string[] } {
  if (files.length === 0) throw new Error("test_beside: name at least one test file");
  return { beside: ["test", "-A", ...files], rest: ["test", "-A", `--ignore=${files.join(",")}`] };
}

/** Copies `stream` to stdout line by line, each line prefixed with `label`. */
async function relay(stream: ReadableStream<Uint8Array>, label: string): Promise<void> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let pending = "";
  for await (const bytes of stream) {
    const lines = (pending + decoder.decode(bytes, { stream: true })).split("\n");
    pending = lines.pop()!;
    for (const line of lines) await Deno.stdout.write(encoder.encode(`[${label}] ${line}\n`));
  }
  if (pending) await Deno.stdout.write(encoder.encode(`[${label}] ${pending}\n`));
}

/** Runs `deno` with `args`, relaying its output under `label`; resolves to its exit code. */
async function run(args: string[], label: string): Promise<number> {
  const child = new Deno.Command(Deno.execPath(), { args, stdout: "piped", stderr: "piped" })
    .spawn();
  const [status] = await Promise.all([
    child.status,
    relay(child.stdout, label),
    relay(child.stderr, label),
  ]);
  return status.code;
}

if (import.meta.main) {
  const { beside, rest } = testCommands(Deno.args);
  const started = performance.now();
  const [besideCode, restCode] = await Promise.all([run(beside, "beside"), run(rest, "rest")]);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `test_beside: ${
      Deno.args.join(" ")
    } exit ${besideCode}, the rest exit ${restCode} (${seconds} s)`,
  );
  Deno.exit(besideCode !== 0 ? besideCode : restCode);
}
