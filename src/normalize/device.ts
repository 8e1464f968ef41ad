/** Device metadata from the DOC answers (2019) or the labelled header fields (2013, 2008). */

import type { Answer, Device, Problem } from "../model/disclosure.js";
import { parseIsoDate } from "./date.js";
import { cleanText } from "../forms/clean-text.js";

type DeviceField = keyof Device;

const DATE_FIELDS: ReadonlySet<DeviceField> = new Set([
  "releaseDate",
  "softwareReleaseDate",
]);

// Header labels of the older editions, matched on the cleaned lower-case label.
// Order matters: `software release date` must win over `release date`.
const LABEL_FIELDS: readonly [RegExp, DeviceField][] = [
  [/software release date/, "softwareReleaseDate"],
  [/software revision|software version/, "softwareRevision"],
  [/release date|document date/, "releaseDate"],
  [/document id/, "documentId"],
  [/device category/, "category"],
  [/device model|model/, "model"],
  [/manufacturer or representative|contact/, "contact"],
  [/manufacturer/, "manufacturer"],
  [/intended use/, "intendedUse"],
  [/device description/, "description"],
];

export interface DeviceInput {
  field: string;
  value: string;
  location: string;
  redacted?: boolean;
}

/** Builds the device record; a date that cannot be read is reported, not guessed. */
export function buildDevice(
  inputs: DeviceInput[],
  problems: Problem[],
): Device {
  const device: Device = {};
  for (const input of inputs) {
    const field = input.field as DeviceField;
    const value = cleanText(input.value);
    if (input.redacted || value === "" || device[field] !== undefined) continue;
    if (!DATE_FIELDS.has(field)) {
      device[field] = value;
      continue;
    }
    const date = parseIsoDate(value);
    if (date) device[field] = date;
    else {
      problems.push({
        code: "device.date-unrecognized",
        severity: "info",
        message: `the ${field} "${value}" is not a date mds2 can read; it is left out of the device record`,
        location: input.location,
      });
    }
  }
  return device;
}

/** Device inputs from answers whose question names a device field. */
export function deviceInputsFromAnswers(
  answers: Answer[],
  fieldOf: (id: string) => string | undefined,
): DeviceInput[] {
  const inputs: DeviceInput[] = [];
  for (const answer of answers) {
    const field = fieldOf(answer.id);
    if (!field) continue;
    inputs.push({
      field,
      value: answer.value === "text" ? answer.raw : "",
      location: answer.location,
      ...(answer.redacted ? { redacted: true } : {}),
    });
  }
  return inputs;
}

/** Device inputs from labelled header fields; unknown labels are skipped. */
export function deviceInputsFromLabels(
  fields: { label: string; value: string; location: string }[],
): DeviceInput[] {
  const inputs: DeviceInput[] = [];
  for (const { label, value, location } of fields) {
    const lower = cleanText(label).toLowerCase();
    const entry = LABEL_FIELDS.find(([pattern]) => pattern.test(lower));
    if (!entry) continue;
    const redacted = /^(hidden|redacted|withheld)$/i.test(cleanText(value));
    inputs.push({
      field: entry[1],
      value,
      location,
      ...(redacted ? { redacted } : {}),
    });
  }
  return inputs;
}
