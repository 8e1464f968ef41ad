import { describe, expect, it } from "vitest";
import { assess } from "../src/crossref/index.js";
import { detectPlatform, PLATFORMS } from "../src/crossref/platform.js";
import { Mds2Error } from "../src/errors.js";
import { buildDisclosure, testMapping } from "./helpers/crossref-fixtures.js";

describe("platform detection", () => {
  it.each([
    ["Runs on Windows XP Professional SP3", "winxp"],
    ["Embedded PC with Windows 7 Professional", "win7"],
    ["OS: Windows Embedded Standard 7 (WES7)", "win7"],
    ["Workstation runs Windows 8.1 Pro", "win8.1"],
    ["Windows 10 IoT Enterprise LTSC 2019", "win10"],
    ["Win10 22H2", "win10"],
    ["Windows 11 Enterprise", "win11"],
    ["Server runs Windows Server 2008 R2", "winserver2008"],
    ["Windows Server 2012 R2 Standard", "winserver2012"],
    ["Windows Server 2019", "winserver"],
    ["Windows CE 6.0 based controller", "win-embedded"],
    ["A Microsoft Windows based console", "windows"],
    ["Embedded Linux (Yocto)", "linux"],
    ["Runs the VxWorks real-time kernel", "rtos"],
    ["The device has no operating system; firmware only", "none"],
    ["Proprietary firmware", "unknown"],
  ])("detects %j as %s", (text, expected) => {
    const disclosure = buildDisclosure([], {
      notes: [{ number: 1, text, location: "mds2-form!B342" }],
    });
    const platform = detectPlatform(disclosure);
    expect(platform.id).toBe(expected);
    if (expected !== "unknown") {
      expect(platform.from).toBe("disclosure");
      expect(platform.evidence[0]?.location).toBe("mds2-form!B342");
    }
  });

  it("reads answer comments and free text", () => {
    const fromComment = buildDisclosure([
      { id: "CSUP-2", value: "yes", comment: "Windows 7 Embedded" },
    ]);
    expect(detectPlatform(fromComment).evidence[0]).toEqual({
      text: "Windows 7 Embedded",
      location: "mds2-form!C10",
    });
    const fromOther = buildDisclosure([], {
      otherConsiderations: "Base OS is Windows 10 Enterprise.",
    });
    expect(detectPlatform(fromOther).id).toBe("win10");
  });

  it("prefers the release named most often", () => {
    const disclosure = buildDisclosure([], {
      notes: [
        { number: 1, text: "Upgrade path from Windows 7 is planned." },
        { number: 2, text: "Ships with Windows 10." },
        { number: 3, text: "Windows 10 patches are validated monthly." },
      ],
    });
    expect(detectPlatform(disclosure).id).toBe("win10");
  });

  it("reads CSUP-2 No as no operating system", () => {
    const disclosure = buildDisclosure([{ id: "CSUP-2", value: "no" }]);
    const platform = detectPlatform(disclosure);
    expect(platform.id).toBe("none");
    expect(platform.evidence[0]?.location).toBe("mds2-form!C10");
  });

  it("keeps end-of-support dates as data with a note", () => {
    const dates = Object.fromEntries(
      PLATFORMS.map((platform) => [platform.id, platform.endOfSupport]),
    );
    expect(dates).toMatchObject({
      winxp: "2014-04-08",
      win7: "2020-01-14",
      "win8.1": "2023-01-10",
      win10: "2025-10-14",
    });
    expect(PLATFORMS.find((platform) => platform.id === "win10")?.note).toMatch(
      /LTSC/,
    );
  });
});

describe("end of support", () => {
  function assessNote(text: string, today = "2026-12-04") {
    const disclosure = buildDisclosure([], {
      notes: [{ number: 1, text, location: "mds2-form!B342" }],
    });
    return assess(disclosure, { mapping: testMapping(), today });
  }

  it.each([
    ["Windows XP", "2014-04-08"],
    ["Windows 7", "2020-01-14"],
    ["Windows 8.1", "2023-01-10"],
    ["Windows 10 Pro", "2025-10-14"],
  ])("reports %s as out of support", (text, date) => {
    const finding = assessNote(text).findings.find(
      (entry) => entry.id === "F-platform-end-of-support",
    )!;
    expect(finding.severity).toBe("high");
    expect(finding.message).toContain(date);
    expect(finding.location).toBe("mds2-form!B342");
  });

  it("is not reported before the date", () => {
    const assessment = assessNote("Windows 10 Pro", "2025-10-13");
    expect(
      assessment.findings.some(
        (entry) => entry.kind === "platform-end-of-support",
      ),
    ).toBe(false);
  });

  it("is not reported for Windows 11", () => {
    const assessment = assessNote("Windows 11");
    expect(
      assessment.findings.some(
        (entry) => entry.kind === "platform-end-of-support",
      ),
    ).toBe(false);
  });

  it("lowers the severity for a long-term servicing edition", () => {
    const finding = assessNote("Windows 10 Enterprise LTSC 2019").findings.find(
      (entry) => entry.kind === "platform-end-of-support",
    )!;
    expect(finding.severity).toBe("medium");
    expect(finding.message).toMatch(/long-term servicing/);
  });
});

describe("platform option", () => {
  it("overrides detection", () => {
    const disclosure = buildDisclosure([], {
      notes: [{ number: 1, text: "Windows 10" }],
    });
    const assessment = assess(disclosure, {
      mapping: testMapping(),
      platform: "win7",
      today: "2026-12-04",
    });
    expect(assessment.platform.id).toBe("win7");
    expect(assessment.platform.from).toBe("option");
    expect(assessment.platform.endOfSupport).toBe("2020-01-14");
  });

  it("rejects an unknown platform ID", () => {
    const disclosure = buildDisclosure([]);
    const run = () =>
      assess(disclosure, { mapping: testMapping(), platform: "amiga" });
    expect(run).toThrow(Mds2Error);
    expect(run).toThrow(/unknown platform "amiga"/);
  });
});
