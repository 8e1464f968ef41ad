import { afterAll, describe, expect, it } from "vitest";
import { isMds2Error } from "../../src/errors.js";
import { builtInMapping } from "../../src/mapping/built-in.js";
import type { Mapping } from "../../src/mapping/control.js";
import { exportMapping } from "../../src/mapping/export/index.js";
import { extendMapping, filterMapping } from "../../src/mapping/index.js";
import {
  MAX_MAPPING_ISSUES,
  MappingValidationError,
  formatMappingIssue,
  loadMapping,
  loadMappingFile,
  type MappingIssue,
} from "../../src/mapping/load/index.js";
import {
  LONG_HEADER,
  LONG_ROWS,
  WIDE_ROWS,
  bytes,
  csvText,
  workbookBytes,
  removeMappingFiles,
  writeMappingFiles,
  type Grid,
} from "../helpers/mapping-fixtures.js";

afterAll(removeMappingFiles);

const ALL_WINDOWS = [
  "winxp",
  "win7",
  "win8.1",
  "win10",
  "win11",
  "winserver",
  "win-embedded",
];

function expectLongControls(mapping: Mapping): void {
  expect(mapping.controls.map((control) => control.id)).toEqual([
    "site.screen-lock",
    "site.password-length",
  ]);
  const [lock, length] = mapping.controls;
  expect(lock!.title).toBe("Screen saver timeout");
  expect(lock!.capabilities).toEqual([
    { code: "ALOF", role: "primary" },
    { code: "PAUT", role: "secondary" },
  ]);
  expect(lock!.platforms).toEqual(["win7", "win10"]);
  expect(lock!.cis).toEqual([
    {
      benchmark: "unspecified",
      version: "unspecified",
      recommendation: "19.1.3.4",
    },
  ]);
  expect(lock!.questions).toEqual(["ALOF-1"]);
  expect(lock!.provenance).toBe("user");
  expect(lock!.confidence).toEqual({ fact: "known", mapping: "high" });

  expect(length!.capabilities).toEqual([{ code: "PAUT", role: "primary" }]);
  expect(length!.platforms).toEqual(ALL_WINDOWS);
  expect(length!.cis).toEqual([
    {
      benchmark: "CIS Microsoft Windows 7",
      version: "3.2.0",
      recommendation: "1.1.4",
      level: "L1",
    },
    {
      benchmark: "unspecified",
      version: "unspecified",
      recommendation: "1.2",
      section: true,
    },
  ]);
  expect(length!.questions).toEqual(["PAUT-6", "PAUT-7"]);
}

function expectWideControls(mapping: Mapping): void {
  // The section heading row "1 Account Policies" has no mark and is left out.
  expect(mapping.controls.map((control) => control.id)).toEqual([
    "cis.1.1.1",
    "cis.1.1.4",
    "cis.19.1.3.4",
  ]);
  const [history, length, screen] = mapping.controls;
  expect(history!.title).toBe("Enforce password history");
  expect(history!.capabilities).toEqual([{ code: "PAUT", role: "primary" }]);
  expect(length!.capabilities).toEqual([
    { code: "AUTH", role: "secondary" },
    { code: "PAUT", role: "primary" },
  ]);
  expect(screen!.capabilities).toEqual([
    { code: "ALOF", role: "primary" },
    { code: "PAUT", role: "primary" },
  ]);
  expect(screen!.cis).toEqual([
    {
      benchmark: "unspecified",
      version: "unspecified",
      recommendation: "19.1.3.4",
    },
  ]);
}

describe("loadMapping, long form", () => {
  it("reads CSV", async () => {
    const mapping = await loadMapping(
      bytes(csvText(LONG_ROWS)),
      "controls.csv",
    );
    expect(mapping.name).toBe("controls.csv");
    expectLongControls(mapping);
  });

  it("reads semicolon-separated CSV with a byte order mark", async () => {
    const text = `\uFEFF${LONG_ROWS.map((row) => row.map((cell) => `"${cell}"`).join(";")).join("\n")}`;
    expectLongControls(await loadMapping(bytes(text), "controls.csv"));
  });

  it("reads XLSX", async () => {
    const workbook = await workbookBytes([
      { name: "Controls", rows: LONG_ROWS },
    ]);
    expectLongControls(await loadMapping(workbook, "controls.xlsx"));
  });

  it("skips a read-me sheet without a header", async () => {
    const workbook = await workbookBytes([
      {
        name: "Read me",
        rows: [["This workbook maps settings to capabilities."]],
      },
      { name: "Controls", rows: LONG_ROWS },
    ]);
    expectLongControls(await loadMapping(workbook, "controls.xlsx"));
  });

  it("finds a header below title rows", async () => {
    const rows: Grid = [["Site mapping, reviewed 2026"], [], ...LONG_ROWS];
    expectLongControls(await loadMapping(bytes(csvText(rows)), "controls.csv"));
  });
});

describe("loadMapping, capability grid", () => {
  it("reads CSV", async () => {
    expectWideControls(
      await loadMapping(bytes(csvText(WIDE_ROWS)), "matrix.csv"),
    );
  });

  it("reads XLSX", async () => {
    const workbook = await workbookBytes([
      { name: "Win7 v2.1.0", rows: WIDE_ROWS },
    ]);
    expectWideControls(await loadMapping(workbook, "matrix.xlsx"));
  });

  it("accepts decorated capability headers", async () => {
    const rows: Grid = [
      ["Control ID", "Title", "ALOF (5.1)", "PAUT - Person authentication"],
      ["site.lock", "Lock", "X", ""],
    ];
    const mapping = await loadMapping(bytes(csvText(rows)), "matrix.csv");
    expect(mapping.controls[0]!.capabilities).toEqual([
      { code: "ALOF", role: "primary" },
    ]);
  });

  it.each(["x", "X", "1", "✓", "✔", "yes", "P", "primary"])(
    "reads mark %s as primary",
    async (mark) => {
      const rows: Grid = [
        ["ID", "ALOF", "AUDT"],
        ["site.a", mark, ""],
      ];
      const mapping = await loadMapping(bytes(csvText(rows)), "marks.csv");
      expect(mapping.controls[0]!.capabilities).toEqual([
        { code: "ALOF", role: "primary" },
      ]);
    },
  );

  it.each(["S", "s", "secondary"])(
    "reads mark %s as secondary",
    async (mark) => {
      const rows: Grid = [
        ["ID", "ALOF", "AUDT"],
        ["site.a", mark, ""],
      ];
      const mapping = await loadMapping(bytes(csvText(rows)), "marks.csv");
      expect(mapping.controls[0]!.capabilities).toEqual([
        { code: "ALOF", role: "secondary" },
      ]);
    },
  );
});

describe("loadMapping, JSON", () => {
  it("reads the export format", async () => {
    const document = {
      name: "site mapping",
      controls: [
        {
          id: "site.lock",
          title: "Lock",
          mechanism: "registry",
          capabilities: [{ code: "ALOF", role: "primary" }],
          platforms: ["win7"],
          cis: [
            {
              benchmark: "CIS Microsoft Windows 7",
              version: "3.2.0",
              recommendation: "19.1.3.4",
            },
          ],
          questions: ["alof-1"],
          confidence: { fact: "verified", mapping: "medium" },
          sections: ["RMOT"],
        },
      ],
    };
    const mapping = await loadMapping(
      bytes(JSON.stringify(document)),
      "mapping.json",
    );
    expect(mapping.name).toBe("site mapping");
    expect(mapping.controls[0]).toEqual({
      id: "site.lock",
      title: "Lock",
      mechanism: "registry",
      key: "",
      expected: "",
      capabilities: [{ code: "ALOF", role: "primary" }],
      platforms: ["win7"],
      cis: [
        {
          benchmark: "CIS Microsoft Windows 7",
          version: "3.2.0",
          recommendation: "19.1.3.4",
        },
      ],
      questions: ["ALOF-1"],
      sections: ["RMOT"],
      confidence: { fact: "verified", mapping: "medium" },
      provenance: "user",
    });
  });

  it("reads a bare array with short capability and CIS spellings", async () => {
    const document = [
      {
        id: "site.lock",
        capabilities: ["ALOF", "paut"],
        cis: ["v3.2.0 19.1.3.4"],
      },
    ];
    const mapping = await loadMapping(
      bytes(JSON.stringify(document)),
      "mapping.json",
    );
    expect(mapping.controls[0]!.capabilities).toEqual([
      { code: "ALOF", role: "primary" },
      { code: "PAUT", role: "primary" },
    ]);
    expect(mapping.controls[0]!.cis).toEqual([
      {
        benchmark: "unspecified",
        version: "3.2.0",
        recommendation: "19.1.3.4",
      },
    ]);
  });
});

describe("loadMapping round trip", () => {
  it.each(["json", "csv"] as const)(
    "reloads the %s export of every built-in row",
    async (format) => {
      const builtIn = builtInMapping({ includeLow: true });
      const text = exportMapping(builtIn, format);
      const reloaded = await loadMapping(bytes(text), `built-in.${format}`);
      expect(reloaded.controls).toEqual(builtIn.controls);
    },
  );
});

async function issuesOf(
  content: string | Uint8Array,
  file: string,
): Promise<MappingIssue[]> {
  const data = typeof content === "string" ? bytes(content) : content;
  const error = await loadMapping(data, file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MappingValidationError);
  return [...(error as MappingValidationError).issues];
}

function longCsv(...rows: string[][]): string {
  return csvText([LONG_HEADER, ...rows]);
}

describe("loadMapping row errors", () => {
  it.each([
    {
      kind: "unknown capability code",
      row: ["site.a", "A", "ALOFF", "", "", "", ""],
      field: "capability",
      message: /^"ALOFF" is not a capability code; use one of ALOF, AUDT, AUTH/,
    },
    {
      kind: "missing control id",
      row: ["", "A", "ALOF", "", "", "", ""],
      field: "id",
      message: /^is missing; give every row a control ID$/,
    },
    {
      kind: "control id with spaces",
      row: ["site a", "A", "ALOF", "", "", "", ""],
      field: "id",
      message: /^"site a" is not a valid control ID/,
    },
    {
      kind: "missing capability",
      row: ["site.a", "A", "", "", "", "", ""],
      field: "capability",
      message: /^is missing; name one capability code$/,
    },
    {
      kind: "bad role",
      row: ["site.a", "A", "ALOF", "boss", "", "", ""],
      field: "role",
      message: /^"boss" is not a role; use primary \(P\) or secondary \(S\)$/,
    },
    {
      kind: "bad platform",
      row: ["site.a", "A", "ALOF", "", "win99", "", ""],
      field: "platforms",
      message: /^"win99" is not a platform; use one of .*win7/,
    },
    {
      kind: "bad question ID",
      row: ["site.a", "A", "ALOF", "", "", "", "ALOF-1x"],
      field: "questions",
      message: /^"ALOF-1x" is not an MDS2 2019 question ID/,
    },
    {
      kind: "question ID the form lacks",
      row: ["site.a", "A", "ALOF", "", "", "", "ALOF-99"],
      field: "questions",
      message: /^"ALOF-99" is not an MDS2 2019 question ID/,
    },
    {
      kind: "bad CIS number",
      row: ["site.a", "A", "ALOF", "", "", "section nine", ""],
      field: "cis",
      message: /^"section nine" is not a CIS recommendation number/,
    },
  ])(
    "names file, row and field for a $kind",
    async ({ row, field, message }) => {
      const issues = await issuesOf(longCsv(row), "controls.csv");
      expect(issues).toHaveLength(1);
      expect(issues[0]!.file).toBe("controls.csv");
      expect(issues[0]!.location).toBe("row 2");
      expect(issues[0]!.field).toBe(field);
      expect(issues[0]!.message).toMatch(message);
    },
  );

  it("formats an issue as one line", async () => {
    const [issue] = await issuesOf(
      longCsv(["site.a", "", "ALOFF", "", "", "", ""]),
      "controls.csv",
    );
    expect(formatMappingIssue(issue!)).toMatch(
      /^controls\.csv: row 2, field capability: "ALOFF" is not a capability code; use one of ALOF, AUDT, /,
    );
  });

  it("reports the same capability twice for one control", async () => {
    const issues = await issuesOf(
      longCsv(
        ["site.a", "A", "ALOF", "", "", "", ""],
        ["site.a", "A", "ALOF", "S", "", "", ""],
      ),
      "controls.csv",
    );
    expect(issues).toEqual([
      {
        file: "controls.csv",
        location: "row 3",
        field: "capability",
        message:
          'control "site.a" already maps to ALOF at row 2; list each capability once per control',
      },
    ]);
  });

  it("reports a duplicate grid row", async () => {
    const rows: Grid = [
      ["ID", "ALOF", "AUDT"],
      ["site.a", "x", ""],
      ["site.a", "", "x"],
    ];
    const issues = await issuesOf(csvText(rows), "matrix.csv");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ location: "row 3", field: "id" });
    expect(issues[0]!.message).toBe(
      'control ID "site.a" already appears at row 2; give each control one ID',
    );
  });

  it("reports a duplicate JSON control", async () => {
    const document = {
      controls: [
        { id: "a", capabilities: ["ALOF"] },
        { id: "a", capabilities: ["AUDT"] },
      ],
    };
    const issues = await issuesOf(JSON.stringify(document), "mapping.json");
    expect(issues).toEqual([
      {
        file: "mapping.json",
        location: "controls[1]",
        field: "id",
        message:
          'control ID "a" already appears at controls[0]; give each control one ID',
      },
    ]);
  });

  it("reports an unreadable grid mark under its capability column", async () => {
    const rows: Grid = [
      ["ID", "ALOF", "AUDT"],
      ["site.a", "maybe", "x"],
    ];
    const issues = await issuesOf(csvText(rows), "matrix.csv");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ location: "row 2", field: "ALOF" });
    expect(issues[0]!.message).toMatch(/^"maybe" is not a mark; use x, 1 or ✓/);
  });

  it("reports a missing ID in a grid without CIS numbers", async () => {
    const rows: Grid = [
      ["ID", "Recommendation", "ALOF", "AUDT"],
      ["", "", "x", ""],
    ];
    const issues = await issuesOf(csvText(rows), "matrix.csv");
    expect(issues[0]).toMatchObject({ location: "row 2", field: "id" });
  });

  it("names the sheet for workbook rows", async () => {
    const workbook = await workbookBytes([
      {
        name: "Controls",
        rows: [LONG_HEADER, ["site.a", "A", "ALOFF", "", "", "", ""]],
      },
    ]);
    const issues = await issuesOf(workbook, "controls.xlsx");
    expect(issues[0]).toMatchObject({
      file: "controls.xlsx",
      location: "sheet Controls, row 2",
      field: "capability",
    });
  });

  it("names the JSON path of a bad field", async () => {
    const document = {
      controls: [{ id: "a", capabilities: [{ code: "ALOF", role: "boss" }] }],
    };
    const issues = await issuesOf(JSON.stringify(document), "mapping.json");
    expect(issues[0]).toMatchObject({
      location: "controls[0]",
      field: "capabilities[0].role",
    });
  });

  it("collects every row error, not just the first", async () => {
    const issues = await issuesOf(
      longCsv(
        ["site.a", "A", "ALOFF", "", "", "", ""],
        ["site.b", "B", "ALOF", "", "", "", ""],
        ["", "C", "ALOF", "", "", "", ""],
        ["site.d", "D", "ALOF", "boss", "win99", "", ""],
      ),
      "controls.csv",
    );
    expect(issues.map((issue) => `${issue.location} ${issue.field}`)).toEqual([
      "row 2 capability",
      "row 4 id",
      "row 5 role",
      "row 5 platforms",
    ]);
  });

  it("stops collecting at the limit", async () => {
    const rows = Array.from({ length: MAX_MAPPING_ISSUES + 20 }, (_, index) => [
      `site.${index}`,
      "",
      "NOPE",
      "",
      "",
      "",
      "",
    ]);
    const error = await loadMapping(bytes(longCsv(...rows)), "many.csv").catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MappingValidationError);
    const failure = error as MappingValidationError;
    expect(failure.issues).toHaveLength(MAX_MAPPING_ISSUES);
    expect(failure.truncated).toBe(true);
    expect(failure.code).toBe("mapping.invalid");
    expect(failure.toLine()).toMatch(
      /^many\.csv: row 2, field capability: .* more row errors; run mds2 mapping validate many\.csv/,
    );
  });
});

describe("loadMapping file errors", () => {
  it.each([
    {
      kind: "empty file",
      content: "",
      file: "empty.csv",
      message: /the mapping file is empty/,
    },
    {
      kind: "wrong header",
      content: "foo,bar\n1,2\n",
      file: "wrong.csv",
      message: /row 1: no mapping header row found/,
    },
    {
      kind: "header only",
      content: csvText([LONG_HEADER]),
      file: "header.csv",
      message: /the mapping has no controls/,
    },
    {
      kind: "bad JSON",
      content: '{ "controls": [',
      file: "bad.json",
      message: /the file is not valid JSON/,
    },
    {
      kind: "JSON without controls",
      content: '{ "rows": [] }',
      file: "rows.json",
      message: /has no "controls" array/,
    },
    {
      kind: "binary",
      content: new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8]),
      file: "blob.bin",
      message: /not a CSV, XLSX or JSON/,
    },
  ])(
    "rejects a $kind as mapping.invalid",
    async ({ content, file, message }) => {
      const data = typeof content === "string" ? bytes(content) : content;
      const error = await loadMapping(data, file).catch(
        (caught: unknown) => caught,
      );
      expect(isMds2Error(error)).toBe(true);
      if (!isMds2Error(error)) return;
      expect(error.code).toBe("mapping.invalid");
      expect(error.file).toBe(file);
      expect(error.toLine()).toMatch(message);
    },
  );

  it("rejects a workbook without a header on any sheet", async () => {
    const workbook = await workbookBytes([
      { name: "Notes", rows: [["nothing here"]] },
    ]);
    const error = await loadMapping(workbook, "notes.xlsx").catch(
      (caught: unknown) => caught,
    );
    expect(isMds2Error(error)).toBe(true);
    if (!isMds2Error(error)) return;
    expect(error.code).toBe("mapping.invalid");
    expect(error.toLine()).toMatch(
      /^notes\.xlsx: sheet Notes, row 1: no sheet has a mapping header row/,
    );
  });

  it("reads a file from disk", async () => {
    const paths = await writeMappingFiles({
      "controls.csv": csvText(LONG_ROWS),
    });
    expectLongControls(await loadMappingFile(paths["controls.csv"]!));
  });

  it("reports a missing file", async () => {
    const error = await loadMappingFile("/nonexistent/controls.csv").catch(
      (caught: unknown) => caught,
    );
    expect(isMds2Error(error)).toBe(true);
    if (!isMds2Error(error)) return;
    expect(error.code).toBe("input.not-found");
  });
});

describe("extendMapping", () => {
  it("replaces controls by ID and appends new ones", async () => {
    const base = builtInMapping();
    const extra = await loadMapping(
      bytes(
        longCsv(
          [
            "win.screensaver.timeout",
            "Site timeout",
            "ALOF",
            "",
            "win7",
            "",
            "",
          ],
          ["site.new", "New", "AUDT", "", "", "", ""],
        ),
      ),
      "site.csv",
    );
    const extended = extendMapping(base, extra);
    expect(extended.controls).toHaveLength(base.controls.length + 1);
    expect(extended.controls[0]!.title).toBe("Site timeout");
    expect(extended.controls.at(-1)!.id).toBe("site.new");
    expect(extended.name).toBe("built-in + site.csv");
  });
});

describe("filterMapping", () => {
  it("selects by capability and platform", () => {
    const filtered = filterMapping(builtInMapping(), {
      capability: "alof",
      platforms: ["win7"],
    });
    const ids = filtered.controls.map((control) => control.id);
    expect(ids).toContain("win.screensaver.timeout");
    expect(ids).not.toContain("win.logon.machine-inactivity-limit");
    expect(ids.length).toBe(13);
  });
});
