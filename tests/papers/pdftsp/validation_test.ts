import assert from "node:assert/strict";
import { ParameterError } from "../../../lib/core/errors.ts";
import { compileInstance } from "../../../lib/papers/pdftsp/instance.ts";
import { runOnline } from "../../../lib/papers/pdftsp/run_online.ts";
import type { Instance } from "../../../lib/papers/pdftsp/types.ts";

const base: Instance = {
  slots: 3,
  baseModelMemory: 1,
  vendors: [{}],
  nodes: [{ computeCapacity: 4, memoryCapacity: 5, taskThroughput: 2, costPerSlot: [0, 0, 0] }],
  tasks: [{
    arrival: 0,
    deadline: 2,
    work: 2,
    memory: 2,
    preprocessing: true,
    bid: 5,
    quotes: [{ price: 1, delay: 1 }],
  }],
};

function withTask(patch: Record<string, unknown>): Instance {
  return { ...base, tasks: [{ ...base.tasks[0]!, ...patch }] };
}

Deno.test("deadline before arrival is a ParameterError naming the field", () => {
  assert.throws(
    () => compileInstance(withTask({ arrival: 2, deadline: 1 })),
    (e: unknown) =>
      e instanceof ParameterError && e.parameter === "tasks[0].deadline" && e.value === 1 &&
      e.allowed === ">= arrival (2)",
  );
});

Deno.test("negative bid, zero capacity, zero throughput and missing quotes are typed errors", () => {
  assert.throws(
    () => compileInstance(withTask({ bid: -1 })),
    (e: unknown) => e instanceof ParameterError && e.parameter === "tasks[0].bid",
  );
  assert.throws(
    () => compileInstance({ ...base, nodes: [{ ...base.nodes[0]!, computeCapacity: 0 }] }),
    (e: unknown) => e instanceof ParameterError && e.parameter === "nodes[0].computeCapacity",
  );
  assert.throws(
    () => compileInstance({ ...base, nodes: [{ ...base.nodes[0]!, taskThroughput: 0 }] }),
    (e: unknown) => e instanceof ParameterError && e.parameter === "nodes[0].taskThroughput",
  );
  assert.throws(
    () => compileInstance(withTask({ quotes: [] })),
    (e: unknown) => e instanceof ParameterError && e.parameter === "tasks[0].quotes",
  );
  assert.throws(
    () => compileInstance({ ...base, nodes: [{ ...base.nodes[0]!, memoryCapacity: 1 }] }),
    (e: unknown) => e instanceof ParameterError && e.parameter === "nodes[0].memoryCapacity",
  );
});

Deno.test("unknown algorithm is a ParameterError", async () => {
  await assert.rejects(
    () => runOnline(base, "fifo" as never),
    (e: unknown) => e instanceof ParameterError && e.parameter === "algorithm",
  );
});

Deno.test("a task larger than every node is rejected with a documented reason by all algorithms", async () => {
  const instance = withTask({ memory: 4.5 });
  for (const algorithm of ["pdftsp", "titan", "eft", "ntm"] as const) {
    const result = await runOnline(instance, algorithm);
    assert.equal(result.outcomes[0]!.admitted, false, algorithm);
    assert.equal(result.outcomes[0]!.reason, "memory-exceeds-every-node", algorithm);
  }
});
