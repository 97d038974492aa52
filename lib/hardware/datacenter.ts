/**
 * Data-centre GPU profiles. Tensor FP16/BF16 figures are dense: where a datasheet prints only the
 * 2:4 structured-sparsity rate, the recorded value is half of it and the note says so, as the
 * datasheets' own footnotes state that dense rates are one half of the sparse ones.
 *
 * @module
 */
import { known, type KnownFigure, type SourceRef, unknown } from "./figure.ts";
import type { HardwareProfile } from "./profile.ts";
import {
  A100_DATASHEET,
  A40_DATASHEET,
  awsOnDemand,
  H100_DATASHEET,
  H200_DATASHEET,
  L40S_DATASHEET,
  L4_DATASHEET,
  T4_DATASHEET,
  V100_DATASHEET,
} from "./sources.ts";

/** Per-GPU share of an AWS instance's on-demand price. */
function awsPerGpu(
  instance: string,
  instanceUsdPerHour: number,
  gpus: number,
  date: string,
  caveat = "",
): KnownFigure {
  const perGpu = Math.round((instanceUsdPerHour / gpus) * 10_000) / 10_000;
  const note =
    `${instance} at $${instanceUsdPerHour}/h for ${gpus} GPU(s), host CPU and RAM included` +
    caveat;
  return known(perGpu, "price-list", awsOnDemand(date), note);
}

/** Dense tensor rate recorded as half of a datasheet's sparse-only figure. */
function halfOfSparse(sparseTflops: number, source: SourceRef): KnownFigure {
  return known(
    sparseTflops / 2,
    "datasheet",
    source,
    `datasheet prints ${sparseTflops} TFLOPS with 2:4 sparsity; dense is half`,
  );
}

const NOT_AI_TOPS = unknown("not recorded for data-centre GPUs: use fp16Tflops");
const P_CUT_2025 =
  "; AWS announced price cuts of up to 45% for P4 and P5 instances in June 2025, not reflected here";

export const DATACENTER_GPUS: readonly HardwareProfile[] = [
  {
    id: "h100-sxm",
    name: "NVIDIA H100 SXM5 80GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "HBM3",
    memoryGB: known(80, "datasheet", H100_DATASHEET),
    fp32Tflops: known(67, "datasheet", H100_DATASHEET),
    fp16Tflops: halfOfSparse(1979, H100_DATASHEET),
    memoryBandwidthGBps: known(3350, "datasheet", H100_DATASHEET),
    tdpWatts: known(700, "datasheet", H100_DATASHEET, "up to 700 W, configurable"),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: awsPerGpu("p5.48xlarge", 98.32, 8, "2023-07", P_CUT_2025),
  },
  {
    id: "h200",
    name: "NVIDIA H200 SXM 141GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "HBM3e",
    memoryGB: known(141, "datasheet", H200_DATASHEET),
    fp32Tflops: known(67, "datasheet", H200_DATASHEET),
    fp16Tflops: halfOfSparse(1979, H200_DATASHEET),
    memoryBandwidthGBps: known(4800, "datasheet", H200_DATASHEET),
    tdpWatts: known(700, "datasheet", H200_DATASHEET, "up to 700 W, configurable"),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: unknown(
      "no on-demand H200 price was verified for this toolkit; none is recorded",
    ),
  },
  {
    id: "a100-80gb",
    name: "NVIDIA A100 SXM4 80GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "HBM2e",
    memoryGB: known(80, "datasheet", A100_DATASHEET),
    fp32Tflops: known(19.5, "datasheet", A100_DATASHEET),
    fp16Tflops: known(312, "datasheet", A100_DATASHEET, "dense; 624 with sparsity"),
    memoryBandwidthGBps: known(2039, "datasheet", A100_DATASHEET, "SXM variant"),
    tdpWatts: known(400, "datasheet", A100_DATASHEET, "SXM variant"),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: awsPerGpu("p4de.24xlarge", 40.96, 8, "2023", P_CUT_2025),
  },
  {
    id: "a100-40gb",
    name: "NVIDIA A100 SXM4 40GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "HBM2",
    memoryGB: known(40, "datasheet", A100_DATASHEET),
    fp32Tflops: known(19.5, "datasheet", A100_DATASHEET),
    fp16Tflops: known(312, "datasheet", A100_DATASHEET, "dense; 624 with sparsity"),
    memoryBandwidthGBps: known(1555, "datasheet", A100_DATASHEET, "SXM variant"),
    tdpWatts: known(400, "datasheet", A100_DATASHEET, "SXM variant"),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: awsPerGpu("p4d.24xlarge", 32.77, 8, "2023", P_CUT_2025),
  },
  {
    id: "a40",
    name: "NVIDIA A40 48GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "GDDR6",
    memoryGB: known(48, "datasheet", A40_DATASHEET),
    fp32Tflops: known(37.4, "datasheet", A40_DATASHEET),
    fp16Tflops: known(149.7, "datasheet", A40_DATASHEET, "dense; 299.4 with sparsity"),
    memoryBandwidthGBps: known(696, "datasheet", A40_DATASHEET),
    tdpWatts: known(300, "datasheet", A40_DATASHEET, "maximum power consumption"),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: unknown(
      "not offered on demand by AWS; no price from a major cloud list is recorded",
    ),
  },
  {
    id: "l40s",
    name: "NVIDIA L40S 48GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "GDDR6",
    memoryGB: known(48, "datasheet", L40S_DATASHEET),
    fp32Tflops: known(91.6, "datasheet", L40S_DATASHEET),
    fp16Tflops: known(362.05, "datasheet", L40S_DATASHEET, "dense; 733 with sparsity"),
    memoryBandwidthGBps: known(864, "datasheet", L40S_DATASHEET),
    tdpWatts: known(350, "datasheet", L40S_DATASHEET, "maximum power consumption"),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: awsPerGpu("g6e.xlarge", 1.861, 1, "2024"),
  },
  {
    id: "l4",
    name: "NVIDIA L4 24GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "GDDR6",
    memoryGB: known(24, "datasheet", L4_DATASHEET),
    fp32Tflops: known(30.3, "datasheet", L4_DATASHEET),
    fp16Tflops: halfOfSparse(242, L4_DATASHEET),
    memoryBandwidthGBps: known(300, "datasheet", L4_DATASHEET),
    tdpWatts: known(72, "datasheet", L4_DATASHEET),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: awsPerGpu("g6.xlarge", 0.8048, 1, "2024"),
  },
  {
    id: "t4",
    name: "NVIDIA T4 16GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "GDDR6",
    memoryGB: known(16, "datasheet", T4_DATASHEET),
    fp32Tflops: known(8.1, "datasheet", T4_DATASHEET),
    fp16Tflops: known(
      65,
      "datasheet",
      T4_DATASHEET,
      "FP16/FP32 mixed precision; Turing has no sparsity",
    ),
    memoryBandwidthGBps: known(320, "datasheet", T4_DATASHEET, "printed as 320+ GB/s"),
    tdpWatts: known(70, "datasheet", T4_DATASHEET),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: awsPerGpu("g4dn.xlarge", 0.526, 1, "2023"),
  },
  {
    id: "v100",
    name: "NVIDIA Tesla V100 SXM2 16GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    memoryType: "HBM2",
    memoryGB: known(16, "datasheet", V100_DATASHEET, "also sold with 32 GB"),
    fp32Tflops: known(15.7, "datasheet", V100_DATASHEET, "SXM2 variant"),
    fp16Tflops: known(125, "datasheet", V100_DATASHEET, "tensor performance, SXM2 variant"),
    memoryBandwidthGBps: known(900, "datasheet", V100_DATASHEET),
    tdpWatts: known(300, "datasheet", V100_DATASHEET, "SXM2 variant"),
    vendorAiTops: NOT_AI_TOPS,
    onDemandUsdPerHour: awsPerGpu("p3.2xlarge", 3.06, 1, "2023"),
  },
];
