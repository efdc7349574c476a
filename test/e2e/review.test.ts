// Review mode end to end: dist/index.js on a real `pull_request` payload against the fake GitHub, whose
// reviews endpoint validates every anchor the way GitHub does (one bad anchor → 422 for the whole review).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';
import type { FakeGitHub } from '../fake-github/api.js';
import type { ReviewCommentRecord } from '../fake-github/records.js';
import { faults, GITHUB_ACTIONS_BOT, OCTOCAT, startFakeGitHub } from '../fake-github/server.js';
import { makeWorkspace, runAction, writeFiles, writesOf } from './harness.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const BRANCH = 'feature/login';
let fake: FakeGitHub | null = null;
const workspaces: string[] = [];

afterEach(async () => {
  await fake?.close();
  fake = null;
  for (const folder of workspaces.splice(0)) rmSync(folder, { recursive: true, force: true });
});

// The base has one weak cookie already (line 4); the pull request adds a login route below it.
const BASE_ROUTES = `const express = require('express');
const router = express.Router();

router.get('/legacy', (req, res) => res.cookie('legacy', '1'));

module.exports = router;
`;

const PR_ROUTES = `const express = require('express');
const router = express.Router();

router.get('/legacy', (req, res) => res.cookie('legacy', '1'));

router.post('/login', (req, res) => {
  res.cookie('sid', req.session.id, {
    secure: false,
    maxAge: 3600,
  });
  res.cookie('token', req.token);
  res.cookie('note', '\`\`\`');
  res.end();
});

module.exports = router;
`;

const BASE = { 'README.md': '# webapp\n', 'app/routes.js': BASE_ROUTES };

interface Scenario {
  fake: FakeGitHub;
  workspace: string;
  number: number;
}

async function openPullRequest(
  base: Record<string, string>,
  head: Record<string, string>,
  options: { headRepo?: string } = {},
): Promise<Scenario & { payload: () => Promise<Record<string, unknown>> }> {
  fake = await startFakeGitHub({ files: base });
  const server = fake;
  await server.pushBranch(BRANCH, head, { message: 'Add login' });
  const pull = await server.openPullRequest({ head: BRANCH, title: 'Add login' });
  const workspace = makeWorkspace({ ...base, ...head });
  workspaces.push(workspace);
  return {
    fake: server,
    workspace,
    number: pull.number,
    payload: () => pullRequestPayload(server, pull.number, options.headRepo),
  };
}

/** The fields of a real `pull_request` event payload that an action reads. */
async function pullRequestPayload(
  server: FakeGitHub,
  number: number,
  headRepo = 'acme/webapp',
): Promise<Record<string, unknown>> {
  const repository = { full_name: 'acme/webapp', name: 'webapp', owner: { login: 'acme' }, fork: false };
  const head = (await server.branchSha(BRANCH))!;
  const base = (await server.branchSha('main'))!;
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      head: {
        ref: BRANCH,
        sha: head,
        label: `${headRepo.split('/')[0]}:${BRANCH}`,
        repo: { full_name: headRepo, name: 'webapp', fork: headRepo !== 'acme/webapp' },
      },
      base: { ref: 'main', sha: base, label: 'acme:main', repo: repository },
    },
    repository,
  };
}

/** What `cookie-hardener fix` writes for `file` in a copy of the workspace. */
function fixedByCli(workspace: string, file: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'cookie-hardener-fix-'));
  workspaces.push(copy);
  cpSync(workspace, copy, { recursive: true });
  const run = spawnSync(process.execPath, [CLI, 'fix', copy], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return readFileSync(join(copy, file), 'utf8');
}

/** The lines of a comment's ```suggestion block (fence of any length), or null. */
function suggestionOf(body: string): string[] | null {
  const match = /^(`{3,})suggestion\n([\s\S]*?)\n\1$/m.exec(body);
  return match ? (match[2] ?? '').split('\n') : null;
}

/** Accepts every suggestion on `path` as GitHub does (each replaces lines start_line..line), bottom-up. */
function applySuggestions(text: string, comments: readonly ReviewCommentRecord[], path: string): string {
  const lines = text.split('\n');
  const mine = comments
    .filter((comment) => comment.path === path && suggestionOf(comment.body) !== null)
    .sort((a, b) => b.originalLine - a.originalLine);
  for (const comment of mine) {
    const start = comment.originalStartLine ?? comment.originalLine;
    lines.splice(start - 1, comment.originalLine - start + 1, ...suggestionOf(comment.body)!);
  }
  return lines.join('\n');
}

/** The fingerprint of each cookie's finding, which is the key its inline comment carries. */
function keysOf(files: Record<string, string>): Map<string | null, string> {
  const result = scanFiles({
    files: Object.keys(files).sort(),
    read: (file) => ({ text: files[file]! }),
    config: DEFAULT_CONFIG,
  });
  return new Map(result.findings.map((finding) => [finding.cookie, finding.fingerprint]));
}

/** The keys of an inline comment's finding marker (its last line). */
function keysInMarker(body: string): string[] | null {
  const match = /<!-- cookie-hardener:finding ([0-9a-f~ ]+) -->$/.exec(body.trimEnd());
  return match ? match[1]!.split(' ') : null;
}

/** Comment bodies without code spans, `<code>` elements and suggestion blocks: the text GitHub links in. */
function proseOf(body: string): string {
  return body
    .replace(/^(`{3,})suggestion\n[\s\S]*?\n\1$/gm, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/(`+)[^`][\s\S]*?\1/g, '');
}

const isBot = (entry: { user: { login: string } }) => entry.user.login === GITHUB_ACTIONS_BOT.login;

/** The review body of a first run on PR_ROUTES: three inline comments, the legacy cookie listed. */
function firstReviewBody(head: string, legacyKey: string): string {
  return `cookie-hardener left 3 inline comments on lines this pull request changes (3 one-click suggestions).

1 finding is not commented inline:

- [\`app/routes.js:4\`](https://github.com/acme/webapp/blob/${head}/app/routes.js#L4) cookie \`legacy\`: HttpOnly and Secure not set. Not on a line this pull request changes, so it is listed here rather than inline.

<!-- cookie-hardener:review ${legacyKey} -->`;
}

/** The summary comment after a first run on PR_ROUTES. */
function firstSummary(head: string): string {
  return `### cookie-hardener

Apply the suggestions, or run \`cookie-hardener fix\` locally, to set the missing flags.

| | |
|---|---:|
| Weak cookie settings in the files this pull request changes | 4 |
| Commented inline on changed lines | 3 |
| … of which with a one-click suggestion | 3 |
| Listed in the review summary (not on a changed line) | 1 |
| Fixed since an earlier comment (thread resolved) | 0 |

<sub>Updated for ${head.slice(0, 7)}.</sub>

<!-- cookie-hardener:summary -->`;
}

/** The bodies of the POSTs that created something, in order. */
function postsOf(fake: FakeGitHub, since = 0): Array<[string, unknown]> {
  return fake.requests
    .slice(since)
    .filter((entry) => entry.method === 'POST' && !entry.path.endsWith('/graphql'))
    .map((entry) => [entry.path, entry.body]);
}

describe('mode: review (pull_request)', () => {
  it('posts one review whose suggestions reproduce `fix` byte for byte, and lists the untouched line in the body', async () => {
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '4', fixed: '3', 'pull-request-operation': 'none' });
    expect(fake.schemaViolations).toEqual([]);

    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviews[0]).toMatchObject({ state: 'COMMENTED', commitId: await fake.branchSha(BRANCH) });
    const anchors = fake.reviewComments.map((comment) => [
      comment.path,
      comment.originalStartLine,
      comment.originalLine,
      comment.side,
    ]);
    // sid: `secure: false` (8) and the line after which httpOnly goes (9) → a two-line suggestion.
    expect(anchors).toEqual([
      ['app/routes.js', 8, 9, 'RIGHT'],
      ['app/routes.js', null, 11, 'RIGHT'],
      ['app/routes.js', null, 12, 'RIGHT'],
    ]);
    const [sid, token, note] = fake.reviewComments;
    expect(suggestionOf(sid!.body)).toEqual([
      '    secure: true,',
      '    maxAge: 3600,',
      '    httpOnly: true,',
    ]);
    expect(suggestionOf(token!.body)).toEqual([
      "  res.cookie('token', req.token, { httpOnly: true, secure: true });",
    ]);
    // The fix line holds ``` itself, so its fence is four backticks long. (A `note` cookie may be read by
    // front-end code, so the fix sets Secure only.)
    expect(note!.body).toContain("````suggestion\n  res.cookie('note', '```', { secure: true });\n````");
    expect(sid!.body).toContain('Without HttpOnly, any script in the page can read the cookie');
    expect(sid!.body).toMatch(/<!-- cookie-hardener:finding [0-9a-f]{16} -->$/);

    // Applied as a batch, the suggestions are exactly `fix`, except on line 4, which is not in the diff.
    const head = (await fake.readFile(BRANCH, 'app/routes.js'))!;
    const fixed = fixedByCli(workspace, 'app/routes.js');
    expect(fixed).toContain("res.cookie('legacy', '1', { secure: true })");
    expect(applySuggestions(head, fake.reviewComments, 'app/routes.js')).toBe(
      fixed.replace("res.cookie('legacy', '1', { secure: true })", "res.cookie('legacy', '1')"),
    );

    // Exactly two writes: the review with its three comments in one request, then the summary comment.
    const headSha = (await fake.branchSha(BRANCH))!;
    expect(writesOf(fake)).toEqual([
      'POST /repos/acme/webapp/pulls/1/reviews',
      'POST /repos/acme/webapp/issues/1/comments',
    ]);
    const comment = (line: number, body: string, startLine?: number) => ({
      path: 'app/routes.js',
      body,
      side: 'RIGHT',
      line,
      ...(startLine ? { start_line: startLine, start_side: 'RIGHT' } : {}),
    });
    expect(postsOf(fake)).toEqual([
      [
        '/repos/acme/webapp/pulls/1/reviews',
        {
          commit_id: headSha,
          event: 'COMMENT',
          body: firstReviewBody(headSha, keysOf({ 'app/routes.js': PR_ROUTES }).get('legacy')!),
          comments: [comment(9, sid!.body, 8), comment(11, token!.body), comment(12, note!.body)],
        },
      ],
      ['/repos/acme/webapp/issues/1/comments', { body: firstSummary(headSha) }],
    ]);
    expect(fake.reviews.map((review) => review.body)).toEqual([
      firstReviewBody(headSha, keysOf({ 'app/routes.js': PR_ROUTES }).get('legacy')!),
    ]);
    expect(fake.issueComments.map((entry) => entry.body)).toEqual([firstSummary(headSha)]);
    expect(run.summary).toContain(
      'Review of #1: 3 new inline comment(s) (3 with a suggestion), 1 finding(s) newly listed in the review body, 0 earlier comment(s) resolved.',
    );
  }, 60_000);

  it('on a new push posts only the new finding, resolves the fixed one, and then stays quiet', async () => {
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(fake.reviewComments).toHaveLength(3);
    const token = fake.reviewComments.find((comment) => comment.body.includes("'token'"))!;
    const summaryId = fake.issueComments[0]!.id;

    const pushed = {
      'app/routes.js': PR_ROUTES.replace(
        "  res.cookie('token', req.token);\n",
        "  res.cookie('token', req.token, { httpOnly: true, secure: true });\n  res.cookie('theme', 'dark');\n",
      ),
    };
    await fake.pushBranch(BRANCH, pushed, { message: 'Fix token, add theme' });
    writeFiles(workspace, pushed);
    const before = fake.requests.length;
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.code).toBe(0);
    expect(fake.schemaViolations).toEqual([]);
    expect(fake.reviews).toHaveLength(2);
    expect(fake.reviewComments).toHaveLength(4);
    const theme = fake.reviewComments[3]!;
    expect(theme.originalLine).toBe(12);
    expect(suggestionOf(theme.body)).toEqual(["  res.cookie('theme', 'dark', { secure: true });"]);
    expect(fake.isThreadResolved(token.id)).toBe(true);
    expect(fake.reviewComments.filter((comment) => fake!.isThreadResolved(comment.id))).toHaveLength(1);
    // Nothing deleted, the summary edited in place.
    expect(writesOf(fake, before).filter((write) => write.startsWith('DELETE'))).toEqual([]);
    expect(fake.issueComments.map((comment) => comment.id)).toEqual([summaryId]);
    expect(fake.issueComments[0]!.body).toContain('| Fixed since an earlier comment (thread resolved) | 1 |');

    const quiet = fake.requests.length;
    const again = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing new to say: no review posted.');
    expect(writesOf(fake, quiet)).toEqual([]);
    expect(fake.reviews).toHaveLength(2);
  }, 90_000);

  it('edits a fixed comment to say so when its thread cannot be resolved', async () => {
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    const token = fake.reviewComments.find((comment) => comment.body.includes("'token'"))!;
    const pushed = { 'app/routes.js': PR_ROUTES.replace("  res.cookie('token', req.token);\n", '') };
    await fake.pushBranch(BRANCH, pushed);
    writeFiles(workspace, pushed);
    // GraphQL refuses as GitHub does for a token without the permission: HTTP 200 with an `errors` array.
    fake.failNext({
      method: 'POST',
      path: '/graphql',
      graphql: /reviewThreads|resolveReviewThread/,
      status: 200,
      body: {
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      },
      times: 2,
    });
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.code).toBe(0);
    const edited = fake.reviewComments.find((comment) => comment.id === token.id)!;
    expect(edited.body).toMatch(
      /^\*\*Fixed\*\* in [0-9a-f]{7}: cookie-hardener no longer finds this problem\./,
    );
    expect(edited.body).not.toMatch(/^`{3,}suggestion$/m);
    expect(fake.reviewComments).toHaveLength(3);
    expect(fake.reviews).toHaveLength(1);
  }, 90_000);

  it('gates on fail-on until the suggested fixes are in the code', async () => {
    const routes = PR_ROUTES.replace(
      "router.get('/legacy', (req, res) => res.cookie('legacy', '1'));\n\n",
      '',
    );
    const base = { 'README.md': '# webapp\n' };
    const { fake, workspace, payload } = await openPullRequest(base, { 'app/routes.js': routes });
    const run = await runAction(fake, {
      workspace,
      event: 'pull_request',
      payload: await payload(),
      inputs: { 'fail-on': 'weak' },
    });
    // The suggestions are posted, but the cookies stay weak until they are applied: the check fails.
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '3', fixed: '3' });
    expect(run.stdout).toContain('::error::3 cookie findings leave cookies weak (fail-on: weak).');
    const again = await runAction(fake, {
      workspace,
      event: 'pull_request',
      payload: await payload(),
      inputs: { 'fail-on': 'weak' },
    });
    expect(again.code).toBe(1);
    expect(again.outputs.fixed).toBe('3');
    const strict = await runAction(fake, {
      workspace,
      event: 'pull_request',
      payload: await payload(),
      inputs: { 'fail-on': 'weak', 'dry-run': 'true' },
    });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('::error::3 cookie findings leave cookies weak (fail-on: weak).');
  }, 90_000);

  it('falls back to annotations and the job summary on a fork pull request, writing nothing', async () => {
    const { fake, workspace, payload } = await openPullRequest(
      BASE,
      { 'app/routes.js': PR_ROUTES },
      { headRepo: 'mallory/webapp' },
    );
    const run = await runAction(fake, {
      workspace,
      event: 'pull_request',
      payload: await payload(),
      inputs: { 'fail-on': 'weak' },
    });
    expect(run.code).toBe(1);
    expect(writesOf(fake)).toEqual([]);
    expect(run.stdout).toContain(
      '::notice::This pull request comes from a fork, so the workflow token is read-only',
    );
    expect(run.stdout).toContain(
      '::error title=cookie-hardener express-res-cookie (token),file=app/routes.js,line=11,col=3::',
    );
    expect(run.summary).toContain('This pull request comes from a fork');
    expect(run.summary).toContain('two-workflow pattern');
    expect(run.stdout).toContain('::error::4 cookie findings leave cookies weak (fail-on: weak).');
  }, 60_000);

  it('falls back with a clear note when the token is read-only (403)', async () => {
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    fake.readOnly = true;
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.code).toBe(0);
    expect(fake.reviews).toEqual([]);
    expect(run.stdout).toContain(
      '::warning::The token cannot post the review (HTTP 403 "Resource not accessible by integration"). Review comments need `permissions: { contents: read, pull-requests: write }`',
    );
    expect(run.stdout).toContain('::error title=cookie-hardener express-res-cookie (sid)');
    expect(run.outputs.fixed).toBe('0');
  }, 60_000);

  it('survives a 422 on the review: the findings go into a review body instead', async () => {
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    fake.failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      status: 422,
      body: {
        message: 'Unprocessable Entity',
        errors: ['Pull request review thread line must be part of the diff'],
      },
    });
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("::warning::GitHub refused the review's inline comments (HTTP 422");
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviewComments).toEqual([]);
    expect(fake.reviews[0]!.body).toContain('4 findings are not commented inline');
    expect(run.outputs.fixed).toBe('0');
    // The re-run does not repeat them.
    const before = fake.requests.length;
    await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(writesOf(fake, before)).toEqual([]);
  }, 90_000);

  it('caps a pull request with 200 findings at 30 inline comments and lists the rest within 65,536 characters', async () => {
    const calls = Array.from(
      { length: 200 },
      (_, index) => `  res.cookie('cookie_${String(index).padStart(3, '0')}', value);`,
    );
    const many = `module.exports = function set(res, value) {\n${calls.join('\n')}\n};\n`;
    const { fake, workspace, payload } = await openPullRequest(
      { 'README.md': '# webapp\n' },
      { 'app/many.js': many },
    );
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.code).toBe(0);
    expect(fake.schemaViolations).toEqual([]);
    expect(run.outputs).toMatchObject({ findings: '200', fixed: '30' });
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviewComments).toHaveLength(30);
    const body = fake.reviews[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('170 findings are not commented inline');
    expect(body).toContain('`app/many.js:201`');
    expect(body.match(/^- /gm)).toHaveLength(170);
    const before = fake.requests.length;
    await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(writesOf(fake, before)).toEqual([]);
  }, 120_000);
  it("trusts markers only from the token's own identity: copies neither silence it nor get rewritten or resolved", async () => {
    const { fake, workspace, number, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    const keys = keysOf({ 'app/routes.js': PR_ROUTES });
    // A human (anyone who can comment) pastes markers: the summary's, an active finding's in an inline
    // comment and in a review body, and one for a finding that does not exist (which reads as "fixed").
    const summaryLookalike = await fake.addIssueComment(
      number,
      'Please keep this comment.\n\n<!-- cookie-hardener:summary -->',
    );
    const copied = await fake.addReviewComment({
      pull: number,
      path: 'app/routes.js',
      line: 11,
      body: `Why not a session?\n\n<!-- cookie-hardener:finding ${keys.get('token')!} -->`,
    });
    const gone = await fake.addReviewComment({
      pull: number,
      path: 'app/routes.js',
      line: 12,
      body: '<!-- cookie-hardener:finding 00000000deadbeef -->',
    });
    fake.tokenUser = OCTOCAT;
    await new Octokit({ baseUrl: fake.url, auth: 'a human' }).rest.pulls.createReview({
      owner: 'acme',
      repo: 'webapp',
      pull_number: number,
      event: 'COMMENT',
      body: `Seen.\n\n<!-- cookie-hardener:review ${keys.get('sid')!},${keys.get('legacy')!} -->`,
    });
    fake.tokenUser = GITHUB_ACTIONS_BOT;

    const before = fake.requests.length;
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Every finding is said as if no marker had been pasted: the same two requests, with the same bodies,
    // as on a pull request nobody had commented on. Nothing is edited, and no thread is resolved.
    const headSha = (await fake.branchSha(BRANCH))!;
    expect(writesOf(fake, before)).toEqual([
      'POST /repos/acme/webapp/pulls/1/reviews',
      'POST /repos/acme/webapp/issues/1/comments',
    ]);
    const graphqlMutations = fake.requests
      .slice(before)
      .filter((entry) => entry.path === '/graphql' && /mutation/.test(JSON.stringify(entry.body)));
    expect(graphqlMutations).toEqual([]);
    const bot = fake.reviewComments.filter(isBot);
    expect(postsOf(fake, before)).toEqual([
      [
        '/repos/acme/webapp/pulls/1/reviews',
        {
          commit_id: headSha,
          event: 'COMMENT',
          body: firstReviewBody(headSha, keys.get('legacy')!),
          comments: [
            {
              path: 'app/routes.js',
              body: bot[0]!.body,
              side: 'RIGHT',
              line: 9,
              start_line: 8,
              start_side: 'RIGHT',
            },
            { path: 'app/routes.js', body: bot[1]!.body, side: 'RIGHT', line: 11 },
            { path: 'app/routes.js', body: bot[2]!.body, side: 'RIGHT', line: 12 },
          ],
        },
      ],
      ['/repos/acme/webapp/issues/1/comments', { body: firstSummary(headSha) }],
    ]);
    expect(bot.map((comment) => keysInMarker(comment.body))).toEqual([
      [keys.get('sid')!],
      [keys.get('token')!],
      [keys.get('note')!],
    ]);
    const review = fake.reviews.filter(isBot);
    expect(review.map((entry) => entry.body)).toEqual([firstReviewBody(headSha, keys.get('legacy')!)]);
    // The human's comments are untouched, their threads open, and the bot's summary is its own comment.
    expect(fake.issueComments.find((comment) => comment.id === summaryLookalike.id)!.body).toBe(
      summaryLookalike.body,
    );
    expect(fake.issueComments.filter(isBot).map((comment) => comment.body)).toEqual([firstSummary(headSha)]);
    expect(fake.reviewComments.find((comment) => comment.id === gone.id)!.body).toBe(gone.body);
    expect(fake.reviewComments.find((comment) => comment.id === copied.id)!.body).toBe(copied.body);
    expect(fake.isThreadResolved(gone.id)).toBe(false);
    expect(fake.isThreadResolved(copied.id)).toBe(false);
  }, 90_000);

  it('reports instead of posting when GitHub will not say whom the token acts as', async () => {
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    fake.failNext({
      method: 'POST',
      path: '/graphql',
      graphql: /viewer/,
      status: 200,
      body: {
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      },
    });
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.code).toBe(0);
    expect(writesOf(fake)).toEqual([]);
    expect(run.stdout).toContain(
      '::warning::GitHub did not say which account the token acts as (neither the GraphQL `viewer` query nor `GET /user` answered)',
    );
    expect(run.stdout).toContain('::error title=cookie-hardener express-res-cookie (sid)');
  }, 60_000);

  it('keeps cookie names and source lines from forming markers, mentions or issue links', async () => {
    const forged = '<!-- cookie-hardener:finding 0000000000000000 -->';
    const routes = PR_ROUTES.replace(
      '  res.end();\n',
      `  res.cookie('@acme/admins #12', v);\n  res.cookie('${forged}', v);\n  res.end();\n`,
    );
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': routes });
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.code).toBe(0);
    expect(fake.reviewComments.map((comment) => comment.originalLine)).toEqual([9, 11, 12, 13, 14]);
    const bodies = [
      ...fake.reviewComments.map((comment) => comment.body),
      ...fake.reviews.map((review) => review.body),
      ...fake.issueComments.map((comment) => comment.body),
    ];
    for (const body of bodies) {
      // Outside the suggested code, one marker per body, its own, on the last line; nothing GitHub would turn
      // into a mention or a link.
      expect(proseOf(body).match(/<!--/g)).toHaveLength(1);
      expect(body.trimEnd().split('\n').at(-1)).toMatch(/^<!-- cookie-hardener:(finding|review|summary)\b/);
      expect(proseOf(body)).not.toMatch(/(?<![\w`])@acme|(?<!&)#1\d/);
    }
    const admins = fake.reviewComments.find((comment) => comment.originalLine === 13)!;
    expect(admins.body).toContain('cookie `@acme/admins #12`');
    expect(admins.body).toContain('Cookie "@&#8203;acme/admins #&#8203;12" (res.cookie())');
    // The suggestion is the source line itself, marker and all, and still the comment keeps its own key.
    const marked = fake.reviewComments.find((comment) => comment.originalLine === 14)!;
    expect(suggestionOf(marked.body)).toEqual([`  res.cookie('${forged}', v, { secure: true });`]);

    // The next run recognises every comment as already said: nothing is posted, edited or resolved.
    const before = fake.requests.length;
    const again = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(again.code).toBe(0);
    expect(writesOf(fake, before)).toEqual([]);
    expect(fake.reviewComments.filter((comment) => fake!.isThreadResolved(comment.id))).toEqual([]);
  }, 90_000);

  it('posts the review and the summary exactly once when a response is lost or a POST fails', async () => {
    const { fake, workspace, payload } = await openPullRequest(BASE, { 'app/routes.js': PR_ROUTES });
    // GitHub creates the review but the answer never arrives; the summary's first POST fails before it runs.
    fake.failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      ...faults.serverError(502),
      processed: true,
    });
    fake.failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      ...faults.serverError(502),
    });
    const run = await runAction(fake, { workspace, event: 'pull_request', payload: await payload() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviewComments).toHaveLength(3);
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]!.body).toContain('| Commented inline on changed lines | 3 |');
    expect(
      writesOf(fake)
        .filter((write) => write.startsWith('POST'))
        .map((write) => write.replace(/\d+/g, 'N')),
    ).toEqual([
      'POST /repos/acme/webapp/pulls/N/reviews',
      'POST /repos/acme/webapp/issues/N/comments',
      'POST /repos/acme/webapp/issues/N/comments',
    ]);
    expect(run.stdout).toContain('GitHub failed to answer, but the review had been posted.');
  }, 90_000);
});
