import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html/index.js";
import {
  HOSTILE_NOTE,
  sampleAssessment,
  sampleDisclosure,
} from "../helpers/sample-report.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the browser test of the HTML report: ${CHROMIUM} is not installed.`,
  );
}

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

describe("HTML report in Chromium", () => {
  it.skipIf(!hasChromium)(
    "renders offline without scripts or errors",
    async () => {
      const folder = await mkdtemp(path.join(tmpdir(), "mds2-html-"));
      const file = path.join(folder, "report.html");
      await writeFile(file, renderHtml(sampleDisclosure(), sampleAssessment()));
      const url = pathToFileURL(file).href;

      const profile = await mkdtemp(
        path.join(tmpdir(), "mds2-chromium-profile-"),
      );
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        args: LAUNCH_ARGS,
        viewport: { width: 1280, height: 900 },
      });
      try {
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        const requests: string[] = [];
        page.on("console", (message) => {
          if (message.type() === "error") consoleErrors.push(message.text());
        });
        page.on("pageerror", (error) => consoleErrors.push(error.message));
        page.on("request", (request) => requests.push(request.url()));

        await page.goto(url, { waitUntil: "load" });

        expect(consoleErrors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.locator("script").count()).toBe(0);
        expect(await page.locator("img").count()).toBe(0);

        const note = page.locator("#note-2 .note-text");
        expect(await note.innerText()).toBe(HOSTILE_NOTE);
        expect(await note.isVisible()).toBe(true);
        expect(await note.locator("a").getAttribute("href")).toBe(
          "https://vendor.example/security?a=1&b=2",
        );

        expect(await page.locator("svg.chart .chart-chip").count()).toBe(
          sampleAssessment().capabilities.length,
        );

        const screenshot = path.join(folder, "report.png");
        await page.screenshot({ path: screenshot, fullPage: true });
        console.log(`Screenshot of the HTML report: ${screenshot}`);
      } finally {
        await context.close();
      }
    },
  );
});
