/** Small random instances for property tests (seeded by fast-check). */
import fc from "fast-check";
import type { Instance } from "../../../lib/papers/pdftsp/types.ts";

/** Options of {@link smallInstance}. */
export interface SmallInstanceOptions {
  readonly maxNodes?: number;
  readonly slots?: number;
  readonly maxTasks?: number;
  /** whether node costs may be non-zero (default true) */
  readonly costs?: boolean;
}

/** Random instance: 1-3 nodes, few slots and tasks, integer-ish throughputs, 0-2 vendors. */
export function smallInstance(options: SmallInstanceOptions = {}): fc.Arbitrary<Instance> {
  const slots = options.slots ?? 5;
  const maxNodes = options.maxNodes ?? 3;
  const maxTasks = options.maxTasks ?? 6;
  const node = fc.record({
    computeCapacity: fc.integer({ min: 2, max: 8 }),
    memoryCapacity: fc.integer({ min: 3, max: 9 }),
    taskThroughput: fc.integer({ min: 1, max: 3 }),
    costPerSlot: fc.array(
      options.costs === false ? fc.constant(0) : fc.integer({ min: 0, max: 3 }),
      { minLength: slots, maxLength: slots },
    ),
  });
  return fc.tuple(
    fc.array(node, { minLength: 1, maxLength: maxNodes }),
    fc.integer({ min: 0, max: 2 }),
    fc.array(
      fc.record({
        arrival: fc.integer({ min: 0, max: slots - 1 }),
        span: fc.integer({ min: 0, max: slots - 1 }),
        work: fc.integer({ min: 1, max: 8 }),
        memory: fc.integer({ min: 1, max: 6 }),
        preprocessing: fc.boolean(),
        bid: fc.integer({ min: 0, max: 40 }),
        quotes: fc.array(
          fc.record({
            price: fc.integer({ min: 0, max: 5 }),
            delay: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 2, maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: maxTasks },
    ),
  ).map(([nodes, vendorCount, tasks]) => ({
    slots,
    baseModelMemory: 1,
    nodes,
    vendors: Array.from({ length: vendorCount }, () => ({})),
    tasks: tasks.map((task) => ({
      arrival: task.arrival,
      deadline: Math.min(slots - 1, task.arrival + task.span),
      work: task.work,
      memory: task.memory,
      preprocessing: vendorCount > 0 && task.preprocessing,
      bid: task.bid,
      quotes: task.quotes.slice(0, vendorCount),
    })),
  }));
}
