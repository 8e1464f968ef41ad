import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "../../src/crossref/index.js";
import { builtInMapping } from "../../src/mapping/built-in.js";
import {
  CAPABILITY_STATUSES,
  type Assessment,
} from "../../src/model/assessment.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import { parseFile } from "../../src/parse.js";
import { renderHtml } from "../../src/render/html/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const nema = path.join(
  root,
  "../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);

let disclosure: Disclosure;
let assessment: Assessment;
let html = "";
beforeAll(async () => {
  disclosure = await parseFile(nema);
  assessment = assess(disclosure, {
    mapping: builtInMapping(),
    today: "2026-01-01",
  });
  html = renderHtml(disclosure, assessment);
});

describe("renderHtml on the NEMA example", () => {
  it("lists all 240 answers in the appendix", () => {
    expect(disclosure.answers).toHaveLength(240);
    for (const answer of disclosure.answers) {
      expect(html).toContain(
        `<tr id="answer-${answer.id}" data-question="${answer.id}">`,
      );
    }
  });

  it("shows one row per finding", () => {
    const rows = html.match(/<tr id="finding-[^"]+" class="finding"/g) ?? [];
    expect(rows).toHaveLength(assessment.findings.length);
    expect(html).toContain(`data-count="${assessment.findings.length}"`);
  });

  it("counts each status in the chart", () => {
    for (const status of CAPABILITY_STATUSES) {
      const count = assessment.summary.byStatus[status];
      expect(html).toContain(`data-status="${status}" data-count="${count}"`);
    }
  });

  it("shows an article per capability", () => {
    for (const capability of assessment.capabilities) {
      expect(html).toContain(`id="cap-${capability.code}"`);
    }
  });

  it("shows the device fields the form gives", () => {
    expect(html).toContain("Handheld Blood Glucose Monitor");
    expect(html).toContain("2019-10-09");
    expect(html).toContain(disclosure.source.sha256);
  });

  it("points every internal link at an element", () => {
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(html).toContain(`id="${target}"`);
  });
});
