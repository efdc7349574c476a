// Reading one source file safely: size limit, binary and encoding checks, symlinks never followed.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadResult } from '../scan.js';
import { generatedReason } from './built-copies.js';

export const MAX_FILE_BYTES = 1024 * 1024;
const scratch = Buffer.allocUnsafe(MAX_FILE_BYTES);
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads `file` (relative to `root`) as UTF-8 text without a BOM, or says why it is skipped. With
 * `mustMention`, raw bytes that do not mention what the caller looks for are reported as unrelated before
 * any decoding or validation. One open (never following a link), one fstat, one read.
 */
export function readSourceFile(
  root: string,
  file: string,
  mustMention?: (content: Buffer | string) => boolean,
): ReadResult {
  // Most files of a sweep are read only to be found unrelated: they go through one reused buffer, and only
  // the few that mention a cookie API get bytes of their own.
  const read = readRegularFile(join(root, file), MAX_FILE_BYTES, scratch);
  if ('skip' in read) return { skip: read.skip };
  if (mustMention && !mustMention(read.bytes)) return { unrelated: true };
  const bytes = Buffer.from(read.bytes);
  if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary file' };
  let text: string;
  try {
    text = decoder.decode(bytes); // strips a UTF-8 BOM; the writer puts it back
  } catch {
    return { skip: 'not valid UTF-8' };
  }
  if (looksMinified(text)) return { skip: 'looks minified (very long lines)' };
  const generated = generatedReason(text);
  if (generated !== null) return { skip: generated };
  return { text };
}

/**
 * The bytes of a regular file, or why not: opened without following a link and without blocking (a FIFO
 * would wait for a writer), checked with fstat before a byte is read, never more than `maxBytes`.
 */
export function readRegularFile(
  path: string,
  maxBytes: number,
  into?: Buffer,
): { bytes: Buffer } | { skip: string; code?: string } {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { skip: 'symbolic link (not followed)', code };
    return { skip: `cannot be read (${code ?? 'error'})`, ...(code ? { code } : {}) };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { skip: 'not a regular file' };
    if (stats.size > maxBytes) {
      return {
        skip: `larger than ${maxBytes === MAX_FILE_BYTES ? '1 MiB' : `${maxBytes} bytes`} (${stats.size} bytes)`,
      };
    }
    // `into` is reused by the caller: the bytes returned then live only until its next read.
    const bytes =
      into && into.length >= stats.size ? into.subarray(0, stats.size) : Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const count = readSync(descriptor, bytes, filled, bytes.length - filled, filled);
      if (count === 0) break;
      filled += count;
    }
    return { bytes: bytes.subarray(0, filled) };
  } catch (error) {
    return { skip: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(descriptor);
  }
}

/** Generated bundles: few, enormous lines. Editing them is pointless and parsing them is slow. */
export function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let index = text.indexOf('\n'); ; index = text.indexOf('\n', index + 1)) {
    const end = index === -1 ? text.length : index;
    longest = Math.max(longest, end - start);
    if (index === -1) break;
    lines++;
    start = index + 1;
  }
  return longest > 5000 && text.length / lines > 300;
}

/**
 * Reads small text files at the root of `folder` as readRegularFile does (a link is not followed: it may point
 * outside): the text, or null when there is no such regular file.
 */
export function rootTextReader(folder: string, maxBytes = 256 * 1024): (file: string) => string | null {
  return (file) => {
    const read = readRegularFile(join(folder, file), maxBytes);
    return 'bytes' in read ? read.bytes.toString('utf8') : null;
  };
}
