import { describe, expect, it } from "vitest";
import { assess, assessWithEdition } from "../src/crossref/index.js";
import type { EditionData } from "../src/forms/edition-data.js";
import {
  mergeEvidence,
  parseCsvEvidence,
  parseEvidence,
} from "../src/mapping/evidence/index.js";
import type { Assessment } from "../src/model/assessment.js";
import {
  arfResults,
  buildDisclosure,
  bytes,
  csvAttestation,
  testMapping,
  xccdfResults,
  type AnswerSpec,
} from "./helpers/crossref-fixtures.js";

const TODAY = "2026-12-04";

function run(
  answers: AnswerSpec[],
  extra: {
    evidence?: string;
    evidenceFile?: string;
    platform?: string;
    notes?: { number: number; text: string }[];
  } = {},
): Assessment {
  const disclosure = buildDisclosure(answers, { notes: extra.notes });
  const evidence = extra.evidence
    ? parseEvidence(bytes(extra.evidence), extra.evidenceFile ?? "cis.xml")
    : undefined;
  return assess(disclosure, {
    mapping: testMapping(),
    platform: extra.platform ?? "win7",
    today: TODAY,
    ...(evidence ? { evidence } : {}),
  });
}

function capability(assessment: Assessment, code: string) {
  return assessment.capabilities.find((entry) => entry.code === code)!;
}

function finding(assessment: Assessment, id: string) {
  return assessment.findings.find((entry) => entry.id === id);
}

const ALOF_YES: AnswerSpec[] = [
  { id: "ALOF-1", value: "yes" },
  { id: "ALOF-2", value: "yes" },
];

describe("capability status", () => {
  it("is unverified when controls exist and no evidence is given", () => {
    const assessment = run(ALOF_YES);
    const alof = capability(assessment, "ALOF");
    expect(alof.claim).toBe("claimed");
    expect(alof.status).toBe("unverified");
    expect(finding(assessment, "F-ALOF-unverified")?.controls).toEqual([
      "t.alof.timeout",
    ]);
  });

  it("is verified when XCCDF shows the mapped control passing", () => {
    const evidence = xccdfResults([
      {
        recommendation: "19.1.3.4",
        title: "Screen saver timeout",
        result: "pass",
      },
    ]);
    const assessment = run(ALOF_YES, { evidence });
    const alof = capability(assessment, "ALOF");
    expect(alof.status).toBe("verified");
    const timeout = alof.controls.find(
      (control) => control.id === "t.alof.timeout",
    )!;
    expect(timeout.evidence?.result).toBe("pass");
    expect(timeout.evidence?.source).toBe("cis.xml: rule-result 1");
    expect(finding(assessment, "F-ALOF-verified")?.severity).toBe("info");
  });

  it("is contradicted when XCCDF shows the mapped control failing", () => {
    const evidence = xccdfResults([
      {
        recommendation: "19.1.3.4",
        title: "Screen saver timeout",
        result: "fail",
      },
    ]);
    const assessment = run(ALOF_YES, { evidence });
    expect(capability(assessment, "ALOF").status).toBe("contradicted");
    const contradicted = finding(assessment, "F-ALOF-contradicted")!;
    expect(contradicted.severity).toBe("high");
    expect(contradicted.controls).toEqual(["t.alof.timeout"]);
    expect(contradicted.location).toBe("mds2-form!C10");
  });

  it("is verified and contradicted from a CSV attestation", () => {
    const csv = csvAttestation([
      { control: "t.alof.timeout", result: "pass" },
      {
        control: "t.auth.guest",
        result: "fail",
        comment: "guest enabled for service",
      },
    ]);
    const disclosure = buildDisclosure([
      ...ALOF_YES,
      { id: "AUTH-1", value: "yes" },
    ]);
    const assessment = assess(disclosure, {
      mapping: testMapping(),
      platform: "win7",
      today: TODAY,
      evidence: parseCsvEvidence(bytes(csv), "attest.csv"),
    });
    expect(capability(assessment, "ALOF").status).toBe("verified");
    expect(capability(assessment, "AUTH").status).toBe("contradicted");
    const guest = capability(assessment, "AUTH").controls[0]!;
    expect(guest.evidence?.comment).toBe("guest enabled for service");
  });

  it("is contradicted from an ARF collection", () => {
    const evidence = arfResults([
      {
        recommendation: "2.3.1.2",
        title: "Accounts Guest account status",
        result: "fail",
      },
    ]);
    const assessment = run([{ id: "AUTH-1", value: "yes" }], {
      evidence,
      evidenceFile: "cis-arf.xml",
    });
    expect(capability(assessment, "AUTH").status).toBe("contradicted");
  });

  it("matches by title when the benchmark version differs", () => {
    const otherVersion = xccdfResults(
      [
        {
          recommendation: "19.9.9.9",
          title: "Screen saver timeout is set to Enabled 900",
          result: "pass",
        },
      ],
      "xccdf_org.cisecurity.benchmarks_benchmark_4.0.0_CIS_Microsoft_Windows_7_Workstation_Benchmark",
    );
    const assessment = run(ALOF_YES, { evidence: otherVersion });
    expect(capability(assessment, "ALOF").status).toBe("verified");
    expect(assessment.evidence.unmatched).toEqual([]);
  });

  it("lists evidence that matches no control", () => {
    const evidence = xccdfResults([
      {
        recommendation: "19.1.3.4",
        title: "Screen saver timeout",
        result: "pass",
      },
      {
        recommendation: "18.9.99.1",
        title: "Some other setting",
        result: "fail",
      },
    ]);
    const assessment = run(ALOF_YES, { evidence });
    expect(assessment.evidence.files).toEqual(["cis.xml"]);
    expect(assessment.evidence.unmatched).toHaveLength(1);
    expect(assessment.evidence.unmatched[0]).toMatchObject({
      source: "cis.xml: rule-result 2",
      result: "fail",
      title: "Some other setting",
    });
    expect(assessment.evidence.unmatched[0]!.id).toContain("18.9.99.1");
  });

  it("keeps results of several evidence files", () => {
    const xml = parseEvidence(
      bytes(
        xccdfResults([
          {
            recommendation: "19.1.3.4",
            title: "Screen saver timeout",
            result: "pass",
          },
        ]),
      ),
      "cis.xml",
    );
    const csv = parseCsvEvidence(
      bytes(csvAttestation([{ control: "t.alof.timeout", result: "fail" }])),
      "attest.csv",
    );
    const assessment = assess(buildDisclosure(ALOF_YES), {
      mapping: testMapping(),
      platform: "win7",
      today: TODAY,
      evidence: mergeEvidence([xml, csv]),
    });
    expect(assessment.evidence.files).toEqual(["cis.xml", "attest.csv"]);
    expect(capability(assessment, "ALOF").status).toBe("contradicted");
  });

  it("is unsupported without a note when no control backs the claim", () => {
    const assessment = run([{ id: "PLOK-2", value: "yes" }]);
    expect(capability(assessment, "PLOK").status).toBe("unsupported");
    const unsupported = finding(assessment, "F-PLOK-unsupported")!;
    expect(unsupported.severity).toBe("medium");
    expect(unsupported.message).toContain("gives no note");
  });

  it("is unsupported with a note at lower severity", () => {
    const assessment = run([{ id: "PLOK-2", value: "yes", notes: [1] }], {
      notes: [{ number: 1, text: "Keyed enclosure." }],
    });
    const unsupported = finding(assessment, "F-PLOK-unsupported")!;
    expect(unsupported.severity).toBe("low");
    expect(unsupported.message).toContain("gives a note");
  });

  it("is a gap when denied, listing compensating controls and tension", () => {
    const assessment = run([{ id: "AUTH-1", value: "no" }]);
    const auth = capability(assessment, "AUTH");
    expect(auth.claim).toBe("denied");
    expect(auth.status).toBe("gap");
    const gap = finding(assessment, "F-AUTH-gap")!;
    expect(gap.severity).toBe("high");
    expect(gap.controls).toEqual(["t.auth.guest"]);
    expect(gap.message).toContain("Break-glass accounts need a plan.");
  });

  it("is a gap when undisclosed", () => {
    const assessment = run(
      [
        { id: "ALOF-1", value: "unanswered" },
        { id: "ALOF-2", value: "see-note", notes: [1] },
      ],
      {
        notes: [{ number: 1, text: "Depends on configuration." }],
      },
    );
    const alof = capability(assessment, "ALOF");
    expect(alof.claim).toBe("undisclosed");
    expect(alof.status).toBe("gap");
    expect(finding(assessment, "F-ALOF-gap")!.message).toMatch(/does not say/);
  });

  it("is not-applicable when answered N/A", () => {
    const assessment = run([{ id: "EMRG-1", value: "na" }]);
    expect(capability(assessment, "EMRG").status).toBe("not-applicable");
  });

  it("is not-assessed for CNFS on the 2019 form", () => {
    const assessment = run(ALOF_YES);
    const cnfs = capability(assessment, "CNFS");
    expect(cnfs.claim).toBe("not-asked");
    expect(cnfs.status).toBe("not-assessed");
    expect(finding(assessment, "F-CNFS-not-assessed")?.severity).toBe("info");
  });

  it("notes an under-claimed capability with passing evidence", () => {
    const evidence = xccdfResults([
      {
        recommendation: "19.1.3.4",
        title: "Screen saver timeout",
        result: "pass",
      },
    ]);
    const assessment = run([{ id: "ALOF-1", value: "no" }], { evidence });
    expect(finding(assessment, "F-ALOF-under-claimed")?.controls).toEqual([
      "t.alof.timeout",
    ]);
  });

  it("counts statuses and severities in the summary", () => {
    const assessment = run(ALOF_YES);
    const total = Object.values(assessment.summary.byStatus).reduce(
      (sum, count) => sum + count,
      0,
    );
    expect(total).toBe(19);
    const findings = Object.values(assessment.summary.bySeverity).reduce(
      (sum, count) => sum + count,
      0,
    );
    expect(findings).toBe(assessment.findings.length);
  });
});

describe("claims from mixed answers", () => {
  it.each<[string, AnswerSpec[], string]>([
    [
      "any top-level Yes claims",
      [
        { id: "ALOF-1", value: "no" },
        { id: "ALOF-2", value: "yes" },
      ],
      "claimed",
    ],
    [
      "all No denies",
      [
        { id: "ALOF-1", value: "no" },
        { id: "ALOF-2", value: "no" },
      ],
      "denied",
    ],
    [
      "No beside N/A denies",
      [
        { id: "ALOF-1", value: "no" },
        { id: "ALOF-2", value: "na" },
      ],
      "denied",
    ],
    [
      "all N/A is not applicable",
      [
        { id: "ALOF-1", value: "na" },
        { id: "ALOF-2", value: "na" },
      ],
      "not-applicable",
    ],
    [
      "See note alone is undisclosed",
      [{ id: "ALOF-1", value: "see-note", notes: [1] }],
      "undisclosed",
    ],
    ["no answers are undisclosed", [], "undisclosed"],
    [
      "a child Yes under a No parent does not claim",
      [
        { id: "MLDP-2", value: "no" },
        { id: "MLDP-2.5", value: "yes" },
      ],
      "denied",
    ],
    [
      "a child decides under an N/A parent",
      [
        { id: "STCF-1", value: "na" },
        { id: "STCF-1.1", value: "yes" },
      ],
      "claimed",
    ],
    [
      "an exposure Yes is never a claim",
      [{ id: "MLDP-1", value: "yes" }],
      "undisclosed",
    ],
  ])("%s", (_name, answers, expected) => {
    const code = answers[0]?.id.split("-")[0] ?? "ALOF";
    expect(capability(run(answers), code).claim).toBe(expected);
  });
});

describe("controls and platform", () => {
  it("marks controls missing on the platform as not applicable", () => {
    const alof = capability(run(ALOF_YES, { platform: "win7" }), "ALOF");
    const inactivity = alof.controls.find(
      (control) => control.id === "t.alof.inactivity",
    )!;
    expect(inactivity.applicable).toBe(false);
    expect(
      alof.controls.find((control) => control.id === "t.alof.timeout")!
        .applicable,
    ).toBe(true);
  });

  it("counts only applicable controls for verification", () => {
    const evidence = xccdfResults([
      {
        recommendation: "19.1.3.4",
        title: "Screen saver timeout",
        result: "pass",
      },
    ]);
    expect(
      capability(run(ALOF_YES, { evidence, platform: "win7" }), "ALOF").status,
    ).toBe("verified");
    expect(
      capability(run(ALOF_YES, { evidence, platform: "win10" }), "ALOF").status,
    ).toBe("unverified");
  });

  it("makes a claim unsupported on a platform without the controls", () => {
    expect(
      capability(run(ALOF_YES, { platform: "linux" }), "ALOF").status,
    ).toBe("unsupported");
  });
});

describe("older editions", () => {
  const edition2013: EditionData = {
    edition: "HN 1-2013",
    sections: [
      { code: "ALOF", title: "Automatic logoff", capability: "ALOF" },
      {
        code: "CNFS",
        title: "Configuration of security features",
        capability: "CNFS",
      },
    ],
    questions: [
      {
        id: "1-1",
        section: "ALOF",
        kind: "yes-no",
        polarity: "capability",
        label: "Logoff",
        equivalents: ["ALOF-1"],
      },
      {
        id: "4-1",
        section: "CNFS",
        kind: "yes-no",
        polarity: "capability",
        label: "Configure",
      },
    ],
    gates: [],
  };

  function disclosure2013(answers: AnswerSpec[]) {
    const disclosure = buildDisclosure(answers);
    disclosure.edition = "HN 1-2013";
    disclosure.answers = disclosure.answers.map((answer) => ({
      ...answer,
      section: answer.id.startsWith("1-") ? "ALOF" : "CNFS",
    }));
    return disclosure;
  }

  it("reads the claim from the capability section", () => {
    const assessment = assessWithEdition(
      disclosure2013([{ id: "1-1", value: "yes" }]),
      edition2013,
      {
        mapping: testMapping(),
        platform: "win7",
        today: TODAY,
      },
    );
    expect(capability(assessment, "ALOF").status).toBe("unverified");
    expect(capability(assessment, "ALOF").questions).toEqual(["1-1"]);
  });

  it("assesses CNFS when the edition asks about it", () => {
    const assessment = assessWithEdition(
      disclosure2013([{ id: "4-1", value: "no" }]),
      edition2013,
      {
        mapping: testMapping(),
        platform: "win7",
        today: TODAY,
      },
    );
    expect(capability(assessment, "CNFS").claim).toBe("denied");
    expect(capability(assessment, "CNFS").status).toBe("gap");
  });
});

describe("evidence results", () => {
  it("treats a not-applicable result as neither backing nor blocking", () => {
    const csv = csvAttestation([
      { control: "t.alof.timeout", result: "pass" },
      { control: "t.alof.inactivity", result: "n/a" },
    ]);
    const assessment = assess(buildDisclosure(ALOF_YES), {
      mapping: testMapping(),
      platform: "win10",
      today: TODAY,
      evidence: parseCsvEvidence(bytes(csv), "attest.csv"),
    });
    expect(capability(assessment, "ALOF").status).toBe("verified");
  });

  it("stays unverified when a control is not checked", () => {
    const csv = csvAttestation([
      { control: "t.alof.timeout", result: "not checked" },
    ]);
    const assessment = assess(buildDisclosure(ALOF_YES), {
      mapping: testMapping(),
      platform: "win7",
      today: TODAY,
      evidence: parseCsvEvidence(bytes(csv), "attest.csv"),
    });
    expect(capability(assessment, "ALOF").status).toBe("unverified");
    expect(finding(assessment, "F-ALOF-unverified")?.message).toContain(
      "has a passing result",
    );
  });
});
