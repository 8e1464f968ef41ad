import { describe, expect, it } from "vitest";
import {
  escapeVendorStrings,
  titleText,
  visibleControls,
} from "../../src/render/vendor-text.js";

describe("visibleControls", () => {
  it.each([
    ["NUL", "a\u0000b", "a\\u0000b"],
    ["BEL", "a\u0007b", "a\\u0007b"],
    ["ESC", "a\u001B[2Jb", "a\\u001B[2Jb"],
    ["DEL", "a\u007Fb", "a\\u007Fb"],
    ["NEL (C1)", "a\u0085b", "a\\u0085b"],
    ["CSI (C1)", "a\u009Bb", "a\\u009Bb"],
    ["left-to-right embedding", "a\u202Ab", "a\\u202Ab"],
    ["pop directional formatting", "a\u202Cb", "a\\u202Cb"],
    ["right-to-left override", "a\u202Eb", "a\\u202Eb"],
    ["left-to-right isolate", "a\u2066b", "a\\u2066b"],
    ["pop directional isolate", "a\u2069b", "a\\u2069b"],
  ])("escapes %s", (_name, text, expected) => {
    expect(visibleControls(text)).toBe(expected);
  });

  it.each([
    ["tab and line feed", "a\tb\nc", "a\tb\nc"],
    ["carriage returns", "a\r\nb\rc", "a\nb\nc"],
    ["direction marks", "a\u200Eb\u200Fc\u061Cd", "a\u200Eb\u200Fc\u061Cd"],
    ["Hebrew text", "שלום", "שלום"],
  ])("keeps %s", (_name, text, expected) => {
    expect(visibleControls(text)).toBe(expected);
  });
});

describe("titleText", () => {
  it("escapes direction marks", () => {
    expect(titleText("a\u200Fb")).toBe("a\\u200Fb");
  });

  it("joins lines with a space", () => {
    expect(titleText("a\r\n\tb\u2028c")).toBe("a b c");
  });
});

describe("escapeVendorStrings", () => {
  it("escapes strings at every depth", () => {
    const view = {
      title: "X\u202E",
      count: 2,
      missing: null,
      rows: [{ text: "a\u001Bb", flag: true }],
    };

    expect(escapeVendorStrings(view)).toEqual({
      title: "X\\u202E",
      count: 2,
      missing: null,
      rows: [{ text: "a\\u001Bb", flag: true }],
    });
    expect(view.title).toBe("X\u202E");
  });
});
