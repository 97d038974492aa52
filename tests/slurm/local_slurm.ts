/**
 * A single-node Slurm cluster for tests: munged, slurmctld and slurmd on 127.0.0.1 with a minimal
 * slurm.conf, their sockets, state and logs in a temporary directory (nothing under /etc or /run is
 * touched, so it runs next to a system Slurm). Installs the Debian packages `slurm-wlm` and
 * `munge` with apt-get when they are missing (as root; otherwise the error names them), as
 * `deno task setup` does for Jupyter.
 *
 * @module
 */
import { aptInstall } from "../../lib/notebook/setup.ts";

/** A running local cluster. */
export interface LocalSlurm {
  /** Temporary directory of the cluster (config, state, logs). */
  readonly dir: string;
  /** Environment for Slurm commands (`SLURM_CONF`). */
  readonly env: Record<string, string>;
  /** Runs a Slurm command; returns its exit code and output. */
  run(command: string, args: readonly string[]): Promise<{ code: number; out: string }>;
  /** Stops the daemons and removes the directory. */
  stop(): Promise<void>;
}

async function onPath(command: string): Promise<boolean> {
  try {
    const { success } = await new Deno.Command("sh", { args: ["-c", `command -v ${command}`] })
      .output();
    return success;
  } catch {
    return false;
  }
}

/** Installs slurm-wlm and munge if `sbatch`, `slurmctld`, `slurmd` or `munged` is missing. */
export async function ensureSlurmPackages(): Promise<void> {
  const commands = ["sbatch", "slurmctld", "slurmd", "munged", "mungekey"];
  const present = await Promise.all(commands.map(onPath));
  if (present.every(Boolean)) return;
  await aptInstall(["slurm-wlm", "munge"], "the Slurm test");
}

function slurmConf(dir: string, port: number, cpus: number): string {
  return [
    "ClusterName=toolkit-test",
    "SlurmctldHost=localhost(127.0.0.1)",
    `SlurmctldPort=${port}`,
    `SlurmdPort=${port + 1}`,
    "SlurmUser=root",
    "SlurmdUser=root",
    "AuthType=auth/munge",
    `AuthInfo=socket=${dir}/munge.socket`,
    "CredType=cred/munge",
    `StateSaveLocation=${dir}/state`,
    `SlurmdSpoolDir=${dir}/spool`,
    `SlurmctldPidFile=${dir}/slurmctld.pid`,
    `SlurmdPidFile=${dir}/slurmd.pid`,
    `SlurmctldLogFile=${dir}/slurmctld.log`,
    `SlurmdLogFile=${dir}/slurmd.log`,
    // No cgroups: plain process tracking works in containers.
    "ProctrackType=proctrack/linuxproc",
    "TaskPlugin=task/none",
    "SchedulerType=sched/builtin",
    "SelectType=select/cons_tres",
    "SelectTypeParameters=CR_CPU",
    "ReturnToService=2",
    "MpiDefault=none",
    "JobAcctGatherType=jobacct_gather/none",
    "AccountingStorageType=accounting_storage/none",
    `NodeName=localhost NodeAddr=127.0.0.1 CPUs=${cpus} State=UNKNOWN`,
    "PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
    "",
  ].join("\n");
}

/**
 * Starts munged, slurmctld and slurmd and waits until the node is idle.
 *
 * @param cpus CPUs of the node (default: the machine's)
 * @throws {Error} with the daemons' logs when the node is not idle within 60 s
 */
export async function startLocalSlurm(
  cpus = navigator.hardwareConcurrency || 1,
): Promise<LocalSlurm> {
  if (Deno.uid() !== 0) throw new Error("the local Slurm test runs its daemons as root");
  await ensureSlurmPackages();
  const dir = await Deno.makeTempDir({ prefix: "toolkit-slurm-" });
  await Deno.chmod(dir, 0o755);
  await Deno.mkdir(`${dir}/state`);
  await Deno.mkdir(`${dir}/spool`);
  const port = 20000 + Math.floor(Math.random() * 20000);
  await Deno.writeTextFile(`${dir}/slurm.conf`, slurmConf(dir, port, cpus));
  const env = { SLURM_CONF: `${dir}/slurm.conf` };
  const run = async (command: string, args: readonly string[]) => {
    const output = await new Deno.Command(command, { args: [...args], env }).output();
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    return { code: output.code, out: decode(output.stdout) + decode(output.stderr) };
  };
  const key = await run("mungekey", ["--create", `--keyfile=${dir}/munge.key`]);
  if (key.code !== 0) throw new Error(`mungekey failed: ${key.out}`);
  const daemons: Deno.ChildProcess[] = [];
  // The daemons write their own log files into `dir` (read back when the node does not start).
  const spawn = (command: string, args: string[]) => {
    daemons.push(new Deno.Command(command, { args, env, stdout: "null", stderr: "null" }).spawn());
  };
  const stop = async () => {
    for (const daemon of daemons.reverse()) {
      try {
        daemon.kill("SIGTERM");
      } catch { /* already gone */ }
      await daemon.status;
    }
    await Deno.remove(dir, { recursive: true });
  };
  try {
    spawn("munged", [
      "--foreground",
      "--force",
      `--socket=${dir}/munge.socket`,
      `--key-file=${dir}/munge.key`,
      `--log-file=${dir}/munged.log`,
      `--pid-file=${dir}/munged.pid`,
      `--seed-file=${dir}/munged.seed`,
    ]);
    await waitFor(() => Deno.stat(`${dir}/munge.socket`).then(() => true, () => false), 20);
    spawn("slurmctld", ["-D", "-i"]);
    spawn("slurmd", ["-D", "-N", "localhost"]);
    const idle = await waitFor(async () => {
      const { out } = await run("sinfo", ["--noheader", "--format=%T"]);
      return out.trim() === "idle";
    }, 60);
    if (!idle) {
      const logs = await Promise.all(
        ["munged.log", "slurmctld.log", "slurmd.log"].map((name) =>
          Deno.readTextFile(`${dir}/${name}`).then((t) => `${name}:\n${t.slice(-1500)}`, () => "")
        ),
      );
      throw new Error(`the local Slurm node did not become idle within 60 s\n${logs.join("\n")}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, env, run, stop };
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
