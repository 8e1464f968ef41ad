import yargs from "yargs";
import { isMds2Error } from "../errors.js";
import { commands } from "./commands/index.js";
import { EXIT_INPUT, EXIT_OK } from "./exit-codes.js";
import { printable } from "../terminal-text.js";

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

const STDIN_TOKEN = "\u0000stdin";

function restoreStdinArguments(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (value === STDIN_TOKEN) argv[key] = "-";
    else if (Array.isArray(value)) {
      argv[key] = value.map((item) => (item === STDIN_TOKEN ? "-" : item));
    }
  }
}
