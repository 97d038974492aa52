/**
 * The three speed targets of the reproduction, as shared fixtures (used by bench/ppm_bench.ts)
 * and a live measurement for the notebook ({@link measureSpeeds}, via {@link timeBatch}):
 * - one PPM decision for a job spanning 100 slots, 2 resources, 9 bundles: 0.5 µs;
 * - a 4000-job Section 6 instance per mechanism: 10 ms (each run after the others);
 * - one evaluation of a precomputed optimal pricing function: 1 µs.
 *
 * @example
 * ```ts
 * import { measureSpeeds, speedFixtures } from "./speed.ts";
 * const rows = measureSpeeds(speedFixtures({ jobs: 200, slots: 400 }), { decisions: 100, instanceRuns: 2, phiSweeps: 10 });
 * ```
 *
 * @module
 */
import { requireInteger } from "../../core/validate.ts";
import { buildInstance, CBAR_CPU, section6Mechanisms } from "./experiments.ts";
import type { Instance } from "./instance.ts";
import { pricingFunctions, runPosted } from "./mechanism.ts";
import { PostedPriceState } from "./decision.ts";
import { optimalPricing } from "./power_pricing.ts";
import { timeBatch } from "../../core/timing.ts";

/** Speed targets (issue targets of the reproduction). */
export const SPEED_TARGETS = { decisionMicros: 0.5, instanceMillis: 10, phiNanos: 1000 } as const;

/** Slots spanned by the timed decision. */
export const DECISION_SLOTS = 100;

/** Pre-built inputs of the speed measurements. */
export interface SpeedFixtures {
  /** Case UE instance at p̄ = 2c̄. */
  readonly instance: Instance;
  /** Pricing functions per mechanism (PPM-OP, PPM-TP, PPM-MP). */
  readonly pricing: Record<string, ((y: number) => number)[]>;
  /** Per mechanism: the state after every customer arriving before slots/2 was decided. */
  readonly decisionStates: Record<string, PostedPriceState>;
  /** First slot of the timed 100-slot decision (inside the loaded part of the horizon). */
  readonly decisionArrival: number;
  /** Valuations of the timed customer (PUV p̄/2 on every bundle). */
  readonly valuations: Float64Array;
  /** Optimal φ for p̄ = 9c̄ (HUC2 table). */
  readonly phi: (y: number) => number;
  /** 1024 evaluation points in (0, 1). */
  readonly ys: Float64Array;
}

/**
 * Builds the speed fixtures: a Section 6 instance (default 4000 jobs, 3600 slots as in the paper),
 * its pricing functions, and per mechanism a state loaded with the first half of the customers.
 *
 * @param options instance sizes and seed (slots ≥ 2·100 so the timed stay fits)
 * @returns the fixtures
 * @throws {ParameterError} on sizes that are not integers or too small
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { speedFixtures } from "./speed.ts";
 * assert.equal(speedFixtures({ jobs: 200, slots: 400 }).decisionArrival, 150);
 * ```
 */
export function speedFixtures(
  options: { jobs?: number; slots?: number; seed?: number } = {},
): SpeedFixtures {
  const jobs = options.jobs ?? 4000;
  const slots = options.slots ?? 3600;
  requireInteger("slots", slots, 2 * DECISION_SLOTS);
  const pbar = 2 * CBAR_CPU;
  const { instance } = buildInstance({ case: "UE", pbar, jobs, slots, seed: options.seed ?? 1 });
  const pricing = Object.fromEntries(
    Object.entries(section6Mechanisms()).map(([name, spec]) => [
      name,
      pricingFunctions(instance, spec),
    ]),
  );
  const half = Math.floor(slots / 2);
  const decisionStates = Object.fromEntries(
    Object.entries(pricing).map(([name, phis]) => {
      const state = new PostedPriceState(instance.slots, instance.bundles, phis);
      for (const c of instance.customers) {
        if (c.arrival >= half) continue;
        const b = state.decide(c.arrival, c.duration, c.valuations);
        if (b >= 0) state.admit(c.arrival, c.duration, b);
      }
      return [name, state];
    }),
  );
  return {
    instance,
    pricing,
    decisionStates,
    decisionArrival: half - DECISION_SLOTS / 2,
    valuations: Float64Array.from(instance.bundles, ([cpu]) => 0.5 * pbar * DECISION_SLOTS * cpu!),
    phi: optimalPricing({ a: 0.223, s: 3, pbar: 9 * CBAR_CPU }),
    ys: Float64Array.from({ length: 1024 }, (_, i) => (i + 0.5) / 1024),
  };
}

/** One row of the live speed table. */
export interface SpeedRow {
  /** what was timed (one decision, one instance) */
  readonly operation: string;
  /** mechanism name */
  readonly mechanism: string;
  /** time per call (mean over the timed batch), in `unit` */
  readonly measured: number;
  /** unit of `measured` and `target` */
  readonly unit: "µs" | "ms" | "ns";
  /** the speed target of the issue, in `unit` */
  readonly target: number;
  /** `measured` <= `target` */
  readonly withinTarget: boolean;
  /** calls in the timed batch */
  readonly repetitions: number;
}

/**
 * Measures the three targets live with performance.now() (mean over repetitions after a
 * warm-up): a PPM-OP decision, a whole instance per mechanism, and φ evaluations.
 *
 * @param fixtures from {@link speedFixtures}
 * @param repetitions timed decisions, instance runs per mechanism, and sweeps over the 1024 ys
 * @returns one row per measurement with its target
 * @throws {ParameterError} when a repetition count is not an integer ≥ 1
 * @example
 * ```ts
 * import { measureSpeeds, speedFixtures } from "./speed.ts";
 * measureSpeeds(speedFixtures({ jobs: 200, slots: 400 }), { decisions: 10, instanceRuns: 1, phiSweeps: 1 });
 * ```
 */
export function measureSpeeds(
  fixtures: SpeedFixtures,
  repetitions: { decisions?: number; instanceRuns?: number; phiSweeps?: number } = {},
): SpeedRow[] {
  const decisions = repetitions.decisions ?? 20_000;
  const instanceRuns = repetitions.instanceRuns ?? 10;
  const phiSweeps = repetitions.phiSweeps ?? 2_000;
  const { decisionStates, decisionArrival, valuations, instance, pricing, phi, ys } = fixtures;
  const state = decisionStates["PPM-OP"]!;
  const decision = timeBatch(
    () => state.decide(decisionArrival, DECISION_SLOTS, valuations),
    decisions,
  );
  const rows: SpeedRow[] = [{
    operation: `decision (${DECISION_SLOTS} slots, 2 resources, 9 bundles)`,
    mechanism: "PPM-OP",
    measured: decision.nsPerCall / 1e3,
    unit: "µs",
    target: SPEED_TARGETS.decisionMicros,
    withinTarget: decision.nsPerCall / 1e3 < SPEED_TARGETS.decisionMicros,
    repetitions: decision.repetitions,
  }];
  for (const [name, phis] of Object.entries(pricing)) {
    const run = timeBatch(() => runPosted(instance, phis).welfare, instanceRuns, 1);
    rows.push({
      operation: `${instance.customers.length}-job instance (${instance.slots} slots)`,
      mechanism: name,
      measured: run.nsPerCall / 1e6,
      unit: "ms",
      target: SPEED_TARGETS.instanceMillis,
      withinTarget: run.nsPerCall / 1e6 < SPEED_TARGETS.instanceMillis,
      repetitions: run.repetitions,
    });
  }
  const sweep = timeBatch(() => {
    let sum = 0;
    for (let i = 0; i < ys.length; i++) sum += phi(ys[i]!);
    return sum;
  }, phiSweeps);
  const perPhi = sweep.nsPerCall / ys.length;
  rows.push({
    operation: "optimal φ evaluation (HUC2, p̄ = 9c̄)",
    mechanism: "PPM-OP",
    measured: perPhi,
    unit: "ns",
    target: SPEED_TARGETS.phiNanos,
    withinTarget: perPhi < SPEED_TARGETS.phiNanos,
    repetitions: sweep.repetitions * ys.length,
  });
  return rows;
}
