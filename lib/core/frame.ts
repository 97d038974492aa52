/**
 * The table type of the trace loaders and of `table()`.
 *
 * @module
 */
import type pl from "nodejs-polars";

/**
 * A nodejs-polars DataFrame: what every trace loader returns, what the trace statistics read and
 * what `table()` renders.
 * Named here so the API documents it as part of this package.
 */
export type DataFrame = pl.DataFrame;
