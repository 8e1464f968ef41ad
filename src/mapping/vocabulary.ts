/** The values a mapping row may use: capability codes, MDS2 sections, platform IDs, question IDs. */

import { PLATFORMS } from "../crossref/platform.js";
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
  const wanted = text.trim().toLowerCase();
  if (PLATFORM_IDS.has(wanted)) return wanted;
  return PLATFORM_NAMES.get(wanted);
}

export function isSectionCode(code: string): boolean {
  return (NON_CAPABILITY_SECTIONS as readonly string[]).includes(
    code.toUpperCase(),
  );
}

export { isCapabilityCode };

// The 2019 form has no CNFS section, and OTHR is this project's tag, not a form section.
const SECTION_PREFIXES = [
  ...CAPABILITY_CODES.filter((code) => code !== "CNFS"),
  ...NON_CAPABILITY_SECTIONS.filter((code) => code !== "OTHR"),
];
const QUESTION_ID = new RegExp(
  `^(?:${SECTION_PREFIXES.join("|")})-\\d+(?:\\.\\d+)*$`,
);

/**
 * Returns the canonical 2019 question ID: upper case, ASCII hyphen, no spaces,
 * and `SHAD-15` (a typo in NEMA's own template) as `SAHD-15`.
 */
export function canonicalQuestionId(text: string): string {
  const id = text
    .trim()
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, "");
  return id === "SHAD-15" ? "SAHD-15" : id;
}

/** True for IDs shaped like a 2019 question: a 2019 section prefix, a hyphen and dotted numbers. */
export function isQuestionId(id: string): boolean {
  return QUESTION_ID.test(id);
}
