import { describe, expect, it } from 'vitest';

import { invalidRequestMessage, OpenApiSubset } from './openapi.js';
import { Router } from './router.js';

describe('Router', () => {
  const router = new Router<string>();
  for (const key of [
    'GET /repos/{owner}/{repo}/git/ref/{ref}',
    'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
    'PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}',
    'GET /repos/{owner}/{repo}/compare/{basehead}',
  ]) {
    router.add(key, key);
  }

  it('decodes parameters and lets ref-like ones span slashes, encoded or not', () => {
    expect(router.match('GET', '/repos/acme/webapp/git/ref/heads%2Ffeature%2Fx')?.params).toEqual({
      owner: 'acme',
      repo: 'webapp',
      ref: 'heads/feature/x',
    });
    expect(router.match('GET', '/repos/acme/webapp/git/ref/heads/feature/x')?.params.ref).toBe(
      'heads/feature/x',
    );
    expect(router.match('GET', '/repos/acme/webapp/compare/main...feat%2Fa')?.params.basehead).toBe(
      'main...feat/a',
    );
  });

  it('prefers literal segments and rejects extra ones', () => {
    expect(router.match('PATCH', '/repos/acme/webapp/pulls/comments/7')?.key).toBe(
      'PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}',
    );
    expect(router.match('PATCH', '/repos/acme/webapp/pulls/7')?.params.pull_number).toBe('7');
    expect(router.match('PATCH', '/repos/acme/webapp/pulls/7/extra')).toBeUndefined();
    expect(router.match('GET', '/repos/acme/webapp/pulls/7')).toBeUndefined();
  });
});

describe('invalidRequestMessage', () => {
  it('lists missing fields together, as GitHub does', () => {
    const subset = OpenApiSubset.load();
    const key = 'POST /repos/{owner}/{repo}/git/commits';
    const problems = subset.checkRequest(key, {});
    expect(invalidRequestMessage(problems, {})).toBe(
      'Invalid request.\n\n"message", "tree" weren\'t supplied.',
    );
    const typed = { message: 'm', tree: 't', parents: 'p' };
    expect(invalidRequestMessage(subset.checkRequest(key, typed), typed)).toBe(
      'Invalid request.\n\nFor \'properties/parents\', "p" is not an array.',
    );
    expect(subset.source).toBe('@octokit/openapi@23.0.2');
  });
});
