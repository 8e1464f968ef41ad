/**
 * Writes HN 1-2019 sample workbooks in the NEMA layout. The sheet has a
 * banner, title, running header, column header row, DOC block and answer
 * caption. Each section has a heading, a description row and question rows
 * with a dropdown on the answer cell. The "other security considerations"
 * part and the notes block close the sheet.
 */

import ExcelJS from "exceljs";
import writeFileAtomic from "write-file-atomic";
import { HN1_2019 } from "../forms/hn1-2019/index.js";
import { findCapability } from "../model/capabilities.js";
import { sampleCells, type Sample2019Profile } from "./hn1-2019-profiles.js";

const TITLE = "Manufacturer Disclosure Statement for Medical Device Security -- MDS2";
const BANNER = "SAMPLE FORM FOR A FICTIONAL DEVICE. NOT A REAL PRODUCT.";
const REFERENCE_HEADERS = ["IEC TR 80001-2-2:2012", "NIST SP 800-53 Rev. 4", "ISO 27002:2013"];
const ANSWER_LIST = '"Yes,No,N/A,See Notes"';

// Vendor forms copy the typo of NEMA's template, which prints SAHD-15 as SHAD-15.
const PRINTED_IDS: Record<string, string> = { "SAHD-15": "SHAD-15" };

/** Builds the workbook of `profile` as .xlsx bytes. */
export async function buildSample2019Workbook(profile: Sample2019Profile): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "mds2 samples";
  workbook.created = new Date(`${profile.device.releaseDate}T00:00:00Z`);
  for (const name of profile.layout.sheetsBefore) {
    const sheet = workbook.addWorksheet(name);
    sheet.getCell("A1").value = "How to fill in this form";
    sheet.getCell("A2").value = "Answer each question with Yes, No, N/A or See Notes.";
  }
  writeForm(workbook.addWorksheet(profile.layout.sheetName), profile);
  // Deflate level 1 instead of the zip library's default: one pump sample
  // took 43 ms instead of 60 ms and grew from 19.7 KB to 22.2 KB (measured
  // on a shared 2-core machine), which adds up when a benchmark writes
  // thousands of forms.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } });
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Writes the workbook of `profile` to `path` atomically. */
export async function writeSample2019Workbook(profile: Sample2019Profile, path: string): Promise<void> {
  await writeFileAtomic(path, Buffer.from(await buildSample2019Workbook(profile)));
}

function writeForm(sheet: ExcelJS.Worksheet, profile: Sample2019Profile): void {
  const { rowOffset, columnOffset } = profile.layout;
  let rowNumber = rowOffset;
  const put = (column: number, value: ExcelJS.CellValue): ExcelJS.Cell => {
    const cell = sheet.getCell(rowNumber, columnOffset + column);
    cell.value = value;
    return cell;
  };
  const next = (): void => {
    rowNumber += 1;
  };
  const cells = sampleCells(profile);
  const docCell = new Map<string, string>();

  next();
  put(1, BANNER);
  sheet.mergeCells(rowNumber, columnOffset + 1, rowNumber, columnOffset + 5);
  next();
  put(1, TITLE);
  next();
  const runningHeaderRow = rowNumber;
  next();
  next();
  ["Question ID", "Question", "", "See note", ...REFERENCE_HEADERS].forEach((text, index) => {
    if (text) put(index + 1, text);
  });

  const questions = HN1_2019.questions;
  for (const question of questions.filter((candidate) => candidate.section === "DOC")) {
    next();
    writeQuestion(put, question.id, question.label, cells.get(question.id)!, question.kind === "date");
    docCell.set(question.id, sheet.getCell(rowNumber, columnOffset + 3).address);
  }
  next();
  next();
  put(3, "Yes, No,\nN/A, or\nSee Note");
  put(4, "Note #");

  for (const section of HN1_2019.sections) {
    if (section.code === "DOC" || section.code === "OTHR") continue;
    next();
    // The form prints the MPII heading without its code.
    put(2, section.code === "MPII" ? section.title.toUpperCase() : `${section.title.toUpperCase()} (${section.code})`);
    if (section.capability) REFERENCE_HEADERS.forEach((text, index) => put(5 + index, text));
    next();
    put(2, `Questions on ${section.title.toLowerCase()}.`);
    const clause = section.capability ? findCapability(section.capability)?.clause : undefined;
    for (const question of questions.filter((candidate) => candidate.section === section.code)) {
      next();
      writeQuestion(put, PRINTED_IDS[question.id] ?? question.id, question.label, cells.get(question.id)!, false);
      if (clause) put(5, `Section ${clause}, ${section.capability}`);
      sheet.getCell(rowNumber, columnOffset + 3).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [ANSWER_LIST],
      };
    }
    next();
  }

  next();
  put(2, "OTHER SECURITY CONSIDERATIONS (OTHR)");
  for (const line of profile.other.split("\n")) {
    next();
    put(2, line);
  }
  next();
  next();
  put(2, "Notes:");
  next();
  for (const note of profile.notes) {
    next();
    put(1, `Note ${note.number}`);
    put(2, note.text);
  }

  writeRunningHeader(sheet, runningHeaderRow, columnOffset, docCell, profile);
  sheet.getColumn(columnOffset + 2).width = 60;
  sheet.getColumn(columnOffset + 3).width = 16;
}

function writeQuestion(
  put: (column: number, value: ExcelJS.CellValue) => ExcelJS.Cell,
  printedId: string,
  label: string,
  cells: { answer: string; note: string },
  isDate: boolean,
): void {
  put(1, printedId);
  put(2, label);
  if (isDate && cells.answer) {
    put(3, new Date(`${cells.answer}T00:00:00Z`)).numFmt = "yyyy-mm-dd";
  } else if (cells.answer !== "") put(3, cells.answer);
  if (cells.note !== "") put(4, cells.note);
}

/** Writes the running header (row 3 of the NEMA layout): formulas pointing at DOC-1, DOC-3, DOC-4 and DOC-7, with cached results. */
function writeRunningHeader(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  columnOffset: number,
  docCell: Map<string, string>,
  profile: Sample2019Profile,
): void {
  const { device } = profile;
  const entries: [string, ExcelJS.CellValue][] = [
    ["DOC-1", device.manufacturer],
    ["DOC-3", device.model],
    ["DOC-4", device.documentId],
    ["DOC-7", new Date(`${device.releaseDate}T00:00:00Z`)],
  ];
  entries.forEach(([id, result], index) => {
    const cell = sheet.getCell(rowNumber, columnOffset + 1 + index);
    cell.value = { formula: docCell.get(id)!, result } as ExcelJS.CellFormulaValue;
    if (result instanceof Date) cell.numFmt = "yyyy-mm-dd";
  });
}
