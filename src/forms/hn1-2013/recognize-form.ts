/**
 * HN 1-2013 forms filled in as a fillable PDF.
 *
 * A field belongs to an item when its name carries the item ID (`1-1`,
 * `10-1_3`, `ALOF 1-1 note`). Otherwise it belongs to the item whose printed
 * line, starting with the ID, is level with the field and left of it on the
 * same page. Of the fields placed beside one printed ID, the leftmost is the
 * answer and the next one the note number (the form's `Note #` column). A
 * field whose name contains `note` is a note number. Checkboxes named with an
 * answer (`2-2_1 Yes`) give that answer when ticked; a lone checkbox gives
 * `Yes` when ticked and `No` when not.
 *
 * Notes boxes are text fields named `ALOF notes`, `Management of Private
 * Data notes`, … or placed beside or just below a printed label of that kind.
 * Device description fields are named, or placed beside, the printed label.
 */

import type { Problem } from "../../model/disclosure.js";
import type {
  FormField,
  SourceContent,
  TextLine,
} from "../../read/source-content.js";
import type { RawForm, RawNote, RawRow } from "../raw-form.js";
import { findHn12013Question, HN1_2013 } from "./index.js";
import {
  deviceLabel,
  itemIdInName,
  leadingItemId,
  notesBoxSection,
  splitNotesBox,
} from "./items.js";

const EDITION = "HN 1-2013";
/** Below this many fields tied to known items the form is not taken for HN 1-2013. */
const MIN_ITEM_FIELDS = 5;
const OPTION_SUFFIX = /(?:^|[\s._-])(yes|no|n\/?a|see[\s_-]*notes?)$/i;
const NOTE_NAME = /note(?!s\b)|note\s*#|\bnr\b/i;
/** A notes box may start this many points below its printed label. */
const BELOW_LABEL = 40;

interface ItemFields {
  answers: FormField[];
  notes: FormField[];
}

/** Recognizes an HN 1-2013 fillable PDF; `undefined` when the fields are not one. */
export function recognizeHn12013Form(
  content: SourceContent,
): RawForm | undefined {
  if (content.kind !== "form") return undefined;

  const printed = printedItems(content.lines);
  const items = new Map<string, ItemFields>();
  const leftOver: FormField[] = [];
  for (const field of content.fields) {
    const id = itemIdInName(field.name) ?? itemBeside(field, printed);
    if (!id) {
      leftOver.push(field);
      continue;
    }
    const entry = items.get(id) ?? { answers: [], notes: [] };
    if (NOTE_NAME.test(field.name.replace(/\d/g, " "))) entry.notes.push(field);
    else entry.answers.push(field);
    items.set(id, entry);
  }
  if (items.size < MIN_ITEM_FIELDS) return undefined;

  const problems: Problem[] = [...content.problems];
  const rows = buildRows(items, printed);
  const { notes, other, deviceFields } = readBoxes(leftOver, content.lines);
  const form: RawForm = {
    edition: EDITION,
    rows,
    notes,
    deviceFields,
    problems,
  };
  if (other) form.otherConsiderations = other;
  return form;
}

interface PrintedItem {
  id: string;
  question: string;
  line: TextLine;
}

function printedItems(lines: TextLine[]): PrintedItem[] {
  const items: PrintedItem[] = [];
  for (const line of lines) {
    const found = leadingItemId(line.text);
    if (found && line.box) {
      items.push({
        id: found.id,
        question: found.rest.split("\t")[0]?.trim() ?? "",
        line,
      });
    }
  }
  return items;
}

/** Finds the printed item whose line is level with the field and left of it. */
function itemBeside(
  field: FormField,
  printed: PrintedItem[],
): string | undefined {
  if (!field.rect || field.page === undefined) return undefined;
  const [x1, y1, , y2] = field.rect;
  const middle = (y1 + y2) / 2;
  let best: PrintedItem | undefined;
  let bestDistance = Infinity;
  for (const item of printed) {
    const box = item.line.box;
    if (!box || item.line.page !== field.page || box[0] > x1) continue;
    const lineMiddle = (box[1] + box[3]) / 2;
    const distance = Math.abs(lineMiddle - middle);
    if (
      distance <= Math.max((y2 - y1) / 2, (box[3] - box[1]) / 2) + 2 &&
      distance < bestDistance
    ) {
      best = item;
      bestDistance = distance;
    }
  }
  return best?.id;
}

function buildRows(
  items: Map<string, ItemFields>,
  printed: PrintedItem[],
): RawRow[] {
  const rows: RawRow[] = [];
  const questionText = new Map(printed.map((item) => [item.id, item.question]));
  const order = HN1_2013.questions.map((question) => question.id);
  for (const id of order) {
    const entry = items.get(id);
    if (!entry) continue;
    const byX = [...entry.answers].sort(
      (a, b) => (a.rect?.[0] ?? 0) - (b.rect?.[0] ?? 0),
    );
    // Unnamed fields beside one printed ID: the second is the Note # column.
    const unnamedNotes =
      byX.length > 1 &&
      byX.every(
        (field) => field.kind !== "checkbox" && !itemIdInName(field.name),
      );
    const answerFields = unnamedNotes ? byX.slice(0, 1) : byX;
    const noteFields = unnamedNotes
      ? [...entry.notes, ...byX.slice(1)]
      : entry.notes;

    const answer = answerOf(answerFields);
    const note =
      noteFields.find((field) => field.value.trim() !== "") ?? noteFields[0];
    const row: RawRow = {
      printedId: id,
      question: questionText.get(id) || (findHn12013Question(id)?.label ?? ""),
      answer: answer.value,
      answerLocation: answer.location,
      noteRef: note?.value ?? "",
      section: findHn12013Question(id)?.section ?? "",
    };
    if (note) row.noteLocation = note.location;
    rows.push(row);
  }
  return rows;
}

/** Picks the answer text of an item's fields, and where it was read. */
function answerOf(fields: FormField[]): { value: string; location: string } {
  const location = fields[0]?.location ?? "";
  const options = fields.filter(
    (field) => field.kind === "checkbox" && OPTION_SUFFIX.test(field.name),
  );
  if (options.length > 0) {
    const ticked = options.find((field) => field.value !== "Off");
    if (!ticked) return { value: "", location };
    const option = OPTION_SUFFIX.exec(ticked.name)?.[1] ?? "";
    return { value: option.replace(/[_-]/g, " "), location: ticked.location };
  }
  for (const field of fields) {
    if (field.kind === "checkbox") {
      // NOTE: a lone unticked checkbox is read as No; the form gives no
      // separate way to leave such an item unanswered.
      return {
        value: field.value === "Off" ? "No" : "Yes",
        location: field.location,
      };
    }
    if (field.value.trim() !== "")
      return { value: field.value, location: field.location };
  }
  return { value: "", location };
}

interface Boxes {
  notes: RawNote[];
  other?: { text: string; location: string };
  deviceFields: { label: string; value: string; location: string }[];
}

/** Notes boxes and device description fields among the fields tied to no item. */
function readBoxes(fields: FormField[], lines: TextLine[]): Boxes {
  const boxes: Boxes = { notes: [], deviceFields: [] };
  for (const field of fields) {
    const label =
      deviceLabel(field.name) ?? deviceLabel(labelBeside(field, lines) ?? "");
    if (label) {
      boxes.deviceFields.push({
        label,
        value: field.value,
        location: field.location,
      });
      continue;
    }
    const section =
      notesBoxSection(field.name) ??
      notesBoxSection(labelBeside(field, lines) ?? "");
    if (!section || field.value.trim() === "") continue;
    if (section === "OTHR" && !/notes?/i.test(field.name)) {
      boxes.other = { text: field.value, location: field.location };
      continue;
    }
    for (const note of splitNotesBox(field.value)) {
      boxes.notes.push({ ...note, location: field.location, section });
    }
  }
  return boxes;
}

/** Finds the printed text left of the field on its line, or just above it. */
function labelBeside(field: FormField, lines: TextLine[]): string | undefined {
  if (!field.rect || field.page === undefined) return undefined;
  const [x1, y1, , y2] = field.rect;
  let best: TextLine | undefined;
  let bestDistance = Infinity;
  for (const line of lines) {
    const box = line.box;
    if (!box || line.page !== field.page || box[0] > x1) continue;
    const level = box[1] <= y2 + 2 && box[3] >= y1 - 2;
    const above = box[1] >= y2 - 2 && box[1] - y2 <= BELOW_LABEL;
    if (!level && !above) continue;
    const distance = level ? 0 : box[1] - y2;
    if (distance < bestDistance) {
      best = line;
      bestDistance = distance;
    }
  }
  return best?.text.split("\t")[0];
}
