/**
 * Locations the notebook tooling uses, all inside the repository (never the user's home).
 *
 * @module
 */

/** Absolute path of the repository root (two levels above this file). */
export const REPO_ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

/** Project-local Jupyter directory (git-ignored): kernelspec, runtime files, stable deno copy. */
export const JUPYTER_DIR = `${REPO_ROOT}/.jupyter`;

/** Name of the project's kernelspec. */
export const KERNEL_NAME = "deno-toolkit";

/** Notebooks folder. */
export const NOTEBOOKS_DIR = `${REPO_ROOT}/notebooks`;

/** Default output folder of the report site (git-ignored). */
export const REPORTS_DIR = `${REPO_ROOT}/reports`;

/** Environment that points every Jupyter tool at the project-local directory. */
export function jupyterEnv(): Record<string, string> {
  return {
    JUPYTER_PATH: JUPYTER_DIR,
    JUPYTER_DATA_DIR: JUPYTER_DIR,
    JUPYTER_CONFIG_DIR: `${JUPYTER_DIR}/config`,
    JUPYTER_RUNTIME_DIR: `${JUPYTER_DIR}/runtime`,
    JUPYTER_PLATFORM_DIRS: "1",
  };
}
