import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { DataFileError, ParameterError } from "../../lib/core/errors.ts";
import { createRng } from "../../lib/core/rng.ts";
import { evalWithEnv, moduleHref } from "../env_eval.ts";
import {
  loadGoogleJobs,
  loadIesoHoep,
  loadJobTable,
  loadLoraThroughput,
  loadMsftItpJobs,
  loadPhillyRuntimes,
  poissonArrivals,
  requireTraceDir,
  tracesAvailable,
} from "../../lib/traces/mod.ts";

/** A throw-away trace directory holding the given files (paths relative to it). */
function fakeTraces(files: Record<string, string | Uint8Array>): string {
  const dir = Deno.makeTempDirSync({ prefix: "traces-test-" });
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    Deno.mkdirSync(join(full, ".."), { recursive: true });
    if (typeof content === "string") Deno.writeTextFileSync(full, content);
    else Deno.writeFileSync(full, content);
  }
  return dir;
}

function assertDataFileError(run: () => unknown, message: string) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof DataFileError, String(error));
    assert.equal(error.message, message);
    return true;
  });
}

const LORA = "lora-throughput-vectorlm/vectorlm_throughput_tokens_per_s.csv";

Deno.test("a short row names file and line", () => {
  const dir = fakeTraces({ [LORA]: "mode,gpu,num_gpus,model,tokens_per_s\nlora,T4,1,opt\n" });
  assertDataFileError(
    () => loadLoraThroughput(dir),
    `${join(dir, LORA)}:2: expected 5 fields, found 4`,
  );
});

Deno.test("a non-numeric field names file, line and column", () => {
  const dir = fakeTraces({
    [LORA]: "mode,gpu,num_gpus,model,tokens_per_s\nlora,T4,1,opt,1.5\r\nlora,T4,two,opt,2\n",
  });
  assertDataFileError(
    () => loadLoraThroughput(dir),
    `${
      join(dir, LORA)
    }:3: column num_gpus is not a plain decimal number up to 1e15 in magnitude: 'two'`,
  );
});

Deno.test("an empty non-nullable field and a missing header column are reported", () => {
  const empty = fakeTraces({ [LORA]: "mode,gpu,num_gpus,model,tokens_per_s\nlora,,1,opt,\n" });
  assertDataFileError(
    () => loadLoraThroughput(empty),
    `${join(empty, LORA)}:2: column gpu is empty`,
  );
  const header = fakeTraces({ [LORA]: "mode,gpu,gpus,model,tokens_per_s\n" });
  assertDataFileError(
    () => loadLoraThroughput(header),
    `${join(header, LORA)}:1: header has no column 'num_gpus'`,
  );
});

Deno.test("nullable empty fields become null", () => {
  const dir = fakeTraces({ [LORA]: "mode,gpu,num_gpus,model,tokens_per_s\nlora,T4,1,opt,\n" });
  assert.equal(loadLoraThroughput(dir).getColumn("tokens_per_s").nullCount(), 1);
});

Deno.test("a missing file of a multi-file trace is named", () => {
  const header = "job_id,submission_time,duration,num_gpu\n";
  const dir = fakeTraces({ "msft-itp-elasticflow/cluster01.csv": `${header}a,1,600,1\n` });
  const missing = join(dir, "msft-itp-elasticflow", "cluster02.csv");
  assertDataFileError(() => loadMsftItpJobs(dir), `${missing}: file not found`);
});

Deno.test("gzip files are read, and a corrupt one is reported", () => {
  const path = "google-2011/google2011_jobs.csv.gz";
  const text = "job_id,submit_time_us,schedule_time_us,end_time_us,end_event,scheduling_class\n" +
    "1,0,0,,,3\n2,2000000,3000000,9000000,4,1\n";
  const good = fakeTraces({ [path]: gzipSync(new TextEncoder().encode(text)) });
  const jobs = loadGoogleJobs(good);
  assert.deepEqual(jobs.getColumn("end_s").toArray(), [null, 9]);
  const bad = fakeTraces({ [path]: new TextEncoder().encode("not gzip") });
  assert.throws(() => loadGoogleJobs(bad), (error: unknown) => {
    assert.ok(error instanceof DataFileError);
    assert.ok(error.message.startsWith(`${join(bad, path)}: cannot gunzip: `), error.message);
    return true;
  });
});

Deno.test("HOEP: bad dates and disagreeing files are reported with their line", () => {
  const head = "date,hour,";
  const dir = fakeTraces({
    "ieso-hoep-2016/price2016.csv": `${head}HOEP,TOU\n01/01/2016,1,0.01,0\n31/02/2016,2,0.01,0\n`,
    "ieso-hoep-2016/load2016.csv": `${head}OntDemand\n01/01/2016,1,100\n31/02/2016,2,100\n`,
  });
  const price = join(dir, "ieso-hoep-2016", "price2016.csv");
  assertDataFileError(
    () => loadIesoHoep(dir),
    `${price}:3: date is not a valid DD/MM/YYYY date: '31/02/2016'`,
  );
  const mismatch = fakeTraces({
    "ieso-hoep-2016/price2016.csv": `${head}HOEP,TOU\n01/01/2016,1,0.01,0\n`,
    "ieso-hoep-2016/load2016.csv": `${head}OntDemand\n01/01/2016,2,100\n`,
  });
  assertDataFileError(
    () => loadIesoHoep(mismatch),
    `${join(mismatch, "ieso-hoep-2016", "price2016.csv")}:2: date/hour differ from the same row ` +
      "of load2016.csv",
  );
});

Deno.test("TRACE_DIR overrides the default directory", async () => {
  const dir = fakeTraces({ "ghent-4g/x": "" });
  const seen = await evalWithEnv(
    `import { traceDir, tracesAvailable } from "${moduleHref("../lib/traces/paths.ts")}";
     console.log(JSON.stringify([traceDir(), tracesAvailable("ghent-4g"),
       tracesAvailable("google-2011")]));`,
    { TRACE_DIR: dir },
  );
  assert.deepEqual(seen, [dir, true, false]);
});

Deno.test("hex, infinities and out-of-range magnitudes are not trace numbers", () => {
  for (const field of ["0x10", "1e300", "Infinity", "-1e16", "1_000", " ", "1.2.3"]) {
    const dir = fakeTraces({
      [LORA]: `mode,gpu,num_gpus,model,tokens_per_s\nlora,T4,1,opt,${field}\n`,
    });
    assertDataFileError(
      () => loadLoraThroughput(dir),
      `${join(dir, LORA)}:2: column tokens_per_s is not a plain decimal number up to 1e15 in ` +
        `magnitude: '${field}'`,
    );
  }
  const fine = fakeTraces({
    [LORA]: "mode,gpu,num_gpus,model,tokens_per_s\nlora,T4,1,opt,1.5e3\nlora,T4,1,opt,-.5\n",
  });
  assert.deepEqual(loadLoraThroughput(fine).getColumn("tokens_per_s").toArray(), [1500, -0.5]);
});

Deno.test("negative durations and fractional counts are rejected with their line", () => {
  const runtimes = fakeTraces({ "philly-derived/philly_runtime.csv": "runtime\n5\n-3\n" });
  assertDataFileError(
    () => loadPhillyRuntimes(runtimes),
    `${join(runtimes, "philly-derived/philly_runtime.csv")}:3: column runtime = -3 is below 0`,
  );
  const header = "job_id,submission_time,duration,num_gpu\n";
  const gpus = fakeTraces({ "msft-itp-elasticflow/cluster01.csv": `${header}a,1,600,1.5\n` });
  assertDataFileError(
    () => loadMsftItpJobs(gpus),
    `${join(gpus, "msft-itp-elasticflow/cluster01.csv")}:2: column num_gpu = 1.5 is not an integer`,
  );
});

Deno.test("a TRACE_DIR that does not exist is an error, not a silent fallback", async () => {
  const errors = await evalWithEnv(
    `import { traceDir, tracesAvailable } from "${moduleHref("../lib/traces/paths.ts")}";
     const error = (run) => { try { run(); return null; } catch (e) { return [e.name, e.message]; } };
     console.log(JSON.stringify([error(() => traceDir()), error(() => tracesAvailable("ghent-4g"))]));`,
    { TRACE_DIR: "/no/such/trace/dir" },
  );
  const expected = [
    "DataFileError",
    "/no/such/trace/dir: TRACE_DIR is set but this directory does not exist",
  ];
  assert.deepEqual(errors, [expected, expected]);
});

Deno.test("unknown trace names, bad directories and huge rates are typed errors", () => {
  const named = (parameter: string) => (error: unknown) => {
    assert.ok(error instanceof ParameterError, String(error));
    assert.match(error.message, new RegExp(`parameter ${parameter.replace(/[[\]]/g, "\\$&")} `));
    return true;
  };
  // @ts-expect-error: an unknown name, as an untyped caller could pass
  assert.throws(() => loadJobTable("bogus"), named("trace"));
  // @ts-expect-error: an unknown name
  assert.throws(() => tracesAvailable("bogus", "/tmp"), named("name"));
  // @ts-expect-error: not a path
  assert.throws(() => requireTraceDir(Number.NaN), named("dir"));
  const rng = createRng(1).stream("fuzz");
  assert.throws(() => poissonArrivals(rng, [1e308, 1], 2), named("profile[0]"));
  assert.throws(() => poissonArrivals(rng, [Number.NaN], 2), named("profile[0]"));
  assert.throws(() => poissonArrivals(rng, [], 2), named("profile"));
  assert.throws(() => poissonArrivals(rng, [1e6], 24 * 3000), named("profile"));
});
