import { describe, expect, it } from "vitest";
import {
  ANSWER_SPELLINGS,
  parseAnswer,
} from "../../src/normalize/answer-value.js";

describe("parseAnswer", () => {
  it.each(
    ANSWER_SPELLINGS.map(
      (spelling) => [spelling.text, spelling.value] as const,
    ),
  )("reads the table spelling %j as %s", (text, value) => {
    expect(parseAnswer(text, "yes-no").value).toBe(value);
    expect(parseAnswer(text.toUpperCase(), "yes-no").value).toBe(value);
  });

  it.each([
    ["Yes", "yes"],
    ["YES", "yes"],
    ["yes", "yes"],
    [" Yes ", "yes"],
    ["Yes\u00a0", "yes"],
    ["Y", "yes"],
    ["Yes*", "yes"],
    ["Yes.", "yes"],
    ["No", "no"],
    ["N", "no"],
    ["No*", "no"],
    ["no", "no"],
    ["N/A", "na"],
    ["n/a", "na"],
    ["NA", "na"],
    ["N.A.", "na"],
    ["N / A", "na"],
    ["Not Applicable", "na"],
    ["not applicable", "na"],
    ["N∕A", "unrecognized"],
    ["Ｎ/Ａ", "na"],
    ["See Notes", "see-note"],
    ["See Note", "see-note"],
    ["see note 3", "see-note"],
    ["See Note #3", "see-note"],
    ["Note 3", "see-note"],
    ["X", "yes"],
    ["x", "yes"],
    ["✓", "yes"],
    ["✔", "yes"],
    ["☑", "yes"],
    ["☐", "unanswered"],
    ["True", "yes"],
    ["FALSE", "no"],
    ["On", "yes"],
    ["Off", "no"],
    ["", "unanswered"],
    ["   ", "unanswered"],
    ["____", "unanswered"],
    ["Partial", "unrecognized"],
    ["Optional", "unrecognized"],
    ["TBD", "unrecognized"],
    ["Nope", "unrecognized"],
    ["Yesterday", "unrecognized"],
    ["1", "unrecognized"],
  ])("reads %j as %s", (raw, value) => {
    expect(parseAnswer(raw, "yes-no").value).toBe(value);
  });

  it.each([
    ["Yes,LDAP", "yes", "LDAP"],
    ["Yes, Optional", "yes", "Optional"],
    ["Yes,optional", "yes", "optional"],
    ["No: none", "no", "none"],
    ["N/A: No default accounts", "na", "No default accounts"],
    ["No: No end-of-life components", "no", "No end-of-life components"],
    ['Yes,"PACS, NAS"', "yes", "PACS, NAS"],
    [
      'Yes,"Optional, disabled by default"',
      "yes",
      "Optional, disabled by default",
    ],
    ['Yes, "say ""hi"""', "yes", 'say "hi"'],
    ["Yes, \u201cPACS, NAS\u201d", "yes", "PACS, NAS"],
    ["Yes,\u00a0optional", "yes", "optional"],
    ["Yes (admin only)", "yes", "admin only"],
    ["Yes - configurable per site", "yes", "configurable per site"],
    ["Yes – configurable", "yes", "configurable"],
    ["Yes; via IFU", "yes", "via IFU"],
    ["Not applicable - software only", "na", "software only"],
    ["Y: LDAP", "yes", "LDAP"],
    ["Yes, Windows 10 LTSC,See Note 2", "yes", "Windows 10 LTSC"],
    ["Yes, Linux (see note 3)", "yes", "Linux"],
    ["Yes, -40 \u00b0C to 60 \u00b0C", "yes", "-40 \u00b0C to 60 \u00b0C"],
    [
      "Yes, nurse \u{1f469}\u200d\u2695\ufe0f",
      "yes",
      "nurse \u{1f469}\u200d\u2695\ufe0f",
    ],
  ])("splits %j into %s and a comment", (raw, value, comment) => {
    const parsed = parseAnswer(raw, "yes-no");
    expect(parsed.value).toBe(value);
    expect(parsed.comment).toBe(comment);
  });

  it.each([
    ["No,", "no"],
    ["N/A,", "na"],
    ["Yes,", "yes"],
    ["Yes, ", "yes"],
    ['Yes,""', "yes"],
  ])("reads %j with an empty comment as the bare value", (raw, value) => {
    const parsed = parseAnswer(raw, "yes-no");
    expect(parsed.value).toBe(value);
    expect(parsed.comment).toBeUndefined();
    expect(parsed.notes).toEqual([]);
  });

  it.each([
    ["Yes - see note 1", "yes", [1]],
    ["Yes (see note 2)", "yes", [2]],
    ["No, see notes 3 and 5", "no", [3, 5]],
    ["Y 1", "yes", [1]],
    ["See note 3", "see-note", [3]],
    ["See Note #3", "see-note", [3]],
    ["Note 3", "see-note", [3]],
    ["See Notes 2, 4", "see-note", [2, 4]],
    ["See Note 1 ", "see-note", [1]],
  ])("finds the note references in %j", (raw, value, notes) => {
    const parsed = parseAnswer(raw, "yes-no");
    expect(parsed.value).toBe(value);
    expect(parsed.notes).toEqual(notes);
    expect(parsed.comment).toBeUndefined();
  });

  it("moves a trailing note reference out of the comment", () => {
    const parsed = parseAnswer("Yes, encrypted with AES; see note 4", "yes-no");
    expect(parsed).toMatchObject({
      value: "yes",
      comment: "encrypted with AES",
      notes: [4],
    });
  });

  it("keeps a note mentioned inside the comment", () => {
    const parsed = parseAnswer("Yes, see note 4 for the key length", "yes-no");
    expect(parsed).toMatchObject({
      value: "yes",
      comment: "see note 4 for the key length",
      notes: [4],
    });
  });

  it("marks a See Notes answer without a number", () => {
    const parsed = parseAnswer("See Notes", "yes-no");
    expect(parsed.notes).toEqual([]);
    expect(parsed.unnumberedNote).toBe(true);
  });

  it.each(["Hidden", "hidden", "Redacted", "REDACTED"])(
    "marks %j redacted",
    (raw) => {
      expect(parseAnswer(raw, "text")).toMatchObject({
        value: "text",
        redacted: true,
      });
      expect(parseAnswer(raw, "yes-no")).toMatchObject({
        value: "unanswered",
        redacted: true,
      });
    },
  );

  it.each([
    ["Acme Medical", "text"],
    ["X-Ray Systems Inc.", "text"],
    ["Y", "text"],
    ["N/A", "na"],
    ["", "unanswered"],
  ])("reads the text answer %j as %s", (raw, value) => {
    expect(parseAnswer(raw, "text").value).toBe(value);
  });

  it("reads a date answer as text", () => {
    expect(parseAnswer("43747", "date").value).toBe("text");
  });
});
