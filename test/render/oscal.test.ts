import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import {
  renderOscalAssessmentResults,
  renderOscalComponentDefinition,
  uuidV5,
} from "../../src/render/oscal/index.js";
import { disclosure2013 } from "../helpers/edition-2013-records.js";
import {
  packAssessment,
  packDisclosure,
} from "../helpers/evidence-pack-records.js";
import {
  assessmentResultsSchema,
  componentDefinitionSchema,
} from "../helpers/oscal-minimal-schema.js";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateComponent = ajv.compile(componentDefinitionSchema);
const validateResults = ajv.compile(assessmentResultsSchema);

describe("uuidV5", () => {
  it("matches the RFC 9562 example", () => {
    // RFC 9562 appendix A.4: version 5 UUID of www.example.com in the DNS namespace.
    expect(
      uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
    ).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });
});

describe("renderOscalComponentDefinition", () => {
  it.each([
    ["HN 1-2019", packDisclosure],
    ["HN 1-2013", disclosure2013],
  ])("is valid for %s", (_edition, build) => {
    const document = JSON.parse(renderOscalComponentDefinition(build()));

    expect(
      validateComponent(document),
      ajv.errorsText(validateComponent.errors),
    ).toBe(true);
  });

  it("fails the schema when a required field is gone", () => {
    const document = JSON.parse(
      renderOscalComponentDefinition(packDisclosure()),
    );
    delete document["component-definition"].metadata.version;
    document["component-definition"].components[0].props[0].value = " padded ";

    expect(validateComponent(document)).toBe(false);
    expect(ajv.errorsText(validateComponent.errors)).toContain("version");
    expect(ajv.errorsText(validateComponent.errors)).toContain("pattern");
  });

  it("is byte-identical on a re-run", () => {
    const first = renderOscalComponentDefinition(packDisclosure());
    const second = renderOscalComponentDefinition(packDisclosure());

    expect(second).toBe(first);
  });

  it("carries the answers as props", () => {
    const document = JSON.parse(
      renderOscalComponentDefinition(packDisclosure()),
    );
    const component = document["component-definition"].components[0];
    const [capabilities, form] = component["control-implementations"];
    const alof = capabilities["implemented-requirements"].find(
      (requirement: { "control-id": string }) =>
        requirement["control-id"] === "alof",
    );

    expect(component.title).toBe(
      "Acme Medical \\<Devices\\> \\& Co. Infusor X1",
    );
    expect(component["responsible-roles"][0]["role-id"]).toBe("provider");
    expect(document["component-definition"].metadata.roles).toEqual([
      { id: "provider", title: "Provider" },
    ]);
    expect(capabilities.source).toBe("urn:iec:tr:80001-2-2:2012");
    expect(form.source).toBe("urn:nema:mds2:hn1-2019");
    expect(
      alof.props.map((prop: { class: string; value: string }) => [
        prop.class,
        prop.value,
      ]),
    ).toEqual([
      ["ALOF-1", "yes"],
      ["ALOF-2", "yes"],
    ]);
    expect(alof.props[0].remarks).toContain(
      "Note 1: Logoff after 15 minutes of inactivity.",
    );
    expect(document["component-definition"].metadata["last-modified"]).toBe(
      "2021-03-15T00:00:00.000Z",
    );
  });

  it("escapes vendor Markdown and HTML", () => {
    const disclosure = packDisclosure();
    const alof = disclosure.answers.find((answer) => answer.id === "ALOF-1")!;
    alof.raw = "Yes, [x](javascript:alert(1)) <img src=x onerror=alert(1)>";
    disclosure.notes[0]!.text = "![i](data:text/html,x) `code` *bold*";

    const document = JSON.parse(renderOscalComponentDefinition(disclosure));
    const [capabilities] =
      document["component-definition"].components[0]["control-implementations"];
    const requirement = capabilities["implemented-requirements"].find(
      (entry: { "control-id": string }) => entry["control-id"] === "alof",
    );

    expect(requirement.description).toContain(
      "\\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>",
    );
    expect(requirement.props[0].remarks).toContain(
      "\\!\\[i\\](data:text/html,x) \\`code\\` \\*bold\\*",
    );
  });

  it("stamps the given timestamp", () => {
    const document = JSON.parse(
      renderOscalComponentDefinition(packDisclosure(), {
        timestamp: "2026-05-06T07:08:09Z",
      }),
    );

    expect(document["component-definition"].metadata["last-modified"]).toBe(
      "2026-05-06T07:08:09.000Z",
    );
  });

  it.each(["2019-13-45", "1850-03-01", "October 2019"])(
    "leaves out a release date OSCAL cannot carry (%s)",
    (releaseDate) => {
      const disclosure = packDisclosure();
      disclosure.device.releaseDate = releaseDate;
      const document = JSON.parse(renderOscalComponentDefinition(disclosure));
      const metadata = document["component-definition"].metadata;

      expect(
        validateComponent(document),
        ajv.errorsText(validateComponent.errors),
      ).toBe(true);
      expect(metadata.published).toBeUndefined();
      expect(metadata["last-modified"]).toBe("1970-01-01T00:00:00.000Z");
    },
  );

  it("stamps a valid release date as published", () => {
    const disclosure = packDisclosure();
    disclosure.device.releaseDate = "2020-02-29";
    const document = JSON.parse(renderOscalComponentDefinition(disclosure));

    expect(document["component-definition"].metadata.published).toBe(
      "2020-02-29T00:00:00.000Z",
    );
  });

  it("rejects a pre-1900 timestamp", () => {
    expect(() =>
      renderOscalComponentDefinition(packDisclosure(), {
        timestamp: "1850-01-01T00:00:00Z",
      }),
    ).toThrow(/invalid timestamp "1850-01-01T00:00:00Z"/);
  });

  it("prefixes 2013 question IDs to make tokens", () => {
    const document = JSON.parse(
      renderOscalComponentDefinition(disclosure2013()),
    );
    const classes = document["component-definition"].components[0][
      "control-implementations"
    ].flatMap(
      (implementation: {
        "implemented-requirements": { props: { class: string }[] }[];
      }) =>
        implementation["implemented-requirements"].flatMap((requirement) =>
          requirement.props.map((prop) => prop.class),
        ),
    );

    expect(classes).toContain("q-1-1");
    expect(classes).toContain("B-1");
  });
});

describe("renderOscalAssessmentResults", () => {
  it("is valid against the schema", () => {
    const document = JSON.parse(renderOscalAssessmentResults(packAssessment()));

    expect(
      validateResults(document),
      ajv.errorsText(validateResults.errors),
    ).toBe(true);
  });

  it("is byte-identical on a re-run", () => {
    expect(renderOscalAssessmentResults(packAssessment())).toBe(
      renderOscalAssessmentResults(packAssessment()),
    );
  });

  it("lists each finding linked to its observation", () => {
    const document = JSON.parse(renderOscalAssessmentResults(packAssessment()));
    const [result] = document["assessment-results"].results;
    const critical = result.findings.find((finding: { title: string }) =>
      finding.title.startsWith("F-ALOF-2"),
    );
    const observation = result.observations.find(
      (entry: { uuid: string }) =>
        entry.uuid === critical["related-observations"][0]["observation-uuid"],
    );

    expect(result.findings).toHaveLength(packAssessment().findings.length);
    expect(critical.description).toBe(
      "Automatic logoff is claimed but the screen saver timeout is 0.",
    );
    expect(critical.target).toEqual({
      type: "objective-id",
      "target-id": "alof",
      status: { state: "not-satisfied" },
    });
    expect(observation.title).toBe("ALOF Automatic logoff");
    expect(observation["relevant-evidence"][0].description).toContain("fail");
  });
});
