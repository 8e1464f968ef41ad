/** Mapping exports keyed by format: JSON (what `loadMapping` reads back), long-form CSV and OSCAL. */

import type { Mapping } from "../control.js";
import { mappingToCsv } from "./csv.js";
import { mappingToOscal, type OscalExportOptions } from "./oscal.js";

export type MappingExportFormat = "json" | "csv" | "oscal";

export const MAPPING_EXPORT_FORMATS: readonly MappingExportFormat[] = [
  "json",
  "csv",
  "oscal",
];

/** Schema tag of the JSON export. */
export const MAPPING_SCHEMA = "mds2.mapping/1";

const exporters: Record<
  MappingExportFormat,
  (mapping: Mapping, options: OscalExportOptions) => string
> = {
  json: (mapping) =>
    `${JSON.stringify({ schema: MAPPING_SCHEMA, name: mapping.name, controls: mapping.controls }, null, 2)}\n`,
  csv: (mapping) => mappingToCsv(mapping),
  oscal: (mapping, options) =>
    `${JSON.stringify(mappingToOscal(mapping, options), null, 2)}\n`,
};

/** Renders the mapping in `format` as text. */
export function exportMapping(
  mapping: Mapping,
  format: MappingExportFormat,
  options: OscalExportOptions = {},
): string {
  return exporters[format](mapping, options);
}

export { formatCisReference, mappingToCsv } from "./csv.js";
export { mappingToOscal, type OscalExportOptions } from "./oscal.js";
