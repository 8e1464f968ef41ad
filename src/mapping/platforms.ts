/** Operating systems a device may run, with the control platforms and support dates of each. */

import data from "./platforms.json" with { type: "json" };

export interface PlatformDef {
  id: string;
  name: string;
  family: "windows" | "linux" | "rtos" | "none" | "unknown";
  /** Platform IDs of mapping controls that exist on this platform. */
  controlPlatforms: string[];
  patterns: string[];
  /** ISO date when the vendor's support for the mainstream editions ended. */
  endOfSupport?: string;
  /** Edition nuances (long-term servicing, embedded, paid extended updates). */
  note?: string;
  /** Text that suggests a long-term servicing edition whose support runs longer. */
  ltscPatterns?: string[];
}

/** Date the end-of-support dates were last checked. */
export const PLATFORM_DATES_CHECKED: string = data.checked;

export const PLATFORMS: readonly PlatformDef[] =
  data.platforms as PlatformDef[];

export function findPlatform(id: string): PlatformDef | undefined {
  const wanted = id.trim().toLowerCase();
  return PLATFORMS.find((platform) => platform.id === wanted);
}
