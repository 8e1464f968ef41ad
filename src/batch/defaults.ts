/**
 * Batch defaults, in a module of their own so `mds2 batch --help` can show
 * them without loading the worker pool and the catalog database.
 */

export const DEFAULT_FORMATS = ["html", "json"];
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_MEMORY_MB = 512;
export const CATALOG_FILE = "catalog.sqlite";

/**
 * Largest time limit per file, in seconds: Node.js timers hold at most
 * 2^31 - 1 ms (about 24.8 days), and a longer delay fires at once. Longer
 * `--timeout` values are capped to it.
 */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/**
 * Largest `--jobs`. NOTE: a chosen bound, not a measured one; each worker
 * is a thread with its own heap, so more than this only adds memory.
 */
export const MAX_JOBS = 256;

export const MIN_MEMORY_MB = 64;
/** Largest `--max-memory`, 1 TiB: a bound against typing mistakes, not a tuned value. */
export const MAX_MEMORY_MB = 1024 * 1024;
