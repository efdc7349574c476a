// Whom the token acts as: the one fact that decides which markers are ours.
import { afterEach, describe, expect, it } from 'vitest';

import { createGitHubClient } from '../../src/deliver/github/client.js';
import { isAuthoredBy, tokenIdentity } from '../../src/deliver/github/identity.js';
import { GITHUB_ACTIONS_BOT, OCTOCAT, startFakeGitHub } from '../fake-github/server.js';
import type { FakeGitHub } from '../fake-github/server.js';

let fake: FakeGitHub | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const clientFor = (server: FakeGitHub) =>
  createGitHubClient({ token: 'ghs_test', baseUrl: server.url, warn: () => undefined });

describe('tokenIdentity', () => {
  it('answers with the bot login for an installation token, asking GitHub once per client', async () => {
    fake = await startFakeGitHub();
    const github = clientFor(fake);
    const [first, second] = await Promise.all([tokenIdentity(github), tokenIdentity(github)]);
    expect(first).toEqual({ login: 'github-actions[bot]' });
    expect(second).toBe(first);
    expect(await tokenIdentity(github)).toBe(first);
    expect(fake.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /graphql']);
  });

  it("answers with the user's login for a personal access token", async () => {
    fake = await startFakeGitHub({ tokenUser: OCTOCAT });
    expect(await tokenIdentity(clientFor(fake))).toEqual({ login: 'octocat' });
  });

  it('falls back to GET /user, and answers null when neither says', async () => {
    fake = await startFakeGitHub();
    fake.failNext({ path: '/graphql', status: 401, body: { message: 'Bad credentials' } });
    expect(await tokenIdentity(clientFor(fake))).toBeNull();
    expect(fake.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /graphql',
      'GET /user',
    ]);
  });
});

describe('isAuthoredBy', () => {
  const bot = { login: 'github-actions[bot]' };
  it('matches the same login in any case', () => {
    expect(isAuthoredBy(bot, { login: 'github-actions[bot]', type: 'Bot' })).toBe(true);
    expect(isAuthoredBy({ login: 'OctoCat' }, { login: 'octocat', type: 'User' })).toBe(true);
  });
  it('matches a suffix-less viewer login only to the Bot account of that name', () => {
    expect(isAuthoredBy({ login: 'github-actions' }, { login: GITHUB_ACTIONS_BOT.login, type: 'Bot' })).toBe(
      true,
    );
    expect(isAuthoredBy({ login: 'github-actions' }, { login: 'github-actions[bot]', type: 'User' })).toBe(
      false,
    );
  });
  it('trusts nobody when the identity is unknown or the author is missing', () => {
    expect(isAuthoredBy(null, { login: 'github-actions[bot]', type: 'Bot' })).toBe(false);
    expect(isAuthoredBy(bot, null)).toBe(false);
    expect(isAuthoredBy(bot, { login: 'octocat', type: 'User' })).toBe(false);
  });
});
