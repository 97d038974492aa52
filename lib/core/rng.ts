/**
 * Seeded random numbers with named, independent streams.
 *
 * A root seed plus a stream name ("arrivals", "valuations", ...) fully determines a sequence, so
 * adding a new consumer of randomness never shifts the numbers another consumer sees. Generation
 * uses pure-rand's xoroshiro128+; stream seeds are derived by hashing `(seed, name)` with FNV-1a.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "./rng.ts";
 * const rng = createRng(7);
 * const arrivals = rng.stream("arrivals");
 * const x = arrivals.uniform(); // in [0, 1), identical on every run with seed 7
 * assert.ok(x >= 0 && x < 1);
 * assert.equal(createRng(7).stream("arrivals").uniform(), x);
 * const k = arrivals.poisson(30);
 * assert.ok(Number.isInteger(k) && k >= 0);
 * ```
 *
 * @module
 */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import {
  requireFinite,
  requireInteger,
  requireNonEmpty,
  requirePositive,
  requireString,
} from "./validate.ts";
import { ParameterError } from "./errors.ts";

/** A seeded source of random variates. Methods advance the underlying generator. */
export interface Rng {
  /** The 32-bit seed this generator started from. */
  readonly seed: number;
  /** A child stream whose sequence depends only on this stream's seed and `name`. */
  stream(name: string): Rng;
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Uniform on [min, max). */
  uniformIn(min: number, max: number): number;
  /** Uniform integer on [min, max], both included. */
  int(min: number, max: number): number;
  /** Normal with the given mean and standard deviation (Box-Muller). */
  normal(mean?: number, sd?: number): number;
  /** Normal conditioned on [lo, hi] (rejection; falls back to inverse-CDF free clipping never). */
  truncatedNormal(mean: number, sd: number, lo: number, hi: number): number;
  /** Exponential with the given rate. */
  exponential(rate: number): number;
  /** Poisson with the given mean (Knuth for small means, normal-approximation-free PTRS otherwise). */
  poisson(mean: number): number;
  /** One element drawn uniformly. */
  choice<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * Creates the root generator for a seed.
 *
 * @param seed any safe integer; it is folded to 32 bits
 * @returns a generator; use {@link Rng.stream} to derive independent named streams
 * @throws {ParameterError} when the seed is not an integer
 */
export function createRng(seed: number): Rng {
  requireInteger("seed", seed);
  return new XoroshiroRng(seed | 0);
}

/** FNV-1a over the seed's bytes and the name's UTF-16 code units; returns a 32-bit integer. */
export function deriveSeed(seed: number, name: string): number {
  requireInteger("seed", seed);
  requireString("name", name);
  let hash = 0x811c9dc5;
  const mix = (byte: number) => {
    hash ^= byte & 0xff;
    hash = Math.imul(hash, 0x01000193);
  };
  for (let shift = 0; shift < 32; shift += 8) mix(seed >>> shift);
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    mix(code);
    mix(code >>> 8);
  }
  return hash | 0;
}

class XoroshiroRng implements Rng {
  readonly #generator: RandomGenerator;
  #spareNormal: number | null = null;

  constructor(readonly seed: number) {
    this.#generator = xoroshiro128plus(seed);
  }

  stream(name: string): Rng {
    return new XoroshiroRng(deriveSeed(this.seed, name));
  }

  uniform(): number {
    return uniformFloat64(this.#generator);
  }

  uniformIn(min: number, max: number): number {
    requireFinite("min", min);
    requireFinite("max", max);
    if (max < min) throw new ParameterError("max", max, `max >= min (${min})`);
    return min + (max - min) * this.uniform();
  }

  int(min: number, max: number): number {
    requireInteger("min", min);
    requireInteger("max", max);
    if (max < min) throw new ParameterError("max", max, `max >= min (${min})`);
    return uniformInt(this.#generator, min, max);
  }

  normal(mean = 0, sd = 1): number {
    requireFinite("mean", mean);
    requireFinite("sd", sd);
    if (sd < 0) throw new ParameterError("sd", sd, "sd >= 0");
    if (this.#spareNormal !== null) {
      const z = this.#spareNormal;
      this.#spareNormal = null;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.#spareNormal = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }

  truncatedNormal(mean: number, sd: number, lo: number, hi: number): number {
    requireFinite("lo", lo);
    requireFinite("hi", hi);
    if (!(hi > lo)) throw new ParameterError("hi", hi, `hi > lo (${lo})`);
    if (sd === 0) return Math.min(hi, Math.max(lo, mean));
    // Rejection is exact; bail out to uniform sampling only when the window holds almost no mass.
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const x = this.normal(mean, sd);
      if (x >= lo && x <= hi) return x;
    }
    throw new ParameterError(
      "truncatedNormal window",
      [lo, hi],
      `an interval holding non-negligible mass of N(${mean}, ${sd}^2)`,
    );
  }

  exponential(rate: number): number {
    requirePositive("rate", rate);
    let u = 0;
    while (u === 0) u = this.uniform();
    return -Math.log(u) / rate;
  }

  poisson(mean: number): number {
    requireFinite("mean", mean);
    if (mean < 0) throw new ParameterError("mean", mean, "mean >= 0");
    if (mean === 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let product = this.uniform();
      while (product > limit) {
        k++;
        product *= this.uniform();
      }
      return k;
    }
    return this.#poissonPtrs(mean);
  }

  /** Hörmann's PTRS transformed-rejection sampler (1993), exact for mean >= 10. */
  #poissonPtrs(mean: number): number {
    const slam = Math.sqrt(mean);
    const logLam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v * invAlpha / (a / (us * us) + b));
      const rhs = -mean + k * logLam - logGamma(k + 1);
      if (lhs <= rhs) return k;
    }
  }

  choice<T>(items: readonly T[]): T {
    requireNonEmpty("items", items);
    return items[this.int(0, items.length - 1)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/** Stirling-series log Γ(x) for x >= 1 (accurate to ~1e-10 there, enough for PTRS acceptance). */
function logGamma(x: number): number {
  if (x < 7) {
    let shift = 0;
    let value = x;
    while (value < 7) {
      shift += Math.log(value);
      value++;
    }
    return logGamma(value) - shift;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
