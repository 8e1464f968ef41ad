import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "../src/crossref/index.js";
import {
  diffDisclosures,
  formatDiff,
  type DisclosureDiff,
} from "../src/crossref/diff.js";
import { builtInMapping } from "../src/mapping/built-in.js";
import type { Disclosure } from "../src/model/disclosure.js";
import { parseFile } from "../src/parse.js";
import { disclosure2013 } from "./helpers/edition-2013-records.js";
import { writeEditedCopy } from "./helpers/edited-workbook.js";
import { packDisclosure } from "./helpers/evidence-pack-records.js";

const here = dirname(fileURLToPath(import.meta.url));
const nemaExample = join(
  here,
  "../../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);

function assessBoth(before: Disclosure, after: Disclosure) {
  const options = { mapping: builtInMapping(), today: "2026-01-01" };
  return { before: assess(before, options), after: assess(after, options) };
}

describe("diffDisclosures on an edited workbook", () => {
  let diff: DisclosureDiff;

  beforeAll(async () => {
    // Rows of the NEMA example: C7 DOC-2, C50 ALOF-1, C265 SAHD-1, B343 note 2.
    const edited = await writeEditedCopy(nemaExample, {
      C7: "Handheld Blood Glucose Monitor, model B",
      C50: "Yes",
      C265: "Perhaps",
      B343: "Access needs a PIN since firmware 2.0.",
    });
    const before = await parseFile(nemaExample);
    const after = await parseFile(edited);
    diff = diffDisclosures(before, after, assessBoth(before, after));
  });

  it("reports the changed answers with both values", () => {
    const byId = new Map(
      diff.answers.changed.map((change) => [change.id, change]),
    );

    expect(byId.get("ALOF-1")?.before.value).toBe("no");
    expect(byId.get("ALOF-1")?.after.value).toBe("yes");
    expect(byId.get("SAHD-1")?.after).toMatchObject({
      value: "unrecognized",
      raw: "Perhaps",
    });
    expect([...byId.keys()].sort()).toEqual(["ALOF-1", "DOC-2", "SAHD-1"]);
    expect(diff.answers.added).toEqual([]);
    expect(diff.answers.removed).toEqual([]);
  });

  it("reports the device and note changes", () => {
    expect(diff.device).toContainEqual({
      field: "description",
      before: "Handheld Blood Glucose Monitor",
      after: "Handheld Blood Glucose Monitor, model B",
    });
    expect(diff.notes).toEqual([
      {
        number: 2,
        before:
          "There is no restriction on access to any person with physical access to the device.",
        after: "Access needs a PIN since firmware 2.0.",
      },
    ]);
  });

  it("reports the new finding and the resolved one", () => {
    const appeared =
      diff.findings?.appeared.map((finding) => finding.kind) ?? [];
    const resolvedQuestions =
      diff.findings?.resolved.flatMap((finding) => finding.questions) ?? [];

    expect(appeared).toContain("unrecognized");
    expect(resolvedQuestions).toContain("ALOF-1");
    expect(
      diff.capabilities?.find((change) => change.code === "ALOF")?.before,
    ).toBe("gap");
  });

  it("prints the changes as text", () => {
    const text = formatDiff(diff);

    expect(text).toContain('ALOF-1: no "No" -> yes "Yes"');
    expect(text).toContain("Findings appeared");
    expect(text).toContain("Note 2:");
  });
});

describe("diffDisclosures", () => {
  it("finds nothing between a form and itself", async () => {
    const disclosure = await parseFile(nemaExample);
    const diff = diffDisclosures(
      disclosure,
      disclosure,
      assessBoth(disclosure, disclosure),
    );

    expect(formatDiff(diff)).toContain("No changes.");
    expect(diff.answers.changed).toEqual([]);
  });

  it("lists added and removed answers", () => {
    const before = packDisclosure();
    const after = packDisclosure();
    after.answers = after.answers.filter((answer) => answer.id !== "TXCF-1");
    after.answers.push({
      ...after.answers[0]!,
      id: "SAHD-1",
      raw: "No",
      value: "no",
    });

    const diff = diffDisclosures(before, after);

    expect(diff.answers.removed.map((entry) => entry.id)).toEqual(["TXCF-1"]);
    expect(diff.answers.added.map((entry) => entry.id)).toEqual(["SAHD-1"]);
    expect(diff.findings).toBeUndefined();
  });

  it("compares a 2013 form on 2019 IDs", () => {
    const before = disclosure2013();
    const after = packDisclosure();

    const diff = diffDisclosures(before, after);
    const alof2 = diff.answers.changed.find((change) => change.id === "ALOF-2");

    expect(alof2?.before).toMatchObject({ value: "yes", from: ["1-1.1"] });
    expect(alof2?.after.raw).toBe("Yes,15 minutes");
    expect(diff.answers.removed.map((entry) => entry.id)).toContain("4-1");
  });
});

describe("formatDiff", () => {
  it.each([
    ["escape", "a\u001b[31mb", "a\\u001b[31mb"],
    ["C1 escape", "a\u009b31mb", "a\\u009B31mb"],
    ["right-to-left override", "a\u202Eevil", "a\\u202Eevil"],
    ["isolate", "a\u2067b", "a\\u2067b"],
  ])("escapes a vendor %s", (_name, note, shown) => {
    const before = packDisclosure();
    const after = packDisclosure();
    after.notes[0]!.text = note;

    const text = formatDiff(diffDisclosures(before, after));

    expect(text).toContain(shown);
    expect(text.includes(note.charAt(1))).toBe(false);
  });

  it("keeps Hebrew and CJK text", () => {
    const before = packDisclosure();
    const after = packDisclosure();
    after.notes[0]!.text = "שלום 医疗设备 😀";

    expect(formatDiff(diffDisclosures(before, after))).toContain(
      "שלום 医疗设备 😀",
    );
  });
});

describe("source files", () => {
  it("stay unchanged by the edited copy", async () => {
    const before = await readFile(nemaExample);
    await writeEditedCopy(nemaExample, { C50: "Yes" });

    expect(await readFile(nemaExample)).toEqual(before);
  });
});
