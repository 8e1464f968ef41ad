/** Fictional MDS2 forms for the benchmark, in the mix of file types a catalog holds. */

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  sampleHn12013,
  writeHn12013FormPdf,
} from "../samples/hn1-2013-form-pdf.js";
import {
  sampleHn12019Print,
  writeHn12019PrintPdf,
} from "../samples/hn1-2019-print-pdf.js";
import {
  SAMPLE_2019_PROFILES,
  sampleVariant,
} from "../samples/hn1-2019-profiles.js";
import { fictionalHn12019Form } from "../samples/hn1-2019-sample-form.js";
import { writeHn12019Text } from "../samples/hn1-2019-text.js";
import { buildSample2019Workbook } from "../samples/hn1-2019-workbook.js";
import { writeHn12019Xls } from "../samples/hn1-2019-xls.js";

export type BenchKind =
  "xlsx" | "xls" | "text" | "pdf-2013-form" | "pdf-2019-print";

/** Share of each kind in the mix, out of 10. */
const MIX: [BenchKind, number][] = [
  ["xlsx", 4],
  ["xls", 2],
  ["text", 2],
  ["pdf-2013-form", 1],
  ["pdf-2019-print", 1],
];

const EXTENSIONS: Record<BenchKind, string> = {
  xlsx: "xlsx",
  xls: "xls",
  text: "txt",
  "pdf-2013-form": "pdf",
  "pdf-2019-print": "pdf",
};

export interface BenchForm {
  file: string;
  kind: BenchKind;
}

interface Manifest {
  /** Changes whenever the forms written for an index change. */
  version: number;
  forms: BenchForm[];
}

const MANIFEST_VERSION = 1;

/** Returns the kind of form number `index`: kinds take turns in the proportions of `MIX`. */
export function benchKind(index: number): BenchKind {
  let slot = index % 10;
  for (const [kind, share] of MIX) {
    if (slot < share) return kind;
    slot -= share;
  }
  return "xlsx";
}

/**
 * Writes `count` distinct forms into `folder`, or reuses them when the
 * manifest `folder.json` lists the same forms. Returns the forms.
 */
export async function writeBenchForms(
  folder: string,
  count: number,
  log: (message: string) => void,
): Promise<BenchForm[]> {
  const existing = await readManifest(folder);
  if (
    existing &&
    existing.version === MANIFEST_VERSION &&
    existing.forms.length === count
  ) {
    log(`reusing ${count} forms in ${folder}`);
    return existing.forms;
  }

  await mkdir(folder, { recursive: true });
  const forms: BenchForm[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const kind = benchKind(index);
    const file = `form-${String(index).padStart(5, "0")}.${EXTENSIONS[kind]}`;
    await writeFile(path.join(folder, file), await buildForm(kind, index));
    forms.push({ file, kind });
    if ((index + 1) % 200 === 0) log(`wrote ${index + 1}/${count} forms`);
  }
  const manifest: Manifest = { version: MANIFEST_VERSION, forms };
  await writeFile(manifestFile(folder), `${JSON.stringify(manifest)}\n`);
  log(
    `wrote ${count} forms in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return forms;
}

/** Builds form number `index` of `kind`; every index gives different content. */
export async function buildForm(
  kind: BenchKind,
  index: number,
): Promise<Uint8Array | string> {
  switch (kind) {
    case "xlsx": {
      const profile =
        SAMPLE_2019_PROFILES[index % SAMPLE_2019_PROFILES.length]!;
      return buildSample2019Workbook(sampleVariant(profile, index + 1));
    }
    case "xls":
      return writeHn12019Xls(fictionalHn12019Form(index));
    case "text":
      return writeHn12019Text(fictionalHn12019Form(index));
    case "pdf-2013-form": {
      const sample = sampleHn12013();
      sample.device["Device Model"] = `EX-${100 + index}`;
      sample.device["Document ID"] = `MDS2-EX-2013-${index}`;
      return writeHn12013FormPdf(sample);
    }
    case "pdf-2019-print": {
      const sample = sampleHn12019Print();
      sample.answers["DOC-3"] = { answer: `BM-${200 + index}`, note: "__" };
      sample.answers["DOC-4"] = {
        answer: `MDS2-BM-${200 + index}-2024`,
        note: "__",
      };
      return writeHn12019PrintPdf(sample);
    }
  }
}

// Kept beside the folder, so the batch does not take it for an input.
function manifestFile(folder: string): string {
  return `${folder}.json`;
}

async function readManifest(folder: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(manifestFile(folder), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}
