/**
 * Modelled GPU parameters for LoRA fine-tuning of GPT-2 (Section 5.1 measured them but printed no
 * numbers): per-task throughput s_ik and node capacity C_kp in samples per slot, task memory r_i
 * and base-model memory r_b in GB, derived from the transformer's FLOP and memory counts and the
 * hardware profiles in lib/hardware.
 *
 * FLOPs per token (Kaplan et al. 2020 counting, 2 FLOPs per multiply-add): forward matmuls
 * 2·N_matmul, attention scores and mixing 4·L·d per layer. A LoRA step needs the forward pass, the
 * backward pass for activations through the frozen weights (another 2·N_matmul) but no frozen
 * weight gradients, so training ≈ 2 × forward matmuls + 3 × forward attention + 6 × adapter params.
 *
 * Memory: base weights in fp16; per task, fp32 adapter master weights, gradients and two Adam
 * moments (16 bytes per adapter parameter), activations by Korthikanti et al. (2022, Eq. 2,
 * no recomputation) s·b·h·(34 + 5·a·s/h) bytes per layer (an upper bound for LoRA, which need not
 * keep inputs of frozen linear layers), and logits (fp16 plus an fp32 copy for the loss).
 *
 * Efficiency: one LoRA task's achieved fraction of the fp16 peak is taken from VectorLM's measured
 * opt-350m LoRA throughput on the same GPU (batch 8, context 2048), converted with the same FLOP
 * count; the node capacity C_kp uses a nominal aggregate utilisation (default 0.4) for many
 * co-located adapters. All results are labelled `modelled`.
 *
 * @module
 */
import { figureValue, getHardware } from "../../hardware/mod.ts";
import { requireInRange, requireInteger, requirePositive } from "../../core/validate.ts";

/** Decoder-only transformer shape. */
export interface TransformerShape {
  /** model name (e.g. `"opt-350m"`) */
  readonly name: string;
  /** number of transformer layers */
  readonly layers: number;
  /** hidden width */
  readonly hidden: number;
  /** number of attention heads */
  readonly heads: number;
  /** width of the feed-forward layer */
  readonly ffn: number;
  /** vocabulary size */
  readonly vocab: number;
  /** width of the tied embedding / LM head (opt-350m projects 1024 -> 512) */
  readonly embedding: number;
}

/** GPT-2 small (124M): 12 layers, d = 768, 12 heads, FFN 3072, vocabulary 50,257. */
export const GPT2_SMALL: TransformerShape = {
  name: "gpt2",
  layers: 12,
  hidden: 768,
  heads: 12,
  ffn: 3072,
  vocab: 50257,
  embedding: 768,
};

/** OPT-350m (Zhang et al. 2022): 24 layers, d = 1024, 16 heads, FFN 4096, 512-wide embeddings. */
export const OPT_350M: TransformerShape = {
  name: "opt-350m",
  layers: 24,
  hidden: 1024,
  heads: 16,
  ffn: 4096,
  vocab: 50272,
  embedding: 512,
};

/** LoRA training set-up. */
export interface LoraSetup {
  /** tokens per sample (default 512) */
  readonly sequenceLength: number;
  /** per-task batch size (default 8, as in the VectorLM measurements) */
  readonly batchSize: number;
  /** LoRA rank (default 8) */
  readonly rank: number;
}

/** Defaults used by the workloads: GPT-2, 512 tokens, batch 8, rank 8 on query and value. */
export const DEFAULT_LORA: LoraSetup = { sequenceLength: 512, batchSize: 8, rank: 8 };

/** Weights multiplied per token: attention (4d²) and FFN (2·d·ffn) per layer, plus the LM head. */
export function matmulParameters(shape: TransformerShape): number {
  const perLayer = 4 * shape.hidden * shape.hidden + 2 * shape.hidden * shape.ffn;
  const projection = shape.embedding === shape.hidden ? 0 : 2 * shape.hidden * shape.embedding;
  return shape.layers * perLayer + shape.embedding * shape.vocab + projection;
}

/** LoRA adapter parameters: rank-r A and B on the query and value projections of every layer. */
export function adapterParameters(shape: TransformerShape, rank: number): number {
  return shape.layers * 2 * (2 * rank * shape.hidden);
}

/**
 * Training FLOPs of one token in a LoRA step.
 *
 * @param shape the transformer
 * @param sequenceLength tokens per sample
 * @param rank LoRA rank
 * @returns FLOPs per token
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { GPT2_SMALL, loraFlopsPerToken } from "./gpu_model.ts";
 * const gflop = loraFlopsPerToken(GPT2_SMALL, 512, 8) / 1e9;
 * assert.ok(Math.abs(gflop - 0.5525) < 1e-4); // about 0.55 GFLOP per token
 * ```
 */
export function loraFlopsPerToken(
  shape: TransformerShape,
  sequenceLength: number,
  rank: number,
): number {
  requireInteger("sequenceLength", sequenceLength, 1);
  const forwardMatmul = 2 * matmulParameters(shape);
  const forwardAttention = 4 * shape.layers * sequenceLength * shape.hidden;
  return 2 * forwardMatmul + 3 * forwardAttention + 6 * adapterParameters(shape, rank);
}

/** Memory of one LoRA task and of the shared base model, GB (10^9 bytes). */
export interface LoraMemory {
  /** r_b: fp16 weights of the shared base model */
  readonly baseModelGB: number;
  /** the adapter's weights, gradients and Adam state (16 bytes per parameter) */
  readonly adapterStateGB: number;
  /** activations kept for the backward pass */
  readonly activationsGB: number;
  /** logits of one batch (fp16 and fp32 copies) */
  readonly logitsGB: number;
  /** r_i = adapter state + activations + logits */
  readonly taskGB: number;
}

/**
 * Memory footprint of a LoRA task at a batch size.
 *
 * @param shape the transformer
 * @param setup sequence length, batch size, rank
 * @returns base model size r_b and task memory r_i with their parts
 */
export function loraMemory(shape: TransformerShape, setup: LoraSetup = DEFAULT_LORA): LoraMemory {
  const s = requireInteger("sequenceLength", setup.sequenceLength, 1);
  const b = requireInteger("batchSize", setup.batchSize, 1);
  const h = shape.hidden;
  const totalParams = matmulParameters(shape) + 1024 * h; // + position embeddings (GPT-2: 1024)
  const baseModelGB = totalParams * 2 / 1e9;
  const adapterStateGB = adapterParameters(shape, setup.rank) * 16 / 1e9;
  const activationsGB = shape.layers * s * b * h * (34 + 5 * shape.heads * s / h) / 1e9;
  const logitsGB = b * s * shape.vocab * (2 + 4) / 1e9;
  return {
    baseModelGB,
    adapterStateGB,
    activationsGB,
    logitsGB,
    taskGB: adapterStateGB + activationsGB + logitsGB,
  };
}

/**
 * Achieved fraction of the fp16 peak implied by a measured training throughput.
 *
 * @param tokensPerSecond measured tokens per second
 * @param shape model that was measured
 * @param sequenceLength its context length
 * @param peakTflops the GPU's dense fp16 peak
 * @param rank LoRA rank of the measurement
 * @returns utilisation in (0, 1]
 */
export function impliedUtilisation(
  tokensPerSecond: number,
  shape: TransformerShape,
  sequenceLength: number,
  peakTflops: number,
  rank: number,
): number {
  requirePositive("tokensPerSecond", tokensPerSecond);
  return tokensPerSecond * loraFlopsPerToken(shape, sequenceLength, rank) / (peakTflops * 1e12);
}

/** Modelled parameters of one GPU type. */
export interface GpuLoraProfile {
  /** hardware id in lib/hardware */
  readonly hardware: string;
  /** display name of the GPU */
  readonly label: string;
  /** s_ik: samples one LoRA task processes per slot */
  readonly taskSamplesPerSlot: number;
  /** C_kp: samples per slot for all co-located tasks together */
  readonly nodeSamplesPerSlot: number;
  /** C_km, GB */
  readonly memoryGB: number;
  /** thermal design power from lib/hardware, W */
  readonly tdpWatts: number;
  /** single-task utilisation used (from the measurement or the fallback) */
  readonly taskUtilisation: number;
  /** utilisation of the fp16 peak by all co-located tasks together, which sets C_kp */
  readonly aggregateUtilisation: number;
  /** the profile is this reproduction's model, not a value printed in the paper */
  readonly basis: "modelled";
}

/** Aggregate utilisation of many co-located adapters that bounds C_kp unless an option sets it. */
export const DEFAULT_AGGREGATE_UTILISATION = 0.4;

/** Options of {@link gpuLoraProfile}. */
export interface GpuProfileOptions {
  /** model shape (default opt-350m) */
  readonly shape?: TransformerShape;
  /** sequence length, batch size and rank (defaults of {@link LoraSetup}) */
  readonly setup?: LoraSetup;
  /** slot length, s (default 600) */
  readonly slotSeconds?: number;
  /** single-task utilisation of the fp16 peak (e.g. from {@link impliedUtilisation}) */
  readonly taskUtilisation: number;
  /** aggregate utilisation bounding C_kp (default {@link DEFAULT_AGGREGATE_UTILISATION}) */
  readonly aggregateUtilisation?: number;
}

/**
 * Derives s_ik, C_kp, C_km for GPT-2 LoRA on a GPU.
 *
 * @param hardwareId `a100-80gb` or `a40` (any id of lib/hardware with fp16, memory and TDP)
 * @param options utilisations, model, set-up, slot length (default 600 s)
 * @returns the modelled profile
 * @throws {ParameterError} on utilisations outside (0, 1] or non-positive slot length
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gpuLoraProfile } from "./gpu_model.ts";
 * const a100 = gpuLoraProfile("a100-80gb", { taskUtilisation: 0.005 });
 * assert.equal(Math.round(a100.taskSamplesPerSlot), 3309); // samples per 10 min
 * assert.ok(a100.nodeSamplesPerSlot > a100.taskSamplesPerSlot); // 0.4 of the peak for all tasks
 * ```
 */
export function gpuLoraProfile(hardwareId: string, options: GpuProfileOptions): GpuLoraProfile {
  const shape = options.shape ?? GPT2_SMALL;
  const setup = options.setup ?? DEFAULT_LORA;
  const slotSeconds = requirePositive("slotSeconds", options.slotSeconds ?? 600);
  const taskUtilisation = requireInRange("taskUtilisation", options.taskUtilisation, 1e-6, 1);
  const aggregate = requireInRange(
    "aggregateUtilisation",
    options.aggregateUtilisation ?? DEFAULT_AGGREGATE_UTILISATION,
    1e-6,
    1,
  );
  const profile = getHardware(hardwareId);
  const peak = figureValue(profile, "fp16Tflops") * 1e12;
  const flopsPerSample = loraFlopsPerToken(shape, setup.sequenceLength, setup.rank) *
    setup.sequenceLength;
  return {
    hardware: hardwareId,
    label: profile.name,
    taskSamplesPerSlot: peak * taskUtilisation * slotSeconds / flopsPerSample,
    nodeSamplesPerSlot: peak * Math.max(aggregate, taskUtilisation) * slotSeconds / flopsPerSample,
    memoryGB: figureValue(profile, "memoryGB"),
    tdpWatts: figureValue(profile, "tdpWatts"),
    taskUtilisation,
    aggregateUtilisation: aggregate,
    basis: "modelled",
  };
}
