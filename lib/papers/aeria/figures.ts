/**
 * Figures of the AERIA notebook (Observable Plot via core.plot). Each function takes rows from
 * `experiments.ts` and returns one displayable figure.
 *
 * @example
 * ```ts
 * import { exitCurves } from "./experiments.ts";
 * import { exitCurveFigure } from "./figures.ts";
 * const fig = exitCurveFigure(exitCurves());
 * ```
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Displayable, plot } from "../../core/display.ts";
import type {
  ExitCurveRow,
  LayerProfileRow,
  RuntimeRow,
  SweepRow,
  TraceRuns,
  TraceSlotRow,
} from "./experiments.ts";
import { requireTraceRuns } from "./validate.ts";
import { ParameterError } from "../../core/errors.ts";
import { requireObjectArray, requireOneOf } from "../../core/validate.ts";

const WIDTH = 760;

/**
 * Cumulative main-branch compute share across layer units, with the exit positions marked.
 *
 * @param rows layer-profile rows of all models
 * @returns the figure
 * @example
 * ```ts
 * import { layerProfile } from "./experiments.ts";
 * import { layerProfileFigure } from "./figures.ts";
 * layerProfileFigure(layerProfile("vgg16-cifar100"));
 * ```
 */
export function layerProfileFigure(rows: readonly LayerProfileRow[]): Displayable {
  requireObjectArray("rows", rows, "layer-profile rows { model, unit, ... }", ["model", "unit"], 1);
  const data = rows.map((r) => ({
    ...r,
    position: r.unit / rows.filter((q) => q.model === r.model).length,
  }));
  return plot({
    title: "Cumulative main-branch compute across layer units (dots: early exits)",
    width: WIDTH,
    height: 300,
    x: { label: "layer unit / number of units", domain: [0, 1] },
    y: { label: "cumulative share of main-branch FLOPs", domain: [0, 1], grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([0.25, 0.5, 0.75], { stroke: "#ccc", strokeDasharray: "4,3" }),
      Plot.line(data, {
        x: "position",
        y: "cumulativeShare",
        stroke: "model",
        curve: "step-after",
      }),
      Plot.dot(data.filter((r) => r.exit !== "" && r.exit !== "final"), {
        x: "position",
        y: "cumulativeShare",
        fill: "model",
        r: 5,
        tip: true,
        title: (r: LayerProfileRow) => `${r.model} ${r.exit} exit after ${r.name}`,
      }),
    ],
  });
}

/**
 * Fig. 3 (MODELLED): exit probability at each exit vs the confidence criterion σ, per model.
 *
 * @param rows exit-curve rows
 * @returns the figure
 * @example
 * ```ts
 * import { exitCurves } from "./experiments.ts";
 * import { exitCurveFigure } from "./figures.ts";
 * exitCurveFigure(exitCurves());
 * ```
 */
export function exitCurveFigure(rows: readonly ExitCurveRow[]): Displayable {
  requireObjectArray("rows", rows, "exit-curve rows { model, sigma, exit, probability }", [
    "model",
    "sigma",
  ]);
  return plot({
    title: "Fig. 3 (modelled, not measured): exit probability vs confidence criterion σ",
    width: WIDTH,
    height: 260,
    x: { label: "σ (normalised entropy threshold; lower = stricter)" },
    y: { label: "exit probability", domain: [0, 1], grid: true },
    fx: { label: null },
    color: { legend: true, domain: ["shallow", "middle", "deep", "final"] },
    marks: [
      Plot.line(rows, { x: "sigma", y: "probability", stroke: "exit", fx: "model" }),
      Plot.frame({ stroke: "#ddd" }),
    ],
  });
}

/**
 * Fig. 4: a metric vs users per slot or vs edge capacity, one line per mechanism.
 *
 * @param rows sweep rows
 * @param axis which sweep
 * @param metric revenue ($/slot), profit rate or utilisation
 * @returns the figure
 * @example
 * ```ts
 * import { scaleSweep } from "./experiments.ts";
 * import { sweepFigure } from "./figures.ts";
 * sweepFigure(scaleSweep({ slots: 4, seed: 1 }), "users", "revenue");
 * ```
 */
export function sweepFigure(
  rows: readonly SweepRow[],
  axis: SweepRow["axis"],
  metric: "revenue" | "profitRate" | "utilisation",
): Displayable {
  requireObjectArray("rows", rows, "sweep rows (scaleSweep)", ["axis", "mechanism"], 1);
  requireOneOf("axis", axis, ["users", "capacity"]);
  requireOneOf("metric", metric, ["revenue", "profitRate", "utilisation"]);
  const label = {
    revenue: "revenue ($/slot)",
    profitRate: "profit rate",
    utilisation: "utilisation",
  };
  return plot({
    title: `Fig. 4: ${label[metric]} vs ${axis === "users" ? "users per slot" : "edge capacity"}`,
    width: WIDTH / 2 + 40,
    height: 260,
    x: { label: axis === "users" ? "bids per slot" : "edge capacity (GFLOPS)" },
    y: { label: label[metric], grid: true },
    color: { legend: true },
    marks: [
      Plot.line(rows.filter((r) => r.axis === axis), { x: "x", y: metric, stroke: "label" }),
      Plot.dot(rows.filter((r) => r.axis === axis), { x: "x", y: metric, fill: "label", r: 3 }),
    ],
  });
}

/**
 * Fig. 4: AERIA's actual competitiveness Π̂/Π̃ vs Theorem 2's bound along one sweep.
 *
 * @param rows sweep rows
 * @param axis which sweep
 * @returns the figure
 * @example
 * ```ts
 * import { scaleSweep } from "./experiments.ts";
 * import { competitivenessFigure } from "./figures.ts";
 * competitivenessFigure(scaleSweep({ slots: 4, seed: 1 }), "capacity");
 * ```
 */
export function competitivenessFigure(
  rows: readonly SweepRow[],
  axis: SweepRow["axis"],
): Displayable {
  requireObjectArray("rows", rows, "sweep rows (scaleSweep)", ["axis", "mechanism"], 1);
  requireOneOf("axis", axis, ["users", "capacity"]);
  const data = rows.filter((r) =>
    r.axis === axis && r.mechanism === "aeria" && r.actualRatio !== null
  )
    .flatMap((r) => [
      { x: r.x, series: "actual Π̂/Π̃ (mean)", ratio: r.actualRatio! },
      { x: r.x, series: "Theorem 2 bound (mean)", ratio: r.theoreticalRatio! },
    ]);
  return plot({
    title: `Fig. 4: actual vs theoretical competitiveness vs ${
      axis === "users" ? "users per slot" : "edge capacity"
    }`,
    width: WIDTH / 2 + 40,
    height: 240,
    x: { label: axis === "users" ? "bids per slot" : "edge capacity (GFLOPS)" },
    y: { label: "ratio to Π̃", domain: [0, 1], grid: true },
    color: { legend: true },
    marks: [
      Plot.line(data, { x: "x", y: "ratio", stroke: "series" }),
      Plot.dot(data, { x: "x", y: "ratio", fill: "series", r: 3 }),
    ],
  });
}

/**
 * Fig. 4 (right): runtime of one AERIA slot vs bids.
 *
 * @param rows runtime rows
 * @returns the figure
 * @example
 * ```ts
 * import { runtimeScan } from "./experiments.ts";
 * import { runtimeFigure } from "./figures.ts";
 * runtimeFigure(runtimeScan([40, 112], 5, 1));
 * ```
 */
export function runtimeFigure(rows: readonly RuntimeRow[]): Displayable {
  requireObjectArray("rows", rows, "runtime rows { bids, minMs, medianMs }", ["bids"], 1);
  const data = rows.flatMap((r) => [
    { bids: r.bids, statistic: "median", ms: r.medianMs },
    { bids: r.bids, statistic: "fastest batch", ms: r.minMs },
  ]);
  return plot({
    title: "Fig. 4: runtime of one AERIA slot (this machine; paper: ~3 ms on an i9-10920X)",
    width: WIDTH,
    height: 240,
    x: { label: "bids per slot" },
    y: { label: "milliseconds per slot", grid: true },
    color: { legend: true },
    marks: [
      Plot.line(data, { x: "bids", y: "ms", stroke: "statistic" }),
      Plot.dot(data, { x: "bids", y: "ms", fill: "statistic", r: 3 }),
    ],
  });
}

/**
 * Fig. 5: one per-slot metric over the 360 trace-driven slots, mean over runs per mechanism
 * (revenue also shows the min-max band across runs).
 *
 * @param rows per-slot rows
 * @param metric which metric
 * @returns the figure
 * @example
 * ```ts
 * import { traceDrivenRuns } from "./experiments.ts";
 * import { traceFigure } from "./figures.ts";
 * traceFigure(traceDrivenRuns({ runs: 1, seed: 1, slots: 24 }).slots, "utilisation");
 * ```
 */
export function traceFigure(
  rows: readonly TraceSlotRow[],
  metric: "revenue" | "profitRate" | "fulfilled" | "utilisation",
): Displayable {
  requireObjectArray("rows", rows, "trace slot rows { slot, mechanism, ... }", [
    "slot",
    "mechanism",
  ], 1);
  requireOneOf("metric", metric, ["revenue", "profitRate", "fulfilled", "utilisation"]);
  const label = {
    revenue: "revenue ($/slot)",
    profitRate: "profit rate",
    fulfilled: "fulfilled requests",
    utilisation: "edge utilisation",
  };
  return plot({
    title: `Fig. 5: ${label[metric]} per slot (mean over runs${
      metric === "revenue" ? "; band: min-max across runs" : ""
    })`,
    width: WIDTH,
    height: 260,
    x: { label: "slot (hour)" },
    y: { label: label[metric], grid: true },
    color: { legend: true },
    marks: [
      ...(metric === "revenue"
        ? [
          Plot.areaY(rows, {
            x: "slot",
            y1: "revenueLo",
            y2: "revenueHi",
            fill: "label",
            fillOpacity: 0.15,
          }),
        ]
        : []),
      Plot.line(rows, { x: "slot", y: metric, stroke: "label", strokeWidth: 1 }),
    ],
  });
}

/**
 * Fig. 5 inputs: bids per slot, rental price and wireless rate (each scaled to its maximum).
 *
 * @param runs trace-run result
 * @returns the figure
 * @example
 * ```ts
 * import { traceDrivenRuns } from "./experiments.ts";
 * import { traceInputsFigure } from "./figures.ts";
 * traceInputsFigure(traceDrivenRuns({ runs: 1, seed: 1, slots: 24 }));
 * ```
 */
export function traceInputsFigure(runs: TraceRuns): Displayable {
  requireTraceRuns(runs);
  const max = (f: (r: TraceRuns["inputs"][number]) => number) => Math.max(...runs.inputs.map(f));
  const [bids, price, rate] = [
    max((r) => r.bids),
    max((r) => r.rentalPrice),
    max((r) => r.rateMbps),
  ];
  const data = runs.inputs.flatMap((r) => [
    { slot: r.slot, series: `bids (max ${bids})`, value: r.bids / bids },
    {
      slot: r.slot,
      series: `rental price (max $${price.toFixed(3)})`,
      value: r.rentalPrice / price,
    },
    {
      slot: r.slot,
      series: `wireless rate (max ${rate.toFixed(0)} Mbit/s)`,
      value: r.rateMbps / rate,
    },
  ]);
  return plot({
    title: "Fig. 5 inputs: synthetic diurnal bids, IESO-driven rental price, Ghent 4G rate",
    width: WIDTH,
    height: 300,
    marginRight: 190,
    x: { label: "slot (hour)" },
    y: { label: "share of the series maximum", grid: true },
    fy: { label: null },
    marks: [Plot.line(data, { x: "slot", y: "value", fy: "series", stroke: "series" })],
  });
}

/**
 * Fig. 5: AERIA's per-slot Π̂/Π̃ against the Theorem 2 bound (first run).
 *
 * @param runs trace-run result
 * @returns the figure
 * @example
 * ```ts
 * import { traceDrivenRuns } from "./experiments.ts";
 * import { traceCompetitivenessFigure } from "./figures.ts";
 * traceCompetitivenessFigure(traceDrivenRuns({ runs: 1, seed: 1, slots: 24 }));
 * ```
 */
export function traceCompetitivenessFigure(runs: TraceRuns): Displayable {
  requireTraceRuns(runs);
  if (!runs.inputs.some((r) => r.actualRatio !== null)) {
    throw new ParameterError("runs.inputs", runs.inputs, "at least one slot with a ratio Π̂/Π̃");
  }
  const data = runs.inputs.filter((r) => r.actualRatio !== null).flatMap((r) => [
    { slot: r.slot, series: "actual Π̂/Π̃", ratio: r.actualRatio! },
    { slot: r.slot, series: "Theorem 2 bound", ratio: r.bound! },
  ]);
  return plot({
    title: "Fig. 5: actual vs theoretical competitiveness per slot (AERIA, first run)",
    width: WIDTH,
    height: 240,
    x: { label: "slot (hour)" },
    y: { label: "ratio to Π̃", domain: [0, 1], grid: true },
    color: { legend: true },
    marks: [Plot.dot(data, { x: "slot", y: "ratio", fill: "series", r: 1.5 })],
  });
}
