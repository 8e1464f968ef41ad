/** The options a run records in the catalog, and which of them change an assessment. */

import type { BatchSettings } from "./batch-run.js";
import type { BatchOptions } from "./options.js";

/** Returns the options stored with a run as `runs.options`. */
export function recordedOptions(
  options: BatchOptions,
  settings: BatchSettings,
): Record<string, unknown> {
  return {
    inputs: options.inputs,
    outputDir: settings.outputDir,
    formats: settings.formats,
    jobs: settings.jobs,
    timeoutSeconds: settings.timeoutSeconds,
    maxMemoryMb: settings.maxMemoryMb,
    mapping: options.mapping ?? null,
    evidence: options.evidence ?? [],
    platform: options.platform ?? null,
    reassess: options.reassess ?? false,
  };
}

/** Recorded options that change a device's assessment or outputs, with their command-line names. */
const ASSESSMENT_OPTIONS: readonly { key: string; flag: string }[] = [
  { key: "mapping", flag: "--mapping" },
  { key: "evidence", flag: "--evidence" },
  { key: "platform", flag: "--platform" },
  { key: "formats", flag: "--format" },
];

/**
 * Returns the command-line names of the assessment options whose values
 * differ between two recorded option sets. An option missing from either set
 * is not compared. Mapping and evidence files are compared by the path as
 * given, so an edited file under the same path counts as unchanged.
 */
export function changedOptions(
  recorded: Record<string, unknown>,
  current: Record<string, unknown>,
): string[] {
  return ASSESSMENT_OPTIONS.filter(({ key }) => {
    if (!(key in recorded) || !(key in current)) return false;
    return comparable(key, recorded[key]) !== comparable(key, current[key]);
  }).map(({ flag }) => flag);
}

// The order of the formats does not change what is written.
function comparable(key: string, value: unknown): string {
  if (key === "formats" && Array.isArray(value)) {
    return JSON.stringify([...(value as unknown[])].map(String).sort());
  }
  return JSON.stringify(value ?? null);
}
