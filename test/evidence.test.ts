import { describe, expect, it } from "vitest";
import { Mds2Error } from "../src/errors.js";
import {
  parseCisRuleId,
  parseCsvEvidence,
  parseEvidence,
  parseXccdfEvidence,
} from "../src/mapping/evidence/index.js";
import {
  arfResults,
  bytes,
  csvAttestation,
  xccdfResults,
} from "./helpers/crossref-fixtures.js";

const RULES = [
  { recommendation: "19.1.3.4", title: "Screen saver timeout", result: "pass" },
  {
    recommendation: "2.3.1.2",
    title: "Accounts Guest account status",
    result: "fail",
  },
  {
    recommendation: "1.1.4",
    title: "Minimum password length",
    result: "notchecked",
  },
];

function invalid(run: () => unknown): Mds2Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Mds2Error) return error;
    throw error;
  }
  throw new Error("expected an Mds2Error");
}

describe("XCCDF results", () => {
  it("reads rule results with number, level and benchmark", () => {
    const evidence = parseXccdfEvidence(bytes(xccdfResults(RULES)), "cis.xml");
    expect(evidence.files).toEqual(["cis.xml"]);
    expect(
      evidence.items.map((item) => [item.recommendation, item.result]),
    ).toEqual([
      ["19.1.3.4", "pass"],
      ["2.3.1.2", "fail"],
      ["1.1.4", "not-checked"],
    ]);
    const first = evidence.items[0]!;
    expect(first.level).toBe("L1");
    expect(first.benchmarkVersion).toBe("3.2.0");
    expect(first.benchmark).toBe(
      "CIS Microsoft Windows 7 Workstation Benchmark",
    );
    expect(first.title).toBe("Screen saver timeout");
    expect(first.location).toBe("rule-result 1");
  });

  it.each([
    ["pass", "pass"],
    ["fixed", "pass"],
    ["fail", "fail"],
    ["error", "error"],
    ["unknown", "error"],
    ["notapplicable", "not-applicable"],
    ["notchecked", "not-checked"],
    ["notselected", "not-checked"],
    ["informational", "not-checked"],
  ])("maps result %s to %s", (result, expected) => {
    const rules = [
      { recommendation: "1.1.1", title: "Enforce password history", result },
    ];
    const evidence = parseXccdfEvidence(bytes(xccdfResults(rules)), "cis.xml");
    expect(evidence.items[0]!.result).toBe(expected);
  });

  it("rejects an unknown result naming the rule-result", () => {
    const rules = [
      {
        recommendation: "1.1.1",
        title: "Enforce password history",
        result: "maybe",
      },
    ];
    const error = invalid(() =>
      parseXccdfEvidence(bytes(xccdfResults(rules)), "cis.xml"),
    );
    expect(error.code).toBe("evidence.invalid");
    expect(error.file).toBe("cis.xml");
    expect(error.location).toBe("rule-result 1");
  });

  it("rejects malformed XML with its line", () => {
    const error = invalid(() =>
      parseXccdfEvidence(
        bytes("<Benchmark>\n<TestResult>\n</Benchmark>"),
        "bad.xml",
      ),
    );
    expect(error.code).toBe("evidence.invalid");
    expect(error.location).toMatch(/^line \d+/);
  });

  it("rejects XML that declares entities", () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<Benchmark>&a;</Benchmark>';
    const error = invalid(() => parseXccdfEvidence(bytes(xml), "entity.xml"));
    expect(error.code).toBe("evidence.invalid");
    expect(error.message).toMatch(/ENTITY/);
  });

  it("rejects XML without a TestResult", () => {
    const error = invalid(() =>
      parseXccdfEvidence(bytes("<Benchmark id='x'/>"), "empty.xml"),
    );
    expect(error.message).toMatch(/TestResult/);
  });
});

describe("ARF results", () => {
  it("reads the TestResult inside a report", () => {
    const evidence = parseEvidence(bytes(arfResults(RULES)), "cis-arf.xml");
    expect(evidence.items).toHaveLength(3);
    expect(evidence.items[1]!.result).toBe("fail");
    expect(evidence.items[1]!.recommendation).toBe("2.3.1.2");
    expect(evidence.items[1]!.benchmarkVersion).toBe("3.2.0");
  });

  it("takes rule titles from the referenced Benchmark", () => {
    const evidence = parseEvidence(bytes(arfResults(RULES)), "cis-arf.xml");
    expect(evidence.items[0]!.title).toBe(
      "(L1) Ensure 'Screen saver timeout' is set to 'Enabled'",
    );
  });
});

describe("CIS rule IDs", () => {
  it.each([
    [
      "xccdf_org.cisecurity.benchmarks_rule_19.1.3.4_L1_Ensure_Screen_saver_timeout_is_set_to_Enabled",
      {
        recommendation: "19.1.3.4",
        level: "L1",
        title: "Ensure Screen saver timeout is set to Enabled",
      },
    ],
    [
      "xccdf_org.cisecurity.benchmarks_rule_2.3.7.1_L2_Interactive_logon",
      { recommendation: "2.3.7.1", level: "L2", title: "Interactive logon" },
    ],
    [
      "xccdf_org.cisecurity.benchmarks_rule_18.9.1_Windows",
      { recommendation: "18.9.1", title: "Windows" },
    ],
    ["xccdf_org.example_rule_no_number", {}],
  ])("splits %s", (id, expected) => {
    expect(parseCisRuleId(id)).toEqual(expected);
  });
});

describe("CSV attestation", () => {
  it("reads a file with a header row", () => {
    const csv = csvAttestation([
      { control: "t.alof.timeout", result: "Pass", comment: "GPO applied" },
      { control: "2.3.1.2", result: "Failed" },
    ]);
    const evidence = parseCsvEvidence(bytes(csv), "attest.csv");
    expect(evidence.items).toHaveLength(2);
    expect(evidence.items[0]).toMatchObject({
      controlId: "t.alof.timeout",
      result: "pass",
      comment: "GPO applied",
      location: "row 2",
    });
    expect(evidence.items[1]).toMatchObject({
      recommendation: "2.3.1.2",
      result: "fail",
    });
  });

  it("reads a file without a header row", () => {
    const csv = csvAttestation(
      [{ control: "1.1.4", result: "not checked" }],
      false,
    );
    const evidence = parseCsvEvidence(bytes(csv), "attest.csv");
    expect(evidence.items[0]).toMatchObject({
      recommendation: "1.1.4",
      result: "not-checked",
      location: "row 1",
    });
  });

  it("finds columns by header name in any order", () => {
    const csv =
      "Comment,Status,Recommendation\nchecked by hand,compliant,19.1.3.4\n";
    const evidence = parseCsvEvidence(bytes(csv), "attest.csv");
    expect(evidence.items[0]).toMatchObject({
      recommendation: "19.1.3.4",
      result: "pass",
      comment: "checked by hand",
    });
  });

  it.each([
    ["pass", "pass"],
    ["PASSED", "pass"],
    ["OK", "pass"],
    ["Compliant", "pass"],
    ["fail", "fail"],
    ["Non-compliant", "fail"],
    ["Not Checked", "not-checked"],
    ["not-checked", "not-checked"],
    ["skipped", "not-checked"],
    ["", "not-checked"],
    ["N/A", "not-applicable"],
    ["error", "error"],
  ])("reads result spelling %j as %s", (spelling, expected) => {
    const csv = csvAttestation([
      { control: "t.alof.timeout", result: spelling },
    ]);
    expect(parseCsvEvidence(bytes(csv), "attest.csv").items[0]!.result).toBe(
      expected,
    );
  });

  it("rejects an unknown result naming the row", () => {
    const csv = csvAttestation([
      { control: "t.alof.timeout", result: "pass" },
      { control: "t.auth.guest", result: "probably" },
    ]);
    const error = invalid(() => parseCsvEvidence(bytes(csv), "attest.csv"));
    expect(error.code).toBe("evidence.invalid");
    expect(error.file).toBe("attest.csv");
    expect(error.location).toBe("row 3");
    expect(error.message).toContain("probably");
  });

  it("rejects a file with no rows", () => {
    const error = invalid(() => parseCsvEvidence(bytes(""), "empty.csv"));
    expect(error.code).toBe("evidence.invalid");
  });
});

describe("evidence sniffing", () => {
  it("rejects binary content without quoting it", () => {
    const content = new Uint8Array([0x1b, 0x5b, 0x32, 0x4a, 0x00, 0x22, 0xff]);
    const error = invalid(() => parseEvidence(content, "results.bin"));
    expect(error.code).toBe("evidence.invalid");
    expect(error.toLine()).toMatch(
      /^results\.bin: not an XML or CSV evidence file/,
    );
    expect(error.toLine()).not.toContain("\u001b");
  });
});
