/**
 * Reads a mapping from a table (a CSV file or one workbook sheet) in either
 * orientation: long form, one row per control and capability, or a wide grid
 * with one column per capability code and a mark where a row supports it, as
 * in a CIS/MDISS matrix with one row per CIS recommendation.
 */

import type { ControlDraftInput } from "./row-schema.js";
import { roleFromText } from "./row-schema.js";
import { isCapabilityCode } from "../vocabulary.js";

export interface TableRow {
  /** 1-based row number as a spreadsheet shows it. */
  number: number;
  cells: string[];
}

export interface Table {
  /** Sheet name for workbooks; undefined for CSV. */
  sheet?: string;
  rows: TableRow[];
}

/** A row turned into a control draft, or the reason it cannot be. */
export interface TableDraft {
  row: number;
  draft?: ControlDraftInput;
  /** Problems found before validation (unreadable grid marks). */
  issues: { field: string; message: string }[];
  /** Capability codes named on this row, to catch the same pair twice. */
  form: "long" | "wide";
}

type Field =
  | "id"
  | "title"
  | "capability"
  | "role"
  | "platforms"
  | "cis"
  | "benchmark"
  | "version"
  | "level"
  | "questions"
  | "mechanism"
  | "key"
  | "expected"
  | "fact"
  | "confidence"
  | "tension"
  | "notes"
  | "provenance";

/** Header spellings per field, compared with case, spaces and punctuation removed. */
const HEADER_ALIASES: Record<Field, string[]> = {
  id: ["controlid", "id", "control", "settingid", "slug"],
  title: [
    "title",
    "setting",
    "name",
    "policy",
    "policyname",
    "settingname",
    "recommendationtitle",
    "description",
  ],
  capability: [
    "capability",
    "capabilities",
    "capabilitycode",
    "code",
    "iec8000122",
    "cap",
  ],
  role: ["role", "capabilityrole", "relationship"],
  platforms: ["platforms", "platform", "os", "operatingsystem"],
  cis: [
    "cis",
    "cisrefs",
    "cisref",
    "cisreference",
    "cisreferences",
    "cisrecommendation",
    "cisrecommendations",
    "cisnumber",
    "recommendation",
    "recommendationnumber",
    "recommendationno",
    "rec",
    "recno",
    "number",
    "no",
  ],
  benchmark: ["benchmark", "cisbenchmark"],
  version: ["version", "benchmarkversion", "cisversion"],
  level: ["level", "profile", "cislevel"],
  questions: [
    "questions",
    "question",
    "questionids",
    "mds2questions",
    "mds2",
    "relatedquestions",
  ],
  mechanism: ["mechanism"],
  key: ["key", "settingkey", "registrykey"],
  expected: ["expected", "expectedvalue", "value", "recommendedvalue"],
  fact: ["factconfidence", "fact"],
  confidence: ["confidence", "mappingconfidence"],
  tension: ["tension", "clinicaltension"],
  notes: ["notes", "note", "comment", "comments"],
  provenance: ["provenance"],
};

const FIELD_BY_ALIAS = new Map<string, Field>(
  Object.entries(HEADER_ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field as Field] as const),
  ),
);

/** How far down a sheet the header row is looked for. */
const HEADER_SEARCH_ROWS = 20;

export interface Header {
  row: number;
  form: "long" | "wide";
  columns: Partial<Record<Field, number>>;
  /** Wide form: capability code per column index. */
  capabilityColumns: Map<number, string>;
}

function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Returns the capability code a grid header names: `ALOF`, `ALOF (5.1)`, `ALOF - Automatic logoff`. */
function capabilityOfHeader(text: string): string | undefined {
  const match = /^\s*([A-Za-z]{4})(?![A-Za-z])/.exec(text);
  if (!match) return undefined;
  const code = match[1]!.toUpperCase();
  return isCapabilityCode(code) ? code : undefined;
}

function readHeader(row: TableRow): Header | undefined {
  const columns: Partial<Record<Field, number>> = {};
  const capabilityColumns = new Map<number, string>();

  row.cells.forEach((cell, index) => {
    const field = FIELD_BY_ALIAS.get(normalizeHeader(cell));
    if (field && columns[field] === undefined) {
      columns[field] = index;
      return;
    }
    const code = capabilityOfHeader(cell);
    if (code) capabilityColumns.set(index, code);
  });

  const hasKey = columns.id !== undefined || columns.cis !== undefined;
  if (!hasKey) return undefined;
  if (capabilityColumns.size >= 2)
    return { row: row.number, form: "wide", columns, capabilityColumns };
  if (columns.capability !== undefined)
    return { row: row.number, form: "long", columns, capabilityColumns };
  return undefined;
}

/** Finds the header row near the top of the table, or undefined when none is recognized. */
export function findHeader(table: Table): Header | undefined {
  const candidates = table.rows
    .filter((row) => !isBlank(row))
    .slice(0, HEADER_SEARCH_ROWS);
  for (const row of candidates) {
    const header = readHeader(row);
    if (header) return header;
  }
  return undefined;
}

function isBlank(row: TableRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}

/** Splits a list cell on commas, semicolons and line breaks. */
function splitList(text: string): string[] {
  return text
    .split(/[;,\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Splits a platform or question list, also on spaces when no other separator is used. */
function splitWords(text: string): string[] {
  return text
    .split(/[;,\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function splitPlatforms(text: string): string[] {
  return splitList(text).flatMap((item) =>
    /\s/.test(item) && !/^windows\b/i.test(item) ? splitWords(item) : [item],
  );
}

// `CIS Microsoft Windows 7 v3.2.0 19.1.3.4 (L1)`, `v3.x 2.3.7.x`, or a bare `1.1.4`.
const CIS_ITEM =
  /^(?:(?!v\d)(.+?)\s+)?(?:v(\d[\w.]*)\s+)?(\d+(?:\.\d+)*)(\.x)?(?:\s*\(([^)]*)\))?$/i;

export interface CisDefaults {
  benchmark?: string;
  version?: string;
  level?: string;
}

/** Reads a CIS cell; items it cannot read are passed on for the schema to reject. */
export function parseCisCell(
  text: string,
  defaults: CisDefaults = {},
): ControlDraftInput["cis"] {
  return splitList(text).map((item) => {
    const match = CIS_ITEM.exec(item);
    const benchmark = match?.[1] ?? defaults.benchmark ?? "unspecified";
    const version = match?.[2] ?? defaults.version ?? "unspecified";
    if (!match) return { benchmark, version, recommendation: item };
    const number = match[3]!;
    const reference: NonNullable<ControlDraftInput["cis"]>[number] = {
      benchmark,
      version,
      recommendation: number,
    };
    const level = match[5] ?? defaults.level;
    if (level) reference.level = level;
    if (match[4] || !number.includes(".")) reference.section = true;
    return reference;
  });
}

const NO_MARK = new Set(["", "0", "-", "–", "no", "n", "false"]);
const YES_MARK = new Set(["x", "1", "✓", "✔", "yes", "y", "true", "•", "●"]);

/** Returns the role a grid mark means, `none` for an empty cell, or undefined when unreadable. */
function readMark(text: string): "primary" | "secondary" | "none" | undefined {
  const mark = text.trim().toLowerCase();
  if (NO_MARK.has(mark)) return "none";
  if (YES_MARK.has(mark)) return "primary";
  return roleFromText(mark);
}

/** Turns every data row below the header into a draft; blank rows and grid rows with no mark are left out. */
export function tableDrafts(table: Table, header: Header): TableDraft[] {
  const drafts: TableDraft[] = [];
  for (const row of table.rows) {
    if (row.number <= header.row || isBlank(row)) continue;
    const draft =
      header.form === "wide" ? wideDraft(row, header) : longDraft(row, header);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function cell(row: TableRow, header: Header, field: Field): string | undefined {
  const index = header.columns[field];
  if (index === undefined) return undefined;
  const text = row.cells[index]?.trim() ?? "";
  return text === "" ? undefined : text;
}

/** Reads the fields that both orientations share. */
function commonFields(
  row: TableRow,
  header: Header,
): Omit<ControlDraftInput, "id" | "capabilities"> {
  const get = (field: Field) => cell(row, header, field);
  const cisText = get("cis");
  const platforms = get("platforms");
  const questions = get("questions");
  const defaults: CisDefaults = {};
  const benchmark = get("benchmark");
  const version = get("version");
  const level = get("level");
  if (benchmark) defaults.benchmark = benchmark;
  if (version) defaults.version = version;
  if (level) defaults.level = level;

  const fields: Omit<ControlDraftInput, "id" | "capabilities"> = {
    title: get("title"),
    mechanism: get("mechanism"),
    key: get("key"),
    expected: get("expected"),
    cis: cisText ? parseCisCell(cisText, defaults) : [],
    questions: questions ? splitWords(questions) : [],
    fact: get("fact"),
    confidence: get("confidence"),
    tension: get("tension"),
    notes: get("notes"),
    provenance: get("provenance"),
  };
  if (platforms) fields.platforms = splitPlatforms(platforms);
  return fields;
}

function longDraft(row: TableRow, header: Header): TableDraft {
  const capabilityText = cell(row, header, "capability") ?? "";
  const roleText = cell(row, header, "role");
  const codes = splitWords(capabilityText);
  const capabilities = (codes.length > 0 ? codes : [""]).map((code) => ({
    code,
    role: roleText,
  }));
  const draft: ControlDraftInput = {
    id: cell(row, header, "id") ?? "",
    capabilities,
    ...commonFields(row, header),
  };
  return { row: row.number, draft, issues: [], form: "long" };
}

function wideDraft(row: TableRow, header: Header): TableDraft | undefined {
  const issues: TableDraft["issues"] = [];
  const capabilities: ControlDraftInput["capabilities"] = [];
  for (const [index, code] of header.capabilityColumns) {
    const text = row.cells[index] ?? "";
    const mark = readMark(text);
    if (mark === undefined) {
      issues.push({
        field: code,
        message: `"${text.trim()}" is not a mark; use x, 1 or ✓ (P or S for primary or secondary), or leave the cell empty`,
      });
    } else if (mark !== "none") {
      capabilities.push({ code, role: mark });
    }
  }
  // A grid row without any mark is a section heading or an unmapped recommendation.
  if (capabilities.length === 0 && issues.length === 0) return undefined;

  const fields = commonFields(row, header);
  const id = cell(row, header, "id") ?? idFromCis(fields.cis);
  return {
    row: row.number,
    draft: { id, capabilities, ...fields },
    issues,
    form: "wide",
  };
}

/** `cis.1.1.4` from the first CIS number, so a CIS matrix with no ID column still gets stable IDs. */
function idFromCis(cis: ControlDraftInput["cis"]): string {
  const first = cis?.[0];
  if (!first || !/^\d+(?:\.\d+)*$/.test(first.recommendation)) return "";
  return `cis.${first.recommendation}${first.section ? ".x" : ""}`;
}
