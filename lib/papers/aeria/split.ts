/**
 * A memoised experiment cut into independent units: unit `i` is a pure function of `i` whose
 * result is plain JSON, and the experiment's result is assembled from the unit results in unit
 * order. Running the units in-process ({@link computeSplit}) or anywhere else (a worker pool, see
 * `lib/sweep/units_aeria.ts`) and assembling gives the same result bit for bit; {@link primeSplit}
 * installs such a result under the experiment's memo key.
 *
 * @example
 * ```ts
 * import { computeSplit, type SplitExperiment } from "./split.ts";
 * const squares: SplitExperiment<number, number> = {
 *   name: "sumOfSquares", key: { n: 3 }, units: 3,
 *   run: (i) => i * i, assemble: (r) => r.reduce((s, v) => s + v, 0),
 * };
 * computeSplit(squares); // 5
 * ```
 *
 * @module
 */
import { memoised, primeMemo } from "./memo.ts";

/** An experiment as independent units and an assembly. */
export interface SplitExperiment<S, R> {
  /** Memo name of the experiment. */
  readonly name: string;
  /** Memo options of the experiment (the key its public function memoises under). */
  readonly key: unknown;
  /** Number of units. */
  readonly units: number;
  /** Runs unit `index` (pure; plain-JSON result). */
  run(index: number): S;
  /** The experiment's result from the unit results, in unit order. */
  assemble(results: readonly S[]): R;
}

/**
 * The experiment's result, memoised under its key: runs every unit in order and assembles.
 *
 * @param experiment the split experiment
 * @param afterUnit called after each unit (progress; not called on a memo hit)
 * @returns the result
 */
export function computeSplit<S, R>(
  experiment: SplitExperiment<S, R>,
  afterUnit?: () => void,
): R {
  return memoised(experiment.name, experiment.key, () =>
    experiment.assemble(
      Array.from({ length: experiment.units }, (_, i) => {
        const result = experiment.run(i);
        afterUnit?.();
        return result;
      }),
    ));
}

/**
 * Installs `value` (the experiment's assembled result) under the experiment's memo key.
 *
 * @param experiment the split experiment
 * @param value its result
 */
export function primeSplit<S, R>(experiment: SplitExperiment<S, R>, value: R): void {
  primeMemo(experiment.name, experiment.key, value);
}
