/** Finds the files a batch reads: folders walked recursively, globs expanded. */

import type { Dirent, Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { escapePath, glob, isDynamicPattern } from "tinyglobby";
import { Mds2Error } from "../errors.js";

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages: relative to the working folder when inside it. */
  name: string;
  /** Set for an entry that is not read: a broken link, a FIFO, a link to a folder. */
  skip?: InputSkip;
}

/** Reason for recording a folder entry as a skipped input instead of reading it. */
export interface InputSkip {
  code: "input.not-a-file" | "input.broken-link" | "input.unreadable";
  reason: string;
}

/** An entry found by a pattern: a file to read, or one to record as skipped. */
interface Found {
  path: string;
  skip?: InputSkip;
}

export interface CollectOptions {
  /** Folders whose content is never an input (the batch's own output folder). */
  exclude?: string[];
  cwd?: string;
}

/**
 * Collects the files named by `patterns`: a file is taken as is, a folder is
 * walked recursively, anything else is a glob. Hidden files and folders are
 * left out of walks and globs, and so is everything under `exclude`. In a
 * walk, a symbolic link to a file is read under the link's path. Links to
 * folders are not followed, so a link loop cannot stall the walk. They come
 * back with `skip` set, as do broken links, FIFOs, sockets, devices and
 * subfolders that cannot be listed, so every entry is accounted for. Globs
 * match regular files only. Returns each path once, sorted. Throws
 * `Mds2Error` (`input.not-found`) for a pattern that names nothing.
 */
export async function collectInputs(
  patterns: readonly string[],
  options: CollectOptions = {},
): Promise<InputFile[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const excluded = (options.exclude ?? []).map((folder) =>
    path.resolve(cwd, folder),
  );
  const found = new Map<string, Found>();

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
    for (const match of matches) found.set(match.path, match);
  }

  return (
    [...found.values()]
      .filter((entry) => !isExcluded(entry.path, excluded))
      // Paths are unique keys of `found`, so no two compare equal.
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((entry) => ({ ...entry, name: displayName(entry.path, cwd) }))
  );
}

async function expandPattern(
  pattern: string,
  cwd: string,
  excluded: string[],
): Promise<Found[]> {
  const resolved = path.resolve(cwd, pattern);
  const info = await stat(resolved).catch(() => undefined);

  if (info?.isFile()) return [{ path: resolved }];
  if (info?.isDirectory()) return walkFolder(resolved, excluded);
  if (info) return [{ path: resolved, skip: notAFile(info) }];
  if (!isDynamicPattern(pattern)) return [];

  const files = await glob(pattern, {
    cwd,
    absolute: true,
    dot: false,
    onlyFiles: true,
    // Symbolic links are not followed so that a link loop cannot stall the walk.
    followSymbolicLinks: false,
    ignore: excludedPatterns(excluded, cwd),
  });
  return files.map((file) => ({ path: file }));
}

/**
 * Walks `folder` and its subfolders, leaving out hidden entries and the
 * `excluded` folders. tinyglobby 0.2 is not used here because it drops
 * symbolic links and FIFOs without a word when it does not follow links.
 */
async function walkFolder(
  folder: string,
  excluded: string[],
): Promise<Found[]> {
  const found: Found[] = [];
  const pending = [folder];
  for (let current = pending.pop(); current; current = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      found.push({
        path: current,
        skip: {
          code: "input.unreadable",
          reason: `cannot list the folder (${errorCode(error)})`,
        },
      });
      continue;
    }
    for (const entry of entries) {
      const entryPath = path.join(current, entry.name);
      if (entry.name.startsWith(".") || isWithin(entryPath, excluded)) continue;
      if (entry.isDirectory()) pending.push(entryPath);
      else found.push(await folderEntry(entryPath, entry));
    }
  }
  return found;
}

async function folderEntry(entryPath: string, entry: Dirent): Promise<Found> {
  if (entry.isFile()) return { path: entryPath };
  if (!entry.isSymbolicLink())
    return { path: entryPath, skip: notAFile(entry) };

  let target;
  try {
    target = await stat(entryPath);
  } catch (error) {
    return {
      path: entryPath,
      skip: {
        code: "input.broken-link",
        reason: `symbolic link to a missing or unreadable target (${errorCode(error)})`,
      },
    };
  }
  if (target.isFile()) return { path: entryPath };
  if (target.isDirectory()) {
    return {
      path: entryPath,
      skip: {
        code: "input.not-a-file",
        reason:
          "symbolic link to a folder, which batch does not follow; name the folder itself to read it",
      },
    };
  }
  return { path: entryPath, skip: notAFile(target) };
}

function notAFile(entry: Dirent | Stats): InputSkip {
  const kind = entry.isFIFO()
    ? "FIFO"
    : entry.isSocket()
      ? "socket"
      : entry.isBlockDevice() || entry.isCharacterDevice()
        ? "device"
        : "special file";
  return {
    code: "input.not-a-file",
    reason: `not a regular file but a ${kind}`,
  };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function isWithin(entryPath: string, folders: string[]): boolean {
  return folders.includes(entryPath) || isExcluded(entryPath, folders);
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
