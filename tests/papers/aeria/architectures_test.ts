import { assert, assertEquals } from "./_assert.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  alexnet,
  allOps,
  type Architecture,
  bart,
  resnet34,
  vgg16,
} from "../../../lib/papers/aeria/architectures.ts";
import { traceDir } from "../../../lib/traces/paths.ts";

interface TraceRow {
  name: string;
  type: string;
  outputShape: string;
  outputBytes: number;
  macsPct: number;
}

const TOTAL_MACS: Record<string, number> = { alexnet: 714.22e6, vgg16: 15.47e9, resnet34: 3.68e9 };

function traceRows(model: string): TraceRow[] | null {
  const dir = traceDir();
  const file = dir === null
    ? null
    : join(dir, "dnn-layer-profiles", "layer_profiles_from_thoplw.csv");
  if (file === null || !existsSync(file)) return null;
  return Deno.readTextFileSync(file).trim().split("\n").slice(1).map((line) => line.split(","))
    .filter((cells) => cells[0] === model).map((cells) => ({
      name: cells[2]!,
      type: cells[3]!,
      outputShape: cells[5]!,
      outputBytes: Number(cells[7]),
      macsPct: Number(cells[8]),
    }));
}

function compareWithTrace(model: string, arch: Architecture): void {
  const rows = traceRows(model);
  if (rows === null) {
    console.warn(`dnn-layer-profiles not found: skipping the ${model} comparison`);
    return;
  }
  const ops = new Map(allOps(arch).map((op) => [op.name, op]));
  const total = TOTAL_MACS[model]!;
  let compared = 0;
  for (const row of rows) {
    if (row.type !== "Conv2d" && row.type !== "Linear") continue;
    const op = ops.get(row.name);
    assert(op !== undefined, `${model}: our definition lacks ${row.name}`);
    // Trace shares are rounded to 0.01 % and the total to 3 significant digits.
    const expected = row.macsPct / 100 * total;
    const tolerance = 0.00005 * total + 0.003 * op.macs;
    assert(
      Math.abs(op.macs - expected) <= tolerance,
      `${model} ${row.name}: ours ${op.macs} MACs, trace ${expected.toFixed(0)} ± ${
        tolerance.toFixed(0)
      }`,
    );
    assertEquals(op.outputShape.join("x"), row.outputShape, `${model} ${row.name} output shape`);
    assertEquals(op.outputShape.reduce((a, b) => a * b, 1) * 4, row.outputBytes);
    compared++;
  }
  assert(compared >= 8, `${model}: only ${compared} layers compared`);
  const ours = allOps(arch).filter((op) => op.kind === "conv" || op.kind === "linear")
    .reduce((s, op) => s + op.macs, 0);
  // Our conv+linear MACs exclude the trace's batch-norm counts (under 1 % of the total).
  assert(Math.abs(ours - total) / total < 0.01, `${model}: total ${ours} vs ${total}`);
}

Deno.test("AlexNet at 224 px matches the independent per-layer counts", () => {
  compareWithTrace("alexnet", alexnet({ inputSize: 224, classes: 1000 }));
});

Deno.test("VGG-16 at 224 px matches the independent per-layer counts", () => {
  compareWithTrace("vgg16", vgg16({ inputSize: 224, classes: 1000 }));
});

Deno.test("ResNet-34 at 224 px matches the independent per-layer counts", () => {
  compareWithTrace("resnet34", resnet34({ inputSize: 224, classes: 1000 }));
});

Deno.test("CIFAR variants keep the channel plan and shrink the maps", () => {
  const a = alexnet({ inputSize: 32, classes: 10 });
  assertEquals(a.units.length, 5);
  assertEquals(a.units[4]!.outputBytes, 256 * 4 * 4 * 4); // 32 -> 16 -> 8 -> 4 after three 2x2 pools
  assertEquals(a.head.at(-1)!.outputShape, [10]);
  const v = vgg16({ inputSize: 32, classes: 100 });
  assertEquals(v.units.length, 13);
  assertEquals(v.units[12]!.outputBytes, 512 * 4);
  // conv1 of VGG-16 on 32x32: 64 * 32 * 32 * 3 * 9 MACs.
  assertEquals(v.units[0]!.ops[0]!.macs, 64 * 32 * 32 * 27);
});

Deno.test("BART layer compute equals the hand-derived transformer counts", () => {
  const o = { layers: 2, width: 8, ffn: 16, vocab: 50, sourceLength: 3, targetLength: 5 };
  const b = bart(o);
  assertEquals(b.units.length, 4);
  const encMacs = b.units[1]!.ops.reduce((s, op) => s + op.macs, 0);
  // Q,K,V,O projections 4·L·d², scores and weighted sum 2·L²·d, FFN 2·L·d·ffn.
  assertEquals(encMacs, 4 * 3 * 64 + 2 * 9 * 8 + 2 * 3 * 8 * 16);
  const decMacs = b.units[3]!.ops.reduce((s, op) => s + op.macs, 0);
  const self = 4 * 5 * 64 + 2 * 25 * 8;
  const cross = 2 * 5 * 64 + 2 * 3 * 64 + 2 * 5 * 3 * 8;
  assertEquals(decMacs, self + cross + 2 * 5 * 8 * 16);
  assertEquals(b.units[3]!.outputBytes, (3 + 5) * 8 * 4);
  assertEquals(b.head[0]!.macs, 5 * 8 * 50);
});
