/** The summary `mds2 batch` prints when it ends. */

import path from "node:path";
import { SEVERITIES } from "../model/assessment.js";
import { printable } from "../terminal-text.js";
import type { BatchSummary, InputIssue } from "./run-batch.js";

/** Skips and failures listed one per line; the rest are counted and left to the catalog report. */
export const MAX_LISTED = 50;

/** Returns the summary as lines of text, ending with a newline. */
export function formatSummary(
  summary: BatchSummary,
  cwd = process.cwd(),
): string {
  const lines: string[] = [];
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const rate =
    summary.elapsedMs > 0
      ? (summary.inputs - summary.notProcessed) / (summary.elapsedMs / 1000)
      : 0;

  const state = summary.status === "interrupted" ? "interrupted" : "done";
  lines.push(
    `mds2 batch ${state}: ${count(summary.inputs, "input")} in ${seconds} s (${rate.toFixed(1)} files/s, ` +
      `${count(summary.jobs, "worker")}, peak memory ${Math.round(summary.peakRssMb)} MB)`,
  );

  const skipped =
    summary.alreadyRecorded > 0
      ? `${summary.skipped} (${summary.alreadyRecorded} already in the catalog)`
      : `${summary.skipped}`;
  const parsed =
    summary.reassessed > 0
      ? `${summary.parsed} (${summary.reassessed} reassessed)`
      : `${summary.parsed}`;
  lines.push(
    `  parsed ${parsed}, skipped ${skipped}, failed ${summary.failed}`,
  );
  if (summary.notProcessed > 0) {
    lines.push(
      `  not processed ${summary.notProcessed}: run the same command again to continue`,
    );
  }

  const findings = SEVERITIES.map(
    (severity) => `${severity} ${summary.findingsBySeverity[severity]}`,
  );
  lines.push(`  findings: ${findings.join(", ")}`);

  lines.push(...listIssues("failed", summary.failures));
  lines.push(...listIssues("skipped", summary.skips));

  lines.push(`  catalog: ${printable(shortPath(summary.catalogFile, cwd))}`);
  const report = summary.reportFiles[0];
  if (report !== undefined)
    lines.push(`  report: ${printable(shortPath(report, cwd))}`);
  if (summary.notReassessed > 0) lines.push(reassessNote(summary));
  return `${lines.join("\n")}\n`;
}

/** Returns the note that skipped inputs were assessed with other options than this run's. */
function reassessNote(summary: BatchSummary): string {
  const verb = summary.notReassessed === 1 ? "was" : "were";
  return (
    `note: ${count(summary.notReassessed, "input")} already in the catalog ${verb} ` +
    `not assessed again with this run's ${summary.changedOptions.join("/")}; ` +
    "add --reassess to update them"
  );
}

function listIssues(state: string, issues: readonly InputIssue[]): string[] {
  if (issues.length === 0) return [];
  const lines = [`${state}:`];
  for (const issue of issues.slice(0, MAX_LISTED)) {
    lines.push(printable(`  ${issue.name}: ${issue.reason} [${issue.code}]`));
  }
  if (issues.length > MAX_LISTED) {
    lines.push(
      `  ... and ${issues.length - MAX_LISTED} more, listed in the catalog report`,
    );
  }
  return lines;
}

/** Returns "1 input", "2 inputs". */
export function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? "" : "s"}`;
}

function shortPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? file
    : relative;
}
