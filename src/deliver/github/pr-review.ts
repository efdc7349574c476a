// The pull request review: read what is on the pull request, let the plan (../review/plan.ts) decide, then
// write — one review per run whose inline comments sit on lines the pull request changes, the earlier
// comments whose finding is gone resolved (or rewritten to say so), and one sticky summary comment kept up to
// date. Nothing is ever deleted: threads may hold human replies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, ScanResult } from '../../model.js';
import { isSummaryComment } from '../../report/review-comment.js';
import {
  planReview,
  type CheckoutFile,
  type PlannedReview,
  type ReviewEnding,
  type ReviewPlan,
  type ReviewSnapshot,
} from '../review/plan.js';
import { workspaceStoredForm } from '../stored-form.js';
import { sendAtMostOnce } from './at-most-once.js';
import { apiErrorOf, explainApiError } from './errors.js';
import { isSelf, type HostIdentity } from './identity.js';
import type { Logger } from './remediation-pr.js';
import type { HostPullFile, HostThread, RepoHost } from './repo-host.js';

export { MAX_INLINE_COMMENTS } from '../review/plan.js';

export interface ReviewRequest {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit the event names: every anchor is computed against it. */
  headSha: string;
  workspace: string;
  serverUrl: string;
  dryRun: boolean;
  files: readonly HostPullFile[];
  /** The scan of `files` in the workspace. */
  result: ScanResult;
  /** Whom the token acts as: only comments and reviews by this identity are read as an earlier run's. */
  identity: HostIdentity;
}

export interface ReviewOutcome {
  /** Findings with a one-click suggestion on the pull request (posted now or by an earlier run). */
  handled: Set<Finding>;
  posted: { inline: number; suggestions: number; listed: number; resolved: number };
  /** One line for the job summary. */
  summary: string;
}

/** The token may not write here (fork, read-only permissions): the caller reports another way. */
export class ReviewFallback extends Error {
  override name = 'ReviewFallback';
}

export async function deliverReview(
  host: RepoHost,
  request: ReviewRequest,
  log: Logger,
): Promise<ReviewOutcome> {
  const call = callerFor(log);
  const snapshot = await readSnapshot(host, request, call);
  const plan = planReview(snapshot, {
    findings: request.result.findings,
    changes: request.result.changes,
    link: {
      repository: `${request.owner}/${request.repo}`,
      serverUrl: request.serverUrl,
      ref: request.headSha,
    },
  });

  if (request.dryRun) {
    log.info(
      `Dry run: would post ${plan.review?.comments.length ?? 0} inline comment(s) and list ${plan.review?.listed.length ?? 0} finding(s) in a review, ` +
        `and resolve ${plan.wouldResolve} earlier comment(s).`,
    );
    return {
      handled: new Set(),
      posted: { inline: 0, suggestions: 0, listed: 0, resolved: 0 },
      summary: 'Dry run: nothing was posted.',
    };
  }
  return apply(host, request, plan, log, call);
}

/** What the pull request holds now, and what the checkout holds for its files. */
async function readSnapshot(host: RepoHost, request: ReviewRequest, call: Call): Promise<ReviewSnapshot> {
  const pull = request.pullNumber;
  const reviewComments = await call('read the review comments', () => host.reviewComments(pull));
  const reviews = await call('read the reviews', () => host.reviews(pull));
  const issueComments = await call('read the pull request comments', () => host.comments(pull));
  return {
    identity: request.identity,
    headSha: request.headSha,
    files: request.files,
    checkout: readCheckout(request.files, request.workspace),
    reviewComments,
    reviews,
    issueComments,
  };
}

function readCheckout(files: readonly HostPullFile[], workspace: string): Map<string, CheckoutFile> {
  const checkout = new Map<string, CheckoutFile>();
  const stored = workspaceStoredForm(workspace);
  for (const file of files) {
    if (file.status === 'removed') continue;
    let bytes: Buffer | null;
    try {
      bytes = readFileSync(join(workspace, file.filename));
    } catch {
      bytes = null;
    }
    checkout.set(file.filename, {
      headVersion: bytes !== null && stored.matches(file.filename, bytes, file.sha),
      bom: bytes !== null && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    });
  }
  return checkout;
}

/** Writes: the review, then resolutions, then the sticky summary. */
async function apply(
  host: RepoHost,
  request: ReviewRequest,
  plan: ReviewPlan,
  log: Logger,
  call: Call,
): Promise<ReviewOutcome> {
  let posted = { inline: 0, suggestions: 0, listed: 0 };
  let ending = plan.ending;
  if (plan.review) {
    const refused = await postReview(host, request, plan, plan.review, log);
    if (refused) {
      ending = plan.endingIfInlineRefused;
      posted = { inline: 0, suggestions: 0, listed: plan.review.withoutInline!.listed.length };
    } else {
      posted = {
        inline: plan.review.comments.length,
        suggestions: plan.review.suggestions,
        listed: plan.review.listed.length,
      };
    }
  } else {
    log.info('Nothing new to say: no review posted.');
  }

  let resolved = 0;
  if (plan.retire.length > 0) {
    const threads = await readThreads(host, request.pullNumber, log);
    for (const step of plan.retire) {
      const thread = threads?.get(step.commentId);
      if (thread?.isResolved) continue;
      if (thread && (await resolveThread(host, thread, log))) {
        resolved++;
        continue;
      }
      await call('mark an earlier comment as fixed', () =>
        host.updateReviewComment(step.commentId, step.rewritten),
      );
      resolved++;
    }
  }

  await writeSummary(host, request, plan, ending, call);

  const summary =
    `Review of #${request.pullNumber}: ${posted.inline} new inline comment(s) ` +
    `(${posted.suggestions} with a suggestion), ${posted.listed} finding(s) newly listed in the review body, ` +
    `${resolved} earlier comment(s) resolved.`;
  log.info(summary);
  return { handled: ending.handled, posted: { ...posted, resolved }, summary };
}

type Call = <T>(doing: string, action: () => Promise<T>) => Promise<T>;

/** API failures become sentences; a 403 means the token may not write here, and the caller falls back. */
function callerFor(log: Logger): Call {
  return async (doing, action) => {
    try {
      return await action();
    } catch (error) {
      const api = apiErrorOf(error);
      if (api?.status === 403) throw new ReviewFallback(explainReviewError(api, doing));
      log.warning(api ? explainApiError(api, doing) : `${doing} failed: ${(error as Error).message}`);
      throw error;
    }
  };
}

function explainReviewError(error: { status: number; message: string }, doing: string): string {
  return (
    `The token cannot ${doing} (HTTP ${error.status} "${error.message}"). Review comments need ` +
    '`permissions: { contents: read, pull-requests: write }`; pull requests from forks always get a read-only token.'
  );
}

/**
 * Posts the planned review; when GitHub refuses its anchors (422), the same findings without inline comments.
 * Answers whether the inline comments were refused.
 */
async function postReview(
  host: RepoHost,
  request: ReviewRequest,
  plan: ReviewPlan,
  review: PlannedReview,
  log: Logger,
): Promise<boolean> {
  const pull = request.pullNumber;
  // A review is created with its comments in one request, so a review of ours that was not there when this
  // run read the reviews, on this commit, with this body, is this request having landed.
  const landed = (body: string) => async () =>
    (await host.reviews(pull)).some(
      (existing) =>
        !plan.knownReviews.has(existing.id) &&
        isSelf(existing.author, request.identity) &&
        existing.commitId === request.headSha &&
        existing.body.trimEnd() === body.trimEnd(),
    );
  const create = async (body: string, comments: PlannedReview['comments']) => {
    const outcome = await sendAtMostOnce({
      send: () => host.createReview(pull, { commitId: request.headSha, body, comments }),
      landed: landed(body),
    });
    if (outcome === 'landed') log.info('GitHub failed to answer, but the review had been posted.');
  };
  const fallBack = (error: unknown) => {
    const api = apiErrorOf(error);
    return new ReviewFallback(
      api
        ? explainApiError(api, 'post the review')
        : `posting the review failed: ${(error as Error).message}`,
    );
  };
  try {
    await create(review.body, review.comments);
    return false;
  } catch (error) {
    const api = apiErrorOf(error);
    if (api?.status === 403) throw new ReviewFallback(explainReviewError(api, 'post the review'));
    if (api?.status !== 422 || !review.withoutInline) throw fallBack(error);
    log.warning(
      `GitHub refused the review's inline comments (HTTP 422 "${api.message}"); posting the findings in the review body instead.`,
    );
    try {
      await create(review.withoutInline.body, []);
    } catch (again) {
      throw fallBack(again);
    }
    return true;
  }
}

/** Review threads by their first comment's id; null (with a warning) when GraphQL cannot be reached. */
async function readThreads(
  host: RepoHost,
  pull: number,
  log: Logger,
): Promise<Map<number, HostThread> | null> {
  try {
    return await host.reviewThreads(pull);
  } catch (error) {
    log.warning(
      `Could not read the review threads through GraphQL (${(error as Error).message}); fixed comments are edited instead.`,
    );
    return null;
  }
}

async function resolveThread(host: RepoHost, thread: HostThread, log: Logger): Promise<boolean> {
  try {
    await host.resolveThread(thread.id);
    return true;
  } catch (error) {
    log.warning(
      `Could not resolve a review thread (${(error as Error).message}); editing the comment instead.`,
    );
    return false;
  }
}

/**
 * The one summary comment per pull request: ours with the marker, rewritten only when its text changes. A
 * human's comment that quotes the marker is never taken for it.
 */
async function writeSummary(
  host: RepoHost,
  request: ReviewRequest,
  plan: ReviewPlan,
  ending: ReviewEnding,
  call: Call,
): Promise<void> {
  const step = ending.summary;
  const pull = request.pullNumber;
  if (step.kind === 'update') {
    await call('update the summary comment', () => host.updateComment(step.commentId, step.body));
  } else if (step.kind === 'create') {
    await call('post the summary comment', () =>
      sendAtMostOnce({
        send: () => host.comment(pull, step.body),
        landed: async () =>
          (await host.comments(pull)).some(
            (comment) =>
              !plan.knownComments.has(comment.id) &&
              isSelf(comment.author, request.identity) &&
              isSummaryComment(comment.body),
          ),
      }),
    );
  }
}
