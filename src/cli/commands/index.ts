import type { CommandModule } from "yargs";

/** Every `mds2` command, one module each; add new commands here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [];
