/**
 * Lookup of hardware profiles by id.
 *
 * @module
 */
import { DATACENTER_GPUS } from "./datacenter.ts";
import { EDGE_DEVICES } from "./edge.ts";
import { UnknownHardwareError } from "./errors.ts";
import type { HardwareProfile } from "./profile.ts";

/** Every profile: data-centre GPUs first, then edge devices. */
export const HARDWARE: readonly HardwareProfile[] = [...DATACENTER_GPUS, ...EDGE_DEVICES];

const BY_ID = new Map(HARDWARE.map((profile) => [profile.id, profile]));

/** Every valid id, in catalogue order. */
export const HARDWARE_IDS: readonly string[] = HARDWARE.map((profile) => profile.id);

/**
 * Finds a profile by id.
 *
 * @param id a profile id such as `"a100-80gb"` or `"jetson-agx-orin"`
 * @returns the profile
 * @throws {UnknownHardwareError} when no profile has this id; the message lists the valid ids
 * @example
 * ```ts
 * import { getHardware } from "./catalog.ts";
 * const a40 = getHardware("a40");
 * console.log(a40.name); // NVIDIA A40 48GB
 * ```
 */
export function getHardware(id: string): HardwareProfile {
  const profile = BY_ID.get(id);
  if (profile === undefined) throw new UnknownHardwareError(id, HARDWARE_IDS);
  return profile;
}
