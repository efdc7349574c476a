import { describe, expect, it } from 'vitest';

import {
  commentableLines,
  diffHunkFor,
  findHunk,
  parsePatch,
  positionOf,
  resolvePosition,
  splitUnifiedDiff,
} from './diff-hunks.js';

// Two hunks; positions are counted from the first header (0): the second header takes position 6.
const PATCH = [
  '@@ -1,3 +1,4 @@',
  ' a', //     1  old 1 / new 1
  '-b', //     2  old 2
  '+B', //     3  new 2
  '+C', //     4  new 3
  ' c', //     5  old 3 / new 4
  '@@ -10,2 +11,2 @@ function tail() {',
  ' x', //     7  old 10 / new 11
  '-y', //     8  old 11
  '+Y', //     9  new 12
  '\\ No newline at end of file',
].join('\n');

describe('parsePatch', () => {
  it('numbers both sides and counts positions across hunks', () => {
    const hunks = parsePatch(PATCH);
    expect(
      hunks.map((hunk) => [hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines, hunk.headerPosition]),
    ).toEqual([
      [1, 3, 1, 4, 0],
      [10, 2, 11, 2, 6],
    ]);
    const lines = commentableLines(hunks);
    expect([...lines.RIGHT]).toEqual([1, 2, 3, 4, 11, 12]);
    expect([...lines.LEFT]).toEqual([1, 2, 3, 10, 11]);
    expect(positionOf(hunks, 'RIGHT', 12)).toBe(9);
    expect(positionOf(hunks, 'LEFT', 2)).toBe(2);
    expect(positionOf(hunks, 'RIGHT', 5)).toBeUndefined();
  });

  it('maps deprecated positions back to a side and line', () => {
    const hunks = parsePatch(PATCH);
    expect(resolvePosition(hunks, 3)).toEqual({ side: 'RIGHT', line: 2 });
    expect(resolvePosition(hunks, 8)).toEqual({ side: 'LEFT', line: 11 });
    expect(resolvePosition(hunks, 5)).toEqual({ side: 'RIGHT', line: 4 });
    // Hunk headers and the no-newline marker take a position but are no line.
    expect(resolvePosition(hunks, 6)).toBeUndefined();
    expect(resolvePosition(hunks, 10)).toBeUndefined();
  });

  it('finds hunks and builds the diff_hunk GitHub stores with a comment', () => {
    const hunks = parsePatch(PATCH);
    expect(findHunk(hunks, 'RIGHT', 11)).toBe(hunks[1]);
    expect(findHunk(hunks, 'RIGHT', 6)).toBeUndefined();
    expect(diffHunkFor(hunks, 'RIGHT', 3)).toBe('@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C');
    expect(diffHunkFor(hunks, 'LEFT', 11)).toBe('@@ -10,2 +11,2 @@ function tail() {\n x\n-y');
  });

  it('stops at the counts the header announces', () => {
    // A trailing line that is not part of the hunk (here a stray "+") must not become line 2.
    const hunks = parsePatch('@@ -0,0 +1 @@\n+only\n+stray\n');
    expect(hunks[0]?.lines.map((line) => [line.kind, line.newLine])).toEqual([['add', 1]]);
  });
});

describe('splitUnifiedDiff', () => {
  it('names files from the +++/--- lines, so spaces survive, and handles pure renames', () => {
    const diff = [
      'diff --git a/docs/my notes.md b/docs/my notes.md',
      'index 1111111..2222222 100644',
      '--- a/docs/my notes.md',
      '+++ b/docs/my notes.md',
      '@@ -1 +1 @@',
      '-old',
      '+new',
      'diff --git a/gone.js b/gone.js',
      'deleted file mode 100644',
      'index 3333333..0000000',
      '--- a/gone.js',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/a.txt b/b.txt',
      'similarity index 100%',
      'rename from a.txt',
      'rename to b.txt',
      '',
    ].join('\n');
    expect(splitUnifiedDiff(diff)).toEqual([
      { path: 'docs/my notes.md', patch: '@@ -1 +1 @@\n-old\n+new' },
      { path: 'gone.js', patch: '@@ -1 +0,0 @@\n-bye' },
      { path: 'b.txt', patch: '' },
    ]);
  });
});
