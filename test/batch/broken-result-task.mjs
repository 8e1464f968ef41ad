// Stand-in batch task for tests, loaded through the MDS2_BATCH_TASK_MODULE
// testing hook: it reports every file as parsed but returns no disclosure, so
// recording the result fails the way a bug in the batch would.

export async function processFile() {
  return {
    kind: "parsed",
    disclosure: undefined,
    assessment: undefined,
    outputs: [],
    timings: {},
  };
}
