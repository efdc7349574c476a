import { describe, expect, it } from 'vitest';
import { hunkOf, isAddedLine, isAnchorable, parsePatchLines } from '../../src/deliver/github/diff-lines.js';

// Two hunks: the first rewrites line 2 and adds line 3, the second adds a last line without a final newline.
const PATCH = [
  '@@ -1,3 +1,4 @@ const a = 1;',
  ' one',
  '-two',
  '+TWO',
  '+three',
  ' four',
  '@@ -10,2 +11,3 @@ function f() {',
  ' ten',
  ' eleven',
  '+twelve',
  '\\ No newline at end of file',
].join('\n');

describe('parsePatchLines', () => {
  it('numbers right-side lines per hunk and marks the added ones', () => {
    const lines = parsePatchLines(PATCH);
    expect(lines.hunks.map((hunk) => [hunk.first, hunk.last, [...hunk.added]])).toEqual([
      [1, 4, [2, 3]],
      [11, 13, [13]],
    ]);
    expect(isAddedLine(lines, 2)).toBe(true);
    expect(isAddedLine(lines, 1)).toBe(false); // context: commentable, but not changed
    expect(isAddedLine(lines, 7)).toBe(false); // between hunks
  });

  it('accepts a range only inside one hunk', () => {
    const lines = parsePatchLines(PATCH);
    expect(isAnchorable(lines, 1, 4)).toBe(true);
    expect(isAnchorable(lines, 3, 11)).toBe(false);
    expect(isAnchorable(lines, 5, 5)).toBe(false);
    expect(isAnchorable(lines, 4, 3)).toBe(false);
    expect(hunkOf(lines, 12)?.first).toBe(11);
  });

  it('gives a deletion-only hunk no right-side lines and survives a stripped context space', () => {
    const lines = parsePatchLines(
      ['@@ -3,2 +2,0 @@', '-gone', '-also gone', '@@ -8,3 +6,3 @@', ' a', '', '+c', '-b'].join('\n'),
    );
    expect(isAnchorable(lines, 2, 2)).toBe(false);
    expect(lines.hunks[1]!.added).toEqual(new Set([8]));
    expect(isAnchorable(lines, 6, 8)).toBe(true);
  });
});
