import { beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../src/read/pdf/index.js";
import { parseDisclosure } from "../../src/parse.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import type { FormField } from "../../src/read/source-content.js";
import { fieldStyleOf } from "../../src/samples/hn1-2013-form-pdf.js";
import {
  buildHn12013FormPdf,
  encryptPdf,
  type Hn12013Fixture,
} from "../helpers/pdf-2013-form.js";

const VALUES: Record<string, string> = {
  Yes: "yes",
  No: "no",
  "N/A": "na",
  "See Note": "see-note",
};

let fixture: Hn12013Fixture;
let fields: FormField[];

beforeAll(async () => {
  fixture = await buildHn12013FormPdf();
  const content = await readPdf(fixture.bytes, "form-2013.pdf");
  if (content.kind !== "form")
    throw new Error(`expected form content, got ${content.kind}`);
  fields = content.fields;
});

describe("readPdf on a fillable form", () => {
  it("reads a widget missing from /Fields", () => {
    const field = fields.find(
      (candidate) => candidate.name === fixture.unlistedField,
    );
    expect(field?.value).toBe(fixture.sample.items["1-1"]?.answer);
    expect(field?.location).toBe("page 2, field 1-1");
  });

  it("reads a checkbox without /AP from /V", () => {
    const field = fields.find(
      (candidate) => candidate.name === fixture.bareCheckbox,
    );
    expect(field?.kind).toBe("checkbox");
    expect(field?.value).toBe("Yes");
  });

  it("reads radio groups as option labels", () => {
    const radios = fields.filter((field) => field.kind === "radio");
    expect(radios.length).toBeGreaterThan(10);
    for (const radio of radios)
      expect(["Yes", "No", "N/A", "See Note"]).toContain(radio.value);
  });
});

async function expectEveryAnswer(disclosure: Disclosure): Promise<void> {
  const byId = new Map(disclosure.answers.map((answer) => [answer.id, answer]));
  for (const [id, item] of Object.entries(fixture.sample.items)) {
    const answer = byId.get(id);
    expect(answer, id).toBeDefined();
    expect(answer?.value, `${id} (${fieldStyleOf(id)})`).toBe(
      VALUES[item.answer],
    );
    expect(answer?.notes, `${id} notes`).toEqual(
      item.note === undefined ? [] : [item.note],
    );
  }
  expect(disclosure.answers).toHaveLength(
    Object.keys(fixture.sample.items).length,
  );
}

describe("parseDisclosure on the HN 1-2013 fillable PDF", () => {
  let disclosure: Disclosure;
  beforeAll(async () => {
    disclosure = await parseDisclosure(fixture.bytes, "form-2013.pdf");
  });

  it("detects the edition and format", () => {
    expect(disclosure.edition).toBe("HN 1-2013");
    expect(disclosure.source.format).toBe("pdf-form");
  });

  it("reads every answer and note number", async () => {
    await expectEveryAnswer(disclosure);
  });

  it("resolves notes per section", () => {
    expect(
      disclosure.problems.filter((problem) => problem.code === "note.missing"),
    ).toEqual([]);
    const note = disclosure.notes.find(
      (candidate) => candidate.section === "AUDT",
    );
    expect(note?.text).toBe("AUDT detail given by the manufacturer.");
  });

  it("reads the device description", () => {
    expect(disclosure.device.manufacturer).toBe("Example Medical");
    expect(disclosure.device.model).toBe("EX-100");
    expect(disclosure.device.documentId).toBe("MDS2-EX-2013");
    expect(disclosure.device.releaseDate).toBe("2014-03-01");
    // Named Text1 and found beside its printed label.
    expect(disclosure.device.softwareRevision).toBe("4.2");
  });

  it("carries 2019 equivalents", () => {
    const answer = disclosure.answers.find(
      (candidate) => candidate.id === "1-1",
    );
    expect(answer?.equivalents).toEqual(["ALOF-1"]);
    expect(answer?.section).toBe("ALOF");
  });

  it("places answers by page and field", () => {
    const answer = disclosure.answers.find((candidate) => candidate.id === "A");
    expect(answer?.location).toBe("page 1, field A");
  });
});

describe("encrypted copies", () => {
  it("reads a form protected by an owner password only", async () => {
    const bytes = await encryptPdf(fixture.bytes, "");
    const disclosure = await parseDisclosure(bytes, "owner-only.pdf");
    expect(disclosure.edition).toBe("HN 1-2013");
    await expectEveryAnswer(disclosure);
  });

  it("rejects a form that needs a user password", async () => {
    const bytes = await encryptPdf(fixture.bytes, "open-sesame");
    await expect(readPdf(bytes, "locked.pdf")).rejects.toMatchObject({
      code: "input.encrypted",
      file: "locked.pdf",
      message: "encrypted PDF: a password is required to open it",
    });
  });
});
