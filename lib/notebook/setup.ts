/**
 * Installs what the notebook tooling needs on a fresh Debian machine and registers the project's
 * Deno kernel in the project-local Jupyter directory.
 *
 * - Jupyter's Python side comes from Debian (`python3-nbclient`, `jupyter-nbconvert`,
 *   `jupyter-client`; `jupyter-notebook` for `deno task lab`). As root they are installed with
 *   apt-get; otherwise a {@link SetupError} names the exact packages to install.
 * - `deno jupyter --install` writes into the user's home and points at whatever binary ran it (for
 *   npx, a path inside npm's cache), so the kernelspec is written here instead, with the running
 *   deno copied to `.jupyter/bin/` as a stable path, `NO_COLOR=1`, and message-mode interrupts.
 *
 * @example
 * ```ts
 * import { ensureJupyter, ensureKernel } from "./setup.ts";
 * const python = await ensureJupyter();
 * await ensureKernel();
 * ```
 *
 * @module
 */
import { JUPYTER_DIR, KERNEL_NAME } from "./paths.ts";

/** A required system component is missing and could not be installed. */
export class SetupError extends Error {
  override name = "SetupError";
}

/** Debian packages for headless execution and HTML export. */
export const HEADLESS_PACKAGES = ["python3-nbclient", "jupyter-nbconvert", "jupyter-client"];
/** Debian package for the interactive server. */
export const SERVER_PACKAGES = ["jupyter-notebook"];
/** Debian packages for the report's browser tests. */
export const BROWSER_PACKAGES = ["chromium"];

const PYTHON_CANDIDATES = ["/usr/bin/python3", "python3"];

/** Runs a command quietly; returns whether it exited 0. */
async function succeeds(command: string, args: string[]): Promise<boolean> {
  try {
    const { success } = await new Deno.Command(command, { args, stdout: "null", stderr: "null" })
      .output();
    return success;
  } catch {
    return false;
  }
}

/** First python3 that can import the given modules, or null. */
async function findPython(modules: string[]): Promise<string | null> {
  const explicit = Deno.env.get("TOOLKIT_PYTHON");
  for (const python of explicit ? [explicit] : PYTHON_CANDIDATES) {
    if (await succeeds(python, ["-c", `import ${modules.join(", ")}`])) return python;
  }
  return null;
}

let aptUpdated = false;

/**
 * Installs Debian packages when running as root, otherwise throws a {@link SetupError} that names
 * them.
 */
export async function aptInstall(
  packages: string[],
  purpose: string,
  isRoot = Deno.uid() === 0,
): Promise<void> {
  const command = `apt-get install -y ${packages.join(" ")}`;
  if (!isRoot) {
    throw new SetupError(
      `${purpose} needs the Debian packages ${
        packages.join(", ")
      }. Install them with: sudo ${command}`,
    );
  }
  console.error(`[setup] installing ${packages.join(", ")} for ${purpose} (apt-get)…`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    const update = await new Deno.Command("apt-get", { args: ["update", "-qq"], env }).output();
    if (!update.success) {
      throw new SetupError(`apt-get update failed: ${new TextDecoder().decode(update.stderr)}`);
    }
    aptUpdated = true;
  }
  const install = await new Deno.Command("apt-get", {
    args: ["install", "-y", "-qq", "--no-install-recommends", ...packages],
    env,
    stdout: "null",
  }).output();
  if (!install.success) {
    throw new SetupError(
      `${command} failed: ${new TextDecoder().decode(install.stderr).slice(-2000)}`,
    );
  }
}

/**
 * Makes sure a python3 with nbclient, nbconvert and jupyter_client is present. The answer is
 * remembered for the rest of the process, so running many notebooks checks once.
 *
 * @param server also require the Jupyter Notebook server (for `deno task lab`)
 * @returns the python3 executable to use
 * @throws {SetupError} when packages are missing and cannot be installed
 */
export function ensureJupyter(server = false): Promise<string> {
  let found = locatedPython.get(server);
  if (!found) {
    found = locatePython(server);
    // A failure is not remembered: the user may install the packages and try again.
    found.catch(() => locatedPython.delete(server));
    locatedPython.set(server, found);
  }
  return found;
}

const locatedPython = new Map<boolean, Promise<string>>();

async function locatePython(server: boolean): Promise<string> {
  const modules = ["nbclient", "nbconvert", "jupyter_client", "nbformat"];
  if (server) modules.push("notebook");
  let python = await findPython(modules);
  if (python) return python;
  const packages = server ? [...HEADLESS_PACKAGES, ...SERVER_PACKAGES] : HEADLESS_PACKAGES;
  await aptInstall(packages, "Jupyter");
  python = await findPython(modules);
  if (!python) {
    throw new SetupError(
      `installed ${packages.join(", ")} but no python3 can import ${modules.join(", ")}`,
    );
  }
  return python;
}

/** Path of a Chromium binary, installing Debian's `chromium` as root when missing. */
export async function ensureChromium(): Promise<string> {
  const candidates = [
    Deno.env.get("CHROMIUM_PATH"),
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  const find = async () => {
    for (const path of candidates) if (path && await succeeds(path, ["--version"])) return path;
    return null;
  };
  const found = await find();
  if (found) return found;
  await aptInstall(BROWSER_PACKAGES, "the report's browser tests");
  const installed = await find();
  if (!installed) throw new SetupError("chromium was installed but does not start");
  return installed;
}

/** Path of the stable deno copy the kernelspec points at. */
export const STABLE_DENO = `${JUPYTER_DIR}/bin/deno`;

/**
 * Writes the project's kernelspec to `.jupyter/kernels/deno-toolkit/kernel.json`, with a stable
 * copy of the running deno binary.
 *
 * @returns the kernelspec directory
 */
export async function ensureKernel(): Promise<string> {
  const running = Deno.execPath();
  await Deno.mkdir(`${JUPYTER_DIR}/bin`, { recursive: true });
  const runningSize = (await Deno.stat(running)).size;
  const copySize = await Deno.stat(STABLE_DENO).then((info) => info.size, () => -1);
  if (copySize !== runningSize && running !== STABLE_DENO) {
    // A name of its own: notebooks started at the same time may each refresh the copy.
    const partial = `${STABLE_DENO}.partial-${Deno.pid}-${crypto.randomUUID()}`;
    await Deno.copyFile(running, partial);
    await Deno.chmod(partial, 0o755);
    await Deno.rename(partial, STABLE_DENO);
  }
  const dir = `${JUPYTER_DIR}/kernels/${KERNEL_NAME}`;
  await Deno.mkdir(dir, { recursive: true });
  const spec = {
    argv: [STABLE_DENO, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno (toolkit)",
    language: "typescript",
    interrupt_mode: "message",
    env: { NO_COLOR: "1", TOOLKIT_IN_JUPYTER: "1" },
  };
  const text = JSON.stringify(spec, null, 2) + "\n";
  const current = await Deno.readTextFile(`${dir}/kernel.json`).catch(() => null);
  if (current !== text) {
    // Written aside and renamed, so a kernel starting meanwhile never reads half a file.
    const partial = `${dir}/kernel.json.partial-${Deno.pid}-${crypto.randomUUID()}`;
    await Deno.writeTextFile(partial, text);
    await Deno.rename(partial, `${dir}/kernel.json`);
  }
  return dir;
}
