/**
 * Fast evaluation of precomputed pricing functions: piecewise cubic Hermite tables on uniform
 * grids (values and exact slopes at the nodes), so a call costs a comparison, an index and a few
 * multiplications — no root finding or quadrature per call.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildPiecewise } from "./table.ts";
 * const phi = buildPiecewise([{ lo: 0, hi: 1, value: (y) => y * y, slope: (y) => 2 * y }]);
 * assert.ok(Math.abs(phi(0.5) - 0.25) < 1e-9);
 * ```
 *
 * @module
 */

/** One smooth piece of a pricing function on [lo, hi]. */
export interface Piece {
  readonly lo: number;
  readonly hi: number;
  /** φ(y) on [lo, hi]. */
  readonly value: (y: number) => number;
  /** φ'(y) on [lo, hi] (finite except possibly at y = 0). */
  readonly slope: (y: number) => number;
  /**
   * When set, the first cell [lo, lo + h] uses φ(lo + h)·((y − lo)/h)^exponent instead of Hermite
   * interpolation (for φ ∝ y^{s−1} near 0, whose slope is infinite there when s < 2).
   */
  readonly powerLawNearLo?: number;
}

/** Nodes per piece (Hermite error O(h^4); 2048 nodes put the first cell below 0.05% of the span). */
export const DEFAULT_NODES = 2048;

interface CompiledPiece {
  lo: number;
  hi: number;
  invH: number;
  h: number;
  n: number;
  v: Float64Array;
  d: Float64Array;
  power: number;
}

function compile(piece: Piece, nodes: number): CompiledPiece {
  const h = (piece.hi - piece.lo) / nodes;
  const v = new Float64Array(nodes + 1);
  const d = new Float64Array(nodes + 1);
  for (let i = 0; i <= nodes; i++) {
    const y = i === nodes ? piece.hi : piece.lo + i * h;
    v[i] = piece.value(y);
    d[i] = i === 0 && piece.powerLawNearLo !== undefined ? 0 : piece.slope(y);
  }
  return {
    lo: piece.lo,
    hi: piece.hi,
    invH: 1 / h,
    h,
    n: nodes,
    v,
    d,
    power: piece.powerLawNearLo ?? NaN,
  };
}

function evaluate(p: CompiledPiece, y: number): number {
  const x = (y - p.lo) * p.invH;
  let i = x | 0;
  if (i >= p.n) i = p.n - 1;
  if (i < 0) i = 0;
  const t = x - i;
  if (i === 0 && p.power === p.power) {
    return t <= 0 ? p.v[0]! : p.v[1]! * Math.pow(t, p.power);
  }
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * p.v[i]! + (t3 - 2 * t2 + t) * p.h * p.d[i]! +
    (3 * t2 - 2 * t3) * p.v[i + 1]! + (t3 - t2) * p.h * p.d[i + 1]!;
}

/**
 * Compiles contiguous pieces into one evaluator on [pieces[0].lo, last.hi]; inputs outside are
 * clamped to the ends.
 *
 * @param pieces contiguous, increasing pieces (one or two in practice)
 * @param nodes grid nodes per piece
 * @returns φ as a fast closure
 */
export function buildPiecewise(
  pieces: readonly Piece[],
  nodes = DEFAULT_NODES,
): (y: number) => number {
  const compiled = pieces.map((piece) => compile(piece, nodes));
  const first = compiled[0]!;
  if (compiled.length === 1) {
    return (y) => evaluate(first, y < first.lo ? first.lo : y > first.hi ? first.hi : y);
  }
  const second = compiled[1]!;
  if (compiled.length === 2) {
    const split = second.lo;
    return (y) =>
      y < split
        ? evaluate(first, y < first.lo ? first.lo : y)
        : evaluate(second, y > second.hi ? second.hi : y);
  }
  return (y) => {
    for (const piece of compiled) {
      if (y <= piece.hi) return evaluate(piece, y < piece.lo ? piece.lo : y);
    }
    const last = compiled[compiled.length - 1]!;
    return evaluate(last, last.hi);
  };
}
