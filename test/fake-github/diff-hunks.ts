// Parses the hunks of a unified diff into the line numbers a review comment may anchor to.
//
// GitHub accepts a review comment only on a line that is *inside a hunk* of the pull request's diff: on the
// RIGHT side an added or context line (numbered in the new file), on the LEFT side a deleted or context line
// (numbered in the old file). A multi-line comment's `start_line` must sit in the same hunk as its `line`.
// The deprecated `position` counts lines from the first `@@` header of a file's patch: the line under it is 1,
// and later `@@` headers take a position too. Everything here works on one file's patch (the `patch` field of
// the pull-request files endpoint) or on a whole `git diff` text split per file.

export type Side = 'LEFT' | 'RIGHT';

export interface HunkLine {
  kind: 'context' | 'add' | 'del';
  /** 1-based line in the old file; absent for added lines. */
  oldLine?: number;
  /** 1-based line in the new file; absent for deleted lines. */
  newLine?: number;
  /** GitHub's `position`: the index of this line below the file's first `@@` header. */
  position: number;
  text: string;
}

export interface Hunk {
  /** The `@@ -a,b +c,d @@ …` line itself. */
  header: string;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Position of the header line (0 for the first hunk). */
  headerPosition: number;
  lines: HunkLine[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses one file's patch (text starting at its first `@@`; anything before it is ignored). */
export function parsePatch(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  const rows = patch.split('\n');
  // A patch that ends with a newline yields one empty trailing row, which is not a diff line.
  if (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  let current: Hunk | undefined;
  let oldLine = 0;
  let newLine = 0;
  // Rows still expected by the current header; they stop us reading trailing text as diff lines.
  let oldLeft = 0;
  let newLeft = 0;
  let position = -1;
  for (const row of rows) {
    const header = HUNK_HEADER.exec(row);
    if (header) {
      position += 1;
      current = {
        header: row,
        oldStart: Number(header[1]),
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === undefined ? 1 : Number(header[4]),
        headerPosition: position,
        lines: [],
      };
      hunks.push(current);
      oldLine = current.oldStart;
      newLine = current.newStart;
      oldLeft = current.oldLines;
      newLeft = current.newLines;
      continue;
    }
    if (!current) continue;
    const marker = row[0];
    if (marker === '\\') {
      // "\ No newline at end of file" takes a position but is no line of either file.
      position += 1;
      continue;
    }
    const text = row.slice(1);
    if (marker === '+' && newLeft > 0) {
      position += 1;
      newLeft -= 1;
      current.lines.push({ kind: 'add', newLine: newLine++, position, text });
    } else if (marker === '-' && oldLeft > 0) {
      position += 1;
      oldLeft -= 1;
      current.lines.push({ kind: 'del', oldLine: oldLine++, position, text });
    } else if ((marker === ' ' || row === '') && oldLeft > 0 && newLeft > 0) {
      // An empty row is a context line whose leading space was stripped by an editor or a mail client.
      position += 1;
      oldLeft -= 1;
      newLeft -= 1;
      current.lines.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, position, text });
    }
  }
  return hunks;
}

/** The line number of `line` on `side`, or undefined when the line does not exist on that side. */
export function lineOn(line: HunkLine, side: Side): number | undefined {
  return side === 'RIGHT' ? line.newLine : line.oldLine;
}

/** The hunk that contains `line` on `side`, if any. */
export function findHunk(hunks: readonly Hunk[], side: Side, line: number): Hunk | undefined {
  return hunks.find((hunk) => hunk.lines.some((row) => lineOn(row, side) === line));
}

/** Every line a comment may anchor to, per side. */
export function commentableLines(hunks: readonly Hunk[]): Record<Side, Set<number>> {
  const result: Record<Side, Set<number>> = { LEFT: new Set(), RIGHT: new Set() };
  for (const hunk of hunks) {
    for (const row of hunk.lines) {
      if (row.oldLine !== undefined) result.LEFT.add(row.oldLine);
      if (row.newLine !== undefined) result.RIGHT.add(row.newLine);
    }
  }
  return result;
}

/** The side and line a deprecated `position` points at, or undefined when it points at no diff line. */
export function resolvePosition(
  hunks: readonly Hunk[],
  position: number,
): { side: Side; line: number } | undefined {
  for (const hunk of hunks) {
    const row = hunk.lines.find((candidate) => candidate.position === position);
    if (!row) continue;
    // A deleted line can only be addressed on the LEFT; everything else is a RIGHT-side anchor.
    return row.kind === 'del'
      ? { side: 'LEFT', line: row.oldLine as number }
      : { side: 'RIGHT', line: row.newLine as number };
  }
  return undefined;
}

/** The position of `line` on `side`, or undefined when it is outside every hunk. */
export function positionOf(hunks: readonly Hunk[], side: Side, line: number): number | undefined {
  for (const hunk of hunks) {
    const row = hunk.lines.find((candidate) => lineOn(candidate, side) === line);
    if (row) return row.position;
  }
  return undefined;
}

/**
 * The `diff_hunk` GitHub stores with a review comment: the hunk header and every hunk row down to and
 * including the commented line.
 */
export function diffHunkFor(hunks: readonly Hunk[], side: Side, line: number): string | undefined {
  const hunk = findHunk(hunks, side, line);
  if (!hunk) return undefined;
  const rows = [hunk.header];
  for (const row of hunk.lines) {
    rows.push(`${row.kind === 'add' ? '+' : row.kind === 'del' ? '-' : ' '}${row.text}`);
    if (lineOn(row, side) === line) break;
  }
  return rows.join('\n');
}

export interface FileDiffText {
  /** Path in the new tree (the old path for a deleted file). */
  path: string;
  /** The file's section of the diff from its first `@@` on; empty for binary files and pure renames. */
  patch: string;
}

/**
 * Splits a whole `git diff` output into per-file patches. Paths come from the `+++ b/` (or `--- a/`) lines,
 * so file names containing spaces survive; sections without them (pure renames, mode changes, empty files)
 * fall back to the `diff --git` line.
 */
export function splitUnifiedDiff(diff: string): FileDiffText[] {
  const files: FileDiffText[] = [];
  const sections = diff.split(/^(?=diff --git )/m).filter((section) => section.startsWith('diff --git '));
  for (const section of sections) {
    const lines = section.split('\n');
    const plus = lines.find((row) => row.startsWith('+++ '));
    const minus = lines.find((row) => row.startsWith('--- '));
    const renameTo = lines.find((row) => row.startsWith('rename to '));
    let path: string;
    if (plus && plus !== '+++ /dev/null') path = plus.slice('+++ b/'.length);
    else if (minus && minus !== '--- /dev/null') path = minus.slice('--- a/'.length);
    else if (renameTo) path = renameTo.slice('rename to '.length);
    else {
      // "diff --git a/X b/X": both halves are equal when there is no rename, so take the second half.
      const names = (lines[0] ?? '').slice('diff --git '.length);
      path = names.slice(names.length / 2 + 1).replace(/^b\//, '');
    }
    const start = lines.findIndex((row) => row.startsWith('@@ '));
    const patch = start === -1 ? '' : lines.slice(start).join('\n').replace(/\n$/, '');
    files.push({ path, patch });
  }
  return files;
}
