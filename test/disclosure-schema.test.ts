import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { format } from "prettier";
import writeFileAtomic from "write-file-atomic";
import { describe, expect, it } from "vitest";
import { disclosureJsonSchema } from "../src/model/disclosure-schema.js";
import { parseFile } from "../src/parse.js";
import { NEMA_2019_XLSX } from "./helpers/workbook-fixtures.js";

const committedFile = path.resolve(
  import.meta.dirname,
  "../schemas/disclosure.schema.json",
);
// Set UPDATE_GOLDEN=1 to rewrite the committed schema from the zod schema; review the diff.
if (process.env["UPDATE_GOLDEN"] === "1") {
  const text = await format(JSON.stringify(disclosureJsonSchema()), {
    parser: "json",
  });
  await writeFileAtomic(committedFile, text);
}
const committed = JSON.parse(readFileSync(committedFile, "utf8"));

describe("disclosure JSON Schema", () => {
  it("matches the zod schema (rebuild: UPDATE_GOLDEN=1)", () => {
    expect(committed).toEqual(disclosureJsonSchema());
  });

  it("accepts the NEMA example parse", async () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
      committed,
    );
    const disclosure = await parseFile(NEMA_2019_XLSX);
    const valid = validate(JSON.parse(JSON.stringify(disclosure)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("rejects an unknown answer value", async () => {
    const validate = new Ajv2020({ strict: false }).compile(committed);
    const disclosure = JSON.parse(
      JSON.stringify(await parseFile(NEMA_2019_XLSX)),
    );
    disclosure.answers[0].value = "maybe";
    expect(validate(disclosure)).toBe(false);
  });
});
