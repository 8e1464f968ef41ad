/** Finds the files a batch reads: folders walked recursively, globs expanded. */

import { stat } from "node:fs/promises";
import path from "node:path";
import { escapePath, glob, isDynamicPattern } from "tinyglobby";
import { Mds2Error } from "../errors.js";

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages: relative to the working folder when inside it. */
  name: string;
}

export interface CollectOptions {
  /** Folders whose content is never an input (the batch's own output folder). */
  exclude?: string[];
  cwd?: string;
}

/**
 * Collects the files named by `patterns`: a file is taken as is, a folder is
 * walked recursively, anything else is a glob. Hidden files and folders are
 * left out of walks and globs, and so is everything under `exclude`. Returns
 * each file once, sorted by path. Throws `Mds2Error` (`input.not-found`) for
 * a pattern that names nothing.
 */
export async function collectInputs(
  patterns: readonly string[],
  options: CollectOptions = {},
): Promise<InputFile[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const excluded = (options.exclude ?? []).map((folder) =>
    path.resolve(cwd, folder),
  );
  const found = new Set<string>();

  for (const pattern of patterns) {
    const matches = await expandPattern(pattern, cwd, excluded);
    if (matches.length === 0) {
      throw new Mds2Error(
        "input.not-found",
        `no files match ${JSON.stringify(pattern)}`,
        {
          hint: "Name MDS2 files, folders that contain them, or a glob such as 'forms/**/*.xlsx'.",
        },
      );
    }
    for (const match of matches) found.add(match);
  }

  return [...found]
    .filter((file) => !isExcluded(file, excluded))
    .sort()
    .map((file) => ({ path: file, name: displayName(file, cwd) }));
}

async function expandPattern(
  pattern: string,
  cwd: string,
  excluded: string[],
): Promise<string[]> {
  const resolved = path.resolve(cwd, pattern);
  const info = await stat(resolved).catch(() => undefined);

  if (info?.isFile()) return [resolved];
  if (info?.isDirectory()) return walkFolder(resolved, excluded);
  if (!isDynamicPattern(pattern)) return [];

  return glob(pattern, {
    cwd,
    absolute: true,
    dot: false,
    onlyFiles: true,
    // Symbolic links are not followed so that a link loop cannot stall the walk.
    followSymbolicLinks: false,
    ignore: excludedPatterns(excluded, cwd),
  });
}

function walkFolder(folder: string, excluded: string[]): Promise<string[]> {
  return glob("**/*", {
    cwd: folder,
    absolute: true,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: excludedPatterns(excluded, folder),
  });
}

// tinyglobby ignores paths relative to its cwd; folders outside it need no pattern.
function excludedPatterns(excluded: string[], cwd: string): string[] {
  return excluded
    .map((folder) => path.relative(cwd, folder))
    .filter((relative) => relative !== "" && !relative.startsWith(".."))
    .map((relative) => `${escapePath(relative.split(path.sep).join("/"))}/**`);
}

function isExcluded(file: string, excluded: string[]): boolean {
  return excluded.some((folder) => {
    const relative = path.relative(folder, file);
    return (
      relative !== "" &&
      !relative.startsWith("..") &&
      !path.isAbsolute(relative)
    );
  });
}

function displayName(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return file;
  return relative;
}
