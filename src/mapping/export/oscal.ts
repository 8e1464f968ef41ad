/**
 * Writes a mapping as an OSCAL 1.2 `mapping-collection`: the source is a small
 * "Windows settings" resource, the target the IEC TR 80001-2-2 capability
 * list, and each control-capability pair one map. A primary capability is
 * `subset-of` (the setting covers part of the capability) and a secondary one
 * `intersects-with`. Every UUID is derived from content, so the same mapping
 * always gives the same document.
 */

import { createHash } from "node:crypto";
import { CAPABILITY_STANDARD } from "../../model/capabilities.js";
import {
  MDS2_PROPS_NS,
  uuidV5 as uuidFromName,
} from "../../render/oscal/ids.js";
import type { Control, Mapping } from "../control.js";
import { formatCisReference } from "./csv.js";

/** The mapping model first appeared in OSCAL 1.2.0. */
export const MAPPING_OSCAL_VERSION = "1.2.0";

/** Fixed modification time, so exports are byte-for-byte reproducible. */
export const DEFAULT_LAST_MODIFIED = "2026-12-04T00:00:00Z";

export interface OscalExportOptions {
  /** `metadata.last-modified`; fixed by default so a re-run gives the same bytes. */
  lastModified?: string;
}

interface OscalProperty {
  name: string;
  ns: string;
  value: string;
}

/** Builds the `{ "mapping-collection": ... }` document. */
export function mappingToOscal(
  mapping: Mapping,
  options: OscalExportOptions = {},
): object {
  const contentHash = createHash("sha256")
    .update(JSON.stringify(mapping.controls))
    .digest("hex");
  const sourceUuid = uuidFromName("resource:windows-settings");
  const targetUuid = uuidFromName(
    `resource:capabilities:${CAPABILITY_STANDARD}`,
  );

  const maps = mapping.controls.flatMap((control) => controlMaps(control));

  return {
    "mapping-collection": {
      uuid: uuidFromName(`mapping-collection:${mapping.name}:${contentHash}`),
      metadata: {
        title: `Windows configuration settings mapped to ${CAPABILITY_STANDARD} security capabilities (${mapping.name})`,
        "last-modified": options.lastModified ?? DEFAULT_LAST_MODIFIED,
        version: contentHash.slice(0, 12),
        "oscal-version": MAPPING_OSCAL_VERSION,
        props: [property("control-count", String(mapping.controls.length))],
      },
      provenance: {
        method: "human",
        "matching-rationale": "semantic",
        status: "draft",
        "mapping-description":
          "Each Windows setting supports part of a capability: subset-of for the capability it primarily serves, intersects-with for one it also touches. Derived by this project from the settings CIS benchmarks for Windows 7 and XP check; not the CIS/MDISS matrix itself.",
      },
      mappings: [
        {
          uuid: uuidFromName(`mapping:${mapping.name}`),
          "source-resource": { type: "catalog", href: `#${sourceUuid}` },
          "target-resource": { type: "catalog", href: `#${targetUuid}` },
          maps,
        },
      ],
      "back-matter": {
        resources: [
          {
            uuid: sourceUuid,
            title: "Windows configuration settings",
            description:
              "Windows policy settings named by their Microsoft display names; control IDs are mds2 control IDs.",
          },
          {
            uuid: targetUuid,
            title: `${CAPABILITY_STANDARD} security capabilities`,
            description:
              "The capability codes only (ALOF, AUDT, ...); control IDs are the codes.",
          },
        ],
      },
    },
  };
}

function property(name: string, value: string): OscalProperty {
  return { name, ns: MDS2_PROPS_NS, value };
}

function controlMaps(control: Control): object[] {
  return control.capabilities.map((capability) => {
    const props = [
      property("capability-role", capability.role),
      property("fact-confidence", control.confidence.fact),
      property("mapping-confidence", control.confidence.mapping),
      property("provenance", control.provenance),
      ...control.platforms.map((platform) => property("platform", platform)),
      ...control.cis.map((reference) =>
        property("cis-recommendation", formatCisReference(reference)),
      ),
      ...control.questions.map((question) =>
        property("mds2-question", question),
      ),
    ];
    const map: Record<string, unknown> = {
      uuid: uuidFromName(
        `map:${control.id}:${capability.code}:${capability.role}`,
      ),
      relationship:
        capability.role === "primary" ? "subset-of" : "intersects-with",
      sources: [{ type: "control", "id-ref": control.id }],
      targets: [{ type: "control", "id-ref": capability.code }],
      // NOTE: no `confidence-score`: OSCAL 1.2.0 models it as a text value with
      // flags, later 1.2 releases as a choice of category or percentage, so no
      // one shape is valid for both. The label travels as the
      // `mapping-confidence` prop instead.
      props,
    };
    const remarks = [
      control.title,
      control.tension ? `Clinical tension: ${control.tension}` : "",
    ]
      .filter(Boolean)
      .join("\n\n");
    if (remarks) map.remarks = remarks;
    return map;
  });
}
