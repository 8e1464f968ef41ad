/**
 * Small readers for the package parts of an OOXML workbook: relationships,
 * sheet names, attributes, and XML helpers that read as SheetJS does.
 */

import { strFromU8 } from "fflate";
import type { ZipEntries } from "./zip.js";

/** Maps each worksheet part (`xl/worksheets/sheet1.xml`) to its sheet name. */
export function sheetNamesByPart(entries: ZipEntries): Map<string, string> {
  const workbook = entries["xl/workbook.xml"];
  const names = new Map<string, string>();
  if (!workbook) return names;
  const relations = readRelations(entries, "xl/_rels/workbook.xml.rels");
  for (const match of strFromU8(workbook).matchAll(
    /<(?:\w+:)?sheet\b[^>]*>/g,
  )) {
    const attributes = parseAttributes(match[0]);
    const target = attributes["r:id"]
      ? relations.get(attributes["r:id"])
      : undefined;
    if (attributes.name && target) {
      names.set(
        resolvePath("xl/workbook.xml", target),
        decodeXml(attributes.name),
      );
    }
  }
  return names;
}

export function readRelations(
  entries: ZipEntries,
  part: string,
): Map<string, string> {
  const data = entries[part];
  const relations = new Map<string, string>();
  if (!data) return relations;
  for (const match of strFromU8(data).matchAll(
    /<(?:\w+:)?Relationship\b[^>]*>/g,
  )) {
    const attributes = parseAttributes(match[0]);
    if (attributes.Id && attributes.Target)
      relations.set(attributes.Id, attributes.Target);
  }
  return relations;
}

export function relationsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that refers to it. */
export function resolvePath(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

export function attributesOf(
  xml: string,
  element: string,
): Record<string, string> | undefined {
  const match = new RegExp(`<(?:\\w+:)?${element}\\b[^>]*>`).exec(xml);
  return match ? parseAttributes(match[0]) : undefined;
}

export function parseAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(
    /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  )) {
    attributes[match[1]!] = match[2] ?? match[3] ?? "";
  }
  return attributes;
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

// ---------------------------------------------------------------------------
// Helpers that read XML exactly as SheetJS CE 0.20.3 reads it, for readers
// that must return what SheetJS returns.

// SheetJS's tag pattern: a tag whose attributes are quoted or bare values.
export const SHEETJS_TAG =
  /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;
const ATTRIBUTE =
  /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;

export interface ParsedTag {
  /** `<name`, up to the first space or line break. */
  name: string;
  /** Values by the keys SheetJS files them under. */
  attributes: Record<string, string | undefined>;
  /** Attribute names as written. */
  names: string[];
}

/**
 * Parses a start tag as SheetJS's `parsexmltag` does: a prefixed attribute
 * is filed under its local name, a name is cut at its first `_`, and each
 * value is also filed under the lower-cased key.
 */
export function parseTagAsSheetJS(tag: string): ParsedTag {
  let nameEnd = 0;
  for (; nameEnd < tag.length; nameEnd += 1) {
    const code = tag.charCodeAt(nameEnd);
    if (code === 32 || code === 10 || code === 13) break;
  }
  const parsed: ParsedTag = {
    name: tag.slice(0, nameEnd),
    attributes: Object.create(null) as Record<string, string | undefined>,
    names: [],
  };
  if (nameEnd === tag.length) return parsed;
  for (const match of tag.match(ATTRIBUTE) ?? []) {
    const text = match.slice(1);
    let equals = text.indexOf("=");
    if (equals < 0) equals = text.length;
    const name = text.slice(0, equals).trim();
    while (text.charCodeAt(equals + 1) === 32) equals += 1;
    const quote = text.charCodeAt(equals + 1);
    const quoted = quote === 34 || quote === 39 ? 1 : 0;
    const value = text.slice(equals + 1 + quoted, text.length - quoted);
    parsed.names.push(name);

    const colon = name.indexOf(":");
    let key: string;
    if (colon < 0) {
      const underscore = name.indexOf("_");
      key = underscore > 0 ? name.slice(0, underscore) : name;
    } else {
      key =
        (colon === 5 && name.startsWith("xmlns") ? "xmlns" : "") +
        name.slice(colon + 1);
      if (parsed.attributes[key] && name.slice(colon - 3, colon) === "ext")
        continue;
    }
    parsed.attributes[key] = value;
    parsed.attributes[key.toLowerCase()] = value;
  }
  return parsed;
}

export interface ElementBounds {
  start: number;
  innerStart: number;
  innerEnd: number;
  end: number;
}

const elementPatterns = new Map<string, RegExp>();

/** Finds the first `tag` element, prefixed or not, as SheetJS's `str_match_xml_ns` does. */
export function findElementAsSheetJS(
  xml: string,
  tag: string,
): ElementBounds | undefined {
  let open = elementPatterns.get(tag);
  if (!open) {
    open = new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]*>`, "g");
    elementPatterns.set(tag, open);
  }
  open.lastIndex = 0;
  const start = open.exec(xml);
  if (!start) return undefined;
  const end = findClosingTag(xml, tag, open.lastIndex);
  if (end < 0) return undefined;
  return {
    start: start.index,
    innerStart: open.lastIndex,
    innerEnd: end,
    end: xml.indexOf(">", end) + 1,
  };
}

/**
 * Finds the first `</tag>` or `</prefix:tag>` from `from`, as the pattern
 * `</(?:\w+:)?tag>` would, but with `indexOf`, which is much faster on a
 * large part.
 */
function findClosingTag(xml: string, tag: string, from: number): number {
  const name = `${tag}>`;
  for (
    let at = xml.indexOf(name, from);
    at >= 0;
    at = xml.indexOf(name, at + 1)
  ) {
    let before = at - 1;
    if (xml.charCodeAt(before) === 58) {
      const colon = before;
      while (before > from && isWordCharacter(xml.charCodeAt(before - 1)))
        before -= 1;
      if (before === colon) continue;
      before -= 1;
    }
    if (
      before - 1 >= from &&
      xml.charCodeAt(before) === 47 &&
      xml.charCodeAt(before - 1) === 60
    )
      return before - 1;
  }
  return -1;
}

/** Tells whether a UTF-16 code is an ASCII letter, digit or underscore. */
export function isWordCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const NAMED_ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&apos;": "'",
  "&gt;": ">",
  "&lt;": "<",
  "&amp;": "&",
};
const ESCAPED_CHARACTER = /_x([\da-fA-F]{4})_/gi;
const ESCAPE_SIGN = /[&_\r]/;

/**
 * Unescapes XML text as SheetJS's `unescapexml` does: entities (an unknown
 * spelling such as `&AMP;` becomes U+0000, `&#X41;` is read as decimal),
 * then the `_xHHHH_` escapes of OOXML. With `xlsx`, CR LF becomes LF.
 */
export function unescapeXmlAsSheetJS(text: string, xlsx = false): string {
  if (!ESCAPE_SIGN.test(text)) return text;
  let out = text;
  if (out.includes("&")) {
    out = out.replace(
      ENTITY,
      (entity: string, code: string | undefined) =>
        NAMED_ENTITIES[entity] ??
        String.fromCharCode(
          parseInt(code ?? "", entity.includes("x") ? 16 : 10),
        ),
    );
  }
  if (out.includes("_")) {
    out = out.replace(ESCAPED_CHARACTER, (_escape, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
  return xlsx && out.includes("\r") ? out.replace(/\r\n/g, "\n") : out;
}

/** Reads an `xsd:boolean` as SheetJS does: only `1` and `true` are true. */
export function parseXmlBooleanAsSheetJS(value: string): boolean {
  return value === "1" || value === "true";
}
