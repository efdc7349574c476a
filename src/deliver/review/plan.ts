// The pull request review's decisions, as a pure function of what the run saw: the pull request's files and
// whether the checkout holds their head version, the review comments, reviews and conversation comments
// already there, and the scan. Nothing here reads or writes anything; pr-review.ts reads the snapshot and
// performs the steps. Only what the token's own identity wrote counts as an earlier run's: anyone can paste a
// marker into a comment.
import type { FileChange, Finding } from '../../model.js';
import {
  hasSuggestion,
  isMarkedFixed,
  isSummaryComment,
  MAX_COMMENT_LENGTH,
  readFindingKeys,
  readListedKeys,
  renderFixedComment,
  renderInlineComment,
  renderReviewBody,
  renderSummaryComment,
  type ListedFinding,
} from '../../report/review-comment.js';
import { isAddedLine, isAnchorable, parsePatchLines, type PatchLines } from '../github/diff-lines.js';
import { isSelf, type HostIdentity } from '../github/identity.js';
import type {
  HostComment,
  HostPullFile,
  HostReview,
  HostReviewComment,
  NewReviewComment,
} from '../github/repo-host.js';
import { planSuggestions } from '../github/suggestions.js';

/** reviewdog's figure: more inline comments in one review trip GitHub's content-creation limits. */
export const MAX_INLINE_COMMENTS = 30;
/** GitHub rejects bodies over 65,536 characters; the margin leaves room for its own normalisation. */
const MAX_REVIEW_BODY = 60_000;

/** What the checkout holds for one file of the pull request. */
export interface CheckoutFile {
  /** Whether the checked-out bytes are the pull request's head version (in git's stored form). */
  headVersion: boolean;
  /** Whether the file starts with a UTF-8 byte order mark (a suggestion on line 1 must keep it). */
  bom: boolean;
}

export interface ReviewSnapshot {
  identity: HostIdentity;
  /** The head commit the event names: every anchor is computed against it. */
  headSha: string;
  files: readonly HostPullFile[];
  /** By file name, for every file of the pull request that is not removed. */
  checkout: ReadonlyMap<string, CheckoutFile>;
  reviewComments: readonly HostReviewComment[];
  reviews: readonly HostReview[];
  /** The pull request's conversation comments (where the sticky summary lives). */
  issueComments: readonly HostComment[];
}

export interface ReviewFindings {
  /** The scan of the pull request's files. */
  findings: readonly Finding[];
  changes: readonly FileChange[];
  /** Where the review body's file links point. */
  link: { repository: string; serverUrl: string; ref: string };
}

export interface PlannedReview {
  body: string;
  comments: NewReviewComment[];
  /** How many of `comments` carry a suggestion. */
  suggestions: number;
  listed: ListedFinding[];
  /** The same findings without inline comments, for when GitHub refuses an anchor (null: no inline ones). */
  withoutInline: { body: string; listed: ListedFinding[] } | null;
}

/** An earlier comment of ours whose finding is gone: resolve its thread, or else rewrite it to say so. */
export interface RetireStep {
  commentId: number;
  /** The comment as rewritten when its thread cannot be resolved. */
  rewritten: string;
}

export type SummaryStep =
  { kind: 'keep' } | { kind: 'update'; commentId: number; body: string } | { kind: 'create'; body: string };

/** What the run ends with, depending on whether GitHub took the review's inline comments. */
export interface ReviewEnding {
  summary: SummaryStep;
  /** Findings with a one-click suggestion on the pull request (posted now or by an earlier run). */
  handled: Set<Finding>;
}

export interface ReviewPlan {
  /** The review to post, or null when there is nothing new to say. */
  review: PlannedReview | null;
  retire: RetireStep[];
  /** Earlier comments of ours that this run would resolve, already marked fixed or not (for the dry run). */
  wouldResolve: number;
  ending: ReviewEnding;
  endingIfInlineRefused: ReviewEnding;
  /** Ids that existed when the snapshot was read: anything of ours not among them landed after. */
  knownReviews: Set<number>;
  knownComments: Set<number>;
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

interface Earlier {
  comment: HostReviewComment;
  keys: string[];
}

const unitKeyOf = (keys: readonly string[]) => [...keys].sort().join(' ');

export function planReview(snapshot: ReviewSnapshot, input: ReviewFindings): ReviewPlan {
  const active = input.findings.filter((finding) => finding.outcome !== 'ignored');
  const keyOf = assignKeys(active);
  const views = viewFiles(snapshot);

  // ── What this run would say ──────────────────────────────────────────────────────────────────────────
  const units: Unit[] = [];
  const placed = new Set<Finding>();
  const listed: ListedFinding[] = [];
  const suggestions = planSuggestions(active, input.changes);
  const onAddedLine = (finding: Finding) => {
    const view = views.get(finding.file);
    return !!view?.lines && view.blocked === null && isAddedLine(view.lines, finding.line);
  };
  const outsideDiff = new Map<Finding, string>();
  for (const suggestion of suggestions.suggestions) {
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
      const reason = outsideDiff.get(finding) ?? suggestions.unsuggestable.get(finding);
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
  const ours: Earlier[] = [];
  for (const comment of snapshot.reviewComments) {
    if (comment.inReplyTo !== null || !isSelf(comment.author, snapshot.identity)) continue;
    const keys = readFindingKeys(comment.body);
    if (keys !== null) ours.push({ comment, keys });
  }
  const existing = new Map(ours.map((entry) => [unitKeyOf(entry.keys), entry]));
  const commentedKeys = new Set(ours.flatMap((entry) => entry.keys));
  const ourReviews = snapshot.reviews.filter((review) => isSelf(review.author, snapshot.identity));
  const listedBefore = new Set(ourReviews.flatMap((review) => readListedKeys(review.body) ?? []));

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
  const retire = [...fixed, ...superseded]
    .filter((entry) => !isMarkedFixed(entry.comment.body))
    .map((entry) => ({
      commentId: entry.comment.id,
      rewritten: renderFixedComment(
        entry.comment.body,
        snapshot.headSha,
        fixed.includes(entry) ? 'fixed' : 'superseded',
      ),
    }));

  // ── What the pull request shows afterwards ───────────────────────────────────────────────────────────
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
    headSha: snapshot.headSha,
  };
  // Refused inline comments go into the review body instead: they carry no suggestion after all.
  const refusedCounts = {
    ...counts,
    inline: counts.inline - inline.length,
    suggestions: counts.suggestions - inline.filter((unit) => unit.suggestion).length,
    listed: counts.listed + inline.reduce((sum, unit) => sum + unit.findings.length, 0),
  };
  const refusedHandled = new Set(liveSuggestions);
  for (const unit of inline) for (const finding of unit.findings) refusedHandled.delete(finding);

  const ourSummary = snapshot.issueComments.find(
    (comment) => isSelf(comment.author, snapshot.identity) && isSummaryComment(comment.body),
  );
  const worthCreating = counts.findings + counts.resolved > 0;
  const summaryStep = (body: string): SummaryStep => {
    if (ourSummary) {
      return ourSummary.body === body ? { kind: 'keep' } : { kind: 'update', commentId: ourSummary.id, body };
    }
    return worthCreating ? { kind: 'create', body } : { kind: 'keep' };
  };

  let review: PlannedReview | null = null;
  if (inline.length > 0 || freshListed.length > 0) {
    const bodyOf = (units: readonly Unit[], items: readonly ListedFinding[]) =>
      renderReviewBody({
        inline: units.length,
        suggestions: units.filter((unit) => unit.suggestion).length,
        listed: items,
        link: input.link,
        maxLength: MAX_REVIEW_BODY,
      });
    // GitHub does not say which comment it refused; one review without inline comments still gets the
    // findings in front of the author, and the next run does not repeat them.
    const moved: ListedFinding[] = inline.flatMap((unit) =>
      unit.findings.map((finding, index) => ({
        finding,
        key: unit.keys[index] ?? unit.keys[0]!,
        reason: 'GitHub refused the inline comments of this review, so it is listed here.',
      })),
    );
    const allListed = [...freshListed, ...moved];
    review = {
      body: bodyOf(inline, freshListed),
      comments: inline.map((unit) => ({
        path: unit.file,
        body: unit.body,
        line: unit.endLine,
        ...(unit.startLine < unit.endLine ? { startLine: unit.startLine } : {}),
      })),
      suggestions: inline.filter((unit) => unit.suggestion).length,
      listed: freshListed,
      withoutInline: inline.length > 0 ? { body: bodyOf([], allListed), listed: allListed } : null,
    };
  }

  return {
    review,
    retire,
    wouldResolve: fixed.length + superseded.length,
    ending: { summary: summaryStep(renderSummaryComment(counts)), handled: liveSuggestions },
    endingIfInlineRefused: {
      summary: summaryStep(renderSummaryComment(refusedCounts)),
      handled: refusedHandled,
    },
    knownReviews: new Set(snapshot.reviews.map((entry) => entry.id)),
    knownComments: new Set(snapshot.issueComments.map((comment) => comment.id)),
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
function viewFiles(snapshot: ReviewSnapshot): Map<string, FileView> {
  const views = new Map<string, FileView>();
  for (const file of snapshot.files) {
    if (file.status === 'removed') continue;
    const checkout = snapshot.checkout.get(file.filename);
    let blocked: string | null = null;
    if (!checkout?.headVersion) {
      blocked =
        "The checked-out file is not the pull request's head version (check out `github.event.pull_request.head.sha`), so its line numbers cannot anchor an inline comment.";
    } else if (file.patch === undefined) {
      blocked =
        'GitHub shows no diff for this file (binary or too large), so it cannot carry inline comments.';
    }
    views.set(file.filename, {
      lines: file.patch === undefined ? null : parsePatchLines(file.patch),
      blocked,
      bom: checkout?.bom ?? false,
    });
  }
  return views;
}
