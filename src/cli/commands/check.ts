/** `mds2 check`: cross-reference one MDS2 form and summarize its findings. */

import pc from "picocolors";
import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { assess } from "../../crossref/index.js";
import {
  builtInMapping,
  BUILT_IN_MAPPING_NAME,
} from "../../mapping/built-in.js";
import {
  SEVERITIES,
  type Assessment,
  type CapabilityStatus,
  type Finding,
  type Severity,
} from "../../model/assessment.js";
import { parseFile } from "../../parse.js";
import { EXIT_FINDINGS } from "../exit-codes.js";
import { printable } from "../../terminal-text.js";
import {
  assessOptions,
  loadAssessOptions,
  type AssessArguments,
} from "../assess-options.js";

interface CheckArguments extends AssessArguments {
  file: string;
  includeLow: boolean;
  failOn?: Severity;
  json: boolean;
}

export const checkCommand: CommandModule<object, CheckArguments> = {
  command: "check <file>",
  describe:
    "Cross-reference an MDS2 form with the mapping and evidence; list the findings",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", {
        type: "string",
        describe: "MDS2 form: .xlsx, .xls, PDF or text; - reads standard input",
        demandOption: true,
      })
      .options(assessOptions)
      .option("include-low", {
        type: "boolean",
        default: false,
        describe: "Also use the built-in controls of low mapping confidence",
      })
      .option("fail-on", {
        type: "string",
        choices: SEVERITIES,
        describe:
          "Exit with code 1 when a finding has this severity or a higher one",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "Print the assessment as JSON (schema mds2.assessment/1)",
      })
      .example("$0 check vendor.xlsx", "summary of capabilities and findings")
      .example(
        "$0 check vendor.xlsx --evidence cis-cat.xml --fail-on high",
        "exit 1 when a finding is high or critical",
      ) as unknown as Argv<CheckArguments>,
  handler: async (args: ArgumentsCamelCase<CheckArguments>) => {
    const options = await loadAssessOptions(args);
    if (args.includeLow && options.mapping.name === BUILT_IN_MAPPING_NAME) {
      options.mapping = builtInMapping({ includeLow: true });
    }
    const disclosure = await parseFile(args.file);
    const assessment = assess(disclosure, options);

    if (args.json) {
      process.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
    } else {
      process.stdout.write(
        formatCheckSummary(assessment, { color: useColor() }),
      );
    }
    if (args.failOn && reaches(assessment.findings, args.failOn)) {
      process.exitCode = EXIT_FINDINGS;
    }
  },
};

/** True when any finding is as severe as `threshold` or more. */
export function reaches(
  findings: readonly Finding[],
  threshold: Severity,
): boolean {
  const limit = SEVERITIES.indexOf(threshold);
  return findings.some(
    (finding) => SEVERITIES.indexOf(finding.severity) <= limit,
  );
}

/** Colors only on a terminal, and never when `NO_COLOR` is set to a non-empty value. */
export function useColor(
  isTerminal = process.stdout.isTTY === true,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const noColor = env["NO_COLOR"];
  return isTerminal && (noColor === undefined || noColor === "");
}

type Colors = ReturnType<typeof pc.createColors>;

const STATUS_COLORS: Record<
  CapabilityStatus,
  (colors: Colors, text: string) => string
> = {
  contradicted: (colors, text) => colors.red(colors.bold(text)),
  gap: (colors, text) => colors.red(text),
  unsupported: (colors, text) => colors.yellow(text),
  unverified: (colors, text) => colors.yellow(text),
  verified: (colors, text) => colors.green(text),
  "not-applicable": (colors, text) => colors.dim(text),
  "not-assessed": (colors, text) => colors.dim(text),
};

const SEVERITY_COLORS: Record<
  Severity,
  (colors: Colors, text: string) => string
> = {
  critical: (colors, text) => colors.bgRed(colors.white(colors.bold(text))),
  high: (colors, text) => colors.red(colors.bold(text)),
  medium: (colors, text) => colors.yellow(text),
  low: (colors, text) => colors.cyan(text),
  info: (colors, text) => colors.dim(text),
};

/**
 * Formats the terminal summary: device, platform, a capability status table and the
 * findings by severity. Informational findings are counted, not listed; the
 * JSON output has them all.
 */
export function formatCheckSummary(
  assessment: Assessment,
  options: { color: boolean },
): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];

  lines.push(colors.bold(`${assessment.source.file} (${assessment.edition})`));
  lines.push(`Device:   ${deviceLine(assessment)}`);
  lines.push(`Platform: ${platformLine(assessment)}`);
  lines.push(
    `Mapping:  ${assessment.mapping.name}, ${assessment.mapping.controls} controls`,
  );
  if (assessment.evidence.files.length > 0) {
    const unmatched = assessment.evidence.unmatched.length;
    lines.push(
      `Evidence: ${assessment.evidence.files.join(", ")}` +
        (unmatched > 0
          ? ` (${unmatched} result${unmatched === 1 ? "" : "s"} matched no control)`
          : ""),
    );
  }
  lines.push("");

  lines.push(...capabilityTable(assessment, colors));
  lines.push("");
  lines.push(...findingLines(assessment, colors));
  return `${lines.join("\n")}\n`;
}

function deviceLine(assessment: Assessment): string {
  const device = assessment.device;
  const parts = [device.manufacturer, device.model, device.description].filter(
    (part): part is string => Boolean(part && part.trim()),
  );
  return parts.length > 0 ? printable(parts.join(" / ")) : "(not stated)";
}

function platformLine(assessment: Assessment): string {
  const platform = assessment.platform;
  const origin =
    platform.from === "option"
      ? "given with --platform"
      : platform.from === "default"
        ? "not named in the disclosure: every mapped control counts; narrow with --platform"
        : `detected from "${printable(platform.evidence[0]?.text ?? "")}"` +
          (platform.evidence[0]?.location
            ? ` at ${platform.evidence[0].location}`
            : "");
  const support = platform.endOfSupport
    ? `; vendor support ended ${platform.endOfSupport}`
    : "";
  return `${platform.name} (${origin})${support}`;
}

function capabilityTable(assessment: Assessment, colors: Colors): string[] {
  const nameWidth =
    Math.max(
      ...assessment.capabilities.map((capability) => capability.name.length),
    ) + 2;
  const header = `${"Capability".padEnd(nameWidth + 6)}${"Status".padEnd(16)}${"Claim".padEnd(16)}Controls`;
  const rows = assessment.capabilities.map((capability) => {
    // The count the findings use: applicable primary controls.
    const deciding = capability.controls.filter(
      (control) => control.applicable && control.role === "primary",
    ).length;
    const reference = capability.controls.length - deciding;
    const status = STATUS_COLORS[capability.status](
      colors,
      capability.status.padEnd(16),
    );
    const controls =
      reference === 0 ? String(deciding) : `${deciding} (+${reference})`;
    return `${capability.code.padEnd(6)}${capability.name.padEnd(nameWidth)}${status}${capability.claim.padEnd(16)}${controls}`;
  });
  const legend = colors.dim(
    "Controls: those that decide the status (+ secondary or other-platform ones)",
  );
  return [colors.bold(header), ...rows, legend];
}

/**
 * How many findings of one kind and severity the summary lists before counting
 * the rest. It exceeds the 19 capabilities, so status findings are never cut.
 */
const FINDINGS_SHOWN_PER_KIND = 20;

function findingLines(assessment: Assessment, colors: Colors): string[] {
  const counts = SEVERITIES.filter(
    (severity) => assessment.summary.bySeverity[severity] > 0,
  ).map((severity) => `${assessment.summary.bySeverity[severity]} ${severity}`);
  const lines = [
    colors.bold(`Findings: ${counts.length > 0 ? counts.join(", ") : "none"}`),
  ];

  for (const severity of SEVERITIES) {
    if (severity === "info") continue;
    const findings = assessment.findings.filter(
      (finding) => finding.severity === severity,
    );
    if (findings.length === 0) continue;
    lines.push("", SEVERITY_COLORS[severity](colors, severity.toUpperCase()));
    const shownByKind = new Map<string, number>();
    for (const finding of findings) {
      const shown = shownByKind.get(finding.kind) ?? 0;
      shownByKind.set(finding.kind, shown + 1);
      if (shown >= FINDINGS_SHOWN_PER_KIND) continue;
      const where = finding.location
        ? colors.dim(` (${finding.location})`)
        : "";
      lines.push(`  ${finding.id}: ${printable(finding.message)}${where}`);
    }
    for (const [kind, count] of shownByKind) {
      if (count <= FINDINGS_SHOWN_PER_KIND) continue;
      lines.push(
        `  … ${count - FINDINGS_SHOWN_PER_KIND} more ${severity} ${kind} findings; --json lists them all`,
      );
    }
  }

  const info = assessment.summary.bySeverity.info;
  if (info > 0) {
    lines.push(
      "",
      colors.dim(
        `${info} informational finding${info === 1 ? "" : "s"}; --json lists them.`,
      ),
    );
  }
  return lines;
}
