/**
 * Worker side of the public-API fuzz (see public_api_fuzz.ts): imports `lib/mod.ts`, makes the
 * calls it is sent one by one, and posts a `start` before and an outcome after each call, so the
 * main side can tell a hang from a slow call and restart after it.
 *
 * @module
 */
import * as api from "../../lib/mod.ts";
import {
  argumentsFor,
  classifyError,
  classifyValue,
  describeError,
  type FuzzCall,
} from "./fuzz_cases.ts";

interface Job {
  readonly calls: readonly FuzzCall[];
  readonly from: number;
}

self.onmessage = async (event: MessageEvent<Job>) => {
  const { calls, from } = event.data;
  for (let index = from; index < calls.length; index++) {
    const call = calls[index]!;
    const fn = (api as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[
      call.namespace
    ]![call.name]!;
    self.postMessage({ index, phase: "start" });
    let outcome, detail;
    try {
      const args = argumentsFor(call);
      outcome = classifyValue(await fn(...args), call, args);
    } catch (error) {
      outcome = classifyError(error);
      detail = describeError(error);
    }
    self.postMessage({ index, phase: "done", outcome, detail });
  }
  self.postMessage({ phase: "finished" });
};
