/** The values a mapping row may use: capability codes, MDS2 sections, platform IDs, question IDs. */

import { PLATFORMS } from "./platforms.js";
import { findQuestion } from "../forms/editions.js";
import { CAPABILITIES, isCapabilityCode } from "../model/capabilities.js";

/** Platform IDs the built-in controls use, from Windows XP to Windows 11. */
export const WINDOWS_PLATFORMS = [
  "winxp",
  "win7",
  "win8.1",
  "win10",
  "win11",
  "winserver",
  "win-embedded",
] as const;

/** MDS2 2019 sections that have no IEC TR 80001-2-2 capability; `OTHR` marks rows with no fit at all. */
export const NON_CAPABILITY_SECTIONS = [
  "DOC",
  "MPII",
  "CONN",
  "SBOM",
  "RMOT",
  "OTHR",
] as const;

export const CAPABILITY_CODES: readonly string[] = CAPABILITIES.map(
  (capability) => capability.code,
);

// Detection results that name no platform a control could exist on.
const NOT_CONTROL_PLATFORMS = new Set(["none", "unknown", "windows"]);

// Detected platforms and the control platform tags they accept (`win8+`, `linux`, ...).
const PLATFORM_IDS = new Set<string>(
  [
    ...WINDOWS_PLATFORMS,
    ...PLATFORMS.map((platform) => platform.id),
    ...PLATFORMS.flatMap((platform) => platform.controlPlatforms),
  ].filter((id) => !NOT_CONTROL_PLATFORMS.has(id)),
);

const PLATFORM_NAMES = new Map(
  PLATFORMS.filter((platform) => PLATFORM_IDS.has(platform.id)).map(
    (platform) => [platform.name.toLowerCase(), platform.id],
  ),
);

/** Lists every platform ID a control may name, sorted. In a file, `windows` also stands for all Windows platforms. */
export function platformIds(): string[] {
  return [...PLATFORM_IDS].sort();
}

/** Returns the platform ID for an ID or display name (`Windows 7` → `win7`), or undefined. */
export function canonicalPlatform(text: string): string | undefined {
  const normalized = text.trim().toLowerCase();
  if (PLATFORM_IDS.has(normalized)) return normalized;
  return PLATFORM_NAMES.get(normalized);
}

export function isSectionCode(code: string): boolean {
  return (NON_CAPABILITY_SECTIONS as readonly string[]).includes(
    code.toUpperCase(),
  );
}

export { isCapabilityCode };
export { canonicalQuestionId } from "../forms/question-id.js";

/** True when the 2019 form has a question with this canonical ID. */
export function isQuestionId(id: string): boolean {
  return findQuestion("HN 1-2019", id) !== undefined;
}
