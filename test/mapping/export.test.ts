import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { builtInMapping } from "../../src/mapping/built-in.js";
import type { Control, Mapping } from "../../src/mapping/control.js";
import {
  exportMapping,
  formatCisReference,
  mappingToOscal,
} from "../../src/mapping/export/index.js";
import { mappingCollectionSchema } from "../helpers/oscal-mapping-schema.js";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateCollection = ajv.compile(mappingCollectionSchema);

interface OscalMap {
  uuid: string;
  relationship: string;
  sources: { type: string; "id-ref": string }[];
  targets: { type: string; "id-ref": string }[];
  props: { name: string; value: string }[];
}

interface OscalCollection {
  "mapping-collection": {
    uuid: string;
    metadata: { version: string; "last-modified": string };
    mappings: {
      "source-resource": { href: string };
      "target-resource": { href: string };
      maps: OscalMap[];
    }[];
    "back-matter": { resources: { uuid: string; title: string }[] };
  };
}

function oscalOf(mapping: Mapping): OscalCollection {
  return JSON.parse(exportMapping(mapping, "oscal")) as OscalCollection;
}

describe("OSCAL mapping-collection export", () => {
  const mapping = builtInMapping({ includeLow: true });
  const document = oscalOf(mapping);
  const collection = document["mapping-collection"];
  const maps = collection.mappings[0]!.maps;

  it("passes the mapping-collection schema", () => {
    const valid = validateCollection(document);
    expect(validateCollection.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("fails the schema with an unknown relationship", () => {
    const broken = structuredClone(document);
    broken["mapping-collection"].mappings[0]!.maps[0]!.relationship =
      "related-to";
    expect(validateCollection(broken)).toBe(false);
  });

  it("writes one map per control and capability", () => {
    const pairs = mapping.controls.reduce(
      (sum, control) => sum + control.capabilities.length,
      0,
    );
    expect(maps).toHaveLength(pairs);
  });

  it("uses subset-of for primary and intersects-with for secondary", () => {
    const timeout = maps.filter(
      (entry) => entry.sources[0]!["id-ref"] === "win.screensaver.password",
    );
    expect(
      timeout.map((entry) => [entry.targets[0]!["id-ref"], entry.relationship]),
    ).toEqual([
      ["ALOF", "subset-of"],
      ["PAUT", "intersects-with"],
    ]);
  });

  it("carries the mapping confidence label as a prop", () => {
    const labelOf = (id: string) =>
      maps
        .find((entry) => entry.sources[0]!["id-ref"] === id)!
        .props.find((prop) => prop.name === "mapping-confidence")?.value;
    expect(labelOf("win.screensaver.timeout")).toBe("high");
    expect(labelOf("win.rds.idle-session-limit")).toBe("medium");
    expect(labelOf("win.time.ntp-client")).toBe("low");
  });

  it("writes no confidence-score", () => {
    expect(maps.filter((entry) => "confidence-score" in entry)).toEqual([]);
    const scored = structuredClone(document);
    Object.assign(scored["mapping-collection"].mappings[0]!.maps[0]!, {
      "confidence-score": { percentage: 0.9 },
    });
    expect(validateCollection(scored)).toBe(false);
  });

  it("points source and target at back-matter resources", () => {
    const resources = collection["back-matter"].resources;
    expect(collection.mappings[0]!["source-resource"].href).toBe(
      `#${resources[0]!.uuid}`,
    );
    expect(collection.mappings[0]!["target-resource"].href).toBe(
      `#${resources[1]!.uuid}`,
    );
    expect(resources[0]!.title).toBe("Windows configuration settings");
  });

  it("keeps CIS numbers and questions as props", () => {
    const timeout = maps.find(
      (entry) => entry.sources[0]!["id-ref"] === "win.screensaver.timeout",
    )!;
    const props = timeout.props.map((prop) => `${prop.name}=${prop.value}`);
    expect(props).toContain(
      "cis-recommendation=CIS Microsoft Windows 7 v3.2.0 19.1.3.4 (L1)",
    );
    expect(props).toContain("mds2-question=ALOF-1");
    expect(props).toContain("capability-role=primary");
  });

  it("gives the same bytes on a second run", () => {
    expect(exportMapping(builtInMapping({ includeLow: true }), "oscal")).toBe(
      exportMapping(mapping, "oscal"),
    );
  });

  it("gives every map a distinct UUID", () => {
    const uuids = maps.map((entry) => entry.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it("changes the collection UUID and version when the content changes", () => {
    const smaller = builtInMapping();
    const other = oscalOf(smaller)["mapping-collection"];
    expect(other.uuid).not.toBe(collection.uuid);
    expect(other.metadata.version).not.toBe(collection.metadata.version);
    // A map keeps its UUID across revisions: it names the same pair.
    expect(other.mappings[0]!.maps[0]!.uuid).toBe(maps[0]!.uuid);
  });

  it("takes the modification time from the options", () => {
    const stamped = mappingToOscal(mapping, {
      lastModified: "2027-01-02T03:04:05Z",
    }) as OscalCollection;
    expect(stamped["mapping-collection"].metadata["last-modified"]).toBe(
      "2027-01-02T03:04:05Z",
    );
  });
});

describe("CSV export", () => {
  const hostile: Control = {
    id: "site.formula",
    title: '=HYPERLINK("http://example.invalid")',
    mechanism: "other",
    key: "+cmd",
    expected: "@SUM(A1)",
    capabilities: [{ code: "ALOF", role: "primary" }],
    platforms: ["win7"],
    cis: [],
    questions: [],
    confidence: { fact: "known", mapping: "high" },
    provenance: "user",
  };

  it("neutralizes formulas in text cells", () => {
    const records = parse(
      exportMapping({ name: "x", controls: [hostile] }, "csv"),
      { columns: true },
    ) as Record<string, string>[];
    expect(records[0]!.title).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(records[0]!.key).toBe("'+cmd");
    expect(records[0]!.expected).toBe("'@SUM(A1)");
  });

  it("writes one row per capability and section", () => {
    const records = parse(exportMapping(builtInMapping(), "csv"), {
      columns: true,
    }) as Record<string, string>[];
    const lock = records.filter(
      (record) => record["control id"] === "win.rds.idle-session-limit",
    );
    expect(lock.map((record) => [record.capability, record.role])).toEqual([
      ["ALOF", "primary"],
      ["RMOT", ""],
    ]);
  });
});

describe("formatCisReference", () => {
  it.each([
    [
      {
        benchmark: "CIS Microsoft Windows 7",
        version: "3.2.0",
        recommendation: "19.1.3.4",
        level: "L1",
      },
      "CIS Microsoft Windows 7 v3.2.0 19.1.3.4 (L1)",
    ],
    [
      {
        benchmark: "CIS Microsoft Windows 7",
        version: "3.x",
        recommendation: "2.3.7",
        section: true,
      },
      "CIS Microsoft Windows 7 v3.x 2.3.7.x",
    ],
    [
      {
        benchmark: "unspecified",
        version: "unspecified",
        recommendation: "9",
        section: true,
      },
      "9",
    ],
  ])("formats %o", (reference, text) => {
    expect(formatCisReference(reference)).toBe(text);
  });
});
