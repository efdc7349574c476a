// The paths on the command line → one scan root and `paths` globs under it, the same setting the config file
// and the action take, so discovery stays one mechanism. One folder is its own project (as before: its config,
// its baseline, paths shown relative to it); several paths or a single file are scanned from the repository
// that holds them (the nearest folder with `.git`), else from the current folder, else their common folder.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';

export interface ScanTarget {
  /** The real folder the scan starts from; findings are shown relative to it. */
  root: string;
  /** `paths` globs for the named paths (empty: the config file's `paths` decide). */
  paths: string[];
}

export function resolveTargets(targets: readonly string[], cwd: string): ScanTarget {
  const named = (targets.length > 0 ? targets : ['.']).map((target) => inspect(target, cwd));
  if (named.length === 1 && named[0]!.folder) return { root: named[0]!.real, paths: [] };

  const common = named.map((entry) => (entry.folder ? entry.real : dirname(entry.real))).reduce(commonFolder);
  const here = realOrSelf(cwd);
  const root = repositoryRoot(common) ?? (isInside(common, here) ? here : common);
  const paths = named.map((entry) => {
    const inside = relative(root, entry.real).split(sep).join('/');
    if (inside === '') return '**';
    return entry.folder ? `${escapeGlob(inside)}/**` : escapeGlob(inside);
  });
  return { root, paths: paths.includes('**') ? ['**'] : paths };
}

function inspect(target: string, cwd: string): { real: string; folder: boolean } {
  const absolute = isAbsolute(target) ? target : join(cwd, target);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    throw new UsageError(`path not found: ${target}`);
  }
  const stats = statSync(real);
  if (!stats.isDirectory() && !stats.isFile()) throw new UsageError(`not a file or folder: ${target}`);
  return { real, folder: stats.isDirectory() };
}

/** The nearest folder from `folder` upwards that holds `.git` (a folder, or a worktree's file). */
function repositoryRoot(folder: string): string | null {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return null;
  }
}

function commonFolder(a: string, b: string): string {
  let current = a;
  while (!isInside(b, current)) current = dirname(current);
  return current;
}

/** True when `path` is `folder` or below it. */
function isInside(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A path taken literally by the `paths` glob dialect (a file may be called `[id].js`). */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}\\!]/g, '\\$&');
}
