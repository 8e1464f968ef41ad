/** A fillable HN 1-2019 PDF: one field per question, named by ID, plus note fields. */

import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import { HN1_2019 } from "../../src/forms/hn1-2019/index.js";

const CYCLE = ["Yes", "No", "N/A"];

/** Answers per question ID, as written into the fields. */
export function sample2019Answers(): Map<string, string> {
  const answers = new Map<string, string>();
  HN1_2019.questions
    .filter((question) => question.kind === "yes-no")
    .forEach((question, index) =>
      answers.set(question.id, CYCLE[index % CYCLE.length] ?? "Yes"),
    );
  return answers;
}

/**
 * Writes the form: dropdowns for even questions, Yes/No/N/A checkbox triples
 * for odd ones, `ALOF-1 note` text fields, and a `Note 1` text field.
 */
export async function build2019FormPdf(
  answers: Map<string, string>,
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const form = document.getForm();
  let page = document.addPage([612, 792]);
  let y = 740;
  let index = 0;
  for (const [id, answer] of answers) {
    if (y < 60) {
      page = document.addPage([612, 792]);
      y = 740;
    }
    page.drawText(id, { x: 40, y, size: 8, font });
    const name = id.replace(/\./g, "_");
    if (index % 2 === 0) {
      const dropdown = form.createDropdown(name);
      dropdown.addOptions(["Yes", "No", "N/A", "See Notes"]);
      dropdown.select(answer);
      dropdown.addToPage(page, {
        x: 300,
        y: y - 4,
        width: 70,
        height: 12,
        font,
      });
    } else {
      CYCLE.forEach((option, position) => {
        const checkbox = form.createCheckBox(`${name} ${option}`);
        checkbox.addToPage(page, {
          x: 300 + position * 25,
          y: y - 4,
          width: 10,
          height: 10,
        });
        if (option === answer) checkbox.check();
      });
    }
    const note = form.createTextField(`${name} note`);
    note.setText(id === "ALOF-1" ? "See Note 1" : "");
    note.addToPage(page, { x: 420, y: y - 4, width: 60, height: 12, font });
    y -= 15;
    index += 1;
  }
  const notes = form.createTextField("Note 1");
  notes.setText("Logoff time is set by the site administrator.");
  notes.addToPage(page, { x: 40, y: 30, width: 400, height: 14, font });
  return document.save();
}
