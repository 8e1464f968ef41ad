import { describe, expect, it } from "vitest";
import {
  recognizeLines,
  splitQuestion,
} from "../../src/forms/hn1-2019/recognize-lines.js";
import type { SourceContent } from "../../src/read/source-content.js";

function linesOf(...texts: string[]): SourceContent {
  return {
    kind: "lines",
    format: "text",
    lines: texts.map((text, index) => ({
      text,
      location: `line ${index + 1}`,
    })),
    problems: [],
  };
}

// Ten plain question lines, enough for the text to count as a form.
const FILLER = Array.from(
  { length: 10 },
  (_, index) => `AUDT-2.${index + 1},Event?: Yes`,
);

describe("splitQuestion", () => {
  it.each([
    [
      "plain",
      "Is TLS configurable?: Yes,HTTPS/HTTP",
      true,
      "Is TLS configurable?",
      "Yes,HTTPS/HTTP",
    ],
    [
      "space before colon",
      "Does the device? : No,",
      true,
      "Does the device?",
      "No,",
    ],
    [
      "quoted question",
      '"Can it (e.g., LDAP)? ": Yes,LDAP',
      true,
      "Can it (e.g., LDAP)?",
      "Yes,LDAP",
    ],
    [
      "quoted with colon",
      '"Events? If yes: list": Yes',
      true,
      "Events? If yes: list",
      "Yes",
    ],
    [
      "doubled quote",
      '"A ""kiosk"" mode?": Yes',
      true,
      'A "kiosk" mode?',
      "Yes",
    ],
    [
      "answer with colon",
      "Listed?: N/A: No default accounts",
      true,
      "Listed?",
      "N/A: No default accounts",
    ],
    [
      "label with colon",
      "ISAO: Is it a member?:No",
      true,
      "ISAO: Is it a member?",
      "No",
    ],
    [
      "question ends in period",
      "Details in notes.: No",
      true,
      "Details in notes.",
      "No",
    ],
    ["blank", "Hardware connectivity?____", true, "Hardware connectivity?", ""],
    [
      "quoted blank",
      '"Hardware, wireless?"____',
      true,
      "Hardware, wireless?",
      "",
    ],
    [
      "text label",
      "Manufacturer Name:Acme: Inc",
      false,
      "Manufacturer Name",
      "Acme: Inc",
    ],
  ])("%s", (_name, text, yesNo, question, answer) => {
    expect(splitQuestion(text, yesNo)).toEqual({ question, answer });
  });

  it("returns undefined without colon or blank", () => {
    expect(splitQuestion("No separator here", true)).toBeUndefined();
  });
});

describe("recognizeLines", () => {
  it("reads rows with line locations", () => {
    const form = recognizeLines(linesOf("ALOF-1,Logoff?: Yes", ...FILLER));
    expect(form?.edition).toBe("HN 1-2019");
    expect(form?.rows[0]).toEqual({
      printedId: "ALOF-1",
      question: "Logoff?",
      answer: "Yes",
      answerLocation: "line 1",
      noteRef: "",
    });
  });

  it("unquotes a quoted text answer", () => {
    const form = recognizeLines(
      linesOf('DOC-3:Device Model:"M1, M2", ', ...FILLER),
    );
    expect(form?.rows[0]?.answer).toBe("M1, M2");
  });

  it("keeps a quoted comment for the normalizer", () => {
    const form = recognizeLines(
      linesOf('MPII-2.9,Separate?: Yes,"PACS, NAS"', ...FILLER),
    );
    expect(form?.rows[0]?.answer).toBe('Yes,"PACS, NAS"');
  });

  it("reads Markdown list items", () => {
    const form = recognizeLines(
      linesOf("- **ALOF-1**, Logoff?: No", ...FILLER),
    );
    expect(form?.rows[0]?.printedId).toBe("ALOF-1");
    expect(form?.rows[0]?.answer).toBe("No");
  });

  it("skips headings and prose", () => {
    const form = recognizeLines(
      linesOf(
        "AUTOMATIC LOGOFF (ALOF) Idle devices.",
        "Intro: text",
        ...FILLER,
      ),
    );
    expect(form?.rows).toHaveLength(10);
  });

  it("reads note lines", () => {
    const form = recognizeLines(
      linesOf(...FILLER, "Note 2: Encrypted with AES-256."),
    );
    expect(form?.notes).toEqual([
      { number: 2, text: "Encrypted with AES-256.", location: "line 11" },
    ]);
  });

  it("reports a question line without answer", () => {
    const form = recognizeLines(
      linesOf("ALOF-1,Logoff without separator", ...FILLER),
    );
    expect(form?.problems[0]?.code).toBe("line.unparsed");
    expect(form?.problems[0]?.location).toBe("line 1");
  });

  it("rejects text with few question IDs", () => {
    expect(
      recognizeLines(linesOf("ALOF-1,Logoff?: Yes", "Shopping: milk")),
    ).toBeUndefined();
  });

  it("rejects grid content", () => {
    expect(
      recognizeLines({
        kind: "grid",
        format: "xlsx",
        sheets: [],
        problems: [],
      }),
    ).toBeUndefined();
  });
});
