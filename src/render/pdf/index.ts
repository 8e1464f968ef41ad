/**
 * The PDF evidence pack: cover, capability summary, findings by severity,
 * per-capability controls and evidence, every answer, bookmarks, "page n of
 * m" footers, and the original form plus the JSON records as embedded files.
 */

import PDFDocument from "pdfkit";
import type { Assessment } from "../../model/assessment.js";
import type { Disclosure } from "../../model/disclosure.js";
import { titleText } from "../vendor-text.js";
import { codePointLabel, GlyphFilter, loadPackFonts } from "./font.js";
import { FONT_BOLD, FONT_REGULAR, PackLayout } from "./layout.js";
import {
  attachmentNames,
  sortFindings,
  STATUS_COLORS,
  SEVERITY_COLORS,
  type AttachmentNames,
} from "./pack-data.js";

export interface PdfOptions {
  /** Bytes of the vendor's original file, attached to the pack when given. */
  sourceBytes?: Uint8Array;
  /** Time printed on the cover and stamped on the PDF; pass one for reproducible output. */
  generatedAt?: Date;
}

export { sortFindings } from "./pack-data.js";

/** Renders the evidence pack of one disclosure and its assessment. */
export async function renderPdf(
  disclosure: Disclosure,
  assessment: Assessment,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const generatedAt = options.generatedAt ?? new Date();
  const fonts = loadPackFonts();
  const glyphs = new GlyphFilter(fonts.regular);
  const names = attachmentNames(disclosure.source.file);

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: titleText(`MDS2 evidence pack: ${deviceTitle(disclosure)}`),
      Creator: "mds2",
      Producer: "mds2",
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  doc.font(FONT_REGULAR);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const layout = new PackLayout(doc, glyphs);
  writeCover(
    layout,
    disclosure,
    assessment,
    generatedAt,
    names,
    options.sourceBytes,
  );
  doc.addPage();
  writeSummary(layout, assessment);
  writeFindings(layout, assessment);
  writeCapabilities(layout, assessment);
  writeAnswers(layout, disclosure);
  writeFooters(doc);
  attachFiles(
    doc,
    disclosure,
    assessment,
    names,
    generatedAt,
    options.sourceBytes,
  );

  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

function deviceTitle(disclosure: Disclosure): string {
  const { manufacturer, model, description } = disclosure.device;
  const parts = [manufacturer, model ?? description].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : disclosure.source.file;
}

function writeCover(
  layout: PackLayout,
  disclosure: Disclosure,
  assessment: Assessment,
  generatedAt: Date,
  names: AttachmentNames,
  sourceBytes: Uint8Array | undefined,
): void {
  const { doc } = layout;
  doc.outline.addItem("Cover");
  doc.y = 140;
  doc.font(FONT_BOLD).fontSize(24).fillColor("#1f2937");
  doc.text("MDS2 evidence pack", layout.left, doc.y, {
    width: layout.textWidth,
  });
  doc.moveDown(0.3);
  doc.font(FONT_REGULAR).fontSize(14).fillColor("#374151");
  doc.text(layout.prepare(deviceTitle(disclosure)), {
    width: layout.textWidth,
  });
  doc.moveDown(1.5);
  doc.fillColor("black");

  const { device } = disclosure;
  layout.fields([
    ["Manufacturer", device.manufacturer],
    ["Device", device.description],
    ["Model", device.model],
    ["Document ID", device.documentId],
    ["Release date", device.releaseDate],
    ["Software revision", device.softwareRevision],
    ["Edition", disclosure.edition],
    ["Source file", disclosure.source.file],
    ["Source format", disclosure.source.format],
    ["Source SHA-256", disclosure.source.sha256],
    ["Platform", `${assessment.platform.name} (${assessment.platform.from})`],
    [
      "Mapping",
      `${assessment.mapping.name}, ${assessment.mapping.controls} controls`,
    ],
    [
      "Evidence files",
      assessment.evidence.files.length > 0
        ? assessment.evidence.files.join(", ")
        : "none given",
    ],
    ["Generated", generatedAt.toISOString()],
  ]);
  doc.moveDown(1.5);

  const attached = [
    sourceBytes ? `${names.source} (the original form)` : undefined,
    `${names.disclosure} (the normalized disclosure)`,
    `${names.assessment} (the assessment)`,
  ].filter(Boolean);
  layout.paragraph(`Attached files: ${attached.join("; ")}.`, {
    color: "#4b5563",
  });
  if (!sourceBytes) {
    layout.paragraph(
      "The original form was not available and is not attached.",
      {
        color: "#4b5563",
      },
    );
  }
}

function writeSummary(layout: PackLayout, assessment: Assessment): void {
  layout.doc.outline.addItem("Capability summary");
  layout.heading("Capability summary");
  const counts = assessment.summary.bySeverity;
  layout.paragraph(
    `Findings: ${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ` +
      `${counts.low} low, ${counts.info} info.`,
  );
  layout.doc.moveDown(0.5);
  layout.table(
    [
      { header: "Code", width: 0.1 },
      { header: "Capability", width: 0.4 },
      { header: "Claim", width: 0.16 },
      { header: "Status", width: 0.2 },
      { header: "Findings", width: 0.14 },
    ],
    assessment.capabilities.map((capability) => [
      { text: capability.code, bold: true },
      capability.name,
      capability.claim,
      {
        text: capability.status,
        color: STATUS_COLORS[capability.status],
        bold: true,
      },
      String(capability.findings.length),
    ]),
  );
}

function writeFindings(layout: PackLayout, assessment: Assessment): void {
  layout.doc.outline.addItem("Findings");
  layout.heading("Findings");
  if (assessment.findings.length === 0) {
    layout.paragraph("The assessment has no findings.");
    return;
  }
  layout.table(
    [
      { header: "Severity", width: 0.1 },
      { header: "Finding", width: 0.17 },
      { header: "Questions", width: 0.13 },
      { header: "Message", width: 0.42 },
      { header: "Where", width: 0.18 },
    ],
    sortFindings(assessment.findings).map((finding) => [
      {
        text: finding.severity,
        color: SEVERITY_COLORS[finding.severity],
        bold: true,
      },
      finding.id,
      finding.questions.join(", "),
      finding.message,
      finding.location ?? "",
    ]),
  );
}

function writeCapabilities(layout: PackLayout, assessment: Assessment): void {
  const { doc } = layout;
  doc.addPage();
  const parent = doc.outline.addItem("Controls and evidence");
  layout.heading("Controls and evidence");
  const findingsById = new Map(
    assessment.findings.map((finding) => [finding.id, finding]),
  );

  for (const capability of assessment.capabilities) {
    layout.ensureSpace(80);
    parent.addItem(`${capability.code} ${capability.name}`);
    layout.heading(`${capability.code}: ${capability.name}`, 12);
    layout.fields(
      [
        ["Status", capability.status],
        ["Claim", capability.claim],
        ["Questions", capability.questions.join(", ") || "none"],
      ],
      9,
    );
    for (const id of capability.findings) {
      const finding = findingsById.get(id);
      if (finding)
        layout.paragraph(
          `${finding.severity.toUpperCase()} ${id}: ${finding.message}`,
        );
    }
    doc.moveDown(0.3);
    if (capability.controls.length === 0) {
      layout.paragraph("No control in the mapping supports this capability.", {
        color: "#4b5563",
      });
      doc.moveDown(0.5);
      continue;
    }
    layout.table(
      [
        { header: "Control", width: 0.24 },
        { header: "Setting", width: 0.3 },
        { header: "Expected", width: 0.18 },
        { header: "Evidence", width: 0.12 },
        { header: "CIS", width: 0.16 },
      ],
      capability.controls.map((control) => [
        `${control.id}\n${control.role}${control.applicable ? "" : ", reference only"}`,
        control.title,
        control.expected,
        control.evidence
          ? [
              control.evidence.result,
              control.evidence.observed,
              control.evidence.source,
            ]
              .filter(Boolean)
              .join("\n")
          : "no evidence",
        control.cis
          .map(
            (reference) =>
              `${reference.benchmark} ${reference.version}: ${reference.recommendation}`,
          )
          .join("\n"),
      ]),
      8,
    );
  }
}

function writeAnswers(layout: PackLayout, disclosure: Disclosure): void {
  const { doc } = layout;
  doc.addPage();
  const parent = doc.outline.addItem("Answers");
  layout.heading("Answers");
  layout.table(
    [
      { header: "ID", width: 0.14 },
      { header: "Question", width: 0.35 },
      { header: "Answer", width: 0.13 },
      { header: "As written", width: 0.2 },
      { header: "Where", width: 0.18 },
    ],
    disclosure.answers.map((answer) => [
      { text: answer.id, bold: true },
      answer.question,
      answer.value,
      [
        answer.raw,
        answer.notes.length > 0 ? `notes ${answer.notes.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("\n"),
      answer.location,
    ]),
  );

  if (disclosure.notes.length > 0) {
    parent.addItem("Notes");
    layout.heading("Notes", 12);
    layout.table(
      [
        { header: "Note", width: 0.12 },
        { header: "Text", width: 0.88 },
      ],
      disclosure.notes.map((note) => [
        [String(note.number), note.section].filter(Boolean).join(" "),
        note.text,
      ]),
    );
  }
  if (disclosure.problems.length > 0) {
    parent.addItem("Problems found while reading");
    layout.heading("Problems found while reading", 12);
    layout.table(
      [
        { header: "Severity", width: 0.11 },
        { header: "Code", width: 0.25 },
        { header: "Message", width: 0.46 },
        { header: "Where", width: 0.18 },
      ],
      disclosure.problems.map((problem) => [
        problem.severity,
        problem.code,
        problem.message,
        problem.location ?? "",
      ]),
    );
  }

  // Written last, so it lists what every earlier section could not show.
  writeRightToLeftWarning(layout);
  const missing = [...layout.glyphs.missing];
  if (missing.length > 0) {
    layout.paragraph(
      `The embedded font has no glyph for ${missing.length} character(s) of the vendor's text; ` +
        `they are printed as ?: ${missing.map(codePointLabel).join(", ")}. ` +
        `Where: ${missingGlyphPlaces(layout.glyphs.missingByPlace)}. ` +
        "The attached original form and JSON records hold the exact text.",
      { color: "#92400e" },
    );
  }
}

const MAX_LISTED_PLACES = 30;

function writeRightToLeftWarning(layout: PackLayout): void {
  const places = [...layout.glyphs.rightToLeftPlaces];
  if (places.length === 0) return;

  const listed = places.slice(0, MAX_LISTED_PLACES).join("; ");
  const more = places.length - MAX_LISTED_PLACES;
  layout.paragraph(
    "Right-to-left text (Hebrew, Arabic) is drawn with each word correct but the words " +
      "in left-to-right order, so a phrase may read reversed. " +
      `Where: ${more > 0 ? `${listed}; and ${more} more` : listed}. ` +
      "The attached original form and JSON records hold the exact text.",
    { color: "#92400e" },
  );
}

/** Lists the places with replaced characters as `Answers, MLDP-3 (U+4E2D)`, the first 30 in full. */
function missingGlyphPlaces(byPlace: Map<string, Set<string>>): string {
  const places = [...byPlace].map(
    ([place, characters]) =>
      `${place} (${[...characters].map(codePointLabel).join(", ")})`,
  );
  const listed = places.slice(0, MAX_LISTED_PLACES).join("; ");
  const more = places.length - MAX_LISTED_PLACES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

function writeFooters(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins, height, width } = doc.page;
    // Writing inside the bottom margin would add a page unless the margin is lifted.
    const bottom = margins.bottom;
    margins.bottom = 0;
    doc.font(FONT_REGULAR).fontSize(8).fillColor("#6b7280");
    doc.text(`Page ${index + 1} of ${range.count}`, margins.left, height - 30, {
      width: width - margins.left - margins.right,
      align: "center",
      lineBreak: false,
    });
    margins.bottom = bottom;
  }
  doc.fillColor("black");
}

function attachFiles(
  doc: PDFKit.PDFDocument,
  disclosure: Disclosure,
  assessment: Assessment,
  names: AttachmentNames,
  generatedAt: Date,
  sourceBytes: Uint8Array | undefined,
): void {
  const dates = { creationDate: generatedAt, modifiedDate: generatedAt };
  if (sourceBytes) {
    doc.file(Buffer.from(sourceBytes), {
      ...dates,
      name: names.source,
      description: "The vendor's original MDS2 file",
    });
  }
  doc.file(Buffer.from(`${JSON.stringify(disclosure, null, 2)}\n`), {
    ...dates,
    name: names.disclosure,
    type: "application/json",
    description: "The normalized disclosure (mds2.disclosure/1)",
  });
  doc.file(Buffer.from(`${JSON.stringify(assessment, null, 2)}\n`), {
    ...dates,
    name: names.assessment,
    type: "application/json",
    description: "The assessment (mds2.assessment/1)",
  });
}
