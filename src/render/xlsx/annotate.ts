/**
 * The annotated workbook: a copy of the vendor's workbook (or, for PDF, text
 * and .xls inputs, the 2019 layout) with each answer cell shaded by its
 * finding severity or capability status, a cell note giving the findings, and
 * a `mds2 assessment` sheet with the capability table and the findings.
 */

import ExcelJS from "exceljs";
import type {
  Assessment,
  CapabilityAssessment,
  CapabilityStatus,
  Finding,
  Severity,
} from "../../model/assessment.js";
import type { Answer, Disclosure } from "../../model/disclosure.js";
import { readLimits } from "../../read/limits.js";
import { prescanWorkbook } from "../../read/xlsx-prescan.js";
import { packEntries, unzipWithLimits } from "../../read/zip.js";
import { severityRank, sortFindings } from "../pdf/pack-data.js";
import { SEVERITY_SWATCHES, STATUS_SWATCHES, toArgb } from "../palette.js";
import {
  dropActiveParts,
  replaceFormulasWithValues,
} from "./active-content.js";
import { buildLayout2019, FORM_SHEET } from "./layout-2019.js";
import { cleanWorkbookText } from "./xml-text.js";

export const ASSESSMENT_SHEET = "mds2 assessment";

export interface AnnotatedXlsxOptions {
  /** Bytes of the vendor's file; an xlsx source is annotated in a copy of itself. */
  sourceBytes?: Uint8Array;
}

/** Fill colors (ARGB) of answer cells with findings, by the worst severity. */
export const SEVERITY_FILLS = Object.fromEntries(
  Object.entries(SEVERITY_SWATCHES).map(([severity, swatch]) => [
    severity,
    toArgb(swatch.tint),
  ]),
) as Record<Severity, string>;

/** Fill colors (ARGB) of answer cells without findings, by capability status. */
export const STATUS_FILLS = Object.fromEntries(
  Object.entries(STATUS_SWATCHES).map(([status, swatch]) => [
    status,
    toArgb(swatch.tint),
  ]),
) as Record<CapabilityStatus, string>;

/** Renders the annotated workbook of one disclosure and its assessment. */
export async function renderAnnotatedXlsx(
  disclosure: Disclosure,
  assessment: Assessment,
  options: AnnotatedXlsxOptions = {},
): Promise<Uint8Array> {
  const target = await openTarget(disclosure, options.sourceBytes);
  const index = indexAssessment(assessment);

  for (const answer of disclosure.answers) {
    const annotation = annotationFor(answer, index);
    if (!annotation) continue;
    for (const place of target.cellsFor(answer)) {
      const sheet = target.workbook.getWorksheet(place.sheet);
      if (!sheet) continue;
      const cell = sheet.getCell(place.address);
      // exceljs 4.4.0 shares one style object among loaded cells of the same
      // style, and setting `fill` mutates it: give the cell its own copy first.
      cell.style = structuredClone(cell.style);
      cell.fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: annotation.fill },
      };
      addNote(cell, annotation.note);
    }
  }

  writeAssessmentSheet(target.workbook, assessment, target.remark);
  cleanWorkbookText(target.workbook);
  return new Uint8Array(await target.workbook.xlsx.writeBuffer());
}

interface CellPlace {
  sheet: string;
  address: string;
}

interface Target {
  workbook: ExcelJS.Workbook;
  cellsFor(answer: Answer): CellPlace[];
  /** Reason the vendor's workbook could not be annotated, when it could not. */
  remark?: string;
}

async function openTarget(
  disclosure: Disclosure,
  sourceBytes?: Uint8Array,
): Promise<Target> {
  let remark: string | undefined;
  if (disclosure.source.format === "xlsx" && sourceBytes) {
    const workbook = await loadVendorWorkbook(
      sourceBytes,
      disclosure.source.file,
    );
    if (workbook) {
      return {
        workbook,
        cellsFor: (answer) => {
          const place = parseLocation(answer.location);
          return place ? [place] : [];
        },
      };
    }
    remark =
      "exceljs cannot rewrite the vendor's workbook faithfully, so the answers are annotated " +
      "in the 2019 layout instead.";
  } else if (disclosure.source.format === "xlsx") {
    remark =
      "The vendor's workbook was not given, so the answers are annotated in the 2019 layout.";
  }

  const layout = buildLayout2019(disclosure);
  return {
    workbook: layout.workbook,
    ...(remark ? { remark } : {}),
    cellsFor: (answer) =>
      (layout.placements.get(answer.id) ?? []).flatMap((id) => {
        const address = layout.cellsByQuestion.get(id);
        return address ? [{ sheet: FORM_SHEET, address }] : [];
      }),
  };
}

/**
 * Loads a copy of the vendor's workbook with the reader's guards: size
 * limits, data validations clamped to the used cells. Formulas, external
 * links, connections and macros are left out of the copy. Returns `undefined`
 * when exceljs 4.4.0 would misread the workbook or fails to load it.
 */
async function loadVendorWorkbook(
  sourceBytes: Uint8Array,
  file: string,
): Promise<ExcelJS.Workbook | undefined> {
  const prescan = prescanWorkbook(
    unzipWithLimits(sourceBytes, file, readLimits()),
    file,
    readLimits(),
  );
  if (prescan.fallbackReasons.length > 0) return undefined;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(
        packEntries(dropActiveParts(prescan.entries)),
      ) as unknown as ArrayBuffer,
    );
  } catch {
    return undefined;
  }
  replaceFormulasWithValues(workbook);
  return workbook;
}

/** Splits `Sheet!C14` or `'My sheet'!C14` into sheet and address; `undefined` for other locations. */
export function parseLocation(location: string): CellPlace | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(
    location.trim(),
  );
  if (!match) return undefined;
  const sheet = match[1]?.replaceAll("''", "'") ?? match[2] ?? "";
  return { sheet, address: `${match[3]}${match[4]}` };
}

interface AssessmentIndex {
  findingsByQuestion: Map<string, Finding[]>;
  capabilityByQuestion: Map<string, CapabilityAssessment>;
}

function indexAssessment(assessment: Assessment): AssessmentIndex {
  const findingsByQuestion = new Map<string, Finding[]>();
  for (const finding of sortFindings(assessment.findings)) {
    for (const id of finding.questions) {
      const list = findingsByQuestion.get(id) ?? [];
      list.push(finding);
      findingsByQuestion.set(id, list);
    }
  }
  const capabilityByQuestion = new Map<string, CapabilityAssessment>();
  for (const capability of assessment.capabilities) {
    for (const id of capability.questions) {
      if (!capabilityByQuestion.has(id))
        capabilityByQuestion.set(id, capability);
    }
  }
  return { findingsByQuestion, capabilityByQuestion };
}

function annotationFor(
  answer: Answer,
  index: AssessmentIndex,
): { fill: string; note: string } | undefined {
  const findings = index.findingsByQuestion.get(answer.id) ?? [];
  const capability = index.capabilityByQuestion.get(answer.id);
  if (findings.length === 0 && !capability) return undefined;

  const lines: string[] = [];
  if (capability)
    lines.push(`${capability.code} ${capability.name}: ${capability.status}`);
  for (const finding of findings) {
    lines.push(
      `${finding.severity.toUpperCase()} ${finding.id}: ${finding.message}`,
    );
  }

  const worst = findings.reduce<Severity | undefined>(
    (current, finding) =>
      current === undefined ||
      severityRank(finding.severity) < severityRank(current)
        ? finding.severity
        : current,
    undefined,
  );
  const fill = worst
    ? SEVERITY_FILLS[worst]
    : STATUS_FILLS[capability?.status ?? "not-assessed"];
  return { fill, note: `mds2:\n${lines.join("\n")}` };
}

function addNote(cell: ExcelJS.Cell, text: string): void {
  const existing = cell.note;
  const previous =
    typeof existing === "string"
      ? existing
      : (existing?.texts?.map((part) => part.text).join("") ?? "");
  cell.note = previous ? `${previous}\n\n${text}` : text;
}

function writeAssessmentSheet(
  workbook: ExcelJS.Workbook,
  assessment: Assessment,
  remark: string | undefined,
): void {
  const existing = workbook.getWorksheet(ASSESSMENT_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(ASSESSMENT_SHEET);
  sheet.columns = [
    { width: 12 },
    { width: 36 },
    { width: 16 },
    { width: 16 },
    { width: 60 },
    { width: 22 },
  ];

  if (remark) {
    sheet.addRow([remark]).font = { italic: true };
    sheet.addRow([]);
  }
  sheet.addRow([
    "Capability",
    "Name",
    "Claim",
    "Status",
    "Questions",
    "Findings",
  ]).font = {
    bold: true,
  };
  for (const capability of assessment.capabilities) {
    const row = sheet.addRow([
      capability.code,
      capability.name,
      capability.claim,
      capability.status,
      capability.questions.join(", "),
      capability.findings.join(", "),
    ]);
    row.getCell(4).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: STATUS_FILLS[capability.status] },
    };
  }

  sheet.addRow([]);
  sheet.addRow([
    "Severity",
    "Finding",
    "Kind",
    "Capability",
    "Message",
    "Where",
  ]).font = {
    bold: true,
  };
  for (const finding of sortFindings(assessment.findings)) {
    const row = sheet.addRow([
      finding.severity,
      finding.id,
      finding.kind,
      finding.capability ?? "",
      finding.message,
      [finding.questions.join(", "), finding.location]
        .filter(Boolean)
        .join(" at "),
    ]);
    row.getCell(1).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: SEVERITY_FILLS[finding.severity] },
    };
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
  }
}
