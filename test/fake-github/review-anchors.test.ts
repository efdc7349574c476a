import { describe, expect, it } from 'vitest';

import { parsePatch } from './diff-hunks.js';
import { ApiError } from './errors.js';
import { anchorReviewComments } from './review-anchors.js';
import type { ReviewCommentInput } from './review-anchors.js';

const HUNKS = new Map([
  ['app.js', parsePatch('@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,2 @@\n x\n-y\n+Y')],
]);

function rejection(comment: ReviewCommentInput): unknown {
  try {
    anchorReviewComments([comment], HUNKS);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, ...error.body };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('anchorReviewComments', () => {
  it('anchors right-side, left-side, multi-line and position comments', () => {
    const anchored = anchorReviewComments(
      [
        { path: 'app.js', body: 'added', line: 3 },
        { path: 'app.js', body: 'deleted', line: 2, side: 'LEFT' },
        { path: 'app.js', body: 'range', start_line: 1, line: 4, side: 'RIGHT' },
        { path: 'app.js', body: 'legacy', position: 9 },
      ],
      HUNKS,
    );
    expect(
      anchored.map((comment) => [comment.side, comment.startLine, comment.line, comment.position]),
    ).toEqual([
      ['RIGHT', null, 3, 4],
      ['LEFT', null, 2, 2],
      ['RIGHT', 1, 4, 5],
      ['RIGHT', null, 12, 9],
    ]);
  });

  it('words each failure like GitHub', () => {
    const thread = 'Pull request review thread';
    expect(rejection({ path: 'app.js', body: 'x', line: 7 })).toEqual({
      status: 422,
      message: 'Unprocessable Entity',
      errors: [`${thread} line must be part of the diff and ${thread} diff hunk can't be blank`],
    });
    // The three-part sentence observed from GitHub, odd period included.
    expect(rejection({ path: 'app.js', body: 'x', start_line: 1, line: 7 })).toMatchObject({
      errors: [
        `${thread} line must be part of the diff, ${thread} start line must be part of the same hunk as the line., ` +
          `and ${thread} diff hunk can't be blank`,
      ],
    });
    expect(rejection({ path: 'app.js', body: 'x', start_line: 4, line: 11 })).toMatchObject({
      errors: [`${thread} start line must be part of the same hunk as the line.`],
    });
    expect(rejection({ path: 'app.js', body: 'x', start_line: 3, line: 3 })).toMatchObject({
      errors: [`${thread} start line must precede the end line`],
    });
    expect(rejection({ path: 'other.js', body: 'x', line: 1 })).toMatchObject({
      errors: [`${thread} path is invalid and ${thread} diff hunk can't be blank`],
    });
    // A deleted line does not exist on the RIGHT side.
    expect(
      rejection({ path: 'app.js', body: 'x', line: 11, side: 'LEFT', start_line: 10, start_side: 'RIGHT' }),
    ).toMatchObject({
      errors: [`${thread} start line must be part of the same hunk as the line.`],
    });
  });
});
