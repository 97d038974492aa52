import assert from "node:assert/strict";
import { ParameterError } from "../../../lib/core/errors.ts";
import { createRng } from "../../../lib/core/rng.ts";
import { googleJobTimes, type JobTimes, sampleWindow } from "../../../lib/papers/ppm/arrivals.ts";
import { buildInstance, type InstanceParams } from "../../../lib/papers/ppm/experiments.ts";

const tiny: JobTimes = {
  source: "synthetic",
  submit: Float64Array.from([0, 12, 25]),
  duration: Float64Array.from([35, NaN, 5]),
  note: "hand-made",
};

Deno.test("sampleWindow: slotting, unknown durations to the horizon, clipping (hand-computed)", () => {
  // The whole list fits one 40-s window starting at the first submit, so the window is fixed.
  const stays = sampleWindow(tiny, createRng(1).stream("w"), 4, 3);
  assert.deepEqual(stays, [
    { arrival: 0, duration: 4 }, // ceil(35/10) = 4 slots
    { arrival: 1, duration: 3 }, // unknown end: runs to slot 3
    { arrival: 2, duration: 1 }, // ceil(5/10) = 1
  ]);
  const doubled = sampleWindow(tiny, createRng(1).stream("w"), 4, 3, 2);
  assert.deepEqual(doubled.map((s) => s.duration), [4, 3, 1]); // 70 s clipped to 4; 10 s = 1
  const tripled = sampleWindow(tiny, createRng(1).stream("w"), 4, 3, 3);
  assert.deepEqual(tripled.map((s) => s.duration), [4, 3, 2]); // 15 s → 2 slots
});

Deno.test("sampleWindow consecutive: a run of consecutive jobs from its first submission (hand-computed)", () => {
  const jobs: JobTimes = {
    source: "synthetic",
    submit: Float64Array.from([0, 100, 105, 118, 400]),
    duration: Float64Array.from([10, 30, NaN, 5, 10]),
    note: "hand-made",
  };
  // Window of 3 slots = 30 s: only the runs starting at job 1 (100, 105, 118) fit, so whatever the
  // first draws are, the run is jobs 1-3 with the window starting at 100 s.
  for (const seed of [1, 2, 3]) {
    const stays = sampleWindow(jobs, createRng(seed).stream("w"), 3, 3, 1, "consecutive");
    assert.deepEqual(stays, [
      { arrival: 0, duration: 3 }, // 30 s
      { arrival: 0, duration: 3 }, // unknown end: to the horizon
      { arrival: 1, duration: 1 }, // submitted at 118 s → slot 1; 5 s → 1 slot
    ]);
  }
  assert.throws(
    () => sampleWindow(jobs, createRng(1).stream("w"), 1, 3, 1, "consecutive"),
    ParameterError,
  );
  assert.throws(
    () => sampleWindow(jobs, createRng(1).stream("w"), 3, 3, 1, "every other" as "random"),
    ParameterError,
  );
});

Deno.test("sampleWindow rejects bad sizes and windows with too few jobs", () => {
  const rng = createRng(1).stream("w");
  assert.throws(() => sampleWindow(tiny, rng, 4, 4), ParameterError);
  assert.throws(() => sampleWindow(tiny, rng, 0, 1), ParameterError);
  assert.throws(() => sampleWindow(tiny, rng, 4, 1, 0), ParameterError);
});

Deno.test("synthetic fallback is labelled and a duration scale only lengthens stays", () => {
  const jobs = googleJobTimes("synthetic");
  assert.equal(jobs.source, "synthetic");
  assert.match(jobs.note, /SYNTHETIC/);
  const base: InstanceParams = {
    case: "UE",
    pbar: 2,
    jobs: 120,
    slots: 180,
    seed: 5,
    jobSource: "synthetic",
  };
  const one = buildInstance(base);
  const four = buildInstance({ ...base, durationScale: 4 });
  assert.equal(one.source, "synthetic");
  const a = one.instance.customers;
  const b = four.instance.customers;
  assert.deepEqual(a.map((c) => c.arrival), b.map((c) => c.arrival));
  a.forEach((c, i) => {
    assert.ok(b[i]!.duration >= c.duration);
    assert.ok(b[i]!.duration <= Math.min(4 * c.duration, 180 - c.arrival));
  });
  assert.ok(b.some((c, i) => c.duration > a[i]!.duration));
});
