/**
 * Writes a flattened HN 1-2008 form: the four safeguard headings, integer
 * items with letter sub-items, and the answer and note number in their own
 * columns. The item texts are this project's own wording of the topics.
 */

import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";

export interface Hn12008SampleItem {
  /** `1`, or `a` for a sub-item of the item above. */
  label: string;
  question: string;
  answer: string;
  note?: number;
}

export interface Hn12008SamplePart {
  heading: string;
  items: Hn12008SampleItem[];
}

/** A filled 2008 form with items mapped to capabilities and two that name none (remote service). */
export function sampleHn12008(): Hn12008SamplePart[] {
  const item = (label: string, question: string, answer: string, note?: number) =>
    note === undefined ? { label, question, answer } : { label, question, answer, note };
  return [
    {
      heading: "MANAGEMENT OF ELECTRONIC PROTECTED HEALTH INFORMATION (ePHI)",
      items: [
        item("1", "Can this device send or keep ePHI?", "Yes"),
        item("2", "Kinds of ePHI the device can keep:", ""),
        item("a", "Demographic data", "Yes"),
        item("b", "Medical record data", "Yes"),
        item("c", "Diagnostic or therapeutic data", "Yes"),
        item("d", "Free text entered by users", "No"),
        item("3", "Maintaining ePHI: can the device", ""),
        item("a", "hold ePHI temporarily in volatile memory?", "Yes"),
        item("b", "store ePHI on persistent local media?", "Yes"),
        item("c", "exchange ePHI with other systems?", "Yes"),
        item("4", "Ways ePHI leaves or enters the device:", ""),
        item("a", "Display", "Yes"),
        item("b", "Printout", "No"),
        item("c", "Removable media", "Yes", 1),
        item("d", "Dedicated cable", "N/A"),
      ],
    },
    {
      heading: "ADMINISTRATIVE SAFEGUARDS",
      items: [
        item("5", "Does the manufacturer offer training or documentation on security features?", "Yes"),
        item("6", "Does the manufacturer list the operating system and third-party software?", "Yes"),
      ],
    },
    {
      heading: "PHYSICAL SAFEGUARDS",
      items: [
        item("7", "Are the parts that keep ePHI physically secured?", "Yes"),
        item("8", "Does the device have a built-in data backup capability?", "No"),
        item("9", "Can the device boot from removable media?", "No"),
      ],
    },
    {
      heading: "TECHNICAL SAFEGUARDS",
      items: [
        item("10", "Can the device be serviced remotely?", "Yes"),
        item("a", "Can remote sessions be limited to listed addresses?", "Yes"),
        item("11", "Does the device log off automatically after inactivity?", "Yes"),
        item("12", "Does the device keep an audit trail?", "Yes"),
        item("a", "Login and logout", "Yes"),
        item("b", "Viewing of ePHI", "No", 2),
        item("13", "Does the device support anti-virus software?", "Yes"),
        item("14", "Must users log on with a password?", "Yes"),
        item("15", "Is ePHI encrypted before it is transmitted?", "No"),
        item("16", "Is stored ePHI encrypted?", "No"),
        item("17", "Can staff use the device in an emergency without logging on?", "Yes"),
        item("18", "Does the device offer role-based privileges?", "Yes"),
        item("19", "Does the device check the integrity of transmitted data?", "N/A"),
      ],
    },
  ];
}

/** Writes the flattened PDF of `parts`. */
export async function writeHn12008Pdf(parts: Hn12008SamplePart[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  let page = document.addPage([612, 792]);
  let y = 740;
  const draw = (text: string, x: number, size = 8) => {
    if (text !== "") page.drawText(text, { x, y, size, font });
  };
  const next = () => {
    y -= 14;
    if (y < 60) {
      page = document.addPage([612, 792]);
      y = 740;
    }
  };

  draw("Manufacturer Disclosure Statement for Medical Device Security -- MDS2", 40, 10);
  next();
  draw("HIMSS/NEMA HN 1-2008", 40);
  next();
  for (const part of parts) {
    next();
    draw(part.heading, 40, 9);
    draw("Yes, No, N/A", 470);
    draw("Note #", 540);
    next();
    for (const item of part.items) {
      const indent = /^\d/.test(item.label) ? 40 : 60;
      draw(`${item.label}. ${item.question}`, indent);
      draw(item.answer, 470);
      if (item.note !== undefined) draw(String(item.note), 545);
      next();
    }
  }
  return document.save();
}
