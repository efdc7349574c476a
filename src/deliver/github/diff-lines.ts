// One file's unified patch (the `patch` field of the pull-request files API) → the right-side lines a review
// comment may anchor to, hunk by hunk.
//
// GitHub takes a review comment only on a line inside a hunk of the pull request's diff, and a multi-line
// comment's `start_line` must sit in the same hunk as its `line`; one bad anchor rejects the whole review.
// We only ever comment on the RIGHT side (the pull request's version), so deleted lines are skipped here.

export interface RightSideHunk {
  /** First and last right-side line of the hunk (inclusive); `last < first` for a hunk that only deletes. */
  first: number;
  last: number;
  /** Right-side lines the pull request adds (or rewrites) in this hunk. */
  added: Set<number>;
}

export interface PatchLines {
  hunks: RightSideHunk[];
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function parsePatchLines(patch: string): PatchLines {
  const hunks: RightSideHunk[] = [];
  let current: RightSideHunk | null = null;
  let next = 0;
  // Rows the header still announces on each side; they keep trailing text from being read as diff rows.
  let oldLeft = 0;
  let newLeft = 0;
  for (const row of patch.split('\n')) {
    const header = HUNK_HEADER.exec(row);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      current = { first: start, last: start + count - 1, added: new Set() };
      hunks.push(current);
      next = start;
      newLeft = count;
      oldLeft = Number(/^@@ -\d+(?:,(\d+))?/.exec(row)?.[1] ?? 1);
      continue;
    }
    if (!current) continue;
    const marker = row[0];
    if (marker === '+' && newLeft > 0) {
      current.added.add(next++);
      newLeft--;
    } else if (marker === '-' && oldLeft > 0) {
      oldLeft--;
    } else if ((marker === ' ' || row === '') && oldLeft > 0 && newLeft > 0) {
      // An empty row is a context line whose leading space an editor stripped.
      next++;
      oldLeft--;
      newLeft--;
    }
    // "\ No newline at end of file" and anything else is no line of either file.
  }
  return { hunks };
}

/** The hunk holding right-side `line`, or null when the line is outside every hunk. */
export function hunkOf(lines: PatchLines, line: number): RightSideHunk | null {
  return lines.hunks.find((hunk) => line >= hunk.first && line <= hunk.last) ?? null;
}

export function isAddedLine(lines: PatchLines, line: number): boolean {
  return hunkOf(lines, line)?.added.has(line) ?? false;
}

/**
 * Whether `start..end` is a valid right-side comment range: both ends in one hunk (every line between is then
 * in it too, since a hunk's right side is contiguous).
 */
export function isAnchorable(lines: PatchLines, start: number, end: number): boolean {
  if (start > end) return false;
  const hunk = hunkOf(lines, end);
  return hunk !== null && start >= hunk.first;
}
