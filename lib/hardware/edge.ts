/**
 * Edge devices: Jetson modules, a single-board computer, a phone SoC and the desktop CPU the
 * AERIA paper uses as its edge server. Vendors of these devices publish fewer figures than
 * data-centre GPU datasheets, so several are derived (formula in the note) or absent.
 *
 * @module
 */
import { known, type KnownFigure, type SourceRef, unknown } from "./figure.ts";
import type { HardwareProfile } from "./profile.ts";
import { noPrice } from "./prices.ts";
import {
  ALLDBIN_JETSON_NANO,
  BROJOGOPAL_ORIN_NANO,
  checkedAgainst as check,
  CHUMCITY_APPLE_EVENT,
  FIXSTARS_AGX_ORIN,
  HARDWARETHEORY_RAPTOR_LAKE,
  inputsCheckedAgainst as inputsCheck,
  MZPH_AGX_ORIN_BRIEF,
  RPI_AU_PI5,
} from "./crosscheck_pages.ts";
import {
  AERIA_PAPER,
  APPLE_IPHONE_15_PRO_RELEASE,
  INTEL_I7_13700K_ARK,
  JETSON_AGX_ORIN_DATASHEET,
  JETSON_NANO_DATASHEET,
  JETSON_ORIN_NANO_DATASHEET,
  JETSON_ORIN_NANO_SUPER_DATASHEET,
  RASPBERRY_PI_5_BRIEF,
} from "./sources.ts";

/** FP32 peak of a GPU from its CUDA-core count and clock: one FMA (2 FLOP) per core per cycle. */
function gpuFp32FromCores(cores: number, clockGHz: number, source: SourceRef): KnownFigure {
  const tflops = (2 * cores * clockGHz) / 1000;
  return known(
    tflops,
    "derived",
    source,
    `2 FLOP x ${cores} CUDA cores x ${clockGHz} GHz maximum GPU clock (both from the datasheet)`,
  );
}

const NO_CLOUD_PRICE = noPrice("an edge device, not rented by the hour on a public cloud");

/**
 * Edge devices of the catalogue (Jetson boards, Raspberry Pi 5, Apple A17 Pro, a desktop CPU), part
 * of {@link HARDWARE}.
 */
export const EDGE_DEVICES: readonly HardwareProfile[] = [
  {
    id: "jetson-agx-orin",
    name: "NVIDIA Jetson AGX Orin 64GB",
    vendor: "NVIDIA",
    deviceClass: "edge-gpu",
    hasTensorCores: true,
    fp16Formats: [],
    memoryType: "LPDDR5",
    memoryGB: known(64, "datasheet", JETSON_AGX_ORIN_DATASHEET),
    fp32Tflops: check(
      gpuFp32FromCores(2048, 1.3, JETSON_AGX_ORIN_DATASHEET),
      MZPH_AGX_ORIN_BRIEF,
      5.3,
      "2048 CUDA cores, 5.3 FP32 TFLOPS as summarised from the technical brief",
    ),
    fp16Tflops: unknown(
      "the datasheet gives INT8 TOPS (with sparsity) but no dense FP16 tensor rate",
    ),
    memoryBandwidthGBps: known(204.8, "datasheet", JETSON_AGX_ORIN_DATASHEET),
    tdpWatts: check(
      known(60, "datasheet", JETSON_AGX_ORIN_DATASHEET, "highest power mode (15-60 W)"),
      FIXSTARS_AGX_ORIN,
      60,
      "upper end of 15-60 W",
    ),
    int8Tops: unknown(
      "the datasheet prints INT8 TOPS with sparsity, GPU and DLA together, no dense GPU rate",
    ),
    fp8Tflops: unknown("Ampere (Orin) has no FP8 tensor mode"),
    vendorAiTops: check(
      known(
        275,
        "datasheet",
        JETSON_AGX_ORIN_DATASHEET,
        "INT8 with sparsity, GPU and DLA engines together",
      ),
      FIXSTARS_AGX_ORIN,
      275,
      "sparse INT8 at MAXN",
    ),
    ...NO_CLOUD_PRICE,
  },
  {
    id: "jetson-orin-nano",
    name: "NVIDIA Jetson Orin Nano 8GB",
    vendor: "NVIDIA",
    deviceClass: "edge-gpu",
    hasTensorCores: true,
    fp16Formats: [],
    memoryType: "LPDDR5",
    memoryGB: check(known(8, "datasheet", JETSON_ORIN_NANO_DATASHEET), BROJOGOPAL_ORIN_NANO, 8),
    fp32Tflops: inputsCheck(
      gpuFp32FromCores(1024, 0.625, JETSON_ORIN_NANO_DATASHEET),
      BROJOGOPAL_ORIN_NANO,
      (2 * 1024 * 0.625) / 1000,
      "page gives 1024 CUDA cores and the pre-Super 625 MHz GPU clock; same formula",
    ),
    fp16Tflops: unknown(
      "the datasheet gives INT8 TOPS (with sparsity) but no dense FP16 tensor rate",
    ),
    memoryBandwidthGBps: check(
      known(68, "datasheet", JETSON_ORIN_NANO_DATASHEET),
      BROJOGOPAL_ORIN_NANO,
      68,
      "pre-Super figure (102 after the update)",
    ),
    tdpWatts: check(
      known(15, "datasheet", JETSON_ORIN_NANO_DATASHEET, "highest power mode (7-15 W)"),
      BROJOGOPAL_ORIN_NANO,
      15,
      "pre-Super maximum (25 after the update)",
    ),
    int8Tops: unknown(
      "the datasheet prints INT8 TOPS with sparsity, GPU and DLA together, no dense GPU rate",
    ),
    fp8Tflops: unknown("Ampere (Orin) has no FP8 tensor mode"),
    vendorAiTops: check(
      known(
        40,
        "datasheet",
        JETSON_ORIN_NANO_DATASHEET,
        "INT8 with sparsity; the 2024 'Super' clocks raise it (profile jetson-orin-nano-super)",
      ),
      BROJOGOPAL_ORIN_NANO,
      40,
      "pre-Super figure (67 after the update)",
    ),
    ...NO_CLOUD_PRICE,
  },
  {
    id: "jetson-orin-nano-super",
    name: "NVIDIA Jetson Orin Nano 8GB Super (JetPack 6.1 clocks)",
    vendor: "NVIDIA",
    deviceClass: "edge-gpu",
    hasTensorCores: true,
    fp16Formats: [],
    memoryType: "LPDDR5",
    memoryGB: check(
      known(8, "datasheet", JETSON_ORIN_NANO_SUPER_DATASHEET, "same module as the 2023 Orin Nano"),
      BROJOGOPAL_ORIN_NANO,
      8,
    ),
    fp32Tflops: inputsCheck(
      gpuFp32FromCores(1024, 1.02, JETSON_ORIN_NANO_SUPER_DATASHEET),
      BROJOGOPAL_ORIN_NANO,
      (2 * 1024 * 1.02) / 1000,
      "page gives 1024 CUDA cores and the Super 1.02 GHz GPU clock; same formula",
    ),
    fp16Tflops: unknown(
      "the datasheet gives INT8 TOPS (with sparsity) but no dense FP16 tensor rate",
    ),
    memoryBandwidthGBps: check(
      known(102, "datasheet", JETSON_ORIN_NANO_SUPER_DATASHEET),
      BROJOGOPAL_ORIN_NANO,
      102,
      "Super figure (68 before the update)",
    ),
    tdpWatts: check(
      known(25, "datasheet", JETSON_ORIN_NANO_SUPER_DATASHEET, "highest power mode (7-25 W)"),
      BROJOGOPAL_ORIN_NANO,
      25,
    ),
    int8Tops: unknown(
      "the datasheet prints INT8 TOPS with sparsity, GPU and DLA together, no dense GPU rate",
    ),
    fp8Tflops: unknown("Ampere (Orin) has no FP8 tensor mode"),
    vendorAiTops: check(
      known(67, "datasheet", JETSON_ORIN_NANO_SUPER_DATASHEET, "INT8 with sparsity"),
      BROJOGOPAL_ORIN_NANO,
      67,
    ),
    ...NO_CLOUD_PRICE,
  },
  {
    id: "jetson-nano",
    name: "NVIDIA Jetson Nano 4GB",
    vendor: "NVIDIA",
    deviceClass: "edge-gpu",
    hasTensorCores: false,
    fp16Formats: ["fp16"],
    memoryType: "LPDDR4",
    memoryGB: check(known(4, "datasheet", JETSON_NANO_DATASHEET), ALLDBIN_JETSON_NANO, 4),
    fp32Tflops: inputsCheck(
      gpuFp32FromCores(128, 0.9216, JETSON_NANO_DATASHEET),
      ALLDBIN_JETSON_NANO,
      (2 * 128 * 0.921) / 1000,
      "page gives 128 CUDA cores and a 921 MHz boost clock; same formula",
    ),
    fp16Tflops: known(
      0.472,
      "datasheet",
      JETSON_NANO_DATASHEET,
      "printed as 472 GFLOPS; Maxwell runs FP16 at twice the FP32 rate, no tensor cores",
    ),
    memoryBandwidthGBps: check(
      known(25.6, "datasheet", JETSON_NANO_DATASHEET),
      ALLDBIN_JETSON_NANO,
      25.6,
    ),
    tdpWatts: check(
      known(10, "datasheet", JETSON_NANO_DATASHEET, "higher of the 5 W and 10 W modes"),
      ALLDBIN_JETSON_NANO,
      10,
    ),
    int8Tops: unknown("Maxwell has no INT8 tensor mode; no INT8 rate is printed"),
    fp8Tflops: unknown("Maxwell has no FP8 mode"),
    vendorAiTops: unknown("the datasheet's headline is 472 GFLOPS FP16 (see fp16Tflops), no TOPS"),
    ...NO_CLOUD_PRICE,
  },
  {
    id: "raspberry-pi-5",
    name: "Raspberry Pi 5 8GB",
    vendor: "Raspberry Pi Ltd",
    deviceClass: "edge-cpu",
    hasTensorCores: false,
    fp16Formats: [],
    memoryType: "LPDDR4X-4267",
    memoryGB: check(
      known(8, "datasheet", RASPBERRY_PI_5_BRIEF, "also sold with 2, 4 and 16 GB"),
      RPI_AU_PI5,
      8,
      "8GB variant",
    ),
    fp32Tflops: inputsCheck(
      known(
        (4 * 2.4 * 16) / 1000,
        "derived",
        RASPBERRY_PI_5_BRIEF,
        "4 Cortex-A76 cores x 2.4 GHz (product brief) x 16 FP32 FLOP/cycle (two 128-bit FMA " +
          "pipes per core, Arm Cortex-A76 Software Optimization Guide)",
      ),
      RPI_AU_PI5,
      (4 * 2.4 * 16) / 1000,
      "page confirms 4 Cortex-A76 cores at 2.4 GHz; the 16 FLOP/cycle factor is not on it",
    ),
    fp16Tflops: unknown("no FP16 peak is published and the board has no matrix units"),
    memoryBandwidthGBps: unknown(
      "the product brief names LPDDR4X-4267 but not the bus width, so no bandwidth is derived",
    ),
    tdpWatts: unknown(
      "no TDP is published; the brief recommends a 5 V / 5 A (27 W) supply, which is not a TDP",
    ),
    int8Tops: unknown("no INT8 peak is published"),
    fp8Tflops: unknown("no FP8 support"),
    vendorAiTops: unknown("no AI accelerator on the board"),
    ...NO_CLOUD_PRICE,
  },
  {
    id: "apple-a17-pro",
    name: "Apple A17 Pro (iPhone 15 Pro)",
    vendor: "Apple",
    deviceClass: "phone-soc",
    hasTensorCores: false,
    fp16Formats: [],
    memoryType: "LPDDR5 (package)",
    memoryGB: unknown("Apple does not publish the RAM size of its phones"),
    fp32Tflops: unknown("Apple does not publish a GPU or CPU FLOPS figure for the A17 Pro"),
    fp16Tflops: unknown("Apple does not publish an FP16 figure for the A17 Pro"),
    memoryBandwidthGBps: unknown("Apple does not publish the memory bandwidth of the A17 Pro"),
    tdpWatts: unknown("Apple does not publish a power figure for the A17 Pro"),
    int8Tops: unknown("Apple states 35 TOPS without a precision (see vendorAiTops)"),
    fp8Tflops: unknown("Apple publishes no FP8 figure"),
    vendorAiTops: check(
      known(
        35,
        "datasheet",
        APPLE_IPHONE_15_PRO_RELEASE,
        "Neural Engine, 'up to 35 trillion operations per second'; precision not stated",
      ),
      CHUMCITY_APPLE_EVENT,
      35,
      "Neural Engine, trillion operations per second",
    ),
    ...NO_CLOUD_PRICE,
  },
  {
    id: "i7-13700k",
    name: "Intel Core i7-13700K (AERIA edge server node)",
    vendor: "Intel",
    deviceClass: "edge-cpu",
    hasTensorCores: false,
    fp16Formats: [],
    memoryType: "DDR5-5600 / DDR4-3200",
    memoryGB: unknown("system memory is installed separately (the CPU supports up to 192 GB)"),
    fp32Tflops: known(
      3930 / 3 / 1000,
      "paper",
      AERIA_PAPER,
      "the paper sets its edge cluster to 3,930 GFLOPS for three i7-13700K machines; one third",
    ),
    fp16Tflops: unknown("Intel publishes no FP16 peak for this desktop CPU"),
    memoryBandwidthGBps: known(
      89.6,
      "datasheet",
      INTEL_I7_13700K_ARK,
      "maximum, dual-channel DDR5",
    ),
    tdpWatts: check(
      known(
        125,
        "datasheet",
        INTEL_I7_13700K_ARK,
        "processor base power; maximum turbo power is 253 W. AERIA uses 3 x 125 = 375 W",
      ),
      HARDWARETHEORY_RAPTOR_LAKE,
      125,
      "processor base power of the K/KF launch SKUs (maximum turbo 253 W for Core i7)",
    ),
    int8Tops: unknown("Intel publishes no INT8 peak for this desktop CPU"),
    fp8Tflops: unknown("no FP8 support"),
    vendorAiTops: unknown("no AI accelerator figure is published for this CPU"),
    ...NO_CLOUD_PRICE,
  },
];
