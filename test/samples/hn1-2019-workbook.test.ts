import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue, Disclosure } from "../../src/model/disclosure.js";
import { parseDisclosure, parseFile } from "../../src/parse.js";
import {
  IMAGING_WORKSTATION,
  INFUSION_PUMP,
  SAMPLE_2019_PROFILES,
  sampleCells,
  sampleVariant,
} from "../../src/samples/hn1-2019-profiles.js";
import { buildSample2019Workbook, writeSample2019Workbook } from "../../src/samples/hn1-2019-workbook.js";

let folder: string;
const parsed = new Map<string, Disclosure>();

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mds2-samples-"));
  for (const profile of SAMPLE_2019_PROFILES) {
    const file = path.join(folder, `${profile.name}.xlsx`);
    await writeSample2019Workbook(profile, file);
    parsed.set(profile.name, await parseFile(file));
  }
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function answerOf(disclosure: Disclosure, id: string) {
  const answer = disclosure.answers.find((candidate) => candidate.id === id);
  if (!answer) throw new Error(`no answer ${id}`);
  return answer;
}

describe.each(SAMPLE_2019_PROFILES.map((profile) => [profile.name, profile] as const))(
  "sample %s",
  (name, profile) => {
    it("parses every question with the profile's cell text", () => {
      const disclosure = parsed.get(name)!;
      const cells = sampleCells(profile);
      expect(disclosure.answers).toHaveLength(240);
      for (const [id, cell] of cells) {
        if (id === "DOC-7") continue;
        expect(answerOf(disclosure, id).raw, id).toBe(cell.answer);
      }
    });

    it("fills the device record", () => {
      expect(parsed.get(name)!.device).toEqual(profile.device);
    });

    it("resolves every note reference", () => {
      const disclosure = parsed.get(name)!;
      expect(disclosure.notes.map((note) => note.text)).toEqual(profile.notes.map((note) => note.text));
      expect(disclosure.problems.filter((problem) => problem.code.startsWith("note."))).toEqual([]);
    });

    it("reads the other security considerations", () => {
      expect(parsed.get(name)!.otherConsiderations).toBe(profile.other);
    });
  },
);

describe("imaging workstation sample", () => {
  it.each([
    ["ALOF-1", "yes", undefined],
    ["MPII-1", "yes", undefined],
    ["CSUP-2", "yes", "Windows 10 IoT Enterprise LTSC 2019"],
    ["CONN-5", "yes", "DICOMweb, HL7 FHIR"],
    ["CSUP-6.1", "na", undefined],
    ["AUTH-3", "no", undefined],
  ] as [string, AnswerValue, string | undefined][])("answers %s %s", (id, value, comment) => {
    const answer = answerOf(parsed.get(IMAGING_WORKSTATION.name)!, id);
    expect(answer.value).toBe(value);
    expect(answer.comment).toBe(comment);
  });

  it("has no problems", () => {
    expect(parsed.get(IMAGING_WORKSTATION.name)!.problems).toEqual([]);
  });

  it("resolves RMOT-1 to note 4", () => {
    expect(answerOf(parsed.get(IMAGING_WORKSTATION.name)!, "RMOT-1").notes).toEqual([4]);
  });
});

describe("infusion pump sample", () => {
  it.each([
    ["ALOF-1", "no", undefined, []],
    ["MPII-3.1", "yes", undefined, []],
    ["MPII-3.6", "yes", "WiFi", []],
    ["AUDT-1.1", "yes", undefined, []],
    ["AUDT-6", "yes", "Admin only", []],
    ["AUDT-7", "no", undefined, []],
    ["CSUP-11.1", "see-note", undefined, [2]],
    ["MLDP-3", "see-note", undefined, [3]],
    ["MLDP-4", "yes", undefined, [3]],
    ["NAUT-2", "yes", "Windows Firewall, inbound rules restricted", []],
    ["PAUT-5", "no", "service password fixed", []],
    ["RDMP-3", "yes", undefined, [4]],
    ["AUTH-2", "unrecognized", undefined, []],
  ] as [string, AnswerValue, string | undefined, number[]][])(
    "answers %s %s",
    (id, value, comment, notes) => {
      const answer = answerOf(parsed.get(INFUSION_PUMP.name)!, id);
      expect(answer.value).toBe(value);
      expect(answer.comment).toBe(comment);
      expect(answer.notes).toEqual(notes);
    },
  );

  it("finds the moved table behind an extra sheet", () => {
    const answer = answerOf(parsed.get(INFUSION_PUMP.name)!, "DOC-1");
    // Two rows down and one column right of the NEMA layout: DOC-1 in D8.
    expect(answer.location).toBe("MDS2 2019!D8");
  });

  it("keeps the printed SHAD-15", () => {
    expect(answerOf(parsed.get(INFUSION_PUMP.name)!, "SAHD-15").printedId).toBe("SHAD-15");
  });

  it("reports the one unrecognized value", () => {
    const problems = parsed.get(INFUSION_PUMP.name)!.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "answer.unrecognized", questionId: "AUTH-2" });
  });
});

describe("sampleVariant", () => {
  it("gives the same form for the same seed", async () => {
    const first = await buildSample2019Workbook(sampleVariant(INFUSION_PUMP, 7));
    const second = await buildSample2019Workbook(sampleVariant(INFUSION_PUMP, 7));
    const [one, two] = await Promise.all([
      parseDisclosure(first, "one.xlsx"),
      parseDisclosure(second, "two.xlsx"),
    ]);
    expect(one.answers.map((answer) => answer.raw)).toEqual(two.answers.map((answer) => answer.raw));
    expect(one.device.documentId).toBe("HIS-220-MDS2-2021-00007");
  });

  it.each([1, 2, 3, 4, 5, 6])("parses the variant of seed %i", async (seed) => {
    const profile = sampleVariant(INFUSION_PUMP, seed);
    const disclosure = await parseDisclosure(await buildSample2019Workbook(profile), "variant.xlsx");
    const cells = sampleCells(profile);
    expect(disclosure.answers).toHaveLength(240);
    expect(disclosure.device.documentId).toBe(profile.device.documentId);
    for (const answer of disclosure.answers) {
      if (answer.id !== "DOC-7") expect(answer.raw, answer.id).toBe(cells.get(answer.id)!.answer);
    }
    expect(disclosure.answers[0]!.location.startsWith(`${profile.layout.sheetName}!`)).toBe(true);
  });

  it("changes some answers between seeds", () => {
    const first = sampleCells(sampleVariant(IMAGING_WORKSTATION, 1));
    const second = sampleCells(sampleVariant(IMAGING_WORKSTATION, 2));
    const differing = [...first].filter(([id, cells]) => second.get(id)!.answer !== cells.answer);
    expect(differing.length).toBeGreaterThan(5);
  });
});

describe("committed samples", () => {
  it.each(SAMPLE_2019_PROFILES.map((profile) => profile.name))("samples/%s.xlsx parses", async (name) => {
    const file = path.resolve(import.meta.dirname, "../../samples", `${name}.xlsx`);
    const disclosure = await parseDisclosure(new Uint8Array(await readFile(file)), file);
    expect(disclosure.answers).toHaveLength(240);
    expect(disclosure.device.model).toBe(SAMPLE_2019_PROFILES.find((profile) => profile.name === name)!.device.model);
  });
});

describe("later models in other formats", () => {
  it.each([
    ["northwind-ni4500-imaging-workstation-00001.txt", "text", 0],
    ["harbor-his220-infusion-pump-00002.xls", "xls", 1],
  ] as const)("samples/%s reads as %s", async (name, format, index) => {
    const profile = SAMPLE_2019_PROFILES[index]!;
    const file = path.resolve(import.meta.dirname, "../../samples", name);
    const later = await parseDisclosure(new Uint8Array(await readFile(file)), file);
    const original = await parseDisclosure(await buildSample2019Workbook(profile), "original.xlsx");

    expect(later.source.format).toBe(format);
    expect(later.device.manufacturer).toBe(profile.device.manufacturer);
    const values = (disclosure: typeof later) =>
      disclosure.answers
        .filter((answer) => answer.section !== "DOC")
        .map((answer) => [answer.id, answer.value, answer.comment ?? ""]);
    expect(values(later)).toEqual(values(original));
  });
});
