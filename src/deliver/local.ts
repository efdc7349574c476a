// Writing fixes to the local file system: all-or-nothing per file (temp file + rename), and never over a file
// that changed since it was scanned.
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileChange } from '../model.js';

const BOM = '\uFEFF';

export interface WriteOutcome {
  written: string[];
  /** Files left untouched, with the reason. */
  refused: Array<{ file: string; reason: string }>;
}

export function writeChanges(root: string, changes: readonly FileChange[]): WriteOutcome {
  const outcome: WriteOutcome = { written: [], refused: [] };
  for (const change of changes) {
    const path = join(root, change.file);
    try {
      const current = readFileSync(path, 'utf8');
      const hasBom = current.startsWith(BOM);
      if ((hasBom ? current.slice(1) : current) !== change.before) {
        outcome.refused.push({ file: change.file, reason: 'the file changed since it was scanned' });
        continue;
      }
      writeAtomically(path, (hasBom ? BOM : '') + change.after);
      outcome.written.push(change.file);
    } catch (error) {
      outcome.refused.push({ file: change.file, reason: (error as Error).message });
    }
  }
  return outcome;
}

function writeAtomically(path: string, text: string): void {
  const mode = statSync(path).mode;
  const temporary = join(dirname(path), `.${basename(path)}.cookie-hardener-${process.pid}.tmp`);
  const descriptor = openSync(temporary, 'wx', mode);
  try {
    writeSync(descriptor, text);
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(descriptor);
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}
