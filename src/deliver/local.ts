// Writing fixes to the local file system: all-or-nothing per file (temp file + rename), never over a file
// that changed since it was scanned, never through a link, and never in a way that changes who owns the
// file or what its mode is. A file that could not be rewritten exactly so is left alone, with the reason.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '../model.js';

const BOM = '\uFEFF';

export interface WriteOutcome {
  written: string[];
  /** Files left untouched, with the reason. */
  refused: Array<{ file: string; reason: string }>;
}

/** Who is writing: the decision whether a rewrite keeps the file as it was depends on it. */
export interface Writer {
  uid: number;
  gid: number;
}

class Refusal extends Error {}

export function writeChanges(
  root: string,
  changes: readonly FileChange[],
  writer: Writer = currentWriter(),
): WriteOutcome {
  const outcome: WriteOutcome = { written: [], refused: [] };
  for (const change of changes) {
    try {
      writeChange(root, change, writer);
      outcome.written.push(change.file);
    } catch (error) {
      outcome.refused.push({ file: change.file, reason: (error as Error).message });
    }
  }
  return outcome;
}

function currentWriter(): Writer {
  return { uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 };
}

function writeChange(root: string, change: FileChange, writer: Writer): void {
  refuseLinkedFolders(root, change.file);
  const path = join(root, change.file);
  const { text: current, stats } = readUnfollowed(path);
  const hasBom = current.startsWith(BOM);
  if ((hasBom ? current.slice(1) : current) !== change.before) {
    throw new Refusal('the file changed since it was scanned');
  }
  const refusal = inPlaceRefusal(stats, writer);
  if (refusal) throw new Refusal(refusal);
  replaceFile(root, change.file, (hasBom ? BOM : '') + change.after, stats, writer);
}

/**
 * Why rewriting this file through a new file would not leave it as it was, or null. A read-only file stays
 * read-only (its owner said so, even to root); a file owned by someone else would change owner unless the
 * writer is root, who can give it back.
 */
export function inPlaceRefusal(stats: Pick<Stats, 'mode' | 'uid'>, writer: Writer): string | null {
  if ((stats.mode & 0o222) === 0) {
    return `read-only (mode ${(stats.mode & 0o7777).toString(8).padStart(4, '0')}), so it is not rewritten`;
  }
  // uid -1: a platform without owners (Windows), where every file reports uid 0.
  if (writer.uid > 0 && stats.uid !== writer.uid) {
    return `owned by another user (uid ${stats.uid}); rewriting it would make it this user's`;
  }
  return null;
}

/**
 * Each folder between the root and the file must be a real folder, not a link: a folder swapped for a link
 * after the scan would send the write somewhere else. Checked before reading and again just before the rename.
 */
function refuseLinkedFolders(root: string, file: string): void {
  const parts = file.split('/');
  let path = root;
  for (let index = 0; index < parts.length - 1; index++) {
    path = join(path, parts[index]!);
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch (error) {
      throw new Refusal(
        `${parts.slice(0, index + 1).join('/')} cannot be checked (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    if (stats.isSymbolicLink()) {
      throw new Refusal(`${parts.slice(0, index + 1).join('/')} is a symbolic link (not followed)`);
    }
    if (!stats.isDirectory()) throw new Refusal(`${parts.slice(0, index + 1).join('/')} is not a folder`);
  }
}

function readUnfollowed(path: string): { text: string; stats: Stats } {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new Refusal('the file is a symbolic link (not followed)');
    throw error;
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new Refusal('not a regular file');
    const bytes = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const count = readSync(descriptor, bytes, filled, bytes.length - filled, filled);
      if (count === 0) break;
      filled += count;
    }
    return { text: bytes.subarray(0, filled).toString('utf8'), stats };
  } finally {
    closeSync(descriptor);
  }
}

function replaceFile(root: string, file: string, text: string, original: Stats, writer: Writer): void {
  const path = join(root, file);
  const slash = file.lastIndexOf('/');
  const name = file.slice(slash + 1);
  const temporary = join(
    root,
    file.slice(0, slash + 1) +
      `.${name}.cookie-hardener-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  // A fresh name that must not exist, opened without following a link planted there.
  const descriptor = openSync(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    try {
      writeSync(descriptor, text);
      fsyncSync(descriptor);
      const created = fstatSync(descriptor);
      if (created.uid !== original.uid || created.gid !== original.gid) {
        try {
          fchownSync(descriptor, original.uid, original.gid);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'error';
          throw new Refusal(
            `its owner and group (${original.uid}:${original.gid}) could not be kept by uid ${writer.uid} (${code})`,
          );
        }
      }
      // After the owner is set: changing the owner clears setuid and setgid bits.
      fchmodSync(descriptor, original.mode & 0o7777);
    } finally {
      closeSync(descriptor);
    }
    refuseLinkedFolders(root, file);
    const now = lstatSync(path);
    if (now.ino !== original.ino || now.dev !== original.dev) {
      throw new Refusal('the file was replaced since it was read');
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
}
