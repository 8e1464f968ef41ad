/**
 * The `mds2.assessment/1` record as a zod schema, the source of
 * `schemas/assessment.schema.json`. It mirrors `src/model/assessment.ts`; the
 * type check at the end fails to compile when the two drift apart. The JSON
 * Schema is the input side, whose objects accept fields they do not list,
 * because the record contract lets later versions add fields.
 */

import { z } from "zod";
import {
  ASSESSMENT_SCHEMA,
  CAPABILITY_STATUSES,
  SEVERITIES,
  type Assessment,
} from "../model/assessment.js";
import { EDITIONS } from "../model/disclosure.js";
import { device, isoDate, source } from "../model/disclosure-schema.js";

const status = z.enum(CAPABILITY_STATUSES as [string, ...string[]]);
const severity = z.enum(SEVERITIES as [string, ...string[]]);
const evidenceResult = z.enum([
  "pass",
  "fail",
  "not-checked",
  "error",
  "not-applicable",
]);

const cisReference = z.object({
  benchmark: z.string(),
  version: z.string(),
  recommendation: z.string(),
  level: z.string().optional(),
  section: z
    .boolean()
    .optional()
    .describe(
      "True when the number names a benchmark section, not one recommendation",
    ),
});

const controlAssessment = z.object({
  id: z.string(),
  title: z.string(),
  role: z.enum(["primary", "secondary"]),
  applicable: z
    .boolean()
    .describe("False when the control does not exist on the platform"),
  expected: z.string(),
  key: z.string(),
  cis: z.array(cisReference),
  evidence: z
    .object({
      result: evidenceResult,
      source: z.string(),
      observed: z.string().optional(),
      comment: z.string().optional(),
    })
    .optional(),
  tension: z.string().optional(),
});

const finding = z.object({
  id: z.string().regex(/^F-/),
  kind: z.string(),
  severity,
  capability: z.string().optional(),
  questions: z.array(z.string()),
  controls: z.array(z.string()),
  message: z.string(),
  location: z.string().optional(),
});

const capabilityAssessment = z.object({
  code: z.string(),
  name: z.string(),
  status,
  claim: z.enum([
    "claimed",
    "denied",
    "not-applicable",
    "undisclosed",
    "not-asked",
  ]),
  questions: z.array(z.string()),
  controls: z.array(controlAssessment),
  findings: z
    .array(z.string())
    .describe("IDs of the findings about this capability"),
});

const countsOf = (keys: readonly string[]) =>
  z.object(
    Object.fromEntries(
      keys.map((key) => [key, z.number().int().nonnegative()]),
    ),
  );

export const assessmentSchema = z
  .object({
    schema: z.literal(ASSESSMENT_SCHEMA),
    source,
    edition: z.enum(EDITIONS as [string, ...string[]]),
    device,
    platform: z.object({
      id: z.string(),
      name: z.string(),
      from: z.enum(["option", "disclosure", "default"]),
      evidence: z.array(
        z.object({ text: z.string(), location: z.string().optional() }),
      ),
      endOfSupport: isoDate.optional(),
      note: z.string().optional(),
      longTermServicing: z.boolean().optional(),
    }),
    mapping: z.object({
      name: z.string(),
      controls: z.number().int().nonnegative(),
    }),
    evidence: z.object({
      files: z.array(z.string()),
      unmatched: z.array(
        z.object({
          source: z.string(),
          id: z.string(),
          result: evidenceResult,
          title: z.string().optional(),
        }),
      ),
    }),
    capabilities: z.array(capabilityAssessment),
    findings: z.array(finding),
    summary: z.object({
      byStatus: countsOf(CAPABILITY_STATUSES),
      bySeverity: countsOf(SEVERITIES),
    }),
  })
  .describe(
    "mds2 assessment: one MDS2 disclosure cross-referenced with a mapping and evidence",
  );

/** Builds the JSON Schema committed as `schemas/assessment.schema.json`. */
export function assessmentJsonSchema(): Record<string, unknown> {
  return {
    title: "mds2.assessment/1",
    ...z.toJSONSchema(assessmentSchema, {
      target: "draft-2020-12",
      io: "input",
    }),
  };
}

// Compile-time checks that every Assessment fits the schema's shape.
type SchemaInput = z.input<typeof assessmentSchema>;
const _fits = (assessment: Assessment): SchemaInput => assessment;
void _fits;
