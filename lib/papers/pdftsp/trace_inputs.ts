/**
 * Inputs drawn from the shared traces through lib/traces, each with a seeded synthetic fallback
 * labelled `synthetic` when the trace folder is absent:
 * - arrivals per slot from real GPU-cluster job submissions (stand-ins for the paper's MLaaS,
 *   Philly and Helios traces), rescaled to a target mean per slot;
 * - electricity prices per slot (Ontario HOEP 2016);
 * - the single-task LoRA utilisation implied by VectorLM's opt-350m measurements.
 *
 * @module
 */
import { loadAlibabaPods, loadMsftItpJobs, loadSiaWorkloads } from "../../traces/jobs.ts";
import { loadIesoHoep } from "../../traces/energy.ts";
import { loadLoraThroughput } from "../../traces/measurements.ts";
import { type TraceName, tracesAvailable } from "../../traces/paths.ts";
import { createRng } from "../../core/rng.ts";
import { requireInteger, requireOneOf, requirePositive } from "../../core/validate.ts";
import { impliedUtilisation, OPT_350M } from "./gpu_model.ts";
import { figureValue, getHardware } from "../../hardware/mod.ts";

/** Arrival sources: four trace stand-ins and a Poisson process. */
export const ARRIVAL_SOURCES = [
  "msft-itp",
  "alibaba-v2023",
  "helios-saturn",
  "philly-sia",
  "poisson",
] as const;
/** One arrival source. */
export type ArrivalSource = typeof ARRIVAL_SOURCES[number];

/** Where a series came from. */
export type InputBasis = "trace" | "synthetic";

/** Arrivals per slot with their provenance. */
export interface ArrivalSeries {
  /** arrivals in each slot */
  readonly counts: readonly number[];
  /** read from a trace or synthesised */
  readonly basis: InputBasis;
  /** names the source (trace and rescaling, or the Poisson rate) */
  readonly label: string;
}

const TRACE_OF: Record<Exclude<ArrivalSource, "poisson">, TraceName> = {
  "msft-itp": "msft-itp-elasticflow",
  "alibaba-v2023": "alibaba-gpu-v2023",
  "helios-saturn": "helios-derived",
  "philly-sia": "philly-derived",
};

/**
 * Arrivals per slot. Trace sources take job submission times, keep the busiest calendar day
 * (Microsoft ITP: all ten clusters pooled; Alibaba v2023: all pods) or, for the 8-hour Sia
 * workloads sampled from Helios Saturn and Philly, workload 1 repeated to fill the horizon; counts
 * per slot are then multiplied by `meanPerSlot / (trace mean per slot)` and rounded, keeping the
 * trace's shape. `poisson` (or a missing trace folder) draws Poisson(meanPerSlot) per slot.
 *
 * @param source arrival source
 * @param slots number of slots (default 144)
 * @param meanPerSlot target mean arrivals per slot
 * @param seed seed of the synthetic draws
 * @param slotSeconds slot length (default 600)
 * @returns counts with basis and a label naming the source
 * @throws {ParameterError} on an unknown source or invalid sizes
 */
export function arrivalSeries(
  source: ArrivalSource,
  slots: number,
  meanPerSlot: number,
  seed: number,
  slotSeconds = 600,
): ArrivalSeries {
  requireOneOf("source", source, ARRIVAL_SOURCES);
  requireInteger("slots", slots, 1);
  requirePositive("meanPerSlot", meanPerSlot);
  requirePositive("slotSeconds", slotSeconds);
  const poisson = (label: string): ArrivalSeries => {
    const rng = createRng(seed).stream(`arrivals-${source}`);
    return {
      counts: Array.from({ length: slots }, () => rng.poisson(meanPerSlot)),
      basis: "synthetic",
      label,
    };
  };
  if (source === "poisson") return poisson(`Poisson, mean ${meanPerSlot} per slot`);
  if (!tracesAvailable(TRACE_OF[source])) {
    return poisson(`synthetic Poisson(${meanPerSlot}): trace ${TRACE_OF[source]} not found`);
  }
  const raw = rawCounts(source, slots, slotSeconds);
  const mean = raw.reduce((a, b) => a + b, 0) / slots;
  const factor = mean > 0 ? meanPerSlot / mean : 0;
  return {
    counts: raw.map((count) => Math.round(count * factor)),
    basis: "trace",
    label: `${source} (${TRACE_OF[source]}), trace mean ${mean.toFixed(2)}/slot rescaled ×${
      factor.toFixed(2)
    }`,
  };
}

function rawCounts(
  source: Exclude<ArrivalSource, "poisson">,
  slots: number,
  slotSeconds: number,
): number[] {
  if (source === "helios-saturn" || source === "philly-sia") {
    const frame = loadSiaWorkloads(source === "helios-saturn" ? "saturn" : "philly");
    const workloads = frame.getColumn("workload").toArray() as number[];
    const times = (frame.getColumn("submit_s").toArray() as number[]).filter((_, row) =>
      workloads[row] === 1
    );
    const span = Math.max(1, Math.ceil((Math.max(...times) + 1) / slotSeconds));
    const base = new Array(span).fill(0);
    for (const time of times) base[Math.floor(time / slotSeconds)]++;
    return Array.from({ length: slots }, (_, t) => base[t % span] as number);
  }
  const times = source === "msft-itp"
    ? loadMsftItpJobs().getColumn("submit_s").toArray() as number[]
    : loadAlibabaPods().getColumn("creation_s").toArray() as number[];
  const horizon = slots * slotSeconds;
  const perDay = new Map<number, number>();
  for (const time of times) {
    const day = Math.floor(time / horizon);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const busiest = [...perDay].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const counts = new Array(slots).fill(0);
  for (const time of times) {
    if (Math.floor(time / horizon) === busiest) {
      counts[Math.floor((time - busiest * horizon) / slotSeconds)]++;
    }
  }
  return counts;
}

/** Electricity price per slot with provenance. */
export interface PriceSeries {
  /** price per kWh for each slot (negative wholesale prices clamped to 0) */
  readonly perKwh: readonly number[];
  /** read from the trace or a constant stand-in */
  readonly basis: InputBasis;
  /** names the source (trace and window, or the constant used) */
  readonly label: string;
}

/**
 * Electricity price per slot from Ontario's HOEP (2016, CAD/MWh → CAD/kWh) for one day, negative
 * hours clamped to 0 (problem P needs e_ikt >= 0); without the trace a constant 0.0149 CAD/kWh (the
 * 2016 mean printed in the trace's PROVENANCE) labelled synthetic.
 *
 * @param slots number of slots (the day repeats after 24 h)
 * @param date ISO date in 2016 (default 2016-09-01)
 * @param slotSeconds slot length (default 600)
 * @returns the series
 */
export function electricityPrices(
  slots: number,
  date = "2016-09-01",
  slotSeconds = 600,
): PriceSeries {
  requireInteger("slots", slots, 1);
  if (!tracesAvailable("ieso-hoep-2016")) {
    return {
      perKwh: new Array(slots).fill(0.0149),
      basis: "synthetic",
      label: "constant 0.0149 CAD/kWh (trace ieso-hoep-2016 not found)",
    };
  }
  const hoep = loadIesoHoep();
  const dates = hoep.getColumn("date").toArray() as string[];
  const prices = hoep.getColumn("hoep_cad_per_mwh").toArray() as number[];
  const hourly = prices.filter((_, row) => dates[row] === date);
  if (hourly.length !== 24) {
    throw new RangeError(`electricity date ${date} not found in HOEP 2016`);
  }
  return {
    perKwh: Array.from({ length: slots }, (_, t) => {
      const hour = Math.floor((t * slotSeconds) / 3600) % 24;
      return Math.max(0, hourly[hour] as number) / 1000;
    }),
    basis: "trace",
    label: `Ontario HOEP ${date} (negative hours clamped to 0)`,
  };
}

/** Single-task LoRA utilisation of a GPU with its provenance. */
export interface UtilisationEstimate {
  /** single-task utilisation of the fp16 peak implied by the measured throughput */
  readonly utilisation: number;
  /** opt-350m LoRA tokens per second, from the trace or the recorded value */
  readonly measuredTokensPerSecond: number;
  /** read from the trace or the recorded fallback */
  readonly basis: InputBasis;
  /** names the source of the measurement */
  readonly label: string;
}

/** VectorLM's opt-350m LoRA tokens/s on one GPU (commit ce1eaa3), used when the trace is absent. */
const RECORDED_OPT350M_LORA: Record<"a100-80gb" | "a40", number> = {
  "a100-80gb": 859.379,
  "a40": 652.611,
};

const VECTORLM_GPU: Record<"a100-80gb" | "a40", string> = {
  "a100-80gb": "NVIDIA A100-SXM4-80GB",
  "a40": "NVIDIA A40",
};

/**
 * Utilisation of the fp16 peak achieved by one LoRA job, implied by VectorLM's measured opt-350m
 * LoRA throughput on one GPU (batch 8, context 2048, rank 8) and the FLOP count of gpu_model.ts.
 *
 * @param gpu `a100-80gb` or `a40`
 * @returns the utilisation and the measurement behind it
 */
export function measuredLoraUtilisation(gpu: "a100-80gb" | "a40"): UtilisationEstimate {
  requireOneOf("gpu", gpu, ["a100-80gb", "a40"] as const);
  const peak = figureValue(getHardware(gpu), "fp16Tflops");
  let tokens = RECORDED_OPT350M_LORA[gpu];
  let basis: InputBasis = "synthetic";
  let label = "recorded VectorLM value (trace lora-throughput-vectorlm not found)";
  if (tracesAvailable("lora-throughput-vectorlm")) {
    const frame = loadLoraThroughput();
    const rows = frame.toRecords() as {
      mode: string;
      gpu: string;
      num_gpus: number;
      model: string;
      tokens_per_s: number | null;
    }[];
    const row = rows.find((r) =>
      r.mode === "lora" && r.gpu === VECTORLM_GPU[gpu] && r.num_gpus === 1 && r.model === "opt-350m"
    );
    if (row?.tokens_per_s) {
      tokens = row.tokens_per_s;
      basis = "trace";
      label = `VectorLM opt-350m LoRA on 1× ${VECTORLM_GPU[gpu]}`;
    }
  }
  return {
    utilisation: impliedUtilisation(tokens, OPT_350M, 2048, peak, 8),
    measuredTokensPerSecond: tokens,
    basis,
    label,
  };
}
