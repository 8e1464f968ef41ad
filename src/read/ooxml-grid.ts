/**
 * Fast reader of the cell grid of a standard SpreadsheetML workbook, straight
 * from its unzipped parts: no repacking and no second unzip.
 *
 * It returns the grid `readWithSheetJS` returns for the same workbook. To do
 * so it follows the rules SheetJS CE 0.20.3 (`@e965/xlsx`) applies to cell
 * values, quirks included: which cells are kept, how shared, inline and
 * formula strings are unescaped, which styles make a number a date. A
 * differential test compares the two readers on every workbook fixture. One
 * case differs on purpose: for a shared string index out of range SheetJS
 * leaves out the whole sheet, while this reader reads the cell as empty and
 * reports a problem.
 *
 * The reader is narrow on purpose. It declines what it does not handle with
 * certainty: namespace prefixes, ISO-date cells, strict OOXML, chartsheets,
 * comments or CDATA in the XML, parts missing or in an unexpected shape. It
 * then returns "not handled" with the reason, and the caller reads the
 * workbook with SheetJS instead.
 */

import * as XLSX from "@e965/xlsx";
import { enforceLimit, type ReadLimits } from "./limits.js";
import {
  findElementAsSheetJS,
  parseTagAsSheetJS,
  parseXmlBooleanAsSheetJS,
  SHEETJS_TAG,
  unescapeXmlAsSheetJS,
} from "./ooxml-parts.js";
import { isoDate } from "./sheetjs.js";
import type { Problem } from "../model/disclosure.js";
import type { CellText, Sheet, SourceContent } from "./source-content.js";
import { columnName } from "./xlsx-prescan.js";
import type { ZipEntries } from "./zip.js";

export type OoxmlGridResult =
  | { handled: true; content: SourceContent & { kind: "grid" } }
  | { handled: false; reason: string };

/**
 * Reads the grid of the workbook `entries`, or returns why it is not handled.
 * `sheetXml` contains worksheet parts already decoded, by part name.
 */
export function readOoxmlGrid(
  entries: ZipEntries,
  file: string,
  limits: ReadLimits,
  sheetXml: ReadonlyMap<string, string> = new Map(),
): OoxmlGridResult {
  try {
    return {
      handled: true,
      content: readGrid(entries, file, limits, sheetXml),
    };
  } catch (error) {
    if (error instanceof NotHandled)
      return { handled: false, reason: error.message };
    throw error;
  }
}

class NotHandled extends Error {}

function decline(reason: string): never {
  throw new NotHandled(reason);
}

function readGrid(
  entries: ZipEntries,
  file: string,
  limits: ReadLimits,
  sheetXml: ReadonlyMap<string, string>,
): SourceContent & { kind: "grid" } {
  requireOrdinaryPackage(entries);
  const parts = readContentTypes(partText(entries, "[Content_Types].xml"));
  if (parts.metadata !== undefined)
    requireReadableMetadata(partText(entries, parts.metadata));
  if (parts.people !== undefined && entries[parts.people] === undefined)
    decline(`the part ${parts.people} is missing`);
  const workbook = readWorkbook(partText(entries, WORKBOOK_PART));
  const relations = readRelationships(partText(entries, WORKBOOK_RELATIONS));
  const sheetParts = workbook.sheets.map((sheet) =>
    resolveSheetPart(entries, sheet, relations),
  );

  // SheetJS reads a shared strings part that is missing as an empty table.
  const strings =
    parts.sharedStrings === undefined ||
    entries[parts.sharedStrings] === undefined
      ? undefined
      : new SharedStrings(partText(entries, parts.sharedStrings));
  const styles =
    parts.styles === undefined
      ? undefined
      : readStyles(partText(entries, parts.styles));
  const cellProblems = new CellProblems();
  const workbookContext = {
    strings,
    dateStyles: styles ? new DateStyles(styles) : undefined,
    date1904: workbook.date1904,
    problems: cellProblems,
  };

  let cellCount = 0;
  const sheets: Sheet[] = [];
  for (const { name, part } of sheetParts) {
    const context: SheetContext = { ...workbookContext, sheet: name };
    const sheet: Sheet =
      part === undefined
        ? { name, rows: [] }
        : readSheet(name, partText(entries, part, sheetXml.get(part)), context);
    cellCount += sheet.rows.reduce((sum, row) => sum + row.length, 0);
    enforceLimit("maxCells", cellCount, limits, file);
    sheets.push(sheet);
  }
  return {
    kind: "grid",
    format: "xlsx",
    sheets,
    problems: cellProblems.list(),
  };
}

// ---------------------------------------------------------------------------
// Package parts

const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELATIONS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES_NAMESPACE =
  "http://schemas.openxmlformats.org/package/2006/content-types";
const MAIN_NAMESPACE =
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIP_TYPES =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Parts that make SheetJS read the zip as another format.
const OTHER_FORMAT_MARKERS = [
  "meta-inf/manifest.xml",
  "objectdata.xml",
  "index/document.iwa",
];

// SheetJS finds parts by case-insensitive name, so two names that differ
// only in case could make it read another part than this reader.
function requireOrdinaryPackage(entries: ZipEntries): void {
  const names = Object.keys(entries);
  const lowerCase = new Set(names.map((name) => name.toLowerCase()));
  if (lowerCase.size !== names.length)
    decline("two zip entries differ only in case");
  if (names.some((name) => name.includes("\\")))
    decline("a zip entry name contains a backslash");
  if (OTHER_FORMAT_MARKERS.some((marker) => lowerCase.has(marker)))
    decline("the zip has the parts of another spreadsheet format");
}

const fatalDecoder = new TextDecoder("utf-8", { fatal: true });

/** Returns the text of `part`. `decoded` is its text when the caller decoded it already. */
function partText(entries: ZipEntries, part: string, decoded?: string): string {
  const data = entries[part];
  if (data === undefined) decline(`the part ${part} is missing`);
  if (data.length === 0) decline(`the part ${part} is empty`);
  if (
    (data[0] === 0xff && data[1] === 0xfe) ||
    (data[0] === 0xfe && data[1] === 0xff)
  )
    decline(`the part ${part} is not UTF-8`);
  let text: string;
  if (decoded !== undefined) {
    // A decoder that is not fatal puts U+FFFD for invalid UTF-8.
    if (decoded.includes("\uFFFD"))
      decline(`the part ${part} may not be valid UTF-8`);
    text = decoded;
  } else {
    try {
      text = fatalDecoder.decode(data);
    } catch {
      decline(`the part ${part} is not valid UTF-8`);
    }
  }
  // Comments, CDATA sections and document types are markup SheetJS 0.20.3
  // scans through as if it were content.
  if (hasMarkupDeclaration(text))
    decline(`the part ${part} has a comment or CDATA`);
  return text;
}

/** Returns true when `xml` contains `<!`. Searching for `!` alone is much faster. */
function hasMarkupDeclaration(xml: string): boolean {
  for (let at = xml.indexOf("!"); at >= 0; at = xml.indexOf("!", at + 1)) {
    if (xml.charCodeAt(at - 1) === 60) return true;
  }
  return false;
}

interface PackageParts {
  sharedStrings?: string;
  styles?: string;
  /** Cell metadata and threaded-comment people, which SheetJS reads before any sheet. */
  metadata?: string;
  people?: string;
}

const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
]);
const SHARED_STRINGS_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  "application/vnd.ms-excel.sharedStrings",
]);
const STYLES_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  "application/vnd.ms-excel.styles",
]);
const METADATA_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  "application/vnd.ms-excel.sheetMetadata",
]);
const PEOPLE_TYPE = "application/vnd.ms-excel.person+xml";

/**
 * Finds the shared strings and styles parts the way SheetJS does: through the
 * first override of their content type, not through relationships.
 */
function readContentTypes(xml: string): PackageParts {
  const workbooks: string[] = [];
  const sharedStrings: string[] = [];
  const styles: string[] = [];
  const metadata: string[] = [];
  const people: string[] = [];
  let namespace: string | undefined;
  for (const tag of xml.match(SHEETJS_TAG) ?? []) {
    const { name, attributes } = parseTagAsSheetJS(tag);
    switch (name.replace(/<\w*:/, "<")) {
      case "<Types":
        if (name !== "<Types") decline("the content types have a prefix");
        namespace = attributes.xmlns;
        break;
      case "<Default":
        if (attributes.Extension === undefined)
          decline("a content type default has no extension");
        break;
      case "<Override": {
        const type = attributes.ContentType ?? "";
        const part = attributes.PartName ?? "";
        if (WORKBOOK_TYPES.has(type)) workbooks.push(part);
        else if (SHARED_STRINGS_TYPES.has(type)) sharedStrings.push(part);
        else if (STYLES_TYPES.has(type)) styles.push(part);
        else if (METADATA_TYPES.has(type)) metadata.push(part);
        else if (type === PEOPLE_TYPE) people.push(part);
        break;
      }
    }
  }
  if (namespace !== CONTENT_TYPES_NAMESPACE)
    decline("the content types part has an unexpected namespace");
  if (workbooks[0] !== `/${WORKBOOK_PART}`)
    decline("the content types do not name xl/workbook.xml as the workbook");

  const parts: PackageParts = {};
  if (sharedStrings[0] !== undefined)
    parts.sharedStrings = packagePartName(sharedStrings[0]);
  if (styles[0] !== undefined) parts.styles = packagePartName(styles[0]);
  if (metadata[0] !== undefined) parts.metadata = packagePartName(metadata[0]);
  if (people[0] !== undefined) parts.people = packagePartName(people[0]);
  return parts;
}

/**
 * Declines a cell metadata part that would make SheetJS 0.20.3 fail the
 * whole workbook: a record (`<rc>`) whose type is not listed. Cell metadata
 * has no effect on cell text.
 */
function requireReadableMetadata(xml: string): void {
  let typeCount = 0;
  let inRecords = false;
  for (const tag of xml.match(SHEETJS_TAG) ?? []) {
    const { name, attributes } = parseTagAsSheetJS(tag);
    switch (name.replace(/<(\/?)\w+:/, "<$1")) {
      case "<metadataType":
        typeCount += 1;
        break;
      case "<cellMetadata":
      case "<valueMetadata":
        inRecords = true;
        break;
      case "</cellMetadata>":
      case "</valueMetadata>":
        inRecords = false;
        break;
      case "<rc": {
        const type = Number(attributes.t);
        if (
          inRecords &&
          !(Number.isInteger(type) && type >= 1 && type <= typeCount)
        )
          decline("a cell metadata record has an unknown type");
        break;
      }
    }
  }
}

function packagePartName(partName: string): string {
  if (!/^\/[\w./-]+$/.test(partName))
    decline(`the part name ${partName} is unusual`);
  return partName.slice(1);
}

interface WorkbookSheet {
  name: string;
  relationId: string;
}

interface Workbook {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

const SHEET_ATTRIBUTES = new Set(["name", "sheetId", "state", "r:id"]);

function readWorkbook(xml: string): Workbook {
  const sheets: WorkbookSheet[] = [];
  let namespace: string | undefined;
  let date1904 = false;
  for (const tag of xml.match(SHEETJS_TAG) ?? []) {
    const { name, attributes, names } = parseTagAsSheetJS(tag);
    const local = name.replace(/<(\/?)\w+:/, "<$1");
    switch (local) {
      case "<workbook":
        if (name !== local) decline("the workbook element has a prefix");
        namespace = attributes.xmlns;
        break;
      case "<workbookPr":
      case "<workbookPr/>":
        if (attributes.date1904 !== undefined)
          date1904 = parseXmlBooleanAsSheetJS(attributes.date1904);
        break;
      case "<sheet": {
        if (name !== local) decline("a sheet element has a prefix");
        if (names.some((attribute) => !SHEET_ATTRIBUTES.has(attribute)))
          decline("a sheet element has an unexpected attribute");
        const sheetName = attributes.name;
        const relationId = attributes.id;
        if (sheetName === undefined || relationId === undefined)
          decline("a sheet element has no name or relationship");
        sheets.push({ name: unescapeXmlAsSheetJS(sheetName), relationId });
        break;
      }
      case "<definedName":
        if (attributes.name === undefined)
          decline("a defined name has no name");
        break;
    }
  }
  if (namespace !== MAIN_NAMESPACE)
    decline("the workbook is not transitional SpreadsheetML");
  const names = sheets.map((sheet) => sheet.name);
  if (new Set(names).size !== names.length)
    decline("two sheets have the same name");
  if (names.includes("__proto__")) decline("a sheet name is reserved");
  return { sheets, date1904 };
}

interface Relationship {
  type: string | undefined;
  target: string | undefined;
}

function readRelationships(xml: string): Map<string, Relationship> {
  const relations = new Map<string, Relationship>();
  for (const tag of xml.match(SHEETJS_TAG) ?? []) {
    const { name, attributes } = parseTagAsSheetJS(tag);
    if (name !== "<Relationship") continue;
    const target = attributes.Target;
    relations.set(attributes.Id ?? "", {
      type: attributes.Type,
      target: target === undefined ? undefined : unescapeXmlAsSheetJS(target),
    });
  }
  return relations;
}

interface SheetPart {
  name: string;
  /** The worksheet part, or undefined for a sheet SheetJS reads as empty. */
  part?: string;
}

function resolveSheetPart(
  entries: ZipEntries,
  sheet: WorkbookSheet,
  relations: Map<string, Relationship>,
): SheetPart {
  const relation = relations.get(sheet.relationId);
  if (!relation?.target)
    decline(`the sheet ${sheet.name} has no relationship target`);
  // The target is taken relative to xl/, as SheetJS takes it.
  const part = `xl/${relation.target.replace(/[/]?xl\//, "")}`;
  if (!/^[\w./-]+$/.test(part) || entries[part] === undefined)
    decline(`the sheet ${sheet.name} has no part at ${part}`);

  switch (relation.type) {
    case `${RELATIONSHIP_TYPES}worksheet`:
      return { name: sheet.name, part };
    // SheetJS 0.20.3 reads dialog sheets and Excel 4.0 macro sheets as sheets without cells.
    case `${RELATIONSHIP_TYPES}dialogsheet`:
    case "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet":
      return { name: sheet.name };
    default:
      return decline(
        `the sheet ${sheet.name} is of type ${relation.type ?? "(none)"}`,
      );
  }
}

// ---------------------------------------------------------------------------
// Shared strings

const SHARED_STRING_START = /<(?:\w+:)?(?:si|sstItem)>/g;
const SHARED_STRING_END = /<\/(?:\w+:)?(?:si|sstItem)>/;

/**
 * The shared strings table, split into items as SheetJS splits it: at each
 * closing `</si>`, so the text after the last item is one more (empty) item.
 * Each item is parsed on first use.
 */
class SharedStrings {
  private readonly items: string[];
  private readonly texts: (string | undefined)[] = [];
  private readonly parsed: boolean[] = [];

  constructor(xml: string) {
    const table = findElementAsSheetJS(xml, "sst");
    if (!table) {
      this.items = [];
      return;
    }
    const inner = xml.slice(table.innerStart, table.innerEnd);
    // Without prefixes or `<sstItem>`, the patterns match only `<si>` and
    // `</si>`, and plain string search is much faster. (In Node 20 a search
    // for `Item>` took a tenth of the time of one for `sstItem>`.)
    this.items =
      inner.includes(":si>") || inner.includes("Item>")
        ? inner.replace(SHARED_STRING_START, "").split(SHARED_STRING_END)
        : inner.replaceAll("<si>", "").split("</si>");
    // SheetJS drops the whole table when one phonetic run is not closed,
    // so every item with a phonetic run is parsed now.
    if (inner.includes("rPh"))
      this.items.forEach((_item, index) => this.text(index));
  }

  get size(): number {
    return this.items.length;
  }

  /** Returns the text of item `index`, or undefined when SheetJS finds no text in it. */
  text(index: number): string | undefined {
    if (this.parsed[index]) return this.texts[index];
    const item = this.items[index];
    if (item === undefined) decline(`shared string ${index} does not exist`);
    const text = stringItemText(item.trim());
    this.texts[index] = text;
    this.parsed[index] = true;
    return text;
  }
}

const PLAIN_STRING = /^\s*<(?:\w+:)?t[^>]*>/;
const TEXT_END = /<\/(?:\w+:)?t>/;
const RUN = /<(?:\w+:)?r\b[^<>]*>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;

/**
 * Text of a string item (`<si>` or `<is>` content) as SheetJS reads it: a
 * plain item is its first `<t>`, so phonetic runs after it are left out. A
 * rich-text item is every `<t>` outside phonetic runs (`<rPh>`), joined.
 */
function stringItemText(xml: string): string | undefined {
  if (!xml) return "";
  const plain = plainText(xml);
  if (plain !== undefined) return unescapeXmlAsSheetJS(plain, true);
  if (PLAIN_STRING.test(xml)) {
    const rest = xml.slice(xml.indexOf(">") + 1);
    const end = TEXT_END.exec(rest);
    return unescapeXmlAsSheetJS(end ? rest.slice(0, end.index) : rest, true);
  }
  if (RUN.test(xml)) {
    const withoutPhonetic = removeElements(xml, "rPh");
    if (withoutPhonetic === undefined) decline("a phonetic run is not closed");
    const runs = withoutPhonetic.match(RUN_TEXT) ?? [];
    return unescapeXmlAsSheetJS(runs.join("").replace(SHEETJS_TAG, ""), true);
  }
  return undefined;
}

const PRESERVED_TEXT_START = '<t xml:space="preserve">';

/** Returns the raw text of an item that is one `<t>` element without markup inside, else undefined. */
function plainText(xml: string): string | undefined {
  if (!xml.endsWith("</t>")) return undefined;
  let start: number;
  if (xml.startsWith("<t>")) start = 3;
  else if (xml.startsWith(PRESERVED_TEXT_START))
    start = PRESERVED_TEXT_START.length;
  else return undefined;
  const text = xml.slice(start, -4);
  return text.includes("<") ? undefined : text;
}

/** Removes every `tag` element, or returns undefined when one is not closed. */
function removeElements(xml: string, tag: string): string | undefined {
  const start = new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]*>`, "g");
  const end = new RegExp(`</(?:\\w+:)?${tag}>`, "g");
  const kept: string[] = [];
  let keptFrom = 0;
  for (let match = start.exec(xml); match; match = start.exec(xml)) {
    kept.push(xml.slice(keptFrom, match.index));
    end.lastIndex = start.lastIndex;
    if (!end.exec(xml)) return undefined;
    keptFrom = end.lastIndex;
    start.lastIndex = end.lastIndex;
  }
  kept.push(xml.slice(keptFrom));
  return kept.join("");
}

// ---------------------------------------------------------------------------
// Styles and dates

interface Styles {
  /** Number format id of each cell format (`cellXfs/xf`), in order. */
  cellFormats: number[];
  /** Formats the workbook defines, by number format id. */
  numberFormats: Map<number, string>;
}

// Ids above this are renumbered by SheetJS, which this reader does not follow.
const MAX_FORMAT_ID = 0x188;

/** Reads the cell formats as SheetJS does, or returns undefined when there are none. */
function readStyles(xml: string): Styles | undefined {
  const numberFormats = new Map<number, string>();
  const formats = findElementAsSheetJS(xml, "numFmts");
  if (formats) {
    for (const tag of xml
      .slice(formats.start, formats.end)
      .match(SHEETJS_TAG) ?? []) {
      const { name, attributes } = parseTagAsSheetJS(tag);
      if (name.replace(/<(\/?)\w+:/, "<$1") !== "<numFmt") continue;
      const id = formatId(attributes.numFmtId);
      if (attributes.formatCode === undefined)
        decline("a number format has no code");
      if (id > 0)
        numberFormats.set(id, unescapeXmlAsSheetJS(attributes.formatCode));
    }
  }

  const cellFormatList = findElementAsSheetJS(xml, "cellXfs");
  if (!cellFormatList) return undefined;
  const cellFormats: number[] = [];
  const list = xml.slice(cellFormatList.start, cellFormatList.end);
  for (const tag of list.match(SHEETJS_TAG) ?? []) {
    const { name, attributes } = parseTagAsSheetJS(tag);
    const local = name.replace(/<(\/?)\w+:/, "<$1");
    if (local !== "<xf" && local !== "<xf/>" && local !== "<xf>") continue;
    // A missing id is format 0 (General).
    const id = attributes.numFmtId;
    cellFormats.push(id === undefined ? 0 : formatId(id));
  }
  return { cellFormats, numberFormats };
}

function formatId(text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text))
    decline(`the number format id ${text ?? "(none)"} is not a number`);
  const id = Number(text);
  if (id > MAX_FORMAT_ID) decline(`the number format id ${id} is too high`);
  return id;
}

// SheetJS's table of built-in formats, taken when this module loads. SheetJS
// adds each workbook's own formats to the same table while it reads the
// workbook, from id 164 up as Excel numbers them, so only ids below 164 are
// kept. NOTE: a workbook read before this module loaded that redefined a
// built-in id would leave its format here.
const BUILT_IN_FORMATS = new Map<number, string>(
  Object.entries(XLSX.SSF.get_table() as Record<string, string>)
    .filter(([id]) => Number(id) < 164)
    .map(([id, format]) => [Number(id), format]),
);

// Formats SheetJS CE 0.20.3 gives the ids that are neither built in nor
// defined by the workbook. SheetJS does not export this table.
const IMPLICIT_FORMATS: Record<number, string> = {
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  23: "General",
  24: "General",
  25: "General",
  26: "General",
  27: "m/d/yy",
  28: "m/d/yy",
  29: "m/d/yy",
  30: "m/d/yy",
  31: "m/d/yy",
  32: "h:mm:ss",
  33: "h:mm:ss",
  34: "h:mm:ss",
  35: "h:mm:ss",
  36: "m/d/yy",
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  50: "m/d/yy",
  51: "m/d/yy",
  52: "m/d/yy",
  53: "m/d/yy",
  54: "m/d/yy",
  55: "m/d/yy",
  56: "m/d/yy",
  57: "m/d/yy",
  58: "m/d/yy",
  59: "0",
  60: "0.00",
  61: "#,##0",
  62: "#,##0.00",
  63: '"$"#,##0_);\\("$"#,##0\\)',
  64: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  65: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  66: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  67: "0%",
  68: "0.00%",
  69: "# ?/?",
  70: "# ??/??",
  71: "m/d/yy",
  72: "m/d/yy",
  73: "d-mmm-yy",
  74: "d-mmm",
  75: "mmm-yy",
  76: "h:mm",
  77: "h:mm:ss",
  78: "m/d/yy h:mm",
  79: "mm:ss",
  80: "[h]:mm:ss",
  81: "mmss.0",
};

/** Decides, per cell style (`s`), whether a number cell is a date. */
class DateStyles {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly styles: Styles) {}

  isDate(style: string): boolean {
    let isDate = this.known.get(style);
    if (isDate === undefined) {
      isDate = XLSX.SSF.is_date(this.formatOf(style)) as boolean;
      this.known.set(style, isDate);
    }
    return isDate;
  }

  private formatOf(style: string): string {
    // SheetJS looks the style up as an array index, so `01` finds no format.
    const index = /^(?:0|[1-9]\d*)$/.test(style) ? Number(style) : -1;
    const id = this.styles.cellFormats[index] ?? 0;
    return (
      this.styles.numberFormats.get(id) ??
      BUILT_IN_FORMATS.get(id) ??
      IMPLICIT_FORMATS[id] ??
      "General"
    );
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/**
 * Text of a date-formatted serial number, converted as SheetJS converts it:
 * serials below 60 are shifted a day for the 1900 leap-year bug, and serial
 * 60 (the 29 February 1900 that never was) stays a number.
 */
function serialDateText(serial: number, date1904: boolean): string {
  const value = serial + (date1904 ? 1462 : 0);
  if (value >= 60 && value < 61) return String(value);
  return isoDate(
    new Date((value > 60 ? value : value + 1) * DAY_MS + EPOCH_1900),
  );
}

// ---------------------------------------------------------------------------
// Worksheets

interface SheetContext {
  /** Name of the sheet being read. */
  sheet: string;
  strings: SharedStrings | undefined;
  dateStyles: DateStyles | undefined;
  date1904: boolean;
  problems: CellProblems;
}

/** Cells whose problems are listed one by one; the rest are counted. */
const MAX_LISTED_CELL_PROBLEMS = 20;

/** Problems found in single cells of the workbook, listed up to a maximum. */
class CellProblems {
  private readonly listed: Problem[] = [];
  private unlisted = 0;

  add(problem: Problem): void {
    if (this.listed.length < MAX_LISTED_CELL_PROBLEMS)
      this.listed.push(problem);
    else this.unlisted += 1;
  }

  list(): Problem[] {
    if (this.unlisted === 0) return [...this.listed];
    return [
      ...this.listed,
      {
        code: "cell.invalid",
        severity: "warning",
        message: `${this.unlisted} more cells have a shared string index out of range and are read as empty`,
      },
    ];
  }
}

/**
 * Text of shared string `index` for the cell at `place`. An index past the
 * end of the table makes SheetJS 0.20.3 leave out the whole sheet, and with
 * it the form. This reader keeps the sheet, reads the cell as empty and
 * records a warning at the cell.
 */
function sharedStringText(
  strings: SharedStrings,
  index: number,
  place: CellPlace,
  context: SheetContext,
): string {
  if (index >= strings.size) {
    context.problems.add({
      code: "cell.invalid",
      severity: "warning",
      message: `the shared string index ${index} is out of range, so the cell is read as empty`,
      location: `${context.sheet}!${cellName(place)}`,
    });
    return "";
  }
  return strings.text(index) ?? "";
}

/** Attributes of a `<row>` or `<c>` start tag that the grid depends on. */
interface StartTag {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
  /** True when `r` is the first attribute. */
  rFirst: boolean;
  selfClosing: boolean;
  /** Index just after the tag. */
  end: number;
}

const MERGE = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;

const SHEET_DATA_START = /<(?:\w+:)?sheetData\b[^<>]*>/g;
const SHEET_DATA_END = "</sheetData>";

function readSheet(name: string, xml: string, context: SheetContext): Sheet {
  const texts: string[][] = [];
  let afterCells = xml;
  SHEET_DATA_START.lastIndex = 0;
  const start = SHEET_DATA_START.exec(xml);
  if (start && !start[0].startsWith("<sheetData"))
    decline(`the sheet ${name} has prefixed cell data`);
  if (start && !start[0].endsWith("/>")) {
    // The scan stops at the first `</sheetData>`, which is where SheetJS
    // ends the cell data too: nothing the scan accepts can contain it.
    const end = readCells(xml, SHEET_DATA_START.lastIndex, texts, context);
    afterCells = xml.slice(end + SHEET_DATA_END.length);
  } else if (start && findElementAsSheetJS(xml, "sheetData")) {
    decline(
      `the sheet ${name} has an empty <sheetData/> and cell data after it`,
    );
  }
  requireReadableHyperlinks(name, afterCells);
  for (const merge of afterCells.match(MERGE) ?? []) {
    clearMergedCells(texts, decodeRange(merge.slice(merge.indexOf("=") + 2)));
  }
  return { name, rows: gridRows(name, texts) };
}

const HYPERLINK = /<(?:\w+:)?hyperlink [^<>]*>/gm;

/**
 * Declines a hyperlink whose range has no column, such as `ref="1:2"`:
 * SheetJS 0.20.3 then fails on the whole sheet and leaves it out.
 */
function requireReadableHyperlinks(name: string, xml: string): void {
  for (const tag of xml.match(HYPERLINK) ?? []) {
    const reference = parseTagAsSheetJS(tag).attributes.ref;
    // SheetJS stops at the first hyperlink without a range.
    if (!reference) return;
    const { s: start, e: end } = decodeRange(reference);
    if (start.r <= end.r && start.c <= end.c && start.c < 0)
      decline(`the sheet ${name} has a hyperlink on ${reference}`);
  }
}

/** Reads the rows of the cell data from `start` and returns the index of its `</sheetData>`. */
function readCells(
  xml: string,
  start: number,
  texts: string[][],
  context: SheetContext,
): number {
  const end = xml.length;
  const tag: StartTag = {
    r: undefined,
    s: undefined,
    t: undefined,
    rFirst: false,
    selfClosing: false,
    end: 0,
  };
  let rowNumber = 0;
  let at = skipSpace(xml, start, end);
  for (;;) {
    if (xml.startsWith(SHEET_DATA_END, at)) return at;
    if (!readRowTag(xml, at, end, tag))
      decline(`row ${rowNumber + 1} has an unexpected start tag`);
    at = tag.end;
    // SheetJS skips an empty row written as `<row/>`, number included.
    if (tag.selfClosing) {
      at = skipSpace(xml, at, end);
      continue;
    }
    rowNumber = tag.r === undefined ? rowNumber + 1 : rowNumberOf(tag.r);
    at = readRow(xml, at, end, rowNumber, tag, texts, context);
    at = skipSpace(xml, at, end);
  }
}

// Rows as Excel and exceljs write them: `r` first, double-quoted values.
const PLAIN_ROW = /<row r="([1-9]\d{0,6})"((?: [\w:.-]+="[^"<>]*")*)(\/?)>/y;
// Another attribute SheetJS would read as the row number: `R`, `r_1`, `x:r`.
const ROW_NUMBER_ALIAS = / (?:[rR](?:_[^=]*)?|[\w.-]+:[rR])=/;

function readRowTag(
  xml: string,
  at: number,
  end: number,
  tag: StartTag,
): boolean {
  PLAIN_ROW.lastIndex = at;
  const plain = PLAIN_ROW.exec(xml);
  if (plain && plain.index + plain[0].length <= end) {
    const others = plain[2]!;
    if (others === "" || !ROW_NUMBER_ALIAS.test(others)) {
      tag.r = plain[1];
      tag.selfClosing = plain[3] === "/";
      tag.end = PLAIN_ROW.lastIndex;
      return true;
    }
  }
  if (!xml.startsWith("<row", at)) return false;
  return readStartTag(xml, at + 4, end, tag, ROW_KEYS);
}

function rowNumberOf(text: string): number {
  if (!/^[1-9]\d{0,6}$/.test(text))
    decline(`the row number ${text} is unusual`);
  return Number(text);
}

/** Reads the cells of one row up to its `</row>` and returns the index after it. */
function readRow(
  xml: string,
  start: number,
  end: number,
  rowNumber: number,
  tag: StartTag,
  texts: string[][],
  context: SheetContext,
): number {
  let column = -1;
  let at = skipSpace(xml, start, end);
  for (;;) {
    if (xml.startsWith("</row>", at)) return at + 6;

    PLAIN_CELL.lastIndex = at;
    if (PLAIN_CELL.test(xml) && PLAIN_CELL.lastIndex <= end) {
      const cellEnd = PLAIN_CELL.lastIndex;
      column = readPlainCell(xml, at, cellEnd, texts, context);
      at = skipSpace(xml, cellEnd, end);
      continue;
    }

    if (!xml.startsWith("<c", at))
      decline(`row ${rowNumber} has an element other than a cell`);
    const afterName = at + 2;
    const next = xml.charCodeAt(afterName);
    // SheetJS splits cells at `<c` followed by a space, `/` or `>` only.
    if (next !== 32 && next !== 47 && next !== 62)
      decline(`row ${rowNumber} has an unexpected cell tag`);
    if (!readStartTag(xml, afterName, end, tag, CELL_KEYS))
      decline(`row ${rowNumber} has an unexpected cell tag`);

    if (tag.r !== undefined && !CELL_REFERENCE.test(tag.r))
      decline(`the cell reference ${tag.r} is unusual`);

    const cell = readCellContent(xml, tag.end, end, tag.selfClosing, rowNumber);
    column = cellColumn(xml, afterName, cell.end, tag, column);
    if (tag.r === undefined && column < 0)
      decline(`a cell in row ${rowNumber} has no usable column`);
    const place: CellPlace =
      tag.r === undefined ? { row: rowNumber, column } : decodeReference(tag.r);
    const raw =
      cell.valueStart === cell.valueEnd
        ? undefined
        : xml.slice(cell.valueStart, cell.valueEnd);
    const inline =
      cell.inlineStart < 0
        ? undefined
        : xml.slice(cell.inlineStart, cell.inlineEnd);
    const text = valueText(tag.t, tag.s, raw, inline, context, place);
    if (text !== undefined) (texts[place.row - 1] ??= [])[place.column] = text;
    at = skipSpace(xml, cell.end, end);
  }
}

/** Position of a cell: its 1-based row number and 0-based column index. */
interface CellPlace {
  row: number;
  column: number;
}

function decodeReference(reference: string): CellPlace {
  let row = 0;
  let column = 0;
  for (let index = 0; index < reference.length; index += 1) {
    const code = reference.charCodeAt(index);
    if (code >= 48 && code <= 57) row = 10 * row + (code - 48);
    else column = 26 * column + (code - 64);
  }
  return { row, column: column - 1 };
}

function cellName({ row, column }: CellPlace): string {
  return `${columnName(column + 1)}${row}`;
}

/**
 * Reads a cell `PLAIN_CELL` matched from `start` to `end`, whose shape the
 * pattern has checked, and returns its column index. A shared string index
 * is read without copying the value out of the XML.
 */
function readPlainCell(
  xml: string,
  start: number,
  end: number,
  texts: string[][],
  context: SheetContext,
): number {
  let at = start + 6; // after `<c r="`
  let column = 0;
  for (let code = xml.charCodeAt(at); code >= 65; code = xml.charCodeAt(++at))
    column = 26 * column + code - 64;
  let row = 0;
  for (let code = xml.charCodeAt(at); code !== 34; code = xml.charCodeAt(++at))
    row = 10 * row + code - 48;
  at += 1;
  const place: CellPlace = { row, column: column - 1 };

  let styleStart = -1;
  let styleEnd = -1;
  if (xml.charCodeAt(at) === 32 && xml.charCodeAt(at + 1) === 115) {
    styleStart = at + 4;
    styleEnd = xml.indexOf('"', styleStart);
    at = styleEnd + 1;
  }
  let type: string | undefined;
  if (xml.charCodeAt(at) === 32 && xml.charCodeAt(at + 1) === 116) {
    const typeEnd = xml.indexOf('"', at + 4);
    type = cellType(xml, at + 4, typeEnd);
  }
  let valueStart = end;
  let valueEnd = end;
  if (xml.startsWith("</v></c>", end - 8)) {
    valueEnd = end - 8;
    valueStart = xml.lastIndexOf("<v>", valueEnd) + 3;
  }

  let text: string | undefined;
  const index =
    type === "s" && context.strings
      ? digitsValue(xml, valueStart, valueEnd)
      : -1;
  if (index >= 0) {
    text = sharedStringText(context.strings!, index, place, context);
  } else {
    const raw =
      valueStart === valueEnd ? undefined : xml.slice(valueStart, valueEnd);
    const style = styleStart < 0 ? undefined : xml.slice(styleStart, styleEnd);
    text = valueText(type, style, raw, undefined, context, place);
  }
  if (text !== undefined) (texts[row - 1] ??= [])[place.column] = text;
  return place.column;
}

function cellType(xml: string, start: number, end: number): string {
  if (end - start === 1) {
    switch (xml.charCodeAt(start)) {
      case 115:
        return "s";
      case 110:
        return "n";
      case 98:
        return "b";
      case 101:
        return "e";
    }
  } else if (end - start === 3 && xml.startsWith("str", start)) {
    return "str";
  }
  return xml.slice(start, end);
}

/** Returns the number written with digits only from `start` to `end`, else -1. */
function digitsValue(xml: string, start: number, end: number): number {
  if (start === end || end - start > 9) return -1;
  let value = 0;
  for (let at = start; at < end; at += 1) {
    const digit = xml.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = 10 * value + digit;
  }
  return value;
}

// Cells as Excel and exceljs write them: `r`, `s` and `t` in this order, and
// at most a formula and a value inside. Other cells take the general path.
const PLAIN_CELL =
  /<c r="[A-Z]{1,3}[1-9]\d{0,6}"(?: s="\d+")?(?: t="\w*")?(?:\/>|>(?:<f(?: [^<>]*)?\/>|<f(?: [^<>]*)?>[^<]*<\/f>)?(?:<v>[^<]*<\/v>)?<\/c>)/y;

const R_ATTRIBUTE = /r=["']([^"']*)["']/;

/**
 * Column SheetJS counts for the cell: the column of the first `r="…"` in the
 * cell's XML, else one after the previous cell's. It matters only for the
 * reference of a cell without `r`.
 */
function cellColumn(
  xml: string,
  start: number,
  end: number,
  tag: StartTag,
  previous: number,
): number {
  const reference = tag.rFirst
    ? tag.r
    : R_ATTRIBUTE.exec(xml.slice(start, end))?.[1];
  if (reference === undefined) return previous + 1;
  let column = 0;
  for (let index = 0; index < reference.length; index += 1) {
    const letter = reference.charCodeAt(index) - 64;
    if (letter < 1 || letter > 26) break;
    column = 26 * column + letter;
  }
  return column - 1;
}

interface CellContent {
  /** Bounds of the `<v>` text; equal when the cell has none or it is empty. */
  valueStart: number;
  valueEnd: number;
  /** Bounds of the `<is>` content, or -1 when the cell has none. */
  inlineStart: number;
  inlineEnd: number;
  /** Index just after the cell. */
  end: number;
}

/** Finds the value and the inline string of a cell, whose only allowed children are `<f>`, `<v>` and `<is>`. */
function readCellContent(
  xml: string,
  start: number,
  end: number,
  selfClosing: boolean,
  rowNumber: number,
): CellContent {
  const content: CellContent = {
    valueStart: 0,
    valueEnd: 0,
    inlineStart: -1,
    inlineEnd: -1,
    end: start,
  };
  if (selfClosing) return content;
  let at = skipSpace(xml, start, end);
  for (;;) {
    if (xml.startsWith("</c>", at)) {
      content.end = at + 4;
      return content;
    }
    const element = childElement(xml, at);
    const close = xml.indexOf(">", at);
    if (element === undefined || close < 0 || close >= end)
      decline(`a cell in row ${rowNumber} has unexpected content`);
    const empty = xml.charCodeAt(close - 1) === 47;
    if (element === "f" && empty) {
      at = skipSpace(xml, close + 1, end);
      continue;
    }
    if (empty) decline(`a cell in row ${rowNumber} has an empty <${element}/>`);
    const closing = xml.indexOf(`</${element}>`, close + 1);
    if (closing < 0 || closing >= end)
      decline(`a cell in row ${rowNumber} has an unclosed <${element}>`);
    const inner = xml.slice(close + 1, closing);
    if (element === "is") {
      if (content.inlineStart >= 0 || /<\/?c[\s/>]|sheetData/.test(inner))
        decline(`a cell in row ${rowNumber} has an unexpected inline string`);
      content.inlineStart = close + 1;
      content.inlineEnd = closing;
    } else {
      if (inner.includes("<"))
        decline(`a cell in row ${rowNumber} has markup inside <${element}>`);
      if (element === "v") {
        if (content.valueEnd > 0)
          decline(`a cell in row ${rowNumber} has two values`);
        content.valueStart = close + 1;
        content.valueEnd = closing;
      }
    }
    at = skipSpace(xml, closing + element.length + 3, end);
  }
}

function childElement(xml: string, at: number): "f" | "v" | "is" | undefined {
  if (xml.charCodeAt(at) !== 60) return undefined;
  const first = xml.charCodeAt(at + 1);
  if (first === 118 && isTagNameEnd(xml.charCodeAt(at + 2))) return "v";
  if (first === 102 && isTagNameEnd(xml.charCodeAt(at + 2))) return "f";
  if (
    first === 105 &&
    xml.charCodeAt(at + 2) === 115 &&
    isTagNameEnd(xml.charCodeAt(at + 3))
  )
    return "is";
  return undefined;
}

function isTagNameEnd(code: number): boolean {
  return code === 62 || code === 32 || code === 47;
}

const DIGITS = /^\d+$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Text of one cell as SheetJS reads it, or undefined for a cell SheetJS
 * leaves out (no type and no value, or an empty number or shared string).
 */
function valueText(
  type: string | undefined,
  style: string | undefined,
  raw: string | undefined,
  inline: string | undefined,
  context: SheetContext,
  place: CellPlace,
): string | undefined {
  // SheetJS unescapes the raw `<v>` text before it looks at the type; an
  // empty `<v></v>` is no value (`raw` undefined).
  const value = raw === undefined ? undefined : unescapeXmlAsSheetJS(raw);
  if (type === undefined && value === undefined) return undefined;

  switch (type || "n") {
    case "n": {
      if (value === undefined) return undefined;
      if (!NUMBER.test(value))
        decline(`the number in ${cellName(place)} is unusual`);
      const number = parseFloat(value);
      if (!Number.isFinite(number))
        decline(`the number in ${cellName(place)} is out of range`);
      if (style !== undefined && context.dateStyles?.isDate(style))
        return serialDateText(number, context.date1904);
      return String(number);
    }
    case "s": {
      if (value === undefined) return undefined;
      if (!DIGITS.test(value))
        decline(`the shared string index in ${cellName(place)} is unusual`);
      if (!context.strings)
        decline(
          `${cellName(place)} refers to a shared strings part that is missing`,
        );
      return sharedStringText(context.strings, Number(value), place, context);
    }
    case "str":
      return raw === undefined ? "" : formulaStringText(raw);
    case "inlineStr":
      return inline === undefined ? "" : (stringItemText(inline) ?? "");
    case "b":
      return value !== undefined && parseXmlBooleanAsSheetJS(value)
        ? "TRUE"
        : "FALSE";
    case "e":
      return raw === undefined ? "" : unescapeXmlAsSheetJS(binaryString(raw));
    default:
      return decline(`${cellName(place)} has the cell type "${type}"`);
  }
}

/**
 * Text of a formula's cached string result. SheetJS 0.20.3 unescapes it
 * twice, the first time on the raw UTF-8 bytes, so `&amp;lt;` reads `<`
 * and a character reference beyond Latin-1 is garbled as SheetJS garbles it.
 */
function formulaStringText(raw: string): string {
  if (!raw.includes("&") && !raw.includes("_"))
    return raw.includes("\r") ? raw.replace(/\r\n/g, "\n") : raw;
  const once = unescapeXmlAsSheetJS(binaryString(raw));
  return unescapeXmlAsSheetJS(
    Buffer.from(once, "latin1").toString("utf8"),
    true,
  );
}

const NON_ASCII = /[^\u0020-\u007e\t\n\r]/;

/** Returns the UTF-8 bytes of `text` as one character each, which is how SheetJS keeps a part's text. */
function binaryString(text: string): string {
  return NON_ASCII.test(text)
    ? Buffer.from(text, "utf8").toString("latin1")
    : text;
}

const ROW_KEYS = ["r"] as const;
const KEY_BY_CODE: Record<number, "r" | "s" | "t"> = {
  114: "r",
  115: "s",
  116: "t",
};
const CELL_KEYS = ["r", "s", "t"] as const;
const CELL_REFERENCE = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/**
 * Reads the attributes of a start tag from `start` (just after its name) into
 * `tag`. Only double-quoted values without `<` or `>` are accepted. Returns
 * false for anything else, and for an attribute SheetJS would take for one
 * of `keys` under another name (`x:r`, `R`, `r_1`).
 */
function readStartTag(
  xml: string,
  start: number,
  end: number,
  tag: StartTag,
  keys: readonly string[],
): boolean {
  tag.r = tag.s = tag.t = undefined;
  tag.rFirst = false;
  let at = start;
  let first = true;
  for (;;) {
    const spaceStart = at;
    at = skipSpace(xml, at, end);
    const code = xml.charCodeAt(at);
    if (code === 62) {
      tag.selfClosing = false;
      tag.end = at + 1;
      break;
    }
    if (code === 47) {
      if (xml.charCodeAt(at + 1) !== 62) return false;
      tag.selfClosing = true;
      tag.end = at + 2;
      break;
    }
    if (at === spaceStart) return false;

    const nameStart = at;
    while (at < end && isNameCharacter(xml.charCodeAt(at))) at += 1;
    if (
      at === nameStart ||
      xml.charCodeAt(at) !== 61 ||
      xml.charCodeAt(at + 1) !== 34
    )
      return false;
    const nameEnd = at;
    const valueStart = at + 2;
    const valueEnd = xml.indexOf('"', valueStart);
    if (valueEnd < 0 || valueEnd >= end) return false;
    for (let index = valueStart; index < valueEnd; index += 1) {
      const character = xml.charCodeAt(index);
      if (character === 60 || character === 62) return false;
    }
    at = valueEnd + 1;

    if (nameEnd - nameStart === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === 114 || name === 115 || name === 116) {
        const key = KEY_BY_CODE[name]!;
        if (!keys.includes(key)) {
          first = false;
          continue;
        }
        if (tag[key] !== undefined) return false;
        tag[key] = xml.slice(valueStart, valueEnd);
        if (key === "r") tag.rFirst = first;
        first = false;
        continue;
      }
    }
    if (keys.includes(sheetJsKey(xml.slice(nameStart, nameEnd)))) return false;
    first = false;
  }
  return true;
}

/** Returns the key SheetJS files an attribute under, lower-cased: `x14ac:dyDescent` → `dydescent`, `r_1` → `r`. */
function sheetJsKey(name: string): string {
  const colon = name.indexOf(":");
  if (colon >= 0) return name.slice(colon + 1).toLowerCase();
  const underscore = name.indexOf("_");
  return (underscore > 0 ? name.slice(0, underscore) : name).toLowerCase();
}

function isNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 58 ||
    code === 95 ||
    code === 45 ||
    code === 46
  );
}

function skipSpace(xml: string, start: number, end: number): number {
  let at = start;
  while (at < end) {
    const code = xml.charCodeAt(at);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 9) break;
    at += 1;
  }
  return at;
}

interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** Decodes `A1:B2` (or `A1`) as SheetJS's `safe_decode_range` does, stopping at the first unexpected character. */
function decodeRange(text: string): CellRange {
  let index = 0;
  const readNumber = (from: number, base: number, digits: boolean) => {
    let value = 0;
    for (; index < text.length; index += 1) {
      const code = text.charCodeAt(index) - from;
      if (digits ? code < 0 || code > 9 : code < 1 || code > 26) break;
      value = base * value + code;
    }
    return value - 1;
  };
  const startColumn = readNumber(64, 26, false);
  const startRow = readNumber(48, 10, true);
  const start = { r: startRow, c: startColumn };
  if (index === text.length || text.charCodeAt(index) !== 58)
    return { s: start, e: { ...start } };
  index += 1;
  const endColumn = readNumber(64, 26, false);
  const endRow = readNumber(48, 10, true);
  return { s: start, e: { r: endRow, c: endColumn } };
}

/** Empties the cells a merged range covers besides its master (top-left) cell, as `readWithSheetJS` does. */
function clearMergedCells(
  texts: string[][],
  { s: start, e: end }: CellRange,
): void {
  const lastRow = Math.min(end.r, texts.length - 1);
  for (
    let rowIndex = Math.max(start.r, 0);
    rowIndex <= lastRow;
    rowIndex += 1
  ) {
    const row = texts[rowIndex];
    if (!row) continue;
    const lastColumn = Math.min(end.c, row.length - 1);
    for (let column = Math.max(start.c, 0); column <= lastColumn; column += 1) {
      if (rowIndex !== start.r || column !== start.c) delete row[column];
    }
  }
}

const columnNames: string[] = [];

/** Builds the grid rows: cells with text only, every row an array, as `readWithSheetJS` builds them. */
function gridRows(name: string, texts: string[][]): (CellText | undefined)[][] {
  const rows: (CellText | undefined)[][] = [];
  const prefix = `${name}!`;
  texts.forEach((row, rowIndex) => {
    const cells: (CellText | undefined)[] = [];
    const rowNumber = String(rowIndex + 1);
    row.forEach((text, column) => {
      if (text === "") return;
      const letters = (columnNames[column] ??= columnName(column + 1));
      cells[column] = { text, location: prefix + letters + rowNumber };
    });
    if (cells.length > 0) rows[rowIndex] = cells;
  });
  for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  return rows;
}
