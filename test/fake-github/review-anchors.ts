// Decides whether the inline comments of a review can be anchored, the way GitHub does, and with GitHub's
// words when they cannot.
//
// A review is all-or-nothing: one comment off the diff and GitHub rejects the whole review with a 422 whose
// `errors` holds one sentence built from the failing validations of that comment, e.g.
//   "Pull request review thread line must be part of the diff and Pull request review thread diff hunk
//    can't be blank"
// (see parkerbxyz/suggest-changes#28, #64, danobi/prr#11, villesau/ai-codereviewer#34 for observed texts).

import type { Hunk, Side } from './diff-hunks.js';
import { diffHunkFor, findHunk, positionOf, resolvePosition } from './diff-hunks.js';
import { ApiError, toSentence, unprocessableEntity } from './errors.js';

export interface ReviewCommentInput {
  path: string;
  body: string;
  line?: number;
  side?: Side;
  start_line?: number;
  start_side?: Side;
  /** Deprecated: the line's index below the file's first `@@` header. */
  position?: number;
}

export interface AnchoredComment {
  path: string;
  body: string;
  line: number;
  side: Side;
  startLine: number | null;
  startSide: Side | null;
  position: number;
  diffHunk: string;
}

const THREAD = 'Pull request review thread';

/**
 * Anchors every comment against the pull request's hunks (per path), or throws the 422 GitHub would send
 * for the first comment that cannot be anchored.
 */
export function anchorReviewComments(
  comments: readonly ReviewCommentInput[],
  hunksByPath: ReadonlyMap<string, readonly Hunk[]>,
): AnchoredComment[] {
  return comments.map((comment) => {
    const result = anchorOne(comment, hunksByPath);
    if (result instanceof ApiError) throw result;
    return result;
  });
}

function anchorOne(
  comment: ReviewCommentInput,
  hunksByPath: ReadonlyMap<string, readonly Hunk[]>,
): AnchoredComment | ApiError {
  const hunks = hunksByPath.get(comment.path);
  if (!hunks) {
    return unprocessableEntity(
      toSentence([`${THREAD} path is invalid`, `${THREAD} diff hunk can't be blank`]),
    );
  }

  let side: Side = comment.side ?? 'RIGHT';
  let line = comment.line;
  if (line === undefined && comment.position !== undefined) {
    const target = resolvePosition(hunks, comment.position);
    // Wording modelled on the "path is invalid" message; GitHub's exact text for this case is unverified.
    if (!target) {
      return unprocessableEntity(
        toSentence([`${THREAD} position is invalid`, `${THREAD} diff hunk can't be blank`]),
      );
    }
    side = target.side;
    line = target.line;
  }

  const problems: string[] = [];
  const hunk = line === undefined ? undefined : findHunk(hunks, side, line);
  if (!hunk) problems.push(`${THREAD} line must be part of the diff`);

  let startLine: number | null = null;
  let startSide: Side | null = null;
  if (comment.start_line !== undefined) {
    startLine = comment.start_line;
    startSide = comment.start_side ?? side;
    // GitHub ends this sentence with a period even in the middle of the joined message.
    if (!hunk || findHunk(hunks, startSide, startLine) !== hunk) {
      problems.push(`${THREAD} start line must be part of the same hunk as the line.`);
    } else if (line !== undefined && startLine >= line && startSide === side) {
      problems.push(`${THREAD} start line must precede the end line`);
    }
  }
  if (!hunk) problems.push(`${THREAD} diff hunk can't be blank`);
  if (problems.length > 0 || line === undefined) return unprocessableEntity(toSentence(problems));

  return {
    path: comment.path,
    body: comment.body,
    line,
    side,
    startLine,
    startSide,
    position: positionOf(hunks, side, line) ?? 0,
    diffHunk: diffHunkFor(hunks, side, line) ?? '',
  };
}
