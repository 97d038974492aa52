/**
 * A minimal Chrome DevTools Protocol client for the report's browser tests: launches headless
 * Chromium, opens pages, records console errors and exceptions, evaluates expressions and takes
 * full-page screenshots.
 *
 * @module
 */

/** Flags for a headless Chromium on a machine with no network beyond loopback. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--remote-debugging-port=0",
];

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** A page inspected through CDP. */
export interface InspectedPage {
  /** Console errors, uncaught exceptions and failed loads seen so far. */
  readonly errors: string[];
  /** Evaluates an expression (awaiting it when it is a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** PNG bytes of the whole page, or of the `clip` rectangle of it (CSS pixels from the top). */
  screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Uint8Array>;
  /** Sets the window size (CSS pixels) and waits for the relayout. */
  resize(width: number, height: number): Promise<void>;
  close(): void;
}

/** A running headless Chromium. */
export class Browser {
  private constructor(
    private readonly process: Deno.ChildProcess,
    private readonly httpBase: string,
    private readonly profile: string,
  ) {}

  /** Starts Chromium and waits for its DevTools endpoint. */
  static async launch(executable: string): Promise<Browser> {
    const profile = await Deno.makeTempDir({ prefix: "chromium-profile-" });
    const process = new Deno.Command(executable, {
      args: [...FLAGS, `--user-data-dir=${profile}`, "about:blank"],
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const reader = process.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
      const match = seen.match(/DevTools listening on ws:\/\/([^/]+)\//);
      if (match) {
        // Keep draining stderr so Chromium never blocks on a full pipe.
        (async () => {
          while (!(await reader.read()).done) { /* discard */ }
        })();
        return new Browser(process, `http://${match[1]}`, profile);
      }
    }
    process.kill("SIGKILL");
    throw new Error(`chromium did not open its DevTools endpoint: ${seen.slice(-500)}`);
  }

  /** Opens `url` in a new tab and resolves after the load event. */
  async open(url: string): Promise<InspectedPage> {
    const response = await fetch(`${this.httpBase}/json/new?about:blank`, { method: "PUT" });
    const target = await response.json() as { webSocketDebuggerUrl: string };
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = reject;
    });
    const errors: string[] = [];
    const pending = new Map<number, (message: Message) => void>();
    const listeners = new Map<string, () => void>();
    let nextId = 1;
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data as string) as Message;
      if (message.id !== undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
        return;
      }
      const params = message.params ?? {};
      if (message.method === "Runtime.consoleAPICalled" && params.type === "error") {
        errors.push(`console.error: ${JSON.stringify(params.args)}`);
      } else if (message.method === "Runtime.exceptionThrown") {
        errors.push(`exception: ${JSON.stringify(params.exceptionDetails)}`);
      } else if (message.method === "Log.entryAdded") {
        const entry = params.entry as { level: string; text: string; url?: string };
        if (entry.level === "error") errors.push(`log: ${entry.text} ${entry.url ?? ""}`);
      }
      if (message.method) listeners.get(message.method)?.();
    };
    const send = (method: string, params: Record<string, unknown> = {}) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = nextId++;
        pending.set(
          id,
          (message) =>
            message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(
              message.result ?? {},
            ),
        );
        socket.send(JSON.stringify({ id, method, params }));
      });
    await send("Runtime.enable");
    await send("Log.enable");
    await send("Page.enable");
    const loaded = new Promise<void>((resolve) => listeners.set("Page.loadEventFired", resolve));
    await send("Page.navigate", { url });
    await loaded;
    return {
      errors,
      async evaluate<T>(expression: string): Promise<T> {
        const result = await send("Runtime.evaluate", {
          expression,
          returnByValue: true,
          awaitPromise: true,
        });
        return (result.result as { value: T }).value;
      },
      async screenshot(clip): Promise<Uint8Array> {
        const result = await send("Page.captureScreenshot", {
          format: "png",
          captureBeyondViewport: true,
          ...(clip ? { clip: { ...clip, scale: 1 } } : {}),
        });
        return Uint8Array.from(atob(result.data as string), (char) => char.charCodeAt(0));
      },
      async resize(width: number, height: number): Promise<void> {
        await send("Emulation.setDeviceMetricsOverride", {
          width,
          height,
          deviceScaleFactor: 1,
          mobile: false,
        });
        await send("Runtime.evaluate", {
          expression: "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))",
          awaitPromise: true,
        });
      },
      close: () => socket.close(),
    };
  }

  /** Stops Chromium and removes its profile. */
  async close(): Promise<void> {
    this.process.kill("SIGKILL");
    await this.process.status;
    await Deno.remove(this.profile, { recursive: true }).catch(() => {});
  }
}
