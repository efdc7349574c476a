// The branch swap where GitHub has no updateRefs (older Enterprise Server), against the HTTP fake: a person's
// ordinary push that lands while the swap is under way must be refused or kept, never overwritten.
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubRepoHost, type RepoHost } from '../../src/deliver/github/repo-host.js';
import type { FakeGitHub, RaceActions } from '../fake-github/api.js';
import { OCTOCAT, startFakeGitHub } from '../fake-github/server.js';

const BRANCH = 'cookie-hardener/remediation';
const REF_PATH = `/repos/acme/webapp/git/refs/heads/${BRANCH}`;
const READ_PATH = `/repos/acme/webapp/git/ref/heads/${BRANCH}`;
const HOLDING_MESSAGE = [
  'cookie-hardener: hold the branch while it is replaced',
  '',
  'This GitHub has no conditional ref update (GraphQL updateRefs), so the remediation branch is first',
  'fast-forwarded to this empty commit: a push made meanwhile is refused instead of overwritten. The next',
  'write replaces it with the rebuilt fix (or deletes the branch).',
].join('\n');

let fake: FakeGitHub | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

function hostFor(server: FakeGitHub): RepoHost {
  return createGitHubRepoHost({
    token: 'ghs_test',
    baseUrl: server.url,
    graphqlUrl: `${server.url}/graphql`,
    warn: () => undefined,
    spacingMs: { write: 0, notify: 0 },
    owner: server.owner,
    repo: server.repo,
  });
}

/**
 * The bot's branch (one commit on main), then main moves on and a rebuilt commit (`next`, on the new main)
 * waits to replace it: the swap the sweep makes when a new finding appears.
 */
async function rebuildSetup() {
  const server = await startFakeGitHub({ files: { 'app.js': 'weak\n' }, withoutUpdateRefs: true });
  fake = server;
  const expected = await server.pushBranch(BRANCH, { 'app.js': 'fixed\n' }, { message: 'Bot fix' });
  await server.pushBranch('main', { 'routes.js': 'weak\n' }, { message: 'Add routes' });
  const next = await server.pushBranch(
    'rebuilt',
    { 'app.js': 'fixed\n', 'routes.js': 'fixed\n' },
    { from: 'main', message: 'Bot fix, rebuilt' },
  );
  return { server, expected, next, since: server.requests.length };
}

/**
 * A person's `git push` of one commit on top of `parent`, the head they last fetched: GitHub takes it only as
 * a fast-forward, so it is refused when the branch has moved from `parent` since.
 */
function ordinaryPush(parent: string, outcome: { sha: string | null; refused: boolean }) {
  return async (repo: RaceActions) => {
    if ((await repo.branchSha(BRANCH)) !== parent) {
      outcome.refused = true;
      return;
    }
    outcome.sha = await repo.addCommitOnBranch(BRANCH, { 'NOTES.md': 'mine\n' }, OCTOCAT, 'Reviewer notes');
  };
}

/** The updateRefs attempt that this GitHub answers with "Field 'updateRefs' doesn't exist". */
function updateRefsBody(expected: string, next: string | null) {
  return {
    query: 'mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }',
    variables: {
      input: {
        repositoryId: expect.stringMatching(/^R_/),
        refUpdates: [
          {
            name: `refs/heads/${BRANCH}`,
            beforeOid: expected,
            afterOid: next ?? '0000000000000000000000000000000000000000',
            force: true,
          },
        ],
      },
    },
  };
}

/** Every request after `since`, with the body of each write (GitHub's answer status last). */
function calls(server: FakeGitHub, since: number): unknown[] {
  return server.requests
    .slice(since)
    .map((entry) =>
      entry.method === 'GET'
        ? `${entry.method} ${entry.path} ${entry.status}`
        : [`${entry.method} ${entry.path} ${entry.status}`, entry.body ?? null],
    );
}

async function holdingCommitOf(server: FakeGitHub, sha: string): Promise<string> {
  return (await server.git(['show', '-s', '--format=%P %T%n%B', sha])).trimEnd();
}

describe('swapBranch without updateRefs (REST)', () => {
  it('moves the branch through an empty holding commit, forcing only over its own holding commit', async () => {
    const { server, expected, next, since } = await rebuildSetup();
    expect(await hostFor(server).swapBranch(BRANCH, expected, next)).toBe('done');
    expect(await server.branchSha(BRANCH)).toBe(next);
    const hold = holdingSha(server, since);
    const expectedTree = (await server.git(['rev-parse', `${expected}^{tree}`])).trim();
    expect(await holdingCommitOf(server, hold)).toBe(`${expected} ${expectedTree}\n${HOLDING_MESSAGE}`);
    expect(calls(server, since)).toEqual([
      'GET /repos/acme/webapp 200',
      ['POST /graphql 200', updateRefsBody(expected, next)],
      `GET ${READ_PATH} 200`,
      `GET /repos/acme/webapp/compare/${expected}...${next} 200`,
      `GET /repos/acme/webapp/git/commits/${expected} 200`,
      [
        'POST /repos/acme/webapp/git/commits 201',
        { message: HOLDING_MESSAGE, tree: expectedTree, parents: [expected] },
      ],
      ['PATCH ' + REF_PATH + ' 200', { sha: hold, force: false }],
      `GET ${READ_PATH} 200`,
      ['PATCH ' + REF_PATH + ' 200', { sha: next, force: true }],
      `GET ${READ_PATH} 200`,
    ]);
    expect(server.schemaViolations).toEqual([]);
  });

  // Issue 10, item 3: the push lands after the check, before the first write.
  it('backs off, writing nothing over it, when a push lands between the check and the first write', async () => {
    const { server, expected, next, since } = await rebuildSetup();
    const push = { sha: null as string | null, refused: false };
    server.raceBefore({ method: 'PATCH', path: REF_PATH }, ordinaryPush(expected, push));
    expect(await hostFor(server).swapBranch(BRANCH, expected, next)).toBe('moved');
    expect(push.refused).toBe(false);
    expect(await server.branchSha(BRANCH)).toBe(push.sha);
    expect(await server.git(['rev-parse', `${push.sha}^`])).toBe(`${expected}\n`);
    const hold = holdingSha(server, since);
    expect(calls(server, since).slice(2)).toEqual([
      `GET ${READ_PATH} 200`,
      `GET /repos/acme/webapp/compare/${expected}...${next} 200`,
      `GET /repos/acme/webapp/git/commits/${expected} 200`,
      ['POST /repos/acme/webapp/git/commits 201', expect.objectContaining({ parents: [expected] })],
      ['PATCH ' + REF_PATH + ' 422', { sha: hold, force: false }],
    ]);
  });

  it('has GitHub refuse a push that lands after the holding commit, then replaces only its own commit', async () => {
    const { server, expected, next, since } = await rebuildSetup();
    const push = { sha: null as string | null, refused: false };
    server.raceBefore(
      { method: 'PATCH', path: REF_PATH, body: /"force":true/ },
      ordinaryPush(expected, push),
    );
    expect(await hostFor(server).swapBranch(BRANCH, expected, next)).toBe('done');
    expect(push).toEqual({ sha: null, refused: true });
    expect(await server.branchSha(BRANCH)).toBe(next);
    expect(
      calls(server, since)
        .slice(-3)
        .map((call) => (Array.isArray(call) ? call[0] : call)),
    ).toEqual([`GET ${READ_PATH} 200`, `PATCH ${REF_PATH} 200`, `GET ${READ_PATH} 200`]);
  });

  it('backs off when the head is not the holding commit just before the forced write', async () => {
    const { server, expected, next, since } = await rebuildSetup();
    let onTop = '';
    // A commit made on GitHub itself (say, a suggestion applied in the pull request) on the holding commit.
    let reads = 0;
    server.raceBefore({ method: 'GET', path: READ_PATH, times: 2 }, async (repo) => {
      // The second read is the one right after the branch was moved to the holding commit.
      if (++reads === 2) {
        onTop = await repo.addCommitOnBranch(BRANCH, { 'NOTES.md': 'mine\n' }, OCTOCAT, 'Apply suggestion');
      }
    });
    expect(await hostFor(server).swapBranch(BRANCH, expected, next)).toBe('moved');
    expect(await server.branchSha(BRANCH)).toBe(onTop);
    expect(await server.git(['rev-parse', `${onTop}^`])).toBe(`${holdingSha(server, since)}\n`);
    expect(
      server.requests
        .slice(since)
        .filter((entry) => entry.method === 'PATCH')
        .map((entry) => entry.body),
    ).toEqual([{ sha: holdingSha(server, since), force: false }]);
  });

  it('fast-forwards without force, atomically, when the new commit already descends from the old head', async () => {
    const server = await startFakeGitHub({ files: { 'app.js': 'weak\n' }, withoutUpdateRefs: true });
    fake = server;
    // The branch is contained in main (its pull request was merged); the new commit sits on today's main.
    const expected = (await server.branchSha('main'))!;
    await server.git(['update-ref', `refs/heads/${BRANCH}`, expected]);
    await server.pushBranch('main', { 'routes.js': 'weak\n' }, { message: 'Add routes' });
    const next = await server.pushBranch('rebuilt', { 'routes.js': 'fixed\n' }, { from: 'main' });
    const since = server.requests.length;
    const push = { sha: null as string | null, refused: false };
    server.raceBefore({ method: 'PATCH', path: REF_PATH }, ordinaryPush(expected, push));
    expect(await hostFor(server).swapBranch(BRANCH, expected, next)).toBe('moved');
    expect(await server.branchSha(BRANCH)).toBe(push.sha);
    expect(calls(server, since).slice(2)).toEqual([
      `GET ${READ_PATH} 200`,
      `GET /repos/acme/webapp/compare/${expected}...${next} 200`,
      ['PATCH ' + REF_PATH + ' 422', { sha: next, force: false }],
    ]);
  });

  it('deletes the branch only from its holding commit, so a push landing after the check is refused', async () => {
    const { server, expected, since } = await rebuildSetup();
    const push = { sha: null as string | null, refused: false };
    server.raceBefore({ method: 'DELETE', path: REF_PATH }, ordinaryPush(expected, push));
    expect(await hostFor(server).swapBranch(BRANCH, expected, null)).toBe('done');
    expect(push).toEqual({ sha: null, refused: true });
    expect(await server.branchSha(BRANCH)).toBeNull();
    const hold = holdingSha(server, since);
    expect(calls(server, since).slice(2)).toEqual([
      `GET ${READ_PATH} 200`,
      `GET /repos/acme/webapp/git/commits/${expected} 200`,
      ['POST /repos/acme/webapp/git/commits 201', expect.objectContaining({ parents: [expected] })],
      ['PATCH ' + REF_PATH + ' 200', { sha: hold, force: false }],
      `GET ${READ_PATH} 200`,
      [`DELETE ${REF_PATH} 204`, null],
    ]);
  });
});

/** The holding commit: the one the branch was fast-forwarded to (the PATCH without force). */
function holdingSha(server: FakeGitHub, since: number): string {
  const patch = server.requests
    .slice(since)
    .find((entry) => entry.method === 'PATCH' && (entry.body as { force?: boolean }).force === false);
  return (patch?.body as { sha?: string } | undefined)?.sha ?? '';
}
