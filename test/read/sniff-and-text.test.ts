import { describe, expect, it } from "vitest";
import { readSource } from "../../src/read/index.js";
import { sniffContainer } from "../../src/read/sniff.js";
import { decodeText, splitLines } from "../../src/read/text.js";
import {
  encryptedOoxml,
  legacyXls,
  nemaBytes,
  randomBytes,
} from "../helpers/workbook-fixtures.js";

const encode = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const high = code >> 8;
    const low = code & 0xff;
    bytes.set(littleEndian ? [low, high] : [high, low], 2 + index * 2);
  }
  return bytes;
}

describe("sniffContainer", () => {
  it.each([
    ["xlsx", nemaBytes, "zip"],
    ["xls", legacyXls, "ole"],
    ["encrypted xlsx", encryptedOoxml, "ole"],
    ["PDF after junk", () => encode("junk\n%PDF-1.7\n"), "pdf"],
    ["UTF-8 text", () => encode("ALOF-1,Question?: Yes\n"), "text"],
    ["UTF-16 LE text", () => utf16("ALOF-1,Question?: Yes\n", true), "text"],
    ["UTF-16 BE text", () => utf16("ALOF-1,Question?: Yes\n", false), "text"],
    ["random bytes", () => randomBytes(4096, 11), "unknown"],
  ] as const)("%s is %s", (_name, build, container) => {
    expect(sniffContainer(build())).toBe(container);
  });
});

describe("decodeText", () => {
  it.each([
    [
      "UTF-8 with BOM",
      new Uint8Array([0xef, 0xbb, 0xbf, ...encode("Déjà vu")]),
      "Déjà vu",
    ],
    ["UTF-8", encode("Device’s “ePHI”"), "Device’s “ePHI”"],
    ["UTF-16 LE", utf16("Déjà vu", true), "Déjà vu"],
    ["UTF-16 BE", utf16("Déjà vu", false), "Déjà vu"],
    [
      "Windows-1252",
      new Uint8Array([0x93, 0x41, 0x94, 0x20, 0xe9, 0x20, 0x80]),
      "“A” é €",
    ],
  ])("%s decodes", (_name, bytes, text) => {
    expect(decodeText(bytes)).toBe(text);
  });
});

describe("splitLines", () => {
  it.each([
    ["LF", "a\nb\n", ["a", "b"]],
    ["CRLF", "a\r\nb\r\n", ["a", "b"]],
    ["CR", "a\rb", ["a", "b"]],
    ["blank lines kept", "a\n\nb", ["a", "", "b"]],
  ])("%s", (_name, text, lines) => {
    expect(splitLines(text)).toEqual(lines);
  });
});

describe("text reader", () => {
  it("numbers lines from 1", async () => {
    const content = await readSource(
      encode("title\r\n\r\nALOF-1,Q?: Yes\r\n"),
      "form.txt",
    );
    if (content.kind !== "lines") throw new Error("expected lines");
    expect(content.format).toBe("text");
    expect(content.lines.map((line) => line.location)).toEqual([
      "line 1",
      "line 2",
      "line 3",
    ]);
    expect(content.lines[2]?.text).toBe("ALOF-1,Q?: Yes");
  });
});
