/**
 * Lookup of hardware profiles by id.
 *
 * @module
 */
import { ACCELERATORS } from "./accelerators.ts";
import { DATACENTER_GPUS } from "./datacenter.ts";
import { EDGE_DEVICES } from "./edge.ts";
import { UnknownHardwareError } from "./errors.ts";
import { priceAsOf } from "./prices.ts";
import type { HardwareProfile } from "./profile.ts";

/** Every profile: data-centre GPUs first, then other accelerators, then edge devices. */
export const HARDWARE: readonly HardwareProfile[] = [
  ...DATACENTER_GPUS,
  ...ACCELERATORS,
  ...EDGE_DEVICES,
];

const BY_ID = new Map(HARDWARE.map((profile) => [profile.id, profile]));

/** Every valid id, in catalogue order. */
export const HARDWARE_IDS: readonly string[] = HARDWARE.map((profile) => profile.id);

/** Options of {@link getHardware}. */
export interface HardwareLookupOptions {
  /**
   * a calendar date `YYYY-MM-DD`: `onDemandUsdPerHour` is then the newest price listed on or
   * before it (unknown, with the reason, when none was) instead of the current price
   */
  readonly priceAsOf?: string;
}

/**
 * Finds a profile by id.
 *
 * @param id a profile id such as `"a100-80gb"` or `"jetson-agx-orin"`
 * @param options `priceAsOf` to use an older price list
 * @returns the profile (with the price of the chosen list)
 * @throws {UnknownHardwareError} when no profile has this id; the message lists the valid ids
 * @throws {ParameterError} when `priceAsOf` is not a calendar date
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getHardware } from "./catalog.ts";
 * assert.equal(getHardware("a40").name, "NVIDIA A40 48GB");
 * const h100 = getHardware("h100-sxm", { priceAsOf: "2024-01-01" });
 * assert.equal(h100.onDemandUsdPerHour.known && h100.onDemandUsdPerHour.value, 12.29);
 * ```
 */
export function getHardware(id: string, options: HardwareLookupOptions = {}): HardwareProfile {
  const profile = BY_ID.get(id);
  if (profile === undefined) throw new UnknownHardwareError(id, HARDWARE_IDS);
  if (options.priceAsOf === undefined) return profile;
  return { ...profile, onDemandUsdPerHour: priceAsOf(profile, options.priceAsOf) };
}
