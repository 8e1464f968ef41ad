/**
 * A small catalog for catalog report tests: devices with earlier disclosures,
 * hostile and formula-like vendor text, missing names, unsafe output paths,
 * failures and skips over two runs, with fixed timestamps.
 */

import { Catalog } from "../../src/batch/catalog/index.js";
import type { CapabilityStatus } from "../../src/model/assessment.js";
import {
  sampleAssessment,
  sampleDisclosure,
} from "../helpers/sample-report.js";

interface FixtureDisclosure {
  path: string;
  manufacturer?: string;
  model?: string;
  documentId?: string;
  releaseDate?: string;
  outputs: string[];
  /** Capability code to the status it gets instead of the sample's. */
  statuses?: Record<string, CapabilityStatus>;
  /** Keeps only this many of the sample's findings. */
  findings?: number;
}

/** Disclosures in the order they are recorded; `parsed_at` follows this order. */
const FIXTURE_DISCLOSURES: FixtureDisclosure[] = [
  {
    path: "/forms/northwind-2024.xlsx",
    manufacturer: "Northwind Medical",
    model: "NW-100 Infusion Pump",
    documentId: "NW-100-MDS2",
    releaseDate: "2024-02-01",
    outputs: ["devices/Northwind/NW-100/NW-100-MDS2/report.html"],
  },
  {
    path: "/forms/northwind-2025.xlsx",
    manufacturer: "Northwind Medical",
    model: "NW-100 Infusion Pump",
    documentId: "NW-100-MDS2-R2",
    releaseDate: "2025-06-15",
    outputs: [
      "devices/Northwind/NW-100/NW-100-MDS2-R2/report.json",
      "devices/Northwind/NW-100/NW-100-MDS2-R2/report.html",
    ],
    statuses: { ALOF: "gap", AUDT: "not-applicable" },
    findings: 2,
  },
  {
    path: "/forms/northwind-undated.pdf",
    manufacturer: "northwind medical",
    model: "NW-100 infusion pump",
    outputs: ["devices/Northwind/NW-100/undated/report.assessment.json"],
    findings: 0,
  },
  {
    path: "/forms/tailspin.txt",
    manufacturer: "Tailspin <b>Devices</b>",
    model: "=TS(1)",
    documentId: "+cmd|' /C calc'!A0",
    releaseDate: "2021-05-05",
    outputs: ["devices/Tailspin/TS 1/a b%/report.html"],
    statuses: { AUTH: "unsupported" },
  },
  {
    path: "C:\\forms\\nameless.xlsx",
    outputs: ["../outside/report.html"],
    findings: 1,
  },
  {
    path: "/forms/contoso.xls",
    manufacturer: "Contoso Imaging",
    model: "CI-7 Ultrasound",
    documentId: "@SUM(1+1)",
    releaseDate: "2023-09-30",
    outputs: [],
  },
];

/**
 * Builds the catalog at `file`. Run 1 records a failure of an input that
 * then parses, the disclosures, a failure, a skip and another failure. Run 2
 * records a failure, a skip of content already recorded, and a skip of the
 * input that failed last in run 1. Each event gets the next second from
 * 2026-01-02T08:00:00Z as its time.
 */
export function writeFixtureCatalog(file: string): void {
  const catalog = Catalog.open(file);
  let second = 0;
  const stamp = (table: "disclosures" | "failures" | "skips"): void => {
    const column = table === "disclosures" ? "parsed_at" : "recorded_at";
    const at = new Date(Date.UTC(2026, 0, 2, 8, 0, second)).toISOString();
    second += 1;
    catalog.db
      .prepare(
        `UPDATE ${table} SET ${column} = ? WHERE id = (SELECT MAX(id) FROM ${table})`,
      )
      .run(at);
  };

  try {
    const firstRun = catalog.startRun({ inputs: ["/forms"] });
    catalog.recordFailure(
      firstRun,
      { path: "/forms/contoso.xls", sha256: "e1".repeat(32) },
      "read.invalid",
      "the workbook is damaged",
    );
    stamp("failures");
    FIXTURE_DISCLOSURES.forEach((entry, index) => {
      recordDisclosure(catalog, firstRun, entry, index);
      stamp("disclosures");
    });
    catalog.recordFailure(
      firstRun,
      { path: "/forms/stuck.pdf", sha256: "e2".repeat(32) },
      "timeout",
      "timed out after 30 s; raise --timeout if the file is large",
    );
    stamp("failures");
    catalog.recordSkip(
      firstRun,
      { path: "/forms/notes.txt", sha256: "e3".repeat(32) },
      "input.not-mds2",
      "no MDS2 question IDs found",
    );
    stamp("skips");
    catalog.recordFailure(
      firstRun,
      { path: "/forms/retried.pdf", sha256: "e4".repeat(32) },
      "internal",
      "the worker failed: <b>boom</b>",
    );
    stamp("failures");
    catalog.finishRun(firstRun, "finished", 10, {});

    const secondRun = catalog.startRun({ inputs: ["/forms"] });
    catalog.recordFailure(
      secondRun,
      { path: "/forms/=HYPERLINK(1).xlsx" },
      "input.unreadable",
      "cannot read the file (EACCES)",
    );
    stamp("failures");
    catalog.recordSkip(
      secondRun,
      { path: "/forms/copy.xlsx", sha256: "f1".repeat(32) },
      "already-recorded",
      "already in the catalog",
    );
    stamp("skips");
    catalog.recordSkip(
      secondRun,
      { path: "/forms/retried.pdf", sha256: "e4".repeat(32) },
      "duplicate",
      "same content as /forms/contoso.xls",
    );
    stamp("skips");
    catalog.finishRun(secondRun, "finished", 3, {});
    catalog.db
      .prepare(
        `UPDATE runs SET started_at = '2026-01-02T07:59:00.000Z',
           finished_at = '2026-01-02T09:00:00.000Z'`,
      )
      .run();
  } finally {
    catalog.close();
  }
}

function recordDisclosure(
  catalog: Catalog,
  runId: number,
  entry: FixtureDisclosure,
  index: number,
): void {
  const disclosure = sampleDisclosure();
  disclosure.device = {
    manufacturer: entry.manufacturer,
    model: entry.model,
    documentId: entry.documentId,
    releaseDate: entry.releaseDate,
  };
  const assessment = sampleAssessment();
  assessment.capabilities = assessment.capabilities.map((capability) => ({
    ...capability,
    status: entry.statuses?.[capability.code] ?? capability.status,
  }));
  if (entry.findings !== undefined) {
    assessment.findings = assessment.findings.slice(0, entry.findings);
  }
  const sha256 = index.toString(16).padStart(2, "0").repeat(32);

  catalog.recordParsed(
    runId,
    { path: entry.path, sha256, size: 100 + index },
    {
      disclosure,
      assessment,
      timings: { read: 1 },
      outputDir: entry.outputs[0]?.split("/").slice(0, -1).join("/") ?? "",
      outputs: entry.outputs,
    },
  );
}
