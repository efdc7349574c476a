// The pull request review: one review per run whose inline comments sit on lines the pull request changes,
// each carrying a hidden key so a re-run posts only what is new, resolves what was fixed, and keeps one
// sticky summary comment up to date. Nothing is ever deleted: threads may hold human replies. Only what the
// token's own identity wrote counts as an earlier run's: anyone can paste a marker into a comment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, ScanResult } from '../../model.js';
import {
  hasSuggestion,
  isMarkedFixed,
  MAX_COMMENT_LENGTH,
  readFindingKeys,
  readListedKeys,
  renderFixedComment,
  renderInlineComment,
  renderReviewBody,
  renderSummaryComment,
  isSummaryComment,
  type ListedFinding,
} from '../../report/review-comment.js';
import { sendAtMostOnce } from './at-most-once.js';
import type { GitHubClient } from './client.js';
import { isAddedLine, isAnchorable, parsePatchLines, type PatchLines } from './diff-lines.js';
import { apiErrorOf, explainApiError } from './errors.js';
import { isAuthoredBy, type TokenIdentity } from './identity.js';
import type { Logger } from './remediation-pr.js';
import { workspaceStoredForm } from '../stored-form.js';
import { readThreads, resolveThread } from './review-threads.js';
import { planSuggestions } from './suggestions.js';

/** reviewdog's figure: more inline comments in one review trip GitHub's content-creation limits. */
export const MAX_INLINE_COMMENTS = 30;
/** GitHub rejects bodies over 65,536 characters; the margin leaves room for its own normalisation. */
const MAX_REVIEW_BODY = 60_000;

export interface PullRequestFile {
  filename: string;
  status: string;
  /** Blob SHA of the file at the pull request's head. */
  sha: string;
  /** Absent for binary files and diffs GitHub finds too large to show. */
  patch?: string;
}

export interface ReviewRequest {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit the event names: every anchor is computed against it. */
  headSha: string;
  workspace: string;
  serverUrl: string;
  graphqlUrl: string;
  dryRun: boolean;
  files: readonly PullRequestFile[];
  /** The scan of `files` in the workspace. */
  result: ScanResult;
  /** Whom the token acts as: only comments and reviews by this identity are read as an earlier run's. */
  identity: TokenIdentity;
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

/** The pull request's files (every page; GitHub stops at 3,000). */
export async function listPullRequestFiles(
  github: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
): Promise<PullRequestFile[]> {
  const files = await github.paginate(github.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  return files.map((file) => ({
    filename: file.filename,
    status: file.status,
    sha: file.sha ?? '',
    ...(file.patch === undefined ? {} : { patch: file.patch }),
  }));
}

interface FileView {
  lines: PatchLines | null;
  /** Why inline comments are impossible in this file, or null when they are possible. */
  blocked: string | null;
  bom: boolean;
}

interface Unit {
  file: string;
  startLine: number;
  endLine: number;
  findings: Finding[];
  keys: string[];
  suggestion: string[] | null;
  body: string;
}

const unitKeyOf = (keys: readonly string[]) => [...keys].sort().join(' ');

export async function deliverReview(
  github: GitHubClient,
  request: ReviewRequest,
  log: Logger,
): Promise<ReviewOutcome> {
  const { owner, repo, pullNumber: pull_number } = request;
  const link = { repository: `${owner}/${repo}`, serverUrl: request.serverUrl, ref: request.headSha };
  const active = request.result.findings.filter((finding) => finding.outcome !== 'ignored');
  const keyOf = assignKeys(active);
  const views = viewFiles(request.files, request.workspace);

  // ── What this run would say ──────────────────────────────────────────────────────────────────────────
  const units: Unit[] = [];
  const placed = new Set<Finding>();
  const listed: ListedFinding[] = [];
  const plan = planSuggestions(active, request.result.changes);
  const onAddedLine = (finding: Finding) => {
    const view = views.get(finding.file);
    return !!view?.lines && view.blocked === null && isAddedLine(view.lines, finding.line);
  };
  const outsideDiff = new Map<Finding, string>();
  for (const suggestion of plan.suggestions) {
    const view = views.get(suggestion.file);
    if (!suggestion.findings.some(onAddedLine)) continue;
    if (
      !view?.lines ||
      view.blocked !== null ||
      !isAnchorable(view.lines, suggestion.startLine, suggestion.endLine)
    ) {
      for (const finding of suggestion.findings) {
        outsideDiff.set(
          finding,
          `its fix changes \`${suggestion.file}\` lines ${suggestion.startLine}–${suggestion.endLine}, which are not all inside one hunk of this pull request's diff.`,
        );
      }
      continue;
    }
    const lines = [...suggestion.lines];
    if (view.bom && suggestion.startLine === 1) lines[0] = `\uFEFF${lines[0] ?? ''}`;
    const keys = suggestion.findings.map((finding) => keyOf.get(finding)!);
    const body = renderInlineComment({ findings: suggestion.findings, keys, suggestion: lines });
    if (body.length > MAX_COMMENT_LENGTH) {
      for (const finding of suggestion.findings)
        outsideDiff.set(finding, 'its fix is too long for a comment.');
      continue;
    }
    units.push({ ...suggestion, keys, suggestion: lines, body });
    for (const finding of suggestion.findings) placed.add(finding);
  }
  for (const finding of active) {
    if (placed.has(finding)) continue;
    const view = views.get(finding.file);
    if (onAddedLine(finding)) {
      const keys = [keyOf.get(finding)!];
      const reason = outsideDiff.get(finding) ?? plan.unsuggestable.get(finding);
      units.push({
        file: finding.file,
        startLine: finding.line,
        endLine: finding.line,
        findings: [finding],
        keys,
        suggestion: null,
        body: renderInlineComment({
          findings: [finding],
          keys,
          suggestion: null,
          ...(reason ? { noSuggestionReason: reason } : {}),
        }),
      });
      continue;
    }
    const reason =
      view?.blocked ?? 'Not on a line this pull request changes, so it is listed here rather than inline.';
    listed.push({ finding, key: keyOf.get(finding)!, reason });
  }
  units.sort((a, b) => a.file.localeCompare(b.file) || a.endLine - b.endLine);

  // ── What earlier runs said ───────────────────────────────────────────────────────────────────────────
  const call = callerFor(log);
  const comments = await call('read the review comments', () =>
    github.paginate(github.rest.pulls.listReviewComments, { owner, repo, pull_number, per_page: 100 }),
  );
  const ours = comments
    .filter(
      (comment) =>
        (comment.in_reply_to_id === undefined || comment.in_reply_to_id === null) &&
        isAuthoredBy(request.identity, comment.user),
    )
    .map((comment) => ({ comment, keys: readFindingKeys(comment.body) }))
    .filter((entry): entry is { comment: (typeof comments)[number]; keys: string[] } => entry.keys !== null);
  const existing = new Map(ours.map((entry) => [unitKeyOf(entry.keys), entry]));
  const commentedKeys = new Set(ours.flatMap((entry) => entry.keys));
  const reviews = await call('read the reviews', () =>
    github.paginate(github.rest.pulls.listReviews, { owner, repo, pull_number, per_page: 100 }),
  );
  const ourReviews = reviews.filter((review) => isAuthoredBy(request.identity, review.user));
  const listedBefore = new Set(ourReviews.flatMap((review) => readListedKeys(review.body ?? '') ?? []));
  const knownReviews = new Set(reviews.map((review) => review.id));

  // ── What is new ──────────────────────────────────────────────────────────────────────────────────────
  // One bad anchor makes GitHub reject the whole review: every range is checked against the parsed patch
  // once more, right before it is posted, whatever built it.
  const anchorable = (unit: Unit) => {
    const lines = views.get(unit.file)?.lines;
    return !!lines && isAnchorable(lines, unit.startLine, unit.endLine);
  };
  const fresh = units.filter(
    (unit) =>
      anchorable(unit) &&
      !existing.has(unitKeyOf(unit.keys)) &&
      !unit.keys.every((key) => listedBefore.has(key)),
  );
  for (const unit of units.filter((candidate) => !anchorable(candidate))) {
    for (const finding of unit.findings) {
      listed.push({
        finding,
        key: keyOf.get(finding)!,
        reason: "Its lines are outside this pull request's diff.",
      });
    }
  }
  const inline = fresh.slice(0, MAX_INLINE_COMMENTS);
  for (const unit of fresh.slice(MAX_INLINE_COMMENTS)) {
    for (const finding of unit.findings) {
      listed.push({
        finding,
        key: keyOf.get(finding)!,
        reason: `On a changed line, but one review carries at most ${MAX_INLINE_COMMENTS} inline comments.`,
      });
    }
  }
  const mentioned = new Set([...commentedKeys, ...listedBefore]);
  const freshListed = listed.filter((item) => !mentioned.has(item.key));

  // ── Earlier comments whose finding is gone ───────────────────────────────────────────────────────────
  const activeKeys = new Set(keyOf.values());
  const currentUnits = new Set(units.map((unit) => unitKeyOf(unit.keys)));
  const newKeys = new Set(inline.flatMap((unit) => unit.keys));
  const fixed = ours.filter((entry) => entry.keys.every((key) => !activeKeys.has(key)));
  const superseded = ours.filter(
    (entry) =>
      !fixed.includes(entry) &&
      !currentUnits.has(unitKeyOf(entry.keys)) &&
      entry.keys.some((key) => newKeys.has(key)),
  );

  const liveSuggestions = new Set<Finding>();
  for (const unit of units) {
    const before = existing.get(unitKeyOf(unit.keys));
    const live =
      inline.includes(unit) ||
      (before !== undefined && !isMarkedFixed(before.comment.body) && hasSuggestion(before.comment.body));
    if (live && unit.suggestion) for (const finding of unit.findings) liveSuggestions.add(finding);
  }
  const liveInline = units.filter((unit) => inline.includes(unit) || existing.has(unitKeyOf(unit.keys)));
  const counts = {
    findings: active.length,
    inline: liveInline.length,
    suggestions: liveInline.filter((unit) => unit.suggestion).length,
    listed: active.length - liveInline.reduce((sum, unit) => sum + unit.findings.length, 0),
    resolved: fixed.length,
    headSha: request.headSha,
  };

  if (request.dryRun) {
    log.info(
      `Dry run: would post ${inline.length} inline comment(s) and list ${freshListed.length} finding(s) in a review, ` +
        `and resolve ${fixed.length + superseded.length} earlier comment(s).`,
    );
    return {
      handled: new Set(),
      posted: { inline: 0, suggestions: 0, listed: 0, resolved: 0 },
      summary: 'Dry run: nothing was posted.',
    };
  }

  // ── Writes: the review, then resolutions, then the sticky summary ───────────────────────────────────
  let postedInline: readonly Unit[] = [];
  let postedListed: readonly ListedFinding[] = [];
  if (inline.length > 0 || freshListed.length > 0) {
    ({ inline: postedInline, listed: postedListed } = await postReview(
      github,
      request,
      inline,
      freshListed,
      link,
      log,
      knownReviews,
    ));
    if (postedInline.length < inline.length) {
      // The inline comments were refused and went into the body: they carry no suggestion after all.
      for (const unit of inline) for (const finding of unit.findings) liveSuggestions.delete(finding);
      counts.inline -= inline.length;
      counts.suggestions -= inline.filter((unit) => unit.suggestion).length;
      counts.listed += inline.reduce((sum, unit) => sum + unit.findings.length, 0);
    }
  } else {
    log.info('Nothing new to say: no review posted.');
  }

  let resolvedNow = 0;
  const stale = [...fixed, ...superseded].filter((entry) => !isMarkedFixed(entry.comment.body));
  if (stale.length > 0) {
    const threads = await readThreads(github, request, log);
    for (const entry of stale) {
      const thread = threads?.get(entry.comment.id);
      if (thread?.isResolved) continue;
      if (thread && (await resolveThread(github, request, thread.id, log))) {
        resolvedNow++;
        continue;
      }
      const note = fixed.includes(entry) ? 'fixed' : 'superseded';
      await call('mark an earlier comment as fixed', () =>
        github.rest.pulls.updateReviewComment({
          owner,
          repo,
          comment_id: entry.comment.id,
          body: renderFixedComment(entry.comment.body, request.headSha, note),
        }),
      );
      resolvedNow++;
    }
  }

  await upsertSummary(
    github,
    request,
    renderSummaryComment(counts),
    counts.findings + counts.resolved > 0,
    call,
  );

  const summary =
    `Review of #${request.pullNumber}: ${postedInline.length} new inline comment(s) ` +
    `(${postedInline.filter((unit) => unit.suggestion).length} with a suggestion), ${postedListed.length} finding(s) newly listed in the review body, ` +
    `${resolvedNow} earlier comment(s) resolved.`;
  log.info(summary);
  return {
    handled: liveSuggestions,
    posted: {
      inline: postedInline.length,
      suggestions: postedInline.filter((unit) => unit.suggestion).length,
      listed: postedListed.length,
      resolved: resolvedNow,
    },
    summary,
  };
}

/**
 * Keys that identify a finding across runs: its fingerprint, with `~2`, `~3` … for repeats in one file (two
 * identical lines setting the same cookie), numbered in file order.
 */
export function assignKeys(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const keys = new Map<Finding, string>();
  const ordered = [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  for (const finding of ordered) {
    const count = (seen.get(finding.fingerprint) ?? 0) + 1;
    seen.set(finding.fingerprint, count);
    keys.set(finding, count === 1 ? finding.fingerprint : `${finding.fingerprint}~${count}`);
  }
  return keys;
}

/**
 * Whether each file can carry inline comments: GitHub must show its patch, and the checked-out bytes must be
 * the pull request's head version (a merge checkout of a file the base also changed is not), or the
 * finding's line numbers would point at the wrong lines.
 */
function viewFiles(files: readonly PullRequestFile[], workspace: string): Map<string, FileView> {
  const views = new Map<string, FileView>();
  const stored = workspaceStoredForm(workspace);
  for (const file of files) {
    if (file.status === 'removed') continue;
    let bytes: Buffer | null;
    try {
      bytes = readFileSync(join(workspace, file.filename));
    } catch {
      bytes = null;
    }
    const bom = bytes !== null && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    let blocked: string | null = null;
    if (bytes === null || !stored.matches(file.filename, bytes, file.sha)) {
      blocked =
        "The checked-out file is not the pull request's head version (check out `github.event.pull_request.head.sha`), so its line numbers cannot anchor an inline comment.";
    } else if (file.patch === undefined) {
      blocked =
        'GitHub shows no diff for this file (binary or too large), so it cannot carry inline comments.';
    }
    views.set(file.filename, {
      lines: file.patch === undefined ? null : parsePatchLines(file.patch),
      blocked,
      bom,
    });
  }
  return views;
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

async function postReview(
  github: GitHubClient,
  request: ReviewRequest,
  inline: readonly Unit[],
  listed: readonly ListedFinding[],
  link: { repository: string; serverUrl: string; ref: string },
  log: Logger,
  knownReviews: ReadonlySet<number>,
): Promise<{ inline: readonly Unit[]; listed: readonly ListedFinding[] }> {
  const { owner, repo, pullNumber: pull_number } = request;
  // A review is created with its comments in one request, so a review of ours that was not there when this
  // run read the reviews, on this commit, with this body, is this request having landed.
  const landed = (body: string) => async () => {
    const reviews = await github.paginate(github.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number,
      per_page: 100,
    });
    return reviews.some(
      (review) =>
        !knownReviews.has(review.id) &&
        isAuthoredBy(request.identity, review.user) &&
        review.commit_id === request.headSha &&
        (review.body ?? '').trimEnd() === body.trimEnd(),
    );
  };
  const create = async (units: readonly Unit[], items: readonly ListedFinding[]) => {
    const body = renderReviewBody({
      inline: units.length,
      suggestions: units.filter((unit) => unit.suggestion).length,
      listed: items,
      link,
      maxLength: MAX_REVIEW_BODY,
    });
    const outcome = await sendAtMostOnce({ send: () => send(units, body), landed: landed(body) });
    if (outcome === 'landed') log.info('GitHub failed to answer, but the review had been posted.');
  };
  const send = (units: readonly Unit[], body: string) =>
    github.rest.pulls.createReview({
      owner,
      repo,
      pull_number,
      commit_id: request.headSha,
      event: 'COMMENT',
      body,
      comments: units.map((unit) => ({
        path: unit.file,
        body: unit.body,
        side: 'RIGHT' as const,
        line: unit.endLine,
        ...(unit.startLine < unit.endLine
          ? { start_line: unit.startLine, start_side: 'RIGHT' as const }
          : {}),
      })),
    });
  try {
    await create(inline, listed);
    return { inline, listed };
  } catch (error) {
    const api = apiErrorOf(error);
    if (api?.status === 403) throw new ReviewFallback(explainReviewError(api, 'post the review'));
    if (api?.status !== 422 || inline.length === 0) {
      throw new ReviewFallback(
        api
          ? explainApiError(api, 'post the review')
          : `posting the review failed: ${(error as Error).message}`,
      );
    }
    // GitHub does not say which comment it refused; one review without inline comments still gets the
    // findings in front of the author, and the next run does not repeat them.
    log.warning(
      `GitHub refused the review's inline comments (HTTP 422 "${api.message}"); posting the findings in the review body instead.`,
    );
    const moved: ListedFinding[] = inline.flatMap((unit) =>
      unit.findings.map((finding, index) => ({
        finding,
        key: unit.keys[index] ?? unit.keys[0]!,
        reason: 'GitHub refused the inline comments of this review, so it is listed here.',
      })),
    );
    const all = [...listed, ...moved];
    try {
      await create([], all);
    } catch (again) {
      const retry = apiErrorOf(again);
      throw new ReviewFallback(
        retry
          ? explainApiError(retry, 'post the review')
          : `posting the review failed: ${(again as Error).message}`,
      );
    }
    return { inline: [], listed: all };
  }
}

/**
 * The one summary comment per pull request: ours with the marker, rewritten only when its text changes. A
 * human's comment that quotes the marker is never taken for it.
 */
async function upsertSummary(
  github: GitHubClient,
  request: ReviewRequest,
  body: string,
  worthCreating: boolean,
  call: Call,
): Promise<void> {
  const { owner, repo, pullNumber: issue_number } = request;
  const comments = await call('read the pull request comments', () =>
    github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }),
  );
  const isOurs = (comment: (typeof comments)[number]) =>
    isAuthoredBy(request.identity, comment.user) && isSummaryComment(comment.body ?? '');
  const existing = comments.find(isOurs);
  if (existing) {
    if (existing.body === body) return;
    await call('update the summary comment', () =>
      github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
    );
  } else if (worthCreating) {
    const known = new Set(comments.map((comment) => comment.id));
    await call('post the summary comment', () =>
      sendAtMostOnce({
        send: () => github.rest.issues.createComment({ owner, repo, issue_number, body }),
        landed: async () => {
          const now = await github.paginate(github.rest.issues.listComments, {
            owner,
            repo,
            issue_number,
            per_page: 100,
          });
          return now.some((comment) => !known.has(comment.id) && isOurs(comment));
        },
      }),
    );
  }
}
