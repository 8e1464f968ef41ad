/**
 * Writes a fillable HN 1-2013 PDF from an answer set, with the field styles
 * vendors use side by side: radio groups, dropdowns, text fields named by
 * item ID, Yes/No/N/A checkbox triples, and unnamed text fields that are tied
 * to an item only by their place beside the printed ID.
 */

import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "@cantoo/pdf-lib";
import { HN1_2013, HN1_2013_DEVICE_FIELDS, HN1_2013_SECTIONS } from "../forms/hn1-2013/index.js";

export interface Hn12013SampleItem {
  /** `Yes`, `No`, `N/A` or `See Note`. */
  answer: string;
  /** Note number written in the Note # column, if any. */
  note?: number;
}

export interface Hn12013Sample {
  /** Device description values keyed by the printed label. */
  device: Record<string, string>;
  items: Record<string, Hn12013SampleItem>;
  /** Notes box text keyed by section code. */
  notes: Record<string, string>;
}

export type FieldStyle = "radio" | "dropdown" | "named-text" | "checkboxes" | "unnamed-text";

const FIELD_STYLES: FieldStyle[] = ["radio", "dropdown", "named-text", "checkboxes", "unnamed-text"];
const OPTIONS = ["Yes", "No", "N/A", "See Note"];
const PAGE_SIZE: [number, number] = [612, 792];
const LINE_STEP = 18;
const TOP = 730;
const BOTTOM = 60;
const ANSWER_X = 400;
const NOTE_X = 540;

/** Returns the field style of an item: the styles take turns in form order. */
export function fieldStyleOf(id: string): FieldStyle {
  const index = HN1_2013.questions.findIndex((question) => question.id === id);
  return FIELD_STYLES[Math.max(index, 0) % FIELD_STYLES.length] ?? "radio";
}

/** Builds a complete answer set with every answer value and a few note references. */
export function sampleHn12013(): Hn12013Sample {
  const items: Record<string, Hn12013SampleItem> = {};
  HN1_2013.questions.forEach((question, index) => {
    const style = fieldStyleOf(question.id);
    const choices = style === "checkboxes" ? OPTIONS.slice(0, 3) : OPTIONS;
    const answer = choices[index % choices.length] ?? "Yes";
    items[question.id] = answer === "See Note" || index % 9 === 0 ? { answer, note: 1 } : { answer };
  });
  const notes: Record<string, string> = {};
  for (const question of HN1_2013.questions) {
    if (items[question.id]?.note !== undefined) {
      notes[question.section] = `1. ${question.section} detail given by the manufacturer.`;
    }
  }
  return {
    device: {
      "Device Category": "Infusion pump",
      Manufacturer: "Example Medical",
      "Document ID": "MDS2-EX-2013",
      "Document Release Date": "2014-03-01",
      "Device Model": "EX-100",
      "Software Revision": "4.2",
      "Software Release Date": "2014-01-15",
      "Manufacturer or Representative Contact Information": "security@example.invalid",
      "Intended use of device in network-connected environment": "Sends pump events to the EMR",
    },
    items,
    notes,
  };
}

class Layout {
  page!: PDFPage;
  y = TOP;
  pageNumber = 0;

  constructor(
    private readonly document: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.document.addPage(PAGE_SIZE);
    this.pageNumber += 1;
    this.text("Manufacturer Disclosure Statement for Medical Device Security -- MDS2", 40, 760, 10);
    this.text("Yes, No, N/A, or See Note", ANSWER_X, 745, 7);
    this.text("Note #", NOTE_X, 745, 7);
    this.text(`HN 1-2013 Page ${this.pageNumber}`, 480, 30, 7);
    this.y = TOP;
  }

  /** Moves to the next line, starting a page when `needed` lines do not fit. */
  next(needed = 1): number {
    if (this.y - needed * LINE_STEP < BOTTOM) this.newPage();
    const y = this.y;
    this.y -= LINE_STEP;
    return y;
  }

  text(text: string, x: number, y: number, size = 8): void {
    this.page.drawText(text, { x, y, size, font: this.font });
  }
}

export interface Hn12013WriteOptions {
  /** Print the values as text instead of form fields, as a flattened copy shows them. */
  flattened?: boolean;
}

/** Writes the fillable (or, with `flattened`, the printed) PDF of `sample`. */
export async function writeHn12013FormPdf(
  sample: Hn12013Sample,
  options: Hn12013WriteOptions = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const form = document.getForm();
  const layout = new Layout(document, font);
  let unnamed = 0;

  layout.text("DEVICE DESCRIPTION", 40, layout.next(), 9);
  HN1_2013_DEVICE_FIELDS.forEach((definition, index) => {
    const y = layout.next();
    layout.text(definition.label, 40, y);
    // One field is named generically and found by its printed label.
    if (options.flattened) {
      layout.text(sample.device[definition.label] ?? "", 330, y);
      return;
    }
    const name = index === 5 ? `Text${++unnamed}` : definition.label;
    const field = form.createTextField(name);
    field.setText(sample.device[definition.label] ?? "");
    field.addToPage(layout.page, { x: 330, y: y - 4, width: 240, height: 14, font });
  });

  for (const section of HN1_2013_SECTIONS) {
    layout.next();
    const title =
      section.number === 0
        ? "MANAGEMENT OF PRIVATE DATA"
        : `${section.number} ${section.title.toUpperCase()} (${section.code})`;
    layout.text(title, 40, layout.next(2), 9);
    for (const question of HN1_2013.questions.filter((item) => item.section === section.code)) {
      const item = sample.items[question.id];
      if (!item) continue;
      const y = layout.next();
      layout.text(`${question.id}  ${question.label}`, 40, y);
      if (options.flattened) {
        layout.text(item.answer, ANSWER_X, y);
        if (item.note !== undefined) layout.text(String(item.note), NOTE_X, y);
        continue;
      }
      unnamed = addItemFields(form, layout.page, question.id, item, y, font, unnamed);
    }
    const notes = sample.notes[section.code];
    if (notes !== undefined) {
      const label = section.number === 0 ? "Management of Private Data notes:" : `${section.code} notes:`;
      const labelY = layout.next(3);
      layout.text(label, 40, labelY);
      if (options.flattened) {
        layout.text(notes, 40, layout.next());
        continue;
      }
      const box = form.createTextField(`${section.code} notes`);
      box.enableMultiline();
      box.setText(notes);
      box.addToPage(layout.page, { x: 40, y: labelY - 2 * LINE_STEP, width: 530, height: 28, font });
      layout.next();
      layout.next();
    }
  }
  return document.save();
}

function addItemFields(
  form: ReturnType<PDFDocument["getForm"]>,
  page: PDFPage,
  id: string,
  item: Hn12013SampleItem,
  y: number,
  font: PDFFont,
  unnamed: number,
): number {
  // Dots separate levels of a PDF field name, so `1-1.1` is written `1-1_1`.
  const name = id.replace(/\./g, "_");
  const box = { y: y - 4, height: 13 };
  const style = fieldStyleOf(id);
  if (style === "radio") {
    const group = form.createRadioGroup(name);
    OPTIONS.forEach((option, index) => {
      group.addOptionToPage(option, page, { x: ANSWER_X + index * 30, width: 10, ...box });
    });
    group.select(item.answer);
  } else if (style === "dropdown") {
    const dropdown = form.createDropdown(name);
    dropdown.addOptions(OPTIONS);
    dropdown.select(item.answer);
    dropdown.addToPage(page, { x: ANSWER_X, width: 70, font, ...box });
  } else if (style === "named-text") {
    const field = form.createTextField(name);
    field.setText(item.answer);
    field.addToPage(page, { x: ANSWER_X, width: 70, font, ...box });
  } else if (style === "checkboxes") {
    OPTIONS.slice(0, 3).forEach((option, index) => {
      const checkbox = form.createCheckBox(`${name} ${option}`);
      checkbox.addToPage(page, { x: ANSWER_X + index * 30, width: 10, ...box });
      if (option === item.answer) checkbox.check();
    });
  } else {
    unnamed += 1;
    const field = form.createTextField(`Text${unnamed + 100}`);
    field.setText(item.answer);
    field.addToPage(page, { x: ANSWER_X, width: 70, font, ...box });
  }

  if (style === "unnamed-text") {
    unnamed += 1;
    const note = form.createTextField(`Text${unnamed + 100}`);
    note.setText(item.note === undefined ? "" : String(item.note));
    note.addToPage(page, { x: NOTE_X, width: 30, font, ...box });
  } else {
    const note = form.createTextField(`${name} note`);
    note.setText(item.note === undefined ? "" : String(item.note));
    note.addToPage(page, { x: NOTE_X, width: 30, font, ...box });
  }
  return unnamed;
}
