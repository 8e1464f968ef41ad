/**
 * Reads XCCDF 1.2 results (a `TestResult`, alone or inside its `Benchmark`)
 * and ARF 1.1 `asset-report-collection` files that wrap them, as CIS-CAT
 * writes them.
 */

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Mds2Error } from "../../errors.js";
import type { EvidenceResult } from "../../model/assessment.js";
import type { EvidenceItem, EvidenceSet } from "./types.js";

/** XCCDF 1.2 `result` values and what they mean for a control. */
const XCCDF_RESULTS: Record<string, EvidenceResult> = {
  pass: "pass",
  fixed: "pass",
  fail: "fail",
  error: "error",
  unknown: "error",
  notapplicable: "not-applicable",
  notchecked: "not-checked",
  notselected: "not-checked",
  informational: "not-checked",
};

/** Elements that may repeat; the parser returns them as arrays even when single. */
const REPEATED = new Set([
  "report",
  "TestResult",
  "rule-result",
  "Group",
  "Rule",
  "Benchmark",
]);

type XmlNode = Record<string, unknown>;

interface BenchmarkInfo {
  name?: string;
  version?: string;
  /** Rule titles by rule ID, from the Benchmark's `Rule` elements. */
  ruleTitles: Map<string, string>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

/** Reads CIS-CAT XCCDF or ARF results; throws `evidence.invalid` naming the element at fault. */
export function parseXccdfEvidence(
  bytes: Uint8Array,
  file: string,
): EvidenceSet {
  const text = new TextDecoder("utf-8").decode(bytes);
  // Results files declare no entities, and an entity that expands into more
  // entities can exhaust memory, so any declaration is rejected.
  if (/<!ENTITY/i.test(text)) {
    throw new Mds2Error(
      "evidence.invalid",
      "the XML declares entities (<!ENTITY>)",
      {
        file,
        hint: "Give the results file as CIS-CAT wrote it; results files declare no entities.",
      },
    );
  }

  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new Mds2Error(
      "evidence.invalid",
      `invalid XML: ${validation.err.msg}`,
      {
        file,
        location: `line ${validation.err.line}, column ${validation.err.col}`,
        hint: "Give a CIS-CAT XCCDF or ARF results file.",
      },
    );
  }

  const document = parser.parse(text) as XmlNode;
  const testResults = findTestResults(document);
  if (testResults.length === 0) {
    throw new Mds2Error(
      "evidence.invalid",
      "no XCCDF TestResult element found",
      {
        file,
        hint: "Export the CIS-CAT results as XCCDF or ARF, which contain a TestResult.",
      },
    );
  }

  const items = testResults.flatMap((found, index) =>
    readTestResult(found, testResults.length > 1 ? index + 1 : undefined, file),
  );
  return { files: [file], items };
}

interface FoundTestResult {
  node: XmlNode;
  benchmark: BenchmarkInfo;
}

/** Finds every TestResult: at the root, in a Benchmark, or in the reports of an ARF. */
function findTestResults(document: XmlNode): FoundTestResult[] {
  const benchmarks = collectBenchmarks(document);
  const found: FoundTestResult[] = [];
  walk(document, (name, node, enclosing) => {
    if (name !== "TestResult") return;
    found.push({ node, benchmark: benchmarkOf(node, enclosing, benchmarks) });
  });
  return found;
}

/** Visits every element, passing the nearest enclosing Benchmark. */
function walk(
  node: unknown,
  visit: (name: string, node: XmlNode, enclosing: XmlNode | undefined) => void,
  enclosing?: XmlNode,
): void {
  if (node === null || typeof node !== "object") return;
  for (const [name, value] of Object.entries(node as XmlNode)) {
    if (name.startsWith("@_")) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child === null || typeof child !== "object") continue;
      const element = child as XmlNode;
      visit(name, element, enclosing);
      walk(element, visit, name === "Benchmark" ? element : enclosing);
    }
  }
}

/** Benchmarks by ID, so an ARF TestResult can find the Benchmark it references. */
function collectBenchmarks(document: XmlNode): Map<string, XmlNode> {
  const benchmarks = new Map<string, XmlNode>();
  walk(document, (name, node) => {
    const id = attribute(node, "id");
    if (name === "Benchmark" && id) benchmarks.set(id, node);
  });
  return benchmarks;
}

function benchmarkOf(
  testResult: XmlNode,
  enclosing: XmlNode | undefined,
  benchmarks: Map<string, XmlNode>,
): BenchmarkInfo {
  const reference = testResult["benchmark"] as XmlNode | undefined;
  const referenceId = reference ? attribute(reference, "id") : undefined;
  const href = reference ? attribute(reference, "href") : undefined;
  const definition =
    enclosing ??
    (referenceId ? benchmarks.get(referenceId) : undefined) ??
    singleValue(benchmarks);

  const fromId = parseBenchmarkId(
    referenceId ?? (definition && attribute(definition, "id")),
  );
  const fromHref = parseBenchmarkHref(href);
  const title = definition ? textOf(definition["title"]) : undefined;
  const version = definition ? textOf(definition["version"]) : undefined;

  return {
    name: title ?? fromId.name ?? fromHref.name,
    version: fromId.version ?? fromHref.version ?? version,
    ruleTitles: definition ? collectRuleTitles(definition) : new Map(),
  };
}

function singleValue<T>(map: Map<string, T>): T | undefined {
  return map.size === 1 ? map.values().next().value : undefined;
}

/** `xccdf_org.cisecurity.benchmarks_benchmark_3.2.0_CIS_Microsoft_Windows_7_...` */
function parseBenchmarkId(id: string | undefined): {
  name?: string;
  version?: string;
} {
  const match = id?.match(/_benchmark_(\d+(?:\.\d+)+)_(.+)$/);
  if (!match) return {};
  return { version: match[1], name: match[2]!.replace(/_/g, " ") };
}

/** `CIS_Microsoft_Windows_7_Workstation_Benchmark_v3.2.0-xccdf.xml` or `#xccdf_...` */
function parseBenchmarkHref(href: string | undefined): {
  name?: string;
  version?: string;
} {
  if (!href) return {};
  const fromId = parseBenchmarkId(href.replace(/^#/, ""));
  if (fromId.name) return fromId;
  const base = href.split(/[\\/]/).pop() ?? href;
  const match = base.match(/^(.+?)_v(\d+(?:\.\d+)+)/);
  if (!match) return {};
  return { name: match[1]!.replace(/_/g, " "), version: match[2] };
}

function collectRuleTitles(benchmark: XmlNode): Map<string, string> {
  const titles = new Map<string, string>();
  walk(benchmark, (name, node) => {
    const id = attribute(node, "id");
    const title = textOf(node["title"]);
    if (name === "Rule" && id && title) titles.set(id, title);
  });
  return titles;
}

function readTestResult(
  found: FoundTestResult,
  ordinal: number | undefined,
  file: string,
): EvidenceItem[] {
  const prefix = ordinal === undefined ? "" : `TestResult ${ordinal}, `;
  const ruleResults =
    (found.node["rule-result"] as XmlNode[] | undefined) ?? [];

  return ruleResults.map((ruleResult, index) => {
    const location = `${prefix}rule-result ${index + 1}`;
    const idref = attribute(ruleResult, "idref");
    if (!idref) {
      throw new Mds2Error(
        "evidence.invalid",
        "rule-result has no idref attribute",
        {
          file,
          location,
        },
      );
    }
    const observed = textOf(ruleResult["result"]);
    const result =
      observed === undefined
        ? undefined
        : XCCDF_RESULTS[observed.toLowerCase()];
    if (!result) {
      throw new Mds2Error(
        "evidence.invalid",
        `rule-result ${idref} has result "${observed ?? ""}", not an XCCDF 1.2 result`,
        {
          file,
          location,
          hint: "Expected pass, fail, error, unknown, notapplicable, notchecked, notselected, informational or fixed.",
        },
      );
    }

    const rule = parseCisRuleId(idref);
    const item: EvidenceItem = {
      source: file,
      id: idref,
      result,
      observed,
      location,
    };
    if (rule.recommendation) item.recommendation = rule.recommendation;
    if (rule.level) item.level = rule.level;
    const title = found.benchmark.ruleTitles.get(idref) ?? rule.title;
    if (title) item.title = title;
    if (found.benchmark.name) item.benchmark = found.benchmark.name;
    if (found.benchmark.version)
      item.benchmarkVersion = found.benchmark.version;
    const message = textOf(ruleResult["message"]);
    if (message) item.comment = message;
    return item;
  });
}

/**
 * Splits a CIS rule ID such as
 * `xccdf_org.cisecurity.benchmarks_rule_19.1.3.4_L1_Ensure_Screen_saver_timeout_...`
 * into its recommendation number, profile level and title words.
 */
export function parseCisRuleId(idref: string): {
  recommendation?: string;
  level?: string;
  title?: string;
} {
  const match = idref.match(/_rule_(\d+(?:\.\d+)*)_(?:(L\d|BL|NG)_)?(.*)$/);
  if (!match) return {};
  const title = match[3]!.replace(/_/g, " ").trim();
  return {
    recommendation: match[1],
    ...(match[2] ? { level: match[2] } : {}),
    ...(title ? { title } : {}),
  };
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === "string" && value.trim() !== ""
    ? value.trim()
    : undefined;
}

/** Text of an element that may carry attributes (`{ "#text": ..., "@_lang": ... }`) or repeat. */
function textOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first.trim() || undefined;
  if (typeof first === "number") return String(first);
  if (first && typeof first === "object" && "#text" in first) {
    return textOf((first as XmlNode)["#text"]);
  }
  return undefined;
}
