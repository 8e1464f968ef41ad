import { describe, expect, it } from "vitest";
import { linkify, renderHtml, safeHref } from "../../src/render/html/index.js";
import { CAPABILITY_STATUSES, SEVERITIES } from "../../src/model/assessment.js";
import {
  HOSTILE_NOTE,
  sampleAssessment,
  sampleDisclosure,
} from "../helpers/sample-report.js";

const disclosure = sampleDisclosure();
const assessment = sampleAssessment();
const html = renderHtml(disclosure, assessment);

/** Text between the first `<tag ...class="name"` and its closing tag. */
function block(tag: string, marker: string): string {
  const start = html.indexOf(marker);
  expect(start, `${marker} is present`).toBeGreaterThanOrEqual(0);
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;")
    .replaceAll("`", "&#x60;")
    .replaceAll("=", "&#x3D;");
}

describe("renderHtml", () => {
  it("starts with a doctype and a restrictive CSP", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
  });

  it("loads nothing from outside the file", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<iframe\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  });

  it.each([
    ["manufacturer", escapeHtml(disclosure.device.manufacturer ?? "")],
    ["model", "Infusor X1"],
    ["document ID", "ACME-MDS2-0042"],
    ["release date", "2021-03-15"],
    ["edition", "HN 1-2019"],
    ["source file", "acme-infusor-x1.xlsx"],
    ["sha256", disclosure.source.sha256],
    ["platform", "Windows 7"],
    ["platform detection", "detected from the disclosure text"],
  ])("shows the %s", (_field, text) => {
    expect(html).toContain(text);
  });

  it("counts answers the vendor hid", () => {
    expect(html).toContain("Answers whose value the vendor hid: 1.");
    const row = block("tr", 'id="answer-DOC-4"');
    expect(row).toContain("(hidden by the vendor)");
    expect(row).toContain('<span class="answer answer-text">Hidden</span>');
  });

  it("lists every answer ID in the appendix", () => {
    const appendix = block("table", 'class="appendix"');
    for (const answer of disclosure.answers) {
      expect(appendix).toContain(
        `<tr id="answer-${answer.id}" data-question="${answer.id}">`,
      );
      expect(appendix).toContain(
        `<td class="location">${answer.location}</td>`,
      );
    }
  });

  it("shows one row per finding, most severe first", () => {
    const table = block("table", 'class="findings"');
    const severities = [
      ...table.matchAll(/class="finding" data-severity="(\w+)"/g),
    ].map((match) => match[1]);
    expect(severities).toHaveLength(assessment.findings.length);
    const ranks = severities.map((severity) =>
      SEVERITIES.indexOf(severity as never),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(html).toContain(`data-count="${assessment.findings.length}"`);
  });

  it("sorts findings of one severity by capability, device-wide last", () => {
    const table = block("table", 'class="findings"');
    const ids = [...table.matchAll(/<tr id="finding-([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(ids).toEqual([
      "F-ALOF-2",
      "F-AUDT-3",
      "F-DEVICE-6",
      "F-AUDT-1",
      "F-STCF-4",
      "F-PLOK-5",
    ]);
  });

  it("links findings to their capability and answer rows", () => {
    const row = block("tr", 'id="finding-F-AUDT-3"');
    expect(row).toContain('href="#cap-AUDT"');
    expect(row).toContain('href="#answer-AUDT-1"');
    expect(row).toContain('href="#answer-AUDT-1.1"');
    expect(html).toContain('id="cap-AUDT"');
    expect(html).toContain('id="answer-AUDT-1.1"');
  });

  it.each(CAPABILITY_STATUSES.map((status) => [status]))(
    "counts status %s in the chart and its text",
    (status) => {
      const expected = assessment.capabilities.filter(
        (c) => c.status === status,
      ).length;
      expect(html).toContain(
        `data-status="${status}" data-count="${expected}"`,
      );
      const counts = block("table", 'class="status-counts"');
      const row = counts.slice(counts.indexOf(`data-status="${status}"`));
      expect(row).toMatch(
        new RegExp(`^data-status="${status}"><td>.*?</td><td>${expected}</td>`),
      );
    },
  );

  it("describes the chart in text", () => {
    const chart = block("svg", "<svg");
    expect(chart).toContain('role="img"');
    expect(chart).toContain('aria-labelledby="chart-title chart-desc"');
    expect(chart).toContain(
      "Contradicted: 1, Gap: 1, Unsupported: 1, Unverified: 3, Verified: 1",
    );
    expect(chart).toContain("ALOF Contradicted, AUDT Gap, AUTH Verified");
  });

  it("draws one chip per capability", () => {
    const chips = [
      ...html.matchAll(/class="chart-chip" data-capability="(\w+)"/g),
    ];
    expect(chips.map((match) => match[1])).toEqual(
      assessment.capabilities.map((c) => c.code),
    );
  });

  it("separates applicable and reference-only controls", () => {
    const alof = block("article", 'id="cap-ALOF"');
    const reference = alof.indexOf("Reference only");
    expect(reference).toBeGreaterThan(0);
    expect(alof.indexOf("win.screensaver.timeout")).toBeLessThan(reference);
    expect(alof.indexOf("winxp.screensaver.secure")).toBeGreaterThan(reference);
    expect(alof).toContain("CIS Microsoft Windows 7 Benchmark 3.2.0 § 2.3.7.3");
    expect(alof).toContain(
      "A short timeout may lock a clinician out during a procedure.",
    );
    expect(alof).toContain('<span class="result result-fail">Fail</span>');
  });

  it("shows raw text only where it adds to the value", () => {
    const alof = block("article", 'id="cap-ALOF"');
    expect(alof).not.toContain("“Yes”");
    expect(block("tr", 'id="answer-STCF-1"')).toContain("“Maybe?”");
    expect(block("tr", 'id="answer-MLDP-2"')).not.toContain("“");
  });

  it("shows note text in capability parts, links in the appendix", () => {
    const alof = block("article", 'id="cap-ALOF"');
    expect(alof).toContain("Logoff after 15 minutes of inactivity.");
    const appendixRow = block("tr", 'id="answer-ALOF-1"');
    expect(appendixRow).toContain('<a href="#note-1">Note 1</a>');
    expect(appendixRow).not.toContain("Logoff after 15 minutes");
  });

  it("marks a note that is referenced but not given", () => {
    const capabilityRow = block("tr", 'data-question="MLDP-1"');
    expect(capabilityRow).toContain("Note 4 is referenced but not given.");
    const appendixRow = block("tr", 'id="answer-MLDP-1"');
    expect(appendixRow).toContain(
      '<p class="note-ref missing">Note 4: not given</p>',
    );
  });

  it("shows answers with raw text, comment and note text", () => {
    const alof = block("article", 'id="cap-ALOF"');
    expect(alof).toContain("“Yes,15 minutes”");
    expect(alof).toContain('<span class="comment">15 minutes</span>');
    expect(alof).toContain("Logoff after 15 minutes of inactivity.");
  });

  it("lists problems found while reading", () => {
    const problems = block("table", 'class="problems"');
    for (const problem of disclosure.problems) {
      expect(problems).toContain(`<code>${problem.code}</code>`);
    }
    expect(problems).toContain('href="#answer-STCF-1"');
  });

  it("escapes hostile vendor text", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain(
      "&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt;",
    );
    expect(html).toContain("javascript:alert(document.domain)");
  });

  it("isolates the direction of vendor text", () => {
    const rtl = structuredClone(sampleDisclosure());
    rtl.device.manufacturer = "Evil Corp\u202Egpj.exe";
    rtl.answers[0]!.comment = "\u202Eevil";
    const page = renderHtml(rtl, assessment);

    expect(page).toMatch(
      /\.answer, \.raw, \.comment, \.note-text, \.message, \.location \{ unicode-bidi: isolate; \}/,
    );
    expect(page).toContain(
      "<h1>MDS2 report: <bdi>Evil Corp\\u202Egpj.exe</bdi> <bdi>Infusor X1</bdi></h1>",
    );
    expect(page).toContain(
      "<title>MDS2 report: Evil Corp\\u202Egpj.exe Infusor X1</title>",
    );
    expect(page).toContain('<span class="comment">\\u202Eevil</span>');
  });

  it.each([
    ["ESC", "\u001B", "\\u001B"],
    ["BEL", "\u0007", "\\u0007"],
    ["DEL", "\u007F", "\\u007F"],
    ["CSI (C1)", "\u009B", "\\u009B"],
    ["right-to-left override", "\u202E", "\\u202E"],
    ["right-to-left embedding", "\u202B", "\\u202B"],
    ["first strong isolate", "\u2068", "\\u2068"],
  ])("shows %s in vendor text as an escape", (_name, control, escaped) => {
    const hostile = structuredClone(sampleDisclosure());
    hostile.device.model = `X${control}1`;
    hostile.notes[0]!.text = `Note${control}text`;
    const page = renderHtml(hostile, assessment);

    expect(page.includes(control), "raw control in the page").toBe(false);
    expect(page).toContain(`<title>MDS2 report: Acme`);
    expect(page).toContain(`X${escaped}1</title>`);
    expect(page).toContain(`Note${escaped}text`);
  });

  it("escapes direction marks in the title only", () => {
    const marked = structuredClone(sampleDisclosure());
    marked.device.model = "X\u200F1";
    const page = renderHtml(marked, assessment);
    const title = page.slice(page.indexOf("<title>"), page.indexOf("</title>"));

    expect(title).toContain("X\\u200F1");
    expect(page).toContain("<bdi>X\u200F1</bdi>");
  });

  it("keeps tabs and line feeds in note text", () => {
    const lines = structuredClone(sampleDisclosure());
    lines.notes[0]!.text = "first\r\nsecond\tthird";
    const page = renderHtml(lines, assessment);

    expect(page).toContain("first\nsecond\tthird");
  });

  it("links only http(s) URLs in vendor text", () => {
    expect(html).toContain(
      '<a href="https://vendor.example/security?a&#x3D;1&amp;b&#x3D;2" rel="noopener noreferrer">',
    );
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(
      (match) => match[1] ?? "",
    );
    for (const href of hrefs) expect(href).toMatch(/^(#|https?:\/\/)/);
  });

  it("points every internal link at an element", () => {
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(html).toContain(`id="${target}"`);
  });

  it("keeps every id unique", () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("renders the same bytes twice", () => {
    expect(renderHtml(disclosure, assessment)).toBe(html);
  });
});

describe("safeHref", () => {
  it.each([
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["http://example.com", "http://example.com/"],
    ["  https://example.com/x ", "https://example.com/x"],
    ["javascript:alert(1)", "#"],
    ["JavaScript:alert(1)", "#"],
    ["data:text/html,<b>x</b>", "#"],
    ["vbscript:msgbox", "#"],
    ["file:///etc/passwd", "#"],
    ["//example.com", "#"],
    ["/relative", "#"],
    ["", "#"],
  ])("maps %j to %j", (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it("returns # for values that are not strings", () => {
    expect(safeHref(undefined)).toBe("#");
    expect(safeHref({ toString: () => "https://x.example" })).toBe("#");
  });
});

describe("linkify", () => {
  it("splits text around http(s) URLs", () => {
    expect(
      linkify("See https://a.example/x. Then javascript:alert(1)"),
    ).toEqual([
      { text: "See " },
      { text: "https://a.example/x", href: "https://a.example/x" },
      { text: ". Then javascript:alert(1)" },
    ]);
  });

  it("returns no segments for empty text", () => {
    expect(linkify("")).toEqual([]);
  });
});

export { HOSTILE_NOTE };
