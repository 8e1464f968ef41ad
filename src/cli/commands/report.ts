/** `mds2 report`: the analyst's report set for one MDS2 form. */

import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { assess } from "../../crossref/index.js";
import { Mds2Error } from "../../errors.js";
import { parseDisclosure, readInput, STDIN_NAME } from "../../parse.js";
import { outputFormats, renderOutputs } from "../../render/index.js";
import { reportBaseName, writeOutputs } from "../../render/write-outputs.js";
import {
  assessOptions,
  loadAssessOptions,
  type AssessArguments,
} from "../assess-options.js";

export const DEFAULT_REPORT_DIR = "./mds2-report";

interface ReportArguments extends AssessArguments {
  file: string;
  output: string;
  format: string[];
}

/** Splits `--format html,json --format csv` into known formats, without repeats. */
export function parseFormats(values: readonly string[]): string[] {
  const known = outputFormats();
  const formats: string[] = [];
  for (const value of values.flatMap((item) => item.split(","))) {
    const format = value.trim().toLowerCase();
    if (format === "") continue;
    if (!known.includes(format)) {
      throw new Mds2Error("usage", `unknown report format "${format}"`, {
        hint: `Choose from ${known.join(", ")}.`,
      });
    }
    if (!formats.includes(format)) formats.push(format);
  }
  if (formats.length === 0) {
    throw new Mds2Error("usage", "no report format given", {
      hint: `Choose from ${known.join(", ")}.`,
    });
  }
  return formats;
}

export const reportCommand: CommandModule<object, ReportArguments> = {
  command: "report <file>",
  describe:
    "Write the annotated report (HTML and other formats) for one MDS2 form",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", {
        type: "string",
        describe: "MDS2 form: .xlsx, .xls, PDF or text; - reads standard input",
        demandOption: true,
      })
      .option("output", {
        alias: "o",
        type: "string",
        default: DEFAULT_REPORT_DIR,
        describe: "Folder to write the report files into; created when missing",
      })
      .option("format", {
        type: "string",
        array: true,
        default: ["html"],
        describe: `Comma-separated output formats: ${outputFormats().join(", ")}`,
      })
      .options(assessOptions) as unknown as Argv<ReportArguments>,
  handler: async (args: ArgumentsCamelCase<ReportArguments>) => {
    const formats = parseFormats(args.format);
    const options = await loadAssessOptions(args);
    const bytes = await readInput(args.file);
    const disclosure = await parseDisclosure(
      bytes,
      args.file === "-" ? STDIN_NAME : args.file,
    );
    const assessment = assess(disclosure, options);

    const files = await renderOutputs(disclosure, assessment, formats, {
      sourceBytes: bytes,
    });
    const paths = await writeOutputs(
      args.output,
      reportBaseName(disclosure),
      files,
      [args.file],
    );
    process.stdout.write(paths.map((path) => `${path}\n`).join(""));
  },
};
