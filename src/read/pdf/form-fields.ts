/**
 * AcroForm field values read from the widget annotations of every page.
 *
 * The page annotations are the source of truth: widgets missing from
 * `/AcroForm /Fields` are invisible to pdf-lib's `getFields()` and to pdfjs
 * `getFieldObjects()`, and `getFields()` throws on sloppy forms (null entries,
 * widgets without `/AP`). So the dictionaries are walked here directly, one
 * widget at a time, with `/V` taken as the value: pdf-lib 1.17 reports a
 * checkbox with `/V /Yes` but no `/AP` as unchecked.
 */

import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  ParseSpeeds,
} from "@cantoo/pdf-lib";
import type { Problem } from "../../model/disclosure.js";
import type { FormField } from "../source-content.js";

export interface FormFieldsResult {
  fields: FormField[];
  problems: Problem[];
  /** True when the AcroForm carries an `/XFA` packet. */
  hasXfa: boolean;
}

/** Button field flags of ISO 32000-1: Radio is bit 16 and Pushbutton bit 17, counting from 1. */
const RADIO_FLAG = 1 << 15;
const PUSHBUTTON_FLAG = 1 << 16;
const MAX_PARENT_DEPTH = 32;

const NAME = {
  annots: PDFName.of("Annots"),
  acroForm: PDFName.of("AcroForm"),
  appearanceState: PDFName.of("AS"),
  fieldType: PDFName.of("FT"),
  fields: PDFName.of("Fields"),
  flags: PDFName.of("Ff"),
  kids: PDFName.of("Kids"),
  options: PDFName.of("Opt"),
  parent: PDFName.of("Parent"),
  rect: PDFName.of("Rect"),
  subtype: PDFName.of("Subtype"),
  title: PDFName.of("T"),
  value: PDFName.of("V"),
  widget: PDFName.of("Widget"),
  xfa: PDFName.of("XFA"),
};

/**
 * Reads every form field of the PDF in `bytes`. Returns `undefined` when
 * pdf-lib cannot load the file at all, so the caller can fall back to pdfjs.
 */
export async function readFormFields(
  bytes: Uint8Array,
): Promise<FormFieldsResult | undefined> {
  let document: PDFDocument;
  try {
    // The empty password opens files protected by an owner password only.
    document = await PDFDocument.load(bytes, {
      password: "",
      // The default parses 100 objects per event-loop turn; forms are small.
      parseSpeed: ParseSpeeds.Fastest,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch {
    return undefined;
  }

  const acroForm = lookupAs(document.catalog, NAME.acroForm, PDFDict);
  const hasXfa = acroForm?.has(NAME.xfa) ?? false;
  const byName = new Map<string, FormField>();
  const problems: Problem[] = [];
  const seenWidgets = new Set<PDFDict>();

  document.getPages().forEach((page, index) => {
    const pageNumber = index + 1;
    const annots = lookupAs(page.node, NAME.annots, PDFArray);
    if (!annots) return;
    for (let position = 0; position < annots.size(); position += 1) {
      const widget = lookupDict(annots, position);
      if (!widget || widget.lookup(NAME.subtype) !== NAME.widget) continue;
      seenWidgets.add(widget);
      addWidget(widget, pageNumber, byName, problems);
    }
  });

  // Fields listed in /Fields whose widgets sit on no page's /Annots.
  const roots = acroForm && lookupAs(acroForm, NAME.fields, PDFArray);
  if (roots) {
    for (const widget of terminalWidgets(roots, 0)) {
      if (!seenWidgets.has(widget))
        addWidget(widget, undefined, byName, problems);
    }
  }

  return { fields: [...byName.values()], problems, hasXfa };
}

function addWidget(
  widget: PDFDict,
  pageNumber: number | undefined,
  byName: Map<string, FormField>,
  problems: Problem[],
): void {
  let field: FormField | undefined;
  try {
    field = describeWidget(widget, pageNumber);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({
      code: "pdf.field-unreadable",
      severity: "warning",
      message: `a form field could not be read (${reason}); it is left out`,
      ...(pageNumber === undefined ? {} : { location: `page ${pageNumber}` }),
    });
    return;
  }
  if (!field) return;

  const known = byName.get(field.name);
  if (!known) {
    byName.set(field.name, field);
    return;
  }
  // Radio groups and repeated widgets share one field: keep the first
  // widget's place, but a value from any widget of the field.
  if (known.value === "" || known.value === "Off") known.value = field.value;
}

function describeWidget(
  widget: PDFDict,
  pageNumber: number | undefined,
): FormField | undefined {
  const name = qualifiedName(widget);
  if (name === "") return undefined;
  const type = inherited(widget, NAME.fieldType);
  const flags = numberValue(inherited(widget, NAME.flags));
  const value = inherited(widget, NAME.value);
  const options = inherited(widget, NAME.options);

  let kind: FormField["kind"];
  let text: string;
  if (type === PDFName.of("Btn")) {
    if (flags & PUSHBUTTON_FLAG) return undefined;
    if (flags & RADIO_FLAG) {
      kind = "radio";
      text = radioLabel(nameText(value), options);
    } else {
      kind = "checkbox";
      const state =
        nameText(value) || nameText(widget.lookup(NAME.appearanceState));
      text = state === "" || state === "Off" ? "Off" : "Yes";
    }
  } else if (type === PDFName.of("Ch")) {
    kind = "dropdown";
    text = choiceText(value, options);
  } else if (type === PDFName.of("Tx")) {
    kind = "text";
    text = stringText(value);
  } else if (type === PDFName.of("Sig")) {
    return undefined;
  } else {
    kind = "other";
    text = stringText(value) || nameText(value);
  }

  const rect = rectangle(widget);
  return {
    name,
    kind,
    value: text,
    ...(pageNumber === undefined ? {} : { page: pageNumber }),
    location:
      pageNumber === undefined
        ? `field ${name}`
        : `page ${pageNumber}, field ${name}`,
    ...(rect ? { rect } : {}),
  };
}

/** `parent.child` from the `/T` entries of the widget and its ancestors. */
function qualifiedName(widget: PDFDict): string {
  const parts: string[] = [];
  let node: PDFDict | undefined = widget;
  for (let depth = 0; node && depth < MAX_PARENT_DEPTH; depth += 1) {
    const title = stringText(node.lookup(NAME.title));
    if (title !== "") parts.unshift(title);
    node = lookupAs(node, NAME.parent, PDFDict);
  }
  return parts.join(".");
}

/** Looks up `key` on the widget, then on its ancestors, as inheritable field entries are. */
function inherited(widget: PDFDict, key: PDFName): unknown {
  let node: PDFDict | undefined = widget;
  for (let depth = 0; node && depth < MAX_PARENT_DEPTH; depth += 1) {
    const value = node.lookup(key);
    if (value !== undefined) return value;
    node = lookupAs(node, NAME.parent, PDFDict);
  }
  return undefined;
}

/**
 * Returns the label of a radio group's selected state. pdf-lib writes the states as
 * indexes `0`, `1`, `2` with the labels in `/Opt`; pdfjs 5.x reports the raw
 * index, so the lookup happens here.
 */
function radioLabel(state: string, options: unknown): string {
  if (state === "" || state === "Off") return "";
  if (options instanceof PDFArray && /^\d+$/.test(state)) {
    const option = options.lookup(Number(state));
    const label = optionText(option, "display");
    if (label !== "") return label;
  }
  return state;
}

/** Returns a choice field's value, as the display text when `/Opt` pairs export and display values. */
function choiceText(value: unknown, options: unknown): string {
  const selected =
    value instanceof PDFArray
      ? value.asArray().map((item) => stringText(item))
      : [stringText(value) || nameText(value)];
  if (!(options instanceof PDFArray)) return selected.join(", ");

  const display = new Map<string, string>();
  for (let index = 0; index < options.size(); index += 1) {
    const option = options.lookup(index);
    display.set(optionText(option, "export"), optionText(option, "display"));
  }
  return selected.map((item) => display.get(item) ?? item).join(", ");
}

function optionText(option: unknown, part: "export" | "display"): string {
  if (option instanceof PDFArray) {
    return stringText(option.lookup(part === "export" ? 0 : option.size() - 1));
  }
  return stringText(option);
}

function stringText(value: unknown): string {
  if (value instanceof PDFString || value instanceof PDFHexString)
    return value.decodeText();
  return "";
}

function nameText(value: unknown): string {
  return value instanceof PDFName ? value.decodeText() : "";
}

function numberValue(value: unknown): number {
  return value instanceof PDFNumber ? value.asNumber() : 0;
}

function rectangle(
  widget: PDFDict,
): [number, number, number, number] | undefined {
  const rect = lookupAs(widget, NAME.rect, PDFArray);
  if (!rect || rect.size() !== 4) return undefined;
  const numbers = rect
    .asArray()
    .map((item, index) => numberValue(rect.lookup(index) ?? item));
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = numbers;
  return [
    Math.min(x1, x2),
    Math.min(y1, y2),
    Math.max(x1, x2),
    Math.max(y1, y2),
  ];
}

/** `dict[key]` when it resolves to an object of `type`; a wrong type counts as missing. */
function lookupAs(
  dict: PDFDict,
  key: PDFName,
  type: typeof PDFDict,
): PDFDict | undefined;
function lookupAs(
  dict: PDFDict,
  key: PDFName,
  type: typeof PDFArray,
): PDFArray | undefined;
function lookupAs(
  dict: PDFDict,
  key: PDFName,
  type: typeof PDFDict | typeof PDFArray,
): PDFDict | PDFArray | undefined {
  try {
    const value = dict.lookup(key);
    return value instanceof type ? value : undefined;
  } catch {
    return undefined;
  }
}

function lookupDict(array: PDFArray, index: number): PDFDict | undefined {
  try {
    const value = array.lookup(index);
    return value instanceof PDFDict ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Widgets of the field tree under `fields`: leaves, whether merged with their field or not. */
function terminalWidgets(fields: PDFArray, depth: number): PDFDict[] {
  if (depth > MAX_PARENT_DEPTH) return [];
  const widgets: PDFDict[] = [];
  for (let index = 0; index < fields.size(); index += 1) {
    const node = lookupDict(fields, index);
    if (!node) continue;
    const kids = lookupAs(node, NAME.kids, PDFArray);
    if (kids && kids.size() > 0)
      widgets.push(...terminalWidgets(kids, depth + 1));
    else widgets.push(node);
  }
  return widgets;
}
