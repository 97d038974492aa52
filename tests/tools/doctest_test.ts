import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { exampleModule, extractExamples } from "../../tools/doctest_extract.ts";

const FIXTURE = new URL("../fixtures/doc_examples.ts", import.meta.url).pathname;
const FIXTURE_URL = pathToFileURL(FIXTURE).href;
const RUNNER = new URL("../../tools/doctest.ts", import.meta.url).pathname;

Deno.test("extractExamples finds the runnable blocks, named and split like deno test --doc", async () => {
  const examples = extractExamples(await Deno.readTextFile(FIXTURE), FIXTURE);
  // Lines 5-9 and 11-17 (fence to the line after the closing fence); `ignore` and json skipped.
  assert.deepEqual(examples.map((example) => example.name), [
    `${FIXTURE_URL}#5-10.ts`,
    `${FIXTURE_URL}#11-18.ts`,
  ]);
  assert.deepEqual(examples[0]!.imports, [
    'import assert from "node:assert/strict";',
    `import { double } from "${FIXTURE_URL}";`,
  ]);
  assert.equal(examples[0]!.body, "assert.equal(double(2), 4);");
  // A declaration over several lines stays one import, its relative specifier made absolute.
  assert.equal(examples[1]!.imports[1], `import {\n  double,\n} from "${FIXTURE_URL}";`);
  assert.match(
    exampleModule(examples[1]!),
    /Deno\.test\(".*#11-18\.ts", async \(\) => \{\n {2}assert/,
  );
});

Deno.test("the doctest runner passes a true example and fails a false one, naming it", async () => {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", RUNNER, "--", FIXTURE],
    env: { NO_COLOR: "1" },
  }).output();
  const stdout = new TextDecoder().decode(run.stdout);
  assert.equal(run.code, 1, stdout);
  assert.match(stdout, new RegExp(`${FIXTURE_URL}#5-10\\.ts \\.\\.\\. ok`));
  assert.match(stdout, new RegExp(`${FIXTURE_URL}#11-18\\.ts \\.\\.\\. FAILED`));
  assert.match(stdout, /1 passed \| 1 failed/);
  assert.doesNotMatch(stdout, /ignored/);
});
