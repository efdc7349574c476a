// Which files a scan looks at: `git ls-files` inside a work tree (so .gitignore is respected), otherwise a
// walk that skips the same folders. Nothing outside the scanned folder is listed or read.
import { execFileSync } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { evidenceFileKind } from '../evidence/files.js';
import { languageOf } from '../languages/index.js';
import { configLanguagesOf } from '../languages/registry.js';
import type { SkippedFile } from '../model.js';
import { mentionsCookieApi } from '../rules/prefilter.js';
import { builtCopies, isBuiltCopyInput } from './built-copies.js';
import {
  excludedFolderOf,
  exclusionReason,
  frameworkSourceFolders,
  isNeverScannedFolder,
  isVendoredLibraryInput,
  vendoredLibraryFolders,
} from './exclusions.js';
import { compileGlobs, GlobError } from './glob.js';
import { MAX_FILE_BYTES, readRegularFile } from './read-file.js';

export interface Discovery {
  /** The scanned folder, symlinks resolved. */
  root: string;
  files: string[];
  /**
   * Templates, dependency manifests and deployment files, read only for the project evidence index (never
   * edited). The `paths` setting does not narrow them: a front end outside the scanned paths still reads
   * the cookies those paths set; `exclude` and the dependency folders still apply.
   */
  evidenceFiles: string[];
  skipped: SkippedFile[];
  /** How the list was made, for the report. */
  source: 'git' | 'walk';
  /**
   * What the built-in exclusions removed that would otherwise have been scanned, by folder (`vendor/`), most
   * files first; `files` is null for a folder the walk did not enter (so did not count).
   */
  excluded: ExcludedFolder[];
  /** `paths` entries that match no listed file, or that leave nothing to scan, in words for the person. */
  warnings: string[];
}

export interface ExcludedFolder {
  folder: string;
  files: number | null;
}

export function discoverFiles(folder: string, config: Pick<Config, 'paths' | 'exclude'>): Discovery {
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    throw new UsageError(`folder not found: ${folder}`);
  }
  if (!statSync(root).isDirectory()) throw new UsageError(`not a folder: ${folder}`);

  const explicit = explicitPaths(config.paths);
  // A folder git ignores (node_modules, a virtualenv) lists nothing through git: walk it instead.
  const fromGit = listWithGit(root);
  const listed = fromGit && fromGit.length > 0 ? fromGit : null;
  const walked = listed ? null : walk(root, explicit.entersFolder);
  const listing = listed ?? walked!.files;
  // Most of a tree (images, docs, data) is of no use to a scan: every later test runs on what is left.
  const all = listing.filter(worthListing);
  const include = config.paths.length > 0 ? globs(config.paths.map(asPrefixPattern)) : null;
  const exclude = config.exclude.length > 0 ? globs(config.exclude.map(asPrefixPattern)) : null;
  const files: string[] = [];
  const evidenceFiles: string[] = [];
  const skipped: SkippedFile[] = [];
  // A folder the walk did not enter is worth a word only when the settings would have scanned inside it.
  const probe = (folder: string) =>
    ['_.js', '_.py'].some((name) => (!include || include(folder + name)) && !exclude?.(folder + name));
  const removed = new Map<string, number | null>(
    (walked?.skippedFolders ?? []).filter(probe).map((folder) => [folder, null]),
  );
  const remove = (folder: string) => removed.set(folder, (removed.get(folder) ?? 0) + 1);
  const frameworkFolders = [...frameworkSourceFolders(all), ...vendoredLibraryFolders(all)];
  const copies = builtCopies(all);
  for (const file of all.sort()) {
    const framework = frameworkFolders.find((folder) => file.startsWith(folder));
    if (framework !== undefined && !explicit.reaches(file, framework.split('/').length - 2)) {
      if (languageOf(file) && (!include || include(file)) && !exclude?.(file)) remove(framework);
      continue;
    }
    if (evidenceFileKind(file) && !exclude?.(file) && !exclusionReason(file)) evidenceFiles.push(file);
    if (!languageOf(file) && configLanguagesOf(file).length === 0) continue;
    if (include && !include(file)) continue;
    if (exclude?.(file)) continue;
    // Dependencies and build output are not news, but how many files they held is: a scan of nothing
    // says why. A `paths` entry that names a folder inside one scans it anyway.
    if (exclusionReason(file)) {
      const place = excludedFolderOf(file);
      if (!place || !explicit.reaches(file, place.deepest)) {
        remove(place?.folder ?? MINIFIED);
        continue;
      }
    }
    const copy = copies.get(file);
    if (copy !== undefined) {
      // Reported only when it would have been scanned: read once here, as the scan would have.
      const read = readRegularFile(join(root, file), MAX_FILE_BYTES);
      if ('bytes' in read && mentionsCookieApi(read.bytes)) skipped.push({ file, reason: copy });
      continue;
    }
    files.push(file);
  }
  const excluded = [...removed]
    .map(([folder, count]) => ({ folder, files: count }))
    .sort((a, b) => (b.files ?? -1) - (a.files ?? -1) || a.folder.localeCompare(b.folder));
  return {
    root,
    files,
    evidenceFiles,
    skipped,
    source: listed ? 'git' : 'walk',
    excluded,
    warnings: pathWarnings(config.paths, listing, files.length + skipped.length),
  };
}

/**
 * Decided from the name alone: sources and configuration files to scan (INI settings, Spring Boot properties),
 * evidence files, and the few other names the built-copy and vendored-library tests look for.
 */
function worthListing(file: string): boolean {
  return (
    languageOf(file) !== null ||
    configLanguagesOf(file).length > 0 ||
    evidenceFileKind(file) !== null ||
    isBuiltCopyInput(file) ||
    isVendoredLibraryInput(file)
  );
}

/** How the report names files removed one by one rather than by folder. */
const MINIFIED = 'minified or bundled file';

/** A warning per `paths` entry that matches no listed file, or one when together they leave nothing to scan. */
function pathWarnings(paths: readonly string[], all: readonly string[], scanned: number): string[] {
  const warnings: string[] = [];
  for (const pattern of paths) {
    if (pattern.startsWith('!')) continue;
    const matches = globs([asPrefixPattern(pattern)]);
    if (!all.some(matches)) warnings.push(`\`paths\` entry "${pattern}" matches no file`);
  }
  if (paths.length > 0 && warnings.length === 0 && scanned === 0) {
    warnings.push(
      `\`paths\` (${paths.map((pattern) => `"${pattern}"`).join(', ')}) selects no JavaScript, TypeScript or Python file to scan`,
    );
  }
  return warnings;
}

/**
 * The folders `paths` names outright: `vendor/our-lib/**` names `vendor/our-lib`, so a built-in exclusion of
 * `vendor/` does not apply below it. Only the literal segments before the first wildcard count: an entry that
 * starts with a wildcard names no folder and lifts nothing.
 */
function explicitPaths(paths: readonly string[]): {
  reaches: (file: string, deepest: number) => boolean;
  entersFolder: (folder: string) => boolean;
} {
  const named = paths
    .filter((pattern) => !pattern.startsWith('!'))
    .map((pattern) => {
      const segments = pattern.replace(/^\.\//, '').replace(/\/$/, '').split('/');
      const wild = segments.findIndex((segment) => /[*?[\]{}\\]/.test(segment));
      return {
        literal: wild === -1 ? segments : segments.slice(0, wild),
        matches: globs([asPrefixPattern(pattern)]),
      };
    })
    .filter(({ literal }) => literal.length > 0 && !literal.includes('.git'));
  return {
    // The file's excluded folders all sit inside the named path, and that entry selects the file.
    reaches: (file, deepest) => {
      const segments = file.split('/');
      return named.some(
        ({ literal, matches }) =>
          literal.length > deepest &&
          literal.every((segment, index) => segments[index] === segment) &&
          matches(file),
      );
    },
    // The walk enters a skipped folder only on the way to a named path.
    entersFolder: (folder) => {
      const segments = folder.split('/');
      return named.some(
        ({ literal }) =>
          segments.length <= literal.length && segments.every((segment, index) => literal[index] === segment),
      );
    },
  };
}

function globs(patterns: string[]): (file: string) => boolean {
  try {
    return compileGlobs(patterns);
  } catch (error) {
    if (error instanceof GlobError) throw new UsageError(error.message);
    throw error;
  }
}

/** `src` means everything under src/, as people expect; globs are used as written. */
function asPrefixPattern(pattern: string): string {
  const trimmed = pattern.replace(/^\.\//, '').replace(/\/$/, '');
  return /[*?[\]{}]/.test(trimmed) ? trimmed : `${trimmed}{,/**}`;
}

/**
 * Tracked and untracked files (not ignored) under `root`, or null outside a work tree. One git process: a
 * failing `ls-files` already says "not a work tree", and `-t --deleted` lets git say which tracked files are
 * gone from the disk (its index already holds their stat data), so no file is stat-ed here. The few odd files
 * that remain (links, FIFOs, folders) are refused by the open that reads them.
 */
function listWithGit(root: string): string[] | null {
  let output: Buffer;
  try {
    output = execFileSync(
      'git',
      ['ls-files', '-z', '-t', '--cached', '--deleted', '--others', '--exclude-standard', '--', '.'],
      { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 512 * 1024 * 1024 },
    );
  } catch {
    return null;
  }
  const listed = new Set<string>();
  const gone = new Set<string>();
  // Each entry is a status letter, a space and the path. `R`: tracked but deleted; `S`: left out of a sparse
  // checkout, so not on the disk either. An unmerged file appears once per stage.
  for (const entry of output.toString('utf8').split('\0')) {
    if (entry.length < 3) continue;
    const path = entry.slice(2);
    if (entry[0] === 'R' || entry[0] === 'S') gone.add(path);
    else listed.add(path);
  }
  return [...listed].filter((file) => !gone.has(file));
}

/** The files under `root`, and the never-scanned folders it did not enter (`vendor/`), unless `enter` says to. */
function walk(
  root: string,
  enter: (folder: string) => boolean,
): { files: string[]; skippedFolders: string[] } {
  const files: string[] = [];
  const skippedFolders: string[] = [];
  // Relative paths are built by concatenation: path.relative per entry costs more than the listing itself.
  const pending: Array<{ path: string; relative: string }> = [{ path: root, relative: '' }];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(folder.path, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped, not fatal
    }
    for (const entry of entries) {
      const relativePath = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (isNeverScannedFolder(entry.name) && !enter(relativePath)) {
          // Only the outermost skipped folder is ever seen; `.git` is not worth a word.
          if (entry.name !== '.git') skippedFolders.push(`${relativePath}/`);
          continue;
        }
        pending.push({ path: join(folder.path, entry.name), relative: relativePath });
      } else {
        // Links, FIFOs and sockets are listed too, so the report can say why they were not read.
        files.push(relativePath);
      }
    }
  }
  return { files, skippedFolders };
}
