/**
 * Numerical checks of Theorems 1-3 and of the closed forms of Appendices B-G on seeded random
 * instances. Tests, the claims ledger and the notebook all call these, so every reported number
 * has one source.
 *
 * @module
 */
import { createRng } from "../../core/rng.ts";
import { requireInteger, requireIntegers } from "../../core/validate.ts";
import { allocateClosedForm, allocateLp, costOfDemand } from "./allocation.ts";
import {
  inferenceDemand,
  inferencePayoff,
  totalInferenceDemand,
  totalTrainingDemand,
  trainingDemand,
  trainingPayoff,
} from "./demand.ts";
import { expandUpper, goldenSectionMax } from "./golden_section.ts";
import { randomMarket } from "./instances.ts";
import { parseMarket } from "./model.ts";
import { profitAt } from "./profit.ts";
import { solveStageOne } from "./stage_one.ts";
import {
  additionalInferencePoint,
  additionalTrainingPoint,
  inferencePieces,
} from "./subregions.ts";
import {
  bestInferencePayoff,
  printedThresholdClosedForm,
  printedThresholdQuadratic,
} from "./threshold.ts";

/** Theorem 1 vs HiGHS on random demand vectors. */
export interface TheoremOneCheck {
  /** random demand vectors tried */
  readonly instances: number;
  /** instances where the closed form and the LP agree on feasibility */
  readonly feasibilityAgreements: number;
  /** instances the LP finds infeasible (demand above capacity) */
  readonly infeasibleInstances: number;
  /** max |C_closed − C_LP| / C_LP over feasible instances */
  readonly maxRelativeCostGap: number;
  /** max |C_Eq.17(D^T, D^I) − C_LP| / C_LP: the case formula of Appendix C on aggregates */
  readonly maxCaseFormulaGap: number;
}

/**
 * Compares Theorem 1's allocation with the Stage III LP solved by HiGHS.
 *
 * @param seed root seed
 * @param instances number of random instances (sizes 1-30 clients; about a third over capacity)
 * @returns agreement counts and the largest relative cost gap
 * @example
 * ```ts
 * import { checkTheoremOne } from "./checks.ts";
 * const r = await checkTheoremOne(1, 5);
 * ```
 */
export async function checkTheoremOne(seed: number, instances: number): Promise<TheoremOneCheck> {
  requireInteger("instances", instances, 1);
  const rng = createRng(seed).stream("theorem-1");
  let agreements = 0;
  let infeasibleInstances = 0;
  let maxGap = 0;
  let maxCaseGap = 0;
  for (let k = 0; k < instances; k++) {
    const n = rng.int(1, 30);
    const training = Array.from({ length: n }, () => rng.uniformIn(0, 5));
    const inference = Array.from({ length: n }, () => rng.uniformIn(0, 5));
    const total = training.reduce((a, b) => a + b, 0) + inference.reduce((a, b) => a + b, 0);
    const share = rng.uniformIn(0.1, 0.9);
    const capacity = total * rng.uniformIn(0.7, 2);
    const cTH = rng.uniformIn(1, 5);
    const cIL = rng.uniformIn(1, 5);
    const provider = {
      highGpus: capacity * share,
      lowGpus: capacity * (1 - share),
      costs: {
        trainingHigh: cTH,
        trainingLow: cTH + rng.uniformIn(0.1, 3),
        inferenceHigh: cIL + rng.uniformIn(0.1, 3),
        inferenceLow: cIL,
      },
    };
    const closed = allocateClosedForm(provider, training, inference);
    const lp = await allocateLp(provider, training, inference);
    if (closed.feasible === lp.feasible) agreements++;
    if (!lp.feasible) infeasibleInstances++;
    if (closed.feasible && lp.feasible) {
      maxGap = Math.max(maxGap, Math.abs(closed.cost - lp.cost) / Math.max(1e-12, lp.cost));
      const totalT = training.reduce((a, b) => a + b, 0);
      const caseCost = costOfDemand(provider, totalT, total - totalT) ?? Infinity;
      maxCaseGap = Math.max(maxCaseGap, Math.abs(caseCost - lp.cost) / Math.max(1e-12, lp.cost));
    }
  }
  return {
    instances,
    feasibilityAgreements: agreements,
    infeasibleInstances,
    maxRelativeCostGap: maxGap,
    maxCaseFormulaGap: maxCaseGap,
  };
}

/** Theorem 2 vs direct maximisation of each payoff. */
export interface TheoremTwoCheck {
  /** random parameter sets tried */
  readonly samples: number;
  /** max |g_closed − g_numeric| / max(1, g_numeric) */
  readonly maxTrainingError: number;
  /** max |g_closed − g_numeric| / max(1, g_numeric) for inference */
  readonly maxInferenceError: number;
  /** max |V_closed(p) − max_g P^I(g)| / |max_g P^I(g)| (our closed form of the best payoff) */
  readonly maxBestPayoffError: number;
}

/**
 * Compares Theorem 2's demands with golden-section maximisation of the payoffs.
 *
 * @param seed root seed
 * @param samples random (parameters, price) draws
 * @returns largest errors
 * @example
 * ```ts
 * import { checkTheoremTwo } from "./checks.ts";
 * checkTheoremTwo(1, 10).maxTrainingError < 1e-6; // true
 * ```
 */
export function checkTheoremTwo(seed: number, samples: number): TheoremTwoCheck {
  requireInteger("samples", samples, 1);
  const rng = createRng(seed).stream("theorem-2");
  const logUniform = (lo: number, hi: number) =>
    Math.exp(rng.uniformIn(Math.log(lo), Math.log(hi)));
  let maxTraining = 0;
  let maxInference = 0;
  let maxPayoff = 0;
  for (let k = 0; k < samples; k++) {
    const training = { gamma: logUniform(0.1, 100), theta: logUniform(0.1, 10) };
    const trainingPrice = logUniform(0.01, 100);
    const pT = (g: number) => trainingPayoff(training, trainingPrice, g);
    const gT = goldenSectionMax(pT, 0, expandUpper(pT, 0, training.theta));
    const closedT = trainingDemand(training, trainingPrice);
    maxTraining = Math.max(maxTraining, Math.abs(closedT - gT) / Math.max(1, gT));

    const inference = {
      gamma: logUniform(0.1, 100),
      d: logUniform(0.1, 10),
      lambda: logUniform(0.1, 10),
    };
    const inferencePrice = logUniform(0.01, 100);
    const floor = inference.d * inference.lambda;
    const pI = (g: number) => inferencePayoff(inference, inferencePrice, g);
    const gI = goldenSectionMax(pI, floor, expandUpper(pI, floor, inference.d));
    const closedI = inferenceDemand(inference, inferencePrice);
    maxInference = Math.max(maxInference, Math.abs(closedI - gI) / Math.max(1, gI));
    const best = pI(gI);
    maxPayoff = Math.max(
      maxPayoff,
      Math.abs(bestInferencePayoff(inference, inferencePrice) - best) / Math.abs(best),
    );
  }
  return {
    samples,
    maxTrainingError: maxTraining,
    maxInferenceError: maxInference,
    maxBestPayoffError: maxPayoff,
  };
}

/** What Appendix B's threshold formulas give on random positive parameters. */
export interface ThresholdExamination {
  /** random parameter sets tried */
  readonly samples: number;
  /** printed closed form: complex (negative discriminant) */
  readonly closedFormComplex: number;
  /** printed closed form: real but the price X³/d is <= 0 */
  readonly closedFormNonPositive: number;
  /** printed closed form: a positive price */
  readonly closedFormPositive: number;
  /** printed quadratic with a positive root */
  readonly quadraticPositiveRoots: number;
  /** parameter draws for which max_g P^I(g) >= 0 at some price on a log grid from 1e-6 to 1e6 */
  readonly indifferenceReached: number;
  /** printed discriminant ÷ b² − 4ac of the printed quadratic (a constant when it is a typo) */
  readonly discriminantRatio: readonly [number, number];
}

/**
 * Examines the threshold p^I† of Appendix B: closed form, quadratic, and indifference condition
 * (evaluated by direct numerical maximisation of the payoff, not by our closed form).
 *
 * @param seed root seed
 * @param samples parameter draws (γ, d, λ log-uniform over 1e-3..1e3)
 * @returns counts of each outcome
 * @example
 * ```ts
 * import { examineThreshold } from "./checks.ts";
 * examineThreshold(1, 20).closedFormPositive; // 0
 * ```
 */
export function examineThreshold(seed: number, samples: number): ThresholdExamination {
  requireInteger("samples", samples, 1);
  const rng = createRng(seed).stream("threshold");
  const logUniform = () => Math.exp(rng.uniformIn(Math.log(1e-3), Math.log(1e3)));
  let complex = 0;
  let nonPositive = 0;
  let positive = 0;
  let quadraticPositive = 0;
  let reached = 0;
  let ratioLo = Infinity;
  let ratioHi = -Infinity;
  for (let k = 0; k < samples; k++) {
    const input = { gamma: logUniform(), d: logUniform(), lambda: logUniform() };
    const closed = printedThresholdClosedForm(input);
    if (closed.kind === "complex") complex++;
    else if (closed.price > 0) positive++;
    else nonPositive++;
    const [a, b, c] = printedThresholdQuadratic(input);
    const disc = b * b - 4 * a * c;
    if (disc >= 0 && ((-b + Math.sqrt(disc)) / (2 * a) > 0)) quadraticPositive++;
    const printed = input.gamma ** 2 - 8 * input.lambda * Math.pow(2 * input.gamma, 5 / 3) *
        Math.pow(input.d, 2 / 3);
    const ratio = (input.gamma ** 2 - printed) / (b * b - disc);
    ratioLo = Math.min(ratioLo, ratio);
    ratioHi = Math.max(ratioHi, ratio);
    for (let e = -6; e <= 6; e += 0.5) {
      const price = 10 ** e;
      const floor = input.d * input.lambda;
      const payoff = (g: number) => inferencePayoff(input, price, g);
      const g = goldenSectionMax(payoff, floor, expandUpper(payoff, floor, input.d));
      if (payoff(g) >= 0) {
        reached++;
        break;
      }
    }
  }
  return {
    samples,
    closedFormComplex: complex,
    closedFormNonPositive: nonPositive,
    closedFormPositive: positive,
    quadraticPositiveRoots: quadraticPositive,
    indifferenceReached: reached,
    discriminantRatio: [ratioLo, ratioHi],
  };
}

/**
 * Appendix G, p'^T: compares √(AΓ/Θ) with golden-section maximisation of (p − A)(Γ/p − Θ).
 *
 * @param seed root seed
 * @param samples random (A, Γ, Θ) with Γ/Θ > A (so the maximiser is positive-demand)
 * @returns the largest relative error
 * @example
 * ```ts
 * import { checkTrainingPeak } from "./checks.ts";
 * checkTrainingPeak(1, 10) < 1e-6; // true
 * ```
 */
export function checkTrainingPeak(seed: number, samples: number): number {
  requireInteger("samples", samples, 1);
  const rng = createRng(seed).stream("training-peak");
  let worst = 0;
  for (let k = 0; k < samples; k++) {
    const a = rng.uniformIn(0.5, 10);
    const theta = rng.uniformIn(1, 100);
    const gamma = theta * a * rng.uniformIn(1.1, 10);
    const f = (p: number) => (p - a) * (gamma / p - theta);
    const numeric = goldenSectionMax(f, a, gamma / theta);
    worst = Math.max(worst, Math.abs(Math.sqrt((a * gamma) / theta) - numeric) / numeric);
  }
  return worst;
}

/** Outcome of {@link checkInferenceMonotonicity}. */
export interface MonotonicityCheck {
  /** (inference piece, training price) pairs examined */
  readonly pieces: number;
  /** pairs where profit decreased between consecutive feasible prices inside the piece */
  readonly violations: number;
}

/**
 * Appendix G: within an inference piece, profit increases in p^I. Checked on a grid of 25 prices
 * inside each piece, at the training price the theorem selects, using the direct profit.
 *
 * @param seeds market seeds
 * @param clients market size
 * @returns pieces examined and violations
 * @example
 * ```ts
 * import { checkInferenceMonotonicity } from "./checks.ts";
 * checkInferenceMonotonicity([1], 5).violations; // 0
 * ```
 */
export function checkInferenceMonotonicity(
  seeds: readonly number[],
  clients: number,
): MonotonicityCheck {
  requireIntegers("seeds", seeds);
  requireInteger("clients", clients, 1, 1_000_000);
  let pieces = 0;
  let violations = 0;
  for (const seed of seeds) {
    const market = parseMarket(randomMarket({ clients, seed }));
    const optimum = solveStageOne(market);
    if (optimum.status !== "optimal") continue;
    for (const piece of inferencePieces(market) ?? []) {
      pieces++;
      let previous = -Infinity;
      for (let k = 1; k <= 25; k++) {
        const price = piece.lo + ((piece.hi - piece.lo) * k) / 25;
        const result = profitAt(market, optimum.trainingPrice, price);
        if (!result.feasible) continue;
        if (result.profit < previous - 1e-9 * Math.abs(previous)) {
          violations++;
          break;
        }
        previous = result.profit;
      }
    }
  }
  return { pieces, violations };
}

/** Outcome of {@link examineInferencePoint}. */
export interface InferencePointExamination {
  /** inference pieces with active clients */
  readonly pieces: number;
  /** pieces where G^L <= Λ, so the printed (K/(G^L − Λ))³ is not a price */
  readonly printedFormulaInvalid: number;
  /** pieces whose valid a'^I lies inside the piece's own price interval */
  readonly pointsInside: number;
  /**
   * max |D^I(a'^I) − G^L| / G^L over those, with D^I the direct aggregate demand (not the piece
   * formula)
   */
  readonly maxCapacityError: number;
}

/**
 * Eq. 21, inference: where the printed a'^I is valid, and how exactly it hits G^L.
 *
 * @param seeds market seeds
 * @param clients market size
 * @param lowPerClient G^L per client (small values make Σdλ exceed G^L)
 * @returns counts and the largest capacity error
 * @example
 * ```ts
 * import { examineInferencePoint } from "./checks.ts";
 * examineInferencePoint([1], 10, 1).pieces > 0; // true
 * ```
 */
export function examineInferencePoint(
  seeds: readonly number[],
  clients: number,
  lowPerClient: number,
): InferencePointExamination {
  requireIntegers("seeds", seeds);
  requireInteger("clients", clients, 1, 1_000_000);
  let pieces = 0;
  let invalid = 0;
  let inside = 0;
  let maxError = 0;
  for (const seed of seeds) {
    const market = parseMarket(randomMarket({ clients, seed, lowPerClient }));
    for (const piece of inferencePieces(market) ?? []) {
      if (piece.active === 0) continue;
      pieces++;
      const point = additionalInferencePoint(piece.kSum, piece.floor, market.lowGpus);
      if (point === null) {
        invalid++;
        continue;
      }
      if (!(point > piece.lo && point <= piece.hi)) continue;
      inside++;
      const demand = totalInferenceDemand(market, point);
      maxError = Math.max(maxError, Math.abs(demand - market.lowGpus) / market.lowGpus);
    }
  }
  return {
    pieces,
    printedFormulaInvalid: invalid,
    pointsInside: inside,
    maxCapacityError: maxError,
  };
}

/** Outcome of {@link examineTrainingPoint}. */
export interface TrainingPointExamination {
  /** intervals between consecutive training thresholds with active clients */
  readonly intervals: number;
  /** intervals containing their a'^T = Γ/(G^H + Θ) */
  readonly pointsInside: number;
  /** max |D^T(a'^T) − G^H| / G^H over those, D^T the direct aggregate demand */
  readonly maxCapacityError: number;
}

/**
 * Eq. 21, training: a'^T = Γ/(G^H + Θ) computed from each interval's active set, and the direct
 * aggregate training demand there compared with G^H.
 *
 * @param seeds market seeds
 * @param clients market size
 * @param highPerClient G^H per client
 * @returns counts and the largest capacity error
 * @example
 * ```ts
 * import { examineTrainingPoint } from "./checks.ts";
 * examineTrainingPoint([1], 10, 1.5).maxCapacityError < 1e-12; // true
 * ```
 */
export function examineTrainingPoint(
  seeds: readonly number[],
  clients: number,
  highPerClient: number,
): TrainingPointExamination {
  requireIntegers("seeds", seeds);
  requireInteger("clients", clients, 1, 1_000_000);
  let intervals = 0;
  let inside = 0;
  let maxError = 0;
  for (const seed of seeds) {
    const market = parseMarket(randomMarket({ clients, seed, highPerClient }));
    const thresholds = Array.from(
      { length: market.size },
      (_, n) => market.trainingGamma[n]! / market.trainingTheta[n]!,
    ).sort((a, b) => a - b);
    let lo = 0;
    for (const hi of thresholds) {
      if (hi > lo) {
        intervals++;
        let gamma = 0;
        let theta = 0;
        for (let n = 0; n < market.size; n++) {
          if (market.trainingGamma[n]! / market.trainingTheta[n]! >= hi) {
            gamma += market.trainingGamma[n]!;
            theta += market.trainingTheta[n]!;
          }
        }
        const point = additionalTrainingPoint(gamma, theta, market.highGpus);
        if (point > lo && point <= hi) {
          inside++;
          const demand = totalTrainingDemand(market, point);
          maxError = Math.max(maxError, Math.abs(demand - market.highGpus) / market.highGpus);
        }
      }
      lo = hi;
    }
  }
  return { intervals, pointsInside: inside, maxCapacityError: maxError };
}

/** Appendix B's substitution step checked term by term ({@link examineSubstitution}). */
export interface SubstitutionExamination {
  /** random parameter sets tried */
  readonly samples: number;
  /** max |(2γd²p)^{1/3} − p d (2γ/(dp))^{1/3}| / p d (2γ/(dp))^{1/3}: the printed term */
  readonly printedTermGap: number;
  /** the same for (2γ)^{1/3}(dp)^{2/3}: the corrected term (rounding only) */
  readonly correctedTermGap: number;
  /**
   * with the corrected term carried through the appendix's own steps (× (2γ)^{2/3}, ÷ −X), the
   * constant coefficient of the "quadratic" divided by the printed one, 2γd^{2/3}: max |ratio|
   */
  readonly constantRatio: number;
  /** largest non-negative root X of that corrected quadratic over all draws */
  readonly largestNonNegativeRoot: number;
}

/**
 * Re-does Appendix B's simplification of the indifference condition with plain arithmetic (no
 * model code): the third term p·d·(2γ/(dp))^{1/3}, then the quadratic in X = (pd)^{1/3} that
 * follows from the corrected term, its coefficients recovered from three evaluations.
 *
 * @param seed root seed
 * @param samples draws of γ, d, λ, p log-uniform in [0.1, 10]
 * @returns the largest gaps and the largest non-negative root
 * @example
 * ```ts
 * import { examineSubstitution } from "./checks.ts";
 * examineSubstitution(1, 10).largestNonNegativeRoot; // 0
 * ```
 */
export function examineSubstitution(seed: number, samples: number): SubstitutionExamination {
  requireInteger("samples", samples, 1);
  const rng = createRng(seed).stream("substitution");
  const draw = () => Math.exp(rng.uniformIn(Math.log(0.1), Math.log(10)));
  let printedGap = 0;
  let correctedGap = 0;
  let constantRatio = 0;
  let largestRoot = 0;
  for (let k = 0; k < samples; k++) {
    const [gamma, d, lambda, p] = [draw(), draw(), draw(), draw()];
    const exact = p * d * Math.cbrt((2 * gamma) / (d * p));
    printedGap = Math.max(printedGap, Math.abs(Math.cbrt(2 * gamma * d * d * p) - exact) / exact);
    const corrected = Math.cbrt(2 * gamma) * Math.pow(d * p, 2 / 3);
    correctedGap = Math.max(correctedGap, Math.abs(corrected - exact) / exact);
    // the indifference condition in X with the corrected third term (2γ)^{1/3} X²
    const condition = (x: number) =>
      -gamma * Math.pow((x * x * x) / (2 * gamma), 2 / 3) - lambda * x * x * x -
      Math.cbrt(2 * gamma) * x * x;
    const quadratic = (x: number) => (condition(x) * Math.pow(2 * gamma, 2 / 3)) / -x;
    const [q1, q2, q3] = [quadratic(1), quadratic(2), quadratic(3)];
    const a = (q1 - 2 * q2 + q3) / 2;
    const b = q2 - q1 - 3 * a;
    const c = 3 * q1 - 3 * q2 + q3;
    constantRatio = Math.max(constantRatio, Math.abs(c) / (2 * gamma * Math.pow(d, 2 / 3)));
    const disc = b * b - 4 * a * c;
    const roots = disc < 0
      ? []
      : [(-b - Math.sqrt(disc)) / (2 * a), (-b + Math.sqrt(disc)) / (2 * a)];
    for (const root of roots) {
      // rounding of c can put the zero root at ±1e-15: snap to the scale of the coefficients
      const snapped = Math.abs(root) <= 1e-9 * (1 + Math.abs(b / a)) ? 0 : root;
      if (snapped >= 0) largestRoot = Math.max(largestRoot, snapped);
    }
  }
  return {
    samples,
    printedTermGap: printedGap,
    correctedTermGap: correctedGap,
    constantRatio,
    largestNonNegativeRoot: largestRoot,
  };
}
