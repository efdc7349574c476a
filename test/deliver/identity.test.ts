// Whom the token acts as: the one fact that decides which markers, pull requests and commits are ours.
import { afterEach, describe, expect, it } from 'vitest';

import { isSelf, learnIdentity } from '../../src/deliver/github/identity.js';
import { createGitHubRepoHost } from '../../src/deliver/github/repo-host.js';
import { GITHUB_ACTIONS_BOT, OCTOCAT, startFakeGitHub } from '../fake-github/server.js';
import type { FakeGitHub } from '../fake-github/server.js';

let fake: FakeGitHub | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const hostFor = (server: FakeGitHub) =>
  createGitHubRepoHost({
    token: 'ghs_test',
    baseUrl: server.url,
    warn: () => undefined,
    owner: server.owner,
    repo: server.repo,
    spacingMs: { write: 0, notify: 0 },
  });

const requestsOf = (server: FakeGitHub) => server.requests.map((entry) => `${entry.method} ${entry.path}`);

describe('RepoHost.identity', () => {
  it('answers with the bot account for an installation token, asking GitHub once per host', async () => {
    fake = await startFakeGitHub();
    const host = hostFor(fake);
    const [first, second] = await Promise.all([host.identity(), host.identity()]);
    expect(first).toEqual({ login: 'github-actions[bot]', id: 41898282 });
    expect(second).toBe(first);
    expect(await host.identity()).toBe(first);
    expect(requestsOf(fake)).toEqual(['POST /graphql']);
  });

  it("answers with the user's account for a personal access token", async () => {
    fake = await startFakeGitHub({ tokenUser: OCTOCAT });
    expect(await hostFor(fake).identity()).toEqual({ login: 'octocat', id: 583231 });
  });

  it('falls back to GET /user when GraphQL does not answer', async () => {
    fake = await startFakeGitHub({ tokenUser: OCTOCAT });
    // A proxy or server that refuses the viewer query the way GitHub reports GraphQL errors: HTTP 200, `errors`.
    fake.failNext({
      path: '/graphql',
      status: 200,
      body: { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible' }] },
    });
    expect(await hostFor(fake).identity()).toEqual({ login: 'octocat', id: 583231 });
    expect(requestsOf(fake)).toEqual(['POST /graphql', 'GET /user']);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/user', status: 200 });
  });

  it("throws GraphQL's error when GET /user refuses an installation token too", async () => {
    fake = await startFakeGitHub();
    fake.failNext({ path: '/graphql', status: 401, body: { message: 'Bad credentials' } });
    await expect(hostFor(fake).identity()).rejects.toMatchObject({ status: 401 });
    expect(requestsOf(fake)).toEqual(['POST /graphql', 'GET /user']);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/user', status: 403 });
  });
});

describe('learnIdentity', () => {
  const refused = () => Promise.reject(Object.assign(new Error('Forbidden'), { status: 403 }));

  it('takes the viewer when it names an account, and does not ask REST', async () => {
    const asked: string[] = [];
    const identity = await learnIdentity({
      viewer: async () => (asked.push('viewer'), { login: 'github-actions[bot]', databaseId: 41898282 }),
      user: async () => (asked.push('user'), { login: 'someone', id: 1 }),
    });
    expect(identity).toEqual({ login: 'github-actions[bot]', id: 41898282 });
    expect(asked).toEqual(['viewer']);
  });

  it('takes GET /user when the viewer fails or names nobody', async () => {
    expect(
      await learnIdentity({ viewer: refused, user: async () => ({ login: 'octocat', id: 583231 }) }),
    ).toEqual({ login: 'octocat', id: 583231 });
    expect(
      await learnIdentity({ viewer: async () => null, user: async () => ({ login: 'octocat', id: 583231 }) }),
    ).toEqual({ login: 'octocat', id: 583231 });
  });

  it('throws when neither names an account', async () => {
    await expect(learnIdentity({ viewer: refused, user: refused })).rejects.toMatchObject({ status: 403 });
    await expect(
      learnIdentity({ viewer: async () => ({}), user: async () => ({ login: '' }) }),
    ).rejects.toThrow('GitHub named no account for the token');
  });
});

describe('isSelf', () => {
  const bot = { login: 'github-actions[bot]', id: 41898282 };
  it('decides by account id when both sides have one, whatever the login says', () => {
    expect(isSelf({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' }, bot)).toBe(true);
    expect(isSelf({ login: 'github-actions', id: 41898282 }, bot)).toBe(true);
    // A renamed account that took the bot's old login is someone else.
    expect(isSelf({ login: 'github-actions[bot]', id: 666, type: 'User' }, bot)).toBe(false);
  });
  it('without ids, matches the same login in any case', () => {
    expect(
      isSelf({ login: 'github-actions[bot]', type: 'Bot' }, { login: 'github-actions[bot]', id: null }),
    ).toBe(true);
    expect(isSelf({ login: 'octocat', type: 'User' }, { login: 'OctoCat', id: null })).toBe(true);
  });
  it('matches a suffix-less login only to the Bot account of that name', () => {
    const bare = { login: 'github-actions', id: null };
    expect(isSelf({ login: GITHUB_ACTIONS_BOT.login, type: 'Bot' }, bare)).toBe(true);
    expect(isSelf({ login: 'github-actions[bot]', type: 'User' }, bare)).toBe(false);
    expect(isSelf({ login: 'github-actions[bot]' }, bare)).toBe(false);
  });
  it('trusts nobody when the identity is unknown or the author is missing', () => {
    expect(isSelf({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' }, null)).toBe(false);
    expect(isSelf(null, bot)).toBe(false);
    expect(isSelf({ id: null }, bot)).toBe(false);
    expect(isSelf({ login: 'octocat', id: 583231, type: 'User' }, bot)).toBe(false);
  });
});
