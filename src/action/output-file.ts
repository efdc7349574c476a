// Files the action writes on the runner (the SARIF file, the job summary). The workspace holds checked-out
// code, which may be a fork's: a link planted at `results.sarif` or at any folder on the way would send the
// write anywhere the runner user may write. So an output path must lie inside the workspace or RUNNER_TEMP,
// no component under that root may be a link, and the file is opened without following one.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';

export class OutputFileError extends UsageError {
  override name = 'OutputFileError';
}

export interface OutputTarget {
  /** The real folder the file goes under, and the path's components below it. */
  root: string;
  parts: string[];
}

/**
 * Where `path` lies below one of `roots` (each taken as given and as its real path), or why it may not be
 * written. Pure apart from resolving the roots, which the runner provides.
 */
export function locateOutput(path: string, roots: ReadonlyArray<string | undefined>): OutputTarget | string {
  const absolute = resolve(path);
  for (const root of roots) {
    if (!root) continue;
    let real: string;
    try {
      real = realpathSync(root);
    } catch {
      continue;
    }
    for (const form of [resolve(root), real]) {
      const inside = relative(form, absolute);
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue;
      return { root: real, parts: inside.split(sep) };
    }
  }
  return 'it is outside the workspace and RUNNER_TEMP';
}

/** Writes a whole file: a fresh temporary name beside it (O_EXCL, O_NOFOLLOW), then a rename. */
export function writeOutputFile(
  label: string,
  path: string,
  content: string,
  roots: ReadonlyArray<string | undefined>,
): string {
  const target = checkedTarget(label, path, roots, true);
  const final = join(target.root, ...target.parts);
  const temporary = `${final}.${randomBytes(6).toString('hex')}.tmp`;
  const descriptor = open(label, path, temporary, constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    try {
      writeSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    // The folders again, immediately before the rename: one swapped for a link since would redirect it.
    checkFolders(label, path, target, false);
    refuseFinal(label, path, final);
    renameSync(temporary, final);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
  return final;
}

/** Appends to a file the runner created (the job summary), never through a link. */
export function appendOutputFile(
  label: string,
  path: string,
  content: string,
  roots: ReadonlyArray<string | undefined>,
): void {
  const target = checkedTarget(label, path, roots, false);
  const final = join(target.root, ...target.parts);
  const descriptor = open(label, path, final, constants.O_APPEND | constants.O_CREAT, 0o666);
  try {
    if (!fstatSync(descriptor).isFile()) throw refusal(label, path, 'it is not a regular file');
    writeSync(descriptor, content);
  } finally {
    closeSync(descriptor);
  }
}

function checkedTarget(
  label: string,
  path: string,
  roots: ReadonlyArray<string | undefined>,
  create: boolean,
): OutputTarget {
  const target = locateOutput(path, roots);
  if (typeof target === 'string') throw refusal(label, path, target);
  checkFolders(label, path, target, create);
  refuseFinal(label, path, join(target.root, ...target.parts));
  return target;
}

function checkFolders(label: string, path: string, target: OutputTarget, create: boolean): void {
  let current = target.root;
  for (let index = 0; index < target.parts.length - 1; index++) {
    current = join(current, target.parts[index]!);
    const shown = target.parts.slice(0, index + 1).join('/');
    let stats = lstatOrNull(current);
    if (stats === null && create) {
      try {
        mkdirSync(current); // one level at a time: a recursive mkdir would follow a link made meanwhile
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      stats = lstatOrNull(current);
    }
    if (stats === null) throw refusal(label, path, `${shown} does not exist`);
    if (stats.isSymbolicLink()) throw refusal(label, path, `${shown} is a symbolic link (not followed)`);
    if (!stats.isDirectory()) throw refusal(label, path, `${shown} is not a folder`);
  }
}

function refuseFinal(label: string, path: string, final: string): void {
  const stats = lstatOrNull(final);
  if (stats?.isSymbolicLink()) throw refusal(label, path, 'it is a symbolic link (not followed)');
  if (stats && !stats.isFile()) throw refusal(label, path, 'it is not a regular file');
}

function open(label: string, path: string, file: string, flags: number, mode: number): number {
  try {
    return openSync(file, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | flags, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw refusal(
      label,
      path,
      code === 'ELOOP' ? 'it is a symbolic link (not followed)' : `it cannot be opened (${code})`,
    );
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function refusal(label: string, path: string, reason: string): OutputFileError {
  return new OutputFileError(`${label} ${JSON.stringify(path)} is not written: ${reason}`);
}
