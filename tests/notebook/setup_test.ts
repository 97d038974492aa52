import assert from "node:assert/strict";
import {
  aptInstall,
  ensureKernel,
  HEADLESS_PACKAGES,
  SetupError,
} from "../../lib/notebook/setup.ts";
import { JUPYTER_DIR, KERNEL_NAME } from "../../lib/notebook/paths.ts";

Deno.test("without root, missing Jupyter packages are named with the command to install them", async () => {
  await assert.rejects(
    () => aptInstall(HEADLESS_PACKAGES, "Jupyter", false),
    (error: unknown) => {
      assert.ok(error instanceof SetupError);
      assert.equal(
        error.message,
        "Jupyter needs the Debian packages python3-nbclient, jupyter-nbconvert, jupyter-client. " +
          "Install them with: sudo apt-get install -y python3-nbclient jupyter-nbconvert jupyter-client",
      );
      return true;
    },
  );
});

Deno.test("the kernelspec lives in the project, points at a stable deno and disables colour", async () => {
  const dir = await ensureKernel();
  assert.equal(dir, `${JUPYTER_DIR}/kernels/${KERNEL_NAME}`);
  const spec = JSON.parse(await Deno.readTextFile(`${dir}/kernel.json`)) as {
    argv: string[];
    env: Record<string, string>;
    interrupt_mode: string;
  };
  assert.equal(spec.argv[0], `${JUPYTER_DIR}/bin/deno`);
  assert.deepEqual(spec.argv.slice(1), ["jupyter", "--kernel", "--conn", "{connection_file}"]);
  assert.equal(spec.env.NO_COLOR, "1");
  assert.equal(spec.interrupt_mode, "message");
  const version = await new Deno.Command(spec.argv[0]!, { args: ["--version"] }).output();
  assert.match(new TextDecoder().decode(version.stdout), new RegExp(`^deno ${Deno.version.deno} `));
});
