import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/forms/clean-text.js";

describe("cleanText", () => {
  it.each([
    ["plain words", "Yes, 15 minutes", "Yes, 15 minutes"],
    ["the empty string", "", ""],
    ["leading and trailing spaces", "  Yes ", "Yes"],
    ["a run of spaces", "See   Note", "See Note"],
    ["a tab and line feed", "See\tNote\n2", "See Note 2"],
    ["a no-break space", "See\u00a0Note", "See Note"],
    ["an ideographic space", "See\u3000Note", "See Note"],
    ["a zero-width space", "Y\u200bes", "Yes"],
    ["a byte order mark", "\ufeffYes", "Yes"],
    ["an en dash", "ALOF\u20132", "ALOF-2"],
    ["a minus sign", "\u22121", "-1"],
    ["curly single quotes", "\u2018N/A\u2019", "'N/A'"],
    ["curly double quotes", "\u201cYes\u201d", '"Yes"'],
    ["full-width letters", "\uff39\uff45\uff53", "Yes"],
    ["a ligature", "\ufb01le", "file"],
  ])("folds %s", (_name, text, folded) => {
    expect(cleanText(text)).toBe(folded);
  });

  it("keeps case and zero-width joiners", () => {
    expect(cleanText("MDS2 a\u200dB")).toBe("MDS2 a\u200dB");
  });
});
