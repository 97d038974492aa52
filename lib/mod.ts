/**
 * Public entry of the toolkit: one namespace per area.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { core, hardware } from "./mod.ts";
 * const rng = core.createRng(1).stream("demo");
 * assert.equal(rng.uniform(), core.createRng(1).stream("demo").uniform()); // seeded
 * assert.equal(hardware.getHardware("t4").name.includes("T4"), true);
 * ```
 *
 * @module
 */
export * as core from "./core/mod.ts";
export * as hardware from "./hardware/mod.ts";
export * as traces from "./traces/mod.ts";
export * as ppm from "./papers/ppm/mod.ts";
export * as aeria from "./papers/aeria/mod.ts";
export * as pdftsp from "./papers/pdftsp/mod.ts";
export * as stackelberg from "./papers/stackelberg/mod.ts";
/** Views for the overview notebook: the hardware and trace catalogues. */
export * as overview from "./overview/mod.ts";
export {
  ledger,
  type LedgerOptions,
  paperClaimSpecs,
  type PaperKey,
  PAPERS,
} from "./claims_registry.ts";
