import { describe, expect, it } from "vitest";
import { printable, printableLines } from "../src/terminal-text.js";

describe("printable", () => {
  it.each([
    ["an escape sequence", "a\u001b[31mb", "a\\u001B[31mb"],
    ["a C1 control", "a\u009b31mb", "a\\u009B31mb"],
    ["DEL", "a\u007fb", "a\\u007Fb"],
    ["a right-to-left override", "a\u202Eevil", "a\\u202Eevil"],
    ["an isolate", "a\u2067b", "a\\u2067b"],
    ["a line separator", "a\u2028b", "a\\u2028b"],
    ["a line feed", "a\nb", "a\\u000Ab"],
    ["a tab", "a\tb", "a\\u0009b"],
  ])("escapes %s", (_name, text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it("keeps accents, Hebrew and CJK text", () => {
    const text = "Gerät שלום 医疗设备";
    expect(printable(text)).toBe(text);
  });
});

describe("printableLines", () => {
  it("keeps line feeds and tabs but escapes every other control", () => {
    expect(printableLines("a\tb\nc\u001b[2J\u202Ed")).toBe(
      "a\tb\nc\\u001B[2J\\u202Ed",
    );
  });
});
