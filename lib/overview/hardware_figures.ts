/**
 * Hardware catalogue views for the overview notebook: a table of every profile, the sources of
 * its figures, the dated price history, and two plots (price against FP16 throughput, and energy
 * efficiency).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { HARDWARE } from "../hardware/mod.ts";
 * import { hardwareTableRows } from "./hardware_figures.ts";
 * const rows = hardwareTableRows();
 * assert.deepEqual(rows.map((row) => row.device), HARDWARE.map((profile) => profile.name));
 * ```
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Displayable, formatNumber, plot } from "../core/display.ts";
import { HARDWARE } from "../hardware/catalog.ts";
import { crossCheckStatus, type Figure, type KnownFigure } from "../hardware/figure.ts";
import type { FigureField, HardwareProfile } from "../hardware/profile.ts";

const COLUMNS: readonly [FigureField, string][] = [
  ["memoryGB", "memory (GB)"],
  ["fp32Tflops", "FP32 (TFLOPS)"],
  ["fp16Tflops", "16-bit dense (TFLOPS)"],
  ["int8Tops", "INT8 dense (TOPS)"],
  ["fp8Tflops", "FP8 dense (TFLOPS)"],
  ["memoryBandwidthGBps", "bandwidth (GB/s)"],
  ["tdpWatts", "power (W)"],
  ["onDemandUsdPerHour", "on-demand (USD/h)"],
];

function cell(figure: Figure): string {
  return figure.known ? formatNumber(figure.value, 4) : "unknown";
}

function value(profile: HardwareProfile, field: FigureField): number | null {
  const figure = profile[field];
  return figure.known ? figure.value : null;
}

/**
 * One row per device: the figures, `unknown` where no source gives one, the 16-bit formats the
 * dense rate applies to, and the date of the price list the price comes from.
 */
export function hardwareTableRows(): Record<string, string>[] {
  return HARDWARE.map((profile) => {
    const row: Record<string, string> = { device: profile.name, class: profile.deviceClass };
    for (const [field, label] of COLUMNS) row[label] = cell(profile[field]);
    row["16-bit formats"] = profile.fp16Formats.join(", ").toUpperCase();
    const price = profile.onDemandUsdPerHour;
    row["price list"] = price.known ? price.source.date : "";
    return row;
  });
}

/** How a known figure's cross-check reads in the sources table. */
function crossCheckText(figure: KnownFigure): string {
  const check = figure.crossCheck;
  if (check === undefined) return "not cross-checked";
  const where = `(${check.kind}, ${check.url}, ${check.checked})`;
  const status = crossCheckStatus(figure);
  if (status === "disagreeing") return `DISAGREES ${where}`;
  if (status === "inputs-only") return `inputs checked, value not printed ${where}`;
  return `agrees ${where}`;
}

/**
 * Every on-demand price recorded, one row per device and list, oldest first; `current` marks the
 * price the catalogue uses unless a `priceAsOf` date picks an older list.
 */
export function priceHistoryRows(): Record<string, string>[] {
  return HARDWARE.flatMap((profile) =>
    profile.onDemandPriceHistory.map((price) => ({
      device: profile.id,
      "list date": price.source.date,
      "USD per device-hour": formatNumber(price.value, 4),
      current: price === profile.onDemandUsdPerHour ? "yes" : "",
      list: `${price.source.publisher}, ${price.source.document}`,
      note: price.note ?? "",
    }))
  );
}

/** Every figure's source (document, publisher, date) and note, one row per known figure. */
export function hardwareSourceRows(): Record<string, string>[] {
  return HARDWARE.flatMap((profile) =>
    COLUMNS.map(([field, label]) => {
      const figure = profile[field];
      return figure.known
        ? {
          device: profile.id,
          figure: label,
          value: formatNumber(figure.value, 4),
          basis: figure.basis,
          source: `${figure.source.publisher}, ${figure.source.document} (${figure.source.date})`,
          note: figure.note ?? "",
          "cross-check": crossCheckText(figure),
        }
        : {
          device: profile.id,
          figure: label,
          value: "unknown",
          basis: "",
          source: "",
          note: figure.reason,
          "cross-check": "",
        };
    })
  );
}

/** Price per device-hour against dense FP16 throughput (devices with both figures). */
export function priceVsThroughputPlot(): Displayable {
  const points = HARDWARE.flatMap((profile) => {
    const price = value(profile, "onDemandUsdPerHour");
    const tflops = value(profile, "fp16Tflops");
    return price === null || tflops === null ? [] : [{ name: profile.id, price, tflops }];
  });
  return plot({
    title: "On-demand price vs dense 16-bit throughput",
    subtitle: `${points.length} devices with a listed price (newest list of each); log scales`,
    x: { type: "log", label: "FP16 (BF16 where supported) dense TFLOPS", tickFormat: "~g" },
    y: { type: "log", label: "USD per device-hour", tickFormat: "~g" },
    grid: true,
    inset: 12,
    marginRight: 80,
    marks: [
      Plot.dot(points, { x: "tflops", y: "price", r: 4, fill: "#2a6f97" }),
      Plot.text(points, { x: "tflops", y: "price", text: "name", dx: 6, textAnchor: "start" }),
    ],
  });
}

/** FP16 (or FP32 where FP16 is unknown) GFLOPS per watt for every device with both figures. */
export function efficiencyPlot(): Displayable {
  const bars = HARDWARE.flatMap((profile) => {
    const watts = value(profile, "tdpWatts");
    const fp16 = value(profile, "fp16Tflops");
    const fp32 = value(profile, "fp32Tflops");
    const tflops = fp16 ?? fp32;
    if (watts === null || tflops === null) return [];
    return [{
      name: profile.id,
      gflopsPerWatt: (tflops * 1000) / watts,
      precision: fp16 === null ? "FP32" : "16-bit",
      class: profile.deviceClass,
    }];
  });
  return plot({
    title: "Peak GFLOPS per watt",
    subtitle: "16-bit dense where known, else FP32; power is TDP or the vendor's maximum mode",
    marginLeft: 120,
    x: { type: "log", label: "GFLOPS per watt", grid: true },
    y: { label: null },
    color: { legend: true, type: "categorical" },
    marks: [
      // A log axis has no zero, so each device is a stem from the smallest value to its own.
      Plot.ruleY(bars, {
        y: "name",
        x1: Math.min(...bars.map((bar) => bar.gflopsPerWatt)),
        x2: "gflopsPerWatt",
        stroke: "precision",
        sort: { y: "x2", reverse: true },
      }),
      Plot.dot(bars, { y: "name", x: "gflopsPerWatt", fill: "precision", r: 4 }),
    ],
  });
}
