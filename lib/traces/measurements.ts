/**
 * Loaders for the small measurement and profile tables: LoRA fine-tuning throughput (VectorLM),
 * ElasticFlow's A100 training throughput, and per-layer DNN profiles (thoplw).
 *
 * @module
 */
import pl from "nodejs-polars";
import { readTraceCsv } from "./read.ts";
import type { DataFrame } from "../core/frame.ts";

/**
 * Fine-tuning throughput measured by VectorLM on A100-SXM4-80GB, A40 and T4 (120 rows).
 *
 * Columns: `mode` (`lora` or `full_rank`), `gpu` (device name as printed by the driver),
 * `num_gpus`, `model` (Hugging Face id; no GPT-2, opt-350m is the smallest), `tokens_per_s`
 * (median training tokens per second over all devices; null = did not fit in memory).
 *
 * @param dir trace directory
 * @returns the table
 * @throws {DataFileError} when the file is missing or malformed
 */
export function loadLoraThroughput(dir?: string): DataFrame {
  return readTraceCsv("lora-throughput-vectorlm", "vectorlm_throughput_tokens_per_s.csv", [
    { from: "mode", kind: "string" },
    { from: "gpu", kind: "string" },
    { from: "num_gpus", kind: "number" },
    { from: "model", kind: "string" },
    { from: "tokens_per_s", kind: "number", nullable: true },
  ], dir);
}

/** Models profiled in `gpu-throughput-elasticflow-a100/`. */
export const ELASTICFLOW_MODELS = [
  "bert",
  "deepspeech2",
  "gpt2",
  "inception3",
  "resnet50",
  "resnet50_cifar10",
  "vgg16",
] as const;

const GPU_COUNTS = [1, 2, 4, 8, 16, 32, 64];

/**
 * ElasticFlow's profiled A100 training throughput, reshaped to one row per (model, batch, GPUs).
 *
 * Columns: `model`, `global_batch_size`, `num_gpus` (1-64), `throughput` (unit undocumented
 * upstream, probably iterations/s; null where the file leaves a cell empty, and some files put 0
 * where a configuration was not profiled; rows are
 * kept as in the files, including a repeated row in some files).
 *
 * @param dir trace directory
 * @returns the long table
 * @throws {DataFileError} when a file is missing or malformed
 */
export function loadElasticflowA100Throughput(dir?: string): DataFrame {
  return pl.concat(ELASTICFLOW_MODELS.map((model) => {
    const wide = readTraceCsv("gpu-throughput-elasticflow-a100", `${model}.csv`, [
      { from: "global_batch_size", kind: "number" },
      ...GPU_COUNTS.map((n) => ({ from: String(n), kind: "number", nullable: true }) as const),
    ], dir);
    return pl.concat(GPU_COUNTS.map((n) =>
      wide.select(
        pl.lit(model).alias("model"),
        "global_batch_size",
        pl.lit(n).cast(pl.Float64).alias("num_gpus"),
        pl.col(String(n)).alias("throughput"),
      )
    ));
  }));
}

/**
 * Per-layer analytic profiles of torchvision AlexNet, VGG-16 and ResNet-34 at 1x3x224x224.
 *
 * Columns: `model`, `layer_index`, `layer_name`, `layer_type`, `input_shape`, `output_shape`
 * (C x H x W or features), `output_elements`, `output_bytes_fp32`, `macs_pct` (% of model MACs),
 * `macs_approx` (MACs), `params_pct` (% of parameters), `params_approx` (parameters).
 *
 * @param dir trace directory
 * @returns 152 rows in model and layer order
 * @throws {DataFileError} when the file is missing or malformed
 */
export function loadDnnLayerProfiles(dir?: string): DataFrame {
  const text = ["model", "layer_name", "layer_type", "input_shape", "output_shape"];
  const numbers = [
    "layer_index",
    "output_elements",
    "output_bytes_fp32",
    "macs_pct",
    "macs_approx",
    "params_pct",
    "params_approx",
  ];
  return readTraceCsv("dnn-layer-profiles", "layer_profiles_from_thoplw.csv", [
    ...text.map((from) => ({ from, kind: "string" }) as const),
    ...numbers.map((from) => ({ from, kind: "number" }) as const),
  ], dir).select(
    "model",
    "layer_index",
    "layer_name",
    "layer_type",
    "input_shape",
    "output_shape",
    ...numbers.slice(1),
  );
}
