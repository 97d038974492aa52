/** Core utilities: errors, validation, RNG, numerics, LP/MILP, claims, display. @module */
export * from "./errors.ts";
export * from "./validate.ts";
export * from "./rng.ts";
export * from "./claims.ts";
export * from "./params.ts";
export * from "./display.ts";
export type { DataFrame } from "./frame.ts";
export * from "./progress.ts";
export * from "./numerics.ts";
export * from "./lp.ts";
export * from "./timing.ts";
