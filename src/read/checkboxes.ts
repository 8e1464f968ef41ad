/**
 * Form-control checkboxes (Developer tab) in OOXML workbooks. exceljs 4.4.0
 * and SheetJS CE ignore them, so their state is read from
 * `xl/ctrlProps/*.xml` and written into the cell each box is linked to.
 *
 * Mapping: a checked box makes its linked cell read `Yes`, an unchecked box
 * `No`. The box's own state wins over the linked cell, which contains TRUE/FALSE
 * only after the box was clicked once and may be empty or stale. A box without
 * a linked cell (`fmlaLink`) cannot be tied to a question and is reported as a
 * problem.
 */

import { strFromU8 } from "fflate";
import type { Problem } from "../model/disclosure.js";
import type { CellText, SourceContent } from "./source-content.js";
import {
  attributesOf,
  decodeXml,
  readRelations,
  relationsPartOf,
  resolvePath,
  sheetNamesByPart,
} from "./ooxml-parts.js";
import { columnNumber } from "./xlsx-prescan.js";
import type { ZipEntries } from "./zip.js";

export const CHECKED_TEXT = "Yes";
export const UNCHECKED_TEXT = "No";

interface Checkbox {
  checked: boolean;
  /** Sheet that contains the linked cell. */
  sheet: string;
  /** Linked cell such as `C14`, when the box has one. */
  cell?: string;
  /** The control's part, for messages. */
  part: string;
}

/** Writes the state of every linked checkbox into `content`'s grid. */
export function applyCheckboxes(
  content: SourceContent,
  entries: ZipEntries,
): SourceContent {
  if (content.kind !== "grid") return content;
  const checkboxes = findCheckboxes(entries);
  if (checkboxes.length === 0) return content;

  const problems: Problem[] = [...content.problems];
  const sheets = content.sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) => [...row]),
  }));
  for (const box of checkboxes) {
    const sheet = sheets.find((candidate) => candidate.name === box.sheet);
    const reference = box.cell ? /^([A-Z]{1,3})(\d+)$/.exec(box.cell) : null;
    if (!sheet || !reference) {
      problems.push({
        code: "checkbox.unlinked",
        severity: "warning",
        message: `a form-control checkbox (${box.part}) has no linked cell, so its state is not read`,
        location: box.sheet,
      });
      continue;
    }
    const rowIndex = Number(reference[2]) - 1;
    const columnIndex = columnNumber(reference[1]!) - 1;
    const cell: CellText = {
      text: box.checked ? CHECKED_TEXT : UNCHECKED_TEXT,
      location: `${sheet.name}!${box.cell}`,
    };
    while (sheet.rows.length <= rowIndex) sheet.rows.push([]);
    sheet.rows[rowIndex]![columnIndex] = cell;
    problems.push({
      code: "checkbox.read",
      severity: "info",
      message: `answer read from a form-control checkbox (${box.checked ? "checked" : "unchecked"})`,
      location: cell.location,
    });
  }
  return { ...content, sheets, problems };
}

/** Lists every checkbox control of every sheet, with its state and linked cell. */
export function findCheckboxes(entries: ZipEntries): Checkbox[] {
  const sheetNames = sheetNamesByPart(entries);
  const checkboxes: Checkbox[] = [];
  for (const [part, sheetName] of sheetNames) {
    const relations = readRelations(entries, relationsPartOf(part));
    for (const target of relations.values()) {
      if (!/ctrlProps\//.test(target)) continue;
      const controlPart = resolvePath(part, target);
      const data = entries[controlPart];
      if (!data) continue;
      const control = attributesOf(strFromU8(data), "formControlPr");
      if (!control || control.objectType?.toLowerCase() !== "checkbox")
        continue;
      const link = parseLink(control.fmlaLink);
      checkboxes.push({
        checked: control.checked?.toLowerCase() === "checked",
        sheet: link?.sheet ?? sheetName,
        ...(link ? { cell: link.cell } : {}),
        part: controlPart,
      });
    }
  }
  return checkboxes;
}

/** `$C$14` or `'Form A'!$C$14` → sheet (if given) and `C14`. */
function parseLink(
  link: string | undefined,
): { sheet?: string; cell: string } | undefined {
  if (!link) return undefined;
  const match =
    /^(?:'((?:[^']|'')+)'!|([^!']+)!)?\$?([A-Z]{1,3})\$?(\d+)$/.exec(
      decodeXml(link),
    );
  if (!match) return undefined;
  const sheet = match[1]?.replace(/''/g, "'") ?? match[2];
  const cell = `${match[3]}${match[4]}`;
  return sheet === undefined ? { cell } : { sheet, cell };
}
