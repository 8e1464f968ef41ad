/**
 * The zod schema every user mapping row passes through, whatever the file
 * format: one control draft with its capabilities, platforms, CIS references
 * and questions, turned into a `Control`.
 */

import { z } from "zod";
import type { Control, ControlCisReference } from "../control.js";
import {
  CAPABILITY_CODES,
  WINDOWS_PLATFORMS,
  canonicalPlatform,
  canonicalQuestionId,
  isCapabilityCode,
  isQuestionId,
  isSectionCode,
  platformIds,
} from "../vocabulary.js";

/** Control IDs: letters, digits and `. _ - :`, starting with a letter or digit. */
export const CONTROL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

const MECHANISMS = [
  "secedit",
  "registry",
  "userright",
  "auditpol",
  "firewall",
  "service",
  "other",
] as const;
const FACT_CONFIDENCE = ["verified", "known", "uncertain"] as const;
const MAPPING_CONFIDENCE = ["high", "medium", "low", "judgment"] as const;

// Role spellings accepted in a role column or a grid cell, lower case.
const ROLE_SPELLINGS: Record<string, "primary" | "secondary"> = {
  primary: "primary",
  p: "primary",
  secondary: "secondary",
  s: "secondary",
};

const capabilityList = `${CAPABILITY_CODES.join(", ")} (or an MDS2 section with no capability: DOC, MPII, CONN, SBOM, RMOT, OTHR)`;

const trimmed = z.string().trim();

function optionalText() {
  return z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? text : undefined));
}

const capabilityCode = z
  .string({ error: "is missing; name one capability code" })
  .trim()
  .min(1, { error: "is missing; name one capability code" })
  .transform((code) => code.toUpperCase())
  .refine((code) => isCapabilityCode(code) || isSectionCode(code), {
    error: (issue) =>
      `"${String(issue.input)}" is not a capability code; use one of ${capabilityList}`,
  });

const role = z
  .string()
  .trim()
  .optional()
  .transform((text) => (text ? text.toLowerCase() : "primary"))
  .refine((text) => text in ROLE_SPELLINGS, {
    error: (issue) =>
      `"${String(issue.input)}" is not a role; use primary (P) or secondary (S)`,
  })
  .transform((text) => ROLE_SPELLINGS[text]!);

// `windows` stands for every Windows platform.
const platform = trimmed.transform((text, context): string[] => {
  if (text.toLowerCase() === "windows") return [...WINDOWS_PLATFORMS];
  const id = canonicalPlatform(text);
  if (id) return [id];
  context.addIssue({
    code: "custom",
    message: `"${text}" is not a platform; use one of ${platformIds().join(", ")}`,
  });
  return z.NEVER;
});

const question = trimmed.transform((text, context) => {
  const id = canonicalQuestionId(text);
  if (isQuestionId(id)) return id;
  context.addIssue({
    code: "custom",
    message: `"${text}" is not an MDS2 2019 question ID; write it as printed on the form, e.g. ALOF-1 or AUDT-4.1.1`,
  });
  return z.NEVER;
});

const cisReference = z.object({
  benchmark: trimmed.min(1, { error: "names no benchmark" }),
  version: trimmed.min(1, { error: "names no benchmark version" }),
  recommendation: trimmed.regex(/^\d+(?:\.\d+)*$/, {
    error: (issue) =>
      `"${String(issue.input)}" is not a CIS recommendation number; write digits and dots, e.g. 1.1.4, or a section such as 2.3.7.x`,
  }),
  level: optionalText(),
  section: z.boolean().optional(),
});

function enumText<T extends readonly [string, ...string[]]>(
  values: T,
  noun: string,
  fallback: T[number],
) {
  return z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? text.toLowerCase() : fallback))
    .refine((text) => (values as readonly string[]).includes(text), {
      error: (issue) =>
        `"${String(issue.input)}" is not ${noun}; use one of ${values.join(", ")}`,
    })
    .transform((text) => text as T[number]);
}

/** One control as read from a file, before capability rows of the same ID are merged. */
export const controlDraftSchema = z.object({
  id: z
    .string({ error: "is missing; give every row a control ID" })
    .trim()
    .min(1, { error: "is missing; give every row a control ID", abort: true })
    .regex(CONTROL_ID, {
      error: (issue) =>
        `"${String(issue.input)}" is not a valid control ID; use letters, digits, ".", "_", "-" or ":" with no spaces`,
    }),
  title: optionalText(),
  mechanism: enumText(MECHANISMS, "a mechanism", "other"),
  key: optionalText(),
  expected: optionalText(),
  capabilities: z.array(z.object({ code: capabilityCode, role })),
  platforms: z
    .array(platform)
    .optional()
    .transform((lists) => lists?.flat()),
  cis: z.array(cisReference).default([]),
  questions: z.array(question).default([]),
  fact: enumText(FACT_CONFIDENCE, "a fact confidence", "known"),
  confidence: enumText(MAPPING_CONFIDENCE, "a mapping confidence", "high"),
  tension: optionalText(),
  notes: optionalText(),
  provenance: enumText(["derived", "user"] as const, "a provenance", "user"),
});

export type ControlDraftInput = z.input<typeof controlDraftSchema>;
export type ControlDraft = z.output<typeof controlDraftSchema>;

export interface FieldIssue {
  /** Field name as the user wrote it: `capability`, `platforms`, or a grid column such as `ALOF`. */
  field: string;
  message: string;
}

/** Validates one draft; returns the control or the issues, one per field at fault. */
export function validateDraft(
  input: ControlDraftInput,
  fieldName: (path: readonly PropertyKey[]) => string,
): { control: Control } | { issues: FieldIssue[] } {
  const result = controlDraftSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      field: fieldName(issue.path),
      message: issue.message,
    }));
    return { issues };
  }
  return { control: draftToControl(result.data) };
}

function draftToControl(draft: ControlDraft): Control {
  const capabilities = draft.capabilities.filter((capability) =>
    isCapabilityCode(capability.code),
  );
  const sections = draft.capabilities
    .filter((capability) => isSectionCode(capability.code))
    .map((capability) => capability.code);
  const control: Control = {
    id: draft.id,
    title: draft.title ?? draft.id,
    mechanism: draft.mechanism,
    key: draft.key ?? "",
    expected: draft.expected ?? "",
    capabilities,
    platforms: unique(draft.platforms ?? [...WINDOWS_PLATFORMS]),
    cis: draft.cis.map(copyCisReference),
    questions: unique(draft.questions),
    confidence: { fact: draft.fact, mapping: draft.confidence },
    provenance: draft.provenance,
  };
  if (sections.length > 0) control.sections = unique(sections);
  if (draft.tension) control.tension = draft.tension;
  if (draft.notes) control.notes = draft.notes;
  return control;
}

function copyCisReference(
  reference: z.output<typeof cisReference>,
): ControlCisReference {
  const copy: ControlCisReference = {
    benchmark: reference.benchmark,
    version: reference.version,
    recommendation: reference.recommendation,
  };
  if (reference.level) copy.level = reference.level;
  if (reference.section) copy.section = true;
  return copy;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Returns the role for a grid mark or role cell, or undefined when the text is no role. */
export function roleFromText(
  text: string,
): "primary" | "secondary" | undefined {
  return ROLE_SPELLINGS[text.trim().toLowerCase()];
}
