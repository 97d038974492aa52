/**
 * Stage I speed: Theorem 3's sub-region algorithm for N = 1000 clients (target: median < 50 ms),
 * with the exact candidate-set reference and the brute-force grid beside it. Run: `npx -y deno@2.9.6 bench -A bench/stackelberg_bench.ts`.
 */
import {
  bruteForceStageOne,
  exactStageOne,
  parseMarket,
  randomMarket,
  solveStageOne,
} from "../lib/papers/stackelberg/mod.ts";

const market1000 = parseMarket(randomMarket({ clients: 1000, seed: 1 }));
const market100 = parseMarket(randomMarket({ clients: 100, seed: 1 }));

Deno.bench("Stage I theorem algorithm, N = 1000", { group: "N=1000", baseline: true }, () => {
  solveStageOne(market1000);
});

Deno.bench("Stage I exact reference (candidate set), N = 1000", { group: "N=1000" }, () => {
  exactStageOne(market1000);
});

Deno.bench("Stage I brute force 400x400 grid, N = 1000", { group: "N=1000" }, () => {
  bruteForceStageOne(market1000, { trainingSteps: 400, inferenceSteps: 400 });
});

Deno.bench("Stage I brute force 200x200 grid + 3 zooms, N = 1000", { group: "N=1000" }, () => {
  bruteForceStageOne(market1000, { trainingSteps: 200, inferenceSteps: 200, zoomLevels: 3 });
});

Deno.bench("Stage I theorem algorithm, N = 100", { group: "N=100", baseline: true }, () => {
  solveStageOne(market100);
});

Deno.bench("Stage I exact reference (candidate set), N = 100", { group: "N=100" }, () => {
  exactStageOne(market100);
});

Deno.bench("Stage I brute force 400x400 grid, N = 100", { group: "N=100" }, () => {
  bruteForceStageOne(market100, { trainingSteps: 400, inferenceSteps: 400 });
});
