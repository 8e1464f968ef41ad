/**
 * The `mds2.disclosure/1` record as a zod schema, the source of the JSON
 * Schema shipped in `schemas/disclosure.schema.json`. It must describe the
 * same shape as the interfaces in `disclosure.ts`; a type check below keeps
 * the two in step. The JSON Schema is the input side of
 * the zod schema, whose objects accept fields they do not list, because the
 * record contract lets later versions add fields.
 */

import { z } from "zod";
import { DISCLOSURE_SCHEMA, type Disclosure } from "./disclosure.js";

const answerValue = z.enum([
  "yes",
  "no",
  "na",
  "see-note",
  "unanswered",
  "text",
  "unrecognized",
]);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const source = z.object({
  file: z.string().describe("File name as given"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(["xlsx", "xls", "pdf-form", "pdf-text", "text"]),
  size: z.number().int().nonnegative().describe("Size in bytes"),
});

export const device = z.object({
  manufacturer: z.string().optional(),
  description: z.string().optional(),
  model: z.string().optional(),
  documentId: z.string().optional(),
  contact: z.string().optional(),
  intendedUse: z.string().optional(),
  releaseDate: isoDate.optional(),
  softwareRevision: z.string().optional(),
  softwareReleaseDate: isoDate.optional(),
  category: z.string().optional(),
});

const answer = z.object({
  id: z.string().describe("Canonical question ID"),
  section: z.string(),
  question: z.string(),
  value: answerValue,
  raw: z.string().describe("The answer cell's text as read"),
  comment: z.string().optional(),
  notes: z.array(z.number().int().nonnegative()),
  location: z
    .string()
    .describe("Where the answer was read: sheet!cell, page and field, or line"),
  printedId: z.string().optional(),
  references: z
    .object({
      iec80001: z.string().optional(),
      nist80053: z.string().optional(),
      iso27002: z.string().optional(),
    })
    .optional(),
  redacted: z.boolean().optional(),
  equivalents: z.array(z.string()).optional(),
});

const note = z.object({
  number: z.number().int().nonnegative(),
  text: z.string(),
  location: z.string().optional(),
  section: z.string().optional(),
});

const problem = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  location: z.string().optional(),
  questionId: z.string().optional(),
});

export const disclosureSchema = z
  .object({
    schema: z.literal(DISCLOSURE_SCHEMA),
    source,
    edition: z.enum(["HN 1-2019", "HN 1-2013", "HN 1-2008"]),
    device,
    answers: z.array(answer),
    notes: z.array(note),
    otherConsiderations: z.string().optional(),
    problems: z.array(problem),
  })
  .describe("A normalized MDS2 Manufacturer Disclosure Statement");

/** Builds the JSON Schema of `mds2.disclosure/1`, as committed in `schemas/disclosure.schema.json`. */
export function disclosureJsonSchema(): Record<string, unknown> {
  return {
    title: DISCLOSURE_SCHEMA,
    ...z.toJSONSchema(disclosureSchema, {
      target: "draft-2020-12",
      io: "input",
    }),
  };
}

// Compile-time check: every Disclosure fits the schema's type and back.
type SchemaType = z.infer<typeof disclosureSchema>;
const _toSchema = (value: Disclosure): SchemaType => value;
const _fromSchema = (value: SchemaType): Disclosure => value;
void _toSchema;
void _fromSchema;
