import assert from "node:assert/strict";
import { testCommands } from "../../tools/test_beside.ts";

Deno.test("test_beside splits the suite into the named files and all the others", () => {
  assert.deepEqual(testCommands(["tests/a_test.ts", "tests/b_test.ts"]), {
    beside: ["test", "-A", "tests/a_test.ts", "tests/b_test.ts"],
    rest: ["test", "-A", "--ignore=tests/a_test.ts,tests/b_test.ts"],
  });
  assert.throws(() => testCommands([]), /name at least one test file/);
});
