import type { CommandModule } from "yargs";
import { batchCommand } from "./batch.js";
import { catalogCommand } from "./catalog.js";
import { checkCommand } from "./check.js";
import { convertCommand } from "./convert.js";
import { diffCommand } from "./diff.js";
import { mappingCommand } from "./mapping.js";
import { parseCommand } from "./parse.js";
import { reportCommand } from "./report.js";

/** Every `mds2` command, one module each; add new commands here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  parseCommand,
  checkCommand,
  reportCommand,
  batchCommand,
  catalogCommand,
  convertCommand,
  diffCommand,
  mappingCommand,
];
