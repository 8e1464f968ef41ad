/**
 * The built-in mapping: Windows configuration settings tied to IEC TR 80001-2-2
 * capabilities and MDS2 2019 questions. The rows are this project's own
 * derivation, keyed by the Windows policy setting; CIS recommendation numbers
 * are references for one benchmark release, never join keys.
 */

import type { Control, Mapping } from "./control.js";
import data from "./built-in/controls.json" with { type: "json" };

export const BUILT_IN_MAPPING_NAME = "built-in";

// NOTE: each control's platform list comes from the Windows release that
// introduced the setting (UAC and advanced audit from Vista, the machine
// inactivity limit from Windows 8); the lists were not checked setting by
// setting against Microsoft's policy reference.
/** Every built-in control, including the low-confidence ones. */
export const BUILT_IN_CONTROLS: readonly Control[] = data.controls as Control[];

export interface BuiltInOptions {
  /** Include controls whose mapping confidence is low or whose key is uncertain. */
  includeLow?: boolean;
}

/**
 * Returns the built-in mapping. High, medium and judgment rows are on by
 * default; low-confidence rows and rows whose setting is uncertain are added
 * only with `includeLow`.
 */
export function builtInMapping(options: BuiltInOptions = {}): Mapping {
  const controls = options.includeLow
    ? BUILT_IN_CONTROLS
    : BUILT_IN_CONTROLS.filter((control) => isDefaultControl(control));
  return { name: BUILT_IN_MAPPING_NAME, controls: controls.map(copyControl) };
}

/** True unless the control is low confidence or its setting is uncertain. */
export function isDefaultControl(control: Control): boolean {
  return (
    control.confidence.mapping !== "low" &&
    control.confidence.fact !== "uncertain"
  );
}

/** Deep copy, so callers may change the result without touching the shared data. */
function copyControl(control: Control): Control {
  return structuredClone(control);
}
