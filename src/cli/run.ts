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
  const prepared = protectLiteralArguments(args);
  // Command handlers report findings by setting process.exitCode.
  process.exitCode = EXIT_OK;
  const parser = yargs(prepared)
    .middleware(restoreLiteralArguments, true)
    .middleware(rejectEmptyOutput)
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
      // yargs reports its own usage errors, a failed `coerce` included, as YError.
      if (!error || error.name === "YError")
        throw new UsageError(message ?? error?.message ?? "invalid arguments");
      throw error;
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

/** Marks an argument that yargs must take as a plain value; no real argument starts with NUL. */
const LITERAL_MARK = "\u0000";

/**
 * Marks the arguments yargs 18 would misread. It turns a lone `-` (stdin)
 * into an empty string. It also neither counts nor fills positionals from
 * the arguments after `--`. So `--` is dropped, and each later argument that
 * starts with a dash is marked, which keeps it a positional.
 */
function protectLiteralArguments(args: readonly string[]): string[] {
  const end = args.indexOf("--");
  const options = end === -1 ? args : args.slice(0, end);
  const operands = end === -1 ? [] : args.slice(end + 1);
  return [
    ...options.map((arg) => (arg === "-" ? LITERAL_MARK + arg : arg)),
    ...operands.map((arg) => (arg.startsWith("-") ? LITERAL_MARK + arg : arg)),
  ];
}

function restoreLiteralArguments(argv: Record<string, unknown>): void {
  const restore = (value: unknown): unknown =>
    typeof value === "string" && value.startsWith(LITERAL_MARK)
      ? value.slice(LITERAL_MARK.length)
      : value;
  for (const [key, value] of Object.entries(argv)) {
    argv[key] = Array.isArray(value) ? value.map(restore) : restore(value);
  }
}

/** `-o` with no value, or an empty one, would write into the working folder. */
function rejectEmptyOutput(argv: Record<string, unknown>): void {
  if (argv.output !== "") return;
  throw new UsageError(
    "-o/--output needs a file or folder name; got an empty value",
  );
}
