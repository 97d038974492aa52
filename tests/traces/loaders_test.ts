import assert from "node:assert/strict";
import * as traces from "../../lib/traces/mod.ts";

const present = (name: traces.TraceName) => ({ ignore: !traces.tracesAvailable(name) });

Deno.test({
  name: "row counts match PROVENANCE.md",
  ...present("msft-itp-elasticflow"),
  fn() {
    const expected: [() => { height: number }, number][] = [
      [() => traces.loadMsftItpJobs(), 69_351],
      [() => traces.loadPhillyRuntimes(), 83_154],
      [() => traces.loadPhillyElasticflowJobs(), 876],
      [() => traces.loadSiaWorkloads("philly"), 8 * 160],
      [() => traces.loadSiaWorkloads("saturn"), 10 * 160],
      [() => traces.loadAlibabaPods(), 8_152],
      [() => traces.loadAlibabaNodes(), 1_523],
      [() => traces.loadGoogleHourlySubmits(), 696],
      [() => traces.loadIesoHoep(), 8_784],
      [() => traces.loadGhent4g(), 18_036],
      [() => traces.loadLoraThroughput(), 120],
      [() => traces.loadDnnLayerProfiles(), 21 + 39 + 92],
    ];
    for (const [load, rows] of expected) assert.equal(load().height, rows);
    assert.equal(traces.loadElasticflowA100Throughput().getColumn("num_gpus").nUnique(), 7);
  },
});

Deno.test({
  // The load time is measured in bench/traces_bench.ts, not asserted here.
  name: "Google jobs load completely and a second (cached) load gives the same frame",
  ...present("google-2011"),
  fn() {
    const jobs = traces.loadGoogleJobs();
    assert.equal(jobs.height, 672_074);
    assert.ok(traces.loadGoogleJobs().frameEqual(jobs));
  },
});

Deno.test({
  name: "HOEP and Ghent series have the documented units",
  ...present("ieso-hoep-2016"),
  fn() {
    const hoep = traces.loadIesoHoep();
    const september = traces.hoepHourlySeries(hoep, { from: "2016-09-06", hours: 360 });
    assert.equal(september.length, 360);
    const kwh = traces.hoepHourlySeries(hoep, {
      from: "2016-09-06",
      hours: 2,
      unit: "cad-per-kwh",
    });
    assert.deepEqual(kwh, september.slice(0, 2).map((p) => p / 1000));
    const ghent = traces.bandwidthSeriesMbps(traces.loadGhent4g());
    assert.equal(ghent.length, 18_036);
    const mean = ghent.reduce((a, b) => a + b, 0) / ghent.length;
    assert.ok(Math.abs(mean - 30.22) < 0.05, String(mean)); // PROVENANCE: mean 30,220 kbps
  },
});

Deno.test({
  name: "loadOrSynthesize returns the trace when present",
  ...present("msft-itp-elasticflow"),
  fn() {
    const result = traces.loadOrSynthesize({ kind: "jobs", trace: "msft-itp", hours: 24 * 7 }, {
      seed: 1,
    });
    assert.equal(result.source, "trace");
    assert.ok((result.df.getColumn("submit_s").max() as number) < 24 * 7 * 3600);
    const hoep = traces.loadOrSynthesize({ kind: "hoep", from: "2016-09-06", hours: 360 }, {
      seed: 1,
    });
    assert.match(hoep.note, /^HOEP 2016 \(not Sept 2022\), 360 h from 2016-09-06/);
  },
});
