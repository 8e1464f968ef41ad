/**
 * Writes a mapping as long-form CSV, one row per control and capability, in
 * the same columns `loadMapping` reads back.
 */

import { stringify } from "csv-stringify/sync";
import type { Control, ControlCisReference, Mapping } from "../control.js";

export const CSV_COLUMNS = [
  "control id",
  "title",
  "capability",
  "role",
  "platforms",
  "cis",
  "questions",
  "mechanism",
  "key",
  "expected",
  "fact confidence",
  "confidence",
  "tension",
  "notes",
  "provenance",
] as const;

/** Renders the mapping as CSV; text starting with `= + - @` is prefixed so spreadsheets do not run it. */
export function mappingToCsv(mapping: Mapping): string {
  const rows = mapping.controls.flatMap(controlRows);
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    escape_formulas: true,
  });
}

function controlRows(
  control: Control,
): Record<(typeof CSV_COLUMNS)[number], string>[] {
  const shared = {
    "control id": control.id,
    title: control.title,
    platforms: control.platforms.join(", "),
    cis: control.cis.map(formatCisReference).join("; "),
    questions: control.questions.join(", "),
    mechanism: control.mechanism,
    key: control.key,
    expected: control.expected,
    "fact confidence": control.confidence.fact,
    confidence: control.confidence.mapping,
    tension: control.tension ?? "",
    notes: control.notes ?? "",
    provenance: control.provenance,
  };
  const capabilities = control.capabilities.map((capability) => ({
    capability: capability.code,
    role: capability.role,
  }));
  // MDS2-only sections have no role; a control with no capability at all keeps one row as OTHR.
  const sections = (control.sections ?? []).map((code) => ({
    capability: code,
    role: "",
  }));
  const entries = [...capabilities, ...sections];
  if (entries.length === 0) entries.push({ capability: "OTHR", role: "" });
  return entries.map((entry) => ({ ...shared, ...entry }));
}

/**
 * Formats one reference as `CIS Microsoft Windows 7 v3.2.0 19.1.3.4 (L1)`,
 * with `.x` after a section number; unspecified benchmark or version are left out.
 */
export function formatCisReference(reference: ControlCisReference): string {
  const parts: string[] = [];
  if (reference.benchmark !== "unspecified") parts.push(reference.benchmark);
  if (reference.version !== "unspecified") parts.push(`v${reference.version}`);
  const number =
    reference.section && reference.recommendation.includes(".")
      ? `${reference.recommendation}.x`
      : reference.recommendation;
  parts.push(number);
  const text = parts.join(" ");
  return reference.level ? `${text} (${reference.level})` : text;
}
