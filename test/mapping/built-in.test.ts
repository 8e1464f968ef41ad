import { describe, expect, it } from "vitest";
import {
  BUILT_IN_CONTROLS,
  builtInMapping,
  isDefaultControl,
} from "../../src/mapping/built-in.js";
import {
  WINDOWS_PLATFORMS,
  isQuestionId,
} from "../../src/mapping/vocabulary.js";
import { isCapabilityCode } from "../../src/model/capabilities.js";

// The derivation table has 156 numbered rows. Each row is one control, even
// a row that groups related settings such as the three lockout values.
const SOURCE_ROWS = 156;

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe("built-in mapping data", () => {
  it("has one control per source row", () => {
    expect(BUILT_IN_CONTROLS).toHaveLength(SOURCE_ROWS);
  });

  it("counts controls per primary capability", () => {
    const primaries = BUILT_IN_CONTROLS.flatMap((control) =>
      control.capabilities
        .filter((capability) => capability.role === "primary")
        .map((capability) => capability.code),
    );
    expect(countBy(primaries)).toEqual({
      ALOF: 13,
      AUDT: 23,
      AUTH: 30,
      CSUP: 5,
      DTBK: 2,
      IGAU: 1,
      MLDP: 14,
      NAUT: 11,
      PAUT: 19,
      SAHD: 20,
      STCF: 6,
      TXCF: 8,
      TXIG: 4,
    });
  });

  it("counts controls per confidence", () => {
    const labels = BUILT_IN_CONTROLS.map(
      (control) => `${control.confidence.fact}/${control.confidence.mapping}`,
    );
    expect(countBy(labels)).toEqual({
      "verified/high": 17,
      "known/high": 74,
      "verified/medium": 1,
      "known/medium": 47,
      "known/low": 14,
      "uncertain/low": 1,
      "verified/judgment": 1,
      "known/judgment": 1,
    });
  });

  it("uses unique slug IDs", () => {
    const ids = BUILT_IN_CONTROLS.map((control) => control.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^win\.[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it("names only valid capability codes", () => {
    for (const control of BUILT_IN_CONTROLS) {
      for (const capability of control.capabilities) {
        expect(
          isCapabilityCode(capability.code),
          `${control.id} ${capability.code}`,
        ).toBe(true);
        expect(["primary", "secondary"]).toContain(capability.role);
      }
    }
  });

  it("gives every control but the banner a primary capability", () => {
    const withoutPrimary = BUILT_IN_CONTROLS.filter(
      (control) =>
        !control.capabilities.some(
          (capability) => capability.role === "primary",
        ),
    ).map((control) => control.id);
    expect(withoutPrimary).toEqual(["win.logon.legal-notice"]);
  });

  it("keeps MDS2-only sections apart from capabilities", () => {
    const sections = countBy(
      BUILT_IN_CONTROLS.flatMap((control) => control.sections ?? []),
    );
    expect(sections).toEqual({ RMOT: 8, MPII: 1, OTHR: 1 });
  });

  it("names only 2019 question IDs", () => {
    for (const control of BUILT_IN_CONTROLS) {
      for (const question of control.questions) {
        expect(isQuestionId(question), `${control.id} ${question}`).toBe(true);
      }
    }
  });

  it("names only known platforms", () => {
    for (const control of BUILT_IN_CONTROLS) {
      expect(control.platforms.length, control.id).toBeGreaterThan(0);
      for (const platform of control.platforms)
        expect(WINDOWS_PLATFORMS).toContain(platform);
    }
  });

  it.each([
    [
      "win.logon.machine-inactivity-limit",
      ["win8.1", "win10", "win11", "winserver", "win-embedded"],
    ],
    [
      "win.audit.removable-storage",
      ["win8.1", "win10", "win11", "winserver", "win-embedded"],
    ],
    ["win.devices.unsigned-drivers", ["winxp", "win-embedded"]],
  ])("limits %s to the platforms it exists on", (id, platforms) => {
    const control = BUILT_IN_CONTROLS.find((candidate) => candidate.id === id);
    expect(control?.platforms).toEqual(platforms);
  });

  it("keeps UAC settings off Windows XP", () => {
    const uac = BUILT_IN_CONTROLS.filter((control) =>
      control.id.startsWith("win.uac."),
    );
    expect(uac.length).toBe(9);
    for (const control of uac) expect(control.platforms).not.toContain("winxp");
  });

  it("records CIS numbers and marks sections", () => {
    const timeout = BUILT_IN_CONTROLS.find(
      (control) => control.id === "win.screensaver.timeout",
    );
    expect(timeout?.cis).toEqual([
      {
        benchmark: "CIS Microsoft Windows 7",
        version: "3.2.0",
        recommendation: "19.1.3.4",
        level: "L1",
      },
    ]);
    const enable = BUILT_IN_CONTROLS.find(
      (control) => control.id === "win.screensaver.enable",
    );
    expect(enable?.cis).toEqual([
      {
        benchmark: "CIS Microsoft Windows 7",
        version: "3.x",
        recommendation: "19.1.3",
        section: true,
      },
    ]);
    for (const control of BUILT_IN_CONTROLS) {
      for (const reference of control.cis)
        expect(reference.recommendation).toMatch(/^\d+(\.\d+)*$/);
    }
  });

  it("leaves CIS references empty where the benchmark has none", () => {
    const none = BUILT_IN_CONTROLS.filter(
      (control) => control.cis.length === 0,
    ).map((control) => control.id);
    expect(none).toEqual([
      "win.update.intranet-server",
      "win.restore.system-restore",
      "win.devices.unsigned-drivers",
      "win.defender.not-disabled",
      "win.removable-storage.deny-all",
      "win.schannel.protocols",
      "win.logon.legal-notice",
    ]);
  });

  it("carries the clinical tension notes", () => {
    const tense = BUILT_IN_CONTROLS.filter((control) => control.tension).map(
      (control) => control.id,
    );
    expect(tense).toEqual([
      "win.screensaver.timeout",
      "win.screensaver.enable",
      "win.screensaver.password",
      "win.screensaver.force-specific",
      "win.logon.machine-inactivity-limit",
      "win.audit.crash-on-fail",
      "win.account.admin-status",
      "win.shutdown.without-logon",
      "win.update.automatic",
      "win.update.no-auto-restart",
      "win.logon.cached-logons",
      "win.lockout.policy",
      "win.mss.auto-admin-logon",
    ]);
  });

  it("marks every control as derived", () => {
    expect(
      new Set(BUILT_IN_CONTROLS.map((control) => control.provenance)),
    ).toEqual(new Set(["derived"]));
  });
});

describe("builtInMapping", () => {
  it("leaves out low-confidence controls by default", () => {
    const mapping = builtInMapping();
    expect(mapping.name).toBe("built-in");
    expect(mapping.controls).toHaveLength(141);
    expect(
      mapping.controls.some((control) => control.confidence.mapping === "low"),
    ).toBe(false);
    expect(
      mapping.controls.some(
        (control) => control.confidence.fact === "uncertain",
      ),
    ).toBe(false);
  });

  it("includes low-confidence controls on request", () => {
    const mapping = builtInMapping({ includeLow: true });
    expect(mapping.controls).toHaveLength(SOURCE_ROWS);
    expect(
      mapping.controls.filter((control) => !isDefaultControl(control)),
    ).toHaveLength(15);
  });

  it("keeps judgment rows on by default", () => {
    const ids = builtInMapping().controls.map((control) => control.id);
    expect(ids).toContain("win.firewall.state");
    expect(ids).toContain("win.logon.legal-notice");
  });

  it("returns copies the caller may change", () => {
    const first = builtInMapping();
    first.controls[0]!.capabilities.push({ code: "DIDT", role: "primary" });
    expect(builtInMapping().controls[0]!.capabilities).toEqual([
      { code: "ALOF", role: "primary" },
    ]);
  });
});
