/** `mds2 convert FILE --to FORMAT`: one MDS2 form in another layout or format. */

import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { assess } from "../../crossref/index.js";
import { Mds2Error } from "../../errors.js";
import type { Disclosure } from "../../model/disclosure.js";
import { parseFile } from "../../parse.js";
import { renderAnswersCsv } from "../../render/csv.js";
import {
  renderOscalAssessmentResults,
  renderOscalComponentDefinition,
} from "../../render/oscal/index.js";
import {
  assessOptions,
  loadAssessOptions,
  type AssessArguments,
} from "../assess-options.js";
import { writeCommandOutput } from "./output.js";

export const CONVERT_FORMATS = ["xlsx-2019", "json", "csv", "oscal"] as const;
export const OSCAL_KINDS = [
  "component-definition",
  "assessment-results",
] as const;

type ConvertFormat = (typeof CONVERT_FORMATS)[number];
type OscalKind = (typeof OSCAL_KINDS)[number];

interface ConvertArguments extends AssessArguments {
  file: string;
  to: ConvertFormat;
  output?: string;
  oscalKind: OscalKind;
  timestamp?: string;
}

export const convertCommand: CommandModule<object, ConvertArguments> = {
  command: "convert <file>",
  describe:
    "Convert one MDS2 form to the 2019 workbook layout, JSON, CSV or OSCAL",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", {
        type: "string",
        describe: "MDS2 form: .xlsx, .xls, PDF or text; - reads standard input",
        demandOption: true,
      })
      .option("to", {
        type: "string",
        choices: CONVERT_FORMATS,
        demandOption: true,
        describe:
          "Output format: xlsx-2019 (any edition in the HN 1-2019 workbook layout), " +
          "json (the disclosure record), csv (one row per answer), oscal (OSCAL JSON)",
      })
      .option("output", {
        alias: "o",
        type: "string",
        describe:
          "File to write, replaced atomically; standard output when left out",
      })
      .option("oscal-kind", {
        type: "string",
        choices: OSCAL_KINDS,
        default: "component-definition",
        describe:
          "OSCAL model to write: the vendor's claims (component-definition) or the " +
          "cross-reference with the built-in mapping (assessment-results)",
      })
      .option("timestamp", {
        type: "string",
        describe:
          "ISO 8601 date-time stamped in OSCAL metadata (default: the form's release date)",
      })
      .options(assessOptions)
      .example(
        "$0 convert old-2013.pdf --to xlsx-2019 -o device-2019.xlsx",
        "2019 layout",
      )
      .example(
        "$0 convert vendor.xlsx --to oscal -o vendor.oscal.json",
        "OSCAL claims",
      ) as unknown as Argv<ConvertArguments>,
  handler: async (args: ArgumentsCamelCase<ConvertArguments>) => {
    const timestamp = parseTimestamp(args.timestamp);
    if (
      args.to === "xlsx-2019" &&
      args.output === undefined &&
      process.stdout.isTTY
    ) {
      throw new Mds2Error(
        "usage",
        "the xlsx-2019 output is a binary workbook",
        {
          hint: "Name a file with -o, or redirect standard output.",
        },
      );
    }
    // yargs 18 hands a lone `-` positional over as an empty string.
    const disclosure = await parseFile(args.file === "" ? "-" : args.file);
    const content = await convert(disclosure, args, timestamp);
    await writeCommandOutput(content, args.output, [args.file]);
  },
};

async function convert(
  disclosure: Disclosure,
  args: ConvertArguments,
  timestamp: string | undefined,
): Promise<string | Uint8Array> {
  const oscalOptions = timestamp ? { timestamp } : {};
  switch (args.to) {
    case "xlsx-2019": {
      // exceljs is loaded for this format only, not for every command.
      const { renderXlsx2019 } = await import("../../render/xlsx/index.js");
      return renderXlsx2019(disclosure);
    }
    case "json":
      return `${JSON.stringify(disclosure, null, 2)}\n`;
    case "csv":
      return renderAnswersCsv(disclosure);
    case "oscal":
      if (args.oscalKind === "assessment-results") {
        const assessment = assess(disclosure, await loadAssessOptions(args));
        return renderOscalAssessmentResults(assessment, oscalOptions);
      }
      return renderOscalComponentDefinition(disclosure, oscalOptions);
  }
}

function parseTimestamp(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new Mds2Error("usage", `invalid --timestamp "${text}"`, {
      hint: "Give an ISO 8601 date-time such as 2024-05-01T00:00:00Z.",
    });
  }
  return date.toISOString();
}
