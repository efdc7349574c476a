// Pull request reviews and review comments. Creating a review validates every inline comment's anchor
// against the diff of the commit it targets and rejects the whole review if one is off (review-anchors.ts).

import { actionsCannotApprove, notFound, unprocessableEntity } from '../errors.js';
import type { ReviewCommentRecord, ReviewRecord, ReviewState } from '../records.js';
import type { ReviewCommentInput } from '../review-anchors.js';
import { anchorReviewComments } from '../review-anchors.js';
import type { RouteRequest, RouteResponse, RouteTable } from './common.js';
import type { RepoState } from './common.js';
import { intParam, pageResponse } from './common.js';
import { isGitHubActions, pullOr404 } from './pulls.js';

interface CreateReviewBody {
  commit_id?: string;
  body?: string;
  event?: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT';
  comments?: ReviewCommentInput[];
}

const STATE_OF_EVENT: Record<string, ReviewState> = {
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  COMMENT: 'COMMENTED',
};

/** A comment in a pending review is visible to its author only. */
export function visibleComments(state: RepoState, pullNumber: number): ReviewCommentRecord[] {
  const pending = new Set(
    state.reviews
      .filter((review) => review.state === 'PENDING' && review.user.login !== state.tokenUser.login)
      .map((review) => review.id),
  );
  return state.reviewComments.filter(
    (comment) =>
      comment.pullNumber === pullNumber && (comment.reviewId === null || !pending.has(comment.reviewId)),
  );
}

async function createReview(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  const body = request.body as CreateReviewBody;
  const own = pr.user.login === state.tokenUser.login;
  if (body.event === 'APPROVE' && isGitHubActions(state) && !state.actionsCanCreatePullRequests) {
    throw actionsCannotApprove();
  }
  if (body.event === 'APPROVE' && own) throw unprocessableEntity('Can not approve your own pull request');
  if (body.event === 'REQUEST_CHANGES' && own) {
    throw unprocessableEntity('Can not request changes on your own pull request');
  }
  if (body.event === undefined) {
    const pending = state.reviews.some(
      (review) =>
        review.pullNumber === pr.number &&
        review.state === 'PENDING' &&
        review.user.login === state.tokenUser.login,
    );
    if (pending) throw unprocessableEntity('User can only have one pending review per pull request');
  }
  const commitId = body.commit_id ?? pr.headSha;
  if (!(await state.pullCommits(pr)).includes(commitId)) {
    // Wording unverified; GitHub refuses a commit_id that is not part of the pull request.
    throw unprocessableEntity(`No commit found for SHA: ${commitId}`);
  }
  // Anchors are checked against the diff as of `commit_id`, which is what GitHub positions comments on.
  const diff = await state.pullDiff(pr, commitId);
  const anchored = anchorReviewComments(body.comments ?? [], diff.hunks);

  const reviewState = body.event ? (STATE_OF_EVENT[body.event] ?? 'COMMENTED') : 'PENDING';
  const at = state.nowIso();
  const review: ReviewRecord = {
    id: state.nextId('review'),
    pullNumber: pr.number,
    user: state.tokenUser,
    body: body.body ?? '',
    state: reviewState,
    commitId,
    submittedAt: reviewState === 'PENDING' ? null : at,
  };
  state.reviews.push(review);
  for (const comment of anchored) {
    state.reviewComments.push({
      id: state.nextId('reviewComment'),
      pullNumber: pr.number,
      reviewId: review.id,
      inReplyToId: null,
      user: state.tokenUser,
      path: comment.path,
      body: comment.body,
      side: comment.side,
      originalLine: comment.line,
      originalStartLine: comment.startLine,
      startSide: comment.startSide,
      originalPosition: comment.position,
      originalCommitId: commitId,
      diffHunk: comment.diffHunk,
      createdAt: at,
      updatedAt: at,
    });
  }
  return { status: 200, body: state.payloads.review(review) };
}

async function listReviews(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  const reviews = state.reviews.filter(
    (review) =>
      review.pullNumber === pr.number &&
      (review.state !== 'PENDING' || review.user.login === state.tokenUser.login),
  );
  const response = pageResponse(request, reviews);
  response.body = (response.body as ReviewRecord[]).map((review) => state.payloads.review(review));
  return response;
}

async function listReviewComments(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  let comments = visibleComments(state, pr.number);
  const since = request.query.get('since');
  if (since) comments = comments.filter((comment) => comment.updatedAt >= since);
  const sort = request.query.get('sort');
  const direction = request.query.get('direction') ?? 'asc';
  const key = (comment: ReviewCommentRecord) => (sort === 'updated' ? comment.updatedAt : comment.createdAt);
  const sign = direction === 'desc' ? -1 : 1;
  comments = [...comments].sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.id - b.id));
  const response = pageResponse(request, comments);
  const page: Record<string, unknown>[] = [];
  for (const comment of response.body as ReviewCommentRecord[]) {
    page.push(state.payloads.reviewComment(comment, await state.anchorNow(comment, pr)));
  }
  response.body = page;
  return response;
}

function reviewCommentOr404(state: RepoState, request: RouteRequest): ReviewCommentRecord {
  const id = intParam(request, 'comment_id');
  const comment = state.reviewComments.find((candidate) => candidate.id === id);
  if (!comment) throw notFound();
  return comment;
}

async function updateReviewComment(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const comment = reviewCommentOr404(state, request);
  comment.body = (request.body as { body: string }).body;
  comment.updatedAt = state.nowIso();
  const pr = state.findPull(comment.pullNumber);
  if (!pr) throw notFound();
  return { status: 200, body: state.payloads.reviewComment(comment, await state.anchorNow(comment, pr)) };
}

async function deleteReviewComment(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const comment = reviewCommentOr404(state, request);
  state.reviewComments.splice(state.reviewComments.indexOf(comment), 1);
  return { status: 204 };
}

export const reviewRoutes: RouteTable = {
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': createReview,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': listReviews,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments': listReviewComments,
  'PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}': updateReviewComment,
  'DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}': deleteReviewComment,
};
