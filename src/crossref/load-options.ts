/** Assessment options built from the mapping file, evidence files and platform a user names. */

import { BUILT_IN_MAPPING_NAME, builtInMapping } from "../mapping/built-in.js";
import { readEvidenceFiles } from "../mapping/evidence/index.js";
import { loadMappingFile } from "../mapping/load/index.js";
import type { AssessOptions } from "./assess.js";

export interface AssessSources {
  /** Mapping file; the built-in mapping when absent or named `built-in`. */
  mapping?: string;
  /** Evidence files: CIS-CAT XCCDF/ARF results or CSV attestations. */
  evidence?: string[];
  /** Platform ID that overrides detection. */
  platform?: string;
}

/** Reads the mapping and evidence files that `sources` names. An invalid file throws `Mds2Error`. */
export async function loadAssessOptions(
  sources: AssessSources,
): Promise<AssessOptions> {
  const options: AssessOptions = {
    mapping:
      sources.mapping === undefined || sources.mapping === BUILT_IN_MAPPING_NAME
        ? builtInMapping()
        : await loadMappingFile(sources.mapping),
  };
  if (sources.evidence && sources.evidence.length > 0) {
    options.evidence = await readEvidenceFiles(sources.evidence);
  }
  if (sources.platform !== undefined) options.platform = sources.platform;
  return options;
}
