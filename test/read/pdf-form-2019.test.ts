import { describe, expect, it } from "vitest";
import { parseDisclosure } from "../../src/parse.js";
import {
  build2019FormPdf,
  sample2019Answers,
} from "../helpers/pdf-2019-form.js";

const VALUES: Record<string, string> = { Yes: "yes", No: "no", "N/A": "na" };

describe("HN 1-2019 fillable PDF", () => {
  it("reads every answer and the note", async () => {
    const answers = sample2019Answers();
    const disclosure = await parseDisclosure(
      await build2019FormPdf(answers),
      "form-2019.pdf",
    );
    expect(disclosure.edition).toBe("HN 1-2019");
    expect(disclosure.source.format).toBe("pdf-form");
    for (const [id, raw] of answers) {
      expect(
        disclosure.answers.find((answer) => answer.id === id)?.value,
        id,
      ).toBe(VALUES[raw]);
    }
    expect(
      disclosure.answers.find((answer) => answer.id === "ALOF-1")?.notes,
    ).toEqual([1]);
    expect(disclosure.notes).toEqual([
      expect.objectContaining({
        number: 1,
        text: "Logoff time is set by the site administrator.",
      }),
    ]);
    expect(
      disclosure.answers.find((answer) => answer.id === "SAHD-15")?.value,
    ).toBeDefined();
  });
});
