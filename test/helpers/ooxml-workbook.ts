/**
 * Small OOXML workbooks written part by part, for tests that need exact
 * control over the SpreadsheetML: cells without references, escapes,
 * phonetic runs, number formats, sheet kinds.
 */

import { strToU8, zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument";

export type SheetKind = "worksheet" | "dialogsheet" | "chartsheet";

export interface SheetSpec {
  name: string;
  /** Content of `<sheetData>`. */
  cells?: string;
  /** XML after `</sheetData>`, such as `<mergeCells>`. */
  after?: string;
  /** The whole part, instead of `cells` and `after`. */
  xml?: string;
  /** `hidden` or `veryHidden`. */
  state?: string;
  kind?: SheetKind;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Inner XML of each `<si>`. */
  sharedStrings?: string[];
  /** Custom number formats by id. */
  numberFormats?: Record<number, string>;
  /** Number format id of each cell format (`s` index). */
  cellFormats?: number[];
  /** Extra attributes of `<workbookPr>`, such as `date1904="1"`. */
  workbookProperties?: string;
  /** Namespace of the workbook element. */
  namespace?: string;
  /** More parts, by name, and content type overrides for them. */
  extraParts?: Record<string, string>;
  extraOverrides?: Record<string, string>;
}

/** Builds the workbook `spec` as .xlsx bytes. */
export function buildOoxmlWorkbook(spec: WorkbookSpec): Uint8Array {
  const parts: Record<string, string> = {};
  const overrides: Record<string, string> = {
    "/xl/workbook.xml": `${CONTENT_TYPE}.spreadsheetml.sheet.main+xml`,
    ...spec.extraOverrides,
  };
  const relations: string[] = [];
  const sheetElements: string[] = [];

  spec.sheets.forEach((sheet, index) => {
    const kind = sheet.kind ?? "worksheet";
    const folder = `${kind}s`;
    const part = `xl/${folder}/sheet${index + 1}.xml`;
    parts[part] = sheet.xml ?? sheetXml(kind, sheet);
    overrides[`/${part}`] =
      `${CONTENT_TYPE}.spreadsheetml.${kind === "worksheet" ? "worksheet" : kind === "dialogsheet" ? "dialogsheet" : "chartsheet"}+xml`;
    relations.push(
      `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/${kind}" Target="${folder}/sheet${index + 1}.xml"/>`,
    );
    const state = sheet.state ? ` state="${sheet.state}"` : "";
    sheetElements.push(
      `<sheet name="${sheet.name}" sheetId="${index + 1}"${state} r:id="rId${index + 1}"/>`,
    );
  });

  if (spec.sharedStrings) {
    const items = spec.sharedStrings.map((item) => `<si>${item}</si>`);
    parts["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
    overrides["/xl/sharedStrings.xml"] =
      `${CONTENT_TYPE}.spreadsheetml.sharedStrings+xml`;
    relations.push(
      `<Relationship Id="rIdStrings" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>`,
    );
  }

  parts["xl/styles.xml"] = stylesXml(spec);
  overrides["/xl/styles.xml"] = `${CONTENT_TYPE}.spreadsheetml.styles+xml`;
  relations.push(
    `<Relationship Id="rIdStyles" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>`,
  );

  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${spec.namespace ?? MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    `<workbookPr${spec.workbookProperties ? ` ${spec.workbookProperties}` : ""}/>` +
    `<sheets>${sheetElements.join("")}</sheets></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relations.join("")}</Relationships>`;
  parts["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  Object.assign(parts, spec.extraParts);

  const overrideElements = Object.entries(overrides).map(
    ([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`,
  );
  parts["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrideElements.join("")}</Types>`;

  return zipSync(
    Object.fromEntries(
      Object.entries(parts).map(([name, text]) => [name, strToU8(text)]),
    ),
  );
}

function sheetXml(kind: SheetKind, sheet: SheetSpec): string {
  const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  if (kind === "dialogsheet")
    return `${header}<dialogsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></dialogsheet>`;
  if (kind === "chartsheet")
    return `${header}<chartsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
  return (
    `${header}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><dimension ref="A1"/>` +
    `<sheetData>${sheet.cells ?? ""}</sheetData>${sheet.after ?? ""}</worksheet>`
  );
}

function stylesXml(spec: WorkbookSpec): string {
  const formats = Object.entries(spec.numberFormats ?? {}).map(
    ([id, code]) =>
      `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/>`,
  );
  const numFmts =
    formats.length > 0
      ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>`
      : "";
  const cellFormats = (spec.cellFormats ?? [0]).map(
    (id) =>
      `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id > 0 ? ' applyNumberFormat="1"' : ""}/>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${numFmts}` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${cellFormats.length}">${cellFormats.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}
