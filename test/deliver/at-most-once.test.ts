// Comments and reviews are posted at most once: the client never repeats them, and a failure that may hide a
// success is answered by asking GitHub what landed.
import { afterEach, describe, expect, it } from 'vitest';

import { mayHaveLanded, sendAtMostOnce } from '../../src/deliver/github/at-most-once.js';
import { createGitHubClient, isRepeatableRequest } from '../../src/deliver/github/client.js';
import { faults, startFakeGitHub } from '../fake-github/server.js';
import type { FakeGitHub } from '../fake-github/server.js';

/** What Octokit throws for an HTTP error: an Error with the status. */
const failure = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

/** A scripted request: each call takes the next outcome (an error to throw, or success). */
function script(outcomes: Array<Error | 'ok'>, landedAnswers: Array<boolean | Error> = []) {
  const calls: string[] = [];
  return {
    calls,
    request: {
      send: () => {
        calls.push('send');
        const next = outcomes.shift();
        return next === 'ok' || next === undefined ? Promise.resolve('created') : Promise.reject(next);
      },
      landed: () => {
        calls.push('landed');
        const next = landedAnswers.shift() ?? false;
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
      delayMs: 0,
    },
  };
}

describe('sendAtMostOnce', () => {
  it('sends once when GitHub answers', async () => {
    const { calls, request } = script(['ok']);
    expect(await sendAtMostOnce(request)).toBe('sent');
    expect(calls).toEqual(['send']);
  });

  it('does not send again when the lost request had landed', async () => {
    const { calls, request } = script([failure(502)], [true]);
    expect(await sendAtMostOnce(request)).toBe('landed');
    expect(calls).toEqual(['send', 'landed']);
  });

  it('sends again only after checking that nothing landed, and gives up after the attempts', async () => {
    const retried = script([failure(502), 'ok'], [false]);
    expect(await sendAtMostOnce(retried.request)).toBe('sent');
    expect(retried.calls).toEqual(['send', 'landed', 'send']);

    const down = script([failure(503), failure(500)], [false, false]);
    await expect(sendAtMostOnce(down.request)).rejects.toMatchObject({ status: 500 });
    expect(down.calls).toEqual(['send', 'landed', 'send', 'landed']);
  });

  it('takes a refusal as final and never sends blind when the check fails', async () => {
    const refused = script([failure(422)]);
    await expect(sendAtMostOnce(refused.request)).rejects.toMatchObject({ status: 422 });
    expect(refused.calls).toEqual(['send']);

    const unknown = script([failure(502)], [new Error('listing failed')]);
    await expect(sendAtMostOnce(unknown.request)).rejects.toMatchObject({ status: 502 });
    expect(unknown.calls).toEqual(['send', 'landed']);
  });

  it('counts a 5xx and a missing answer as maybe landed, a 4xx as not', () => {
    expect(mayHaveLanded(failure(500))).toBe(true);
    expect(mayHaveLanded(new Error('socket hang up'))).toBe(true);
    expect(mayHaveLanded(failure(403))).toBe(false);
  });
});

describe('the client', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('never repeats the POSTs GitHub would carry out twice', () => {
    const notRepeated = [
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      '/repos/acme/webapp/issues/7/comments',
      '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
      '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
      '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
    ];
    for (const url of notRepeated) expect(isRepeatableRequest('POST', url), url).toBe(false);
    const repeated: Array<[string, string]> = [
      ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
      ['PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
      ['POST', '/repos/{owner}/{repo}/pulls'],
      ['POST', '/repos/{owner}/{repo}/git/blobs'],
      ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
      ['POST', '/graphql'],
    ];
    for (const [method, url] of repeated) expect(isRepeatableRequest(method, url), url).toBe(true);
  });

  it('leaves a comment whose response was lost to the caller, and still retries reads', async () => {
    fake = await startFakeGitHub();
    await fake.pushBranch('feature', { 'README.md': '# changed\n' });
    const { number } = await fake.openPullRequest({ head: 'feature', title: 'x' });
    const github = createGitHubClient({ token: 'ghs_test', baseUrl: fake.url, warn: () => undefined });
    fake.failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      ...faults.serverError(502),
      processed: true,
    });
    await expect(
      github.rest.issues.createComment({ owner: 'acme', repo: 'webapp', issue_number: number, body: 'hi' }),
    ).rejects.toMatchObject({ status: 502 });
    expect(fake.issueComments.map((comment) => comment.body)).toEqual(['hi']);

    fake.failNext({ method: 'GET', path: '/repos/{owner}/{repo}', ...faults.serverError(502) });
    const { data } = await github.rest.repos.get({ owner: 'acme', repo: 'webapp' });
    expect(data.full_name).toBe('acme/webapp');
    expect(fake.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual([
      'POST 502',
      'GET 502',
      'GET 200',
    ]);
  });
});
