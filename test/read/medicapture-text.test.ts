import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDisclosure } from "../../src/parse.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import { MEDICAPTURE_TEXT } from "../helpers/workbook-fixtures.js";

// The MediCapture MVR/MTR disclosure as published: value and comment of every
// yes/no question, read off the file line by line.
type KeyRow = [id: string, value: string, comment?: string];
const YES_NO_KEY: KeyRow[] = [
  [
    "DOC-8",
    "yes",
    "MediCapture discloses vulnerabilities with security risk MEDIUM or higher directly to the affected customers.)",
  ],
  ["DOC-9", "no"],
  ["DOC-10", "yes", "See IFU and Supplementary guides"],
  ["DOC-11", "no"],
  ["DOC-11.1", "na"],
  ["DOC-11.2", "na"],
  ["DOC-11.3", "na"],
  ["DOC-11.4", "na"],
  ["MPII-1", "yes", "optional"],
  ["MPII-2", "yes"],
  ["MPII-2.1", "yes"],
  ["MPII-2.2", "yes"],
  ["MPII-2.3", "yes"],
  ["MPII-2.4", "no"],
  ["MPII-2.5", "yes"],
  ["MPII-2.6", "yes", "Send to PACS"],
  ["MPII-2.7", "yes"],
  ["MPII-2.8", "no"],
  ["MPII-2.9", "yes", "PACS, NAS"],
  ["MPII-3", "yes", "DICOM WL, HL7, PACS"],
  ["MPII-3.1", "yes"],
  ["MPII-3.2", "yes", "Optional, disabled by default"],
  ["MPII-3.3", "yes", "USB memory"],
  ["MPII-3.4", "no"],
  ["MPII-3.5", "yes"],
  ["MPII-3.6", "no"],
  ["MPII-3.7", "no"],
  ["MPII-3.8", "no"],
  ["MPII-3.9", "no"],
  ["MPII-3.10", "yes", "DICOM WL, HL7, PACS"],
  ["ALOF-1", "yes"],
  ["ALOF-2", "no"],
  ["AUDT-1", "yes"],
  ["AUDT-1.1", "yes"],
  ["AUDT-1.2", "no"],
  ["AUDT-2", "yes"],
  ["AUDT-2.1", "yes"],
  ["AUDT-2.2", "yes"],
  ["AUDT-2.3", "yes"],
  ["AUDT-2.4", "yes"],
  ["AUDT-2.5", "no"],
  ["AUDT-2.6", "yes"],
  ["AUDT-2.7", "yes"],
  ["AUDT-2.8", "no"],
  ["AUDT-2.8.1", "no"],
  ["AUDT-2.8.2", "yes"],
  ["AUDT-2.9", "yes"],
  ["AUDT-2.10", "yes"],
  ["AUDT-2.11", "no"],
  ["AUDT-3", "no"],
  ["AUDT-4", "no"],
  ["AUDT-4.1", "yes"],
  ["AUDT-4.1.1", "yes"],
  ["AUDT-5", "yes"],
  ["AUDT-5.1", "yes"],
  ["AUDT-5.2", "no"],
  ["AUDT-5.3", "no"],
  ["AUDT-5.4", "no"],
  ["AUDT-6", "yes", "Admin only"],
  ["AUDT-7", "yes"],
  ["AUDT-7.1", "yes", "Admin only"],
  ["AUDT-8", "no"],
  ["AUTH-1", "yes"],
  ["AUTH-1.1", "yes", "LDAP"],
  ["AUTH-1.2", "yes"],
  ["AUTH-1.3", "yes"],
  ["AUTH-2", "yes"],
  ["AUTH-3", "no"],
  ["AUTH-4", "yes"],
  ["AUTH-5", "yes"],
  ["CSUP-1", "yes"],
  ["CSUP-2", "yes"],
  ["CSUP-2.1", "yes"],
  ["CSUP-2.2", "no"],
  ["CSUP-2.3", "no"],
  ["CSUP-2.4", "no"],
  ["CSUP-3", "yes"],
  ["CSUP-3.1", "yes"],
  ["CSUP-3.2", "no"],
  ["CSUP-3.3", "no"],
  ["CSUP-3.4", "no"],
  ["CSUP-4", "no"],
  ["CSUP-4.1", "na"],
  ["CSUP-4.2", "na"],
  ["CSUP-4.3", "na"],
  ["CSUP-4.4", "na"],
  ["CSUP-5", "no"],
  ["CSUP-5.1", "na"],
  ["CSUP-5.2", "na"],
  ["CSUP-5.3", "na"],
  ["CSUP-5.4", "na"],
  ["CSUP-6", "no"],
  ["CSUP-6.1", "na"],
  ["CSUP-6.2", "na"],
  ["CSUP-6.3", "na"],
  ["CSUP-6.4", "na"],
  ["CSUP-7", "yes"],
  ["CSUP-8", "no"],
  ["CSUP-9", "no"],
  ["CSUP-10", "no"],
  ["CSUP-10.1", "yes"],
  ["CSUP-11", "yes"],
  ["CSUP-11.1", "yes"],
  ["CSUP-11.2", "yes"],
  ["DIDT-1", "yes"],
  ["DIDT-1.1", "no"],
  ["DTBK-1", "no"],
  ["DTBK-2", "yes"],
  ["DTBK-3", "yes"],
  ["DTBK-4", "no"],
  ["DTBK-5", "yes", "User settings only"],
  ["DTBK-6", "no"],
  ["EMRG-1", "yes"],
  ["IGAU-1", "no"],
  ["IGAU-2", "no"],
  ["MLDP-1", "no"],
  ["MLDP-2", "no"],
  ["MLDP-2.1", "no"],
  ["MLDP-2.2", "no"],
  ["MLDP-2.3", "no"],
  ["MLDP-2.4", "no"],
  ["MLDP-2.5", "no"],
  ["MLDP-2.6", "no"],
  ["MLDP-2.7", "no"],
  ["MLDP-2.8", "no"],
  ["MLDP-3", "na"],
  ["MLDP-4", "yes"],
  ["MLDP-5", "no"],
  ["MLDP-5.1", "na"],
  ["MLDP-5.2", "na"],
  ["NAUT-1", "yes"],
  ["NAUT-2", "no"],
  ["NAUT-2.1", "na"],
  ["NAUT-3", "no"],
  ["CONN-1", "unanswered"],
  ["CONN-1.1", "unanswered"],
  ["CONN-1.1.1", "no"],
  ["CONN-1.1.2", "no"],
  ["CONN-1.1.3", "no"],
  ["CONN-1.1.4", "no"],
  ["CONN-1.2", "yes"],
  ["CONN-1.2.1", "yes"],
  ["CONN-1.2.2", "yes"],
  ["CONN-1.2.3", "no"],
  ["CONN-1.2.4", "yes", "HDMI, DP, SDI"],
  ["CONN-2", "yes"],
  ["CONN-3", "yes"],
  ["CONN-4", "no"],
  ["CONN-5", "yes", "Optional, disabled by default"],
  ["CONN-6", "no"],
  ["CONN-7", "yes"],
  ["CONN-7.1", "yes", "HTTPS/HTTP"],
  ["CONN-8", "no"],
  ["PAUT-1", "yes", "Optional"],
  ["PAUT-1.1", "yes", "Optional"],
  ["PAUT-2", "yes", "LDAP"],
  ["PAUT-3", "no"],
  ["PAUT-4", "na", "No default accounts"],
  ["PAUT-5", "yes"],
  ["PAUT-6", "yes"],
  ["PAUT-7", "yes"],
  ["PAUT-8", "no"],
  ["PAUT-9", "no"],
  ["PAUT-10", "yes"],
  ["PAUT-11", "no"],
  ["PAUT-12", "no"],
  ["PAUT-13", "no"],
  ["PAUT-14", "yes"],
  ["PAUT-14.1", "yes"],
  ["PLOK-1", "no"],
  ["PLOK-2", "yes"],
  ["PLOK-3", "yes"],
  ["PLOK-4", "no", "Option to disable all removable media"],
  ["RDMP-1", "yes", "IEC 62304"],
  ["RDMP-2", "yes"],
  ["RDMP-3", "yes"],
  ["RDMP-4", "no", "No end-of-life components"],
  ["SBOM-1", "no"],
  ["SBOM-2", "yes"],
  ["SBOM-2.1", "yes"],
  ["SBOM-2.2", "yes"],
  ["SBOM-2.3", "yes"],
  ["SBOM-2.4", "yes"],
  ["SBOM-3", "no"],
  ["SBOM-4", "yes"],
  ["SAHD-1", "yes"],
  ["SAHD-2", "yes", "Internal"],
  ["SAHD-3", "yes"],
  ["SAHD-3.1", "yes"],
  ["SAHD-3.2", "yes"],
  ["SAHD-4", "no", "Read-only closed OS"],
  ["SAHD-5", "no"],
  ["SAHD-5.1", "yes"],
  ["SAHD-6", "yes", "All accounts are disabled at delivery"],
  ["SAHD-6.1", "yes"],
  ["SAHD-6.2", "yes"],
  ["SAHD-7", "yes"],
  ["SAHD-8", "yes"],
  ["SAHD-9", "yes"],
  ["SAHD-10", "yes"],
  ["SAHD-11", "yes"],
  ["SAHD-12", "no"],
  ["SAHD-13", "no"],
  ["SAHD-14", "yes"],
  ["SAHD-14.1", "yes", "IFU"],
  ["SAHD-15", "yes"],
  ["SAHD-16", "yes", "Read-only closed OS"],
  ["SGUD-1", "yes", "IFU"],
  ["SGUD-2", "yes", "IFU"],
  ["SGUD-3", "yes", "IFU"],
  ["SGUD-3.1", "yes"],
  ["SGUD-4", "no"],
  ["STCF-1", "no"],
  ["STCF-1.1", "na"],
  ["STCF-1.2", "na"],
  ["STCF-1.3", "na"],
  ["STCF-2", "no"],
  ["STCF-3", "no"],
  ["STCF-4", "no"],
  ["TXCF-1", "no"],
  ["TXCF-2", "yes"],
  ["TXCF-2.1", "no"],
  ["TXCF-3", "yes"],
  ["TXCF-4", "no"],
  ["TXCF-5", "yes"],
  ["TXIG-1", "no"],
  ["TXIG-2", "no"],
  ["RMOT-1", "yes"],
  ["RMOT-1.1", "yes"],
  ["RMOT-1.2", "yes"],
  ["RMOT-1.3", "no"],
  ["RMOT-2", "no"],
  ["RMOT-3", "no"],
];

// The DOC rows that fill the device record, as text.
const TEXT_KEY: [id: string, text: string][] = [
  ["DOC-1", "MediCapture Inc."],
  ["DOC-2", "Medical Video Recorder (with touchscreen)"],
  ["DOC-3", "MVR435, MVR436, MVR450, MVR460, MTR133, MTR156, MTR245"],
  ["DOC-4", "MDS2-MVR"],
  [
    "DOC-5",
    "MediCapture Inc. 2250 Hickory Road, Suite 125, Plymouth Meeting, PA 19462, U.S.A. Tel. 888 922 7887  within the US) Tel. +1 503 445 6935 (outside US)",
  ],
  [
    "DOC-6",
    "Optional use of NAS to storage recordings, optional obtain worklist from HIS, optional send recordings to PACS",
  ],
  ["DOC-7", "2026-03-20"],
];

describe("MediCapture text disclosure", () => {
  let disclosure: Disclosure;

  it("parses as an HN 1-2019 text form", async () => {
    const bytes = new Uint8Array(readFileSync(MEDICAPTURE_TEXT));
    disclosure = await parseDisclosure(
      bytes,
      "medicapture-mvr-mds2-2019-text.md",
    );
    expect(disclosure.edition).toBe("HN 1-2019");
    expect(disclosure.source.format).toBe("text");
  });

  it("has all 240 question IDs", () => {
    expect(disclosure.answers).toHaveLength(240);
    expect(YES_NO_KEY.length + TEXT_KEY.length).toBe(240);
  });

  it.each(YES_NO_KEY)("%s is %s %s", (id, value, comment) => {
    const answer = disclosure.answers.find((candidate) => candidate.id === id);
    expect(answer?.value).toBe(value);
    expect(answer?.comment).toBe(comment);
  });

  it.each(TEXT_KEY)("%s reads %s", (id, text) => {
    const answer = disclosure.answers.find((candidate) => candidate.id === id);
    expect(answer?.value).toBe("text");
    expect(answer?.raw).toBe(text);
  });

  it("fills the device record", () => {
    expect(disclosure.device.manufacturer).toBe("MediCapture Inc.");
    expect(disclosure.device.documentId).toBe("MDS2-MVR");
    expect(disclosure.device.releaseDate).toBe("2026-03-20");
  });

  it("reads SHAD-15 as SAHD-15", () => {
    const answer = disclosure.answers.find(
      (candidate) => candidate.id === "SAHD-15",
    );
    expect(answer?.printedId).toBe("SHAD-15");
    expect(answer?.value).toBe("yes");
    expect(answer?.location).toBe("line 252");
  });

  it("locates answers by line", () => {
    const answer = disclosure.answers.find(
      (candidate) => candidate.id === "ALOF-1",
    );
    expect(answer?.location).toBe("line 46");
  });

  it("reports no problems reading the lines", () => {
    const lineProblems = disclosure.problems.filter((problem) =>
      problem.code.startsWith("line."),
    );
    expect(lineProblems).toEqual([]);
  });
});
