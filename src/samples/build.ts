/**
 * Rebuilds the sample forms: `node dist/samples/build.js FOLDER`
 * (`npm run samples` writes them to `samples/`).
 */

import { mkdir } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { SAMPLE_2019_PROFILES, sampleVariant } from "./hn1-2019-profiles.js";
import { sampleFormFromProfile } from "./hn1-2019-sample-form.js";
import { writeHn12019Text } from "./hn1-2019-text.js";
import { writeSample2019Workbook } from "./hn1-2019-workbook.js";
import { writeHn12019Xls } from "./hn1-2019-xls.js";

/** One sample file: its name in the folder and how to write it. */
interface SampleWriter {
  file: string;
  write: (target: string) => Promise<void>;
}

// A later model of each device, with the same answers, as a vendor might
// send it in another format: plain text for the first profile, legacy .xls
// for the others.
const laterModels = SAMPLE_2019_PROFILES.map((profile, index) =>
  sampleVariant(profile, index + 1, 0, false),
);

// Add the writers of further sample forms here.
const writers: SampleWriter[] = [
  ...SAMPLE_2019_PROFILES.map((profile) => ({
    file: `${profile.name}.xlsx`,
    write: (target: string) => writeSample2019Workbook(profile, target),
  })),
  ...laterModels.map((profile, index) =>
    index === 0
      ? {
          file: `${profile.name}.txt`,
          write: (target: string) =>
            writeFileAtomic(
              target,
              writeHn12019Text(sampleFormFromProfile(profile)),
            ),
        }
      : {
          file: `${profile.name}.xls`,
          write: (target: string) =>
            writeFileAtomic(
              target,
              Buffer.from(writeHn12019Xls(sampleFormFromProfile(profile))),
            ),
        },
  ),
];

const folder = process.argv[2] ?? "samples";
await mkdir(folder, { recursive: true });
for (const writer of writers) {
  const target = path.join(folder, writer.file);
  await writer.write(target);
  process.stderr.write(`wrote ${target}\n`);
}
