/**
 * Workload generator of Section 5.1: a day of 144 ten-minute slots, K nodes of A100 80GB, A40 48GB
 * or a mix, N labour vendors, and tasks arriving per slot from a trace stand-in or a Poisson
 * process with epochs uniform in 1-5 and samples uniform in 5k-20k.
 *
 * Choices the paper does not state (all seeded, all listed in the notebook):
 * - work unit: kilo-samples; M_i = samples × epochs / 1000; every task fine-tunes GPT-2 with
 *   the same LoRA set-up, so s_ik and r_i depend only on the GPU type (gpu_model.ts);
 * - bid b_i = M_i × U(1, 4) (money per kilo-sample-epoch); the instance declares the bounds this
 *   implies (`valueBounds`: 4 per work unit, 4 × max M_i / r_i per GB), so α, β are bid-independent;
 * - half of the tasks need pre-processing; vendor n has delay h_n ~ U{1..6} slots and a price per
 *   kilo-sample of dataset 0.5 + 1.5·(6 - h_n)/5 · U(0.8, 1.2) (faster vendors cost more); task i's
 *   quote q_in = that price × samples/1000 × U(0.9, 1.1);
 * - deadlines (Fig. 9): with e_i the earliest start (after the fastest vendor) and m_i the slots
 *   the task needs on the fastest GPU, `tight` d_i = e_i + ⌈1.5 m_i⌉ - 1, `loose`
 *   d_i = e_i + 3 m_i - 1, `uniform` d_i ~ U{e_i + m_i - 1, …, T - 1}; all capped at T - 1;
 * - node cost per slot: TDP × slot length × HOEP price (PUE 1);
 * - the regime (regimes.ts) sets the batch size (r_i, s_ik), C_kp per task, the arrival scale and
 *   the cost-to-bid ratio; the generator's default is `modelled`, the welfare experiments'
 *   default setting is `calibrated`.
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import {
  requireInteger,
  requireObject,
  requireOneOf,
  requirePositive,
} from "../../core/validate.ts";
import {
  DEFAULT_AGGREGATE_UTILISATION,
  DEFAULT_LORA,
  GPT2_SMALL,
  type GpuLoraProfile,
  gpuLoraProfile,
  loraMemory,
} from "./gpu_model.ts";
import {
  type ArrivalSeries,
  arrivalSeries,
  type ArrivalSource,
  electricityPrices,
  measuredLoraUtilisation,
  type PriceSeries,
} from "./trace_inputs.ts";
import type { Instance, NodeSpec, TaskSpec } from "./types.ts";
import { type RegimeKnobs, regimeKnobs, type RegimeName } from "./regimes.ts";

/** Bid per kilo-sample-epoch is U(1, MAX_BID_PER_WORK): the declared `valueBounds.perWork`. */
const MAX_BID_PER_WORK = 4;
const MAX_SAMPLES = 20000;
const MAX_EPOCHS = 5;
/** Largest M_i the generator draws, kilo-sample-epochs. */
const MAX_WORK = MAX_SAMPLES * MAX_EPOCHS / 1000;

/** GPU populations of Fig. 6. */
export const GPU_MIXES = ["a100", "a40", "mixed"] as const;
/** One GPU population. */
export type GpuMix = typeof GPU_MIXES[number];
/** Deadline methods of Fig. 9 (as chosen here). */
export const DEADLINE_METHODS = ["tight", "loose", "uniform"] as const;
/** One deadline method. */
export type DeadlineMethod = typeof DEADLINE_METHODS[number];

/** Workload configuration. */
export interface WorkloadConfig {
  /** number of nodes K */
  readonly nodes: number;
  /** slots T (default 144) */
  readonly slots?: number;
  /** GPU population (default `a100`) */
  readonly gpus?: GpuMix;
  /** labour vendors N (default 3) */
  readonly vendors?: number;
  /** arrival source (default `poisson`) */
  readonly arrivals?: ArrivalSource;
  /** target mean arrivals per slot (default 50) */
  readonly meanArrivals?: number;
  /** deadline method (default `loose`) */
  readonly deadlines?: DeadlineMethod;
  /** unstated knobs: a regime name of regimes.ts or explicit knobs (default `modelled`) */
  readonly regime?: RegimeName | RegimeKnobs;
  /** seed of every random stream of the workload */
  readonly seed: number;
}

/** A generated instance and where its inputs came from. */
export interface Workload {
  /** the instance of problem P */
  readonly instance: Instance;
  /** arrivals per slot and their provenance */
  readonly arrivals: ArrivalSeries;
  /** electricity prices per slot and their provenance */
  readonly prices: PriceSeries;
  /** modelled profile of every GPU type in the population */
  readonly gpuProfiles: readonly GpuLoraProfile[];
}

/**
 * Modelled A100 and A40 profiles for GPT-2 LoRA (single-task utilisation from VectorLM at batch
 * 8, scaled linearly to the regime's batch size and capped at the aggregate utilisation).
 *
 * @param knobs regime knobs (default `modelled`: batch 8, aggregate C_kp)
 * @returns the two profiles, A100 first
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { paperGpuProfiles } from "./workload.ts";
 * const [a100] = paperGpuProfiles({ batchSize: 64, computeTasks: 2, arrivalScale: 1, costToBid: 0.5 });
 * assert.equal(a100.nodeSamplesPerSlot / a100.taskSamplesPerSlot, 2); // computeTasks
 * ```
 */
export function paperGpuProfiles(
  knobs: RegimeKnobs = regimeKnobs("modelled"),
): [GpuLoraProfile, GpuLoraProfile] {
  const profile = (hardware: "a100-80gb" | "a40") => {
    const base = gpuLoraProfile(hardware, {
      taskUtilisation: Math.min(
        DEFAULT_AGGREGATE_UTILISATION,
        measuredLoraUtilisation(hardware).utilisation * knobs.batchSize / DEFAULT_LORA.batchSize,
      ),
      setup: { ...DEFAULT_LORA, batchSize: knobs.batchSize },
    });
    return knobs.computeTasks === null
      ? base
      : { ...base, nodeSamplesPerSlot: knobs.computeTasks * base.taskSamplesPerSlot };
  };
  return [profile("a100-80gb"), profile("a40")];
}

/**
 * Generates an instance.
 *
 * @param config sizes, GPU mix, arrival source, deadline method, seed
 * @returns the instance with the provenance of its arrivals and prices
 * @throws {ParameterError} on invalid configuration
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { generateWorkload } from "./workload.ts";
 * const w = generateWorkload({ nodes: 10, slots: 24, meanArrivals: 5, seed: 1 });
 * assert.equal(w.arrivals.basis, "synthetic"); // Poisson arrivals by default
 * assert.equal(w.instance.tasks.length, w.arrivals.counts.reduce((a, b) => a + b, 0));
 * assert.equal(w.instance.nodes.length, 10);
 * ```
 */
export function generateWorkload(config: WorkloadConfig): Workload {
  requireObject("config", config, "a workload configuration { nodes, slots?, ... }");
  const nodeCount = requireInteger("nodes", config.nodes, 1, 10_000);
  const slots = requireInteger("slots", config.slots ?? 144, 1, 10_000);
  const gpus = requireOneOf("gpus", config.gpus ?? "a100", GPU_MIXES);
  const vendorCount = requireInteger("vendors", config.vendors ?? 3, 1, 100);
  const deadlines = requireOneOf("deadlines", config.deadlines ?? "loose", DEADLINE_METHODS);
  const knobs = regimeKnobs(config.regime ?? "modelled");
  const mean = requirePositive("meanArrivals", config.meanArrivals ?? 50) * knobs.arrivalScale;
  const root = createRng(requireInteger("seed", config.seed));
  const arrivals = arrivalSeries(config.arrivals ?? "poisson", slots, mean, config.seed);
  const prices = electricityPrices(slots);
  const [a100, a40] = paperGpuProfiles(knobs);
  const memory = loraMemory(GPT2_SMALL, { ...DEFAULT_LORA, batchSize: knobs.batchSize });
  const profileOf = (k: number) =>
    gpus === "a100" ? a100 : gpus === "a40" ? a40 : k % 2 === 0 ? a100 : a40;
  const costScale = knobs.costToBid === null
    ? 1
    : costScaleFor(knobs.costToBid, profileOf(0), memory, prices.perKwh);
  const nodes: NodeSpec[] = Array.from({ length: nodeCount }, (_, k) => {
    const profile = profileOf(k);
    return {
      name: `${profile.hardware}-${k}`,
      computeCapacity: profile.nodeSamplesPerSlot / 1000,
      memoryCapacity: profile.memoryGB,
      taskThroughput: profile.taskSamplesPerSlot / 1000,
      costPerSlot: prices.perKwh.map((price) => costScale * nodeCostPerSlot(profile, price)),
    };
  });
  const fastest = Math.max(...nodes.map((node) => node.taskThroughput));
  const vendorRng = root.stream("vendors");
  const vendors = Array.from({ length: vendorCount }, () => {
    const delay = vendorRng.int(1, 6);
    return { delay, pricePerKilo: 0.5 + 1.5 * (6 - delay) / 5 * vendorRng.uniformIn(0.8, 1.2) };
  });
  const taskRng = root.stream("tasks");
  const tasks: TaskSpec[] = [];
  arrivals.counts.forEach((count, arrival) => {
    for (let j = 0; j < count; j++) {
      const samples = taskRng.int(5000, MAX_SAMPLES);
      const epochs = taskRng.int(1, MAX_EPOCHS);
      const work = samples * epochs / 1000;
      const preprocessing = taskRng.uniform() < 0.5;
      const quotes = vendors.map((vendor) => ({
        price: vendor.pricePerKilo * samples / 1000 * taskRng.uniformIn(0.9, 1.1),
        delay: vendor.delay,
      }));
      const earliest = arrival + (preprocessing ? Math.min(...vendors.map((v) => v.delay)) : 0);
      const needed = Math.ceil(work / fastest - 1e-9);
      const deadline = Math.min(
        slots - 1,
        Math.max(arrival, deadlineFor(deadlines, earliest, needed, slots, taskRng.uniform())),
      );
      tasks.push({
        arrival,
        deadline,
        work,
        memory: memory.taskGB,
        preprocessing,
        bid: work * taskRng.uniformIn(1, MAX_BID_PER_WORK),
        quotes,
      });
    }
  });
  return {
    instance: {
      slots,
      baseModelMemory: memory.baseModelGB,
      nodes,
      vendors: vendors.map((_, n) => ({ name: `vendor${n}` })),
      tasks,
      valueBounds: {
        perWork: MAX_BID_PER_WORK,
        perMemory: MAX_BID_PER_WORK * MAX_WORK / memory.taskGB,
      },
    },
    arrivals,
    prices,
    gpuProfiles: gpus === "a100" ? [a100] : gpus === "a40" ? [a40] : [a100, a40],
  };
}

const SLOT_HOURS = 600 / 3600;

/** Electricity cost of one node for one slot at `pricePerKwh` (TDP, PUE 1). */
function nodeCostPerSlot(profile: GpuLoraProfile, pricePerKwh: number): number {
  return profile.tdpWatts / 1000 * SLOT_HOURS * pricePerKwh;
}

/**
 * Factor on the electricity cost that makes a task's expected run cost κ times its expected bid:
 * per work unit the run costs (node cost at the mean price) × r_i/(C_km − r_b) / s_ik and the bid
 * is (1 + MAX_BID_PER_WORK)/2.
 */
function costScaleFor(
  costToBid: number,
  profile: GpuLoraProfile,
  memory: { readonly taskGB: number; readonly baseModelGB: number },
  pricesPerKwh: readonly number[],
): number {
  const meanPrice = pricesPerKwh.reduce((sum, p) => sum + p, 0) / pricesPerKwh.length;
  const share = memory.taskGB / (profile.memoryGB - memory.baseModelGB);
  const costPerWork = nodeCostPerSlot(profile, meanPrice) * share /
    (profile.taskSamplesPerSlot / 1000);
  return costToBid * (1 + MAX_BID_PER_WORK) / 2 / costPerWork;
}

function deadlineFor(
  method: DeadlineMethod,
  earliest: number,
  needed: number,
  slots: number,
  u: number,
): number {
  switch (method) {
    case "tight":
      return earliest + Math.ceil(1.5 * needed) - 1;
    case "loose":
      return earliest + 3 * needed - 1;
    case "uniform": {
      const lo = Math.min(slots - 1, earliest + needed - 1);
      return lo + Math.floor(u * (slots - lo));
    }
  }
}
