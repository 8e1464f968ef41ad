/** The batch stage: many inputs through a worker pool into outputs, a catalog and a catalog report. */

export {
  runBatch,
  CATALOG_FILE,
  DEFAULT_FORMATS,
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_TIMEOUT_SECONDS,
  type BatchOptions,
  type BatchSummary,
  type InputIssue,
  type StageTotals,
} from "./run-batch.js";
export {
  Catalog,
  ALREADY_RECORDED_CODE,
  DUPLICATE_CODE,
} from "./catalog/index.js";
export { readCatalogView, writeCatalogReport } from "./catalog-report/index.js";
export { formatSummary } from "./summary.js";
export {
  createProgress,
  silentProgress,
  type BatchProgress,
} from "./progress.js";
export type {
  FileResult,
  FileTask,
  ProcessFile,
  StageTimings,
} from "./task.js";
