import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { assess } from "../../src/crossref/index.js";
import { builtInMapping } from "../../src/mapping/built-in.js";
import { parseDisclosure } from "../../src/parse.js";
import { renderPdf, sortFindings } from "../../src/render/pdf/index.js";
import { MAX_DRAWN_TEXT } from "../../src/render/pdf/layout.js";
import {
  packAssessment,
  packDisclosure,
} from "../helpers/evidence-pack-records.js";

const here = dirname(fileURLToPath(import.meta.url));
const nemaExample = join(
  here,
  "../../../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);
const generatedAt = new Date("2026-01-02T03:04:05Z");
const sourceBytes = new TextEncoder().encode("original vendor bytes");

async function renderSample(): Promise<Uint8Array> {
  return renderPdf(packDisclosure(), packAssessment(), {
    sourceBytes,
    generatedAt,
  });
}

async function textOf(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: pdf.slice() });
  try {
    // Table cells wrap, so compare with runs of white space made single spaces.
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

describe("renderPdf", () => {
  it("prints the cover, findings and answers", async () => {
    const text = await textOf(await renderSample());

    expect(text).toContain("MDS2 evidence pack");
    expect(text).toContain("Infusor X1");
    expect(text).toContain("HN 1-2019");
    expect(text).toContain("2026-01-02T03:04:05.000Z");
    expect(text).toContain(
      "Automatic logoff is claimed but the screen saver timeout is 0.",
    );
    expect(text).toContain("AUDT-1.1");
    expect(text).toContain("PAUT-1");
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it("prints findings most severe first", async () => {
    const pack = await textOf(await renderSample());
    const text = pack.slice(
      pack.indexOf("Severity Finding"),
      pack.indexOf("Controls and evidence"),
    );
    const critical = text.indexOf("screen saver timeout is 0");
    const medium = text.indexOf("does not log audit events");
    const info = text.indexOf("No mapped control backs physical locks");

    expect(critical).toBeGreaterThanOrEqual(0);
    expect(critical).toBeLessThan(medium);
    expect(medium).toBeLessThan(info);
  });

  it("shows symbols and lists glyphs the font lacks", async () => {
    const text = await textOf(await renderSample());

    expect(text).toContain("≥ 8 characters ✓");
    expect(text).toContain("Gerät für Müller");
    expect(text).toContain("U+533B");
    expect(text).not.toContain("医疗设备");
  });

  it("escapes controls in vendor text and the document title", async () => {
    const disclosure = structuredClone(packDisclosure());
    disclosure.device.manufacturer = "Evil Corp\u202Egpj.exe";
    disclosure.device.model = "EV\u001B[2J-1";
    const pdf = await renderPdf(disclosure, packAssessment(), {
      sourceBytes,
      generatedAt,
    });
    const document = await getDocument({ data: pdf.slice() }).promise;
    const { info } = (await document.getMetadata()) as {
      info: { Title?: string };
    };
    await document.destroy();
    const text = await textOf(pdf);

    expect(info.Title).toBe(
      "MDS2 evidence pack: Evil Corp\\u202Egpj.exe EV\\u001B[2J-1",
    );
    expect(text).toContain("Evil Corp\\u202Egpj.exe");
    expect(text).toContain("EV\\u001B[2J-1");
    expect(text.includes("\u202E"), "raw U+202E in the text").toBe(false);
    expect(text.includes("\u001B"), "raw ESC in the text").toBe(false);
  });

  it("has bookmarks for each part", async () => {
    const document = await getDocument({ data: await renderSample() }).promise;
    const outline = await document.getOutline();
    const titles = outline.map((item) => item.title);

    expect(titles).toEqual([
      "Cover",
      "Capability summary",
      "Findings",
      "Controls and evidence",
      "Answers",
    ]);
    const capabilities = outline[3]?.items.map((item) => item.title) ?? [];
    expect(capabilities).toContain("ALOF Automatic logoff");
    await document.destroy();
  });

  it("embeds the original file and both records", async () => {
    const document = await getDocument({ data: await renderSample() }).promise;
    const attachments = (await document.getAttachments()) as Record<
      string,
      { filename: string; content: Uint8Array }
    >;
    const byName = new Map(
      Object.values(attachments).map((file) => [file.filename, file.content]),
    );

    expect([...byName.keys()].sort()).toEqual([
      "acme-infusor-x1.assessment.json",
      "acme-infusor-x1.disclosure.json",
      "acme-infusor-x1.xlsx",
    ]);
    expect(Buffer.from(byName.get("acme-infusor-x1.xlsx") ?? [])).toEqual(
      Buffer.from(sourceBytes),
    );
    const disclosure = JSON.parse(
      Buffer.from(byName.get("acme-infusor-x1.disclosure.json") ?? []).toString(
        "utf8",
      ),
    );
    expect(disclosure).toEqual(packDisclosure());
    await document.destroy();
  });

  it("cuts a cell taller than half a page", async () => {
    const disclosure = packDisclosure();
    disclosure.notes[0]!.text = "Very long vendor note. ".repeat(400);

    const pdf = await renderPdf(disclosure, packAssessment(), { generatedAt });
    const text = await textOf(pdf);
    const document = await getDocument({ data: pdf.slice() }).promise;
    const attachments = Object.values(
      (await document.getAttachments()) as Record<
        string,
        { filename: string; content: Uint8Array }
      >,
    );

    expect(text).toContain("(cut; full text in the attached JSON)");
    expect(text).toMatch(/Page 1 of \d+/);
    expect(attachments.map((file) => file.filename)).not.toContain(
      "acme-infusor-x1.xlsx",
    );
    await document.destroy();
  });

  it("cuts an unbroken 100 KB note", async () => {
    const disclosure = packDisclosure();
    disclosure.notes[0]!.text = "A".repeat(100 * 1024);
    disclosure.device.manufacturer = "M".repeat(100 * 1024);

    const text = await textOf(
      await renderPdf(disclosure, packAssessment(), { generatedAt }),
    );

    expect(text).toContain("(cut; full text in the attached JSON)");
    expect(text).not.toContain("A".repeat(MAX_DRAWN_TEXT + 1));
    expect(text).not.toContain("M".repeat(MAX_DRAWN_TEXT + 1));
  });

  it("says where it lacks a glyph", async () => {
    const text = await textOf(await renderSample());

    expect(text).toMatch(/Where: [^.]*Answers, PAUT-1 \([^)]*U\+533B/);
  });

  it("warns where text runs right to left", async () => {
    const disclosure = packDisclosure();
    disclosure.notes[0]!.text = "שלום עולם";

    const text = await textOf(
      await renderPdf(disclosure, packAssessment(), { generatedAt }),
    );

    expect(text).toMatch(/Right-to-left text .* Where: Notes, 1\./);
  });

  it("is byte-identical for a fixed time", async () => {
    const first = Buffer.from(await renderSample());
    const second = Buffer.from(await renderSample());

    expect(second.equals(first)).toBe(true);
  });

  it("sorts findings by severity then ID", () => {
    const sorted = sortFindings(packAssessment().findings).map(
      (finding) => finding.severity,
    );

    expect(sorted).toEqual([
      "critical",
      "high",
      "high",
      "medium",
      "low",
      "info",
    ]);
  });
});

describe("renderPdf on the NEMA example", () => {
  it("packs every answer, capability and the original file", async () => {
    const bytes = new Uint8Array(await readFile(nemaExample));
    const disclosure = await parseDisclosure(bytes, "nema-example.xlsx");
    const assessment = assess(disclosure, {
      mapping: builtInMapping(),
      today: "2026-01-01",
    });

    const pdf = await renderPdf(disclosure, assessment, {
      sourceBytes: bytes,
      generatedAt,
    });
    const text = await textOf(pdf);
    const document = await getDocument({ data: pdf.slice() }).promise;
    const outline = await document.getOutline();
    const attachments = Object.values(
      (await document.getAttachments()) as Record<
        string,
        { filename: string; content: Uint8Array }
      >,
    );
    const source = attachments.find(
      (file) => file.filename === "nema-example.xlsx",
    );

    expect(text).toContain("Handheld Blood Glucose Monitor");
    // A narrow column may wrap a long ID, so compare without white space.
    const compact = text.replace(/\s/g, "");
    for (const answer of disclosure.answers)
      expect(compact).toContain(answer.id);
    expect(outline[3]?.items).toHaveLength(assessment.capabilities.length);
    expect(Buffer.from(source?.content ?? [])).toEqual(Buffer.from(bytes));
    expect(text).toMatch(
      new RegExp(`Page ${document.numPages} of ${document.numPages}`),
    );
    await document.destroy();
  });
});
