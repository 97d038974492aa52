import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./entry_points.ts";

Deno.test("a script outside the repository imports the package with the repository's config", async () => {
  const dir = await Deno.makeTempDir({ prefix: "outside-" });
  try {
    const script = join(dir, "script.ts");
    const entry = pathToFileURL(join(REPO_ROOT, "lib/mod.ts")).href;
    await Deno.writeTextFile(
      script,
      `import { hardware, PAPERS } from "${entry}";\n` +
        `console.log(JSON.stringify([hardware.getHardware("t4").name, PAPERS]));\n`,
    );
    const run = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", join(REPO_ROOT, "deno.json"), script],
      cwd: dir,
      env: { NO_COLOR: "1" },
    }).output();
    const stderr = new TextDecoder().decode(run.stderr);
    assert.equal(run.code, 0, stderr);
    const [name, papers] = JSON.parse(new TextDecoder().decode(run.stdout));
    assert.equal(name, "NVIDIA T4 16GB");
    assert.deepEqual(papers, ["ppm", "aeria", "pdftsp", "stackelberg"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
