/**
 * Per-process memoisation of loaded traces, keyed by what was loaded and from where.
 *
 * @module
 */
import type { DataFrame } from "../core/frame.ts";

const frames = new Map<string, DataFrame>();

/**
 * Returns the cached frame for `key`, loading it on first use.
 *
 * @param key identifies the file set and the loader (e.g. the absolute path plus loader name)
 * @param load produces the frame; not called again for the same key
 * @returns the frame
 */
export function cached(key: string, load: () => DataFrame): DataFrame {
  let frame = frames.get(key);
  if (frame === undefined) {
    frame = load();
    frames.set(key, frame);
  }
  return frame;
}
