/** `mds2 parse FILE`: print the normalized disclosure as a summary, JSON or CSV. */

import type { Argv, CommandModule } from "yargs";
import type { AnswerValue, Disclosure } from "../../model/disclosure.js";
import { parseFile } from "../../parse.js";
import { renderAnswersCsv } from "../../render/csv.js";
import { printable } from "../../terminal-text.js";
import { writeCommandOutput } from "./output.js";

interface ParseArgs {
  file: string;
  json?: boolean;
  csv?: boolean;
  output?: string;
}

const VALUE_LABELS: Record<AnswerValue, string> = {
  yes: "yes",
  no: "no",
  na: "n/a",
  "see-note": "see note",
  unanswered: "unanswered",
  text: "text",
  unrecognized: "unrecognized",
};

/** How many problems of one code the summary lists before counting the rest. */
const PROBLEMS_SHOWN_PER_CODE = 10;

export const parseCommand: CommandModule<object, ParseArgs> = {
  command: "parse <file>",
  describe: "Read one MDS2 form and print the normalized disclosure",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", {
        type: "string",
        describe:
          "MDS2 form (.xlsx, .xls, PDF or text); - reads standard input",
        demandOption: true,
      })
      .option("json", {
        type: "boolean",
        describe: "Print the disclosure record as JSON",
        conflicts: "csv",
      })
      .option("csv", {
        type: "boolean",
        describe: "Print one CSV row per answer",
      })
      .option("output", {
        alias: "o",
        type: "string",
        describe: "Write to this file instead of standard output",
      })
      .example("$0 parse vendor.xlsx", "summary of the answers and problems")
      .example(
        "$0 parse vendor.xlsx --json -o vendor.json",
        "the record as JSON",
      ) as Argv<ParseArgs>,
  handler: async (args) => {
    // yargs 18 hands a lone `-` positional over as an empty string.
    const file = args.file === "" ? "-" : args.file;
    const disclosure = await parseFile(file);
    const output = args.json
      ? `${JSON.stringify(disclosure, null, 2)}\n`
      : args.csv
        ? renderAnswersCsv(disclosure)
        : formatSummary(disclosure);
    await writeCommandOutput(output, args.output, [file]);
  },
};

/** Formats a short summary: edition, device, answer counts by value, problems. */
export function formatSummary(disclosure: Disclosure): string {
  const lines = [
    `${disclosure.source.file}: ${disclosure.edition}, ${disclosure.answers.length} answers`,
  ];

  const { device } = disclosure;
  const name =
    [device.manufacturer, device.model].filter(Boolean).join(" ") ||
    "(not given)";
  const details = [
    device.documentId && `document ${device.documentId}`,
    device.releaseDate && `released ${device.releaseDate}`,
  ].filter(Boolean);
  lines.push(
    `Device: ${name}${details.length > 0 ? ` (${details.join(", ")})` : ""}`,
  );
  if (device.description) lines.push(`Description: ${device.description}`);

  const counts = new Map<AnswerValue, number>();
  for (const answer of disclosure.answers)
    counts.set(answer.value, (counts.get(answer.value) ?? 0) + 1);
  const countText = (Object.keys(VALUE_LABELS) as AnswerValue[])
    .filter((value) => counts.has(value))
    .map((value) => `${VALUE_LABELS[value]} ${counts.get(value)}`)
    .join(", ");
  lines.push(`Answers: ${countText || "none"}`);
  lines.push(`Notes: ${disclosure.notes.length}`);

  if (disclosure.problems.length === 0) lines.push("Problems: none");
  else {
    lines.push(`Problems: ${disclosure.problems.length}`);
    const shownByCode = new Map<string, number>();
    for (const problem of disclosure.problems) {
      const shown = shownByCode.get(problem.code) ?? 0;
      shownByCode.set(problem.code, shown + 1);
      if (shown >= PROBLEMS_SHOWN_PER_CODE) continue;
      const place = problem.location ? ` ${problem.location}` : "";
      lines.push(
        `  ${problem.severity} ${problem.code}${place}: ${problem.message}`,
      );
    }
    for (const [code, count] of shownByCode) {
      if (count <= PROBLEMS_SHOWN_PER_CODE) continue;
      lines.push(
        `  … ${count - PROBLEMS_SHOWN_PER_CODE} more ${code} problems; --json lists them all`,
      );
    }
  }
  return `${lines.map(printable).join("\n")}\n`;
}
