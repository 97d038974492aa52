/**
 * Driver of the public-API fuzz: runs planned calls in a worker, watching each call with a time
 * limit; a call that does not answer is a `hang`, the worker is replaced and the run continues
 * with the next call.
 *
 * Measure all namespaces (prints counts per outcome and the calls that failed):
 * ```sh
 * deno run -A tests/fuzz/public_api_fuzz.ts [perFunction=8] [seed=1] [--why]
 * ```
 * `--why` also prints, per failing call, its arguments and the error (class, message, frame).
 *
 * @module
 */
import * as api from "../../lib/mod.ts";
import { argumentsFor, type FuzzCall, type Outcome, planCalls } from "./fuzz_cases.ts";

/** One finished call. */
export interface FuzzResult {
  readonly call: FuzzCall;
  readonly outcome: Outcome;
  /** For a thrown error: class, message and first toolkit frame. */
  readonly detail?: string;
}

/** Runs the calls, each limited to `limitSeconds`. */
export async function runFuzz(
  calls: readonly FuzzCall[],
  limitSeconds = 5,
): Promise<FuzzResult[]> {
  const results: FuzzResult[] = [];
  let from = 0;
  while (from < calls.length) {
    from = await runWorker(calls, from, limitSeconds, results);
  }
  return results;
}

/** Runs calls from `from` in one worker until the end or a hang; returns where to resume. */
function runWorker(
  calls: readonly FuzzCall[],
  from: number,
  limitSeconds: number,
  results: FuzzResult[],
): Promise<number> {
  const worker = new Worker(new URL("./fuzz_worker.ts", import.meta.url), { type: "module" });
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let started = false;
    const finish = (next: number) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(next);
    };
    worker.onmessage = (event) => {
      const message = event.data as {
        index: number;
        phase: string;
        outcome?: Outcome;
        detail?: string;
      };
      if (message.phase === "finished") return finish(calls.length);
      clearTimeout(timer);
      if (message.phase === "start") {
        started = true;
        timer = setTimeout(() => {
          results.push({ call: calls[message.index]!, outcome: "hang" });
          finish(message.index + 1);
        }, limitSeconds * 1000);
      } else {
        results.push({
          call: calls[message.index]!,
          outcome: message.outcome!,
          detail: message.detail,
        });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (!started) throw new Error(`fuzz worker failed to start: ${event.message}`);
    };
    worker.postMessage({ calls, from });
  });
}

/** An argument as the `--why` list prints it. */
function showArgument(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(showArgument).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${k}: ${showArgument(v)}`).join(", ")}}`;
  }
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Counts per outcome. */
export function countOutcomes(results: readonly FuzzResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = {
    typed: 0,
    internal: 0,
    "other-error": 0,
    "non-finite": 0,
    silent: 0,
    ok: 0,
    hang: 0,
  };
  for (const { outcome } of results) counts[outcome]++;
  return counts;
}

if (import.meta.main) {
  const why = Deno.args.includes("--why");
  const [perFunction = 8, seed = 1] = Deno.args.filter((arg) => arg !== "--why").map(Number);
  const namespaces = Object.keys(api).filter((key) =>
    typeof (api as Record<string, unknown>)[key] === "object" && key !== "PAPERS"
  );
  const calls = planCalls(api as Record<string, unknown>, namespaces, perFunction, seed);
  const results = await runFuzz(calls);
  console.log(JSON.stringify({ calls: calls.length, ...countOutcomes(results) }));
  const bad = new Map<string, Outcome[]>();
  for (const { call, outcome, detail } of results) {
    if (outcome === "typed" || outcome === "ok") continue;
    const key = `${call.namespace}.${call.name}`;
    bad.set(key, [...(bad.get(key) ?? []), outcome]);
    if (why) {
      const args = argumentsFor(call).map(showArgument).join(", ");
      console.log(`  ${key}(${args}): ${outcome}${detail ? ` — ${detail}` : ""}`);
    }
  }
  for (const [key, outcomes] of bad) console.log(key, outcomes.join(" "));
}
