/** `mds2 mapping show|validate|export`: inspect, check and export control mappings. */

import type { ArgumentsCamelCase, Argv, CommandModule, Options } from "yargs";
import { PLATFORMS, findPlatform } from "../../mapping/platforms.js";
import { Mds2Error } from "../../errors.js";
import type { Control, Mapping } from "../../mapping/control.js";
import {
  BUILT_IN_MAPPING_NAME,
  MAPPING_EXPORT_FORMATS,
  MappingValidationError,
  builtInMapping,
  exportMapping,
  extendMapping,
  filterMapping,
  formatMappingIssue,
  loadMappingFile,
  type MappingExportFormat,
} from "../../mapping/index.js";
import { formatCisReference } from "../../mapping/export/csv.js";
import {
  WINDOWS_PLATFORMS,
  canonicalPlatform,
  isCapabilityCode,
  platformIds,
  isSectionCode,
} from "../../mapping/vocabulary.js";
import { EXIT_INPUT } from "../exit-codes.js";
import { printable } from "../../terminal-text.js";
import { writeCommandOutput } from "./output.js";

interface SourceArguments {
  mapping?: string;
  mappingExtend?: string;
  includeLow: boolean;
}

interface ShowArguments extends SourceArguments {
  capability?: string;
  platform?: string;
}

interface ValidateArguments {
  file: string;
}

interface ExportArguments extends SourceArguments {
  format: MappingExportFormat;
  output?: string;
}

const sourceOptions = {
  mapping: {
    type: "string",
    describe:
      "Mapping file (.csv, .xlsx or .json) used instead of the built-in mapping",
    conflicts: "mapping-extend",
  },
  "mapping-extend": {
    type: "string",
    describe:
      "Mapping file whose controls are added to the built-in ones; a control with a built-in ID replaces it",
  },
  "include-low": {
    type: "boolean",
    default: false,
    describe: "Also include the built-in controls of low mapping confidence",
  },
} as const satisfies Record<string, Options>;

/** Loads the mapping the options name: built-in, replaced by --mapping, or extended by --mapping-extend. */
async function selectMapping(args: SourceArguments): Promise<Mapping> {
  if (args.mapping !== undefined && args.mapping !== BUILT_IN_MAPPING_NAME) {
    return loadMappingFile(args.mapping);
  }
  const builtIn = builtInMapping({ includeLow: args.includeLow });
  if (args.mappingExtend === undefined) return builtIn;
  return extendMapping(builtIn, await loadMappingFile(args.mappingExtend));
}

const showCommand: CommandModule<object, ShowArguments> = {
  command: "show",
  describe: "Print the controls of a mapping as a table",
  builder: (yargs: Argv) =>
    yargs
      .options(sourceOptions)
      .option("capability", {
        type: "string",
        describe: "Only controls mapped to this capability code, e.g. ALOF",
      })
      .option("platform", {
        type: "string",
        describe:
          "Only controls that exist on this platform, e.g. win7, winxp, win10",
      })
      .example(
        "$0 mapping show --capability ALOF --platform win7",
        "automatic-logoff controls on Windows 7",
      )
      .example(
        "$0 mapping show --mapping my-matrix.xlsx",
        "a user mapping instead of the built-in one",
      ) as unknown as Argv<ShowArguments>,
  handler: async (args: ArgumentsCamelCase<ShowArguments>) => {
    const filter: { capability?: string; platforms?: string[] } = {};
    if (args.capability !== undefined)
      filter.capability = checkedCapability(args.capability);
    if (args.platform !== undefined)
      filter.platforms = platformTags(args.platform);

    const mapping = filterMapping(await selectMapping(args), filter);
    process.stdout.write(formatMappingTable(mapping));
  },
};

const validateCommand: CommandModule<object, ValidateArguments> = {
  command: "validate <file>",
  describe: "Check a mapping file and list every invalid row",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", {
        type: "string",
        describe:
          "Mapping file: .csv, .xlsx or .json, long form or a capability grid",
        demandOption: true,
      })
      .example(
        "$0 mapping validate controls.csv",
        'prints "valid: N controls" or the row errors',
      ) as unknown as Argv<ValidateArguments>,
  handler: async (args: ArgumentsCamelCase<ValidateArguments>) => {
    try {
      const mapping = await loadMappingFile(args.file);
      process.stdout.write(`valid: ${mapping.controls.length} controls\n`);
    } catch (error) {
      if (!(error instanceof MappingValidationError)) throw error;
      for (const issue of error.issues)
        process.stderr.write(`${printable(formatMappingIssue(issue))}\n`);
      const count = `${error.issues.length}${error.truncated ? "+" : ""}`;
      process.stderr.write(`invalid: ${count} row errors in ${args.file}\n`);
      process.exitCode = EXIT_INPUT;
    }
  },
};

const exportCommand: CommandModule<object, ExportArguments> = {
  command: "export",
  describe: "Write a mapping as JSON, CSV or an OSCAL mapping-collection",
  builder: (yargs: Argv) =>
    yargs
      .options(sourceOptions)
      .option("format", {
        type: "string",
        choices: MAPPING_EXPORT_FORMATS,
        default: "json",
        describe:
          "Output format: json (reloadable), csv (long form, one row per capability) or oscal",
      })
      .option("output", {
        alias: "o",
        type: "string",
        describe: "Output file, written atomically (default: standard output)",
      })
      .example(
        "$0 mapping export --format oscal -o mapping-collection.json",
        "OSCAL 1.2 mapping-collection",
      )
      .example(
        "$0 mapping export --format csv --include-low -o controls.csv",
        "every built-in row, editable",
      ) as unknown as Argv<ExportArguments>,
  handler: async (args: ArgumentsCamelCase<ExportArguments>) => {
    const mapping = await selectMapping(args);
    const inputs = [args.mapping, args.mappingExtend].filter(
      (input): input is string => input !== undefined,
    );
    await writeCommandOutput(
      exportMapping(mapping, args.format),
      args.output,
      inputs,
    );
  },
};

export const mappingCommand: CommandModule<object, object> = {
  command: "mapping <command>",
  describe: "Show, validate or export the control mapping",
  builder: (yargs: Argv) =>
    yargs
      .command(showCommand)
      .command(validateCommand)
      .command(exportCommand)
      .demandCommand(1, "Name a mapping command: show, validate or export.")
      .epilogue(
        "A mapping file is CSV, XLSX or JSON. Tables are either long form (columns control id, " +
          "capability, role, platforms, cis, questions, ...; one row per control and capability) " +
          "or a grid with one column per capability code and x, 1, ✓, P or S where a row supports it. " +
          "--mapping replaces the built-in mapping; --mapping-extend adds to it.",
      ) as Argv<object>,
  handler: () => {},
};

function checkedCapability(code: string): string {
  if (isCapabilityCode(code) || isSectionCode(code)) return code.toUpperCase();
  throw new Mds2Error("usage", `"${code}" is not a capability code`, {
    hint: "Use an IEC TR 80001-2-2 code such as ALOF, AUDT or PAUT.",
  });
}

/**
 * Returns a detected-platform ID with the control platform tags it accepts,
 * or a control platform tag itself; throws a usage error for anything else.
 */
function platformTags(id: string): string[] {
  const normalized = id.trim().toLowerCase();
  const platform = findPlatform(normalized);
  if (platform) return [platform.id, ...platform.controlPlatforms];
  const tag = canonicalPlatform(normalized);
  if (tag) return [tag];
  const known = [
    ...new Set([...PLATFORMS.map((known) => known.id), ...platformIds()]),
  ];
  throw new Mds2Error("usage", `unknown platform "${id}"`, {
    hint: `Use one of: ${known.join(", ")}.`,
  });
}

const TITLE_WIDTH = 56;

/** Formats a plain-text table: ID, title, capabilities (secondary ones in brackets), platforms, CIS numbers, confidence. */
export function formatMappingTable(mapping: Mapping): string {
  const header = [
    "ID",
    "Title",
    "Capabilities",
    "Platforms",
    "CIS",
    "Confidence",
  ];
  // A user mapping file may carry terminal controls in any cell, so every cell
  // is escaped before the column widths are measured.
  const rows = mapping.controls.map((control) =>
    [
      control.id,
      truncate(control.title, TITLE_WIDTH),
      capabilityCell(control),
      platformCell(control.platforms),
      control.cis.map(cisNumber).join(", "),
      `${control.confidence.fact}/${control.confidence.mapping}`,
    ].map(printable),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column]!),
      )
      .join("  ");
  const footer = `${mapping.controls.length} controls (${printable(mapping.name)})`;
  return `${[line(header), ...rows.map(line), "", footer].join("\n")}\n`;
}

function capabilityCell(control: Control): string {
  const codes = control.capabilities.map((capability) =>
    capability.role === "primary" ? capability.code : `(${capability.code})`,
  );
  return [
    ...codes,
    ...(control.sections ?? []).map((code) => `[${code}]`),
  ].join(" ");
}

/** Platform list, shortened when it names every Windows platform or all but XP. */
function platformCell(platforms: readonly string[]): string {
  const missing = WINDOWS_PLATFORMS.filter(
    (platform) => !platforms.includes(platform),
  );
  const others = platforms.filter(
    (platform) => !(WINDOWS_PLATFORMS as readonly string[]).includes(platform),
  );
  if (missing.length === 0) return ["windows", ...others].join(",");
  if (missing.length === 1 && missing[0] === "winxp")
    return ["windows-except-xp", ...others].join(",");
  return platforms.join(",");
}

function cisNumber(reference: Control["cis"][number]): string {
  return formatCisReference({
    benchmark: "unspecified",
    version: "unspecified",
    recommendation: reference.recommendation,
    section: reference.section,
  });
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
