/** Mappings: the built-in Windows settings mapping, user mapping files, filters and exports. */

import type { Mapping } from "./control.js";

export type {
  Control,
  ControlCapability,
  ControlCisReference,
  Mapping,
  Mechanism,
} from "./control.js";
export {
  BUILT_IN_CONTROLS,
  BUILT_IN_MAPPING_NAME,
  builtInMapping,
  isDefaultControl,
} from "./built-in.js";
export type { BuiltInOptions } from "./built-in.js";
export {
  MAX_MAPPING_ISSUES,
  MappingValidationError,
  formatMappingIssue,
  loadMapping,
  loadMappingFile,
} from "./load/index.js";
export type { MappingIssue } from "./load/index.js";
export {
  MAPPING_EXPORT_FORMATS,
  MAPPING_SCHEMA,
  exportMapping,
  mappingToOscal,
} from "./export/index.js";
export type {
  MappingExportFormat,
  OscalExportOptions,
} from "./export/index.js";
export { WINDOWS_PLATFORMS, platformIds } from "./vocabulary.js";

/**
 * Returns `base` with the controls of `extra` added; a control in `extra`
 * whose ID is already in `base` replaces it in place.
 */
export function extendMapping(base: Mapping, extra: Mapping): Mapping {
  const replacements = new Map(
    extra.controls.map((control) => [control.id, control]),
  );
  const controls = base.controls.map(
    (control) => replacements.get(control.id) ?? control,
  );
  const baseIds = new Set(base.controls.map((control) => control.id));
  controls.push(
    ...extra.controls.filter((control) => !baseIds.has(control.id)),
  );
  return { name: `${base.name} + ${extra.name}`, controls };
}

export interface MappingFilter {
  /** Capability code or MDS2 section the control must name. */
  capability?: string;
  /** Platform tags the control must exist on at least one of. */
  platforms?: readonly string[];
}

/** Returns the controls that name the capability and exist on one of the platforms. */
export function filterMapping(
  mapping: Mapping,
  filter: MappingFilter,
): Mapping {
  const code = filter.capability?.toUpperCase();
  const controls = mapping.controls.filter((control) => {
    if (code) {
      const codes = [
        ...control.capabilities.map((capability) => capability.code),
        ...(control.sections ?? []),
      ];
      if (!codes.includes(code)) return false;
    }
    if (filter.platforms) {
      if (
        !control.platforms.some((platform) =>
          filter.platforms!.includes(platform),
        )
      )
        return false;
    }
    return true;
  });
  return { name: mapping.name, controls };
}
