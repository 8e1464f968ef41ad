import { describe, expect, it } from "vitest";
import {
  floorRatio,
  formatResults,
  peakMemory,
  type BenchResults,
  type RunFigures,
} from "../../src/bench/results.js";

function run(overrides: Partial<RunFigures> = {}): RunFigures {
  return {
    wallMs: 20_000,
    elapsedMs: 19_000,
    exitCode: 0,
    inputs: 1000,
    parsed: 1000,
    skipped: 0,
    failed: 0,
    stages: {
      read: 10_000,
      recognize: 1000,
      normalize: 1000,
      assess: 5000,
      render: 1000,
      hash: 2000,
      write: 9000,
      record: 2000,
    },
    peakRssMb: 300,
    cpuMs: 38_000,
    ...overrides,
  };
}

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    date: "2026-12-04T00:00:00.000Z",
    machine: {
      cpu: "Test CPU",
      cores: 2,
      memoryGb: 24,
      node: "v20.20.2",
      platform: "Linux test",
      loadBefore: 0.5,
    },
    count: 1000,
    jobs: 2,
    first: run(),
    second: run({ wallMs: 1500, parsed: 0, skipped: 1000 }),
    floor: { files: 400, totalMs: 200, cells: 500_000 },
    parse: { files: 400, totalMs: 1200, answers: 96_000 },
    memory: [],
    byFormat: { xlsx: { forms: 400, totals: { read: 4000 } } },
    ...overrides,
  };
}

describe("benchmark results", () => {
  it("divides parse time by the floor", () => {
    expect(floorRatio(results())).toBeCloseTo(6, 5);
  });

  it("has no ratio without workbooks", () => {
    const empty = results({ floor: { files: 0, totalMs: 0, cells: 0 } });
    expect(floorRatio(empty)).toBeUndefined();
  });

  it("takes the highest peak over all sizes", () => {
    const peak = peakMemory(
      results({ memory: [{ ...run({ peakRssMb: 450 }), count: 10_000 }] }),
    );
    expect(peak.mb).toBe(450);
    expect(peak.text).toBe("300 MB at 1000 forms, 450 MB at 10000 forms");
  });

  it("marks each target met or missed", () => {
    const page = formatResults(
      results({ memory: [{ ...run({ peakRssMb: 450 }), count: 10_000 }] }),
    );
    expect(page).toContain(
      "| 1000 forms parsed, assessed and recorded in under 30 s | 20.0 s (52.6 forms/s) | yes |",
    );
    expect(page).toContain(
      "| workbook parsing within 10× the unzip-and-scan floor | 6.0× | yes |",
    );
    expect(page).toContain(
      "| peak memory under 400 MB | 300 MB at 1000 forms, 450 MB at 10000 forms | no |",
    );
    expect(page).toContain(
      "| re-run over unchanged inputs under 3 s | 1.5 s | yes |",
    );
    expect(page).toContain("| first, 10000 forms | 20.00 s |");
  });
});
