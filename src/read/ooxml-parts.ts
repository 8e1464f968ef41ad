/** Small readers for the package parts of an OOXML workbook: relationships, sheet names, attributes. */

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
