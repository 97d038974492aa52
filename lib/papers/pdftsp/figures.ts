/**
 * Figures of the pdftsp notebook (Observable Plot through core.plot).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Displayable, logFloor, plot } from "../../core/display.ts";
import type { AuctionData, RatioRow, WelfareRow } from "./experiments.ts";
import type { SensitivityRow } from "./sensitivity.ts";

/**
 * Grouped bars of welfare per setting and algorithm (Fig. 4-9).
 *
 * @param rows rows of one sweep
 * @param title figure title
 * @returns the figure
 */
export function welfareBars(rows: readonly WelfareRow[], title: string): Displayable {
  return plot({
    title,
    marginBottom: 40,
    fx: { label: null },
    x: { axis: null },
    y: { label: "social welfare", grid: true },
    color: { legend: true, type: "categorical" },
    marks: [
      Plot.barY(rows, { fx: "setting", x: "algorithm", y: "welfare", fill: "algorithm" }),
      Plot.ruleY([0]),
    ],
  });
}

/**
 * Utility against bid for one task (Fig. 10).
 *
 * @param data auction data
 * @returns the figure
 */
export function truthfulnessCurve(data: AuctionData): Displayable {
  return plot({
    title: `Utility of task ${data.sweepTask} vs its bid (true value ${data.value.toFixed(1)})`,
    x: { label: "bid" },
    y: { label: "utility", grid: true },
    marks: [
      Plot.line(data.sweep, { x: "bid", y: "utility" }),
      Plot.dot(data.sweep, {
        x: "bid",
        y: "utility",
        fill: (d: { admitted: boolean }) => d.admitted ? "won" : "lost",
      }),
      Plot.ruleX([data.value], { stroke: "red" }),
    ],
    color: { legend: true, type: "categorical" },
  });
}

/**
 * Bids against payments of admitted tasks (Fig. 11).
 *
 * @param data auction data
 * @returns the figure
 */
export function bidsVsPayments(data: AuctionData): Displayable {
  const rows = data.payments.flatMap((p) => [
    { task: String(p.task), kind: "bid", amount: p.bid },
    { task: String(p.task), kind: "payment", amount: p.payment },
  ]);
  return plot({
    title: "Bids and payments of sampled admitted tasks",
    fx: { label: "task" },
    x: { axis: null },
    y: { label: "money", grid: true },
    color: { legend: true, type: "categorical" },
    marks: [Plot.barY(rows, { fx: "task", x: "kind", y: "amount", fill: "kind" }), Plot.ruleY([0])],
  });
}

/**
 * Empirical competitive ratios (Fig. 12).
 *
 * @param rows ratio rows
 * @returns the figure
 */
export function ratioDots(rows: readonly RatioRow[]): Displayable {
  return plot({
    title: "OPT / pdFTSP on certified small instances",
    x: { label: null, tickRotate: -30 },
    y: { label: "empirical ratio", grid: true, domain: [0, 3.5] },
    marginBottom: 70,
    marks: [
      Plot.dot(rows, { x: "setting", y: "ratio" }),
      Plot.ruleY([1]),
      Plot.ruleY([3], { stroke: "red" }),
    ],
  });
}

/**
 * Scheduling time per task of pdFTSP and Titan (Fig. 13).
 *
 * @param rows rows of the cluster-size sweep
 * @returns the figure
 */
export function runtimeBars(rows: readonly WelfareRow[]): Displayable {
  const timed = rows.filter((r) => r.algorithm === "pdftsp" || r.algorithm === "titan");
  return plot({
    title: "Scheduling time per task",
    fx: { label: null },
    x: { axis: null },
    y: { label: "ms per task", type: "log", grid: true },
    color: { legend: true, type: "categorical" },
    marks: [
      Plot.barY(timed, {
        fx: "setting",
        x: "algorithm",
        // A log scale has no 0: bars start at the decade below the fastest time.
        y1: logFloor(timed.map((r) => r.perTaskMs)),
        y2: "perTaskMs",
        fill: "algorithm",
      }),
    ],
  });
}

/**
 * pdFTSP's welfare gain over the best baseline against the money unit κ, one line per bid scale
 * (the unit × bid scale grid of the sensitivity sweep); the dot symbol shows whether Lemma 2's
 * b̄ >= 1 held.
 *
 * @param rows rows of `sensitivitySweep`
 * @returns the figure
 */
export function sensitivityLines(rows: readonly SensitivityRow[]): Displayable {
  const grid = rows.filter((r) => r.sweep === "unit × bid scale").map((r) => ({
    ...r,
    bids: `bids × ${r.bidScale}`,
    lemma2: r.lemma2Holds ? "b̄ ≥ 1 (Lemma 2 holds)" : "b̄ < 1 for some updating task",
  }));
  return plot({
    title: "pdFTSP welfare vs the best of Titan/EFT/NTM, by money unit κ and bid scale",
    x: {
      type: "log",
      label: "money unit κ (α, β ∝ κ; 1 = workload units)",
      ticks: [...new Set(grid.map((r) => r.unitScale))],
      tickFormat: (k: number) => k < 1 ? `1/${Math.round(1 / k)}` : String(k),
    },
    y: { label: "gain over best baseline, %", grid: true },
    color: { legend: true, type: "categorical" },
    symbol: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(grid, { x: "unitScale", y: "gainOverBestBaseline", stroke: "bids" }),
      Plot.dot(grid, {
        x: "unitScale",
        y: "gainOverBestBaseline",
        stroke: "bids",
        symbol: "lemma2",
        r: 4,
      }),
    ],
  });
}
