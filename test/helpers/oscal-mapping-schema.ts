/**
 * A minimal JSON Schema of the OSCAL 1.2 mapping-collection model: required
 * fields, closed objects, the relationship tokens and the uuid pattern.
 *
 * No package on the npm registry ships the NIST OSCAL JSON schemas, so this
 * subset is written from the model's field list and checks only the objects
 * mds2 writes. A map has no `confidence-score` or `coverage` here: OSCAL 1.2.0
 * gives both a text value with flags, later 1.2 releases a different object,
 * so mds2 writes neither and a document that carries one fails.
 */

const uuid = {
  type: "string",
  pattern:
    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$",
};
const nonEmpty = { type: "string", pattern: "^\\S(.*\\S)?$" };
const timestamp = { type: "string", format: "date-time" };

function closed(required: string[], properties: Record<string, unknown>) {
  return { type: "object", additionalProperties: false, required, properties };
}

function list(items: unknown) {
  return { type: "array", minItems: 1, items };
}

const property = closed(["name", "value"], {
  name: nonEmpty,
  ns: { type: "string", format: "uri" },
  value: nonEmpty,
});

const mappingItem = closed(["type", "id-ref"], {
  type: { enum: ["control", "statement"] },
  "id-ref": nonEmpty,
  props: list(property),
  remarks: { type: "string" },
});

const resourceReference = closed(["type", "href"], {
  type: { enum: ["catalog", "profile"] },
  href: { type: "string", format: "uri-reference" },
});

const map = closed(["uuid", "relationship", "sources", "targets"], {
  uuid,
  relationship: {
    enum: [
      "equivalent-to",
      "equal-to",
      "subset-of",
      "superset-of",
      "intersects-with",
    ],
  },
  sources: list(mappingItem),
  targets: list(mappingItem),
  props: list(property),
  remarks: { type: "string" },
});

const resource = closed(["uuid"], {
  uuid,
  title: nonEmpty,
  description: { type: "string" },
  props: list(property),
});

export const mappingCollectionSchema = closed(["mapping-collection"], {
  "mapping-collection": closed(["uuid", "metadata", "provenance", "mappings"], {
    uuid,
    metadata: closed(["title", "last-modified", "version", "oscal-version"], {
      title: nonEmpty,
      "last-modified": timestamp,
      version: nonEmpty,
      "oscal-version": { type: "string", pattern: "^1\\.[2-9]\\.\\d+$" },
      props: list(property),
    }),
    provenance: closed(
      ["method", "matching-rationale", "status", "mapping-description"],
      {
        method: { enum: ["human", "automation", "hybrid"] },
        "matching-rationale": { enum: ["syntactic", "semantic", "functional"] },
        status: nonEmpty,
        "mapping-description": nonEmpty,
      },
    ),
    mappings: list(
      closed(["uuid", "source-resource", "target-resource", "maps"], {
        uuid,
        "source-resource": resourceReference,
        "target-resource": resourceReference,
        maps: list(map),
      }),
    ),
    "back-matter": closed([], { resources: list(resource) }),
  }),
});
