import yargs from "yargs";
import { isMds2Error } from "../errors.js";
import { commands } from "./commands/index.js";

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

/**
 * Runs the CLI on `args` and returns the exit code. Known errors print one
 * line on stderr; anything else is a bug and keeps its stack.
 */
export async function run(args: string[]): Promise<number> {
  // yargs turns a lone `-` into an empty string, so it travels as a token
  // that cannot be a real argument and is turned back into `-` (stdin).
  const prepared = args.map((arg) => (arg === "-" ? STDIN_TOKEN : arg));
  // Command handlers report findings by setting process.exitCode.
  process.exitCode = EXIT_OK;
  const parser = yargs(prepared)
    .middleware(restoreStdinArguments, true)
    .scriptName("mds2")
    .usage(
      "$0 <command> [options]\n\nRead, cross-reference and report on MDS2 forms.",
    )
    .command(commands)
    .demandCommand(1, "Name a command; run mds2 --help for the list.")
    .strict()
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 80))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `mds2: ${error.message.split("\n").map(printable).join("\n")}\n` +
          "Run mds2 --help for usage.\n",
      );
      return EXIT_INPUT;
    }
    if (isMds2Error(error)) {
      process.stderr.write(`mds2: ${printable(error.toLine())}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
  return typeof process.exitCode === "number" ? process.exitCode : EXIT_OK;
}

class UsageError extends Error {}

// C0 and C1 control characters and DEL.
// eslint-disable-next-line no-control-regex -- matching them is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Replaces control characters with `\uXXXX`, so text quoted from an input
 * file stays on one line and cannot move the cursor or recolor the terminal.
 */
export function printable(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) =>
      `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const STDIN_TOKEN = "\u0000stdin";

function restoreStdinArguments(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (value === STDIN_TOKEN) argv[key] = "-";
    else if (Array.isArray(value)) {
      argv[key] = value.map((item) => (item === STDIN_TOKEN ? "-" : item));
    }
  }
}
