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
      title: null,
      commitMessage: null,
      reviewers: [],
      teamReviewers: [],
      assignees: [],
      draft: false,
      failOn: 'none',
      sarifFile: null,
      configFile: '.github/cookie-hardener.yml',
      dryRun: false,
      allowPullRequestTarget: false,
      verifyUrl: null,
      verifyScenario: null,
      repository: null,
      resultFile: null,
      org: {
        organization: null,
        repositories: [],
        topics: [],
        languages: [],
        includeArchived: false,
        includeForks: false,
        maxRepositories: 256,
        maxParallel: 20,
        stateFile: null,
        planFile: null,
        resultsDir: null,
        dashboardDir: null,
        trackingIssue: null,
      },
    });
  });

  it('refuses a repository name that is a path step', () => {
    expect(() => inputs({ token: 't', repository: 'acme/..' })).toThrow(
      'input `repository` must be owner/name (got "acme/..")',
    );
  });

  it('reads the organisation sweep inputs and names each bad one', () => {
    expect(
      inputs({
        token: 't',
        mode: 'plan',
        repository: 'acme/api',
        'result-file': 'result.json',
        organization: 'acme',
        repositories: 'api, web',
        topics: 'pci',
        languages: 'JavaScript\nPython',
        'include-forks': 'true',
        'max-repositories': '100',
        'max-parallel': '5',
        'state-file': 'state.json',
        'tracking-issue': 'Cookie flags across acme',
      }),
    ).toMatchObject({
      mode: 'plan',
      repository: 'acme/api',
      resultFile: 'result.json',
      org: {
        organization: 'acme',
        repositories: ['api', 'web'],
        topics: ['pci'],
        languages: ['JavaScript', 'Python'],
        includeArchived: false,
        includeForks: true,
        maxRepositories: 100,
        maxParallel: 5,
        stateFile: 'state.json',
        trackingIssue: 'Cookie flags across acme',
      },
    });
    expect(() =>
      inputs({
        token: 't',
        mode: 'aggregate',
        repository: 'api',
        'max-repositories': '300',
        'max-parallel': '0',
        organization: 'ac me',
      }),
    ).toThrow(
      new InputError(
        'input `repository` must be owner/name (got "api"); input `organization` is not an organisation login: "ac me"; input `max-repositories` must be a whole number from 1 to 256 (got "300"); input `max-parallel` must be a whole number from 1 to 256 (got "0"); `mode: aggregate` needs `plan-file` (the plan job\'s) and `results-dir` (the sweep results)',
      ),
    );
  });

  it('reads the verify inputs, refusing URLs that are not http(s) or carry credentials without repeating them', () => {
    expect(
      inputs({
        token: 't',
        'verify-url': ' https://staging.example.com/ ',
        'verify-scenario': 'ci/verify.yml',
      }),
    ).toMatchObject({ verifyUrl: 'https://staging.example.com/', verifyScenario: 'ci/verify.yml' });
    expect(() =>
      inputs({
        token: 't',
        mode: 'verify',
        'verify-url': 'https://deploy:hunter2@staging.example.com/',
        'verify-scenario': 'a\nb',
      }),
    ).toThrow(
      new InputError(
        'input `verify-url` cannot be verified: it carries credentials, which would be shown in the log and the pull request (give them as a header of a `verify-scenario` step instead); input `verify-scenario` is not a usable path',
      ),
    );
    expect(() => inputs({ token: 't', 'verify-url': 'staging.example.com' })).toThrow(
      'input `verify-url` cannot be verified: it is not an absolute URL',
    );
    expect(() => inputs({ token: 't', 'verify-url': 'ftp://staging.example.com/' })).toThrow(
      'input `verify-url` cannot be verified: only http:// and https:// URLs can be verified',
    );
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
        'input `mode` must be one of auto, pr, review, report, verify, plan, aggregate (got "fix"); input `fail-on` must be one of none, weak, any (got "high"); input `draft` must be true or false (got "yes"); input `flags`: unknown flag `samesyte`: use httpOnly, secure or sameSite; input `branch` is not a valid branch name: "a..b"',
      ),
    );
  });

  it('reads the pull request inputs: @ dropped, repeats removed, teams reduced to their slugs', () => {
    const parsed = parseInputs(
      (name) =>
        ({
          token: 't',
          title: '  fix(security): cookie flags  ',
          'commit-message': 'fix(security):',
          reviewers: '@alice, bob\nAlice\ncopilot-pull-request-reviewer[bot]',
          'team-reviewers': 'security\n@acme/platform-team, ACME/Security',
          assignees: 'alice,\n@carol_acme',
        })[name] ?? '',
      'acme',
    );
    expect(parsed).toMatchObject({
      title: 'fix(security): cookie flags',
      commitMessage: 'fix(security):',
      reviewers: ['alice', 'bob', 'copilot-pull-request-reviewer[bot]'],
      teamReviewers: ['security', 'platform-team'],
      assignees: ['alice', 'carol_acme'],
    });
  });

  it('names each bad pull request input', () => {
    const values: Record<string, string> = {
      token: 't',
      title: 'Harden\ncookies',
      'commit-message': 'fix:\nmore',
      reviewers: 'bob smith, acme/security, ok',
      'team-reviewers': 'other-org/security, sec team',
      assignees: Array.from({ length: 11 }, (_, index) => `user${index}`).join(','),
    };
    expect(() => parseInputs((name) => values[name] ?? '', 'acme')).toThrow(
      new InputError(
        'input `title` must be one line; input `commit-message` must be one line; input `reviewers`: "bob smith" is not a GitHub login; input `reviewers`: "acme/security" is not a GitHub login (teams go in `team-reviewers`); input `team-reviewers`: "other-org/security" is a team of other-org; only teams of acme, the repository\'s owner, can review; input `team-reviewers`: "sec team" is not a team slug; input `assignees` names 11 accounts; GitHub assigns at most 10',
      ),
    );
  });

  it('refuses a title longer than GitHub takes, counting characters rather than UTF-16 units', () => {
    expect(inputs({ token: 't', title: '🍪'.repeat(256) }).title).toBe('🍪'.repeat(256));
    expect(() => inputs({ token: 't', title: 'x'.repeat(257) })).toThrow(
      new InputError('input `title` is too long: GitHub allows 256 characters (got 257)'),
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
    ['deployment_status', 'verify'],
    ['deployment', 'report'],
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
