/** Text items of a PDF page with their positions, grouped into lines by baseline. */

import type { PdfjsPage } from "./pdfjs.js";

/** One text run as pdfjs reports it, in PDF points (origin bottom left). */
export interface PlacedText {
  text: string;
  x: number;
  endX: number;
  y: number;
  /** Font size: the vertical scale of the text matrix. */
  size: number;
}

/** Runs sharing a baseline, left to right. */
export interface PageLine {
  page: number;
  y: number;
  size: number;
  items: PlacedText[];
}

/** Reads the text runs of `page` (1-based `pageNumber`), dropping empty ones. */
export async function readPageText(page: PdfjsPage): Promise<PlacedText[]> {
  const content = await page.getTextContent();
  const placed: PlacedText[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] =
      item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    placed.push({ text: item.str, x, endX: x + item.width, y, size });
  }
  return placed;
}

/**
 * Groups runs into lines: runs whose baselines differ by less than 40 % of
 * the font size share a line. Lines come top to bottom.
 */
export function groupLines(
  items: PlacedText[],
  pageNumber: number,
): PageLine[] {
  const sorted = [...items].sort(
    (first, second) => second.y - first.y || first.x - second.x,
  );
  const lines: PageLine[] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (
      line &&
      Math.abs(line.y - item.y) <=
        Math.max(2, 0.4 * Math.min(line.size, item.size))
    ) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
      continue;
    }
    lines.push({ page: pageNumber, y: item.y, size: item.size, items: [item] });
  }
  for (const line of lines)
    line.items.sort((first, second) => first.x - second.x);
  return lines;
}

/**
 * Joins runs into text. Runs separated by more than 1.2 font sizes are
 * joined with a tab, so a line keeps its column breaks. Closer runs are
 * joined with a space, and touching runs directly.
 */
export function joinItems(items: PlacedText[]): string {
  let text = "";
  let previous: PlacedText | undefined;
  for (const item of items) {
    if (previous) {
      const gap = item.x - previous.endX;
      if (gap > 1.2 * item.size) text += "\t";
      else if (
        gap > 0.15 * item.size &&
        !/\s$/.test(text) &&
        !/^\s/.test(item.text)
      )
        text += " ";
    }
    text += item.text;
    previous = item;
  }
  return text.replace(/[ \u00a0]+/g, " ").trim();
}

/**
 * True for characters that a font without a Unicode map turns its glyphs
 * into: U+FFFD, private-use code points, and C0/C1 control characters other
 * than tab, line feed and carriage return.
 */
function isUndecodable(codePoint: number): boolean {
  if (codePoint === 0xfffd) return true;
  if (codePoint >= 0xe000 && codePoint <= 0xf8ff) return true;
  if (codePoint < 0x20)
    return codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d;
  return codePoint >= 0x7f && codePoint <= 0x9f;
}

/** Share of non-space characters in `text` that cannot be real text. */
export function undecodableShare(text: string): number {
  let total = 0;
  let bad = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (
      codePoint === 0x20 ||
      codePoint === 0x09 ||
      codePoint === 0x0a ||
      codePoint === 0x0d
    )
      continue;
    total += 1;
    if (isUndecodable(codePoint)) bad += 1;
  }
  return total === 0 ? 0 : bad / total;
}
