/**
 * Loads a user mapping from CSV, XLSX (or legacy XLS) or JSON. Tables may be
 * in long form or a wide capability grid; the orientation is read from the
 * header. Every row is validated and all row errors, up to a limit, are
 * reported together.
 */

import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { Mds2Error, formatErrorLine } from "../../errors.js";
import { readError } from "../read-error.js";
import { readSource } from "../../read/index.js";
import { sniffContainer } from "../../read/sniff.js";
import type { Control, Mapping } from "../control.js";
import { jsonDrafts } from "./json.js";
import { validateDraft, type ControlDraftInput } from "./row-schema.js";
import { findHeader, tableDrafts, type Table } from "./table.js";

/** Row errors collected before loading stops. */
export const MAX_MAPPING_ISSUES = 100;

const HEADER_HINT =
  'Start with a header row naming a "control id" (or CIS "recommendation") column and either a "capability" column or one column per capability code (ALOF, AUDT, ...).';

/** One problem with one field of one row. */
export interface MappingIssue {
  file: string;
  /** `row 7`, `sheet Controls, row 7` or `controls[3]`. */
  location: string;
  field: string;
  message: string;
}

/** Formats an issue as one line: `controls.csv: row 7, field capability: ...`. */
export function formatMappingIssue(issue: MappingIssue): string {
  return formatErrorLine(issue.message, {
    file: issue.file,
    location: `${issue.location}, field ${issue.field}`,
  });
}

/** A mapping file with invalid rows; `issues` lists each one. */
export class MappingValidationError extends Mds2Error {
  readonly issues: readonly MappingIssue[];
  /** True when more issues existed than were collected. */
  readonly truncated: boolean;

  constructor(issues: MappingIssue[], truncated: boolean) {
    const first = issues[0]!;
    const more = issues.length - 1;
    super("mapping.invalid", first.message, {
      file: first.file,
      location: `${first.location}, field ${first.field}`,
      hint:
        more > 0 || truncated
          ? `${more}${truncated ? "+" : ""} more row errors; run mds2 mapping validate ${first.file} to list them all.`
          : undefined,
    });
    this.issues = issues;
    this.truncated = truncated;
  }
}

interface LocatedDraft {
  location: string;
  draft?: ControlDraftInput;
  issues: { field: string; message: string }[];
  /** Long-form table rows repeat a control ID once per capability. */
  mergeById: boolean;
  fieldName: (path: readonly PropertyKey[]) => string;
}

/** Loads a mapping from `bytes`; `file` names it in messages. Throws `mapping.invalid` on any bad row. */
export async function loadMapping(
  bytes: Uint8Array,
  file: string,
): Promise<Mapping> {
  if (bytes.length === 0) {
    throw new Mds2Error("mapping.invalid", "the mapping file is empty", {
      file,
      hint: HEADER_HINT,
    });
  }

  const container = sniffContainer(bytes);
  if (container === "zip" || container === "ole") {
    return collect(file, file, await workbookDrafts(bytes, file));
  }
  if (container !== "text") {
    throw new Mds2Error(
      "mapping.invalid",
      "not a CSV, XLSX or JSON mapping file",
      {
        file,
        hint: "Save the mapping as .csv, .xlsx or .json.",
      },
    );
  }

  const text = decodeText(bytes);
  if (/^\s*[[{]/.test(text)) {
    const parsed = jsonDrafts(text, file);
    const drafts = parsed.drafts.map((item) => ({
      location: item.location,
      draft: item.draft,
      issues: item.issues,
      mergeById: false,
      fieldName: jsonFieldName,
    }));
    return collect(file, parsed.name ?? file, drafts);
  }
  return collect(
    file,
    file,
    tableToDrafts({ rows: csvRows(text, file) }, file, true),
  );
}

/** Reads `path` and loads it as a mapping. */
export async function loadMappingFile(path: string): Promise<Mapping> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readError(error, path, "mapping");
  }
  return loadMapping(bytes, path);
}

function decodeText(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  return new TextDecoder(utf16 ? "utf-16le" : "utf-8")
    .decode(bytes)
    .replace(/^\uFEFF/, "");
}

function csvRows(text: string, file: string): Table["rows"] {
  // The delimiter is the one of comma, semicolon (spreadsheets in many
  // locales) and tab that splits the first line into the most cells.
  const lineEnd = text.indexOf("\n");
  const firstLine = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const delimiter = [",", ";", "\t"].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length
      ? candidate
      : best,
  );
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new Mds2Error(
      "mapping.invalid",
      `the CSV cannot be parsed (${(error as Error).message})`,
      {
        file,
        location: line === undefined ? undefined : `line ${line}`,
        hint: "Check the quotes on that line.",
        cause: error,
      },
    );
  }
  return records.map((cells, index) => ({ number: index + 1, cells }));
}

async function workbookDrafts(
  bytes: Uint8Array,
  file: string,
): Promise<LocatedDraft[]> {
  const content = await readSource(bytes, file);
  if (content.kind !== "grid") {
    throw new Mds2Error("mapping.invalid", "not a workbook", {
      file,
      hint: "Save the mapping as .xlsx or .csv.",
    });
  }
  const tables: Table[] = content.sheets.map((sheet) => ({
    sheet: sheet.name,
    rows: sheet.rows.map((row, index) => ({
      number: index + 1,
      cells: Array.from(row ?? [], (cell) => cell?.text ?? ""),
    })),
  }));

  // Sheets without a mapping header (a cover or read-me sheet) are skipped.
  const mapped = tables.filter((table) => findHeader(table) !== undefined);
  if (mapped.length === 0) {
    throw new Mds2Error(
      "mapping.invalid",
      "no sheet has a mapping header row",
      {
        file,
        location: tables[0] ? `sheet ${tables[0].sheet}, row 1` : undefined,
        hint: HEADER_HINT,
      },
    );
  }
  return mapped.flatMap((table) => tableToDrafts(table, file, false));
}

function tableToDrafts(
  table: Table,
  file: string,
  required: boolean,
): LocatedDraft[] {
  const header = findHeader(table);
  if (!header) {
    if (!required) return [];
    const first = table.rows.find((row) =>
      row.cells.some((cell) => cell.trim() !== ""),
    );
    throw new Mds2Error("mapping.invalid", "no mapping header row found", {
      file,
      location: first ? `row ${first.number}` : undefined,
      hint: HEADER_HINT,
    });
  }

  const prefix = table.sheet === undefined ? "" : `sheet ${table.sheet}, `;
  return tableDrafts(table, header).map((item) => {
    const located: LocatedDraft = {
      location: `${prefix}row ${item.row}`,
      issues: item.issues,
      mergeById: item.form === "long",
      fieldName: item.form === "long" ? longFieldName : wideFieldName,
    };
    if (item.draft) located.draft = item.draft;
    return located;
  });
}

function longFieldName(path: readonly PropertyKey[]): string {
  const [field, , inner] = path;
  if (field === "capabilities") return inner === "role" ? "role" : "capability";
  return String(field ?? "row");
}

function wideFieldName(path: readonly PropertyKey[]): string {
  return path[0] === "capabilities" ? "capability" : String(path[0] ?? "row");
}

function jsonFieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "control";
  return path.reduce<string>(
    (text, part) =>
      typeof part === "number"
        ? `${text}[${part}]`
        : text
          ? `${text}.${String(part)}`
          : String(part),
    "",
  );
}

/** Validates every draft, merges long-form rows by ID, and throws when any row is at fault. */
function collect(file: string, name: string, drafts: LocatedDraft[]): Mapping {
  const issues: MappingIssue[] = [];
  let truncated = false;
  const report = (location: string, field: string, message: string) => {
    if (issues.length < MAX_MAPPING_ISSUES)
      issues.push({ file, location, field, message });
    else truncated = true;
  };

  const controls = new Map<
    string,
    { control: Control; location: string; merge: boolean }
  >();
  for (const item of drafts) {
    for (const issue of item.issues)
      report(item.location, issue.field, issue.message);
    if (!item.draft) continue;

    const result = validateDraft(item.draft, item.fieldName);
    if ("issues" in result) {
      for (const issue of result.issues)
        report(item.location, issue.field, issue.message);
      continue;
    }
    if (item.issues.length > 0) continue;

    const control = result.control;
    const existing = controls.get(control.id);
    if (!existing) {
      controls.set(control.id, {
        control,
        location: item.location,
        merge: item.mergeById,
      });
      continue;
    }
    if (!item.mergeById || !existing.merge) {
      report(
        item.location,
        "id",
        `control ID "${control.id}" already appears at ${existing.location}; give each control one ID`,
      );
      continue;
    }
    const repeated = mergeControl(existing.control, control);
    if (repeated) {
      report(
        item.location,
        "capability",
        `control "${control.id}" already maps to ${repeated} at ${existing.location}; list each capability once per control`,
      );
    }
  }

  if (issues.length > 0) throw new MappingValidationError(issues, truncated);
  if (controls.size === 0) {
    throw new Mds2Error("mapping.invalid", "the mapping has no controls", {
      file,
      hint: HEADER_HINT,
    });
  }
  return {
    name,
    controls: [...controls.values()].map((entry) => entry.control),
  };
}

/**
 * Adds a later long-form row's capabilities and lists to the control first
 * seen with its ID. Returns the capability code named twice, if any.
 */
function mergeControl(target: Control, row: Control): string | undefined {
  const codes = [
    ...target.capabilities.map((capability) => capability.code),
    ...(target.sections ?? []),
  ];
  const added = [
    ...row.capabilities.map((capability) => capability.code),
    ...(row.sections ?? []),
  ];
  const repeated = added.find((code) => codes.includes(code));
  if (repeated) return repeated;

  target.capabilities.push(...row.capabilities);
  if (row.sections)
    target.sections = [...(target.sections ?? []), ...row.sections];
  target.questions = [...new Set([...target.questions, ...row.questions])];
  target.platforms = [...new Set([...target.platforms, ...row.platforms])];
  const known = new Set(
    target.cis.map((reference) => JSON.stringify(reference)),
  );
  target.cis.push(
    ...row.cis.filter((reference) => !known.has(JSON.stringify(reference))),
  );
  return undefined;
}
