import { assert, assertEquals } from "./_assert.ts";
import { claims, EXIT_MODEL_DRIVEN } from "../../../lib/papers/aeria/claims.ts";
import { exitModelSensitivity } from "../../../lib/papers/aeria/exit_sensitivity.ts";
import { EXIT_MODEL_NAMES } from "../../../lib/papers/aeria/exit_model.ts";

Deno.test("every claim whose verdict flips between exit-model variants is flagged exit-model-driven", async () => {
  const rows = await exitModelSensitivity({ mode: "quick", seed: 1 });
  assert(rows.length > 20, "the measured, non-timing claims");
  for (const row of rows) {
    assertEquals(Object.keys(row.verdicts).sort(), [...EXIT_MODEL_NAMES].sort());
    assertEquals(row.exitModelDriven, new Set(Object.values(row.verdicts)).size > 1, row.id);
  }
  // Every quick-mode flip is flagged (the list also holds paper-mode flips, which a test cannot
  // afford to recompute), and every flagged claim is one the sensitivity table evaluates.
  for (const row of rows.filter((r) => r.exitModelDriven)) {
    assert(EXIT_MODEL_DRIVEN.includes(row.id), `${row.id} flips but is not flagged`);
  }
  for (const id of EXIT_MODEL_DRIVEN) assert(rows.some((r) => r.id === id), id);
  // The exit model moves the market claims' values even where no verdict flips.
  const advantage = rows.find((r) => r.id === "aeria.revenue-advantage")!;
  assert(advantage.values.default !== advantage.values.flat, "values depend on the exit model");
  // Claims that do not touch the exit model measure the same value under every variant.
  const power = rows.find((r) => r.id === "aeria.edge-power")!;
  assertEquals(power.values.flat, power.values.default);
});

Deno.test("flagged claims carry the exit-model note in their reading, others do not", () => {
  for (const spec of claims({ mode: "quick", seed: 1 })) {
    if ("status" in spec) continue;
    const flagged = EXIT_MODEL_DRIVEN.includes(spec.id);
    assertEquals((spec.reading ?? "").includes("EXIT-MODEL-DRIVEN"), flagged, spec.id);
  }
});
