/**
 * Trace catalogue views for the overview notebook, drawn from the committed statistics
 * (`data/trace_stats.json`), so they render with or without the raw traces.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TRACE_NAMES } from "../traces/mod.ts";
 * import { traceCatalogueRows } from "./trace_figures.ts";
 * assert.deepEqual(traceCatalogueRows().map((row) => row.folder), [...TRACE_NAMES]); // one per folder
 * ```
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Displayable, plot } from "../core/display.ts";
import { JOB_TRACES } from "../traces/job_traces.ts";
import { TRACE_NAMES, traceDir, type TraceName, tracesAvailable } from "../traces/paths.ts";
import { loadTraceStats } from "../traces/stats_file.ts";

/** What each trace folder stands in for, per paper (the papers' own traces are mostly absent). */
export const STAND_INS: Readonly<Record<TraceName, { paperTrace: string; usedBy: string }>> = {
  "google-2011": { paperTrace: "Google cluster 2011 (the paper's own)", usedBy: "ppm (Sec. 6)" },
  "msft-itp-elasticflow": {
    paperTrace: "stand-in for MLaaS (Alibaba PAI 2020), Philly and Helios arrivals",
    usedBy: "pdftsp (Fig. 4-13)",
  },
  "alibaba-gpu-v2023": {
    paperTrace: "stand-in for MLaaS (Alibaba PAI 2020)",
    usedBy: "pdftsp",
  },
  "philly-derived": {
    paperTrace: "derived from Philly (runtimes, sampled workloads)",
    usedBy: "pdftsp",
  },
  "helios-derived": {
    paperTrace: "derived from Helios Saturn (sampled workloads)",
    usedBy: "pdftsp",
  },
  "ieso-hoep-2016": {
    paperTrace: "stand-in for IESO HOEP Sept 2022 (same market, year 2016)",
    usedBy: "aeria (rental price), pdftsp (electricity cost)",
  },
  "ghent-4g": {
    paperTrace: "Ghent 4G/LTE bandwidth logs (the paper's own source)",
    usedBy: "aeria",
  },
  "lora-throughput-vectorlm": {
    paperTrace: "cross-check for the unprinted GPT-2 LoRA throughput (no GPT-2 rows)",
    usedBy: "pdftsp (modelled C_kp)",
  },
  "gpu-throughput-elasticflow-a100": {
    paperTrace: "A100 training throughput (context for GPU capacity models)",
    usedBy: "pdftsp, stackelberg (context)",
  },
  "dnn-layer-profiles": {
    paperTrace: "independent per-layer counts for AlexNet, VGG-16, ResNet-34",
    usedBy: "aeria (layer model check)",
  },
};

/** One row per trace folder: availability here and what it stands in for. */
export function traceCatalogueRows(): Record<string, string>[] {
  const dir = traceDir();
  return TRACE_NAMES.map((name) => ({
    folder: name,
    "raw files here": tracesAvailable(name, dir) ? "yes" : "no (calibrated generators used)",
    "stands in for": STAND_INS[name].paperTrace,
    "used by": STAND_INS[name].usedBy,
  }));
}

/** Job counts, mean and peak arrivals per hour, and median duration per job trace. */
export function jobTraceSummaryRows(): Record<string, string | number>[] {
  const stats = loadTraceStats();
  const median = stats.quantileProbs.indexOf(0.5);
  return JOB_TRACES.map((name) => {
    const trace = stats.jobs[name];
    return {
      trace: name,
      jobs: trace.jobCount,
      "mean arrivals/h": trace.arrivalsPerHour.mean,
      "peak arrivals/h": trace.arrivalsPerHour.max,
      "median duration (h)": trace.durationQuantilesS
        ? (trace.durationQuantilesS[median] ?? NaN) / 3600
        : "not in trace",
    };
  });
}

/** Mean arrivals per hour by phase (hour of day, or hour of an 8-hour workload). */
export function arrivalProfilePlot(): Displayable {
  const stats = loadTraceStats();
  const points = JOB_TRACES.flatMap((name) =>
    stats.jobs[name].arrivalsPerHourProfile.map((rate, hour) => ({ trace: name, hour, rate }))
  );
  return plot({
    title: "Arrival-rate profile per job trace",
    subtitle: "mean submissions per hour by phase (24-hour period, or the 8-hour Sia workloads)",
    y: { type: "log", label: "jobs per hour", grid: true },
    x: { label: "hour of period" },
    color: { legend: true, type: "categorical" },
    marks: [Plot.line(points, { x: "hour", y: "rate", stroke: "trace", marker: "dot" })],
  });
}

/** Empirical duration CDFs (from stored quantiles) of the traces that record durations. */
export function durationCdfPlot(): Displayable {
  const stats = loadTraceStats();
  const points = JOB_TRACES.flatMap((name) => {
    const q = stats.jobs[name].durationQuantilesS;
    return q
      ? q.map((seconds, i) => ({
        trace: name,
        hours: Math.max(seconds, 1) / 3600,
        p: stats.quantileProbs[i]!,
      }))
      : [];
  });
  return plot({
    title: "Job duration distribution per trace",
    subtitle: "empirical CDF at 25 stored quantiles; durations below 1 s shown at 1 s",
    x: { type: "log", label: "duration (hours)", grid: true },
    y: { label: "cumulative share of jobs", domain: [0, 1] },
    color: { legend: true, type: "categorical" },
    marks: [Plot.line(points, { x: "hours", y: "p", stroke: "trace", curve: "step-after" })],
  });
}

/** Mean Ontario HOEP by hour of day (2016) with its 10-90% band. */
export function hoepProfilePlot(): Displayable {
  const { hoep, quantileProbs } = loadTraceStats();
  const lo = quantileProbs.indexOf(0.1);
  const hi = quantileProbs.indexOf(0.9);
  const rows = hoep.hourOfDayMeanCadPerMwh.map((mean, hour) => ({
    hour,
    mean,
    p10: hoep.hourOfDayQuantilesCadPerMwh[hour]![lo]!,
    p90: hoep.hourOfDayQuantilesCadPerMwh[hour]![hi]!,
  }));
  return plot({
    title: "Ontario HOEP by hour of day, 2016",
    subtitle: "mean (line) and 10-90% band; CAD per MWh",
    x: { label: "hour of day" },
    y: { label: "CAD/MWh", grid: true },
    marks: [
      Plot.areaY(rows, { x: "hour", y1: "p10", y2: "p90", fill: "#9ecae1", fillOpacity: 0.6 }),
      Plot.line(rows, { x: "hour", y: "mean", stroke: "#08519c" }),
      Plot.ruleY([0]),
    ],
  });
}

/** Distribution of the Ghent 4G bandwidth samples. */
export function bandwidthCdfPlot(): Displayable {
  const { ghent, quantileProbs } = loadTraceStats();
  const rows = ghent.quantilesMbps.map((mbps, i) => ({ mbps, p: quantileProbs[i]! }));
  return plot({
    title: "Ghent 4G bandwidth distribution",
    subtitle: `1-second samples, mean ${ghent.meanMbps.toFixed(1)} Mbps`,
    x: { label: "Mbps", grid: true },
    y: { label: "cumulative share", domain: [0, 1] },
    marks: [Plot.line(rows, { x: "mbps", y: "p", curve: "step-after" })],
  });
}
