import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { editionData, findQuestion } from "../../src/forms/editions.js";
import { isCapabilityCode } from "../../src/model/capabilities.js";
import { parseFile } from "../../src/parse.js";
import { NEMA_2019_XLSX, REAL_CORPUS } from "../helpers/workbook-fixtures.js";

const data = editionData("HN 1-2019");
const ids = data.questions.map((question) => question.id);
const referenceRows = parseCsv(
  readFileSync(
    path.resolve(REAL_CORPUS, "../../reference/mds2-2019-question-ids.csv"),
  ),
  { columns: true },
) as { question_id: string }[];
const referenceIds = referenceRows.map((row) =>
  row.question_id.replace("SHAD-15", "SAHD-15"),
);

describe("HN 1-2019 edition data", () => {
  it("lists the 240 question IDs in form order", () => {
    expect(ids).toEqual(referenceIds);
  });

  it("has unique IDs", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts every question in a listed section", () => {
    const codes = new Set(data.sections.map((section) => section.code));
    for (const question of data.questions) {
      expect(codes.has(question.section), question.id).toBe(true);
      expect(question.id.startsWith(`${question.section}-`), question.id).toBe(
        true,
      );
    }
  });

  it("has no CNFS section", () => {
    expect(data.sections.some((section) => section.code === "CNFS")).toBe(
      false,
    );
  });

  it.each(["DOC", "MPII", "CONN", "SBOM", "RMOT", "OTHR"])(
    "gives %s no capability",
    (code) => {
      expect(
        data.sections.find((section) => section.code === code)?.capability,
      ).toBeUndefined();
    },
  );

  it("names a known capability for the other sections", () => {
    const withCapability = data.sections.filter(
      (section) => section.capability,
    );
    expect(withCapability).toHaveLength(18);
    for (const section of withCapability)
      expect(isCapabilityCode(section.capability!)).toBe(true);
  });

  it("links every parent to an earlier question", () => {
    for (const question of data.questions) {
      if (!question.parent) continue;
      expect(ids.indexOf(question.parent), question.id).toBeGreaterThanOrEqual(
        0,
      );
      expect(ids.indexOf(question.parent)).toBeLessThan(
        ids.indexOf(question.id),
      );
    }
  });

  it("names only known questions in gate rules", () => {
    for (const gate of data.gates) {
      expect(
        findQuestion("HN 1-2019", gate.question),
        gate.question,
      ).toBeDefined();
      for (const id of gate.then)
        expect(findQuestion("HN 1-2019", id), id).toBeDefined();
    }
  });

  it.each([
    ["DOC-1", "manufacturer"],
    ["DOC-2", "description"],
    ["DOC-3", "model"],
    ["DOC-4", "documentId"],
    ["DOC-5", "contact"],
    ["DOC-6", "intendedUse"],
    ["DOC-7", "releaseDate"],
  ])("maps %s to the device field %s", (id, field) => {
    expect(findQuestion("HN 1-2019", id)).toMatchObject({
      deviceField: field,
      polarity: "text",
    });
  });

  it("asks a date for DOC-7 and yes/no from DOC-8", () => {
    expect(findQuestion("HN 1-2019", "DOC-7")?.kind).toBe("date");
    const yesNo = data.questions.filter(
      (question) => question.kind === "yes-no",
    );
    expect(yesNo).toHaveLength(233);
    expect(yesNo.every((question) => question.polarity !== "text")).toBe(true);
  });

  it.each([
    ["MPII-1", "exposure"],
    ["CONN-4", "exposure"],
    ["RMOT-1", "exposure"],
    ["SAHD-12", "exposure"],
    ["ALOF-1", "capability"],
    ["STCF-1", "capability"],
    ["PLOK-1", "info"],
    ["CSUP-2", "info"],
  ])("gives %s the polarity %s", (id, polarity) => {
    expect(findQuestion("HN 1-2019", id)?.polarity).toBe(polarity);
  });

  it("writes labels in short own words", () => {
    for (const question of data.questions) {
      expect(question.label.length, question.id).toBeLessThanOrEqual(80);
      expect(question.label.endsWith("?"), question.id).toBe(false);
    }
  });

  it("is satisfied by the NEMA example", async () => {
    const disclosure = await parseFile(NEMA_2019_XLSX);
    const values = new Map(
      disclosure.answers.map((answer) => [answer.id, answer.value]),
    );
    for (const gate of data.gates) {
      if (values.get(gate.question) !== gate.when) continue;
      for (const id of gate.then)
        expect(values.get(id), `${gate.question} → ${id}`).toBe("na");
    }
  });
});
