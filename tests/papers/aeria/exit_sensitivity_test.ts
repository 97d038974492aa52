import { assert, assertEquals } from "./_assert.ts";
import { EXIT_MODEL_DRIVEN } from "../../../lib/papers/aeria/claims.ts";
import { exitModelSensitivity } from "../../../lib/papers/aeria/exit_sensitivity.ts";
import { EXIT_MODEL_NAMES } from "../../../lib/papers/aeria/exit_model.ts";

Deno.test("the ledger's exit-model-driven claims are exactly those whose verdict flips between variants", async () => {
  const rows = await exitModelSensitivity({ mode: "quick", seed: 1 });
  assert(rows.length > 20, "the measured, non-timing claims");
  for (const row of rows) {
    assertEquals(Object.keys(row.verdicts).sort(), [...EXIT_MODEL_NAMES].sort());
    assertEquals(row.exitModelDriven, new Set(Object.values(row.verdicts)).size > 1, row.id);
  }
  assertEquals(
    rows.filter((r) => r.exitModelDriven).map((r) => r.id).sort(),
    [...EXIT_MODEL_DRIVEN].sort(),
  );
  // The exit model moves the market claims' values even where no verdict flips.
  const advantage = rows.find((r) => r.id === "aeria.revenue-advantage")!;
  assert(advantage.values.default !== advantage.values.flat, "values depend on the exit model");
  // Claims that do not touch the exit model measure the same value under every variant.
  const power = rows.find((r) => r.id === "aeria.edge-power")!;
  assertEquals(power.values.flat, power.values.default);
});
