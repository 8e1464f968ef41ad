/** Options shared by the commands that cross-reference a disclosure (`check`, `report`, `batch`). */

import type { Options } from "yargs";
import type { AssessOptions } from "../crossref/index.js";
import { Mds2Error } from "../errors.js";
import { BUILT_IN_MAPPING_NAME, builtInMapping } from "../mapping/built-in.js";
import type { Mapping } from "../mapping/control.js";
import { readEvidenceFiles } from "../mapping/evidence/index.js";
import { loadMappingFile } from "../mapping/load/index.js";

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

export interface AssessArguments {
  mapping?: string;
  evidence?: string[];
  platform?: string;
}

export interface LoadAssessOptions {
  /**
   * Permission to read a user mapping file named by `--mapping`. Off by
   * default, so a command that cannot pass the file on (batch workers read
   * only the built-in mapping) rejects it instead of ignoring it.
   */
  mappingFile?: boolean;
}

/** Loads the mapping and evidence the options name, for `assess`. */
export async function loadAssessOptions(
  args: AssessArguments,
  load: LoadAssessOptions = {},
): Promise<AssessOptions> {
  const options: AssessOptions = {
    mapping: await loadMapping(args.mapping, load.mappingFile === true),
  };
  if (args.evidence && args.evidence.length > 0) {
    options.evidence = await readEvidenceFiles(args.evidence);
  }
  if (args.platform !== undefined) options.platform = args.platform;
  return options;
}

async function loadMapping(
  name: string | undefined,
  fileAllowed: boolean,
): Promise<Mapping> {
  if (name === undefined || name === BUILT_IN_MAPPING_NAME)
    return builtInMapping();
  if (fileAllowed) return loadMappingFile(name);

  throw new Mds2Error(
    "usage",
    `this command reads only the ${BUILT_IN_MAPPING_NAME} mapping`,
    {
      file: name,
      hint: "Leave out --mapping.",
    },
  );
}
