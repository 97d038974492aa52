/**
 * The message loop of a pool Worker ({@link runPool} in pool.ts): runs the units it is sent, one at
 * a time, and answers each with its result or its error (name, message, stack). It also answers
 * for a unit that ends its Worker without replying: `self.close()` or `Deno.exit()` inside the unit
 * become a `WorkerExit` error, an uncaught error or unhandled rejection a `WorkerCrash`, each named
 * with the unit, so the pool never waits for a reply that cannot come. The Worker handles those
 * itself, so Deno prints no second "Uncaught (in worker)" line for a crash the pool reports.
 *
 * @example
 * ```ts
 * // a Worker module
 * import { serveUnits } from "./serve.ts";
 * serveUnits(async (kind, config) => ({ kind, config }));
 * ```
 *
 * @module
 */
import type { PoolReply, PoolRequest } from "./pool.ts";

/** Runs one unit of `kind` (the Worker's job). */
export type UnitRunner = (kind: string, config: unknown) => Promise<unknown>;

/**
 * Installs the message loop in this Worker.
 *
 * @param run what a unit does
 */
export function serveUnits(run: UnitRunner): void {
  let current = -1;
  const fail = (name: string, message: string, stack = "") => {
    const reply: PoolReply = { index: current, ok: false, error: { name, message, stack } };
    self.postMessage(reply);
  };
  const close = self.close.bind(self);
  const exited = (how: string) => {
    fail("WorkerExit", `the unit ended its worker (${how}) without a result`);
    close();
  };
  self.close = () => exited("self.close()");
  Deno.exit = ((code?: number) => {
    exited(`Deno.exit(${code ?? ""})`);
    throw new Error("unreachable: the worker is closing");
  }) as typeof Deno.exit;
  self.addEventListener("error", (event: ErrorEvent) => {
    event.preventDefault();
    fail("WorkerCrash", `uncaught ${event.message}`);
    close();
  });
  self.addEventListener("unhandledrejection", (event: PromiseRejectionEvent) => {
    event.preventDefault();
    const reason = event.reason instanceof Error ? event.reason.message : String(event.reason);
    fail("WorkerCrash", `unhandled rejection: ${reason}`);
    close();
  });
  self.onmessage = async (event: MessageEvent<PoolRequest>) => {
    const { index, kind, config } = event.data;
    current = index;
    let reply: PoolReply;
    try {
      reply = { index, ok: true, result: await run(kind, config) };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = {
        index,
        ok: false,
        error: { name: e.name, message: e.message, stack: e.stack ?? "" },
      };
    }
    self.postMessage(reply);
  };
}
