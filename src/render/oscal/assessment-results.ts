/**
 * An assessment as OSCAL assessment results: one result holding an
 * observation per capability (status, claim, controls and evidence) and an
 * OSCAL finding per mds2 finding, linked to its capability's observation.
 */

import type {
  Assessment,
  CapabilityAssessment,
  ControlAssessment,
} from "../../model/assessment.js";
import { IEC_80001_SOURCE, type OscalOptions } from "./component-definition.js";
import {
  compact,
  documentTimestamp,
  mds2Prop,
  OSCAL_VERSION,
  toMarkup,
  toOscalString,
  toToken,
  uuidV5,
} from "./ids.js";

/** Renders the assessment results as pretty-printed JSON text. */
export function renderOscalAssessmentResults(
  assessment: Assessment,
  options: OscalOptions = {},
): string {
  return `${JSON.stringify(buildAssessmentResults(assessment, options), null, 2)}\n`;
}

export function buildAssessmentResults(
  assessment: Assessment,
  options: OscalOptions = {},
) {
  const key = `${assessment.source.sha256}:${assessment.edition}:${assessment.mapping.name}:${assessment.evidence.files.join(",")}`;
  const timestamp = documentTimestamp(
    options.timestamp,
    assessment.device.releaseDate,
  );
  const title = toOscalString(
    [
      assessment.device.manufacturer,
      assessment.device.model ?? assessment.device.description,
    ]
      .filter(Boolean)
      .join(" "),
    assessment.source.file,
  );
  const planUuid = uuidV5(`${key}:assessment-plan`);

  const observationUuid = (code: string) =>
    uuidV5(`${key}:observation:${code}`);
  const observations = assessment.capabilities.map((capability) =>
    capabilityObservation(
      capability,
      observationUuid(capability.code),
      timestamp,
    ),
  );
  const knownCapabilities = new Set(
    assessment.capabilities.map((capability) => capability.code),
  );

  const findings = assessment.findings.map((finding) => ({
    uuid: uuidV5(`${key}:finding:${finding.id}`),
    title: `${finding.id}: ${finding.kind}`,
    description: toMarkup(finding.message),
    props: compact([
      mds2Prop("finding-id", finding.id),
      mds2Prop("kind", finding.kind),
      mds2Prop("severity", finding.severity),
      mds2Prop("questions", finding.questions.join(" ")),
      mds2Prop("controls", finding.controls.join(" ")),
      mds2Prop("location", finding.location),
    ]),
    target: {
      type: "objective-id",
      "target-id": toToken((finding.capability ?? "device").toLowerCase()),
      status: { state: "not-satisfied" },
    },
    ...(finding.capability && knownCapabilities.has(finding.capability)
      ? {
          "related-observations": [
            { "observation-uuid": observationUuid(finding.capability) },
          ],
        }
      : {}),
  }));

  const capabilityControls = assessment.capabilities
    .filter((capability) => capability.status !== "not-assessed")
    .map((capability) => ({
      "control-id": toToken(capability.code.toLowerCase()),
    }));

  return {
    "assessment-results": {
      uuid: uuidV5(`${key}:assessment-results`),
      metadata: {
        title: `MDS2 assessment: ${toMarkup(title)}`,
        "last-modified": timestamp,
        version: toOscalString(
          assessment.device.documentId,
          assessment.edition,
        ),
        "oscal-version": OSCAL_VERSION,
        props: compact([
          mds2Prop(
            "mapping",
            `${assessment.mapping.name} (${assessment.mapping.controls} controls)`,
          ),
          mds2Prop("platform", assessment.platform.name),
        ]),
      },
      // NOTE: mds2 assesses without an OSCAL assessment plan; import-ap points
      // at a back-matter resource that describes the disclosure instead.
      "import-ap": { href: `#${planUuid}` },
      results: [
        {
          uuid: uuidV5(`${key}:result`),
          title: `Cross-reference of ${toMarkup(assessment.source.file)}`,
          description:
            `Capabilities disclosed in the ${assessment.edition} form checked against ` +
            `${assessment.mapping.name} for ${assessment.platform.name}` +
            (assessment.evidence.files.length > 0
              ? ` with evidence from ${assessment.evidence.files.join(", ")}.`
              : ", without configuration evidence."),
          start: timestamp,
          "reviewed-controls": {
            description: `Controls of ${IEC_80001_SOURCE}.`,
            "control-selections":
              capabilityControls.length > 0
                ? [{ "include-controls": capabilityControls }]
                : [{ "include-all": {} }],
          },
          ...(observations.length > 0 ? { observations } : {}),
          ...(findings.length > 0 ? { findings } : {}),
        },
      ],
      "back-matter": {
        resources: [
          {
            uuid: planUuid,
            title: `MDS2 disclosure ${toMarkup(assessment.source.file)}`,
            description: `The ${assessment.edition} form the assessment was made from.`,
            props: compact([
              mds2Prop("source-sha256", assessment.source.sha256),
            ]),
          },
        ],
      },
    },
  };
}

function capabilityObservation(
  capability: CapabilityAssessment,
  uuid: string,
  collected: string,
) {
  const evidence = capability.controls.filter((control) => control.evidence);
  return {
    uuid,
    title: `${capability.code} ${capability.name}`,
    description:
      `${capability.code} is ${capability.status}; the disclosure's claim is ${capability.claim}. ` +
      `Questions: ${capability.questions.join(", ") || "none"}.`,
    props: compact([
      mds2Prop("capability", capability.code),
      mds2Prop("status", capability.status),
      mds2Prop("claim", capability.claim),
      ...capability.controls.map((control) =>
        mds2Prop("control", control.id, {
          class: control.applicable ? control.role : "reference",
          remarks: controlRemarks(control),
        }),
      ),
    ]),
    methods: ["EXAMINE"],
    collected,
    ...(evidence.length > 0
      ? {
          "relevant-evidence": evidence.map((control) => ({
            description: `${control.id}: ${control.evidence!.result}${
              control.evidence!.observed
                ? ` (observed ${control.evidence!.observed})`
                : ""
            } from ${control.evidence!.source}.`,
          })),
        }
      : {}),
  };
}

function controlRemarks(control: ControlAssessment): string {
  const lines = [control.title, `Expected: ${control.expected}`];
  if (control.evidence)
    lines.push(
      `Evidence: ${control.evidence.result} (${control.evidence.source})`,
    );
  return lines.join("\n\n");
}
