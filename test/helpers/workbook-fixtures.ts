/**
 * Workbook fixtures for the read stage, built by code from NEMA's example
 * HN 1-2019 worksheet: each one reproduces a fault that a spreadsheet library
 * or a vendor's tool produces.
 */

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";
import * as XLSX from "@e965/xlsx";
import CFB from "cfb";
import {
  deflateSync,
  strFromU8,
  strToU8,
  unzipSync,
  zipSync,
  type Zippable,
} from "fflate";

const testFolder = dirname(fileURLToPath(import.meta.url));

/** Folder of the real vendor forms shared by the test suites. */
export const REAL_CORPUS = resolve(testFolder, "../../../shared/corpus/real");
export const NEMA_2019_XLSX = resolve(
  REAL_CORPUS,
  "nema-hn1-2019-example-mds2-worksheet.xlsx",
);
export const MEDICAPTURE_TEXT = resolve(
  REAL_CORPUS,
  "medicapture-mvr-mds2-2019-text.md",
);

const SHEET = "xl/worksheets/sheet1.xml";

export type Entries = Record<string, Uint8Array>;

export function nemaBytes(): Uint8Array {
  return new Uint8Array(readFileSync(NEMA_2019_XLSX));
}

export function nemaEntries(): Entries {
  return unzipSync(nemaBytes());
}

export function packZip(entries: Zippable): Uint8Array {
  return zipSync(entries);
}

function editPart(
  entries: Entries,
  part: string,
  edit: (xml: string) => string,
): Entries {
  const data = entries[part];
  if (!data) throw new Error(`fixture part ${part} is missing`);
  return { ...entries, [part]: strToU8(edit(strFromU8(data))) };
}

/** Builds the form with a list validation over whole columns B:J, as some vendor templates have. */
export function wholeColumnValidation(): Uint8Array {
  const entries = editPart(nemaEntries(), SHEET, (xml) =>
    xml.replace(
      /<dataValidations[\s\S]*?<\/dataValidations>/,
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B1:J1048576">' +
        '<formula1>"Yes,No,N/A,See Notes"</formula1></dataValidation></dataValidations>',
    ),
  );
  return packZip(entries);
}

/** Prefixes every unprefixed element of the SpreadsheetML parts with `x:`, as the .NET OpenXML SDK writes. */
export function prefixedNamespace(): Uint8Array {
  let entries = nemaEntries();
  for (const part of [
    "xl/workbook.xml",
    SHEET,
    "xl/sharedStrings.xml",
    "xl/styles.xml",
  ]) {
    entries = editPart(entries, part, (xml) =>
      xml
        .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, "<$1x:$2")
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        ),
    );
  }
  return packZip(entries);
}

/** DOC-7 (C12) written as an ISO-date cell (`t="d"`) instead of a serial number. */
export function isoDateCell(): Uint8Array {
  const entries = editPart(nemaEntries(), SHEET, (xml) =>
    xml.replace(
      /<c r="C12"[^>]*><v>43747<\/v><\/c>/,
      '<c r="C12" t="d"><v>2019-10-09T00:00:00Z</v></c>',
    ),
  );
  return packZip(entries);
}

/** Builds the form whose only sheet has `sheetId="7"`, as after sheets were deleted in Excel. */
export function sheetIdSeven(): Uint8Array {
  const entries = editPart(nemaEntries(), "xl/workbook.xml", (xml) =>
    xml.replace('sheetId="1"', 'sheetId="7"'),
  );
  return packZip(entries);
}

/** Builds the form with every shared-string cell rewritten as an inline string (`t="inlineStr"`). */
export function inlineStrings(): Uint8Array {
  const entries = nemaEntries();
  const strings = sharedStrings(entries);
  const edited = editPart(entries, SHEET, (xml) =>
    xml.replace(
      /<c r="([A-Z]+\d+)"((?:\s+s="\d+")?)\s+t="s"><v>(\d+)<\/v><\/c>/g,
      (_whole, reference: string, style: string, index: string) =>
        `<c r="${reference}"${style} t="inlineStr"><is>${strings[Number(index)]}</is></c>`,
    ),
  );
  delete edited["xl/sharedStrings.xml"];
  return packZip(edited);
}

/** Builds the form without its shared strings part, which its cells still refer to. */
export function missingSharedStrings(): Uint8Array {
  const entries = nemaEntries();
  delete entries["xl/sharedStrings.xml"];
  return packZip(entries);
}

/** Builds the form whose hyperlinked DOC-5 contact cell (C10) contains rich text with two runs. */
export function richTextHyperlink(): Uint8Array {
  let entries = nemaEntries();
  const index = sharedStrings(entries).length;
  entries = editPart(entries, "xl/sharedStrings.xml", (xml) =>
    xml
      .replace(
        "</sst>",
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Sales: </t></r><r><t>sales@company.com</t></r></si></sst>',
      )
      .replace(/count="\d+"/, "")
      .replace(/uniqueCount="\d+"/, `uniqueCount="${index + 1}"`),
  );
  entries = editPart(entries, SHEET, (xml) =>
    xml.replace(
      /<c r="C10"([^>]*)t="s"><v>\d+<\/v><\/c>/,
      `<c r="C10"$1t="s"><v>${index}</v></c>`,
    ),
  );
  return packZip(entries);
}

/** Returns the inner XML of each `<si>` of the shared strings part, in order. */
function sharedStrings(entries: Entries): string[] {
  const xml = strFromU8(entries["xl/sharedStrings.xml"]!);
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => match[1]!);
}

/**
 * Builds the form with ALOF-1 (C50) linked to a checked form-control checkbox
 * and ALOF-2 (C51) to an unchecked one. Both cells are emptied first. With
 * `linked` false the boxes have no `fmlaLink`.
 */
export function checkboxAnswers(linked = true): Uint8Array {
  let entries = nemaEntries();
  entries = editPart(entries, SHEET, (xml) =>
    xml
      .replace(/<c r="C50"([^>]*?)\s*t="s"><v>\d+<\/v><\/c>/, '<c r="C50"$1/>')
      .replace(/<c r="C51"([^>]*?)\s*t="s"><v>\d+<\/v><\/c>/, '<c r="C51"$1/>')
      .replace(
        "</worksheet>",
        '<legacyDrawing r:id="rId90"/><controls>' +
          '<control shapeId="1025" r:id="rId91" name="Check Box 1"/>' +
          '<control shapeId="1026" r:id="rId92" name="Check Box 2"/>' +
          "</controls></worksheet>",
      ),
  );
  entries = editPart(entries, "xl/worksheets/_rels/sheet1.xml.rels", (xml) =>
    xml.replace(
      "</Relationships>",
      '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>' +
        '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp" Target="../ctrlProps/ctrlProp1.xml"/>' +
        '<Relationship Id="rId92" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp" Target="../ctrlProps/ctrlProp2.xml"/>' +
        "</Relationships>",
    ),
  );
  entries = editPart(entries, "[Content_Types].xml", (xml) =>
    xml.replace(
      "</Types>",
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        '<Override PartName="/xl/ctrlProps/ctrlProp1.xml" ContentType="application/vnd.ms-excel.controlproperties+xml"/>' +
        '<Override PartName="/xl/ctrlProps/ctrlProp2.xml" ContentType="application/vnd.ms-excel.controlproperties+xml"/>' +
        "</Types>",
    ),
  );
  const control = (checked: boolean, cell: string) =>
    strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox"${checked ? ' checked="Checked"' : ""}${linked ? ` fmlaLink="${cell}"` : ""} lockText="1" noThreeD="1"/>`,
    );
  entries["xl/ctrlProps/ctrlProp1.xml"] = control(true, "$C$50");
  entries["xl/ctrlProps/ctrlProp2.xml"] = control(false, "$C$51");
  entries["xl/drawings/vmlDrawing1.vml"] = strToU8(
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t201"><x:ClientData ObjectType="Checkbox"><x:Checked>1</x:Checked><x:FmlaLink>$C$50</x:FmlaLink></x:ClientData></v:shape>' +
      '<v:shape id="_x0000_s1026" type="#_x0000_t201"><x:ClientData ObjectType="Checkbox"><x:FmlaLink>$C$51</x:FmlaLink></x:ClientData></v:shape>' +
      "</xml>",
  );
  return packZip(entries);
}

/**
 * Reads the NEMA form as rows of cell values, dates as Date objects, cut to the
 * eight columns A:H the form uses (its styles reach column AMH).
 */
function nemaRows(): unknown[][] {
  const workbook = XLSX.read(nemaBytes(), {
    type: "buffer",
    cellDates: true,
    UTC: true,
  });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: null,
    UTC: true,
  });
  return rows.map((row) => row.slice(0, 8));
}

/**
 * Builds the form table moved down 4 rows and right 2 columns, on a sheet named
 * `Disclosure`, after a cover sheet and an instructions sheet.
 */
export function movedTableWithSheetsBefore(): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([
      ["Cover"],
      ["Device security disclosure"],
      ["Yes"],
    ]),
    "Cover",
  );
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([["Instructions"], ["Answer Yes, No or N/A."]]),
    "Instructions",
  );
  const form = XLSX.utils.aoa_to_sheet([]);
  XLSX.utils.sheet_add_aoa(form, nemaRows(), {
    origin: "C5",
    cellDates: true,
    UTC: true,
  });
  XLSX.utils.book_append_sheet(workbook, form, "Disclosure");
  return new Uint8Array(
    XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer,
  );
}

/** Builds the NEMA form saved as a legacy BIFF8 .xls workbook. */
export function legacyXls(): Uint8Array {
  const workbook = XLSX.utils.book_new();
  const form = XLSX.utils.aoa_to_sheet(nemaRows(), {
    cellDates: true,
    UTC: true,
  });
  XLSX.utils.book_append_sheet(workbook, form, "mds2-form");
  return new Uint8Array(
    XLSX.write(workbook, { type: "buffer", bookType: "biff8" }) as Buffer,
  );
}

/** Builds an OLE compound file as Office writes a password-encrypted .xlsx (random payload). */
export function encryptedOoxml(): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "/EncryptionInfo", randomBytes(248, 1));
  CFB.utils.cfb_add(container, "/EncryptedPackage", randomBytes(4096, 2));
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer);
}

/**
 * Builds a .xls workbook marked as encrypted: a FILEPASS record (RC4
 * CryptoAPI) after the workbook's first BOF record, as Excel writes when a
 * password to open is set. The payload is not really encrypted.
 */
export function encryptedXls(): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([["DOC-1"]]),
    "mds2-form",
  );
  const bytes = XLSX.write(workbook, {
    type: "buffer",
    bookType: "biff8",
  }) as Buffer;
  const container = CFB.read(bytes, { type: "buffer" });
  const stream = CFB.find(container, "Workbook");
  if (!stream) throw new Error("SheetJS wrote no Workbook stream");

  const data = Buffer.from(stream.content as Uint8Array);
  const bofEnd = 4 + data.readUInt16LE(2);
  const filePass = Buffer.alloc(4 + 54);
  filePass.writeUInt16LE(0x002f, 0);
  filePass.writeUInt16LE(54, 2);
  filePass.writeUInt16LE(1, 4);
  filePass.writeUInt16LE(1, 6);
  filePass.writeUInt16LE(1, 8);
  stream.content = Buffer.concat([
    data.subarray(0, bofEnd),
    filePass,
    data.subarray(bofEnd),
  ]);
  stream.size = stream.content.length;
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer);
}

/** Builds an OLE compound file that contains only a Word stream. */
export function oleWithoutWorkbook(): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "/WordDocument", randomBytes(1024, 3));
  return new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer);
}

/**
 * Builds a zip of workbook parts plus `megabytes` entries that each inflate to 1 MiB
 * of zeros. The 1 MiB is compressed once and its ~1 KB stream reused, so the
 * bomb is built in milliseconds. A `declaredSize` below 1 MiB makes the
 * entries lie about their inflated size.
 */
export function zipBomb(
  megabytes: number,
  declaredSize = 1024 * 1024,
): Uint8Array {
  const zeros = new Uint8Array(1024 * 1024);
  const compressed = deflateSync(zeros, { level: 9 });
  const checksum = crc32(zeros);
  const entries: ZipEntry[] = [
    storedEntry("[Content_Types].xml", strToU8("<Types/>")),
    storedEntry("xl/workbook.xml", strToU8("<workbook/>")),
  ];
  for (let index = 0; index < megabytes; index += 1) {
    entries.push({
      name: `xl/media/zeros${index}.bin`,
      method: 8,
      data: compressed,
      size: declaredSize,
      crc: checksum,
    });
  }
  return assembleZip(entries);
}

interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  data: Uint8Array;
  size: number;
  crc: number;
}

function storedEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, method: 0, data, size: data.length, crc: crc32(data) };
}

/** Writes local headers, data, central directory and end record (no zip64). */
function assembleZip(entries: ZipEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(entry.data));

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/** Builds a valid zip that contains a Word document's parts, not a workbook's. */
export function zipNotWorkbook(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "word/document.xml": strToU8("<document/>"),
  });
}

/** Deterministic pseudo-random bytes. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed * 2654435761;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}
