import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Mds2Error } from "../../src/errors.js";
import {
  MAX_BASE_NAME_LENGTH,
  reportBaseName,
  sanitizeFileName,
  writeOutputs,
} from "../../src/render/write-outputs.js";
import { sampleDisclosure } from "../helpers/sample-report.js";

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mds2-write-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("sanitizeFileName", () => {
  it.each([
    ["Acme Medical <Devices> & Co.", "Acme-Medical-Devices-Co"],
    ["../../etc/passwd", "etc-passwd"],
    ["C:\\Windows\\system32", "C-Windows-system32"],
    ["Siemens Healthineers® AG", "Siemens-Healthineers-AG"],
    ["Dräger Médical", "Drager-Medical"],
    ["a---b___c", "a-b___c"],
    ["Hidden", "Hidden"],
    ["  ", ""],
    ["日本語", ""],
    ["CON", "_CON"],
    ["model_x-1", "model_x-1"],
  ])("maps %j to %j", (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it("limits the length without a trailing dash", () => {
    const name = sanitizeFileName(
      `${"a".repeat(MAX_BASE_NAME_LENGTH - 1)} bcd`,
    );
    expect(name).toBe("a".repeat(MAX_BASE_NAME_LENGTH - 1));
  });
});

describe("reportBaseName", () => {
  it("joins manufacturer, model and document ID", () => {
    expect(reportBaseName(sampleDisclosure())).toBe(
      "Acme-Medical-Devices-Co-Infusor-X1-ACME-MDS2-0042",
    );
  });

  it("keeps Hidden values as name parts", () => {
    const disclosure = sampleDisclosure();
    disclosure.device = {
      manufacturer: "Hidden",
      model: "Pump 9",
      documentId: "Hidden",
    };
    expect(reportBaseName(disclosure)).toBe("Hidden-Pump-9-Hidden");
  });

  it.each([
    ["folder/vendor form (v2).xlsx", "vendor-form-v2"],
    ["C:\\forms\\Pump.pdf", "Pump"],
    ["???.txt", "mds2-report"],
  ])("falls back to the source name %j", (file, expected) => {
    const disclosure = sampleDisclosure();
    disclosure.device = { manufacturer: "  ", model: "— ®" };
    disclosure.source.file = file;
    expect(reportBaseName(disclosure)).toBe(expected);
  });
});

describe("writeOutputs", () => {
  it("writes every file and returns the paths", async () => {
    const target = path.join(folder, "nested", "out");
    const paths = await writeOutputs(target, "Pump/../X", [
      { suffix: ".html", content: "<p>x</p>" },
      { suffix: ".disclosure.json", content: new TextEncoder().encode("{}") },
    ]);
    expect(paths).toEqual([
      path.join(target, "Pump-X.html"),
      path.join(target, "Pump-X.disclosure.json"),
    ]);
    expect(await readFile(paths[0] ?? "", "utf8")).toBe("<p>x</p>");
    expect(await readFile(paths[1] ?? "", "utf8")).toBe("{}");
    expect((await readdir(target)).sort()).toEqual([
      "Pump-X.disclosure.json",
      "Pump-X.html",
    ]);
  });

  it("replaces an existing file", async () => {
    const target = path.join(folder, "replace");
    await writeOutputs(target, "a", [{ suffix: ".html", content: "old" }]);
    const [written] = await writeOutputs(target, "a", [
      { suffix: ".html", content: "new" },
    ]);
    expect(await readFile(written ?? "", "utf8")).toBe("new");
  });

  it("rejects a folder that is a file", async () => {
    const blocker = path.join(folder, "blocker");
    await writeFile(blocker, "");
    const error = await writeOutputs(path.join(blocker, "sub"), "a", [
      { suffix: ".html", content: "" },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Mds2Error);
    expect((error as Mds2Error).code).toBe("output.failed");
    expect((error as Mds2Error).file).toBe(path.join(blocker, "sub"));
  });

  it("never replaces an input file", async () => {
    const target = path.join(folder, "input-folder");
    await writeOutputs(target, "form", [{ suffix: ".pdf", content: "input" }]);
    const input = path.join(target, "form.pdf");

    const error = await writeOutputs(
      target,
      "form",
      [
        { suffix: ".html", content: "report" },
        { suffix: ".pdf", content: "pack" },
      ],
      [input],
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Mds2Error);
    expect((error as Mds2Error).file).toBe(input);
    expect(await readFile(input, "utf8")).toBe("input");
    expect(await readdir(target)).toEqual(["form.pdf"]);
  });

  it.each([["html"], ["/x.html"], [".a/b"], [""]])(
    "rejects the suffix %j",
    async (suffix) => {
      await expect(
        writeOutputs(folder, "a", [{ suffix, content: "" }]),
      ).rejects.toThrow(/suffix/);
    },
  );
});
