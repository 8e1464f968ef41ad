/** Page layout helpers over pdfkit: headings, label/value lines and tables that break across pages. */

import type { GlyphFilter } from "./font.js";

export const FONT_REGULAR = "pack-regular";
export const FONT_BOLD = "pack-bold";

export interface Column {
  header: string;
  /** Share of the text width, 0–1. */
  width: number;
}

export type Cell = string | { text: string; color?: string; bold?: boolean };

const BODY_SIZE = 9;
const CELL_PADDING = 3;
const RULE_COLOR = "#c8c8c8";
const HEADER_FILL = "#eef0f3";

/**
 * Maximum characters of one vendor text drawn in the pack. pdfkit 0.20.2
 * measures a word wider than its line by re-measuring ever shorter prefixes,
 * so the time grows with the square of an unbroken run: a 100 KB note ran
 * out of a 4 GB heap. Table rows are cut to half a page anyway.
 */
export const MAX_DRAWN_TEXT = 4000;

const CUT_MARK = "… (cut; full text in the attached JSON)";

/** Cuts `text` to `MAX_DRAWN_TEXT` characters, without splitting a surrogate pair, and marks the cut. */
export function clipText(text: string): string {
  if (text.length <= MAX_DRAWN_TEXT) return text;
  let end = MAX_DRAWN_TEXT;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${CUT_MARK}`;
}

export class PackLayout {
  /** Font size of the table being drawn. */
  private size = BODY_SIZE;
  /** Text of the last heading, naming where a character could not be shown. */
  private section = "Cover";

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly glyphs: GlyphFilter,
  ) {}

  /** Cuts and filters vendor text for drawing. */
  prepare(text: string): string {
    return this.glyphs.filter(clipText(text));
  }

  get textWidth(): number {
    const { margins, width } = this.doc.page;
    return width - margins.left - margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  /** Starts a new page unless the current one has `height` points left. */
  ensureSpace(height: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height > bottom) this.doc.addPage();
  }

  heading(text: string, size = 16): void {
    this.section = text;
    this.glyphs.place = text;
    this.ensureSpace(size * 3);
    this.doc.moveDown(0.5);
    this.doc.font(FONT_BOLD).fontSize(size).fillColor("#1f2937");
    this.doc.text(this.prepare(text), this.left, this.doc.y, {
      width: this.textWidth,
    });
    this.doc.moveDown(0.3);
    this.doc.font(FONT_REGULAR).fontSize(BODY_SIZE).fillColor("black");
  }

  paragraph(
    text: string,
    options: { size?: number; color?: string } = {},
  ): void {
    this.doc
      .font(FONT_REGULAR)
      .fontSize(options.size ?? BODY_SIZE)
      .fillColor(options.color ?? "black");
    this.doc.text(this.prepare(text), this.left, this.doc.y, {
      width: this.textWidth,
    });
    this.doc.fillColor("black");
  }

  /** Label/value lines such as `Model: X-100`; empty values are left out. */
  fields(rows: [string, string | undefined][], size = BODY_SIZE + 1): void {
    for (const [label, value] of rows) {
      if (value === undefined || value === "") continue;
      this.doc
        .font(FONT_BOLD)
        .fontSize(size)
        .text(`${label}: `, this.left, this.doc.y, {
          continued: true,
          width: this.textWidth,
        });
      this.doc.font(FONT_REGULAR).text(this.prepare(value));
    }
  }

  /** Draws a table whose rows wrap their text and repeat the header on each new page. */
  table(columns: Column[], rows: Cell[][], size = BODY_SIZE): void {
    this.size = size;
    const widths = columns.map((column) => column.width * this.textWidth);
    this.ensureSpace(40);
    this.drawRow(
      columns.map((column) => ({ text: column.header, bold: true })),
      widths,
      HEADER_FILL,
    );
    for (const fullRow of rows) {
      const label = normalizeCell(fullRow[0] ?? "").text.slice(0, 40);
      this.glyphs.place = label ? `${this.section}, ${label}` : this.section;
      const row = this.fitRow(fullRow, widths);
      const height = this.rowHeight(row, widths);
      const bottom = this.doc.page.height - this.doc.page.margins.bottom;
      if (this.doc.y + height > bottom) {
        this.doc.addPage();
        this.drawRow(
          columns.map((column) => ({ text: column.header, bold: true })),
          widths,
          HEADER_FILL,
        );
      }
      this.drawRow(row, widths, undefined, height);
    }
    this.glyphs.place = this.section;
    this.doc.x = this.left;
    this.doc.fontSize(BODY_SIZE);
    this.doc.moveDown(0.5);
    this.size = BODY_SIZE;
  }

  /**
   * Shortens the longest cell of a row taller than half a page until the row
   * fits, so one row never runs past the page end. The attached JSON records
   * keep the full text.
   */
  private fitRow(row: Cell[], widths: number[]): Cell[] {
    const { height, margins } = this.doc.page;
    const maxHeight = (height - margins.top - margins.bottom) / 2;
    let fitted = row
      .map(normalizeCell)
      .map((cell) =>
        cell.text.length > MAX_DRAWN_TEXT
          ? { ...cell, text: clipText(cell.text) }
          : cell,
      );
    while (this.rowHeight(fitted, widths) > maxHeight) {
      const longest = fitted.reduce(
        (best, cell, index) =>
          cell.text.length > (fitted[best]?.text.length ?? 0) ? index : best,
        0,
      );
      const cell = fitted[longest]!;
      if (cell.text.length < 80) break;
      const kept = cell.text.slice(0, Math.floor(cell.text.length * 0.7));
      fitted = fitted.map((entry, index) =>
        index === longest ? { ...entry, text: `${kept}${CUT_MARK}` } : entry,
      );
    }
    return fitted;
  }

  private rowHeight(row: Cell[], widths: number[]): number {
    let height = 0;
    row.forEach((cell, index) => {
      const { text, bold } = normalizeCell(cell);
      this.doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(this.size);
      const width = (widths[index] ?? 0) - 2 * CELL_PADDING;
      height = Math.max(
        height,
        this.doc.heightOfString(this.glyphs.filter(text), { width }),
      );
    });
    return height + 2 * CELL_PADDING;
  }

  private drawRow(
    row: Cell[],
    widths: number[],
    fill?: string,
    knownHeight?: number,
  ): void {
    const top = this.doc.y;
    const height = knownHeight ?? this.rowHeight(row, widths);
    if (fill) {
      this.doc.rect(this.left, top, this.textWidth, height).fill(fill);
    }
    let x = this.left;
    row.forEach((cell, index) => {
      const { text, bold, color } = normalizeCell(cell);
      const width = widths[index] ?? 0;
      this.doc
        .font(bold ? FONT_BOLD : FONT_REGULAR)
        .fontSize(this.size)
        .fillColor(color ?? "black");
      this.doc.text(
        this.glyphs.filter(text),
        x + CELL_PADDING,
        top + CELL_PADDING,
        {
          width: width - 2 * CELL_PADDING,
          lineBreak: true,
        },
      );
      x += width;
    });
    this.doc
      .moveTo(this.left, top + height)
      .lineTo(this.left + this.textWidth, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .stroke();
    this.doc.fillColor("black");
    this.doc.x = this.left;
    this.doc.y = top + height;
  }
}

function normalizeCell(cell: Cell): {
  text: string;
  color?: string;
  bold?: boolean;
} {
  return typeof cell === "string" ? { text: cell } : cell;
}
