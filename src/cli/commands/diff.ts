/** `mds2 diff OLD NEW`: what changed between two disclosures of a device. */

import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { assess } from "../../crossref/index.js";
import { diffDisclosures, formatDiff } from "../../crossref/diff.js";
import { parseFile } from "../../parse.js";
import { loadAssessOptions } from "../assess-options.js";
import { writeCommandOutput } from "./output.js";

interface DiffArguments {
  old: string;
  new: string;
  json: boolean;
  output?: string;
  platform?: string;
}

export const diffCommand: CommandModule<object, DiffArguments> = {
  command: "diff <old> <new>",
  describe:
    "Show what changed between two MDS2 forms of a device, findings included",
  builder: (yargs: Argv) =>
    yargs
      .positional("old", {
        type: "string",
        describe: "The earlier MDS2 form",
        demandOption: true,
      })
      .positional("new", {
        type: "string",
        describe: "The later MDS2 form",
        demandOption: true,
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "Print the changes as JSON (schema mds2.diff/1)",
      })
      .option("output", {
        alias: "o",
        type: "string",
        describe:
          "File to write, replaced atomically; standard output when left out",
      })
      .option("platform", {
        type: "string",
        describe: "Platform ID for both assessments, e.g. win7, winxp, win10",
      })
      .example(
        "$0 diff device-2021.xlsx device-2023.xlsx",
        "changes as text",
      ) as unknown as Argv<DiffArguments>,
  handler: async (args: ArgumentsCamelCase<DiffArguments>) => {
    const before = await parseFile(args.old);
    const after = await parseFile(args.new);
    // Both forms are assessed alike, with the built-in mapping, so their findings compare.
    const options = await loadAssessOptions(
      args.platform === undefined ? {} : { platform: args.platform },
    );
    const diff = diffDisclosures(before, after, {
      before: assess(before, options),
      after: assess(after, options),
    });
    const content = args.json
      ? `${JSON.stringify(diff, null, 2)}\n`
      : formatDiff(diff);
    await writeCommandOutput(content, args.output, [args.old, args.new]);
  },
};
