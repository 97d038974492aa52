/**
 * Data and figures of the notebook: Fig. 2 (α̲_1, α̲_2, achievable region), Fig. 3 (optimal
 * pricing families), α_* against p̄/c̄, and the Section 6 sweeps (Fig. 4-7) with a progress bar.
 *
 * @example
 * ```ts
 * import { lowerBoundCurves } from "./figures.ts";
 * const rows = lowerBoundCurves(3, 3); // α̲_1 and α̲_2 on a grid of u
 * ```
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Displayable, plot } from "../../core/display.ts";
import { progress } from "../../core/progress.ts";
import type { RunMode } from "../../core/params.ts";
import { alphaStarOf, criticalThreshold, lowerBound1, lowerBound2 } from "./power_theory.ts";
import { optimalPricingFunction } from "./power_pricing.ts";
import {
  buildInstance,
  CBAR_CPU,
  empiricalRatios,
  type InstanceParams,
  type RatioResult,
  SECTION6,
} from "./experiments.ts";
import type { MechanismSpec } from "./mechanism.ts";

/** α̲_1(u), α̲_2(u) and α̲(u) = max of both on a grid (Fig. 2), for p̄/c̄ = ratio. */
export function lowerBoundCurves(s: number, ratio: number, points = 120) {
  return Array.from({ length: points }, (_, i) => {
    const u = 0.02 + 0.96 * i / (points - 1);
    const a1 = lowerBound1(s, u);
    const a2 = lowerBound2(s, u, ratio);
    return { u, a1, a2, bound: Math.max(a1, a2) };
  });
}

/** Fig. 2: the two lower bounds and the achievable region above their maximum. */
export function figure2(s: number, ratio: number): Displayable {
  const rows = lowerBoundCurves(s, ratio);
  const long = rows.flatMap((r) => [
    { u: r.u, alpha: r.a1, curve: "α̲1(u)" },
    { u: r.u, alpha: r.a2, curve: "α̲2(u)" },
  ]);
  return plot({
    title: `Fig. 2: lower bounds, s = ${s}, p̄/c̄ = ${ratio}`,
    y: { label: "α", domain: [1, 3 * alphaStarOf(s, ratio)] },
    color: { legend: true },
    marks: [
      Plot.areaY(rows, { x: "u", y1: "bound", y2: 3 * alphaStarOf(s, ratio), fillOpacity: 0.15 }),
      Plot.line(long, { x: "u", y: "alpha", stroke: "curve", clip: true }),
    ],
  });
}

/** Fig. 3: members of the optimal families (LUC: φ_m, HUC1: φ_u) in units of c̄. */
export function figure3(s: number, lucRatio: number, hucRatio: number): Displayable {
  const a = 1 / s;
  const v = lucRatio ** (1 / (s - 1));
  const w = v * s ** (-1 / (s - 1));
  const lucMembers = [w, (w + v) / 2, v].map((m) =>
    optimalPricingFunction({ a, s, pbar: lucRatio }, { kind: "luc", m })
  );
  const us = s ** (-1 / (s - 1));
  const uc = criticalThreshold(s, hucRatio);
  const hucMembers = [us, (us + uc) / 2, uc].map((u) =>
    optimalPricingFunction({ a, s, pbar: hucRatio }, { kind: "huc1", u })
  );
  const rows = [
    ...lucMembers.flatMap((f) => sample(f.phi, f.domainEnd, `LUC ${f.label}`)),
    ...hucMembers.flatMap((f) => sample(f.phi, f.domainEnd, `HUC1 ${f.label}`)),
    ...sample((y) => y ** (s - 1), 1, "f'(y)/c̄"),
  ];
  return plot({
    title:
      `Fig. 3: optimal pricing families (s = ${s}; LUC p̄ = ${lucRatio}c̄, HUC1 p̄ = ${hucRatio}c̄)`,
    x: { label: "utilisation y" },
    y: { label: "φ(y)/c̄" },
    color: { legend: true },
    marks: [Plot.line(rows, { x: "y", y: "price", stroke: "curve" })],
  });
}

function sample(phi: (y: number) => number, end: number, curve: string) {
  return Array.from({ length: 101 }, (_, i) => {
    const y = end * i / 100;
    return { y, price: phi(y), curve };
  });
}

/** α_* against p̄/c̄ for several s (Corollary 2). */
export function alphaStarCurves(exponents: readonly number[] = [1.2, 2, 3, 4]) {
  return exponents.flatMap((s) =>
    Array.from({ length: 60 }, (_, i) => {
      const ratio = 10 ** (-0.5 + 2 * i / 59);
      return { s: `s = ${s}`, ratio, alphaStar: alphaStarOf(s, ratio) };
    })
  );
}

/** Plot of {@link alphaStarCurves}. */
export function alphaStarFigure(exponents?: readonly number[]): Displayable {
  return plot({
    title: "Optimal competitive ratio α_* against p̄/c̄ (Corollary 2)",
    x: { type: "log", label: "p̄/c̄" },
    y: { label: "α_*" },
    color: { legend: true },
    marks: [Plot.line(alphaStarCurves(exponents), { x: "ratio", y: "alphaStar", stroke: "s" })],
  });
}

/** One point of a sweep: parameters and the mean ER bracket per mechanism. */
export interface SweepRow {
  readonly x: number;
  readonly mechanism: string;
  readonly erLow: number;
  readonly erHigh: number;
  readonly instances: number;
}

/** Sizes of a sweep in quick and paper mode. */
export function sweepSizes(mode: RunMode) {
  return mode === "paper"
    ? { instances: 1000, jobs: SECTION6.jobs, slots: SECTION6.slots }
    : { instances: 2, jobs: 300, slots: 270 };
}

/**
 * Runs a sweep: for each x, `instances` instances built by `params(x, i)`, mechanisms from
 * `mechanisms(x)`; returns mean ER brackets and the offline share of the wall time.
 */
export async function runSweep(
  label: string,
  xs: readonly number[],
  params: (x: number, instance: number) => InstanceParams,
  mechanisms: (x: number) => Record<string, MechanismSpec>,
  instances: number,
): Promise<{ rows: SweepRow[]; seconds: number; offlineSeconds: number; source: string }> {
  const bar = progress(label, xs.length * instances);
  const started = performance.now();
  let offlineSeconds = 0;
  let source = "";
  const rows: SweepRow[] = [];
  for (const x of xs) {
    const sums = new Map<string, { low: number; high: number }>();
    for (let i = 0; i < instances; i++) {
      const built = buildInstance(params(x, i));
      source = built.source;
      const result = await empiricalRatios(built.instance, mechanisms(x));
      offlineSeconds += result.offline.seconds;
      for (const r of result.ratios) {
        const acc = sums.get(r.mechanism) ?? { low: 0, high: 0 };
        acc.low += r.erLow;
        acc.high += r.erHigh;
        sums.set(r.mechanism, acc);
      }
      bar.tick();
    }
    for (const [mechanism, acc] of sums) {
      rows.push({
        x,
        mechanism,
        erLow: acc.low / instances,
        erHigh: acc.high / instances,
        instances,
      });
    }
  }
  bar.done();
  return { rows, seconds: (performance.now() - started) / 1000, offlineSeconds, source };
}

/** ER-vs-x figure with the certified bracket drawn as a band. */
export function ratioFigure(rows: readonly SweepRow[], title: string, xLabel: string): Displayable {
  return plot({
    title,
    x: { label: xLabel },
    y: { label: "empirical ratio W_opt/W_online" },
    color: { legend: true },
    marks: [
      Plot.areaY(rows, { x: "x", y1: "erLow", y2: "erHigh", fill: "mechanism", fillOpacity: 0.3 }),
      Plot.line(rows, { x: "x", y: "erHigh", stroke: "mechanism" }),
      Plot.dot(rows, { x: "x", y: "erHigh", fill: "mechanism" }),
    ],
  });
}

/** Utilisation over time (Fig. 4b/5b) for named utilisation series of the CPU. */
export function utilisationFigure(
  series: Record<string, Float64Array>,
  title: string,
): Displayable {
  const rows = Object.entries(series).flatMap(([name, y]) =>
    Array.from(y, (level, t) => ({ minutes: t * SECTION6.slotSeconds / 60, level, name }))
      .filter((_, t) => t % 5 === 0)
  );
  return plot({
    title,
    x: { label: "time (min)" },
    y: { label: "CPU utilisation", domain: [0, 1] },
    color: { legend: true },
    marks: [Plot.line(rows, { x: "minutes", y: "level", stroke: "name" })],
  });
}

/** p̄ grid of Fig. 4/5 in units of c̄_cpu. */
export function pbarGrid(mode: RunMode): number[] {
  const multiples = mode === "paper" ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 3, 6, 9];
  return multiples.map((m) => m * CBAR_CPU);
}

export type { RatioResult };
