/**
 * The web pages hardware figures were cross-checked against, one constant per page, and the
 * helper that attaches a check to a figure. Every URL here was returned by a search of stored
 * public pages on {@link CHECKED_ON}; none was typed in from memory. Only numbers were taken from
 * the pages.
 *
 * A page is `"vendor"` only when its host belongs to the device's vendor or the cloud provider
 * ({@link VENDOR_DOMAINS}); copies of vendor documents on other hosts count as `"secondary"`.
 *
 * @module
 */
import { crossChecked, type CrossCheckKind, type KnownFigure } from "./figure.ts";
import { ParameterError } from "../core/errors.ts";

/** Day the cross-checks were made. */
export const CHECKED_ON = "2026-11-24";

/** Hosts (and their subdomains) whose pages count as vendor pages. */
export const VENDOR_DOMAINS: readonly string[] = [
  "nvidia.com",
  "intel.com",
  "raspberrypi.com",
  "apple.com",
  "amazon.com",
  "google.com",
  // the AWS Neuron SDK's official documentation site (Inferentia, Trainium)
  "awsdocs-neuron.readthedocs-hosted.com",
];

/** A page a figure was compared with. */
export interface CheckedPage {
  readonly url: string;
  readonly kind: CrossCheckKind;
}

/**
 * Whether a URL's host is a vendor domain or one of its subdomains.
 *
 * @param url an absolute URL
 * @returns true for e.g. `https://developer.nvidia.com/...`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isVendorUrl } from "./crosscheck_pages.ts";
 * assert.equal(isVendorUrl("https://developer.nvidia.com/x"), true);
 * assert.equal(isVendorUrl("https://www.techpowerup.com/x"), false);
 * ```
 */
export function isVendorUrl(url: string): boolean {
  if (typeof url !== "string" || !URL.canParse(url)) {
    throw new ParameterError("url", url, "an absolute URL");
  }
  const host = new URL(url).hostname.replace(/\.$/, "");
  return VENDOR_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function vendor(url: string): CheckedPage {
  return { url, kind: "vendor" };
}
function secondary(url: string): CheckedPage {
  return { url, kind: "secondary" };
}

/**
 * Attaches a cross-check against `page` dated {@link CHECKED_ON}.
 *
 * @param figure the figure as entered
 * @param page where it was looked up
 * @param found the page's number in the figure's unit
 * @param detail how the number was read or converted
 * @returns the figure with its cross-check
 */
export function checkedAgainst(
  figure: KnownFigure,
  page: CheckedPage,
  found: number,
  detail?: string,
): KnownFigure {
  return crossChecked(
    figure,
    detail === undefined ? { ...page, found } : { ...page, found, detail },
    CHECKED_ON,
  );
}

/**
 * Like {@link checkedAgainst}, for a page that prints only the inputs of our formula (cores,
 * clock): `found` is our formula applied to the page's inputs, and the check is recorded as
 * confirming the inputs, not the value.
 *
 * @param figure the figure as entered (a derived figure)
 * @param page where the inputs were looked up
 * @param found our formula on the page's inputs, in the figure's unit
 * @param detail which inputs the page gives
 * @returns the figure with its cross-check, `inputsOnly` set
 */
export function inputsCheckedAgainst(
  figure: KnownFigure,
  page: CheckedPage,
  found: number,
  detail: string,
): KnownFigure {
  return crossChecked(figure, { ...page, found, detail, inputsOnly: true }, CHECKED_ON);
}

// --- vendor pages ---------------------------------------------------------------------------

/** NVIDIA developer article on programming Volta tensor cores (V100 tensor TFLOPS). */
export const NVIDIA_DEV_VOLTA_TENSOR_CORES = vendor(
  "https://developer.nvidia.com/programming-tensor-cores-cuda-9-0",
);

/** Google Cloud TPU v5e page: peak bf16 and int8 per chip, HBM2 capacity and bandwidth. */
export const GOOGLE_TPU_V5E = vendor("https://cloud.google.com/tpu/docs/v5e");
/** AWS Neuron Inferentia2 architecture page, release 2.9.1 (prints GB and GB/sec). */
export const NEURON_INFERENTIA2 = vendor(
  "https://awsdocs-neuron.readthedocs-hosted.com/en/v2.9.1/general/arch/neuron-hardware/inferentia2.html",
);

// --- secondary pages: data-centre GPUs ------------------------------------------------------

/** HPC Tech (Japanese NVIDIA reseller) H100 SXM/PCIe spec table. */
export const HPCTECH_H100 = secondary(
  "https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html",
);
/** Copy of NVIDIA's H100 PCIe product brief PB-11133-001_v02 (Nov 2022) on a manuals site. */
export const MANUALS_H100_PCIE_BRIEF = secondary(
  "https://manuals.plus/m/56b0c3ef7d0a1c470c0af8f05a0bd1f29a778007472ba941201fbbb185c9bccd",
);
/** gpu.blog H100 PCIe page (its FP16 tensor figures are not dense datasheet rates: unused). */
export const GPUBLOG_H100_PCIE = secondary("https://gpu.blog/gpus/nvidia-h100-pcie");
/** itkb.uw.cz H200 vs B300 article, dense figures per GPU. */
export const ITKB_H200 = secondary(
  "https://itkb.uw.cz/2026/06/nvidia-h200-vs-b300-precisions-cores.html",
);
/** hmc-tech spec comparison H100 / H200 SXM / GB200. */
export const HMC_H200 = secondary(
  "https://hmc-tech.com/gpu/nvidia-h100-vs-nvidia-h200-sxm-vs-nvidia-gb200",
);
/** Thunder Compute A100 specification guide (PCIe/SXM, 40/80 GB). */
export const THUNDER_A100 = secondary(
  "https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide",
);
/** Glenn Lockwood's A100 notes (performance table by data type). */
export const KLOCKWOOD_A100 = secondary("https://glennklockwood.com/garden/processors/A100");
/** Glenn Lockwood's H100 notes (performance table by data type: vector, matrix, sparse). */
export const KLOCKWOOD_H100 = secondary("https://glennklockwood.com/garden/processors/h100");
/** Paderborn PC2 wiki page on its A100 40GB SXM nodes. */
export const PC2_A100_40GB = secondary(
  "https://upb-pc2.atlassian.net/wiki/spaces/PC2DOK/pages/1900609/NVIDIA+A100+40GB+with+NVLINK",
);
/** GPU spec database page for the A40 PCIe. */
export const SPICEDREAM_A40 = secondary("https://gpu.spicedreamphone.com/en/gpu/nvidia/a40-pcie");
/** hmc-tech spec comparison A100 / A40 (tensor rates). */
export const HMC_A40 = secondary("https://hmc-tech.com/gpu/nvidia-a100-vs-nvidia-a40");
/** Reseller page with the L40 / L40S specification table. */
export const MULLET_L40S = secondary("https://www.mullet.se/product.html?product_id=355414");
/**
 * Grokipedia L4 vs L40S comparison (an AI-written wiki): kept only for the L4's sparse FP16
 * tensor rate, which no better page found prints.
 */
export const GROKIPEDIA_L4 = secondary("https://grokipedia.com/page/NVIDIA_L4_vs_L40S");
/** fpsbench L4 spec comparison. */
export const FPSBENCH_L4 = secondary(
  "https://fpsbench.com/compare/gpu/nvidia-l4-vs-nvidia-tesla-m40",
);
/** sysrqmts spec page for the Tesla T4. */
export const SYSRQMTS_T4 = secondary("https://sysrqmts.com/en/gpus/nvidia/tesla/t4");
/** Hardware Times Ampere analysis (P100 / V100 SXM2 / A100 table). */
export const HARDWARETIMES_AMPERE = secondary(
  "https://www.hardwaretimes.com/nvidia-ampere-architectural-analysis-a-look-at-the-a100-tensor-core-gpu/",
);
/** El Chapuzas Informático V100 launch article. */
export const CHAPUZAS_V100 = secondary(
  "https://elchapuzasinformatico.com/2017/05/nvidia-tesla-v100-anunciada-5210-cuda-cores-la-arquitectura-volta/",
);
/** io-tech V100 PCIe article (compares with the SXM2 version's power). */
export const IOTECH_V100 = secondary(
  "https://www.io-tech.fi/uutinen/nvidia-esitteli-tesla-v100-pci-express-kiihdyttimen-tieteelliseen-laskentaan/",
);
/** usage.ai GPU cost article quoting AWS on-demand instance prices. */
export const USAGEAI_GPU_COSTS = secondary(
  "https://www.usage.ai/blogs/finops/ai-ml-cost/gpu-instance-cost-optimization/",
);
/** computespec article on cloud GPU pricing (per-GPU normalisation of p5.48xlarge). */
export const COMPUTESPEC_PRICING = secondary(
  "https://computespec.pages.dev/learn/pricing/cloud-gpu-pricing-explained",
);

/** A public MI300X vs H200 benchmark report whose specification table quotes the datasheets. */
export const MI300X_VS_H200_REPORT = secondary(
  "https://raw.githubusercontent.com/alpharomercoma/MI300X-vs-H200/6077fdc7bfc215171c33435b7cd76ca4c5f2b236/REPORT.md",
);
/** The FPS Review spec page of the GeForce RTX 4090 family. */
export const FPSREVIEW_RTX_4090 = secondary(
  "https://www.thefpsreview.com/gpu-family/nvidia-geforce-rtx-4090-gpu-family-specifications",
);

// --- secondary pages: edge devices ----------------------------------------------------------

/** Fixstars blog comparing Jetson AGX Orin and AGX Thor. */
export const FIXSTARS_AGX_ORIN = secondary("https://blog.us.fixstars.com/?p=1855&preview=true");
/** Chinese summary of NVIDIA's Jetson AGX Orin technical brief. */
export const MZPH_AGX_ORIN_BRIEF = secondary("http://mzph.cn/web/30785.shtml");
/** Jetson Orin Nano (Super) hardware walkthrough giving the original and Super figures. */
export const BROJOGOPAL_ORIN_NANO = secondary(
  "https://www.brojogopalsapui.com/ai-foundations/sub_contents/AI_hardware/jetson_orin_nano_light.html",
);
/** cpu-gpu.alldbin comparison Jetson TX2 / Jetson Nano. */
export const ALLDBIN_JETSON_NANO = secondary(
  "https://cpu-gpu.alldbin.com/graphics-card-comparison/Jetson-TX2-GPU-and-Jetson-Nano-comparison.html",
);
/** Raspberry Pi Australia education page on the Pi 5 8GB. */
export const RPI_AU_PI5 = secondary(
  "https://education.raspberrypiaustralia.online/raspberry-pi-5-8gb-model",
);
/** Live blog of Apple's September 2023 event. */
export const CHUMCITY_APPLE_EVENT = secondary(
  "https://chummy.chumcity.xyz/apple-event-live-blog-iphone-15-apple-watch-series-9-38365.html",
);
/** Hardware Theory article on Raptor Lake power figures. */
export const HARDWARETHEORY_RAPTOR_LAKE = secondary(
  "https://hardwaretheory.it/intel-raptor-lake-di-13a-generazione-specifiche-e-uscita/",
);
