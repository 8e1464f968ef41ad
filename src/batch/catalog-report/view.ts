/** The whole catalog in memory, as the catalog report shows it. */

import type { Catalog } from "../catalog/index.js";
import {
  iterateDevices,
  readIssues,
  readLatestRun,
  type DeviceEntry,
  type DisclosureRow,
  type IssueRow,
  type RunRow,
} from "./rows.js";

export type { DeviceEntry, DisclosureRow, IssueRow, RunRow } from "./rows.js";

export interface CatalogView {
  run: RunRow | undefined;
  devices: DeviceEntry[];
  /** Every disclosure, grouped by device, newest first within a device. */
  disclosures: DisclosureRow[];
  /** Inputs whose latest outcome is a skip or a failure. */
  issues: IssueRow[];
}

/**
 * Reads devices, their disclosures, statuses, finding counts and the open
 * issues. The view keeps every disclosure in memory, so the report files
 * are written from the row iterators in `rows.ts` instead.
 */
export function readCatalogView(catalog: Catalog): CatalogView {
  const devices = [...iterateDevices(catalog)];
  return {
    run: readLatestRun(catalog),
    devices,
    disclosures: devices.flatMap(({ latest, earlier }) => [latest, ...earlier]),
    issues: readIssues(catalog),
  };
}
