/**
 * Multi-exit DNN models M_j = (L_j, B_j) of paper Sec. III-B for the four workloads of Sec. VI-A:
 * the main branch (layer units with compute ρ and output size O) plus three early exits that split
 * the main-branch compute into equal quarters (at the nearest layer-unit boundary) and the final
 * exit.
 *
 * Early-exit heads (our assumption; the paper names `nn.Linear` heads): for the CNNs, global
 * average pooling followed by one linear layer to the classes; for BART, the LM projection over the
 * target tokens (the same head as the final exit). The final exit head is the network's own
 * classifier. Units: compute in GFLOP, sizes in bytes.
 *
 * @example
 * ```ts
 * import { getModel } from "./multi_exit.ts";
 * const m = getModel("resnet34-imagenet");
 * console.log(m.exits.map((e) => e.position)); // unit indices of shallow, middle, deep, final
 * ```
 *
 * @module
 */
import { ParameterError } from "../../core/errors.ts";
import { alexnet, type Architecture, bart, resnet34, vgg16 } from "./architectures.ts";
import {
  EXIT_MODEL_NAMES,
  EXIT_MODELS,
  EXIT_SHAPES,
  type ExitModelName,
  type ExitShape,
  type ExitWorkload,
} from "./exit_model.ts";
import { requireShape } from "./validate.ts";
import { requireFiniteArray, requireObject, requireOneOf } from "../../core/validate.ts";

/** The four workloads. */
export const MODEL_IDS = [
  "alexnet-cifar10",
  "vgg16-cifar100",
  "resnet34-imagenet",
  "bart-multi30k",
] as const;
/** One workload id. */
export type ModelId = typeof MODEL_IDS[number];

/** An exit branch b_{j,k}. */
export interface ExitBranch {
  /** which of the four exits */
  readonly label: "shallow" | "middle" | "deep" | "final";
  /** Unit index k (1-based) after which the branch is attached. */
  readonly position: number;
  /** Branch compute ϱ in GFLOP. */
  readonly gflop: number;
}

/** A compiled multi-exit model; arrays are 1-based over units (index 0 = the raw input). */
export interface MultiExitModel {
  /** workload key */
  readonly id: ModelId;
  /** display name */
  readonly name: string;
  /** dataset of the workload */
  readonly dataset: string;
  /** the network the model is compiled from */
  readonly architecture: Architecture;
  /** Number of layer units g. */
  readonly units: number;
  /** ρ_k in GFLOP, `rho[0] = 0`. */
  readonly rho: Float64Array;
  /** O_k in bytes, `outputBytes[0]` = raw input bytes. */
  readonly outputBytes: Float64Array;
  /** Shallow, middle, deep, final. */
  readonly exits: readonly ExitBranch[];
  /** Exit positions as an array (same order as `exits`). */
  readonly exitPositions: Int32Array;
  /** Exit compute as an array (same order as `exits`). */
  readonly exitGflop: Float64Array;
  /** Main-branch GFLOP plus the final head: the vanilla network's cost. */
  readonly vanillaGflop: number;
  /** Modelled exit-probability shape. */
  readonly exitShape: ExitShape;
}

const GIGA = 1e9;
const LABELS = ["shallow", "middle", "deep"] as const;

/**
 * Positions of the three early exits: the unit boundaries whose cumulative main-branch compute is
 * closest to 1/4, 1/2 and 3/4 of the total, strictly increasing and before the last unit.
 *
 * @param unitFlops compute of each unit (any unit)
 * @returns three 1-based unit indices
 * @throws {ParameterError} when there are fewer than 4 units
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quarterExitPositions } from "./multi_exit.ts";
 * assert.deepEqual(quarterExitPositions([1, 1, 1, 1]), [1, 2, 3]);
 * ```
 */
export function quarterExitPositions(unitFlops: readonly number[]): [number, number, number] {
  requireFiniteArray("unitFlops", unitFlops, 0);
  const g = unitFlops.length;
  if (g < 4) throw new ParameterError("units", g, "at least 4 layer units for three early exits");
  const cumulative: number[] = [];
  unitFlops.reduce((sum, f, i) => (cumulative[i] = sum + f), 0);
  const total = cumulative[g - 1]!;
  const positions: number[] = [];
  for (let q = 1; q <= 3; q++) {
    const earliest = (positions[q - 2] ?? 0) + 1;
    const latest = g - (4 - q); // leave room for the remaining exits and the final unit
    let best = earliest;
    for (let k = earliest; k <= latest; k++) {
      const gap = Math.abs(cumulative[k - 1]! - q * total / 4);
      if (gap < Math.abs(cumulative[best - 1]! - q * total / 4)) best = k;
    }
    positions.push(best);
  }
  return positions as [number, number, number];
}

function earlyHeadGflop(arch: Architecture, position: number): number {
  if (arch.id === "bart") return arch.head.reduce((s, op) => s + op.flops, 0) / GIGA;
  const unit = arch.units[position - 1]!;
  const shape = unit.ops[unit.ops.length - 1]!.outputShape;
  const elements = shape.reduce((a, b) => a * b, 1);
  const channels = arch.unitWidths[position - 1]!;
  return (elements + 2 * channels * arch.classes) / GIGA; // global average pool + linear
}

/**
 * Compiles an architecture into a multi-exit model.
 *
 * @param id workload id
 * @param arch the architecture
 * @param exitShape modelled exit probabilities
 * @returns the compiled model
 * @example
 * ```ts
 * import { buildMultiExit } from "./multi_exit.ts";
 * import { alexnet } from "./architectures.ts";
 * import { EXIT_SHAPES } from "./exit_model.ts";
 * buildMultiExit("alexnet-cifar10", alexnet({ inputSize: 32, classes: 10 }), EXIT_SHAPES.alexnet);
 * ```
 */
export function buildMultiExit(
  id: ModelId,
  arch: Architecture,
  exitShape: ExitShape,
): MultiExitModel {
  requireOneOf("id", id, MODEL_IDS);
  requireObject("arch", arch, "an architecture (alexnet, vgg16, ...)", ["units", "head"]);
  requireShape(exitShape);
  const g = arch.units.length;
  const rho = new Float64Array(g + 1);
  const outputBytes = new Float64Array(g + 1);
  outputBytes[0] = arch.inputBytes;
  arch.units.forEach((unit, i) => {
    rho[i + 1] = unit.flops / GIGA;
    outputBytes[i + 1] = unit.outputBytes;
  });
  const positions = quarterExitPositions(arch.units.map((u) => u.flops));
  const finalHead = arch.head.reduce((s, op) => s + op.flops, 0) / GIGA;
  const exits: ExitBranch[] = [
    ...positions.map((position, i) => ({
      label: LABELS[i]!,
      position,
      gflop: earlyHeadGflop(arch, position),
    })),
    { label: "final", position: g, gflop: finalHead },
  ];
  const mainGflop = rho.reduce((a, b) => a + b, 0);
  return {
    id,
    name: `ME-${arch.name}`,
    dataset: arch.dataset,
    architecture: arch,
    units: g,
    rho,
    outputBytes,
    exits,
    exitPositions: Int32Array.from(exits.map((e) => e.position)),
    exitGflop: Float64Array.from(exits.map((e) => e.gflop)),
    vanillaGflop: mainGflop + finalHead,
    exitShape,
  };
}

const MODELS: Record<ModelId, MultiExitModel> = {
  "alexnet-cifar10": buildMultiExit(
    "alexnet-cifar10",
    { ...alexnet({ inputSize: 32, classes: 10 }), dataset: "CIFAR-10 (32×32, 10 classes)" },
    EXIT_SHAPES.alexnet,
  ),
  "vgg16-cifar100": buildMultiExit(
    "vgg16-cifar100",
    { ...vgg16({ inputSize: 32, classes: 100 }), dataset: "CIFAR-100 (32×32, 100 classes)" },
    EXIT_SHAPES.vgg16,
  ),
  "resnet34-imagenet": buildMultiExit(
    "resnet34-imagenet",
    { ...resnet34({ inputSize: 224, classes: 1000 }), dataset: "ImageNet-1K (224×224, 1000)" },
    EXIT_SHAPES.resnet34,
  ),
  "bart-multi30k": buildMultiExit("bart-multi30k", bart(), EXIT_SHAPES.bart),
};

/** The exit-shape key of each workload. */
const WORKLOAD_SHAPE: Readonly<Record<ModelId, ExitWorkload>> = {
  "alexnet-cifar10": "alexnet",
  "vgg16-cifar100": "vgg16",
  "resnet34-imagenet": "resnet34",
  "bart-multi30k": "bart",
};

/** The models under each exit-model variant: same layers and exits, other exit probabilities. */
const VARIANT_MODELS: Readonly<Record<ExitModelName, Readonly<Record<ModelId, MultiExitModel>>>> =
  Object.fromEntries(
    EXIT_MODEL_NAMES.map((variant) => [
      variant,
      Object.fromEntries(
        MODEL_IDS.map((id) => [
          id,
          variant === "default"
            ? MODELS[id]
            : { ...MODELS[id], exitShape: EXIT_MODELS[variant][WORKLOAD_SHAPE[id]] },
        ]),
      ),
    ]),
  ) as Record<ExitModelName, Record<ModelId, MultiExitModel>>;

/**
 * The compiled multi-exit model of a workload.
 *
 * @param id one of {@link MODEL_IDS}
 * @param exitModel exit-model variant (default `"default"`, see `exit_model.ts`)
 * @returns the model
 * @throws {ParameterError} for an unknown id or variant
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getModel } from "./multi_exit.ts";
 * assert.equal(getModel("bart-multi30k").units, 24);
 * assert.equal(getModel("bart-multi30k", "flat").exitShape.phi, 0.95);
 * ```
 */
export function getModel(id: string, exitModel: ExitModelName = "default"): MultiExitModel {
  const models = VARIANT_MODELS[exitModel];
  if (models === undefined) {
    throw new ParameterError("exitModel", exitModel, `one of ${EXIT_MODEL_NAMES.join(", ")}`);
  }
  const model = models[id as ModelId];
  if (model === undefined) throw new ParameterError("model", id, `one of ${MODEL_IDS.join(", ")}`);
  return model;
}
