// Drives the fake GitHub with the two real clients cookie-hardener uses — @octokit/rest's Octokit and
// @actions/github's getOctokit() — and checks the answers against GitHub's documented behaviour and against
// the bare repository, read with git itself.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';

import { faults, OCTOCAT, startFakeGitHub } from './server.js';
import type { FakeGitHub, FakeGitHubOptions, FakeUser } from './server.js';

const BRANCH = 'cookie-hardener/remediation';
const APP_V1 =
  "const express = require('express');\nconst app = express();\n\napp.get('/login', (req, res) => {\n  res.cookie('sid', token);\n  res.send('ok');\n});\n";
const APP_V2 = APP_V1.replace(
  "res.cookie('sid', token);",
  "res.cookie('sid', token, { httpOnly: true, secure: true });",
);

let fake: FakeGitHub | undefined;

async function start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ files: { 'README.md': '# webapp\n', 'src/app.js': APP_V1 }, ...options });
  return fake;
}

afterEach(async () => {
  if (!fake) return;
  // Whatever a test did, the fake must have answered in GitHub's documented shapes and known every route.
  expect(fake.responseViolations).toEqual([]);
  expect(fake.unhandledRequests).toEqual([]);
  await fake.close();
  fake = undefined;
});

/** Octokit logs every failed request; the failures here are the point, so keep the output clean. */
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function client(server: FakeGitHub): Octokit {
  return new Octokit({ baseUrl: server.url, auth: 'x', log: quiet });
}

/** git against the bare repository, with the caller's GIT_* variables removed (tests may run in a hook). */
function realGit(server: FakeGitHub, ...args: string[]): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  return execFileSync('git', ['-C', server.bareRepoPath, ...args], { encoding: 'utf8', env });
}

interface HttpError {
  status: number;
  response?: { data: unknown; headers: Record<string, string | undefined> };
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    return error as HttpError;
  }
  throw new Error('expected the request to fail');
}

/** Commits APP_V2 on BRANCH through the Git Data API, as the remediation flow does. Returns the commit. */
async function commitFix(octokit: Octokit, server: FakeGitHub): Promise<{ sha: string; base: string }> {
  const { owner, repo } = server;
  const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${server.defaultBranch}` });
  const base = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.data.object.sha });
  const blob = await octokit.rest.git.createBlob({
    owner,
    repo,
    content: Buffer.from(APP_V2).toString('base64'),
    encoding: 'base64',
  });
  const tree = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: base.data.tree.sha,
    tree: [{ path: 'src/app.js', mode: '100644', type: 'blob', sha: blob.data.sha }],
  });
  const commit = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: 'fix(cookies): set HttpOnly and Secure on the session cookie',
    tree: tree.data.sha,
    parents: [base.data.sha],
  });
  await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${BRANCH}`, sha: commit.data.sha });
  return { sha: commit.data.sha, base: base.data.sha };
}

describe('Git Data API', () => {
  it('writes blobs, trees, commits and refs into a real bare repository', async () => {
    const server = await start();
    const octokit = client(server);
    const { sha, base } = await commitFix(octokit, server);

    expect(realGit(server, 'rev-parse', `refs/heads/${BRANCH}`).trim()).toBe(sha);
    expect(realGit(server, 'log', '--format=%P|%an <%ae>|%cn <%ce>|%s', BRANCH, '-1').trim()).toBe(
      `${base}|github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|GitHub <noreply@github.com>|` +
        'fix(cookies): set HttpOnly and Secure on the session cookie',
    );
    expect(realGit(server, 'show', `${BRANCH}:src/app.js`)).toBe(APP_V2);
    expect(realGit(server, 'show', `${BRANCH}:README.md`)).toBe('# webapp\n');
    expect(realGit(server, 'diff', '--stat', base, sha).trim()).toBe(
      'src/app.js | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)',
    );

    // GitHub signs commits a bot token creates without naming an author or committer.
    const commit = await octokit.rest.git.getCommit({
      owner: server.owner,
      repo: server.repo,
      commit_sha: sha,
    });
    expect(commit.data.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(commit.data.committer).toEqual({
      name: 'GitHub',
      email: 'noreply@github.com',
      date: commit.data.author.date,
    });
    expect(commit.data.author.date).toMatch(/^2026-01-05T09:00:\d\dZ$/);

    const blob = await octokit.rest.git.getBlob({
      owner: server.owner,
      repo: server.repo,
      file_sha: realGit(server, 'rev-parse', `${BRANCH}:src/app.js`).trim(),
    });
    expect(Buffer.from(blob.data.content, 'base64').toString('utf8')).toBe(APP_V2);
    expect(server.schemaViolations).toEqual([]);
  });

  it('leaves commits with an explicit author unsigned', async () => {
    const server = await start();
    const octokit = client(server);
    const head = await server.branchSha('main');
    const tree = realGit(server, 'rev-parse', 'main^{tree}').trim();
    const commit = await octokit.rest.git.createCommit({
      owner: server.owner,
      repo: server.repo,
      message: 'by hand',
      tree,
      parents: [head ?? ''],
      author: { name: 'Dev', email: 'dev@example.com', date: '2026-02-01T10:00:00Z' },
    });
    expect(commit.data.verification).toEqual({
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    });
    expect(realGit(server, 'log', '--format=%an|%aI|%cn', '-1', commit.data.sha).trim()).toBe(
      'Dev|2026-02-01T10:00:00+00:00|Dev',
    );
  });

  it('answers ref errors with GitHub messages', async () => {
    const server = await start();
    const octokit = client(server);
    const { owner, repo } = server;
    const { sha, base } = await commitFix(octokit, server);

    const duplicate = await failure(
      octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${BRANCH}`, sha }),
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.response?.data).toEqual({
      message: 'Reference already exists',
      documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference',
      status: '422',
    });

    const missing = await failure(octokit.rest.git.getRef({ owner, repo, ref: 'heads/nope' }));
    expect(missing.status).toBe(404);
    expect(missing.response?.data).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/git/refs#get-a-reference',
      status: '404',
    });

    // A human pushes onto the bot's branch; moving it back to the base is no fast-forward.
    const human = await server.addCommitOnBranch(BRANCH, { 'NOTES.md': 'keep me\n' });
    const rewind = await failure(
      octokit.rest.git.updateRef({ owner, repo, ref: `heads/${BRANCH}`, sha: base }),
    );
    expect(rewind.status).toBe(422);
    expect((rewind.response?.data as { message: string }).message).toBe('Update is not a fast forward');
    expect(await server.branchSha(BRANCH)).toBe(human);

    await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${BRANCH}`, sha: base, force: true });
    expect(await server.branchSha(BRANCH)).toBe(base);

    await octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${BRANCH}` });
    expect(server.deletedRefs).toEqual([{ ref: `refs/heads/${BRANCH}`, sha: base, at: expect.any(String) }]);
    const gone = await failure(octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${BRANCH}` }));
    expect((gone.response?.data as { message: string }).message).toBe('Reference does not exist');
  });
});

describe('pull requests', () => {
  it('creates a pull request and refuses a duplicate with the exact 422', async () => {
    const server = await start();
    const octokit = client(server);
    const { owner, repo } = server;
    const { sha } = await commitFix(octokit, server);
    const params = {
      owner,
      repo,
      title: 'Harden cookies',
      head: `${owner}:${BRANCH}`,
      base: 'main',
      body: 'Findings…',
    };

    const created = await octokit.rest.pulls.create(params);
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: 1,
      state: 'open',
      merged: false,
      head: { ref: BRANCH, sha, label: `acme:${BRANCH}` },
      base: { ref: 'main' },
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: 'https://github.com/acme/webapp/pull/1',
      changed_files: 1,
      additions: 1,
      deletions: 1,
      commits: 1,
      mergeable_state: 'clean',
    });

    const duplicate = await failure(octokit.rest.pulls.create(params));
    expect(duplicate.status).toBe(422);
    expect(duplicate.response?.data).toEqual({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'A pull request already exists for acme:cookie-hardener/remediation.',
        },
      ],
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      status: '422',
    });
    expect(server.pulls).toHaveLength(1);
  });

  it('refuses a head with no commits ahead of the base, and an unknown head', async () => {
    const server = await start();
    const octokit = client(server);
    const { owner, repo } = server;
    await server.pushBranch('empty', {}, { from: 'main', message: 'noop' });
    await server.git(['update-ref', 'refs/heads/same', 'main']);

    const none = await failure(
      octokit.rest.pulls.create({ owner, repo, title: 't', head: 'same', base: 'main' }),
    );
    expect(none.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and same' }],
    });
    const unknown = await failure(
      octokit.rest.pulls.create({ owner, repo, title: 't', head: `${owner}:ghost`, base: 'main' }),
    );
    expect(unknown.response?.data).toMatchObject({
      errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
    });
  });

  it('lists by head only in owner:branch form, and filters state and base', async () => {
    const server = await start();
    const octokit = client(server);
    const { owner, repo } = server;
    await server.pushBranch('feature/a', { 'a.txt': 'a\n' });
    await server.pushBranch('feature/b', { 'b.txt': 'b\n' });
    await server.pushBranch('old', { 'c.txt': 'c\n' });
    await server.openPullRequest({ head: 'feature/a', title: 'A' });
    await server.openPullRequest({ head: 'feature/b', title: 'B' });
    await server.openPullRequest({ head: 'old', title: 'Old', state: 'closed' });

    const byHead = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:feature/b` });
    expect(byHead.data.map((pr) => pr.title)).toEqual(['B']);
    // GitHub ignores a head without "owner:" and returns every open pull request (newest first).
    const bare = await octokit.rest.pulls.list({ owner, repo, head: 'feature/b' });
    expect(bare.data.map((pr) => pr.title)).toEqual(['B', 'A']);
    const closed = await octokit.rest.pulls.list({ owner, repo, state: 'closed', head: `${owner}:old` });
    expect(closed.data.map((pr) => [pr.title, pr.state])).toEqual([['Old', 'closed']]);
    expect((await octokit.rest.pulls.list({ owner, repo, state: 'all', base: 'develop' })).data).toEqual([]);
    expect(
      (await octokit.rest.pulls.list({ owner, repo, state: 'all', direction: 'asc' })).data.map(
        (pr) => pr.number,
      ),
    ).toEqual([1, 2, 3]);
  });

  it('serves the diff media type and paginated files computed by git', async () => {
    const server = await start();
    const octokit = client(server);
    const { owner, repo } = server;
    await server.pushBranch('feature', { 'src/app.js': APP_V2, 'src/new.js': 'one\n', 'README.md': null });
    const pr = await server.openPullRequest({ head: 'feature' });

    const diff = await octokit.rest.pulls.get({
      owner,
      repo,
      pull_number: pr.number,
      mediaType: { format: 'diff' },
    });
    expect(diff.data as unknown as string).toBe(realGit(server, 'diff', '-M', 'main...feature'));

    const first = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: pr.number, per_page: 2 });
    expect(first.data.map((file) => [file.filename, file.status, file.additions, file.deletions])).toEqual([
      ['README.md', 'removed', 0, 1],
      ['src/app.js', 'modified', 1, 1],
    ]);
    expect(first.headers.link).toBe(
      `<${server.url}/repos/acme/webapp/pulls/1/files?per_page=2&page=2>; rel="next", ` +
        `<${server.url}/repos/acme/webapp/pulls/1/files?per_page=2&page=2>; rel="last"`,
    );
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pr.number,
      per_page: 2,
    });
    expect(all.map((file) => file.filename)).toEqual(['README.md', 'src/app.js', 'src/new.js']);
    expect(all[2]?.patch).toBe('@@ -0,0 +1 @@\n+one');
  });

  it('closes a pull request when its head branch is deleted, and records merges', async () => {
    const server = await start();
    const octokit = client(server);
    const { owner, repo } = server;
    await server.pushBranch('gone', { 'x.txt': 'x\n' });
    await server.pushBranch('merged', { 'y.txt': 'y\n' });
    const doomed = await server.openPullRequest({ head: 'gone' });
    const merged = await server.openPullRequest({ head: 'merged', state: 'merged' });

    await octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/gone' });
    expect((await octokit.rest.pulls.get({ owner, repo, pull_number: doomed.number })).data).toMatchObject({
      state: 'closed',
      merged: false,
    });
    const mergedData = (await octokit.rest.pulls.get({ owner, repo, pull_number: merged.number })).data;
    expect(mergedData).toMatchObject({
      state: 'closed',
      merged: true,
      merge_commit_sha: await server.branchSha('main'),
    });
    expect(await server.readFile('main', 'y.txt')).toBe('y\n');
  });

  it('refuses bodies over 65536 characters and the disabled Actions setting', async () => {
    const server = await start({ allowActionsToCreatePullRequests: false });
    const octokit = client(server);
    const { owner, repo } = server;
    await commitFix(octokit, server);
    const refused = await failure(
      octokit.rest.pulls.create({ owner, repo, title: 't', head: BRANCH, base: 'main' }),
    );
    expect(refused.status).toBe(403);
    expect(refused.response?.data).toEqual({
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      status: '403',
    });

    server.allowActionsToCreatePullRequests = true;
    const long = await failure(
      octokit.rest.pulls.create({
        owner,
        repo,
        title: 't',
        head: BRANCH,
        base: 'main',
        body: 'x'.repeat(65_537),
      }),
    );
    expect(long.response?.data).toMatchObject({
      errors: [
        {
          resource: 'PullRequest',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    });
  });
});

describe('reviews', () => {
  async function reviewSetup() {
    const server = await start();
    await server.pushBranch('feature', { 'src/app.js': APP_V2 });
    const pr = await server.openPullRequest({ head: 'feature' });
    return { server, octokit: client(server), pr };
  }

  it('rejects the whole review when one comment is outside the diff', async () => {
    const { server, octokit, pr } = await reviewSetup();
    const { owner, repo } = server;
    const bad = await failure(
      octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: pr.number,
        event: 'COMMENT',
        body: 'cookie-hardener found 1 issue',
        comments: [
          { path: 'src/app.js', line: 5, side: 'RIGHT', body: 'fine' },
          // Line 1 is neither changed nor context: the hunk covers lines 2–8.
          { path: 'src/app.js', line: 1, side: 'RIGHT', body: 'off the diff' },
        ],
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.response?.data).toEqual({
      message: 'Unprocessable Entity',
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
      ],
      documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422',
    });
    expect(server.reviews).toEqual([]);
    expect(server.reviewComments).toEqual([]);

    const path = await failure(
      octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: pr.number,
        event: 'COMMENT',
        comments: [{ path: 'README.md', line: 1, body: 'x' }],
      }),
    );
    expect((path.response?.data as { errors: string[] }).errors).toEqual([
      "Pull request review thread path is invalid and Pull request review thread diff hunk can't be blank",
    ]);

    const range = await failure(
      octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: pr.number,
        event: 'COMMENT',
        comments: [{ path: 'src/app.js', start_line: 1, line: 5, side: 'RIGHT', body: 'x' }],
      }),
    );
    expect((range.response?.data as { errors: string[] }).errors).toEqual([
      'Pull request review thread start line must be part of the same hunk as the line.',
    ]);
  });

  it('posts a multi-line suggestion and lists it with its diff hunk', async () => {
    const { server, octokit, pr } = await reviewSetup();
    const { owner, repo } = server;
    const review = await octokit.rest.pulls.createReview({
      owner,
      repo,
      pull_number: pr.number,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: 'cookie-hardener',
      comments: [
        {
          path: 'src/app.js',
          start_line: 4,
          line: 5,
          side: 'RIGHT',
          start_side: 'RIGHT',
          body: '```suggestion\nfixed\n```',
        },
      ],
    });
    expect(review.data).toMatchObject({
      state: 'COMMENTED',
      commit_id: pr.headSha,
      user: { login: 'github-actions[bot]' },
    });
    const [comment] = (await octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: pr.number }))
      .data;
    expect(comment).toMatchObject({
      pull_request_review_id: review.data.id,
      path: 'src/app.js',
      line: 5,
      start_line: 4,
      side: 'RIGHT',
      start_side: 'RIGHT',
      original_line: 5,
      // Counted from the hunk header: three context lines, the deleted line, then the added line 5.
      position: 5,
      commit_id: pr.headSha,
      subject_type: 'line',
      diff_hunk:
        "@@ -2,6 +2,6 @@ const express = require('express');\n const app = express();\n \n app.get('/login', (req, res) => {\n-  res.cookie('sid', token);\n+  res.cookie('sid', token, { httpOnly: true, secure: true });",
    });
  });

  it('exposes review threads through GraphQL and resolves them', async () => {
    const { server, octokit, pr } = await reviewSetup();
    const comment = await server.addReviewComment({
      pull: pr.number,
      path: 'src/app.js',
      line: 5,
      body: 'please fix',
    });
    const query = `query($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        pullRequest(number: $number) {
          reviewThreads(first: 50) { nodes { id isResolved comments(first: 1) { nodes { databaseId author { login } } } } }
        }
      }
    }`;
    type Threads = {
      repository: {
        pullRequest: {
          reviewThreads: {
            nodes: {
              id: string;
              isResolved: boolean;
              comments: { nodes: { databaseId: number; author: { login: string } }[] };
            }[];
          };
        };
      };
    };
    const before = await octokit.graphql<Threads>(query, {
      owner: server.owner,
      name: server.repo,
      number: pr.number,
    });
    const [thread] = before.repository.pullRequest.reviewThreads.nodes;
    expect(thread).toMatchObject({
      isResolved: false,
      comments: { nodes: [{ databaseId: comment.id, author: { login: 'octocat' } }] },
    });

    const resolved = await octokit.graphql<{ resolveReviewThread: { thread: { isResolved: boolean } } }>(
      'mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }',
      { id: thread?.id },
    );
    expect(resolved.resolveReviewThread.thread.isResolved).toBe(true);
    expect(server.isThreadResolved(comment.id)).toBe(true);
  });
});

describe('review requests and assignees', () => {
  const ALICE: FakeUser = {
    login: 'alice',
    id: 1_001,
    type: 'User',
    name: 'Alice',
    email: 'alice@example.com',
    association: 'COLLABORATOR',
  };

  async function setup() {
    const server = await start({ collaborators: [OCTOCAT, ALICE], teams: ['security'] });
    await server.pushBranch('feature', { 'src/app.js': APP_V2 });
    // Opened by octocat, as seeded pull requests are.
    const pr = await server.openPullRequest({ head: 'feature' });
    return { server, octokit: client(server), pr };
  }

  it('requests reviewers and teams, answering 201 with the pull request that now lists them', async () => {
    const { server, octokit, pr } = await setup();
    const { owner, repo } = server;
    const answer = await octokit.rest.pulls.requestReviewers({
      owner,
      repo,
      pull_number: pr.number,
      reviewers: ['Alice'],
      team_reviewers: ['security'],
    });
    expect(answer.status).toBe(201);
    expect(answer.data).toMatchObject({
      number: pr.number,
      requested_reviewers: [{ login: 'alice', id: 1_001, type: 'User' }],
      requested_teams: [
        { slug: 'security', name: 'security', html_url: 'https://github.com/orgs/acme/teams/security' },
      ],
    });
    // A second request for the same people adds nobody twice.
    await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pr.number, reviewers: ['alice'] });
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(data.requested_reviewers?.map((user) => user.login)).toEqual(['alice']);
    expect(data.requested_teams?.map((team) => team.slug)).toEqual(['security']);
    expect(server.schemaViolations).toEqual([]);
  });

  it('refuses the whole request for the author or anyone without access, as GitHub words it', async () => {
    const { server, octokit, pr } = await setup();
    const { owner, repo } = server;
    const author = await failure(
      octokit.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number: pr.number,
        reviewers: ['alice', 'OctoCat'],
      }),
    );
    expect([author.status, author.response?.data]).toEqual([
      422,
      {
        message: 'Review cannot be requested from pull request author.',
        documentation_url:
          'https://docs.github.com/rest/reference/pulls#request-reviewers-for-a-pull-request',
        status: '422',
      },
    ]);
    const stranger = await failure(
      octokit.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number: pr.number,
        reviewers: ['alice', 'mallory'],
      }),
    );
    expect([stranger.status, (stranger.response?.data as { message: string }).message]).toEqual([
      422,
      'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/webapp repository.',
    ]);
    const team = await failure(
      octokit.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number: pr.number,
        team_reviewers: ['platform'],
      }),
    );
    expect((team.response?.data as { message: string }).message).toBe(
      'Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator of the acme/webapp repository.',
    );
    expect(server.pulls[0]).toMatchObject({ requestedReviewers: [], requestedTeams: [] });
  });

  it('assigns collaborators and silently leaves out everyone else, answering 201 with the issue', async () => {
    const { server, octokit, pr } = await setup();
    const { owner, repo } = server;
    const answer = await octokit.rest.issues.addAssignees({
      owner,
      repo,
      issue_number: pr.number,
      assignees: ['ALICE', 'mallory', 'octocat'],
    });
    expect(answer.status).toBe(201);
    expect(answer.data).toMatchObject({
      number: pr.number,
      assignee: { login: 'alice' },
      pull_request: { html_url: `https://github.com/acme/webapp/pull/${pr.number}` },
    });
    expect(answer.data.assignees?.map((user) => user.login)).toEqual(['alice', 'octocat']);
    const listed = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:feature` });
    expect(listed.data[0]?.assignees?.map((user) => user.login)).toEqual(['alice', 'octocat']);
    expect(server.schemaViolations).toEqual([]);
  });

  it('refuses a title longer than 256 characters', async () => {
    const { server, octokit, pr } = await setup();
    const { owner, repo } = server;
    const long = await failure(
      octokit.rest.pulls.update({ owner, repo, pull_number: pr.number, title: 'x'.repeat(257) }),
    );
    expect([long.status, long.response?.data]).toEqual([
      422,
      {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'Issue',
            code: 'custom',
            field: 'title',
            message: 'title is too long (maximum is 256 characters)',
          },
        ],
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#update-a-pull-request',
        status: '422',
      },
    ]);
  });
});

describe('faults, limits and permissions', () => {
  it('retries an injected 5xx and then succeeds', async () => {
    const server = await start();
    const RetryingOctokit = Octokit.plugin(retry);
    const octokit = new RetryingOctokit({
      baseUrl: server.url,
      auth: 'x',
      log: quiet,
      retry: { retryAfterBaseValue: 1 },
    });
    server.failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/git/blobs',
      ...faults.serverError(502),
      times: 2,
    });

    const blob = await octokit.rest.git.createBlob({
      owner: server.owner,
      repo: server.repo,
      content: 'hello\n',
    });
    expect(blob.data.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(
      server.requests.map((request) => [request.method, request.operation, request.status, request.injected]),
    ).toEqual([
      ['POST', 'POST /repos/{owner}/{repo}/git/blobs', 502, true],
      ['POST', 'POST /repos/{owner}/{repo}/git/blobs', 502, true],
      ['POST', 'POST /repos/{owner}/{repo}/git/blobs', 201, false],
    ]);
  });

  it('sends secondary rate limits with retry-after, which the throttling plugin honours', async () => {
    const server = await start();
    const waits: number[] = [];
    const ThrottledOctokit = Octokit.plugin(throttling);
    const octokit = new ThrottledOctokit({
      baseUrl: server.url,
      auth: 'x',
      log: quiet,
      throttle: {
        // One millisecond per second of retry-after keeps the test fast while still exercising the wait.
        retryAfterBaseValue: 1,
        onSecondaryRateLimit: (
          retryAfter: number,
          _options: unknown,
          _octokit: unknown,
          retryCount: number,
        ) => {
          waits.push(retryAfter);
          return retryCount < 2;
        },
        onRateLimit: () => false,
      },
    });
    server.failNext({
      method: 'GET',
      path: '/repos/{owner}/{repo}/pulls',
      ...faults.secondaryRateLimit({ retryAfter: 7 }),
    });
    server.failNext({
      method: 'GET',
      path: '/repos/{owner}/{repo}/pulls',
      ...faults.secondaryRateLimit({ retryAfter: 3, status: 429 }),
    });

    const pulls = await octokit.rest.pulls.list({ owner: server.owner, repo: server.repo });
    expect(pulls.data).toEqual([]);
    expect(waits).toEqual([7, 3]);
    expect(server.requests.map((request) => request.status)).toEqual([403, 429, 200]);

    // Without a handler that retries, the caller sees GitHub's body and header.
    server.failNext({ path: /\/pulls$/, ...faults.secondaryRateLimit({ retryAfter: 60 }) });
    const plain = await failure(client(server).rest.pulls.list({ owner: server.owner, repo: server.repo }));
    expect(plain.status).toBe(403);
    expect(plain.response?.headers['retry-after']).toBe('60');
    expect((plain.response?.data as { message: string }).message).toMatch(
      /^You have exceeded a secondary rate limit\./,
    );
  });

  it('answers every write of a read-only token with 403, reads still work', async () => {
    const server = await start({ readOnly: true });
    const octokit = client(server);
    const { owner, repo } = server;
    expect((await octokit.rest.repos.get({ owner, repo })).data.default_branch).toBe('main');

    const write = await failure(octokit.rest.git.createBlob({ owner, repo, content: 'x' }));
    expect(write.status).toBe(403);
    expect(write.response?.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/git/blobs#create-a-blob',
      status: '403',
    });
    const graphql = await failure(
      octokit.graphql('mutation { resolveReviewThread(input: { threadId: "PRRT_x" }) { thread { id } } }'),
    );
    expect((graphql as unknown as { errors: { type: string; message: string }[] }).errors).toMatchObject([
      { type: 'FORBIDDEN', message: 'Resource not accessible by integration' },
    ]);
    expect(server.requests.map((request) => request.status)).toEqual([200, 403, 200]);
  });

  it('rejects request bodies that break the OpenAPI schema and records them', async () => {
    const server = await start();
    const octokit = client(server);
    const bad = await failure(
      octokit.request('POST /repos/{owner}/{repo}/pulls', {
        owner: server.owner,
        repo: server.repo,
        title: 'x',
        head: 'feature',
        draft: 'yes' as unknown as boolean,
      } as never),
    );
    expect(bad.status).toBe(422);
    expect(bad.response?.data).toEqual({
      message:
        'Invalid request.\n\n"base" wasn\'t supplied.\nFor \'properties/draft\', "yes" is not a boolean.',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      status: '422',
    });
    expect(server.schemaViolations).toEqual([
      {
        direction: 'request',
        operation: 'POST /repos/{owner}/{repo}/pulls',
        method: 'POST',
        path: '/repos/acme/webapp/pulls',
        problems: ["(body) must have required property 'base'", '/draft must be boolean'],
        document: { title: 'x', head: 'feature', draft: 'yes' },
      },
    ]);
    expect(server.pulls).toEqual([]);
  });
});

describe('@actions/github getOctokit', () => {
  it('drives the same fake through its own HTTP stack and retry plugin', async () => {
    const server = await start();
    // No throttling plugin here: it spaces writes a second apart, which would only slow the suite down.
    const octokit = getOctokit(
      'x',
      { baseUrl: server.url, log: quiet, retry: { retryAfterBaseValue: 1 } },
      retry,
    );
    const { owner, repo } = server;
    await server.pushBranch(BRANCH, { 'src/app.js': APP_V2 });
    server.failNext({ method: 'POST', path: '/repos/{owner}/{repo}/pulls', ...faults.serverError(503) });

    const created = await octokit.rest.pulls.create({
      owner,
      repo,
      title: 'Harden cookies',
      head: `${owner}:${BRANCH}`,
      base: 'main',
    });
    expect(created.data.number).toBe(1);
    const found = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:${BRANCH}`, state: 'open' });
    expect(found.data.map((pr) => pr.number)).toEqual([1]);
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ['security'] });
    await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'summary' });

    expect(server.pulls[0]).toMatchObject({
      title: 'Harden cookies',
      head: BRANCH,
      labels: ['security'],
      user: { login: 'github-actions[bot]' },
    });
    expect(server.issueComments.map((comment) => comment.body)).toEqual(['summary']);
    expect(server.labels.map((label) => label.name)).toEqual(['security']);
    expect(
      server.requests
        .filter((request) => request.method === 'POST' && request.path.endsWith('/pulls'))
        .map((r) => r.status),
    ).toEqual([503, 201]);
    // A different Octokit stack from @octokit/rest's, which is the point of this test.
    expect(server.requests[0]?.headers['user-agent']).not.toMatch(/octokit-rest\.js/);
  });
});

describe('repository state', () => {
  it('seeds from a work tree, honouring its .gitignore', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-github-seed-'));
    try {
      await mkdir(join(dir, 'src'));
      await writeFile(join(dir, 'src', 'server.py'), 'self.set_cookie("sid", token)\n');
      await writeFile(join(dir, '.gitignore'), 'secrets.env\n');
      await writeFile(join(dir, 'secrets.env'), 'TOKEN=1\n');
      const server = await start({ seedDir: dir });
      expect(realGit(server, 'ls-tree', '-r', '--name-only', 'main').trim().split('\n')).toEqual([
        '.gitignore',
        'src/server.py',
      ]);
      expect(await server.readFile('main', 'src/server.py')).toBe('self.set_cookie("sid", token)\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers 409 on an empty repository and 401 to a wrong token', async () => {
    const server = await start({ files: {}, token: 'right' });
    const wrong = await failure(
      new Octokit({ baseUrl: server.url, auth: 'wrong', log: quiet }).rest.repos.get({
        owner: 'acme',
        repo: 'webapp',
      }),
    );
    expect(wrong.status).toBe(401);
    expect((wrong.response?.data as { message: string }).message).toBe('Bad credentials');
    const octokit = new Octokit({ baseUrl: server.url, auth: 'right', log: quiet });
    const empty = await failure(octokit.rest.git.createBlob({ owner: 'acme', repo: 'webapp', content: 'x' }));
    expect(empty.status).toBe(409);
    expect((empty.response?.data as { message: string }).message).toBe('Git Repository is empty.');
    const otherRepo = await failure(octokit.rest.repos.get({ owner: 'acme', repo: 'elsewhere' }));
    expect(otherRepo.status).toBe(404);
  });

  it('follows a human push onto the bot branch and marks earlier comments outdated', async () => {
    const server = await start();
    const octokit = client(server);
    const { owner, repo } = server;
    const { sha: botCommit } = await commitFix(octokit, server);
    const pr = await octokit.rest.pulls.create({
      owner,
      repo,
      title: 'Harden cookies',
      head: `${owner}:${BRANCH}`,
      base: 'main',
    });
    await octokit.rest.pulls.createReview({
      owner,
      repo,
      pull_number: pr.data.number,
      event: 'COMMENT',
      comments: [{ path: 'src/app.js', line: 5, body: 'note' }],
    });

    const human = await server.addCommitOnBranch(BRANCH, { 'src/app.js': APP_V2.replace("'ok'", "'done'") });
    const current = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.data.number });
    expect(current.data.head.sha).toBe(human);
    const commits = await octokit.rest.pulls.listCommits({ owner, repo, pull_number: pr.data.number });
    expect(
      commits.data.map((commit) => [commit.sha, commit.commit.verification?.verified, commit.author?.login]),
    ).toEqual([
      [botCommit, true, 'github-actions[bot]'],
      [human, false, 'octocat'],
    ]);
    const [comment] = (
      await octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: pr.data.number })
    ).data;
    expect(comment).toMatchObject({
      line: null,
      position: null,
      original_line: 5,
      original_commit_id: botCommit,
    });
  });
});

describe('identity and compare-and-swap ref updates (GraphQL)', () => {
  const UPDATE_REFS = 'mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }';
  const ZERO = '0000000000000000000000000000000000000000';

  async function setup() {
    const server = await start();
    const octokit = client(server);
    const repositoryId = (await octokit.rest.repos.get({ owner: server.owner, repo: server.repo })).data
      .node_id;
    const main = (await server.branchSha('main'))!;
    const side = await server.pushBranch(BRANCH, { 'src/app.js': APP_V2 });
    return { server, octokit, repositoryId, main, side };
  }

  it('names the token’s account through viewer, as an installation token sees it (`<slug>[bot]`)', async () => {
    const server = await start();
    const data = await client(server).graphql<{ viewer: { login: string; databaseId: number } }>(
      'query { viewer { login databaseId } }',
    );
    expect(data.viewer).toMatchObject({ login: 'github-actions[bot]', databaseId: 41898282 });
  });

  it('moves a ref only from the expected value, and deletes with the zero id', async () => {
    const { server, octokit, repositoryId, main, side } = await setup();
    const update = (beforeOid: string, afterOid: string) =>
      octokit.graphql(UPDATE_REFS, {
        input: {
          repositoryId,
          refUpdates: [{ name: `refs/heads/${BRANCH}`, beforeOid, afterOid, force: true }],
        },
      });
    const stale = await failure(update(main, main));
    expect((stale as unknown as { errors: { message: string }[] }).errors[0]!.message).toBe(
      `A ref update was rejected: refs/heads/${BRANCH} is at ${side}, not ${main}`,
    );
    expect(await server.branchSha(BRANCH)).toBe(side);
    await update(side, main);
    expect(await server.branchSha(BRANCH)).toBe(main);
    await update(main, ZERO);
    expect(await server.branchSha(BRANCH)).toBeNull();
    expect(server.deletedRefs.map((ref) => [ref.ref, ref.sha])).toEqual([[`refs/heads/${BRANCH}`, main]]);
  });

  it('applies all updates or none, and refuses a non-fast-forward without force', async () => {
    const { server, octokit, repositoryId, main, side } = await setup();
    const rejected = await failure(
      octokit.graphql(UPDATE_REFS, {
        input: {
          repositoryId,
          refUpdates: [
            { name: 'refs/heads/other', beforeOid: ZERO, afterOid: side },
            { name: `refs/heads/${BRANCH}`, beforeOid: side, afterOid: main },
          ],
        },
      }),
    );
    expect((rejected as unknown as { errors: { message: string }[] }).errors[0]!.message).toBe(
      `A ref update was rejected: refs/heads/${BRANCH} update is not a fast forward`,
    );
    expect(await server.branchSha('other')).toBeNull();
    expect(await server.branchSha(BRANCH)).toBe(side);
  });

  it('checks the input against the schema', async () => {
    const { octokit, repositoryId } = await setup();
    const missing = await failure(
      octokit.graphql(UPDATE_REFS, {
        input: { repositoryId, refUpdates: [{ name: `refs/heads/${BRANCH}`, beforeOid: 'abc' }] },
      }),
    );
    expect((missing as unknown as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Variable $input of type UpdateRefsInput! was provided invalid value for refUpdates.0.afterOid (Expected value to not be null)',
    );
  });

  it('answers like an Enterprise Server without updateRefs when asked to', async () => {
    const { server, octokit, repositoryId, main } = await setup();
    server.withoutUpdateRefs = true;
    const refused = await failure(
      octokit.graphql(UPDATE_REFS, {
        input: { repositoryId, refUpdates: [{ name: `refs/heads/${BRANCH}`, afterOid: main }] },
      }),
    );
    expect((refused as unknown as Error).message).toContain(
      "Field 'updateRefs' doesn't exist on type 'Mutation'",
    );
  });

  it('lets a race action land between a request’s arrival and its handling', async () => {
    const { server, octokit, main } = await setup();
    let pushed = '';
    server.raceBefore({ method: 'PATCH', path: '/repos/{owner}/{repo}/git/refs/{ref}' }, async (repo) => {
      pushed = await repo.addCommitOnBranch(BRANCH, { 'NOTES.md': 'x\n' });
    });
    const refused = await failure(
      octokit.rest.git.updateRef({
        owner: server.owner,
        repo: server.repo,
        ref: `heads/${BRANCH}`,
        sha: main,
      }),
    );
    expect(refused.status).toBe(422);
    expect(await server.branchSha(BRANCH)).toBe(pushed);
  });
});
