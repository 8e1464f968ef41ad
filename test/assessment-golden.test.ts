import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { beforeAll, describe, expect, it } from "vitest";
import {
  assessmentJsonSchema,
  assessmentSchema,
} from "../src/crossref/assessment-schema.js";
import { assess } from "../src/crossref/index.js";
import { builtInMapping } from "../src/mapping/built-in.js";
import type { Assessment } from "../src/model/assessment.js";
import { parseFile } from "../src/parse.js";

const here = dirname(fileURLToPath(import.meta.url));
const NEMA = resolve(
  here,
  "../../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);
const GOLDEN = resolve(here, "fixtures/nema-assessment.golden.json");
const SCHEMA = resolve(here, "../schemas/assessment.schema.json");
// Set UPDATE_GOLDEN=1 to rewrite the golden file and the committed schema; review the diff.
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

let assessment: Assessment;

beforeAll(async () => {
  const disclosure = await parseFile(NEMA);
  assessment = assess(disclosure, {
    mapping: builtInMapping(),
    today: "2026-12-04",
  });
  if (UPDATE)
    await writeFile(SCHEMA, await pretty(assessmentJsonSchema(), SCHEMA));
});

/** Drops the values that depend on where the test runs. */
function stable(value: Assessment): Assessment {
  return {
    ...value,
    source: { ...value.source, file: basename(value.source.file) },
  };
}

/** JSON as the repository's Prettier check expects the committed file. */
function pretty(value: unknown, path: string): Promise<string> {
  return format(JSON.stringify(value, null, 2), { filepath: path });
}

describe("NEMA example assessment", () => {
  it("matches the golden file", async () => {
    const actual = await pretty(stable(assessment), GOLDEN);
    if (UPDATE) await writeFile(GOLDEN, actual);
    expect(actual).toBe(await readFile(GOLDEN, "utf8"));
  });

  it("has the expected capability statuses", () => {
    const statuses = Object.fromEntries(
      assessment.capabilities.map((capability) => [
        capability.code,
        capability.status,
      ]),
    );
    expect(statuses).toMatchObject({
      ALOF: "gap",
      PAUT: "gap",
      CNFS: "not-assessed",
      EMRG: "not-applicable",
      PLOK: "unsupported",
      MLDP: "unverified",
    });
  });

  it("reports MLDP-2 No against MLDP-2.5 Yes", () => {
    const finding = assessment.findings.find(
      (entry) => entry.id === "F-MLDP-2.5-parent-child",
    );
    expect(finding?.message).toBe("MLDP-2 is No but MLDP-2.5 is Yes.");
    expect(finding?.location).toBe("mds2-form!C174");
  });

  it("does not name an operating system", () => {
    expect(assessment.platform.id).toBe("unknown");
  });

  it("validates against the committed JSON Schema", async () => {
    const schema = JSON.parse(await readFile(SCHEMA, "utf8"));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(JSON.parse(JSON.stringify(assessment)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("parses with the zod schema", () => {
    expect(assessmentSchema.safeParse(assessment).success).toBe(true);
  });
});

describe("assessment JSON Schema", () => {
  it("is current in schemas/", async () => {
    const actual = await pretty(assessmentJsonSchema(), SCHEMA);
    expect(actual).toBe(await readFile(SCHEMA, "utf8"));
  });

  it("rejects an assessment with an unknown status", () => {
    const broken = structuredClone(assessment) as unknown as {
      capabilities: { status: string }[];
    };
    broken.capabilities[0]!.status = "fine";
    expect(assessmentSchema.safeParse(broken).success).toBe(false);
  });
});
