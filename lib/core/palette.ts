/**
 * One fixed colour per mechanism, shared by every figure of the report: a reader who learns that
 * PPM-OP is blue in Fig. 4 finds it blue in the load figures too. {@link plot} in `display.ts`
 * applies it to every categorical colour scale that has no explicit `range` or `scheme`.
 *
 * @example
 * ```ts
 * import { categoryColours, mechanismColour } from "./palette.ts";
 * mechanismColour("PPM-OP"); // "#4269d0"
 * categoryColours(["lost", "PPM-OP"]); // ["#efb118", "#4269d0"]
 * ```
 *
 * @module
 */

/** Colours of the mechanisms the papers compare (keys are compared case-insensitively). */
export const MECHANISM_COLOURS: Readonly<Record<string, string>> = {
  "ppm-op": "#4269d0",
  "ppm-tp": "#ff725c",
  "ppm-mp": "#efb118",
  offline: "#3ca951",
  pdftsp: "#4269d0",
  titan: "#ff725c",
  eft: "#efb118",
  ntm: "#6cc5b0",
  aeria: "#4269d0",
};

/** Observable's ten categorical colours, used for categories that are not mechanisms. */
const CATEGORICAL = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

/**
 * The fixed colour of a mechanism, or `undefined` for any other category.
 *
 * @param name series name as shown in a legend (`PPM-OP`, `pdftsp`, ...)
 * @returns its colour
 */
export function mechanismColour(name: string): string | undefined {
  return MECHANISM_COLOURS[name.trim().toLowerCase()];
}

/**
 * Colours of a categorical domain: mechanisms get their fixed colour, the other categories the
 * categorical colours no mechanism of this domain uses, in domain order.
 *
 * @param domain category names in legend order
 * @returns one colour per category
 */
export function categoryColours(domain: readonly unknown[]): string[] {
  const fixed = domain.map((name) => mechanismColour(String(name)));
  const free = CATEGORICAL.filter((colour) => !fixed.includes(colour));
  let next = 0;
  return fixed.map((colour) => colour ?? free[next++ % free.length]!);
}
