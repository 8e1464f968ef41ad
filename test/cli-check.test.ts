import { execFile } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatCheckSummary,
  reaches,
  useColor,
} from "../src/cli/commands/check.js";
import { assess } from "../src/crossref/index.js";
import { builtInMapping } from "../src/mapping/built-in.js";
import type { Assessment } from "../src/model/assessment.js";
import { parseFile } from "../src/parse.js";
import {
  csvAttestation,
  removeTempFiles,
  writeTempFiles,
  xccdfResults,
} from "./helpers/crossref-fixtures.js";

const here = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(here, "../dist/cli/main.js");
const NEMA = resolve(
  here,
  "../../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function check(
  args: string[],
  env: Record<string, string> = {},
): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      "node",
      [CLI, "check", ...args],
      {
        env: { ...process.env, ...env },
        maxBuffer: 32 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let files: Record<string, string>;

afterAll(removeTempFiles);

beforeAll(async () => {
  files = await writeTempFiles({
    "cis.xml": xccdfResults([
      {
        recommendation: "19.1.3.4",
        title: "Screen saver timeout",
        result: "fail",
      },
      {
        recommendation: "18.9.99.1",
        title: "Some other setting",
        result: "pass",
      },
    ]),
    "bad.csv": csvAttestation([
      { control: "win.screensaver.timeout", result: "pass" },
      { control: "win.screensaver.enable", result: "sort of" },
    ]),
    "bad.xml": "<Benchmark><TestResult></Benchmark>",
  });
});

describe("mds2 check", () => {
  it("prints a summary with capabilities and findings", async () => {
    const result = await check([NEMA]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Device:   Handheld Blood Glucose Monitor");
    expect(result.stdout).toMatch(/ALOF {2}Automatic logoff +gap/);
    expect(result.stdout).toContain(
      "F-MLDP-2.5-parent-child: MLDP-2 is No but MLDP-2.5 is Yes.",
    );
  });

  it.each([
    ["high", 1],
    ["critical", 0],
  ])("--fail-on %s exits %i", async (severity, expected) => {
    const result = await check([NEMA, "--fail-on", severity]);
    expect(result.code).toBe(expected);
  });

  it("prints the assessment as JSON", async () => {
    const result = await check([NEMA, "--json"]);
    const assessment = JSON.parse(result.stdout) as Assessment;
    expect(assessment.schema).toBe("mds2.assessment/1");
    expect(assessment.capabilities).toHaveLength(19);
  });

  it("overrides the platform", async () => {
    const result = await check([NEMA, "--json", "--platform", "win7"]);
    const assessment = JSON.parse(result.stdout) as Assessment;
    expect(assessment.platform).toMatchObject({ id: "win7", from: "option" });
    expect(
      assessment.findings.some(
        (finding) => finding.id === "F-platform-end-of-support",
      ),
    ).toBe(true);
  });

  it("rejects an unknown platform with exit 2", async () => {
    const result = await check([NEMA, "--platform", "amiga"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown platform "amiga"');
  });

  it("uses XCCDF evidence and lists unmatched results", async () => {
    const result = await check([
      NEMA,
      "--json",
      "--platform",
      "win7",
      "--evidence",
      files["cis.xml"]!,
    ]);
    const assessment = JSON.parse(result.stdout) as Assessment;
    expect(assessment.evidence.files).toEqual([files["cis.xml"]]);
    expect(assessment.evidence.unmatched.map((item) => item.title)).toEqual([
      "Some other setting",
    ]);
    const alof = assessment.capabilities.find(
      (capability) => capability.code === "ALOF",
    )!;
    const timeout = alof.controls.find(
      (control) => control.id === "win.screensaver.timeout",
    )!;
    expect(timeout.evidence?.result).toBe("fail");
  });

  it("reads the form named after --evidence", async () => {
    const result = await check([
      "--evidence",
      files["cis.xml"]!,
      NEMA,
      "--json",
      "--evidence",
      files["cis.xml"]!,
    ]);
    expect(result.code).toBe(0);
    const assessment = JSON.parse(result.stdout) as Assessment;
    expect(assessment.source.file).toBe(NEMA);
    expect(assessment.evidence.files).toHaveLength(2);
  });

  it.each([
    ["bad.csv", /bad\.csv: row 3: result "sort of"/],
    ["bad.xml", /bad\.xml: line \d+/],
  ])("exits 2 naming the bad evidence file %s", async (name, message) => {
    const result = await check([NEMA, "--evidence", files[name]!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("exits 2 when the evidence file is missing", async () => {
    const result = await check([NEMA, "--evidence", "/nonexistent/cis.xml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("/nonexistent/cis.xml");
  });

  it("prints no color codes when NO_COLOR is set", async () => {
    const result = await check([NEMA], { NO_COLOR: "1", FORCE_COLOR: "1" });
    expect(result.stdout).not.toContain("\u001b[");
  });
});

describe("check summary", () => {
  let assessment: Assessment;

  beforeAll(async () => {
    assessment = assess(await parseFile(NEMA), {
      mapping: builtInMapping(),
      today: "2026-12-04",
    });
  });

  it("colors only when asked", () => {
    expect(formatCheckSummary(assessment, { color: true })).toContain(
      "\u001b[",
    );
    expect(formatCheckSummary(assessment, { color: false })).not.toContain(
      "\u001b[",
    );
  });

  it.each([
    [true, {}, true],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, {}, false],
  ])(
    "uses color on a terminal %s with env %j: %s",
    (terminal, env, expected) => {
      expect(useColor(terminal, env)).toBe(expected);
    },
  );

  it.each([
    ["critical", false],
    ["high", true],
    ["info", true],
  ] as const)("finds findings reaching %s: %s", (severity, expected) => {
    expect(reaches(assessment.findings, severity)).toBe(expected);
  });
});

describe("check summary table and lists", () => {
  let assessment: Assessment;

  beforeAll(async () => {
    assessment = assess(
      await parseFile(
        resolve(here, "../samples/harbor-his220-infusion-pump.xlsx"),
      ),
      { mapping: builtInMapping(), today: "2026-12-04" },
    );
  });

  it("counts the controls the findings count", () => {
    const summary = formatCheckSummary(assessment, { color: false });
    const alof = assessment.capabilities.find(
      (capability) => capability.code === "ALOF",
    )!;
    const deciding = alof.controls.filter(
      (control) => control.applicable && control.role === "primary",
    ).length;
    const reference = alof.controls.length - deciding;
    expect(summary).toMatch(
      new RegExp(
        `ALOF  Automatic logoff +gap +denied +${deciding} \\(\\+${reference}\\)\\n`,
      ),
    );
    expect(summary).toContain(`${deciding} mapped controls on Windows 7`);
  });

  it("counts findings past twenty of a kind", () => {
    const extra = Array.from({ length: 30 }, (_, index) => ({
      id: `F-ZZZZ-${index}-problem`,
      kind: "problem",
      severity: "low",
      questions: [`ZZZZ-${index}`],
      controls: [],
      message: `ZZZZ-${index} is not a question of this edition`,
    }));
    const crowded = {
      ...assessment,
      findings: [...assessment.findings, ...extra],
    } as Assessment;
    const lines = formatCheckSummary(crowded, { color: false }).split("\n");
    expect(lines.filter((line) => line.includes("F-ZZZZ-"))).toHaveLength(20);
    expect(lines).toContain(
      "  … 10 more low problem findings; --json lists them all",
    );
  });

  it("escapes control characters in finding messages", () => {
    const [first] = assessment.findings;
    const hostile = {
      ...assessment,
      findings: [
        { ...first!, severity: "high", message: "bad \u001b[2J text" },
      ],
    } as Assessment;
    const summary = formatCheckSummary(hostile, { color: false });
    expect(summary).toContain("bad \\u001B[2J text");
    expect(summary).not.toContain("\u001b");
  });
});
