// The pull request review's decisions and writes against an in-memory GitHub: what is posted where, what a
// re-run repeats (nothing), which earlier comments are resolved or rewritten, whose markers count, and how a
// lost response or a refused anchor is answered. The end-to-end runs against the HTTP fake are in test/e2e.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { deliverReview, type ReviewRequest } from '../../src/deliver/github/pr-review.js';
import type { HostPullFile } from '../../src/deliver/github/repo-host.js';
import { planReview, type ReviewSnapshot } from '../../src/deliver/review/plan.js';
import { blobSha } from '../../src/deliver/stored-form.js';
import type { ScanResult } from '../../src/model.js';
import { renderSummaryComment } from '../../src/report/review-comment.js';
import { scanFiles } from '../../src/scan.js';
import { makeWorkspace, writeFiles } from '../e2e/harness.js';
import { BOT, HUMAN, MemoryHost, OUTSIDER } from './memory-host.js';

const FILE = 'app/routes.js';
const BASE = `const router = require('express').Router();

router.get('/legacy', (req, res) => res.cookie('legacy', '1'));

module.exports = router;
`;
const HEAD = `const router = require('express').Router();

router.get('/legacy', (req, res) => res.cookie('legacy', '1'));

router.post('/login', (req, res) => {
  res.cookie('sid', req.session.id, {
    secure: false,
    maxAge: 3600,
  });
  res.cookie('token', req.token);
  res.end();
});

module.exports = router;
`;
const HEAD_SHA = 'a'.repeat(40);
const NEXT_SHA = 'b'.repeat(40);

const workspaces: string[] = [];
afterEach(() => {
  for (const folder of workspaces.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A unified diff of `before` → `after` as one hunk: common first and last lines as context. */
function patchOf(before: string, after: string): string {
  const old = before.split('\n').slice(0, -1);
  const now = after.split('\n').slice(0, -1);
  let head = 0;
  while (head < old.length && head < now.length && old[head] === now[head]) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < now.length - head &&
    old[old.length - 1 - tail] === now[now.length - 1 - tail]
  )
    tail++;
  const lines = [
    ...old.slice(0, head).map((line) => ` ${line}`),
    ...old.slice(head, old.length - tail).map((line) => `-${line}`),
    ...now.slice(head, now.length - tail).map((line) => `+${line}`),
    ...old.slice(old.length - tail).map((line) => ` ${line}`),
  ];
  return [`@@ -1,${old.length} +1,${now.length} @@`, ...lines].join('\n');
}

interface Scenario {
  host: MemoryHost;
  pull: number;
  workspace: string;
  /** The request of a run on the current head, as review mode builds it. */
  request: (headSha?: string, dryRun?: boolean) => ReviewRequest;
  /** A push to the pull request: the checkout and GitHub's file list follow. */
  push: (text: string) => void;
}

function scenario(): Scenario {
  const host = new MemoryHost({ [FILE]: BASE });
  const pull = host.openPull({ head: 'feature/login', body: 'Adds a login route', author: HUMAN });
  const workspace = makeWorkspace({ [FILE]: HEAD });
  workspaces.push(workspace);
  let text = HEAD;
  const push = (next: string) => {
    text = next;
    writeFiles(workspace, { [FILE]: next });
    const file: HostPullFile = {
      filename: FILE,
      status: 'modified',
      sha: blobSha(Buffer.from(next)),
      patch: patchOf(BASE, next),
    };
    host.pullFileRecords.set(pull, [file]);
  };
  push(HEAD);
  const request = (headSha = HEAD_SHA, dryRun = false): ReviewRequest => ({
    owner: 'acme',
    repo: 'webapp',
    pullNumber: pull,
    headSha,
    workspace,
    serverUrl: 'https://github.com',
    dryRun,
    files: host.pullFileRecords.get(pull)!,
    result: scan(text),
    identity: { login: BOT.login, id: BOT.id },
  });
  return { host, pull, workspace, request, push };
}

function scan(text: string): ScanResult {
  return scanFiles({ files: [FILE], read: () => ({ text }), config: DEFAULT_CONFIG });
}

function logger() {
  const lines: string[] = [];
  return {
    lines,
    info: (message: string) => lines.push(`info: ${message}`),
    warning: (message: string) => lines.push(`warning: ${message}`),
    notice: (message: string) => lines.push(`notice: ${message}`),
  };
}

const lost = () => Object.assign(new Error('Bad Gateway'), { status: 502 });
const keyOf = (body: string) => /<!-- cookie-hardener:finding ([0-9a-f~ ]+) -->$/.exec(body.trimEnd())?.[1];

describe('deliverReview', () => {
  it('posts one review with a comment on each changed weak line, lists the old line, and adds the summary', async () => {
    const { host, pull, request } = scenario();
    const log = logger();
    const outcome = await deliverReview(host, request(), log);

    expect(host.writes).toEqual([`review #${pull}: ${FILE}:7-8, ${FILE}:10`, `comment #${pull}`]);
    const [review] = host.reviewRecords;
    expect(review).toMatchObject({ pull, author: BOT, commitId: HEAD_SHA });
    expect(
      host.reviewCommentRecords.map((comment) => [comment.path, comment.startLine, comment.line]),
    ).toEqual([
      [FILE, 7, 8],
      [FILE, null, 10],
    ]);
    const [sid, token] = host.reviewCommentRecords;
    expect(sid!.body).toContain(
      '```suggestion\n    secure: true,\n    maxAge: 3600,\n    httpOnly: true,\n```',
    );
    expect(token!.body).toContain(
      "```suggestion\n  res.cookie('token', req.token, { httpOnly: true, secure: true });\n```",
    );
    // The legacy cookie on line 3 is not in the diff: the body lists it with its location and why.
    expect(review!.body).toContain('`app/routes.js:3`');
    expect(review!.body).toContain('Not on a line this pull request changes');
    expect(review!.body.trimEnd().split('\n').at(-1)).toMatch(
      /^<!-- cookie-hardener:review [0-9a-f]{16} -->$/,
    );
    expect(host.commentRecords.map((comment) => comment.body)).toEqual([
      renderSummaryComment({
        findings: 3,
        inline: 2,
        suggestions: 2,
        listed: 1,
        resolved: 0,
        headSha: HEAD_SHA,
      }),
    ]);
    expect(outcome.posted).toEqual({ inline: 2, suggestions: 2, listed: 1, resolved: 0 });
    expect([...outcome.handled].map((finding) => finding.cookie).sort()).toEqual(['sid', 'token']);
    expect(log.lines).toEqual([
      `info: Review of #${pull}: 2 new inline comment(s) (2 with a suggestion), 1 finding(s) newly listed in the review body, 0 earlier comment(s) resolved.`,
    ]);

    // The same head once more: nothing new to say, nothing written, the same findings handled.
    const again = await deliverReview(host, request(), logger());
    expect(host.writes).toHaveLength(2);
    expect(again.posted).toEqual({ inline: 0, suggestions: 0, listed: 0, resolved: 0 });
    expect([...again.handled].map((finding) => finding.cookie).sort()).toEqual(['sid', 'token']);
  });

  it('resolves the thread of a fixed finding, comments the new one, and edits the summary in place', async () => {
    const { host, pull, request, push } = scenario();
    await deliverReview(host, request(), logger());
    const [, token] = host.reviewCommentRecords;
    const summaryId = host.commentRecords[0]!.id;

    push(
      HEAD.replace(
        "  res.cookie('token', req.token);\n",
        "  res.cookie('token', req.token, { httpOnly: true, secure: true });\n  res.cookie('theme', 'dark');\n",
      ),
    );
    const before = host.writes.length;
    const outcome = await deliverReview(host, request(NEXT_SHA), logger());
    expect(host.writes.slice(before)).toEqual([
      `review #${pull}: ${FILE}:11`,
      `resolve ${`PRRT_${token!.id}`}`,
      `edit comment ${summaryId}`,
    ]);
    expect(host.isResolved(token!.id)).toBe(true);
    expect(host.reviewCommentRecords.filter((comment) => host.isResolved(comment.id))).toHaveLength(1);
    expect(host.commentRecords.map((comment) => [comment.id, comment.body])).toEqual([
      [
        summaryId,
        renderSummaryComment({
          findings: 3,
          inline: 2,
          suggestions: 2,
          listed: 1,
          resolved: 1,
          headSha: NEXT_SHA,
        }),
      ],
    ]);
    expect(outcome.posted).toEqual({ inline: 1, suggestions: 1, listed: 0, resolved: 1 });
  });

  it('rewrites a fixed comment to say so when review threads cannot be read', async () => {
    const { host, request, push } = scenario();
    await deliverReview(host, request(), logger());
    const [, token] = host.reviewCommentRecords;
    const original = token!.body;
    push(HEAD.replace("  res.cookie('token', req.token);\n", ''));
    host.failures.set('reviewThreads', new Error('Resource not accessible by integration'));
    const log = logger();
    await deliverReview(host, request(NEXT_SHA), log);
    expect(log.lines.slice(0, 2)).toEqual([
      'info: Nothing new to say: no review posted.',
      'warning: Could not read the review threads through GraphQL (Resource not accessible by integration); fixed comments are edited instead.',
    ]);
    expect(host.writes.at(-2)).toBe(`edit review comment ${token!.id}`);
    expect(token!.body).toBe(
      `**Fixed** in bbbbbbb: cookie-hardener no longer finds this problem.\n\n<details><summary>Original comment</summary>\n\n${original
        .trimEnd()
        .replace(/^```suggestion$/m, '```')}\n\n</details>\n\n<!-- cookie-hardener:fixed -->`,
    );
    expect(host.isResolved(token!.id)).toBe(false);
  });

  it("reads markers only from the token's own identity (issue 10, item 6)", async () => {
    const { host, pull, request } = scenario();
    const keys = planReview(snapshotOf(request()), inputOf(request()));
    const tokenKey = keyOf(keys.review!.comments[1]!.body)!;
    // An outsider pastes the summary's marker, an active finding's marker, one of a finding that does not
    // exist (which would read as fixed), and a review marker listing the legacy finding.
    host.addComment(pull, 'Keep this.\n\n<!-- cookie-hardener:summary -->', OUTSIDER);
    const copied = host.addReviewComment({
      pull,
      path: FILE,
      line: 10,
      body: `Why?\n\n<!-- cookie-hardener:finding ${tokenKey} -->`,
      author: OUTSIDER,
    });
    const gone = host.addReviewComment({
      pull,
      path: FILE,
      line: 10,
      body: '<!-- cookie-hardener:finding 00000000deadbeef -->',
      author: OUTSIDER,
    });
    const legacyKey = /<!-- cookie-hardener:review ([0-9a-f]{16}) -->/.exec(keys.review!.body)![1]!;
    host.addReview(pull, `Seen.\n\n<!-- cookie-hardener:review ${legacyKey} -->`, OUTSIDER);

    await deliverReview(host, request(), logger());
    // Everything is said as if no marker had been pasted; no one else's comment is edited or resolved.
    expect(host.writes).toEqual([`review #${pull}: ${FILE}:7-8, ${FILE}:10`, `comment #${pull}`]);
    expect(host.reviewRecords.at(-1)!.body).toContain('`app/routes.js:3`');
    expect(host.commentRecords.map((comment) => comment.author.login)).toEqual(['mallory', BOT.login]);
    expect(host.isResolved(copied)).toBe(false);
    expect(host.isResolved(gone)).toBe(false);
  });

  it('takes a lost review response that landed as posted, and sends a lost summary only after checking', async () => {
    const { host, pull, request } = scenario();
    host.failures.set('createReview', lost());
    host.landsBeforeFailing.add('createReview');
    host.failures.set('comment', lost());
    const log = logger();
    await deliverReview(host, request(), log);
    // One review (the lost answer was checked, not repeated); the summary's first POST never ran, so it is
    // sent again after a listing found nothing.
    expect(host.writes).toEqual([`review #${pull}: ${FILE}:7-8, ${FILE}:10`, `comment #${pull}`]);
    expect(host.reviewRecords).toHaveLength(1);
    expect(host.commentRecords).toHaveLength(1);
    expect(log.lines[0]).toBe('info: GitHub failed to answer, but the review had been posted.');
  }, 10_000);

  it('does not repeat a summary whose response was lost after it landed', async () => {
    const { host, pull, request } = scenario();
    host.failures.set('comment', lost());
    host.landsBeforeFailing.add('comment');
    await deliverReview(host, request(), logger());
    expect(host.writes).toEqual([`review #${pull}: ${FILE}:7-8, ${FILE}:10`, `comment #${pull}`]);
  });

  it('moves the findings into the review body when GitHub refuses an anchor (422)', async () => {
    const { host, pull, request } = scenario();
    host.failures.set(
      'createReview',
      Object.assign(new Error('Unprocessable Entity'), {
        status: 422,
        response: { data: { message: 'Unprocessable Entity', errors: ['line must be part of the diff'] } },
      }),
    );
    const log = logger();
    const outcome = await deliverReview(host, request(), log);
    expect(host.writes).toEqual([`review #${pull}: no inline comments`, `comment #${pull}`]);
    expect(host.reviewRecords[0]!.body).toContain('3 findings are not commented inline');
    expect(host.commentRecords[0]!.body).toBe(
      renderSummaryComment({
        findings: 3,
        inline: 0,
        suggestions: 0,
        listed: 3,
        resolved: 0,
        headSha: HEAD_SHA,
      }),
    );
    expect(outcome.handled).toEqual(new Set());
    expect(log.lines[0]).toBe(
      `warning: GitHub refused the review's inline comments (HTTP 422 "Unprocessable Entity: line must be part of the diff"); posting the findings in the review body instead.`,
    );
    // They were said: the next run does not repeat them.
    await deliverReview(host, request(), logger());
    expect(host.writes).toHaveLength(2);
  });

  it('writes nothing in a dry run', async () => {
    const { host, request } = scenario();
    const log = logger();
    const outcome = await deliverReview(host, request(HEAD_SHA, true), log);
    expect(host.writes).toEqual([]);
    expect(outcome.summary).toBe('Dry run: nothing was posted.');
    expect(log.lines).toEqual([
      'info: Dry run: would post 2 inline comment(s) and list 1 finding(s) in a review, and resolve 0 earlier comment(s).',
    ]);
  });
});

describe('planReview', () => {
  it('keeps every comment off a file whose checkout is not the head version', () => {
    const { request } = scenario();
    const snapshot = {
      ...snapshotOf(request()),
      checkout: new Map([[FILE, { headVersion: false, bom: false }]]),
    };
    const plan = planReview(snapshot, inputOf(request()));
    expect(plan.review!.comments).toEqual([]);
    expect(plan.review!.listed.map((item) => [item.finding.cookie, item.reason])).toEqual([
      [
        'legacy',
        "The checked-out file is not the pull request's head version (check out `github.event.pull_request.head.sha`), so its line numbers cannot anchor an inline comment.",
      ],
      [
        'sid',
        "The checked-out file is not the pull request's head version (check out `github.event.pull_request.head.sha`), so its line numbers cannot anchor an inline comment.",
      ],
      [
        'token',
        "The checked-out file is not the pull request's head version (check out `github.event.pull_request.head.sha`), so its line numbers cannot anchor an inline comment.",
      ],
    ]);
    expect(plan.review!.withoutInline).toBeNull();
  });

  it('plans nothing to post and no summary for a pull request with no findings and no history', () => {
    const { request } = scenario();
    const plan = planReview(snapshotOf(request()), { ...inputOf(request()), findings: [], changes: [] });
    expect(plan.review).toBeNull();
    expect(plan.retire).toEqual([]);
    expect(plan.ending.summary).toEqual({ kind: 'keep' });
  });
});

function snapshotOf(request: ReviewRequest): ReviewSnapshot {
  return {
    identity: request.identity,
    headSha: request.headSha,
    files: request.files,
    checkout: new Map([[FILE, { headVersion: true, bom: false }]]),
    reviewComments: [],
    reviews: [],
    issueComments: [],
  };
}

function inputOf(request: ReviewRequest) {
  return {
    findings: request.result.findings,
    changes: request.result.changes,
    link: { repository: 'acme/webapp', serverUrl: 'https://github.com', ref: request.headSha },
  };
}
