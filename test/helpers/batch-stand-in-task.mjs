// Stand-in batch task for tests, loaded by the workers through the
// MDS2_BATCH_TASK_MODULE testing hook. Files ending in `.hang` run forever,
// files ending in `.boom` allocate until the heap cap stops them, and every
// other file goes through the real pipeline after MDS2_TEST_DELAY_MS
// milliseconds (default 0), so a test can catch a batch mid-run.

import process from "node:process";
import { setTimeout as sleep } from "node:timers/promises";
import { processFile as realProcessFile } from "../../dist/batch/process-file.js";

const delayMs = Number(process.env.MDS2_TEST_DELAY_MS ?? "0");

export async function processFile(task) {
  if (task.path.endsWith(".hang")) {
    for (;;) {
      // A synchronous loop: only ending the worker stops it.
    }
  }
  if (task.path.endsWith(".boom")) {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (delayMs > 0) await sleep(delayMs);
  return realProcessFile(task);
}
