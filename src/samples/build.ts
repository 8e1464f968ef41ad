/**
 * Rebuilds the sample forms: `node dist/samples/build.js FOLDER`
 * (`npm run samples` writes them to `samples/`).
 */

import { mkdir } from "node:fs/promises";
import path from "node:path";
import { SAMPLE_2019_PROFILES } from "./hn1-2019-profiles.js";
import { writeSample2019Workbook } from "./hn1-2019-workbook.js";

/** One sample file: its name in the folder and how to write it. */
interface SampleWriter {
  file: string;
  write: (target: string) => Promise<void>;
}

// Add the writers of further sample forms here.
const writers: SampleWriter[] = [
  ...SAMPLE_2019_PROFILES.map((profile) => ({
    file: `${profile.name}.xlsx`,
    write: (target: string) => writeSample2019Workbook(profile, target),
  })),
];

const folder = process.argv[2] ?? "samples";
await mkdir(folder, { recursive: true });
for (const writer of writers) {
  const target = path.join(folder, writer.file);
  await writer.write(target);
  process.stderr.write(`wrote ${target}\n`);
}
