/**
 * A minimal JSON Schema of the OSCAL 1.1.2 component-definition and
 * assessment-results models: the required fields, closed objects, and the
 * uuid, token, string and timestamp patterns of the OSCAL JSON format.
 *
 * TODO: no npm package ships the official NIST OSCAL JSON schemas
 * (oscal_component_schema.json, oscal_assessment-results_schema.json), so
 * this subset is written from the OSCAL model reference. It checks only the
 * objects mds2 writes; validate with the official schemas when a package
 * ships them.
 */

const uuid = {
  type: "string",
  pattern:
    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$",
};
const token = {
  type: "string",
  pattern: "^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$",
};
const oscalString = { type: "string", pattern: "^\\S(.*\\S)?$" };
const markup = { type: "string" };
// OSCAL's date-time also limits the year to 1900-2999.
const timestamp = {
  type: "string",
  format: "date-time",
  pattern: "^(19|2\\d)\\d{2}-\\d{2}-\\d{2}T.+(Z|[+-]\\d{2}:\\d{2})$",
};
const uriReference = { type: "string", format: "uri-reference" };
const uri = { type: "string", format: "uri" };

function closed(required: string[], properties: Record<string, unknown>) {
  return { type: "object", additionalProperties: false, required, properties };
}

function list(items: unknown) {
  return { type: "array", minItems: 1, items };
}

const property = closed(["name", "value"], {
  name: token,
  value: oscalString,
  ns: uri,
  class: token,
  uuid,
  group: token,
  remarks: markup,
});

const party = closed(["uuid", "type"], {
  uuid,
  type: { enum: ["person", "organization"] },
  name: oscalString,
  props: list(property),
});

const metadata = closed(
  ["title", "last-modified", "version", "oscal-version"],
  {
    title: markup,
    published: timestamp,
    "last-modified": timestamp,
    version: oscalString,
    "oscal-version": { type: "string", pattern: "^1\\.\\d+\\.\\d+$" },
    props: list(property),
    roles: list(closed(["id", "title"], { id: token, title: markup })),
    parties: list(party),
  },
);

const implementedRequirement = closed(["uuid", "control-id", "description"], {
  uuid,
  "control-id": token,
  description: markup,
  props: list(property),
  remarks: markup,
});

const controlImplementation = closed(
  ["uuid", "source", "description", "implemented-requirements"],
  {
    uuid,
    source: uriReference,
    description: markup,
    props: list(property),
    "implemented-requirements": list(implementedRequirement),
  },
);

const component = closed(["uuid", "type", "title", "description"], {
  uuid,
  type: oscalString,
  title: markup,
  description: markup,
  purpose: oscalString,
  props: list(property),
  "responsible-roles": list(
    closed(["role-id"], {
      "role-id": token,
      "party-uuids": list(uuid),
      props: list(property),
    }),
  ),
  "control-implementations": list(controlImplementation),
  remarks: markup,
});

export const componentDefinitionSchema = closed(["component-definition"], {
  "component-definition": closed(["uuid", "metadata"], {
    uuid,
    metadata,
    components: list(component),
  }),
});

const observation = closed(["uuid", "description", "methods", "collected"], {
  uuid,
  title: markup,
  description: markup,
  props: list(property),
  methods: list({ enum: ["EXAMINE", "INTERVIEW", "TEST", "UNKNOWN"] }),
  types: list(token),
  "relevant-evidence": list(
    closed(["description"], {
      href: uriReference,
      description: markup,
      props: list(property),
    }),
  ),
  collected: timestamp,
  remarks: markup,
});

const finding = closed(["uuid", "title", "description", "target"], {
  uuid,
  title: markup,
  description: markup,
  props: list(property),
  target: closed(["type", "target-id", "status"], {
    type: { enum: ["statement-id", "objective-id"] },
    "target-id": token,
    status: closed(["state"], {
      state: { enum: ["satisfied", "not-satisfied"] },
      reason: token,
    }),
  }),
  "related-observations": list(
    closed(["observation-uuid"], { "observation-uuid": uuid }),
  ),
  remarks: markup,
});

const result = closed(
  ["uuid", "title", "description", "start", "reviewed-controls"],
  {
    uuid,
    title: markup,
    description: markup,
    start: timestamp,
    end: timestamp,
    props: list(property),
    "reviewed-controls": closed(["control-selections"], {
      description: markup,
      "control-selections": list(
        closed([], {
          description: markup,
          "include-all": closed([], {}),
          "include-controls": list(
            closed(["control-id"], { "control-id": token }),
          ),
        }),
      ),
    }),
    observations: list(observation),
    findings: list(finding),
  },
);

export const assessmentResultsSchema = closed(["assessment-results"], {
  "assessment-results": closed(["uuid", "metadata", "import-ap", "results"], {
    uuid,
    metadata,
    "import-ap": closed(["href"], { href: uriReference, remarks: markup }),
    results: list(result),
    "back-matter": closed([], {
      resources: list(
        closed(["uuid"], {
          uuid,
          title: markup,
          description: markup,
          props: list(property),
        }),
      ),
    }),
  }),
});
