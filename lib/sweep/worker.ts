/**
 * Worker side of the sweep pool ({@link runPool} in pool.ts): runs the units it is sent, one at a
 * time, and answers each with its result or its error (name, message, stack).
 *
 * @module
 */
import { runUnit } from "./units.ts";
import type { PoolReply, PoolRequest } from "./pool.ts";

self.onmessage = async (event: MessageEvent<PoolRequest>) => {
  const { index, kind, config } = event.data;
  let reply: PoolReply;
  try {
    reply = { index, ok: true, result: await runUnit(kind, config) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { index, ok: false, error: { name: e.name, message: e.message, stack: e.stack ?? "" } };
  }
  self.postMessage(reply);
};
