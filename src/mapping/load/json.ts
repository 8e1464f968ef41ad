/**
 * Reads a JSON mapping: `{ "controls": [...] }` as `mds2 mapping export
 * --format json` writes it, or a bare array of controls.
 */

import { Mds2Error } from "../../errors.js";
import type { ControlDraftInput } from "./row-schema.js";
import { parseCisCell } from "./table.js";

export interface JsonDraft {
  /** `controls[3]`, for messages. */
  location: string;
  draft: ControlDraftInput;
  issues: { field: string; message: string }[];
}

/** Parses the JSON text into one draft per control; throws `mapping.invalid` for bad JSON or shape. */
export function jsonDrafts(
  text: string,
  file: string,
): { name?: string; drafts: JsonDraft[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Mds2Error(
      "mapping.invalid",
      `the file is not valid JSON (${(error as Error).message})`,
      {
        file,
        hint: 'Write { "controls": [ ... ] } as mds2 mapping export --format json does.',
        cause: error,
      },
    );
  }

  const container = document as
    { name?: unknown; controls?: unknown } | unknown[] | null;
  const controls = Array.isArray(container)
    ? container
    : (container as { controls?: unknown })?.controls;
  if (!Array.isArray(controls)) {
    throw new Mds2Error(
      "mapping.invalid",
      'the JSON mapping has no "controls" array',
      {
        file,
        hint: 'Write { "controls": [ ... ] } as mds2 mapping export --format json does.',
      },
    );
  }
  const name =
    !Array.isArray(container) && typeof container?.name === "string"
      ? container.name
      : undefined;

  const drafts = controls.map((item, index) =>
    jsonDraft(item, `controls[${index}]`),
  );
  return name === undefined ? { drafts } : { name, drafts };
}

function jsonDraft(item: unknown, location: string): JsonDraft {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return {
      location,
      draft: { id: "", capabilities: [] },
      issues: [
        {
          field: "control",
          message: 'is not an object; write each control as { "id": ..., ... }',
        },
      ],
    };
  }
  const record = item as Record<string, unknown>;
  const confidence = record.confidence;
  const draft = {
    ...record,
    capabilities: capabilitiesOf(record.capabilities, record.sections),
    cis: cisOf(record.cis),
    fact: isObject(confidence) ? confidence.fact : record.fact,
    confidence: isObject(confidence) ? confidence.mapping : confidence,
  } as ControlDraftInput;
  return { location, draft, issues: [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Accepts `[{ code, role }]` or `["ALOF", ...]`; MDS2-only sections are kept as secondary entries. */
function capabilitiesOf(capabilities: unknown, sections: unknown): unknown {
  const list = Array.isArray(capabilities)
    ? capabilities.map((entry) =>
        typeof entry === "string" ? { code: entry } : entry,
      )
    : capabilities;
  if (!Array.isArray(list) || !Array.isArray(sections)) return list ?? [];
  return [...list, ...sections.map((code) => ({ code, role: "secondary" }))];
}

/** Accepts reference objects or the CSV cell spelling (`CIS Microsoft Windows 7 v3.2.0 19.1.3.4 (L1)`). */
function cisOf(cis: unknown): unknown {
  if (!Array.isArray(cis)) return cis ?? [];
  return cis.flatMap((entry) =>
    typeof entry === "string" ? parseCisCell(entry) : [entry],
  );
}
