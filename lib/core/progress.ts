/**
 * A progress bar for long sweeps: updates one output in place inside Jupyter
 * (`Deno.jupyter.display` with a `display_id`), prints throttled lines on a terminal otherwise.
 *
 * @example
 * ```ts
 * import { progress } from "./progress.ts";
 * const bar = progress("Fig. 4 sweep", 3);
 * for (let i = 0; i < 3; i++) bar.tick();
 * bar.done();
 * ```
 *
 * @module
 */
import { requireInteger } from "./validate.ts";
import { escapeHtml } from "./display.ts";

/** Handle returned by {@link progress}. */
export interface Progress {
  /** Advances by `steps` (default 1). */
  tick(steps?: number): void;
  /** Marks the work finished and shows the elapsed time. */
  done(): void;
  /** Steps completed so far. */
  readonly completed: number;
}

interface JupyterLike {
  display(value: unknown, options?: { raw?: boolean; display_id?: string; update?: boolean }): void;
}

let barCounter = 0;

/**
 * Starts a progress bar.
 *
 * @param label what is running
 * @param total number of steps
 * @param write sink for terminal lines (default stderr); ignored inside Jupyter
 */
export function progress(
  label: string,
  total: number,
  write: (line: string) => void = (line) => console.error(line),
): Progress {
  requireInteger("total", total, 0);
  const jupyter = jupyterApi();
  const displayId = `toolkit-progress-${Date.now()}-${barCounter++}`;
  const started = performance.now();
  let completed = 0;
  let lastShown = -Infinity;
  const render = (final: boolean) => {
    const now = performance.now();
    if (!final && now - lastShown < 250 && completed < total) return;
    lastShown = now;
    const seconds = (now - started) / 1000;
    const fraction = total === 0 ? 1 : completed / total;
    const text = `${label}: ${completed}/${total} (${(fraction * 100).toFixed(0)}%) ${
      seconds.toFixed(1)
    } s${final ? " — done" : ""}`;
    if (jupyter) {
      const html = `<div class="toolkit-progress"><progress value="${completed}" max="${
        Math.max(total, 1)
      }"></progress> ${escapeHtml(text)}</div>`;
      jupyter.display({ "text/html": html, "text/plain": text }, {
        raw: true,
        display_id: displayId,
        update: completed > 0 || final,
      });
    } else {
      write(text);
    }
  };
  render(false);
  return {
    tick(steps = 1) {
      completed = Math.min(total, completed + steps);
      render(false);
    },
    done() {
      completed = total;
      render(true);
    },
    get completed() {
      return completed;
    },
  };
}

/** `Deno.jupyter` inside a kernel; null elsewhere (where merely reading it throws). */
function jupyterApi(): JupyterLike | null {
  try {
    return (Deno as unknown as { jupyter?: JupyterLike }).jupyter ?? null;
  } catch {
    return null;
  }
}
