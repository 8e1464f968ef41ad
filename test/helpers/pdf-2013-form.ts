/**
 * Fillable HN 1-2013 PDFs with the faults vendor forms carry: a widget left
 * out of `/AcroForm /Fields`, a ticked checkbox without an appearance
 * (`/V /Yes`, no `/AP`), and owner-password or user-password encryption.
 */

import { PDFArray, PDFDocument, PDFName, PDFRef } from "@cantoo/pdf-lib";
import {
  fieldStyleOf,
  sampleHn12013,
  writeHn12013FormPdf,
  type Hn12013Sample,
} from "../../src/samples/hn1-2013-form-pdf.js";

export interface Hn12013Fixture {
  sample: Hn12013Sample;
  bytes: Uint8Array;
  /** Field removed from `/AcroForm /Fields` but kept on its page. */
  unlistedField: string;
  /** Ticked checkbox whose widget lost `/AP` and `/AS`. */
  bareCheckbox: string;
}

/** Builds the sample 2013 form with one unlisted widget and one checkbox without appearance. */
export async function buildHn12013FormPdf(): Promise<Hn12013Fixture> {
  const sample = sampleHn12013();
  const clean = await writeHn12013FormPdf(sample);
  const document = await PDFDocument.load(clean);
  const form = document.getForm();

  const unlistedField = "1-1";
  const checkboxItem = Object.keys(sample.items).find(
    (id) =>
      fieldStyleOf(id) === "checkboxes" && sample.items[id]?.answer === "Yes",
  );
  if (!checkboxItem) throw new Error("the sample has no ticked checkbox item");
  const bareCheckbox = `${checkboxItem.replace(/\./g, "_")} Yes`;

  // Drop the field from /AcroForm /Fields; its widget stays in the page /Annots.
  const fields = form.acroForm.dict.lookup(PDFName.of("Fields"), PDFArray);
  const unlistedRef = form.getField(unlistedField).ref;
  const index = fields
    .asArray()
    .findIndex((entry) => entry instanceof PDFRef && entry === unlistedRef);
  fields.remove(index);

  // Strip the appearance of a ticked checkbox; its /V stays /Yes.
  const checkbox = form.getCheckBox(bareCheckbox);
  checkbox.acroField.dict.set(PDFName.of("V"), PDFName.of("Yes"));
  for (const widget of checkbox.acroField.getWidgets()) {
    widget.dict.delete(PDFName.of("AP"));
    widget.dict.delete(PDFName.of("AS"));
  }

  const bytes = await document.save({ updateFieldAppearances: false });
  return { sample, bytes, unlistedField, bareCheckbox };
}

/** Copy of `bytes` encrypted with AES-256; an empty user password opens it. */
export async function encryptPdf(
  bytes: Uint8Array,
  userPassword: string,
): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes);
  document.encrypt({
    ownerPassword: "owner-secret",
    userPassword,
    permissions: {},
  });
  return document.save({ updateFieldAppearances: false });
}
