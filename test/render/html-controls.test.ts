/** Vendor text with terminal and bidirectional controls in the HTML report. */

import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, textForm, type CliResult } from "../helpers/batch-inputs.js";

const SLOW = 240_000;

let work: string;
let result: CliResult;
let html: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-bidi-"));
  // Shown raw, U+202E makes "Evil Corp\u202Egpj.exe" read "Evil Corpexe.jpg".
  await writeFile(
    path.join(work, "form.txt"),
    await textForm({
      manufacturer: "Evil Corp\u202egpj.exe",
      model: "EV\u001b[2J-1",
      documentId: "EV-1",
      releaseDate: "2024-03-01",
    }),
  );
  result = await runCli(
    ["report", "form.txt", "-o", "report", "--format", "html"],
    work,
  );
  const files = await readdir(path.join(work, "report"));
  const page = files.find((name) => name.endsWith(".html"));
  html = page ? await readFile(path.join(work, "report", page), "utf8") : "";
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 report --format html with control characters in vendor text", () => {
  it("writes the report", () => {
    expect(result.code).toBe(0);
    expect(html).toContain("Evil Corp");
  });

  it("leaves no raw U+202E", () => {
    expect(html.includes("\u202e"), "raw U+202E in the HTML").toBe(false);
  });

  it("leaves no raw ESC", () => {
    expect(html.includes("\u001b"), "raw ESC in the HTML").toBe(false);
  });

  it("escapes the controls in the title", () => {
    const title = /<title>(.*)<\/title>/.exec(html)?.[1];
    expect(title).toBe("MDS2 report: Evil Corp\\u202Egpj.exe EV\\u001B[2J-1");
  });

  it("isolates each name in the heading", () => {
    expect(html).toContain(
      "<h1>MDS2 report: <bdi>Evil Corp\\u202Egpj.exe</bdi> <bdi>EV\\u001B[2J-1</bdi></h1>",
    );
  });
});
