import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { holdsNonFinite } from "./fuzz_cases.ts";

Deno.test("holdsNonFinite finds NaN and infinities in plain data, nested", () => {
  assert.equal(holdsNonFinite({ a: [1, { b: NaN }] }), true);
  assert.equal(holdsNonFinite([1, [2, -Infinity]]), true);
  assert.equal(holdsNonFinite({ a: [1, { b: 2 }], c: "x" }), false);
});

Deno.test("holdsNonFinite reads no getter, so a returned DataFrame with string columns is data, not an error", () => {
  let read = false;
  const lazy = {
    get value() {
      read = true;
      return NaN;
    },
  };
  assert.equal(holdsNonFinite(lazy), false);
  assert.equal(read, false);
  // The fuzz's trace loaders return these: walking a string Series's `struct` namespace threw
  // "invalid series dtype: expected `Struct`, got `str`" (the fuzz's "other-error" results).
  const frame = pl.DataFrame([pl.Series("name", ["a", "b"], pl.Utf8), pl.Series("x", [1, 2])]);
  assert.doesNotThrow(() => holdsNonFinite(frame));
  assert.equal(holdsNonFinite(frame), false);
});
