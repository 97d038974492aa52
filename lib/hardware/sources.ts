/**
 * The documents hardware figures are taken from. One constant per document so that a profile
 * names its sources by reference and a reader can audit them in one place.
 *
 * @module
 */
import type { SourceRef } from "./figure.ts";

function nvidia(document: string, date: string): SourceRef {
  return { document, publisher: "NVIDIA", date };
}

export const H100_DATASHEET = nvidia("NVIDIA H100 Tensor Core GPU Datasheet", "2023");
export const H200_DATASHEET = nvidia("NVIDIA H200 Tensor Core GPU Datasheet", "2024");
export const A100_DATASHEET = nvidia("NVIDIA A100 Tensor Core GPU Datasheet", "2021-06");
export const A40_DATASHEET = nvidia("NVIDIA A40 Datasheet", "2021");
export const L40S_DATASHEET = nvidia("NVIDIA L40S GPU Datasheet", "2023");
export const L4_DATASHEET = nvidia("NVIDIA L4 Tensor Core GPU Datasheet", "2023");
export const T4_DATASHEET = nvidia("NVIDIA T4 Tensor Core GPU Datasheet", "2019");
export const V100_DATASHEET = nvidia("NVIDIA Tesla V100 GPU Accelerator Datasheet", "2020");
export const JETSON_AGX_ORIN_DATASHEET = nvidia("NVIDIA Jetson AGX Orin Series Data Sheet", "2023");
export const JETSON_ORIN_NANO_DATASHEET = nvidia(
  "NVIDIA Jetson Orin Nano Series Data Sheet",
  "2023",
);
export const JETSON_NANO_DATASHEET = nvidia("NVIDIA Jetson Nano Data Sheet", "2020");

export const JETSON_ORIN_NANO_SUPER_DATASHEET = nvidia(
  "NVIDIA Jetson Orin Nano Super Developer Kit Datasheet",
  "2024-12",
);
export const RTX_4090_PRODUCT_PAGE = nvidia("NVIDIA GeForce RTX 4090 specifications", "2022-10");

export const AMD_MI300X_DATASHEET: SourceRef = {
  document: "AMD Instinct MI300X Accelerator data sheet",
  publisher: "AMD",
  date: "2023-12",
};
export const GOOGLE_TPU_V5E_DOC: SourceRef = {
  document: "Cloud TPU documentation: TPU v5e (key chip specifications)",
  publisher: "Google Cloud",
  date: "2023-08",
};
export const AWS_INFERENTIA2_DOC: SourceRef = {
  document: "AWS Neuron documentation: Inferentia2 Architecture",
  publisher: "Amazon Web Services",
  date: "2023-04",
};

export const RASPBERRY_PI_5_BRIEF: SourceRef = {
  document: "Raspberry Pi 5 Product Brief",
  publisher: "Raspberry Pi Ltd",
  date: "2023-10",
};
export const APPLE_IPHONE_15_PRO_RELEASE: SourceRef = {
  document: "Apple unveils iPhone 15 Pro and iPhone 15 Pro Max (press release)",
  publisher: "Apple",
  date: "2023-09-12",
};
export const INTEL_I7_13700K_ARK: SourceRef = {
  document: "Intel Core i7-13700K Processor specifications (ark.intel.com)",
  publisher: "Intel",
  date: "2022-10",
};
export const AERIA_PAPER: SourceRef = {
  document:
    "Li et al., AERIA: auction-based edge inference pricing, Sec. V-A (evaluation settings)",
  publisher: "paper reproduced in lib/papers/aeria",
  date: "2024",
};

/**
 * AWS EC2 On-Demand pricing, Linux, US East (N. Virginia).
 *
 * @param date when the price was listed
 * @returns the source reference
 */
export function awsOnDemand(date: string): SourceRef {
  return {
    document: "Amazon EC2 On-Demand Pricing (Linux, us-east-1)",
    publisher: "Amazon Web Services",
    date,
  };
}
