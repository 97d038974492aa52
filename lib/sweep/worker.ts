/**
 * Worker side of the sweep pool ({@link runPool} in pool.ts): serves the units of any paper in
 * `SWEEP_PAPERS`, importing a paper's adapter module on its first unit (`sweepAdapter`), so the
 * Worker loads only the paper it runs.
 *
 * @module
 */
import { runUnit } from "./units.ts";
import { serveUnits } from "./serve.ts";

serveUnits(runUnit);
