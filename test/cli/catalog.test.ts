import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HN1_2019 } from "../../src/forms/hn1-2019/index.js";
import { SEVERITIES } from "../../src/model/assessment.js";
import {
  IMAGING_WORKSTATION,
  INFUSION_PUMP,
  sampleVariant,
  type Sample2019Profile,
} from "../../src/samples/hn1-2019-profiles.js";
import { sampleFormFromProfile } from "../../src/samples/hn1-2019-sample-form.js";
import { writeHn12019Text } from "../../src/samples/hn1-2019-text.js";
import { NEMA_2019_XLSX } from "../helpers/workbook-fixtures.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, "../../dist/cli/main.js");

const HOSTILE_MANUFACTURER = '=HYPERLINK("http://example.invalid","open")';
const HOSTILE_MODEL = "Evil\u001b[31mRED";

/** The infusion pump's later form: automatic logoff claimed, passwords changeable, one note reworded. */
const PUMP_2023: Sample2019Profile = {
  ...INFUSION_PUMP,
  device: {
    ...INFUSION_PUMP.device,
    documentId: "HIS-220-MDS2-2023",
    releaseDate: "2023-03-01",
  },
  answers: {
    ...INFUSION_PUMP.answers,
    "ALOF-1": "Yes",
    "ALOF-2": "Yes",
    "PAUT-5": "Yes",
  },
  notes: INFUSION_PUMP.notes.map((note) =>
    note.number === 4
      ? { ...note, text: "www.harbor-infusion.example/psirt" }
      : note,
  ),
};

/** A second workstation model that denies every malware protection question. */
function workstationWithoutMalwareProtection(): Sample2019Profile {
  const variant = sampleVariant(IMAGING_WORKSTATION, 7, 0, false);
  const answers = { ...variant.answers };
  for (const question of HN1_2019.questions) {
    if (
      question.section === "MLDP" &&
      question.kind === "yes-no" &&
      question.id !== "MLDP-1"
    )
      answers[question.id] = "No";
  }
  return { ...variant, answers };
}

const HOSTILE: Sample2019Profile = {
  ...INFUSION_PUMP,
  device: {
    ...INFUSION_PUMP.device,
    manufacturer: HOSTILE_MANUFACTURER,
    model: HOSTILE_MODEL,
    documentId: "EVIL-1",
  },
};

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;
let catalogHash: string;

function mds2(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: work, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function writeForm(
  name: string,
  profile: Sample2019Profile,
): Promise<void> {
  const text = writeHn12019Text(sampleFormFromProfile(profile));
  await writeFile(path.join(work, "in", name), text);
}

async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

function catalogFile(): string {
  return path.join(work, "out", "catalog.sqlite");
}

async function json(args: string[]): Promise<Record<string, unknown>> {
  const result = await mds2([...args, "--json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

interface DeviceRecord {
  id: number;
  manufacturer: string;
  model: string;
  disclosures: number;
  latest: {
    id: number;
    documentId: string;
    releaseDate: string;
    edition: string;
  };
  findings: Record<string, number>;
  capabilities: Record<string, string>;
}

interface FindingEntry {
  device: { id: number; manufacturer: string; model: string };
  disclosure: { id: number; documentId: string; latest: boolean };
  finding: { id: string; kind: string; severity: string; message: string };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "mds2-catalog-"));
  await mkdir(path.join(work, "in"));
  await writeForm("pump-2021.txt", INFUSION_PUMP);
  await writeForm("workstation.txt", IMAGING_WORKSTATION);
  await writeForm("workstation-b.txt", workstationWithoutMalwareProtection());
  await writeForm("hostile.txt", HOSTILE);
  await writeFile(
    path.join(work, "in", "meeting-notes.txt"),
    "Notes from the biomed meeting.\nOrder two spare pumps.\n",
  );
  const workbook = await readFile(NEMA_2019_XLSX);
  await writeFile(
    path.join(work, "in", "broken.xlsx"),
    workbook.subarray(0, Math.floor(workbook.length / 2)),
  );
  const batch = ["batch", "in", "-o", "out", "--jobs", "1"];
  const first = await mds2(batch);
  expect(first.stderr).toContain("parsed 4, skipped 1, failed 1");

  // The later form of the pump arrives in a second run.
  await writeForm("pump-2023.txt", PUMP_2023);
  const second = await mds2(batch);
  expect(second.stderr).toContain("parsed 1,");
  catalogHash = await sha256(catalogFile());
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 catalog devices", () => {
  it("lists each device with its latest disclosure", async () => {
    const { stdout, code } = await mds2(["catalog", "devices", "out"]);
    expect(code).toBe(0);
    const pump = stdout.split("\n").find((line) => line.includes("HIS-220 "));
    expect(pump).toMatch(
      /^\d+\s+Harbor Infusion Systems\s+HIS-220\s+HIS-220-MDS2-2023\s+2023-03-01\s+HN 1-2019\s/,
    );
    expect(stdout).not.toContain("HIS-220-MDS2-2021");
    expect(stdout).toContain("\n4 devices\n");
  });

  it("prints JSON with counts, statuses and the latest disclosure", async () => {
    const output = await json(["catalog", "devices", "out"]);
    expect(output["schema"]).toBe("mds2.catalog-devices/1");
    expect(output["catalog"]).toBe(path.join("out", "catalog.sqlite"));
    const devices = output["devices"] as DeviceRecord[];
    expect(devices).toHaveLength(4);

    const pump = devices.find((device) => device.model === "HIS-220")!;
    expect(pump.manufacturer).toBe("Harbor Infusion Systems");
    expect(pump.disclosures).toBe(2);
    expect(pump.latest.documentId).toBe("HIS-220-MDS2-2023");
    expect(pump.latest.releaseDate).toBe("2023-03-01");
    expect(pump.latest.edition).toBe("HN 1-2019");
    expect(Object.keys(pump.findings)).toEqual([...SEVERITIES]);
    expect(pump.findings["high"]).toBeGreaterThan(0);
    expect(pump.capabilities["ALOF"]).toBe("unverified");
    expect(Object.keys(pump.capabilities)).toHaveLength(19);
  });

  it("agrees with the finding rows the catalog stores", async () => {
    const output = await json(["catalog", "devices", "out"]);
    const devices = output["devices"] as DeviceRecord[];
    const db = new Database(catalogFile(), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      for (const device of devices) {
        const stored = db
          .prepare(
            "SELECT severity, COUNT(*) AS count FROM findings WHERE disclosure_id = ? GROUP BY severity",
          )
          .all(device.latest.id) as { severity: string; count: number }[];
        for (const severity of SEVERITIES) {
          const count =
            stored.find((row) => row.severity === severity)?.count ?? 0;
          expect(device.findings[severity], `${device.model} ${severity}`).toBe(
            count,
          );
        }
      }
    } finally {
      db.close();
    }
  });

  it("filters by capability status", async () => {
    const { stdout, code } = await mds2([
      "catalog",
      "devices",
      "out",
      "--capability",
      "mldp",
      "--status",
      "gap",
    ]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/\sMLDP$/);
    expect(lines[1]).toMatch(
      /Northwind Imaging Ltd\.\s+NI-4500-00007\s.*\sgap$/,
    );
    expect(lines[2]).toBe("");
    expect(lines[3]).toBe("1 device");
  });

  it("lists the capabilities in a status without --capability", async () => {
    const output = await json(["catalog", "devices", "out", "--status", "gap"]);
    const devices = output["devices"] as DeviceRecord[];
    expect(devices.map((device) => device.model).sort()).toEqual(
      ["HIS-220", HOSTILE_MODEL, "NI-4500-00007"].sort(),
    );
    for (const device of devices)
      expect(Object.values(device.capabilities)).toContain("gap");
  });

  it("filters by manufacturer text in any case", async () => {
    const output = await json([
      "catalog",
      "devices",
      "out",
      "--manufacturer",
      "NORTHWIND",
    ]);
    const devices = output["devices"] as DeviceRecord[];
    expect(devices.map((device) => device.model)).toEqual([
      "NI-4500",
      "NI-4500-00007",
    ]);
    expect(output["filter"]).toEqual({
      capability: null,
      status: null,
      manufacturer: "NORTHWIND",
    });
  });

  it("combines filters", async () => {
    const { stdout, code } = await mds2([
      "catalog",
      "devices",
      "out",
      "--manufacturer",
      "harbor",
      "--capability",
      "MLDP",
      "--status",
      "gap",
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe("No devices match.\n");
  });

  it.each([
    [
      ["--status", "broken"],
      'unknown capability status "broken". Use one of: contradicted, gap, unsupported, unverified, verified, not-applicable, not-assessed.',
    ],
    [
      ["--capability", "XYZ"],
      'unknown capability code "XYZ". Use one of: ALOF, AUDT, AUTH, CNFS, CSUP, DIDT, DTBK, EMRG, IGAU, MLDP, NAUT, PAUT, PLOK, RDMP, SAHD, SGUD, STCF, TXCF, TXIG.',
    ],
  ])("rejects %j with the valid values", async (options, message) => {
    const result = await mds2(["catalog", "devices", "out", ...options]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`mds2: ${message}\n`);
  });

  it("neutralizes formulas in CSV", async () => {
    const { stdout, code } = await mds2(["catalog", "devices", "out", "--csv"]);
    expect(code).toBe(0);
    const rows = csvRows(stdout);
    expect(rows).toHaveLength(4);
    const hostile = rows.find((row) => row["document_id"] === "EVIL-1")!;
    expect(hostile["manufacturer"]).toBe(`'${HOSTILE_MANUFACTURER}`);
    const pump = rows.find((row) => row["model"] === "HIS-220")!;
    expect(pump["disclosures"]).toBe("2");
    expect(pump["ALOF"]).toBe("unverified");
    expect(pump["release_date"]).toBe("2023-03-01");
  });

  it("escapes terminal controls in vendor text", async () => {
    const { stdout } = await mds2(["catalog", "devices", "out"]);
    expect(stdout).toContain("Evil\\u001B[31mRED");
    expect(stdout).not.toContain("\u001b");
  });
});

describe("mds2 catalog show", () => {
  it("shows disclosures newest first with statuses and findings", async () => {
    const { stdout, code } = await mds2(["catalog", "show", "out", "HIS-220"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Device \d+: Harbor Infusion Systems HIS-220\n/);
    expect(stdout).toContain("Disclosures (2, newest first):");
    expect(stdout.indexOf("HIS-220-MDS2-2023")).toBeLessThan(
      stdout.indexOf("HIS-220-MDS2-2021"),
    );
    expect(stdout).toMatch(
      /\n {2}ALOF {2}Automatic logoff\s+unverified\s+claimed\n/,
    );
    expect(stdout).toMatch(/Findings \(disclosure \d+\): critical 0, high \d+/);
    expect(stdout).toContain("  high:\n");
    expect(stdout).toMatch(
      / {4}F-PAUT-14\.1-denial \[PAUT-14\.1\]: PAUT-14\.1 is No/,
    );
    // PAUT-5 is Yes in the latest form, so its denial belongs to the older one only.
    expect(stdout).not.toContain("F-PAUT-5-denial");
  });

  it("lists report files that exist", async () => {
    const output = await json(["catalog", "show", "out", "HIS-220"]);
    expect(output["schema"]).toBe("mds2.catalog-device/1");
    const reports = output["reports"] as {
      disclosure: number;
      files: string[];
    }[];
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      expect(report.files.length).toBeGreaterThan(0);
      for (const file of report.files)
        expect(existsSync(path.join(work, file)), file).toBe(true);
    }
    const { stdout } = await mds2(["catalog", "show", "out", "HIS-220"]);
    expect(stdout).toContain(
      `  ${reports[0]!.disclosure}  ${reports[0]!.files[0]}\n`,
    );
  });

  it("finds a device by its ID", async () => {
    const byModel = await json(["catalog", "show", "out", "NI-4500-00007"]);
    const device = byModel["device"] as { id: number; model: string };
    const byId = await json(["catalog", "show", "out", String(device.id)]);
    expect(byId["device"]).toEqual(device);
    expect(device.model).toBe("NI-4500-00007");
  });

  it("prefers an exact model over longer ones", async () => {
    const output = await json(["catalog", "show", "out", "ni-4500"]);
    expect((output["device"] as { model: string }).model).toBe("NI-4500");
  });

  it("lists the candidates of an ambiguous name", async () => {
    const result = await mds2(["catalog", "show", "out", "northwind"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^mds2: out\/catalog\.sqlite: "northwind" matches 2 devices: \d+ Northwind Imaging Ltd\. NI-4500; \d+ Northwind Imaging Ltd\. NI-4500-00007\. Give the device ID or more of its name\.\n$/,
    );
  });

  it("escapes terminal controls in vendor text", async () => {
    const { stdout, code } = await mds2(["catalog", "show", "out", "evil"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(
      /^Device \d+: =HYPERLINK\("http:\/\/example\.invalid","open"\) Evil\\u001B\[31mRED$/,
    );
    expect(stdout).not.toContain("\u001b");
  });

  it("reports a device that is not there", async () => {
    const result = await mds2(["catalog", "show", "out", "Contoso"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'mds2: out/catalog.sqlite: no device matches "Contoso". List the devices with mds2 catalog devices.\n',
    );
  });
});

describe("mds2 catalog findings", () => {
  it("filters by severity", async () => {
    const output = await json([
      "catalog",
      "findings",
      "out",
      "--severity",
      "high",
    ]);
    expect(output["schema"]).toBe("mds2.catalog-findings/1");
    const entries = output["findings"] as FindingEntry[];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.finding.severity).toBe("high");
      expect(entry.disclosure.latest).toBe(true);
    }
    const pumpFindings = entries
      .filter((entry) => entry.device.model === "HIS-220")
      .map((entry) => entry.finding.id);
    expect(pumpFindings).toContain("F-PAUT-14.1-denial");
    expect(pumpFindings).not.toContain("F-PAUT-5-denial");
  });

  it("includes older disclosures with --all", async () => {
    const output = await json([
      "catalog",
      "findings",
      "out",
      "--all",
      "--rule",
      "paut-5-denial",
    ]);
    const entries = output["findings"] as FindingEntry[];
    const pump = entries.filter((entry) => entry.device.model === "HIS-220");
    expect(pump).toHaveLength(1);
    expect(pump[0]!.disclosure.documentId).toBe("HIS-220-MDS2-2021");
    expect(pump[0]!.disclosure.latest).toBe(false);
  });

  it("filters by rule text", async () => {
    const { stdout, code } = await mds2([
      "catalog",
      "findings",
      "out",
      "--rule",
      "MLDP-gap",
    ]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^Severity\s+Device\s+Manufacturer\s+Model\s+Disclosure\s+Document ID\s+Finding\s+Message$/,
    );
    expect(lines[1]).toMatch(
      /NI-4500-00007\s+\d+\s+NWI-MDS2-4500-r3-00007\s+F-MLDP-gap\s+The device lacks malware detection and protection/,
    );
    expect(lines.at(-1)).toBe("1 finding");
  });

  it("sorts the most severe first", async () => {
    const output = await json(["catalog", "findings", "out"]);
    const ranks = (output["findings"] as FindingEntry[]).map((entry) =>
      SEVERITIES.indexOf(entry.finding.severity as (typeof SEVERITIES)[number]),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("neutralizes formulas in CSV", async () => {
    const { stdout } = await mds2([
      "catalog",
      "findings",
      "out",
      "--severity",
      "critical,high",
      "--csv",
    ]);
    const rows = csvRows(stdout);
    const hostile = rows.filter((row) => row["document_id"] === "EVIL-1");
    expect(hostile.length).toBeGreaterThan(0);
    for (const row of hostile)
      expect(row["manufacturer"]).toBe(`'${HOSTILE_MANUFACTURER}`);
    for (const row of rows)
      expect(["critical", "high"]).toContain(row["severity"]);
  });

  it("rejects an unknown severity", async () => {
    const result = await mds2([
      "catalog",
      "findings",
      "out",
      "--severity",
      "severe",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'mds2: unknown severity "severe". Use one or more of: critical, high, medium, low, info.\n',
    );
  });
});

describe("mds2 catalog diff", () => {
  it("prints the changes between the two newest disclosures", async () => {
    const { stdout, code } = await mds2(["catalog", "diff", "out", "HIS-220"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(
      /^disclosure \d+ \(Harbor Infusion Systems HIS-220, 2021-02-03\) -> disclosure \d+ \(Harbor Infusion Systems HIS-220, 2023-03-01\)$/,
    );
    expect(lines[1]).toBe(
      `Comparing ${path.join(work, "in", "pump-2021.txt")} (HN 1-2019) with ${path.join(work, "in", "pump-2023.txt")} (HN 1-2019)`,
    );
    expect(stdout).toContain('  releaseDate: "2021-02-03" -> "2023-03-01"\n');
    expect(stdout).toContain('  ALOF-1: no "No" -> yes "Yes"\n');
    expect(stdout).toContain(
      '  PAUT-5: no "No: service password fixed" -> yes "Yes"\n',
    );
    expect(stdout).toContain(
      '  Note 4: "www.harbor-infusion.example/security" -> "www.harbor-infusion.example/psirt"\n',
    );
    expect(stdout).toContain(
      "Capability status:\n  ALOF Automatic logoff: gap -> unverified\n",
    );
    expect(stdout).toMatch(
      /Findings resolved \(\d+\):\n(?: {2}.*\n)*? {2}high denial \[PAUT-5\]: PAUT-5 is No/,
    );
  });

  it("matches mds2 diff of the two source files", async () => {
    const stored = await json(["catalog", "diff", "out", "HIS-220"]);
    expect(stored["schema"]).toBe("mds2.catalog-diff/1");
    const fromCatalog = stored["diff"] as DiffShape;
    const fresh = await mds2([
      "diff",
      path.join("in", "pump-2021.txt"),
      path.join("in", "pump-2023.txt"),
      "--json",
    ]);
    const fromFiles = JSON.parse(fresh.stdout) as DiffShape;

    expect(fromCatalog.schema).toBe("mds2.diff/1");
    expect(changedIds(fromCatalog)).toEqual(changedIds(fromFiles));
    expect(
      fromCatalog.answers.changed.map((change) => change.after.value),
    ).toEqual(fromFiles.answers.changed.map((change) => change.after.value));
    expect(fromCatalog.device).toEqual(fromFiles.device);
    expect(fromCatalog.notes).toEqual(fromFiles.notes);
    expect(fromCatalog.capabilities).toEqual(fromFiles.capabilities);
    expect(findingIds(fromCatalog)).toEqual(findingIds(fromFiles));
  });

  it("compares disclosures given by ID", async () => {
    const shown = await json(["catalog", "show", "out", "HIS-220"]);
    const [newest, older] = (shown["disclosures"] as { id: number }[]).map(
      (disclosure) => disclosure.id,
    );
    const { stdout, code } = await mds2([
      "catalog",
      "diff",
      "out",
      "--old",
      String(newest),
      "--new",
      String(older),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("  ALOF Automatic logoff: unverified -> gap\n");
  });

  it("rejects --old without --new", async () => {
    const result = await mds2(["catalog", "diff", "out", "--old", "1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "mds2: --old and --new go together: give both disclosure IDs. List a device's disclosure IDs with mds2 catalog show.\n",
    );
  });

  it("rejects a device with one disclosure", async () => {
    const result = await mds2(["catalog", "diff", "out", "NI-4500"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^mds2: out\/catalog\.sqlite: device \d+ \(Northwind Imaging Ltd\. NI-4500\) has only one disclosure, so there is nothing to compare\. /,
    );
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

interface DiffShape {
  schema: string;
  device: unknown[];
  answers: {
    added: { id: string }[];
    removed: { id: string }[];
    changed: { id: string; after: { value: string } }[];
  };
  notes: unknown[];
  capabilities: unknown[];
  findings: { appeared: { id: string }[]; resolved: { id: string }[] };
}

function changedIds(diff: DiffShape): Record<string, string[]> {
  return {
    added: diff.answers.added.map((entry) => entry.id),
    removed: diff.answers.removed.map((entry) => entry.id),
    changed: diff.answers.changed.map((entry) => entry.id),
  };
}

function findingIds(diff: DiffShape): Record<string, string[]> {
  return {
    appeared: diff.findings.appeared.map((finding) => finding.id),
    resolved: diff.findings.resolved.map((finding) => finding.id),
  };
}

describe("mds2 catalog failures", () => {
  it("lists skipped and failed inputs with reasons", async () => {
    const { stdout, code } = await mds2(["catalog", "failures", "out"]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^State\s+Code\s+Path\s+Reason$/);
    expect(lines[1]).toMatch(
      /^failed\s+input\.truncated\s+\S*broken\.xlsx\s+\S/,
    );
    expect(lines[2]).toMatch(
      /^skipped\s+input\.not-mds2\s+\S*meeting-notes\.txt\s+\S/,
    );
    expect(lines.at(-1)).toBe("1 failed, 1 skipped");
  });

  it("prints JSON with the latest outcome of each input", async () => {
    const output = await json(["catalog", "failures", "out"]);
    expect(output["schema"]).toBe("mds2.catalog-failures/1");
    const inputs = output["inputs"] as {
      state: string;
      path: string;
      code: string;
      reason: string;
      runId: number;
    }[];
    expect(
      inputs.map((input) => [
        input.state,
        path.basename(input.path),
        input.code,
      ]),
    ).toEqual([
      ["failed", "broken.xlsx", "input.truncated"],
      ["skipped", "meeting-notes.txt", "input.not-mds2"],
    ]);
    // The second run records both inputs again, and its outcome is the latest.
    expect(inputs.map((input) => input.runId)).toEqual([2, 2]);
    for (const input of inputs) expect(input.reason).not.toBe("");
  });
});

describe("mds2 catalog on a file that is not a catalog", () => {
  beforeAll(async () => {
    await mkdir(path.join(work, "empty-folder"));
    await writeFile(
      path.join(work, "notes.sqlite"),
      "plain text, not SQLite\n",
    );
    const other = new Database(path.join(work, "other.sqlite"));
    other.exec("CREATE TABLE devices (id INTEGER PRIMARY KEY)");
    other.close();
  });

  it.each([
    ["missing.sqlite", "missing.sqlite: no such file or folder"],
    ["empty-folder", "empty-folder: the folder has no catalog.sqlite"],
    [
      "notes.sqlite",
      "notes.sqlite: not an mds2 catalog (file is not a database)",
    ],
    [
      "other.sqlite",
      "other.sqlite: not an mds2 catalog (SQLite database with no table runs, disclosures, answers, notes, problems, findings, capability_status, skips, failures)",
    ],
  ])("rejects %s in one line", async (name, message) => {
    const result = await mds2(["catalog", "devices", name]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `mds2: ${message}. Give the output folder of mds2 batch or the catalog.sqlite file in it.\n`,
    );
  });
});

describe("mds2 catalog queries", () => {
  it("leave the catalog file unchanged", async () => {
    // Runs after every query above: vitest runs a file's tests in order.
    expect(await sha256(catalogFile())).toBe(catalogHash);
  });

  it("read a catalog file given directly", async () => {
    const output = await json(["catalog", "devices", catalogFile()]);
    expect(output["catalog"]).toBe(catalogFile());
    expect(output["devices"]).toHaveLength(4);
  });
});
