/** Writes the JSON Schemas of the records to `schemas/`: `node dist/model/write-schemas.js`. */

import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { disclosureJsonSchema } from "./disclosure-schema.js";

const folder = process.argv[2] ?? "schemas";
await writeFileAtomic(
  path.join(folder, "disclosure.schema.json"),
  `${JSON.stringify(disclosureJsonSchema(), null, 2)}\n`,
);
