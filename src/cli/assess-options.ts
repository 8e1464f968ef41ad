/** Options shared by the commands that cross-reference a disclosure (`check`, `report`, `batch`). */

import type { Options } from "yargs";
import { BUILT_IN_MAPPING_NAME } from "../mapping/built-in.js";

export const assessOptions = {
  mapping: {
    type: "string",
    describe: `Mapping file (CSV, XLSX or JSON) that replaces the ${BUILT_IN_MAPPING_NAME} mapping`,
  },
  evidence: {
    type: "string",
    // Not an array option: yargs would take the form that follows
    // `--evidence e.xml` as a second evidence file. Repeating the flag still
    // collects every file, and coerce makes a single one a list too.
    coerce: (value: string | string[]) => [value].flat(),
    describe:
      "Evidence file: CIS-CAT XCCDF/ARF results or a CSV attestation; repeat the option for more",
  },

  platform: {
    type: "string",
    describe: "Platform ID that overrides detection, e.g. win7, winxp, win10",
  },
} as const satisfies Record<string, Options>;

export type { AssessSources as AssessArguments } from "../crossref/load-options.js";
export { loadAssessOptions } from "../crossref/load-options.js";
