/**
 * Small hand-built disclosures, mappings and evidence files for the
 * cross-reference tests: XCCDF 1.2 results, an ARF 1.1 collection and CSV
 * attestations, written into temporary folders.
 */

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Control, Mapping } from "../../src/mapping/control.js";
import type {
  Answer,
  AnswerValue,
  Disclosure,
  Note,
} from "../../src/model/disclosure.js";

export interface AnswerSpec {
  id: string;
  value: AnswerValue;
  raw?: string;
  comment?: string;
  notes?: number[];
}

/** Builds a 2019 disclosure with the given answers at rows 10, 11 and on. */
export function buildDisclosure(
  answers: AnswerSpec[],
  extra: {
    notes?: Note[];
    otherConsiderations?: string;
    description?: string;
  } = {},
): Disclosure {
  return {
    schema: "mds2.disclosure/1",
    source: {
      file: "fixture.xlsx",
      sha256: "0".repeat(64),
      format: "xlsx",
      size: 1,
    },
    edition: "HN 1-2019",
    device: {
      manufacturer: "Example Medical",
      model: "EX-1",
      description: extra.description,
    },
    answers: answers.map((spec, index) => answer(spec, index)),
    notes: extra.notes ?? [],
    ...(extra.otherConsiderations
      ? { otherConsiderations: extra.otherConsiderations }
      : {}),
    problems: [],
  };
}

function answer(spec: AnswerSpec, index: number): Answer {
  const labels: Partial<Record<AnswerValue, string>> = {
    yes: "Yes",
    no: "No",
    na: "N/A",
    "see-note": "See Note",
    unanswered: "",
  };
  const result: Answer = {
    id: spec.id,
    section: spec.id.split("-")[0]!,
    question: `Question ${spec.id}`,
    value: spec.value,
    raw: spec.raw ?? labels[spec.value] ?? spec.value,
    notes: spec.notes ?? [],
    location: `mds2-form!C${10 + index}`,
  };
  if (spec.comment) result.comment = spec.comment;
  return result;
}

export const WIN7_BENCHMARK = "CIS Microsoft Windows 7";

function control(
  overrides: Partial<Control> & Pick<Control, "id" | "title">,
): Control {
  return {
    mechanism: "registry",
    key: `HKLM\\Test!${overrides.id}`,
    expected: "1",
    capabilities: [],
    platforms: ["win7", "win10"],
    cis: [],
    questions: [],
    confidence: { fact: "verified", mapping: "high" },
    provenance: "user",
    ...overrides,
  };
}

/** Five controls: two for ALOF (one Windows 10 only), one each for AUTH and PAUT, a secondary one for PLOK. */
export function testMapping(): Mapping {
  return {
    name: "test-mapping",
    controls: [
      control({
        id: "t.alof.timeout",
        title: "Screen saver timeout (user)",
        capabilities: [{ code: "ALOF", role: "primary" }],
        cis: [
          {
            benchmark: WIN7_BENCHMARK,
            version: "3.2.0",
            recommendation: "19.1.3.4",
            level: "L1",
          },
        ],
        tension: "A screen lock can delay care in an emergency department.",
      }),
      control({
        id: "t.alof.inactivity",
        title: "Interactive logon: Machine inactivity limit",
        platforms: ["win10"],
        capabilities: [{ code: "ALOF", role: "primary" }],
      }),
      control({
        id: "t.auth.guest",
        title: "Accounts: Guest account status",
        capabilities: [{ code: "AUTH", role: "primary" }],
        cis: [
          {
            benchmark: WIN7_BENCHMARK,
            version: "3.2.0",
            recommendation: "2.3.1.2",
            level: "L1",
          },
        ],
        tension: "Break-glass accounts need a plan.",
      }),
      control({
        id: "t.paut.length",
        title: "Minimum password length",
        capabilities: [{ code: "PAUT", role: "primary" }],
        cis: [
          {
            benchmark: WIN7_BENCHMARK,
            version: "3.2.0",
            recommendation: "1.1.4",
            level: "L1",
          },
        ],
      }),
      control({
        id: "t.plok.media",
        title: "Devices: Allowed to format and eject removable media",
        capabilities: [{ code: "PLOK", role: "secondary" }],
      }),
    ],
  };
}

export interface RuleSpec {
  recommendation: string;
  title: string;
  result: string;
  level?: string;
}

const XCCDF_NS = "http://checklists.nist.gov/xccdf/1.2";
export const WIN7_BENCHMARK_ID =
  "xccdf_org.cisecurity.benchmarks_benchmark_3.2.0_CIS_Microsoft_Windows_7_Workstation_Benchmark";

/** Builds the rule ID CIS-CAT gives a recommendation: number, level and title words. */
export function ruleId(rule: RuleSpec): string {
  const words = rule.title.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "");
  return `xccdf_org.cisecurity.benchmarks_rule_${rule.recommendation}_${rule.level ?? "L1"}_${words}`;
}

function ruleResults(rules: RuleSpec[], prefix = ""): string {
  return rules
    .map(
      (rule) =>
        `    <${prefix}rule-result idref="${ruleId(rule)}" time="2026-11-30T10:00:00Z" severity="medium" weight="1.0">\n` +
        `      <${prefix}result>${rule.result}</${prefix}result>\n` +
        `    </${prefix}rule-result>`,
    )
    .join("\n");
}

/** Builds a CIS-CAT style XCCDF 1.2 result file: the Benchmark with its TestResult. */
export function xccdfResults(
  rules: RuleSpec[],
  benchmarkId = WIN7_BENCHMARK_ID,
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Benchmark xmlns="${XCCDF_NS}" id="${benchmarkId}" style="SCAP_1.2">
  <status>accepted</status>
  <title>CIS Microsoft Windows 7 Workstation Benchmark</title>
  <version>3.2.0</version>
  <TestResult id="xccdf_org.cisecurity_testresult_1" start-time="2026-11-30T10:00:00Z" end-time="2026-11-30T10:05:00Z">
    <benchmark href="#${benchmarkId}" id="${benchmarkId}"/>
    <title>CIS-CAT results</title>
    <target>DEVICE-01</target>
${ruleResults(rules)}
    <score system="urn:xccdf:scoring:default" maximum="100">50.0</score>
  </TestResult>
</Benchmark>
`;
}

/** Builds an ARF 1.1 collection: the Benchmark in a data stream request, the TestResult in a report. */
export function arfResults(rules: RuleSpec[]): string {
  const ruleDefinitions = rules
    .map(
      (rule) =>
        `            <xccdf:Rule id="${ruleId(rule)}" selected="true">\n` +
        `              <xccdf:title>(${rule.level ?? "L1"}) Ensure '${rule.title}' is set to 'Enabled'</xccdf:title>\n` +
        `            </xccdf:Rule>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<arf:asset-report-collection xmlns:arf="http://scap.nist.gov/schema/asset-reporting-format/1.1"
    xmlns:core="http://scap.nist.gov/schema/reporting-core/1.1"
    xmlns:ai="http://scap.nist.gov/schema/asset-identification/1.1"
    xmlns:ds="http://scap.nist.gov/schema/scap/source/1.2"
    xmlns:xccdf="${XCCDF_NS}">
  <core:relationships>
    <core:relationship type="arfvocab:isAbout" subject="xccdf1">
      <core:ref>asset0</core:ref>
    </core:relationship>
  </core:relationships>
  <arf:report-requests>
    <arf:report-request id="collection1">
      <arf:content>
        <ds:data-stream-collection id="scap_org.cisecurity_collection_1">
          <ds:component id="scap_org.cisecurity_comp_1">
            <xccdf:Benchmark id="${WIN7_BENCHMARK_ID}">
              <xccdf:title>CIS Microsoft Windows 7 Workstation Benchmark</xccdf:title>
              <xccdf:version>3.2.0</xccdf:version>
${ruleDefinitions}
            </xccdf:Benchmark>
          </ds:component>
        </ds:data-stream-collection>
      </arf:content>
    </arf:report-request>
  </arf:report-requests>
  <arf:assets>
    <arf:asset id="asset0">
      <ai:computing-device><ai:fqdn>device-01.example.test</ai:fqdn></ai:computing-device>
    </arf:asset>
  </arf:assets>
  <arf:reports>
    <arf:report id="xccdf1">
      <arf:content>
        <xccdf:TestResult id="xccdf_org.cisecurity_testresult_1">
          <xccdf:benchmark href="#scap_org.cisecurity_comp_1" id="${WIN7_BENCHMARK_ID}"/>
          <xccdf:target>DEVICE-01</xccdf:target>
${ruleResults(rules, "xccdf:")}
        </xccdf:TestResult>
      </arf:content>
    </arf:report>
  </arf:reports>
</arf:asset-report-collection>
`;
}

/** Builds a CSV attestation. With `header` false the header row is left out. */
export function csvAttestation(
  rows: { control: string; result: string; comment?: string }[],
  header = true,
): string {
  const quote = (text: string) =>
    /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  const lines = rows.map((row) =>
    [row.control, row.result, row.comment ?? ""].map(quote).join(","),
  );
  return `${header ? "Control,Result,Comment\n" : ""}${lines.join("\n")}\n`;
}

const tempFolders: string[] = [];

/** Writes files into a new temporary folder and returns their paths by name. */
export async function writeTempFiles(
  files: Record<string, string>,
): Promise<Record<string, string>> {
  const folder = await mkdtemp(join(tmpdir(), "mds2-crossref-"));
  tempFolders.push(folder);
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    await writeFile(path, content);
    paths[name] = path;
  }
  return paths;
}

/** Removes every folder that `writeTempFiles` created. */
export async function removeTempFiles(): Promise<void> {
  const folders = tempFolders.splice(0);
  for (const folder of folders)
    await rm(folder, { recursive: true, force: true });
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
