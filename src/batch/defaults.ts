/**
 * Batch defaults, in a module of their own so `mds2 batch --help` can show
 * them without loading the worker pool and the catalog database.
 */

export const DEFAULT_FORMATS = ["html", "json"];
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_MEMORY_MB = 512;
export const CATALOG_FILE = "catalog.sqlite";
