/** Shared assertion helpers for the aeria tests (node:assert with Deno-style names). */
import assertModule from "node:assert/strict";

export function assert(condition: unknown, message?: string): asserts condition {
  assertModule.ok(condition, message);
}

export function assertEquals<T>(actual: T, expected: T, message?: string): void {
  assertModule.deepStrictEqual(actual, expected, message);
}

export function assertClose(
  actual: number,
  expected: number,
  tolerance: number,
  message = "",
): void {
  assertModule.ok(
    Math.abs(actual - expected) <= tolerance,
    `${message} expected ${expected} ± ${tolerance}, got ${actual}`,
  );
}

export const assertThrows = assertModule.throws;
