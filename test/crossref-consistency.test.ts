import { describe, expect, it } from "vitest";
import { assess } from "../src/crossref/index.js";
import type { Assessment } from "../src/model/assessment.js";
import type { Disclosure } from "../src/model/disclosure.js";
import {
  buildDisclosure,
  testMapping,
  type AnswerSpec,
} from "./helpers/crossref-fixtures.js";

function assessDisclosure(disclosure: Disclosure): Assessment {
  return assess(disclosure, {
    mapping: testMapping(),
    platform: "win7",
    today: "2026-12-04",
  });
}

function findingsOf(
  answers: AnswerSpec[],
  notes: { number: number; text: string }[] = [],
) {
  return assessDisclosure(buildDisclosure(answers, { notes })).findings;
}

describe("consistency findings", () => {
  it("reports a child Yes under a No parent", () => {
    const findings = findingsOf([
      { id: "MLDP-2", value: "no" },
      { id: "MLDP-2.5", value: "yes" },
    ]);
    const finding = findings.find(
      (entry) => entry.id === "F-MLDP-2.5-parent-child",
    )!;
    expect(finding.message).toBe("MLDP-2 is No but MLDP-2.5 is Yes.");
    expect(finding.severity).toBe("medium");
    expect(finding.capability).toBe("MLDP");
    expect(finding.questions).toEqual(["MLDP-2", "MLDP-2.5"]);
    expect(finding.location).toBe("mds2-form!C11");
  });

  it("reports a child No under an N/A parent at low severity", () => {
    const findings = findingsOf([
      { id: "STCF-1", value: "na" },
      { id: "STCF-1.1", value: "no" },
    ]);
    expect(
      findings.find((entry) => entry.id === "F-STCF-1.1-parent-child")
        ?.severity,
    ).toBe("low");
  });

  it("accepts children that agree with the parent", () => {
    const findings = findingsOf([
      { id: "AUDT-7", value: "no" },
      { id: "AUDT-7.1", value: "no" },
    ]);
    expect(findings.some((entry) => entry.kind === "parent-child")).toBe(false);
  });

  it("reports a gate instruction not followed", () => {
    const findings = findingsOf([
      { id: "CSUP-1", value: "no" },
      { id: "CSUP-2", value: "yes" },
      { id: "CSUP-7", value: "na" },
      { id: "CSUP-8", value: "no" },
    ]);
    const finding = findings.find(
      (entry) => entry.id === "F-CSUP-1-gate-not-followed",
    )!;
    expect(finding.questions).toEqual(["CSUP-1", "CSUP-2", "CSUP-8"]);
    expect(finding.message).toBe(
      "CSUP-1 is No, which asks for N/A on the rest, but CSUP-2 Yes, CSUP-8 No.",
    );
    expect(finding.location).toBe("mds2-form!C11");
  });

  it("reports a See-note answer without a note", () => {
    const findings = findingsOf([{ id: "SAHD-16", value: "see-note" }]);
    const finding = findings.find(
      (entry) => entry.id === "F-SAHD-16-note-missing",
    )!;
    expect(finding.message).toBe("SAHD-16 is See note but names no note.");
    expect(finding.severity).toBe("medium");
  });

  it("reports a reference to a note the form lacks", () => {
    const findings = findingsOf(
      [{ id: "SAHD-16", value: "see-note", notes: [9] }],
      [{ number: 1, text: "Other note." }],
    );
    expect(
      findings.find((entry) => entry.id === "F-SAHD-16-note-missing")?.message,
    ).toContain("Note 9");
  });

  it("reports a required answer left blank", () => {
    const findings = findingsOf([{ id: "ALOF-1", value: "unanswered" }]);
    const finding = findings.find((entry) => entry.id === "F-ALOF-1-blank")!;
    expect(finding.severity).toBe("low");
    expect(finding.location).toBe("mds2-form!C10");
  });

  it("excuses a blank under a No parent", () => {
    const findings = findingsOf([
      { id: "AUDT-2", value: "no" },
      { id: "AUDT-2.1", value: "unanswered" },
    ]);
    expect(findings.some((entry) => entry.kind === "blank")).toBe(false);
  });

  it("reports an unrecognized value once, not again as a problem", () => {
    const disclosure = buildDisclosure([
      { id: "ALOF-1", value: "unrecognized", raw: "Maybe" },
    ]);
    disclosure.problems.push({
      code: "answer.unrecognized",
      severity: "warning",
      message: 'ALOF-1: "Maybe" is not an answer',
      location: "mds2-form!C10",
      questionId: "ALOF-1",
    });
    const findings = assessDisclosure(disclosure).findings;
    const unrecognized = findings.filter(
      (entry) => entry.kind === "unrecognized",
    );
    expect(unrecognized).toHaveLength(1);
    expect(unrecognized[0]!.message).toContain('"Maybe"');
    expect(findings.some((entry) => entry.kind === "problem")).toBe(false);
  });

  it("carries other problems of the form", () => {
    const disclosure = buildDisclosure([]);
    disclosure.problems.push({
      code: "note.missing",
      severity: "warning",
      message: "Note 4 is empty",
    });
    const problem = assessDisclosure(disclosure).findings.find(
      (entry) => entry.kind === "problem",
    )!;
    expect(problem.severity).toBe("low");
    expect(problem.message).toBe("Note 4 is empty (note.missing)");
  });
});

describe("answer findings", () => {
  it("reports a Yes to an exposure question as a risk", () => {
    const findings = findingsOf([{ id: "MPII-3.3", value: "yes" }]);
    const finding = findings.find(
      (entry) => entry.id === "F-MPII-3.3-exposure",
    )!;
    expect(finding.severity).toBe("medium");
    expect(finding.message).toMatch(/removable media/);
  });

  it("escalates remote service the operator cannot control", () => {
    const findings = findingsOf([
      { id: "RMOT-1", value: "yes" },
      { id: "RMOT-1.1", value: "no" },
    ]);
    const finding = findings.find((entry) => entry.id === "F-RMOT-1-exposure")!;
    expect(finding.severity).toBe("high");
    expect(finding.questions).toEqual(["RMOT-1", "RMOT-1.1"]);
  });

  it("reports passwords that cannot be changed", () => {
    const findings = findingsOf([{ id: "PAUT-5", value: "no" }]);
    expect(
      findings.find((entry) => entry.id === "F-PAUT-5-denial")?.severity,
    ).toBe("high");
  });

  it("keeps other exposure answers informational", () => {
    const findings = findingsOf([{ id: "CONN-1", value: "yes" }]);
    expect(
      findings.find((entry) => entry.id === "F-CONN-1-exposure")?.severity,
    ).toBe("info");
  });

  it("gives every finding a unique ID", () => {
    const findings = findingsOf([
      { id: "MLDP-2", value: "no" },
      { id: "MLDP-2.5", value: "yes" },
      { id: "SAHD-16", value: "see-note" },
      { id: "ALOF-1", value: "unanswered" },
    ]);
    const ids = findings.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
