// Which files a scan looks at: `git ls-files` inside a work tree (so .gitignore is respected), otherwise a
// walk that skips the same folders. Nothing outside the scanned folder is listed or read.
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { evidenceFileKind } from '../evidence/files.js';
import { languageOf } from '../languages/index.js';
import { isIniFile } from '../languages/ini.js';
import type { SkippedFile } from '../model.js';
import { mentionsCookieApi } from '../rules/prefilter.js';
import { builtCopies } from './built-copies.js';
import {
  exclusionReason,
  frameworkSourceFolders,
  isNeverScannedFolder,
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
}

export function discoverFiles(folder: string, config: Pick<Config, 'paths' | 'exclude'>): Discovery {
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    throw new UsageError(`folder not found: ${folder}`);
  }
  if (!statSync(root).isDirectory()) throw new UsageError(`not a folder: ${folder}`);

  // A folder git ignores (node_modules, a virtualenv) lists nothing through git: walk it instead.
  const fromGit = listWithGit(root);
  const listed = fromGit && fromGit.length > 0 ? fromGit : null;
  const all = listed ?? walk(root);
  const include = config.paths.length > 0 ? globs(config.paths.map(asPrefixPattern)) : null;
  const exclude = config.exclude.length > 0 ? globs(config.exclude.map(asPrefixPattern)) : null;
  const files: string[] = [];
  const evidenceFiles: string[] = [];
  const skipped: SkippedFile[] = [];
  const frameworkFolders = [...frameworkSourceFolders(all), ...vendoredLibraryFolders(all)];
  const copies = builtCopies(all);
  for (const file of all.sort()) {
    if (frameworkFolders.some((folder) => file.startsWith(folder))) continue;
    if (evidenceFileKind(file) && !exclude?.(file) && !exclusionReason(file)) evidenceFiles.push(file);
    if (!languageOf(file) && !isIniFile(file)) continue;
    if (include && !include(file)) continue;
    if (exclude?.(file)) continue;
    const reason = exclusionReason(file);
    if (reason) continue; // dependencies and build output are not news; they are simply not ours
    const copy = copies.get(file);
    if (copy !== undefined) {
      // Reported only when it would have been scanned: read once here, as the scan would have.
      const read = readRegularFile(join(root, file), MAX_FILE_BYTES);
      if ('bytes' in read && mentionsCookieApi(read.bytes)) skipped.push({ file, reason: copy });
      continue;
    }
    files.push(file);
  }
  return { root, files, evidenceFiles, skipped, source: listed ? 'git' : 'walk' };
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

function listWithGit(root: string): string[] | null {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    if (!top) return null;
    const output = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 512 * 1024 * 1024,
      },
    );
    const files = output.toString('utf8').split('\0').filter(Boolean);
    // Deleted-but-tracked files still appear in the index listing; keep only what exists.
    return [...new Set(files)].filter((file) => {
      try {
        lstatSync(join(root, file));
        return true;
      } catch {
        return false;
      }
    });
  } catch {
    return null;
  }
}

function walk(root: string): string[] {
  const files: string[] = [];
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
        if (isNeverScannedFolder(entry.name)) continue;
        pending.push({ path: join(folder.path, entry.name), relative: relativePath });
      } else {
        // Links, FIFOs and sockets are listed too, so the report can say why they were not read.
        files.push(relativePath);
      }
    }
  }
  return files;
}
