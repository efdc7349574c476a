// The last gate before anything is written: the edited file parses at least as well as before, and every
// byte outside the edits is the original byte. (The "second pass plans nothing" check runs in scan.ts,
// because it needs the whole pipeline.)
import type { Edit, FileChange } from '../model.js';

export type Reparse = (file: string, text: string) => { errorCount: number } | { error: string };

/** Returns why the change is unsafe, or null when it passes. */
export function verifyChange(change: FileChange, reparse: Reparse): string | null {
  const outside = firstDifferenceOutsideEdits(change.before, change.after, change.edits);
  if (outside !== null) return `bytes outside the edits changed near offset ${outside}`;
  const before = reparse(change.file, change.before);
  const after = reparse(change.file, change.after);
  if ('error' in after) return `the edited file no longer parses (${after.error})`;
  const errorsBefore = 'error' in before ? Infinity : before.errorCount;
  if (after.errorCount > errorsBefore) return 'the edited file has new syntax errors';
  return null;
}

/**
 * Walks both texts edit by edit and compares the untouched stretches between them. Independent of how the
 * edits were applied, so a splicing bug cannot hide.
 */
export function firstDifferenceOutsideEdits(
  before: string,
  after: string,
  edits: readonly Edit[],
): number | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let beforeCursor = 0;
  let afterCursor = 0;
  for (const edit of sorted) {
    const length = edit.start - beforeCursor;
    if (length < 0) return edit.start;
    if (before.slice(beforeCursor, edit.start) !== after.slice(afterCursor, afterCursor + length))
      return beforeCursor;
    afterCursor += length;
    if (after.slice(afterCursor, afterCursor + edit.text.length) !== edit.text) return edit.start;
    afterCursor += edit.text.length;
    beforeCursor = edit.end;
  }
  if (before.slice(beforeCursor) !== after.slice(afterCursor)) return beforeCursor;
  return null;
}
