import { describe, expect, it } from "vitest";
import * as mds2 from "../src/index.js";

describe("public API", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(mds2).sort()).toEqual([
      "ANSWER_SPELLINGS",
      "ASSESSMENT_SCHEMA",
      "BUILT_IN_CONTROLS",
      "CAPABILITIES",
      "CAPABILITY_STATUSES",
      "DISCLOSURE_SCHEMA",
      "EDITIONS",
      "MappingValidationError",
      "Mds2Error",
      "PLATFORMS",
      "SEVERITIES",
      "assess",
      "assessWithEdition",
      "assessmentJsonSchema",
      "assessmentSchema",
      "builtInMapping",
      "canonicalQuestionId",
      "detectPlatform",
      "diffDisclosures",
      "editionData",
      "exportMapping",
      "extendMapping",
      "filterMapping",
      "findCapability",
      "findQuestion",
      "formatDiff",
      "formatMappingIssue",
      "isMds2Error",
      "loadMapping",
      "loadMappingFile",
      "mappingToOscal",
      "mergeEvidence",
      "normalize",
      "parseAnswer",
      "parseCsvEvidence",
      "parseDisclosure",
      "parseEvidence",
      "parseFile",
      "parseNoteReference",
      "parseXccdfEvidence",
      "readEvidenceFile",
      "readEvidenceFiles",
      "readSource",
      "recognize",
      "registeredEditions",
      "renderAnnotatedXlsx",
      "renderAnswersCsv",
      "renderFindingsCsv",
      "renderHtml",
      "renderOscalAssessmentResults",
      "renderOscalComponentDefinition",
      "renderPdf",
      "renderXlsx2019",
      "runBatch",
    ]);
  });

  it("parses, assesses and renders a sample", async () => {
    const disclosure = await mds2.parseFile(
      new URL("../samples/harbor-his220-infusion-pump.xlsx", import.meta.url)
        .pathname,
    );
    const assessment = mds2.assess(disclosure, {
      mapping: mds2.builtInMapping(),
      today: "2026-12-04",
    });
    const html = mds2.renderHtml(disclosure, assessment);

    expect(disclosure.answers).toHaveLength(240);
    expect(assessment.capabilities).toHaveLength(mds2.CAPABILITIES.length);
    expect(html).toContain("Harbor Infusion Systems");
  });
});
