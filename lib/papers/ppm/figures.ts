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
import { ParameterError } from "../../core/errors.ts";
import { alphaStarOf, criticalThreshold, lowerBound1, lowerBound2 } from "./power_theory.ts";
import { optimalPricingFunction } from "./power_pricing.ts";
import {
  buildInstance,
  empiricalRatios,
  type InstanceParams,
  RatioMeans,
  type RatioResult,
  SECTION6,
} from "./experiments.ts";
import type { MechanismSpec } from "./mechanism.ts";

export { PAPER_MODE_INSTANCES, sweepSizes } from "./section6_plan.ts";
import {
  requireFiniteArray,
  requireFunction,
  requireInteger,
  requireObject,
  requireObjectArray,
  requireString,
} from "../../core/validate.ts";

/** α̲_1(u), α̲_2(u) and α̲(u) = max of both on a grid (Fig. 2), for p̄/c̄ = ratio. */
export function lowerBoundCurves(
  s: number,
  ratio: number,
  points = 120,
): { u: number; a1: number; a2: number; bound: number }[] {
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
export function alphaStarCurves(
  exponents: readonly number[] = [1.2, 2, 3, 4],
): { s: string; ratio: number; alphaStar: number }[] {
  return exponents.flatMap((s) =>
    Array.from({ length: 60 }, (_, i) => {
      const ratio = 10 ** (-0.5 + 2 * i / 59);
      return { s: `s = ${s}`, ratio, alphaStar: alphaStarOf(s, ratio) };
    })
  );
}

/** Plot of {@link alphaStarCurves}. */
export function alphaStarFigure(exponents?: readonly number[]): Displayable {
  if (exponents !== undefined) requireFiniteArray("exponents", exponents);
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
  /** the swept parameter's value */
  readonly x: number;
  /** mechanism name */
  readonly mechanism: string;
  /** mean ER from the lower bounds of W_opt */
  readonly erLow: number;
  /** mean ER from the upper bounds of W_opt */
  readonly erHigh: number;
  /** instances averaged */
  readonly instances: number;
  /** Facet column label (e.g. `p̄ = 3c̄ (HUC1)`), when the sweep has several panels. */
  readonly column?: string;
  /** Facet row label (e.g. `Case EI`), when the sweep has several panels. */
  readonly row?: string;
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
  requireString("label", label);
  requireFiniteArray("xs", xs);
  requireFunction("params", params);
  requireFunction("mechanisms", mechanisms);
  requireInteger("instances", instances, 1, 100_000);
  const bar = progress(label, xs.length * instances);
  const started = performance.now();
  let offlineSeconds = 0;
  let source = "";
  const rows: SweepRow[] = [];
  for (const x of xs) {
    const means = new RatioMeans();
    for (let i = 0; i < instances; i++) {
      const built = buildInstance(params(x, i));
      source = built.source;
      const result = await empiricalRatios(built.instance, mechanisms(x));
      offlineSeconds += result.offline.seconds;
      for (const r of result.ratios) means.add(r.mechanism, r);
      bar.tick();
    }
    for (const mechanism of means.keys()) rows.push({ x, mechanism, ...means.mean(mechanism) });
  }
  bar.done();
  return { rows, seconds: (performance.now() - started) / 1000, offlineSeconds, source };
}

/** Colours of the mechanisms, the same in every Section 6 figure. */
const SERIES_COLOURS: Record<string, string> = {
  "PPM-OP": "#4269d0",
  "PPM-TP": "#ff725c",
  "PPM-MP": "#efb118",
  offline: "#3ca951",
};

/** Categorical colour scale listing the series present, in the fixed order and colours above. */
function seriesColour(names: readonly string[]) {
  const present = new Set(names);
  const domain = [
    ...Object.keys(SERIES_COLOURS).filter((n) => present.has(n)),
    ...[...present].filter((n) => !(n in SERIES_COLOURS)),
  ];
  const fallback = ["#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];
  return {
    legend: true,
    domain,
    range: domain.map((n, i) => SERIES_COLOURS[n] ?? fallback[i % fallback.length]!),
  };
}

/** Order of appearance of the distinct defined values (facet domains in the paper's order). */
function appearance(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

/** Facet channels of rows that carry `column`/`row` labels (none for a single panel). */
function facets(rows: readonly { column?: string; row?: string }[]) {
  return {
    ...(rows.some((r) => r.column !== undefined) ? { fx: "column" } : {}),
    ...(rows.some((r) => r.row !== undefined) ? { fy: "row" } : {}),
  };
}

/**
 * ER-vs-x figure with the certified bracket drawn as a band, faceted by the rows' `column` and
 * `row` labels when present (one panel per paper sub-figure).
 *
 * @param rows sweep rows (of {@link runSweep} or `runDeltaSweep`)
 * @param title figure title
 * @param xLabel label of the swept parameter
 * @param subtitle e.g. the instance count per point
 * @returns the plot
 * @example
 * ```ts
 * import { ratioFigure } from "./figures.ts";
 * ratioFigure([{ x: 0, mechanism: "PPM-OP", erLow: 1, erHigh: 1.1, instances: 2 }], "ER", "δ");
 * ```
 */
export function ratioFigure(
  rows: readonly SweepRow[],
  title: string,
  xLabel: string,
  subtitle?: string,
): Displayable {
  requireString("title", title);
  requireString("xLabel", xLabel);
  if (subtitle !== undefined) requireString("subtitle", subtitle);
  requireObjectArray("rows", rows, "sweep rows { x, mechanism, erLow, erHigh }", [
    "x",
    "mechanism",
  ]);
  const facet = facets(rows);
  const rowLabels = appearance(rows.map((r) => r.row));
  return plot({
    title,
    subtitle,
    width: facet.fx ? 900 : 640,
    height: rowLabels.length > 1 ? 420 : 260,
    marginLeft: 60,
    marginRight: facet.fy ? 70 : 20,
    x: { label: xLabel },
    y: { label: "ER = W_opt/W_online (band: certified bracket)", grid: true },
    fx: { label: null, domain: appearance(rows.map((r) => r.column)) },
    fy: { label: null, domain: rowLabels },
    color: seriesColour(rows.map((r) => r.mechanism)),
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.areaY(rows, {
        x: "x",
        y1: "erLow",
        y2: "erHigh",
        fill: "mechanism",
        fillOpacity: 0.3,
        ...facet,
      }),
      Plot.line(rows, { x: "x", y: "erHigh", stroke: "mechanism", ...facet }),
      Plot.dot(rows, { x: "x", y: "erHigh", fill: "mechanism", r: 2.5, ...facet }),
    ],
  });
}

/** One sample of CPU utilisation over time (Fig. 4(b)/5(b)). */
export interface UtilisationRow {
  /** time from the start of the window, min */
  readonly minutes: number;
  /** CPU utilisation y(t), a fraction of capacity */
  readonly level: number;
  /** Mechanism name or `offline`. */
  readonly name: string;
  /** facet column label, when the figure has several panels */
  readonly column?: string;
}

/**
 * Rows of {@link utilisationFigure}: every 5th slot of each named CPU utilisation series.
 *
 * @param series utilisation per slot, by mechanism name
 * @param column facet label of these series
 * @returns rows with time in minutes
 * @throws {ParameterError} when a series is not a Float64Array
 * @example
 * ```ts
 * import { utilisationRows } from "./figures.ts";
 * utilisationRows({ "PPM-OP": new Float64Array(10) }, "Case UE").length; // 2
 * ```
 */
export function utilisationRows(
  series: Record<string, Float64Array>,
  column?: string,
): UtilisationRow[] {
  if (column !== undefined) requireString("column", column);
  requireObject("series", series, "an object of utilisation series (Float64Array per name)");
  for (const [name, y] of Object.entries(series)) {
    if (!(y instanceof Float64Array)) {
      throw new ParameterError(`series.${name}`, y, "a Float64Array of utilisation levels");
    }
  }
  return Object.entries(series).flatMap(([name, y]) =>
    Array.from(y, (level, t) => ({ minutes: t * SECTION6.slotSeconds / 60, level, name, column }))
      .filter((_, t) => t % 5 === 0)
  );
}

/**
 * Utilisation over time (Fig. 4(b)/5(b)), one facet per `column` label.
 *
 * @param rows rows of {@link utilisationRows}
 * @param title figure title
 * @param subtitle optional subtitle
 * @returns the plot
 * @example
 * ```ts
 * import { utilisationFigure, utilisationRows } from "./figures.ts";
 * utilisationFigure(utilisationRows({ "PPM-OP": new Float64Array(10) }), "CPU");
 * ```
 */
export function utilisationFigure(
  rows: readonly UtilisationRow[],
  title: string,
  subtitle?: string,
): Displayable {
  requireString("title", title);
  if (subtitle !== undefined) requireString("subtitle", subtitle);
  requireObjectArray("rows", rows, "utilisation rows { minutes, level, name }", [
    "minutes",
    "name",
  ]);
  const facet = facets(rows);
  return plot({
    title,
    subtitle,
    width: facet.fx ? 900 : 640,
    height: 260,
    x: { label: "time (min)" },
    y: { label: "CPU utilisation", domain: [0, 1], grid: true },
    fx: { label: null, domain: appearance(rows.map((r) => r.column)) },
    color: seriesColour(rows.map((r) => r.name)),
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.line(rows, { x: "minutes", y: "level", stroke: "name", ...facet }),
    ],
  });
}

export type { RatioResult };
