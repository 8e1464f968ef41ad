#!/usr/bin/env node
import { run } from "./run.js";

// A reader that closes the pipe early (`mds2 parse x --json | head`) is not
// an error: stop writing and exit quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await run(process.argv.slice(2));
