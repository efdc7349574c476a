import { describe, expect, it } from 'vitest';
import { InputError, isValidBranchName, parseInputs } from '../../src/action/inputs.js';
import { resolveMode } from '../../src/action/run.js';

function inputs(values: Record<string, string>) {
  return parseInputs((name) => values[name] ?? '');
}

describe('parseInputs', () => {
  it('applies the defaults', () => {
    expect(inputs({ token: 't' })).toEqual({
      token: 't',
      mode: 'auto',
      paths: [],
      exclude: [],
      flags: null,
      sameSite: 'lax',
      branch: 'cookie-hardener/remediation',
      base: null,
      labels: [],
      draft: false,
      failOn: 'none',
      sarifFile: null,
      configFile: '.github/cookie-hardener.yml',
      dryRun: false,
      allowPullRequestTarget: false,
    });
  });

  it('reads lists one per line or comma-separated', () => {
    const parsed = inputs({
      token: 't',
      paths: 'src\napp, lib\n',
      labels: 'security, cookies',
      flags: 'Secure',
    });
    expect(parsed.paths).toEqual(['src', 'app', 'lib']);
    expect(parsed.labels).toEqual(['security', 'cookies']);
    expect(parsed.flags).toEqual(['secure']);
    const strict = inputs({ token: 't', flags: 'httpOnly, secure, sameSite=strict' });
    expect([strict.flags, strict.sameSite]).toEqual([['httpOnly', 'secure', 'sameSite'], 'strict']);
  });

  it('names every bad input in one message', () => {
    expect(() =>
      inputs({
        token: 't',
        mode: 'fix',
        'fail-on': 'high',
        draft: 'yes',
        flags: 'httponly,samesyte',
        branch: 'a..b',
      }),
    ).toThrow(
      new InputError(
        'input `mode` must be one of auto, pr, review, report (got "fix"); input `fail-on` must be one of none, weak, any (got "high"); input `draft` must be true or false (got "yes"); input `flags`: unknown flag `samesyte`: use httpOnly, secure or sameSite; input `branch` is not a valid branch name: "a..b"',
      ),
    );
  });

  it('needs a token except in report mode', () => {
    expect(() => inputs({ mode: 'pr' })).toThrow(/input `token` is empty/);
    expect(inputs({ mode: 'report' }).mode).toBe('report');
  });
});

describe('resolveMode', () => {
  it.each([
    ['pull_request', 'review'],
    ['pull_request_target', 'review'],
    ['schedule', 'pr'],
    ['workflow_dispatch', 'pr'],
    ['push', 'pr'],
    ['release', 'report'],
  ])('auto on %s → %s', (event, mode) => {
    expect(resolveMode('auto', event)).toBe(mode);
  });
  it('keeps an explicit mode', () => expect(resolveMode('report', 'schedule')).toBe('report'));
});

describe('isValidBranchName', () => {
  it.each(['cookie-hardener/remediation', 'fix/cookies-2026', 'main'])('accepts %s', (name) =>
    expect(isValidBranchName(name)).toBe(true),
  );
  it.each(['a b', 'a..b', '/a', 'a/', 'a.lock', 'a~1', 'x@{y', '.hidden', 'a/.b'])('rejects %s', (name) =>
    expect(isValidBranchName(name)).toBe(false),
  );
});
