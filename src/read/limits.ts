/**
 * Size limits that keep one hostile or broken file from exhausting time or
 * memory. Each limit can be raised through an environment variable, so the
 * CLI and batch workers share one setting.
 */

import { Mds2Error } from "../errors.js";

export interface ReadLimits {
  /** Maximum input file size in bytes. */
  maxInputBytes: number;
  /** Maximum total size of the entries of a zip container once inflated, in bytes. */
  maxInflatedBytes: number;
  /** Maximum number of entries in a zip container. */
  maxZipEntries: number;
  /** Maximum number of cells across all sheets of a workbook. */
  maxCells: number;
}

interface LimitSpec {
  /** Environment variable that overrides the default. */
  variable: string;
  /** Unit of the variable's value, in bytes, or 1 for counts. */
  unit: number;
  unitName: string;
  defaultValue: number;
  /** Noun phrase for the quantity the limit bounds, used in messages. */
  subject: string;
}

const MIB = 1024 * 1024;

// MDS2 workbooks are tens of kilobytes and hold a few thousand cells; the
// defaults leave two orders of magnitude of headroom.
const specs: Record<keyof ReadLimits, LimitSpec> = {
  maxInputBytes: {
    variable: "MDS2_MAX_INPUT_MB",
    unit: MIB,
    unitName: "MB",
    defaultValue: 50,
    subject: "input file size",
  },
  maxInflatedBytes: {
    variable: "MDS2_MAX_INFLATED_MB",
    unit: MIB,
    unitName: "MB",
    defaultValue: 200,
    subject: "inflated size of the workbook's zip entries",
  },
  maxZipEntries: {
    variable: "MDS2_MAX_ZIP_ENTRIES",
    unit: 1,
    unitName: "entries",
    defaultValue: 10_000,
    subject: "number of zip entries",
  },
  maxCells: {
    variable: "MDS2_MAX_CELLS",
    unit: 1,
    unitName: "cells",
    defaultValue: 2_000_000,
    subject: "number of cells",
  },
};

/** Reads the limits from the environment, falling back to the defaults. */
export function readLimits(
  environment: NodeJS.ProcessEnv = process.env,
): ReadLimits {
  const limits = {} as ReadLimits;
  for (const [name, spec] of Object.entries(specs) as [
    keyof ReadLimits,
    LimitSpec,
  ][]) {
    const text = environment[spec.variable];
    const value = text === undefined || text.trim() === "" ? NaN : Number(text);
    const amount =
      Number.isFinite(value) && value > 0 ? value : spec.defaultValue;
    limits[name] = Math.floor(amount * spec.unit);
  }
  return limits;
}

/**
 * Throws `input.too-large` for `actual` above the limit `name`, naming the
 * limit and the variable that raises it.
 */
export function enforceLimit(
  name: keyof ReadLimits,
  actual: number,
  limits: ReadLimits,
  file: string,
): void {
  const limit = limits[name];
  if (actual <= limit) return;
  const spec = specs[name];
  const formatted = (count: number) =>
    `${formatAmount(count / spec.unit)} ${spec.unitName}`;
  throw new Mds2Error(
    "input.too-large",
    `the ${spec.subject} (${formatted(actual)}) exceeds the limit of ${formatted(limit)}`,
    {
      file,
      hint: `If the file is trusted, raise the limit with the environment variable ${spec.variable}.`,
    },
  );
}

function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(1);
}
