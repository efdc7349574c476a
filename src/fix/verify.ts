// The last gate before anything is written: every byte outside the edits is the original byte. (The
// re-parse and "a second pass plans nothing" checks run in scan.ts: they need the whole pipeline, and one
// verification pass serves both.)
import type { Edit } from '../model.js';

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
