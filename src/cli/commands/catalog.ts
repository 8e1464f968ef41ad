/** `mds2 catalog devices|show|findings|diff|failures`: query a batch catalog without writing SQL. */

import { stringify } from "csv-stringify/sync";
import type { ArgumentsCamelCase, Argv, CommandModule, Options } from "yargs";
import type {
  CatalogFinding,
  CatalogReader,
  DeviceRow,
  DeviceSummary,
  DisclosureSummary,
  InputIssue,
  StoredCapability,
  StoredDisclosure,
} from "../../batch/catalog/query.js";
import { diffDisclosures, formatDiff } from "../../crossref/diff.js";
import { Mds2Error } from "../../errors.js";
import {
  CAPABILITY_STATUSES,
  SEVERITIES,
  type CapabilityStatus,
  type Finding,
  type Severity,
} from "../../model/assessment.js";
import { CAPABILITIES, isCapabilityCode } from "../../model/capabilities.js";
import { printable } from "../../terminal-text.js";

export const CATALOG_DEVICES_SCHEMA = "mds2.catalog-devices/1";
export const CATALOG_DEVICE_SCHEMA = "mds2.catalog-device/1";
export const CATALOG_FINDINGS_SCHEMA = "mds2.catalog-findings/1";
export const CATALOG_DIFF_SCHEMA = "mds2.catalog-diff/1";
export const CATALOG_FAILURES_SCHEMA = "mds2.catalog-failures/1";

interface CatalogArguments {
  catalog: string;
}

interface TableArguments extends CatalogArguments {
  json?: boolean;
  csv?: boolean;
}

interface DevicesArguments extends TableArguments {
  capability?: string;
  status?: string;
  manufacturer?: string;
}

interface ShowArguments extends CatalogArguments {
  device: string;
  json: boolean;
}

interface FindingsArguments extends TableArguments {
  severity?: string;
  rule?: string;
  all: boolean;
}

interface DiffArguments extends CatalogArguments {
  device?: string;
  old?: number;
  new?: number;
  json: boolean;
}

const CATALOG_POSITIONAL: Options & { type: "string" } = {
  type: "string",
  describe: "Output folder of mds2 batch, or its catalog file (.sqlite)",
  demandOption: true,
};

const DEVICE_POSITIONAL: Options & { type: "string" } = {
  type: "string",
  describe:
    "Device ID, model, or text of the manufacturer and model (any case)",
};

const tableOptions = {
  // No defaults: yargs counts a defaulted option as given, which would set off `conflicts`.
  json: {
    type: "boolean",
    describe: "Print JSON instead of a table",
    conflicts: "csv",
  },
  csv: {
    type: "boolean",
    describe: "Print CSV instead of a table",
  },
} as const satisfies Record<string, Options>;

const devicesCommand: CommandModule<object, DevicesArguments> = {
  command: "devices <catalog>",
  describe:
    "List devices with their latest disclosure, finding counts and a capability's status",
  builder: (yargs: Argv) =>
    yargs
      .positional("catalog", CATALOG_POSITIONAL)
      .option("capability", {
        type: "string",
        describe: "Capability code whose status is shown, e.g. MLDP",
      })
      .option("status", {
        type: "string",
        describe: `Only devices whose capability (or, without --capability, any capability) has this status: ${CAPABILITY_STATUSES.join(", ")}`,
      })
      .option("manufacturer", {
        type: "string",
        describe:
          "Only devices whose manufacturer contains this text (any case)",
      })
      .options(tableOptions)
      .example(
        "$0 catalog devices reports/ --capability MLDP --status gap",
        "devices that lack malware detection/protection",
      )
      .example(
        "$0 catalog devices reports/ --manufacturer harbor --csv",
        "one manufacturer's devices as CSV",
      ) as unknown as Argv<DevicesArguments>,
  handler: async (args: ArgumentsCamelCase<DevicesArguments>) => {
    const capability =
      args.capability === undefined
        ? undefined
        : checkedCapability(args.capability);
    const status =
      args.status === undefined ? undefined : checkedStatus(args.status);

    await withCatalog(args.catalog, (reader) => {
      const devices = reader.devices({
        ...(capability !== undefined ? { capability } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(args.manufacturer !== undefined
          ? { manufacturer: args.manufacturer }
          : {}),
      });
      if (args.json) {
        printJson({
          schema: CATALOG_DEVICES_SCHEMA,
          catalog: reader.file,
          filter: {
            capability: capability ?? null,
            status: status ?? null,
            manufacturer: args.manufacturer ?? null,
          },
          devices: devices.map(deviceRecord),
        });
      } else if (args.csv) {
        process.stdout.write(devicesCsv(devices));
      } else {
        process.stdout.write(devicesText(devices, capability, status));
      }
    });
  },
};

const showCommand: CommandModule<object, ShowArguments> = {
  command: "show <catalog> <device>",
  describe:
    "Show one device: its disclosures, capability statuses, findings and report files",
  builder: (yargs: Argv) =>
    yargs
      .positional("catalog", CATALOG_POSITIONAL)
      .positional("device", { ...DEVICE_POSITIONAL, demandOption: true })
      .option("json", {
        type: "boolean",
        default: false,
        describe: `Print JSON (schema ${CATALOG_DEVICE_SCHEMA})`,
      })
      .example("$0 catalog show reports/ HIS-220", "a device by model")
      .example(
        "$0 catalog show reports/ 12",
        "a device by its ID",
      ) as unknown as Argv<ShowArguments>,
  handler: async (args: ArgumentsCamelCase<ShowArguments>) => {
    await withCatalog(args.catalog, (reader) => {
      const device = oneDevice(reader, args.device);
      const disclosures = reader.disclosuresOf(device.id);
      const latest = disclosures[0];
      const capabilities = latest ? reader.capabilitiesOf(latest.id) : [];
      const findings = latest ? reader.findingsOf(latest.id) : [];
      const reports = disclosures.map((disclosure) => ({
        disclosure: disclosure.id,
        files: reader.outputPaths(disclosure),
      }));

      if (args.json) {
        printJson({
          schema: CATALOG_DEVICE_SCHEMA,
          catalog: reader.file,
          device,
          disclosures,
          latest: latest?.id ?? null,
          capabilities,
          findings,
          reports,
        });
        return;
      }
      process.stdout.write(
        deviceText(device, disclosures, capabilities, findings, reports),
      );
    });
  },
};

const findingsCommand: CommandModule<object, FindingsArguments> = {
  command: "findings <catalog>",
  describe:
    "List findings across the catalog, from each device's latest disclosure",
  builder: (yargs: Argv) =>
    yargs
      .positional("catalog", CATALOG_POSITIONAL)
      .option("severity", {
        type: "string",
        describe: `Only these severities, comma-separated: ${SEVERITIES.join(", ")}`,
      })
      .option("rule", {
        type: "string",
        describe:
          "Only findings whose ID or kind contains this text (any case), e.g. gap or F-MLDP",
      })
      .option("all", {
        type: "boolean",
        default: false,
        describe:
          "Findings of every disclosure, not only the latest per device",
      })
      .options(tableOptions)
      .example(
        "$0 catalog findings reports/ --severity critical,high",
        "the most severe findings",
      )
      .example(
        "$0 catalog findings reports/ --rule end-of-support --csv",
        "devices on an unsupported platform, as CSV",
      ) as unknown as Argv<FindingsArguments>,
  handler: async (args: ArgumentsCamelCase<FindingsArguments>) => {
    const severities =
      args.severity === undefined ? [] : checkedSeverities(args.severity);
    await withCatalog(args.catalog, (reader) => {
      const findings = reader.findings({
        severities,
        ...(args.rule !== undefined ? { rule: args.rule } : {}),
        all: args.all,
      });
      if (args.json) {
        printJson({
          schema: CATALOG_FINDINGS_SCHEMA,
          catalog: reader.file,
          filter: {
            severities,
            rule: args.rule ?? null,
            all: args.all,
          },
          findings,
        });
      } else if (args.csv) {
        process.stdout.write(findingsCsv(findings));
      } else {
        process.stdout.write(findingsText(findings));
      }
    });
  },
};

const diffCommand: CommandModule<object, DiffArguments> = {
  command: "diff <catalog> [device]",
  describe:
    "Show what changed between a device's two newest disclosures, from the catalog alone",
  builder: (yargs: Argv) =>
    yargs
      .positional("catalog", CATALOG_POSITIONAL)
      .positional("device", DEVICE_POSITIONAL)
      .option("old", {
        type: "number",
        describe: "ID of the earlier disclosure (see mds2 catalog show)",
      })
      .option("new", {
        type: "number",
        describe: "ID of the later disclosure",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: `Print JSON (schema ${CATALOG_DIFF_SCHEMA}, the changes as mds2.diff/1)`,
      })
      .example(
        "$0 catalog diff reports/ HIS-220",
        "the two newest disclosures of a device",
      )
      .example(
        "$0 catalog diff reports/ --old 3 --new 8",
        "two disclosures by ID",
      ) as unknown as Argv<DiffArguments>,
  handler: async (args: ArgumentsCamelCase<DiffArguments>) => {
    await withCatalog(args.catalog, (reader) => {
      const [before, after] = comparedDisclosures(reader, args);
      // The catalog stores the findings and capability statuses that the diff reads.
      const diff = diffDisclosures(before.disclosure, after.disclosure, {
        before,
        after,
      });
      const sides = [before, after].map((side) => ({
        disclosure: side.summary.id,
        device: reader.device(side.summary.deviceId) ?? null,
        documentId: side.summary.documentId,
        releaseDate: side.summary.releaseDate,
      }));

      if (args.json) {
        printJson({
          schema: CATALOG_DIFF_SCHEMA,
          catalog: reader.file,
          old: sides[0],
          new: sides[1],
          diff,
        });
        return;
      }
      const heading = sides
        .map(
          (side) =>
            `disclosure ${side.disclosure} (${side.device ? deviceName(side.device) : "unknown device"}, ${side.releaseDate ?? "undated"})`,
        )
        .join(" -> ");
      process.stdout.write(`${printable(heading)}\n${formatDiff(diff)}`);
    });
  },
};

const failuresCommand: CommandModule<object, TableArguments> = {
  command: "failures <catalog>",
  describe:
    "List inputs whose latest outcome was skipped or failed, with the reasons",
  builder: (yargs: Argv) =>
    yargs
      .positional("catalog", CATALOG_POSITIONAL)
      .options(tableOptions)
      .example(
        "$0 catalog failures reports/",
        "what the batch could not read, and why",
      ) as unknown as Argv<TableArguments>,
  handler: async (args: ArgumentsCamelCase<TableArguments>) => {
    await withCatalog(args.catalog, (reader) => {
      const issues = reader.inputIssues();
      if (args.json) {
        printJson({
          schema: CATALOG_FAILURES_SCHEMA,
          catalog: reader.file,
          inputs: issues,
        });
      } else if (args.csv) {
        process.stdout.write(issuesCsv(issues));
      } else {
        process.stdout.write(issuesText(issues));
      }
    });
  },
};

export const catalogCommand: CommandModule<object, object> = {
  command: "catalog <command>",
  describe:
    "Query the catalog of a batch: devices, findings, changes, failures",
  builder: (yargs: Argv) =>
    yargs
      .command(devicesCommand)
      .command(showCommand)
      .command(findingsCommand)
      .command(diffCommand)
      .command(failuresCommand)
      .demandCommand(
        1,
        "Name a catalog command: devices, show, findings, diff or failures.",
      )
      .epilogue(
        "CATALOG is the output folder of mds2 batch (its catalog.sqlite is read) or a catalog file. " +
          "The catalog is opened read-only. A device's latest disclosure is the one with the newest " +
          "release date; undated disclosures count as oldest.",
      ) as Argv<object>,
  handler: () => {},
};

/** Opens the catalog read-only, runs `query` and closes it, also when `query` throws. */
async function withCatalog(
  location: string,
  query: (reader: CatalogReader) => void,
): Promise<void> {
  // The native SQLite module loads only when a catalog command runs.
  const { CatalogReader } = await import("../../batch/catalog/query.js");
  const reader = CatalogReader.open(location);
  try {
    query(reader);
  } finally {
    reader.close();
  }
}

function checkedCapability(code: string): string {
  if (isCapabilityCode(code)) return code.toUpperCase();
  throw new Mds2Error("usage", `unknown capability code "${code}"`, {
    hint: `Use one of: ${CAPABILITIES.map((capability) => capability.code).join(", ")}.`,
  });
}

function checkedStatus(status: string): CapabilityStatus {
  const normalized = status.trim().toLowerCase();
  const known = CAPABILITY_STATUSES.find(
    (candidate) => candidate === normalized,
  );
  if (known) return known;
  throw new Mds2Error("usage", `unknown capability status "${status}"`, {
    hint: `Use one of: ${CAPABILITY_STATUSES.join(", ")}.`,
  });
}

function checkedSeverities(list: string): Severity[] {
  const severities: Severity[] = [];
  for (const item of list.split(",")) {
    const normalized = item.trim().toLowerCase();
    if (normalized === "") continue;
    const known = SEVERITIES.find((candidate) => candidate === normalized);
    if (!known) {
      throw new Mds2Error("usage", `unknown severity "${item.trim()}"`, {
        hint: `Use one or more of: ${SEVERITIES.join(", ")}.`,
      });
    }
    severities.push(known);
  }
  return severities;
}

const MAX_CANDIDATES = 10;

/** Returns the one device `text` names; throws when it names none or several. */
function oneDevice(reader: CatalogReader, text: string): DeviceRow {
  const matches = reader.matchDevices(text);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new Mds2Error("input.not-found", `no device matches "${text}"`, {
      file: reader.file,
      hint: "List the devices with mds2 catalog devices.",
    });
  }
  const listed = matches
    .slice(0, MAX_CANDIDATES)
    .map((device) => `${device.id} ${deviceName(device)}`);
  if (matches.length > MAX_CANDIDATES)
    listed.push(`and ${matches.length - MAX_CANDIDATES} more`);
  throw new Mds2Error(
    "usage",
    `"${text}" matches ${matches.length} devices: ${listed.join("; ")}`,
    { file: reader.file, hint: "Give the device ID or more of its name." },
  );
}

/** Returns the stored disclosures to compare: `--old`/`--new`, else the device's two newest. */
function comparedDisclosures(
  reader: CatalogReader,
  args: DiffArguments,
): [StoredDisclosure, StoredDisclosure] {
  if ((args.old === undefined) !== (args.new === undefined)) {
    throw new Mds2Error(
      "usage",
      "--old and --new go together: give both disclosure IDs",
      { hint: "List a device's disclosure IDs with mds2 catalog show." },
    );
  }
  if (args.old !== undefined && args.new !== undefined) {
    const device =
      args.device === undefined ? undefined : oneDevice(reader, args.device);
    const pair = [args.old, args.new].map((id) => {
      const stored = reader.storedDisclosure(id);
      if (!stored) {
        throw new Mds2Error("input.not-found", `no disclosure with ID ${id}`, {
          file: reader.file,
          hint: "List a device's disclosure IDs with mds2 catalog show.",
        });
      }
      if (device && stored.summary.deviceId !== device.id) {
        throw new Mds2Error(
          "usage",
          `disclosure ${id} is not of device ${device.id} (${deviceName(device)})`,
          {
            file: reader.file,
            hint: "Leave out the device to compare disclosures of two devices.",
          },
        );
      }
      return stored;
    });
    return [pair[0]!, pair[1]!];
  }

  if (args.device === undefined) {
    throw new Mds2Error(
      "usage",
      "name a device, or two disclosures with --old and --new",
      { hint: "Run mds2 catalog diff --help for examples." },
    );
  }
  const device = oneDevice(reader, args.device);
  const [newest, previous] = reader.disclosuresOf(device.id);
  if (!newest || !previous) {
    throw new Mds2Error(
      "usage",
      `device ${device.id} (${deviceName(device)}) has only one disclosure, so there is nothing to compare`,
      {
        file: reader.file,
        hint: "Run mds2 batch on a newer form of the device, or compare two disclosures with --old and --new.",
      },
    );
  }
  return [
    reader.storedDisclosure(previous.id)!,
    reader.storedDisclosure(newest.id)!,
  ];
}

function deviceRecord(device: DeviceSummary) {
  return {
    id: device.id,
    manufacturer: device.manufacturer,
    model: device.model,
    disclosures: device.disclosureCount,
    latest: {
      id: device.latest.id,
      documentId: device.latest.documentId,
      releaseDate: device.latest.releaseDate,
      edition: device.latest.edition,
      platform: device.latest.platform,
      sourcePath: device.latest.sourcePath,
    },
    findings: device.findings,
    capabilities: device.statuses,
  };
}

function devicesText(
  devices: DeviceSummary[],
  capability: string | undefined,
  status: CapabilityStatus | undefined,
): string {
  if (devices.length === 0) return "No devices match.\n";
  // Without --capability, --status shows which capabilities have the status.
  const extra = capability ?? status;
  const header = [
    "ID",
    "Manufacturer",
    "Model",
    "Document ID",
    "Released",
    "Edition",
    ...SEVERITY_TITLES,
    ...(extra !== undefined ? [extra] : []),
  ];
  const rows = devices.map((device) => [
    String(device.id),
    device.manufacturer,
    device.model,
    device.latest.documentId ?? "",
    device.latest.releaseDate ?? "",
    device.latest.edition,
    ...SEVERITIES.map((severity) => String(device.findings[severity])),
    ...(capability !== undefined
      ? [device.statuses[capability] ?? "(none)"]
      : status !== undefined
        ? [codesWithStatus(device, status)]
        : []),
  ]);
  const count = `${devices.length} ${devices.length === 1 ? "device" : "devices"}`;
  return `${[...formatTable(header, rows), "", count].join("\n")}\n`;
}

function deviceText(
  device: DeviceRow,
  disclosures: DisclosureSummary[],
  capabilities: StoredCapability[],
  findings: Finding[],
  reports: { disclosure: number; files: string[] }[],
): string {
  const latest = disclosures[0];
  const lines = [
    printable(`Device ${device.id}: ${deviceName(device)}`),
    "",
    `Disclosures (${disclosures.length}, newest first):`,
    ...indent(disclosureTable(disclosures)),
  ];
  if (latest) {
    lines.push(
      "",
      `Capabilities (disclosure ${latest.id}):`,
      ...indent(
        formatTable(
          ["Code", "Capability", "Status", "Claim"],
          capabilities.map((capability) => [
            capability.code,
            capability.name,
            capability.status,
            capability.claim,
          ]),
        ),
      ),
      "",
      `Findings (disclosure ${latest.id}): ${severityCounts(findings)}`,
      ...findingsBySeverity(findings),
    );
  }
  lines.push("", "Reports:");
  for (const report of reports) {
    for (const file of report.files)
      lines.push(`  ${report.disclosure}  ${printable(file)}`);
  }
  return `${lines.join("\n")}\n`;
}

function devicesCsv(devices: DeviceSummary[]): string {
  const codes = CAPABILITIES.map((capability) => capability.code);
  const header = [
    "device_id",
    "manufacturer",
    "model",
    "disclosures",
    "disclosure_id",
    "document_id",
    "release_date",
    "edition",
    ...SEVERITIES,
    ...codes,
  ];
  const rows = devices.map((device) => [
    device.id,
    device.manufacturer,
    device.model,
    device.disclosureCount,
    device.latest.id,
    device.latest.documentId ?? "",
    device.latest.releaseDate ?? "",
    device.latest.edition,
    ...SEVERITIES.map((severity) => device.findings[severity]),
    ...codes.map((code) => device.statuses[code] ?? ""),
  ]);
  return toCsv(header, rows);
}

function findingsText(entries: CatalogFinding[]): string {
  if (entries.length === 0) return "No findings match.\n";
  const header = [
    "Severity",
    "Device",
    "Manufacturer",
    "Model",
    "Disclosure",
    "Document ID",
    "Finding",
    "Message",
  ];
  const rows = entries.map(({ device, disclosure, finding }) => [
    finding.severity,
    String(device.id),
    device.manufacturer,
    device.model,
    String(disclosure.id),
    disclosure.documentId ?? "",
    finding.id,
    finding.message,
  ]);
  const count = `${entries.length} ${entries.length === 1 ? "finding" : "findings"}`;
  return `${[...formatTable(header, rows), "", count].join("\n")}\n`;
}

function findingsCsv(entries: CatalogFinding[]): string {
  const header = [
    "severity",
    "device_id",
    "manufacturer",
    "model",
    "disclosure_id",
    "document_id",
    "release_date",
    "latest",
    "finding_id",
    "kind",
    "capability",
    "questions",
    "controls",
    "message",
    "location",
  ];
  const rows = entries.map(({ device, disclosure, finding }) => [
    finding.severity,
    device.id,
    device.manufacturer,
    device.model,
    disclosure.id,
    disclosure.documentId ?? "",
    disclosure.releaseDate ?? "",
    disclosure.latest ? "yes" : "no",
    finding.id,
    finding.kind,
    finding.capability ?? "",
    finding.questions.join(" "),
    finding.controls.join(" "),
    finding.message,
    finding.location ?? "",
  ]);
  return toCsv(header, rows);
}

function issuesText(issues: InputIssue[]): string {
  if (issues.length === 0) return "No skipped or failed inputs.\n";
  const rows = issues.map((issue) => [
    issue.state,
    issue.code,
    issue.path,
    issue.reason,
  ]);
  const failed = issues.filter((issue) => issue.state === "failed").length;
  const count = `${failed} failed, ${issues.length - failed} skipped`;
  return `${[...formatTable(["State", "Code", "Path", "Reason"], rows), "", count].join("\n")}\n`;
}

function issuesCsv(issues: InputIssue[]): string {
  return toCsv(
    ["state", "code", "path", "sha256", "reason", "recorded_at", "run_id"],
    issues.map((issue) => [
      issue.state,
      issue.code,
      issue.path,
      issue.sha256 ?? "",
      issue.reason,
      issue.recordedAt,
      issue.runId,
    ]),
  );
}

function disclosureTable(disclosures: DisclosureSummary[]): string[] {
  return formatTable(
    [
      "ID",
      "Document ID",
      "Released",
      "Edition",
      "Format",
      "Platform",
      "Parsed",
      "Source",
    ],
    disclosures.map((disclosure) => [
      String(disclosure.id),
      disclosure.documentId ?? "",
      disclosure.releaseDate ?? "",
      disclosure.edition,
      disclosure.format,
      disclosure.platform ?? "",
      disclosure.parsedAt,
      disclosure.sourcePath,
    ]),
  );
}

/**
 * Lists findings under one heading per severity, most severe first.
 * Informational findings are counted, not listed, as in `mds2 check`.
 */
function findingsBySeverity(findings: Finding[]): string[] {
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const some = findings.filter((finding) => finding.severity === severity);
    if (some.length === 0) continue;
    if (severity === "info") {
      lines.push(`  info: ${some.length}, listed with --json`);
      continue;
    }
    lines.push(`  ${severity}:`);
    for (const finding of some) {
      const questions =
        finding.questions.length > 0
          ? ` [${finding.questions.join(", ")}]`
          : "";
      lines.push(
        printable(`    ${finding.id}${questions}: ${finding.message}`),
      );
    }
  }
  return lines;
}

const SEVERITY_TITLES = SEVERITIES.map(
  (severity) => severity[0]!.toUpperCase() + severity.slice(1),
);

function severityCounts(findings: Finding[]): string {
  return SEVERITIES.map(
    (severity) =>
      `${severity} ${findings.filter((finding) => finding.severity === severity).length}`,
  ).join(", ");
}

function codesWithStatus(
  device: DeviceSummary,
  status: CapabilityStatus,
): string {
  return Object.entries(device.statuses)
    .filter(([, value]) => value === status)
    .map(([code]) => code)
    .join(" ");
}

function deviceName(device: DeviceRow): string {
  return [device.manufacturer, device.model].filter(Boolean).join(" ");
}

/** Formats rows as columns two spaces apart; the last column is not padded. */
function formatTable(header: string[], rows: string[][]): string[] {
  const cells = rows.map((row) => row.map(printable));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => row[column]!.length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell.padEnd(widths[column]!),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...cells.map(line)];
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/** CSV whose cells that start like a formula get a leading `'`, so spreadsheets show them as text. */
function toCsv(header: string[], rows: (string | number)[][]): string {
  return stringify([header, ...rows], { escape_formulas: true });
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
