/**
 * The table type of the trace loaders.
 *
 * @module
 */
import type pl from "nodejs-polars";

/**
 * A nodejs-polars DataFrame: what every trace loader returns and what the trace statistics read.
 * Named here so the API documents it as part of this package.
 */
export type DataFrame = pl.DataFrame;
