/**
 * Data-centre GPU profiles. Tensor FP16/BF16 figures are dense: where a datasheet prints only the
 * 2:4 structured-sparsity rate, the recorded value is half of it and the note says so, as the
 * datasheets' own footnotes state that dense rates are one half of the sparse ones.
 *
 * @module
 */
import { known, type KnownFigure, type SourceRef, unknown } from "./figure.ts";
import type { HardwareProfile } from "./profile.ts";
import { noPrice, priceHistory } from "./prices.ts";
import {
  CHAPUZAS_V100,
  checkedAgainst as check,
  COMPUTESPEC_PRICING,
  FPSBENCH_L4,
  GPUBLOG_H100_PCIE,
  GROKIPEDIA_L4,
  HARDWARETIMES_AMPERE,
  HMC_A40,
  HMC_H200,
  HPCTECH_H100,
  inputsCheckedAgainst as inputsCheck,
  IOTECH_V100,
  ITKB_H200,
  KLOCKWOOD_A100,
  KLOCKWOOD_H100,
  MANUALS_H100_PCIE_BRIEF,
  MULLET_L40S,
  NVIDIA_DEV_VOLTA_TENSOR_CORES,
  PC2_A100_40GB,
  SPICEDREAM_A40,
  SYSRQMTS_T4,
  THUNDER_A100,
  USAGEAI_GPU_COSTS,
} from "./crosscheck_pages.ts";
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

/** Dense tensor rate recorded as half of a datasheet's sparse-only figure (unit for the note). */
function halfOfSparse(sparse: number, source: SourceRef, unit = "TFLOPS"): KnownFigure {
  return known(
    sparse / 2,
    "datasheet",
    source,
    `datasheet prints ${sparse} ${unit} with 2:4 sparsity; dense is half`,
  );
}

const NOT_AI_TOPS = unknown("not recorded for data-centre GPUs: use fp16Tflops and int8Tops");
const NO_FP8_BEFORE_HOPPER = unknown("no FP8 tensor mode before Hopper / Ada");

/** Date of the AWS list after the June 2025 price cut for P4 and P5 instances. */
const AWS_2025_06 = "2025-06";
const AFTER_CUT = "; list after AWS's June 2025 cut for P4/P5 instances, as read by the " +
  "catalogue review of issue 13 (no AWS price page was reachable here to re-read it)";

/** Per-GPU price listed without the instance price (the review gave only the per-GPU share). */
function awsListedPerGpu(instance: string, perGpuUsdPerHour: number, date: string): KnownFigure {
  return known(
    perGpuUsdPerHour,
    "price-list",
    awsOnDemand(date),
    `${instance} per-GPU share (8 GPUs, host CPU and RAM included)` + AFTER_CUT,
  );
}

/**
 * NVIDIA data-centre GPUs of the catalogue (H100, H200, A100, A40, L40S, L4, T4, V100), part of
 * {@link HARDWARE}.
 */
export const DATACENTER_GPUS: readonly HardwareProfile[] = [
  {
    id: "h100-sxm",
    name: "NVIDIA H100 SXM5 80GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "HBM3",
    memoryGB: check(known(80, "datasheet", H100_DATASHEET), HPCTECH_H100, 80),
    fp32Tflops: check(known(67, "datasheet", H100_DATASHEET), HPCTECH_H100, 67),
    fp16Tflops: check(
      halfOfSparse(1979, H100_DATASHEET),
      HPCTECH_H100,
      989.5,
      "sparse 1,979 halved",
    ),
    memoryBandwidthGBps: check(known(3350, "datasheet", H100_DATASHEET), HPCTECH_H100, 3350),
    tdpWatts: check(
      known(700, "datasheet", H100_DATASHEET, "up to 700 W, configurable"),
      HPCTECH_H100,
      700,
    ),
    int8Tops: check(
      halfOfSparse(3958, H100_DATASHEET, "TOPS"),
      KLOCKWOOD_H100,
      1978.9,
      "INT8 matrix (dense) column",
    ),
    fp8Tflops: check(
      halfOfSparse(3958, H100_DATASHEET),
      KLOCKWOOD_H100,
      1978.9,
      "FP8 matrix (dense) column",
    ),
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(
      check(
        awsPerGpu("p5.48xlarge", 98.32, 8, "2023-07"),
        COMPUTESPEC_PRICING,
        12.29,
        "p5.48xlarge $98.32/h / 8 GPUs, as the page normalises it",
      ),
      awsPerGpu("p5.48xlarge", 55.04, 8, AWS_2025_06, AFTER_CUT),
    ),
  },
  {
    id: "h100-pcie",
    name: "NVIDIA H100 PCIe 80GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "HBM2e",
    memoryGB: check(known(80, "datasheet", H100_DATASHEET, "PCIe column"), GPUBLOG_H100_PCIE, 80),
    fp32Tflops: check(
      known(51, "datasheet", H100_DATASHEET, "PCIe column"),
      GPUBLOG_H100_PCIE,
      51,
    ),
    fp16Tflops: halfOfSparse(1513, H100_DATASHEET),
    memoryBandwidthGBps: check(
      known(2000, "datasheet", H100_DATASHEET, "PCIe column, printed as 2 TB/s"),
      MANUALS_H100_PCIE_BRIEF,
      2000,
      "product brief: 'greater than 2,000 GBps'",
    ),
    tdpWatts: check(
      known(350, "datasheet", H100_DATASHEET, "PCIe column"),
      MANUALS_H100_PCIE_BRIEF,
      350,
      "product brief: maximum TDP 350 W",
    ),
    int8Tops: halfOfSparse(3026, H100_DATASHEET, "TOPS"),
    fp8Tflops: halfOfSparse(3026, H100_DATASHEET),
    vendorAiTops: NOT_AI_TOPS,
    ...noPrice("AWS rents H100 only as SXM (p5); no on-demand PCIe price is recorded"),
  },
  {
    id: "h200",
    name: "NVIDIA H200 SXM 141GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "HBM3e",
    memoryGB: check(known(141, "datasheet", H200_DATASHEET), ITKB_H200, 141),
    fp32Tflops: check(known(67, "datasheet", H200_DATASHEET), HMC_H200, 66.91),
    fp16Tflops: check(halfOfSparse(1979, H200_DATASHEET), ITKB_H200, 989, "dense FP16/BF16"),
    memoryBandwidthGBps: check(
      known(4800, "datasheet", H200_DATASHEET),
      ITKB_H200,
      4800,
      "4.8 TB/s",
    ),
    tdpWatts: check(
      known(700, "datasheet", H200_DATASHEET, "up to 700 W, configurable"),
      ITKB_H200,
      700,
    ),
    int8Tops: halfOfSparse(3958, H200_DATASHEET, "TOPS"),
    fp8Tflops: halfOfSparse(3958, H200_DATASHEET),
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(awsPerGpu("p5en.48xlarge", 63.296, 8, AWS_2025_06, AFTER_CUT)),
  },
  {
    id: "a100-80gb",
    name: "NVIDIA A100 SXM4 80GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "HBM2e",
    memoryGB: check(known(80, "datasheet", A100_DATASHEET), THUNDER_A100, 80),
    fp32Tflops: check(known(19.5, "datasheet", A100_DATASHEET), KLOCKWOOD_A100, 19.5),
    fp16Tflops: check(
      known(312, "datasheet", A100_DATASHEET, "dense; 624 with sparsity"),
      KLOCKWOOD_A100,
      312,
      "FP16 matrix (dense) column",
    ),
    memoryBandwidthGBps: check(
      known(2039, "datasheet", A100_DATASHEET, "SXM variant"),
      THUNDER_A100,
      2039,
      "SXM 80GB column",
    ),
    tdpWatts: check(
      known(400, "datasheet", A100_DATASHEET, "SXM variant"),
      THUNDER_A100,
      400,
      "SXM column",
    ),
    int8Tops: check(
      known(624, "datasheet", A100_DATASHEET, "dense; 1,248 with sparsity"),
      HMC_A40,
      623.74,
      "A100 INT8 tensor, dense",
    ),
    fp8Tflops: NO_FP8_BEFORE_HOPPER,
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(
      awsPerGpu("p4de.24xlarge", 40.96, 8, "2023"),
      awsListedPerGpu("p4de.24xlarge", 3.43, AWS_2025_06),
    ),
  },
  {
    id: "a100-40gb",
    name: "NVIDIA A100 SXM4 40GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "HBM2",
    memoryGB: check(known(40, "datasheet", A100_DATASHEET), PC2_A100_40GB, 40),
    fp32Tflops: check(known(19.5, "datasheet", A100_DATASHEET), PC2_A100_40GB, 19.5),
    fp16Tflops: check(
      known(312, "datasheet", A100_DATASHEET, "dense; 624 with sparsity"),
      PC2_A100_40GB,
      312,
      "dense; the page also gives 624 with sparsity",
    ),
    memoryBandwidthGBps: check(
      known(1555, "datasheet", A100_DATASHEET, "SXM variant"),
      PC2_A100_40GB,
      1555,
    ),
    tdpWatts: check(known(400, "datasheet", A100_DATASHEET, "SXM variant"), PC2_A100_40GB, 400),
    int8Tops: known(624, "datasheet", A100_DATASHEET, "dense; 1,248 with sparsity"),
    fp8Tflops: NO_FP8_BEFORE_HOPPER,
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(
      check(
        awsPerGpu("p4d.24xlarge", 32.77, 8, "2023"),
        USAGEAI_GPU_COSTS,
        32.77 / 8,
        "p4d.24xlarge about $32.77/h on demand / 8 GPUs",
      ),
      awsListedPerGpu("p4d.24xlarge", 2.74, AWS_2025_06),
    ),
  },
  {
    id: "a40",
    name: "NVIDIA A40 48GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "GDDR6",
    memoryGB: check(known(48, "datasheet", A40_DATASHEET), SPICEDREAM_A40, 48),
    fp32Tflops: check(known(37.4, "datasheet", A40_DATASHEET), SPICEDREAM_A40, 37.42),
    fp16Tflops: check(
      known(149.7, "datasheet", A40_DATASHEET, "dense; 299.4 with sparsity"),
      HMC_A40,
      149.67,
      "FP16 tensor, dense",
    ),
    memoryBandwidthGBps: check(
      known(696, "datasheet", A40_DATASHEET),
      SPICEDREAM_A40,
      695.8,
      "384-bit at 14.5 Gbps",
    ),
    tdpWatts: check(
      known(300, "datasheet", A40_DATASHEET, "maximum power consumption"),
      SPICEDREAM_A40,
      300,
    ),
    int8Tops: check(
      known(299.3, "datasheet", A40_DATASHEET, "dense; 598.6 with sparsity"),
      HMC_A40,
      299.34,
      "A40 INT8 tensor, dense",
    ),
    fp8Tflops: NO_FP8_BEFORE_HOPPER,
    vendorAiTops: NOT_AI_TOPS,
    ...noPrice("not offered on demand by AWS; no price from a major cloud list is recorded"),
  },
  {
    id: "l40s",
    name: "NVIDIA L40S 48GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "GDDR6",
    memoryGB: check(known(48, "datasheet", L40S_DATASHEET), MULLET_L40S, 48),
    fp32Tflops: check(known(91.6, "datasheet", L40S_DATASHEET), MULLET_L40S, 91.6),
    fp16Tflops: check(
      known(362.05, "datasheet", L40S_DATASHEET, "dense; 733 with sparsity"),
      MULLET_L40S,
      362.05,
      "L40S column, without sparsity",
    ),
    memoryBandwidthGBps: check(known(864, "datasheet", L40S_DATASHEET), MULLET_L40S, 864),
    tdpWatts: check(
      known(350, "datasheet", L40S_DATASHEET, "maximum power consumption"),
      MULLET_L40S,
      350,
      "L40S column",
    ),
    int8Tops: halfOfSparse(1466, L40S_DATASHEET, "TOPS"),
    fp8Tflops: check(
      halfOfSparse(1466, L40S_DATASHEET),
      GROKIPEDIA_L4,
      733,
      "L40S FP8 1,466 (sparse) halved",
    ),
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(awsPerGpu("g6e.xlarge", 1.861, 1, "2024")),
  },
  {
    id: "l4",
    name: "NVIDIA L4 24GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "GDDR6",
    memoryGB: check(known(24, "datasheet", L4_DATASHEET), FPSBENCH_L4, 24),
    fp32Tflops: check(known(30.3, "datasheet", L4_DATASHEET), FPSBENCH_L4, 30.29),
    fp16Tflops: check(halfOfSparse(242, L4_DATASHEET), GROKIPEDIA_L4, 121, "sparse 242 halved"),
    memoryBandwidthGBps: check(known(300, "datasheet", L4_DATASHEET), FPSBENCH_L4, 300.1),
    tdpWatts: check(known(72, "datasheet", L4_DATASHEET), FPSBENCH_L4, 72),
    int8Tops: check(
      halfOfSparse(485, L4_DATASHEET, "TOPS"),
      GROKIPEDIA_L4,
      242.5,
      "485 (sparse) halved",
    ),
    fp8Tflops: check(halfOfSparse(485, L4_DATASHEET), GROKIPEDIA_L4, 242.5, "485 (sparse) halved"),
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(awsPerGpu("g6.xlarge", 0.8048, 1, "2024")),
  },
  {
    id: "t4",
    name: "NVIDIA T4 16GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16"],
    memoryType: "GDDR6",
    memoryGB: check(known(16, "datasheet", T4_DATASHEET), SYSRQMTS_T4, 16),
    fp32Tflops: check(known(8.1, "datasheet", T4_DATASHEET), SYSRQMTS_T4, 8.141),
    fp16Tflops: check(
      known(65, "datasheet", T4_DATASHEET, "FP16/FP32 mixed precision; Turing has no sparsity"),
      SYSRQMTS_T4,
      65.13,
      "FP16 (half) at 8:1",
    ),
    memoryBandwidthGBps: check(
      known(320, "datasheet", T4_DATASHEET, "printed as 320+ GB/s"),
      SYSRQMTS_T4,
      320,
    ),
    tdpWatts: check(known(70, "datasheet", T4_DATASHEET), SYSRQMTS_T4, 70),
    int8Tops: known(130, "datasheet", T4_DATASHEET, "Turing has no sparsity"),
    fp8Tflops: NO_FP8_BEFORE_HOPPER,
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(awsPerGpu("g4dn.xlarge", 0.526, 1, "2023")),
  },
  {
    id: "v100",
    name: "NVIDIA Tesla V100 SXM2 16GB",
    vendor: "NVIDIA",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16"],
    memoryType: "HBM2",
    memoryGB: check(
      known(16, "datasheet", V100_DATASHEET, "also sold with 32 GB"),
      CHAPUZAS_V100,
      16,
    ),
    fp32Tflops: inputsCheck(
      known(15.7, "datasheet", V100_DATASHEET, "SXM2 variant"),
      HARDWARETIMES_AMPERE,
      (2 * 5120 * 1.53) / 1000,
      "2 FLOP x 5120 FP32 cores x 1530 MHz boost, SXM2 column of the page's table",
    ),
    fp16Tflops: check(
      known(125, "datasheet", V100_DATASHEET, "tensor performance, SXM2 variant"),
      NVIDIA_DEV_VOLTA_TENSOR_CORES,
      125,
      "up to 125 tensor TFLOPS",
    ),
    memoryBandwidthGBps: check(known(900, "datasheet", V100_DATASHEET), CHAPUZAS_V100, 900),
    tdpWatts: check(
      known(300, "datasheet", V100_DATASHEET, "SXM2 variant"),
      IOTECH_V100,
      300,
      "SXM2 version; the PCIe card is 250 W",
    ),
    int8Tops: unknown("Volta tensor cores have no INT8 mode; the datasheet prints no INT8 rate"),
    fp8Tflops: NO_FP8_BEFORE_HOPPER,
    vendorAiTops: NOT_AI_TOPS,
    ...priceHistory(awsPerGpu("p3.2xlarge", 3.06, 1, "2023")),
  },
];
