/**
 * Devices priced today that are neither NVIDIA data-centre GPUs nor edge devices: AMD's MI300X,
 * Google's TPU v5e and AWS Inferentia2 (matrix-unit accelerators sold only as cloud instances)
 * and the GeForce RTX 4090 desktop card. Their vendors publish fewer figures than NVIDIA's data-centre
 * datasheets; what they do not publish stays unknown.
 *
 * @module
 */
import { known, unknown } from "./figure.ts";
import type { HardwareProfile } from "./profile.ts";
import {
  checkedAgainst as check,
  FPSREVIEW_RTX_4090,
  GOOGLE_TPU_V5E,
  inputsCheckedAgainst as inputsCheck,
  MI300X_VS_H200_REPORT,
  NEURON_INFERENTIA2,
} from "./crosscheck_pages.ts";
import { noPrice } from "./prices.ts";
import {
  AMD_MI300X_DATASHEET,
  AWS_INFERENTIA2_DOC,
  GOOGLE_TPU_V5E_DOC,
  RTX_4090_PRODUCT_PAGE,
} from "./sources.ts";

const NO_VERIFIED_PRICE = noPrice(
  "no on-demand price page was reachable to read a current price; none is recorded",
);

/**
 * Accelerators other than NVIDIA data-centre GPUs (MI300X, TPU v5e, Inferentia2) and the RTX 4090
 * desktop GPU, part of {@link HARDWARE}.
 */
export const ACCELERATORS: readonly HardwareProfile[] = [
  {
    id: "mi300x",
    name: "AMD Instinct MI300X 192GB (OAM)",
    vendor: "AMD",
    deviceClass: "datacenter-gpu",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "HBM3",
    memoryGB: check(known(192, "datasheet", AMD_MI300X_DATASHEET), MI300X_VS_H200_REPORT, 192),
    fp32Tflops: unknown("no page giving AMD's FP32 vector rate was verified here"),
    fp16Tflops: check(
      known(1307.4, "datasheet", AMD_MI300X_DATASHEET, "dense matrix rate; 2,614.9 with sparsity"),
      MI300X_VS_H200_REPORT,
      1307.4,
      "BF16 dense",
    ),
    int8Tops: unknown("no page giving AMD's INT8 rate was verified here"),
    fp8Tflops: check(
      known(2614.9, "datasheet", AMD_MI300X_DATASHEET, "dense matrix rate"),
      MI300X_VS_H200_REPORT,
      2614.9,
      "FP8 dense",
    ),
    memoryBandwidthGBps: check(
      known(5300, "datasheet", AMD_MI300X_DATASHEET, "printed as 5.3 TB/s"),
      MI300X_VS_H200_REPORT,
      5300,
    ),
    tdpWatts: check(
      known(750, "datasheet", AMD_MI300X_DATASHEET, "total board power"),
      MI300X_VS_H200_REPORT,
      750,
      "TBP",
    ),
    vendorAiTops: unknown("not recorded for data-centre GPUs: use fp16Tflops and fp8Tflops"),
    ...NO_VERIFIED_PRICE,
  },
  {
    id: "tpu-v5e",
    name: "Google Cloud TPU v5e (per chip)",
    vendor: "Google",
    deviceClass: "datacenter-accelerator",
    hasTensorCores: true,
    fp16Formats: ["bf16"],
    memoryType: "HBM2",
    memoryGB: check(known(16, "datasheet", GOOGLE_TPU_V5E_DOC), GOOGLE_TPU_V5E, 16),
    fp32Tflops: unknown("Google publishes peak bf16 and int8 rates only"),
    fp16Tflops: check(
      known(197, "datasheet", GOOGLE_TPU_V5E_DOC, "bf16 only (the MXUs have no FP16 mode)"),
      GOOGLE_TPU_V5E,
      197,
      "peak compute per chip (bf16)",
    ),
    memoryBandwidthGBps: check(
      known(819, "datasheet", GOOGLE_TPU_V5E_DOC, "some translations print 800 GiB/s"),
      GOOGLE_TPU_V5E,
      819,
    ),
    tdpWatts: unknown("Google publishes no power figure for TPU chips"),
    int8Tops: check(
      known(393, "datasheet", GOOGLE_TPU_V5E_DOC, "peak int8 per chip"),
      GOOGLE_TPU_V5E,
      393,
    ),
    fp8Tflops: unknown("Google prints no FP8 rate for TPU v5e"),
    vendorAiTops: check(
      known(393, "datasheet", GOOGLE_TPU_V5E_DOC, "peak int8 per chip, no sparsity stated"),
      GOOGLE_TPU_V5E,
      393,
    ),
    ...NO_VERIFIED_PRICE,
  },
  {
    id: "inferentia2",
    name: "AWS Inferentia2 (per chip, 2 NeuronCore-v2)",
    vendor: "Amazon Web Services",
    deviceClass: "datacenter-accelerator",
    hasTensorCores: true,
    fp16Formats: ["fp16", "bf16"],
    memoryType: "HBM",
    memoryGB: check(
      known(32, "datasheet", AWS_INFERENTIA2_DOC, "later releases of the page say 32 GiB"),
      NEURON_INFERENTIA2,
      32,
    ),
    fp32Tflops: check(known(47.5, "datasheet", AWS_INFERENTIA2_DOC), NEURON_INFERENTIA2, 47.5),
    fp16Tflops: check(
      known(190, "datasheet", AWS_INFERENTIA2_DOC, "printed for FP16/BF16/cFP8/TF32 alike"),
      NEURON_INFERENTIA2,
      190,
    ),
    memoryBandwidthGBps: check(
      known(
        820,
        "datasheet",
        AWS_INFERENTIA2_DOC,
        "printed as 820 GB/sec; later releases say 820 GiB/sec (880 GB/s), the unit is unclear",
      ),
      NEURON_INFERENTIA2,
      820,
    ),
    tdpWatts: unknown("AWS publishes no power figure for Inferentia2"),
    int8Tops: check(known(380, "datasheet", AWS_INFERENTIA2_DOC), NEURON_INFERENTIA2, 380),
    fp8Tflops: check(
      known(190, "datasheet", AWS_INFERENTIA2_DOC, "AWS's configurable cFP8 format"),
      NEURON_INFERENTIA2,
      190,
    ),
    vendorAiTops: check(
      known(380, "datasheet", AWS_INFERENTIA2_DOC, "INT8, no sparsity stated"),
      NEURON_INFERENTIA2,
      380,
    ),
    ...NO_VERIFIED_PRICE,
  },
  {
    id: "rtx-4090",
    name: "NVIDIA GeForce RTX 4090 24GB",
    vendor: "NVIDIA",
    deviceClass: "desktop-gpu",
    hasTensorCores: true,
    fp16Formats: [],
    memoryType: "GDDR6X",
    memoryGB: check(known(24, "datasheet", RTX_4090_PRODUCT_PAGE), FPSREVIEW_RTX_4090, 24),
    fp32Tflops: inputsCheck(
      known(
        (2 * 16384 * 2.52) / 1000,
        "derived",
        RTX_4090_PRODUCT_PAGE,
        "2 FLOP x 16,384 CUDA cores x 2.52 GHz boost clock (both from the product page)",
      ),
      FPSREVIEW_RTX_4090,
      (2 * 16384 * 2.52) / 1000,
      "page gives 16,384 CUDA cores and a 2,520 MHz boost clock; same formula",
    ),
    fp16Tflops: unknown(
      "GeForce tensor rates depend on the accumulate precision and were not read from NVIDIA's " +
        "Ada whitepaper here; none is recorded",
    ),
    memoryBandwidthGBps: check(
      known(
        (384 * 21) / 8,
        "derived",
        RTX_4090_PRODUCT_PAGE,
        "384-bit bus x 21 Gbps GDDR6X / 8 bits per byte",
      ),
      FPSREVIEW_RTX_4090,
      1008,
    ),
    tdpWatts: check(
      known(450, "datasheet", RTX_4090_PRODUCT_PAGE, "total graphics power"),
      FPSREVIEW_RTX_4090,
      450,
      "default TGP",
    ),
    int8Tops: unknown("GeForce INT8 tensor rates were not read from the Ada whitepaper here"),
    fp8Tflops: unknown("GeForce FP8 tensor rates were not read from the Ada whitepaper here"),
    vendorAiTops: unknown("NVIDIA's headline 'AI TOPS' for GeForce was not read here"),
    ...noPrice(
      "no major cloud rents it on demand; the $1,599 launch price (Sept 2022) is a purchase price",
    ),
  },
];
