// Reading one source file safely: size limit, binary and encoding checks, symlinks never followed.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadResult } from '../scan.js';

export const MAX_FILE_BYTES = 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads `file` (relative to `root`) as UTF-8 text without a BOM, or says why it is skipped. With
 * `mustMention`, bytes that cannot match it (tested as Latin-1, which keeps every ASCII word intact) are
 * reported as unrelated before any decoding or validation.
 */
export function readSourceFile(root: string, file: string, mustMention?: RegExp): ReadResult {
  const path = join(root, file);
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    return { skip: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (stats.isSymbolicLink()) return { skip: 'symbolic link (not followed)' };
  if (!stats.isFile()) return { skip: 'not a regular file' };
  if (stats.size > MAX_FILE_BYTES) return { skip: `larger than 1 MiB (${stats.size} bytes)` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { skip: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (mustMention && !mustMention.test(bytes.toString('latin1'))) return { unrelated: true };
  if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary file' };
  let text: string;
  try {
    text = decoder.decode(bytes); // strips a UTF-8 BOM; the writer puts it back
  } catch {
    return { skip: 'not valid UTF-8' };
  }
  if (looksMinified(text)) return { skip: 'looks minified (very long lines)' };
  if (GENERATED_BUNDLE.test(text)) return { skip: 'generated bundle (webpack / browserify output)' };
  return { text };
}

/** Bundler runtimes that only generated files contain. */
const GENERATED_BUNDLE =
  /__webpack_require__|webpackChunk|\(function\(\)\{function r\(e,n,t\)|\/\*! For license information please see/;

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
