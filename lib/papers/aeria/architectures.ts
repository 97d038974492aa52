/**
 * Per-layer compute and feature-map sizes of the four AERIA workloads (Sec. VI-A), computed from
 * each architecture's definition (shapes, kernels, channels; sequence length for BART).
 *
 * Counting convention (ours, stated once): a multiply-accumulate (MAC) is 2 FLOPs; convolutions
 * and linear layers count `Cout·Hout·Wout·Cin·k²` and `in·out` MACs (bias ignored); ReLU, GELU,
 * residual additions and average pooling count 1 FLOP per element touched, batch-norm 2 per element
 * (folded scale and shift), layer-norm 5 per element, softmax 5 per element, max-pooling one
 * comparison per window element. Feature maps are fp32 (4 bytes per element); raw images are
 * uint8 (1 byte per pixel and channel) and token ids int32.
 *
 * Layers are grouped into *layer units* (paper Sec. III-B): a convolution with its activation and
 * any following pooling; a whole residual block; a whole transformer layer. Units are the
 * candidate partition points and exit positions.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resnet34 } from "./architectures.ts";
 * const net = resnet34({ inputSize: 224, classes: 1000 });
 * assert.equal(net.units.length, 17); // stem + 16 basic blocks
 * ```
 *
 * @module
 */
import { requireInteger, requireObject } from "../../core/validate.ts";

/** Kind of an elementary operation. */
export type OpKind =
  | "conv"
  | "linear"
  | "relu"
  | "bn"
  | "maxpool"
  | "avgpool"
  | "add"
  | "attention"
  | "layernorm"
  | "softmax"
  | "gelu"
  | "embedding";

/** One elementary operation with its cost and output shape. */
export interface LayerOp {
  /** Name (torchvision module names for the CNNs, so they join with the trace tables). */
  readonly name: string;
  /** kind of operation (convolution, linear, activation, ...) */
  readonly kind: OpKind;
  /** Multiply-accumulates (0 for element-wise operations). */
  readonly macs: number;
  /** Floating-point operations under the convention above. */
  readonly flops: number;
  /** Output shape: `[C, H, W]` for images, `[F]` for vectors, `[L, d]` for sequences. */
  readonly outputShape: readonly number[];
}

/** A layer unit: the granularity of partitioning and exit placement. */
export interface LayerUnit {
  /** unit name (e.g. `"layer2"`) */
  readonly name: string;
  /** the unit's operations in execution order */
  readonly ops: readonly LayerOp[];
  /** Sum of the ops' FLOPs. */
  readonly flops: number;
  /** Bytes sent if the model is partitioned right after this unit. */
  readonly outputBytes: number;
}

/** A network's main branch and its final classifier (the final exit head). */
export interface Architecture {
  /** stable key (e.g. `"resnet18"`) */
  readonly id: string;
  /** display name */
  readonly name: string;
  /** dataset the head is sized for */
  readonly dataset: string;
  /** number of output classes */
  readonly classes: number;
  /** Bytes of the raw input (partition point 0 sends it). */
  readonly inputBytes: number;
  /** the main branch, unit by unit */
  readonly units: readonly LayerUnit[];
  /** Final classifier ops (paper: the original final exit). */
  readonly head: readonly LayerOp[];
  /** Channels (CNN) or model width (BART) after each unit, for sizing early-exit heads. */
  readonly unitWidths: readonly number[];
}

const BYTES_FP32 = 4;
const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Builds a CNN op by op, tracking the tensor shape. */
class CnnBuilder {
  #shape: number[];
  #ops: LayerOp[] = [];
  readonly units: LayerUnit[] = [];
  readonly widths: number[] = [];

  constructor(channels: number, size: number) {
    this.#shape = [channels, size, size];
  }

  get shape(): readonly number[] {
    return this.#shape;
  }

  #push(name: string, kind: OpKind, macs: number, flops: number, shape: number[]): this {
    this.#shape = shape;
    this.#ops.push({ name, kind, macs, flops, outputShape: shape });
    return this;
  }

  conv(name: string, out: number, k: number, stride: number, pad: number): this {
    const [c, h, w] = this.#shape as [number, number, number];
    const ho = Math.floor((h + 2 * pad - k) / stride) + 1;
    const wo = Math.floor((w + 2 * pad - k) / stride) + 1;
    const macs = out * ho * wo * c * k * k;
    return this.#push(name, "conv", macs, 2 * macs, [out, ho, wo]);
  }

  relu(name: string): this {
    return this.#push(name, "relu", 0, product(this.#shape), [...this.#shape]);
  }

  bn(name: string): this {
    return this.#push(name, "bn", 0, 2 * product(this.#shape), [...this.#shape]);
  }

  maxpool(name: string, k: number, stride: number, pad = 0): this {
    const [c, h, w] = this.#shape as [number, number, number];
    const ho = Math.floor((h + 2 * pad - k) / stride) + 1;
    const wo = Math.floor((w + 2 * pad - k) / stride) + 1;
    return this.#push(name, "maxpool", 0, c * ho * wo * k * k, [c, ho, wo]);
  }

  /** Adaptive average pooling to `size × size` (flattening afterwards is free). */
  avgpool(name: string, size: number): this {
    const [c] = this.#shape as [number];
    return this.#push(name, "avgpool", 0, product(this.#shape), [c, size, size]);
  }

  linear(name: string, out: number): this {
    const macs = product(this.#shape) * out;
    return this.#push(name, "linear", macs, 2 * macs, [out]);
  }

  add(name: string): this {
    return this.#push(name, "add", 0, product(this.#shape), [...this.#shape]);
  }

  /** Closes the current unit. */
  unit(name: string): this {
    const ops = this.#ops;
    this.#ops = [];
    this.units.push({
      name,
      ops,
      flops: ops.reduce((sum, op) => sum + op.flops, 0),
      outputBytes: product(this.#shape) * BYTES_FP32,
    });
    this.widths.push(this.#shape[0] as number);
    return this;
  }

  /** Ops added since the last unit (the head). */
  takeOps(): LayerOp[] {
    const ops = this.#ops;
    this.#ops = [];
    return ops;
  }

  /** Runs `build` on a copy starting from `shape` (for residual shortcuts). */
  branch(shape: readonly number[], build: (b: CnnBuilder) => void): LayerOp[] {
    const side = new CnnBuilder(1, 1);
    side.#shape = [...shape];
    build(side);
    return side.takeOps();
  }

  appendOps(ops: readonly LayerOp[]): this {
    this.#ops.push(...ops);
    return this;
  }
}

/** Options shared by the CNN builders. */
export interface CnnOptions {
  /** Input height = width in pixels (224 for ImageNet, 32 for CIFAR). */
  readonly inputSize: number;
  /** Number of classes of the final classifier. */
  readonly classes: number;
}

function checkCnn(options: CnnOptions): void {
  requireObject("options", options, "CNN options { inputSize, classes }");
  requireInteger("inputSize", options.inputSize, 16, 4096);
  requireInteger("classes", options.classes, 2, 1_000_000);
}

/**
 * AlexNet with torchvision's 64/192/384/256/256 channels. At 224 px it is torchvision's
 * `alexnet` (11×11/4 first convolution, 6×6 average pool, 9216-4096-4096 classifier). Below
 * 64 px (CIFAR) the first convolution becomes 3×3/1, pools are 2×2/2 and the classifier sees a
 * 2×2 map (1024-4096-4096), a common CIFAR adaptation; the paper does not print its variant.
 *
 * @param options input size and number of classes
 * @returns the architecture with 5 layer units (one per convolution)
 * @throws {ParameterError} for a non-integer or out-of-range size or class count
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alexnet } from "./architectures.ts";
 * assert.equal(alexnet({ inputSize: 32, classes: 10 }).units.length, 5);
 * ```
 */
export function alexnet(options: CnnOptions): Architecture {
  checkCnn(options);
  const small = options.inputSize < 64;
  const b = new CnnBuilder(3, options.inputSize);
  const pool = (name: string) => small ? b.maxpool(name, 2, 2) : b.maxpool(name, 3, 2);
  if (small) b.conv("features.0", 64, 3, 1, 1);
  else b.conv("features.0", 64, 11, 4, 2);
  b.relu("features.1");
  pool("features.2").unit("conv1");
  b.conv("features.3", 192, small ? 3 : 5, 1, small ? 1 : 2).relu("features.4");
  pool("features.5").unit("conv2");
  b.conv("features.6", 384, 3, 1, 1).relu("features.7").unit("conv3");
  b.conv("features.8", 256, 3, 1, 1).relu("features.9").unit("conv4");
  b.conv("features.10", 256, 3, 1, 1).relu("features.11");
  pool("features.12").unit("conv5");
  const pooled = small ? 2 : 6;
  b.avgpool("avgpool", pooled).linear("classifier.1", 4096).relu("classifier.2")
    .linear("classifier.4", 4096).relu("classifier.5").linear("classifier.6", options.classes);
  return finish(b, "alexnet", "AlexNet", options, 3 * options.inputSize ** 2);
}

/**
 * VGG-16 (configuration D: 13 convolutions in five stages). At 224 px it is torchvision's
 * `vgg16` (7×7 average pool, 25088-4096-4096 classifier); for CIFAR inputs the last map is
 * 1×1 and the classifier is 512-4096-4096 (our assumption, the paper does not print it).
 *
 * @param options input size and number of classes
 * @returns the architecture with 13 layer units
 * @throws {ParameterError} for a non-integer or out-of-range size or class count
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { vgg16 } from "./architectures.ts";
 * assert.equal(vgg16({ inputSize: 32, classes: 100 }).units.length, 13);
 * ```
 */
export function vgg16(options: CnnOptions): Architecture {
  checkCnn(options);
  const stages = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]];
  const b = new CnnBuilder(3, options.inputSize);
  let index = 0;
  let convNumber = 0;
  for (const stage of stages) {
    stage.forEach((channels, i) => {
      b.conv(`features.${index}`, channels, 3, 1, 1).relu(`features.${index + 1}`);
      index += 2;
      if (i === stage.length - 1) b.maxpool(`features.${index++}`, 2, 2);
      b.unit(`conv${++convNumber}`);
    });
  }
  const pooled = options.inputSize < 64 ? 1 : 7;
  b.avgpool("avgpool", pooled).linear("classifier.0", 4096).relu("classifier.1")
    .linear("classifier.3", 4096).relu("classifier.4").linear("classifier.6", options.classes);
  return finish(b, "vgg16", "VGG-16", options, 3 * options.inputSize ** 2);
}

/**
 * ResNet-34 (basic blocks 3-4-6-3) as in torchvision's `resnet34`. Units: the stem (7×7/2
 * convolution, BN, ReLU, 3×3/2 max-pool) and each of the 16 residual blocks (paper Sec. III-B:
 * residual blocks are single layer units).
 *
 * @param options input size and number of classes
 * @returns the architecture with 17 layer units
 * @throws {ParameterError} for a non-integer or out-of-range size or class count
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resnet34 } from "./architectures.ts";
 * assert.equal(resnet34({ inputSize: 224, classes: 1000 }).units.length, 17);
 * ```
 */
export function resnet34(options: CnnOptions): Architecture {
  checkCnn(options);
  const b = new CnnBuilder(3, options.inputSize);
  b.conv("conv1", 64, 7, 2, 3).bn("bn1").relu("relu").maxpool("maxpool", 3, 2, 1).unit("stem");
  const layers: [number, number][] = [[64, 3], [128, 4], [256, 6], [512, 3]];
  layers.forEach(([channels, blocks], li) => {
    for (let block = 0; block < blocks; block++) {
      const p = `layer${li + 1}.${block}`;
      const stride = block === 0 && li > 0 ? 2 : 1;
      const input = b.shape;
      const shortcut = stride !== 1
        ? b.branch(
          input,
          (s) => s.conv(`${p}.downsample.0`, channels, 1, stride, 0).bn(`${p}.downsample.1`),
        )
        : [];
      b.conv(`${p}.conv1`, channels, 3, stride, 1).bn(`${p}.bn1`).relu(`${p}.relu`)
        .conv(`${p}.conv2`, channels, 3, 1, 1).bn(`${p}.bn2`).appendOps(shortcut)
        .add(`${p}.add`).relu(`${p}.relu_out`).unit(p);
    }
  });
  b.avgpool("avgpool", 1).linear("fc", options.classes);
  return finish(b, "resnet34", "ResNet-34", options, 3 * options.inputSize ** 2);
}

function finish(
  b: CnnBuilder,
  id: string,
  name: string,
  options: CnnOptions,
  inputBytes: number,
): Architecture {
  return {
    id,
    name,
    dataset: `${options.inputSize}px, ${options.classes} classes`,
    classes: options.classes,
    inputBytes,
    units: b.units,
    head: b.takeOps(),
    unitWidths: b.widths,
  };
}

/** Options of {@link bart}. */
export interface BartOptions {
  /** Encoder (= decoder) layers: 12 for BART-large, 6 for BART-base. */
  readonly layers: number;
  /** Model width d: 1024 (large) or 768 (base). */
  readonly width: number;
  /** Feed-forward width: 4096 (large) or 3072 (base). */
  readonly ffn: number;
  /** Vocabulary size of the LM head (50265 for the released BART checkpoints). */
  readonly vocab: number;
  /** Source tokens per sentence. */
  readonly sourceLength: number;
  /** Target tokens per sentence. */
  readonly targetLength: number;
}

/**
 * Our assumption for ME-BART on Multi30K: BART-large, sentences padded to 32 BPE tokens on both
 * sides (Multi30K sentences average about 12-14 words).
 */
export const BART_LARGE_MULTI30K: BartOptions = {
  layers: 12,
  width: 1024,
  ffn: 4096,
  vocab: 50265,
  sourceLength: 32,
  targetLength: 32,
};

/**
 * BART encoder-decoder. Units: each encoder layer (the first includes the embeddings), then each
 * decoder layer (the first includes the decoder embeddings). Decoding is counted as one pass over
 * the target tokens (teacher-forced cost, equal to KV-cached generation up to the causal half of
 * the attention scores). After a decoder unit the partition must ship the encoder memory too, so
 * its output bytes are `(sourceLength + targetLength)·d·4`. Head: the LM projection over the target
 * tokens.
 *
 * @param options sizes (default {@link BART_LARGE_MULTI30K})
 * @returns the architecture with `2·layers` units
 * @throws {ParameterError} for non-integer or non-positive sizes
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bart } from "./architectures.ts";
 * assert.equal(bart().units.length, 24);
 * ```
 */
export function bart(options: BartOptions = BART_LARGE_MULTI30K): Architecture {
  const { layers, width: d, ffn, vocab, sourceLength: ls, targetLength: lt } = options;
  for (const [key, value] of Object.entries(options)) requireInteger(key, value, 1);
  const units: LayerUnit[] = [];
  const attention = (name: string, lq: number, lk: number, projectKv: boolean): LayerOp[] => {
    const proj = lq * d * d * 2 + (projectKv ? lk * d * d * 2 : 0); // Q,O and K,V projections
    const scores = 2 * lq * lk * d; // QK^T and attention·V
    return [
      { name: `${name}.proj`, kind: "linear", macs: proj, flops: 2 * proj, outputShape: [lq, d] },
      {
        name: `${name}.scores`,
        kind: "attention",
        macs: scores,
        flops: 2 * scores,
        outputShape: [lq, d],
      },
      {
        name: `${name}.softmax`,
        kind: "softmax",
        macs: 0,
        flops: 5 * lq * lk,
        outputShape: [lq, lk],
      },
      { name: `${name}.add`, kind: "add", macs: 0, flops: lq * d, outputShape: [lq, d] },
      { name: `${name}.norm`, kind: "layernorm", macs: 0, flops: 5 * lq * d, outputShape: [lq, d] },
    ];
  };
  const feedForward = (name: string, l: number): LayerOp[] => {
    const macs = 2 * l * d * ffn;
    return [
      { name: `${name}.fc`, kind: "linear", macs, flops: 2 * macs, outputShape: [l, d] },
      { name: `${name}.gelu`, kind: "gelu", macs: 0, flops: l * ffn, outputShape: [l, ffn] },
      { name: `${name}.add`, kind: "add", macs: 0, flops: l * d, outputShape: [l, d] },
      { name: `${name}.norm`, kind: "layernorm", macs: 0, flops: 5 * l * d, outputShape: [l, d] },
    ];
  };
  const embed = (name: string, l: number): LayerOp[] => [
    { name, kind: "embedding", macs: 0, flops: l * d + 5 * l * d, outputShape: [l, d] },
  ];
  const pushUnit = (name: string, ops: LayerOp[], bytes: number) =>
    units.push({ name, ops, flops: ops.reduce((s, op) => s + op.flops, 0), outputBytes: bytes });
  for (let k = 0; k < layers; k++) {
    const ops = [
      ...(k === 0 ? embed("encoder.embed", ls) : []),
      ...attention(`encoder.${k}.self`, ls, ls, true),
      ...feedForward(`encoder.${k}.ffn`, ls),
    ];
    pushUnit(`enc${k + 1}`, ops, ls * d * BYTES_FP32);
  }
  for (let k = 0; k < layers; k++) {
    const ops = [
      ...(k === 0 ? embed("decoder.embed", lt) : []),
      ...attention(`decoder.${k}.self`, lt, lt, true),
      ...attention(`decoder.${k}.cross`, lt, ls, true),
      ...feedForward(`decoder.${k}.ffn`, lt),
    ];
    pushUnit(`dec${k + 1}`, ops, (ls + lt) * d * BYTES_FP32);
  }
  const lmMacs = lt * d * vocab;
  return {
    id: "bart",
    name: "BART",
    dataset: `Multi30K, ${ls}+${lt} tokens`,
    classes: vocab,
    inputBytes: ls * 4,
    units,
    head: [
      {
        name: "lm_head",
        kind: "linear",
        macs: lmMacs,
        flops: 2 * lmMacs,
        outputShape: [lt, vocab],
      },
    ],
    unitWidths: units.map(() => d),
  };
}

/**
 * All ops of an architecture in execution order (units, then head).
 *
 * @param arch the architecture
 * @returns the flat op list
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allOps, alexnet } from "./architectures.ts";
 * assert.equal(allOps(alexnet({ inputSize: 224, classes: 1000 })).length, 19);
 * ```
 */
export function allOps(arch: Architecture): LayerOp[] {
  requireObject("arch", arch, "an architecture (alexnet, vgg16, ...)", ["units", "head"]);
  return [...arch.units.flatMap((unit) => unit.ops), ...arch.head];
}
