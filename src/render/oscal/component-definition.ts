/**
 * The vendor's claims as an OSCAL component definition: one component for
 * the device and, per section of the form, an implemented requirement whose
 * props carry the answers. Capability sections point at IEC TR 80001-2-2;
 * the other sections (DOC, MPII, CONN, ...) at the MDS2 form itself.
 */

import { isCapabilityCode } from "../../model/capabilities.js";
import type { Answer, Disclosure } from "../../model/disclosure.js";
import {
  compact,
  documentTimestamp,
  mds2Prop,
  OSCAL_VERSION,
  releaseTimestamp,
  toMarkup,
  toOscalString,
  toToken,
  uuidV5,
} from "./ids.js";

export interface OscalOptions {
  /** Time stamped as `last-modified`; defaults to the release date, so output is reproducible. */
  timestamp?: string | Date;
}

/** URI of the control source of capability sections. */
export const IEC_80001_SOURCE = "urn:iec:tr:80001-2-2:2012";

/** URI of the control source of the other MDS2 sections, per edition. */
export function formSource(edition: string): string {
  return `urn:nema:mds2:${edition.toLowerCase().replaceAll(" ", "")}`;
}

/** Renders the component definition as pretty-printed JSON text. */
export function renderOscalComponentDefinition(
  disclosure: Disclosure,
  options: OscalOptions = {},
): string {
  return `${JSON.stringify(buildComponentDefinition(disclosure, options), null, 2)}\n`;
}

export function buildComponentDefinition(
  disclosure: Disclosure,
  options: OscalOptions = {},
) {
  const key = `${disclosure.source.sha256}:${disclosure.edition}`;
  const timestamp = documentTimestamp(
    options.timestamp,
    disclosure.device.releaseDate,
  );
  const { device } = disclosure;
  const published = releaseTimestamp(device.releaseDate);
  const title = deviceTitle(disclosure);
  const partyUuid = uuidV5(`${key}:party`);

  const bySource = groupBySection(disclosure.answers);
  const controlImplementations = compact(
    [IEC_80001_SOURCE, formSource(disclosure.edition)].map((source) => {
      const sections = [...bySource.entries()].filter(
        ([section]) =>
          (isCapabilityCode(section)
            ? IEC_80001_SOURCE
            : formSource(disclosure.edition)) === source,
      );
      if (sections.length === 0) return undefined;
      return {
        uuid: uuidV5(`${key}:control-implementation:${source}`),
        source,
        description:
          source === IEC_80001_SOURCE
            ? "Security capabilities of IEC TR 80001-2-2 as the manufacturer discloses them."
            : `Other sections of the ${disclosure.edition} form as the manufacturer answers them.`,
        "implemented-requirements": sections.map(([section, answers]) =>
          implementedRequirement(key, section, answers, disclosure),
        ),
      };
    }),
  );

  return {
    "component-definition": {
      uuid: uuidV5(`${key}:component-definition`),
      metadata: {
        title: `MDS2 disclosure: ${toMarkup(title)}`,
        ...(published ? { published } : {}),
        "last-modified": timestamp,
        version: toOscalString(device.documentId, disclosure.edition),
        "oscal-version": OSCAL_VERSION,
        ...(device.manufacturer
          ? {
              // OSCAL requires a responsible role's role-id to name a role defined here.
              roles: [{ id: "provider", title: "Provider" }],
              parties: [
                {
                  uuid: partyUuid,
                  type: "organization",
                  name: toOscalString(device.manufacturer),
                },
              ],
            }
          : {}),
      },
      components: [
        {
          uuid: uuidV5(`${key}:component`),
          type: "hardware",
          title: toMarkup(title),
          description: toMarkup(
            device.description ??
              device.intendedUse ??
              `Medical device described by ${disclosure.source.file}.`,
          ),
          props: compact([
            mds2Prop("mds2-edition", disclosure.edition),
            mds2Prop("manufacturer", device.manufacturer),
            mds2Prop("model", device.model),
            mds2Prop("document-id", device.documentId),
            mds2Prop("release-date", device.releaseDate),
            mds2Prop("software-revision", device.softwareRevision),
            mds2Prop("source-file", disclosure.source.file),
            mds2Prop("source-sha256", disclosure.source.sha256),
          ]),
          ...(device.manufacturer
            ? {
                "responsible-roles": [
                  { "role-id": "provider", "party-uuids": [partyUuid] },
                ],
              }
            : {}),
          ...(controlImplementations.length > 0
            ? { "control-implementations": controlImplementations }
            : {}),
        },
      ],
    },
  };
}

function deviceTitle(disclosure: Disclosure): string {
  const { manufacturer, model, description } = disclosure.device;
  return toOscalString(
    [manufacturer, model ?? description].filter(Boolean).join(" "),
    disclosure.source.file,
  );
}

function groupBySection(answers: Answer[]): Map<string, Answer[]> {
  const sections = new Map<string, Answer[]>();
  for (const answer of answers) {
    const list = sections.get(answer.section) ?? [];
    list.push(answer);
    sections.set(answer.section, list);
  }
  return sections;
}

function implementedRequirement(
  key: string,
  section: string,
  answers: Answer[],
  disclosure: Disclosure,
) {
  // The 2013 form numbers notes per section, so a note is looked up by section first.
  const notes = new Map(
    disclosure.notes.map((note) => [
      `${note.section ?? ""}#${note.number}`,
      note.text,
    ]),
  );
  const noteText = (number: number) =>
    notes.get(`${section}#${number}`) ??
    notes.get(`#${number}`) ??
    disclosure.notes.find((note) => note.number === number)?.text;
  return {
    uuid: uuidV5(`${key}:implemented-requirement:${section}`),
    "control-id": toToken(section.toLowerCase()),
    description: answers
      .map((answer) => `- ${toMarkup(answerLine(answer))}`)
      .join("\n"),
    props: answers.map((answer) => ({
      ...mds2Prop("answer", answer.value, { class: toToken(answer.id) })!,
      remarks: answerRemarks(answer, noteText),
    })),
  };
}

function answerLine(answer: Answer): string {
  const written =
    answer.raw.trim() === ""
      ? "(no answer)"
      : answer.raw.replace(/\s+/g, " ").trim();
  return `${answer.id} ${answer.question.replace(/\s+/g, " ").trim()}: ${written}`;
}

function answerRemarks(
  answer: Answer,
  noteText: (number: number) => string | undefined,
): string {
  const lines = [
    `${answer.id}: ${answer.question.trim()}`,
    `Written: ${answer.raw.trim() || "(blank)"}`,
  ];
  if (answer.comment) lines.push(`Comment: ${answer.comment}`);
  for (const number of answer.notes) {
    const text = noteText(number);
    lines.push(text ? `Note ${number}: ${text}` : `Note ${number} (not given)`);
  }
  lines.push(`Location: ${answer.location}`);
  return lines.map(toMarkup).join("\n\n");
}
