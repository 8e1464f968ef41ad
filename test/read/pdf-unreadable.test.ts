import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../src/read/pdf/index.js";
import { buildHn12013FormPdf, encryptPdf } from "../helpers/pdf-2013-form.js";
import {
  buildImageOnlyPdf,
  buildNoToUnicodePdf,
  buildXfaOnlyPdf,
} from "../helpers/pdf-broken.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "mds2-pdf-"));
  const build = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
    cwd: root,
    encoding: "utf8",
  });
  if (
    !/dist/.test(String(build.stdout)) &&
    build.status !== 0 &&
    build.status !== 2
  ) {
    throw new Error(`build failed: ${build.stderr}`);
  }
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("mds2 parse on unreadable PDFs", () => {
  it.each([
    [
      "user-password.pdf",
      async () =>
        encryptPdf((await buildHn12013FormPdf()).bytes, "open-sesame"),
      "encrypted PDF: a password is required to open it",
    ],
    [
      "xfa-only.pdf",
      async () => buildXfaOnlyPdf(),
      "XFA form: not supported; export the form to a regular PDF or workbook",
    ],
    [
      "image-only.pdf",
      buildImageOnlyPdf,
      "image-only PDF (no text layer); OCR is not supported",
    ],
    [
      "no-unicode.pdf",
      async () => buildNoToUnicodePdf(),
      "PDF text cannot be decoded: its fonts have no Unicode map",
    ],
  ])("%s gives a one-line error", async (name, build, message) => {
    const path = join(folder, name);
    writeFileSync(path, await build());
    const result = spawnSync(
      "node",
      [join(root, "dist/cli/main.js"), "parse", path],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("readPdf on text without a Unicode map", () => {
  it("flags the undecodable lines and keeps the readable ones", async () => {
    const bytes = buildNoToUnicodePdf([
      "Question ID",
      "Manufacturer Disclosure Statement",
    ]);
    const content = await readPdf(bytes, "mixed.pdf");
    expect(content.kind).toBe("lines");
    if (content.kind !== "lines") return;
    expect(content.lines.map((line) => line.text)).toEqual([
      "Question ID",
      "Manufacturer Disclosure Statement",
    ]);
    expect(content.problems).toEqual([
      expect.objectContaining({
        code: "pdf.text-undecodable",
        severity: "warning",
        location: "page 1",
      }),
    ]);
    expect(content.problems[0]?.message).toMatch(
      /^6 line\(s\) use a font without a Unicode map/,
    );
  });
});
