/**
 * The shape of a hardware profile. Every numeric field is a {@link Figure} and its unit is part
 * of the field name.
 *
 * @module
 */
import type { Figure, KnownFigure } from "./figure.ts";

/** Broad class of a device, used to pick devices for an experiment. */
export type DeviceClass =
  | "datacenter-gpu"
  | "datacenter-accelerator"
  | "desktop-gpu"
  | "edge-gpu"
  | "edge-cpu"
  | "phone-soc";

/** A 16-bit floating-point format a device's {@link HardwareProfile.fp16Tflops} rate applies to. */
export type HalfPrecisionFormat = "fp16" | "bf16";

/** Every numeric figure field of a profile, in display order. */
export const FIGURE_FIELDS = [
  "memoryGB",
  "fp32Tflops",
  "fp16Tflops",
  "int8Tops",
  "fp8Tflops",
  "memoryBandwidthGBps",
  "tdpWatts",
  "vendorAiTops",
  "onDemandUsdPerHour",
] as const;

/** Names of the numeric figures every profile carries. */
export type FigureField = typeof FIGURE_FIELDS[number];

/** A typed, sourced description of one compute device. */
export interface HardwareProfile {
  /** stable lookup key, lower-case with dashes (e.g. `"a100-80gb"`) */
  readonly id: string;
  /** marketing name with the variant (form factor, memory size) */
  readonly name: string;
  /** manufacturer, as the datasheet names it (e.g. `"NVIDIA"`) */
  readonly vendor: string;
  /** data-centre GPU or accelerator, desktop or edge GPU, edge CPU, or phone SoC */
  readonly deviceClass: DeviceClass;
  /** whether the device has matrix units (NVIDIA tensor cores) used by {@link fp16Tflops} */
  readonly hasTensorCores: boolean;
  /**
   * The 16-bit formats the {@link fp16Tflops} rate is printed for: `["fp16", "bf16"]` on Ampere
   * and later, `["fp16"]` where the device has no BF16 (V100, T4, Jetson Nano); empty when no
   * FP16 rate is recorded.
   */
  readonly fp16Formats: readonly HalfPrecisionFormat[];
  /** memory technology as the vendor names it (e.g. `"HBM3"`, `"LPDDR5"`) */
  readonly memoryType: string;
  /**
   * Device memory in the vendor's "GB" exactly as printed on the datasheet. Not converted: vendors
   * do not say whether their GB is 10^9 or 2^30 bytes.
   */
  readonly memoryGB: Figure;
  /** peak dense FP32 throughput on the general-purpose cores, TFLOPS (10^12 FLOP/s) */
  readonly fp32Tflops: Figure;
  /**
   * Peak dense 16-bit throughput, TFLOPS, for the formats in {@link fp16Formats}. On devices with
   * tensor cores this is the tensor-core rate without structured sparsity; otherwise it is the
   * plain FP16 rate of the cores.
   */
  readonly fp16Tflops: Figure;
  /**
   * peak dense INT8 tensor/matrix throughput, TOPS; where a datasheet prints only the 2:4
   * sparsity rate, half of it (the note says so)
   */
  readonly int8Tops: Figure;
  /** peak dense FP8 tensor/matrix throughput, TFLOPS, halved from sparse rates like INT8 */
  readonly fp8Tflops: Figure;
  /** peak memory bandwidth, GB/s (10^9 bytes per second) */
  readonly memoryBandwidthGBps: Figure;
  /** thermal design power or the vendor's maximum power setting, watts */
  readonly tdpWatts: Figure;
  /** the vendor's headline AI figure in TOPS; precision and sparsity are stated in its note */
  readonly vendorAiTops: Figure;
  /**
   * on-demand cloud price per device-hour in USD (instance price divided by devices in it), from
   * the newest price list recorded; its `source.date` is the list's date
   */
  readonly onDemandUsdPerHour: Figure;
  /**
   * every on-demand price recorded, oldest first, the current one last (empty when none is);
   * pick one by date with `priceAsOf` or `getHardware(id, { priceAsOf })`
   */
  readonly onDemandPriceHistory: readonly KnownFigure[];
}
