// Which branch a run's workspace is a checkout of: only a checkout of the pull request's base may act on it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkoutBranchOf } from '../../src/action/run.js';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      HOME: tmpdir(),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'a',
      GIT_AUTHOR_EMAIL: 'a@example.com',
      GIT_COMMITTER_NAME: 'a',
      GIT_COMMITTER_EMAIL: 'a@example.com',
    },
  });
}

function checkout(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-checkout-'));
  writeFileSync(join(folder, 'a.txt'), 'a\n');
  git(folder, 'init', '-q', '-b', 'main');
  git(folder, 'add', '-A');
  git(folder, 'commit', '-q', '-m', 'x');
  return folder;
}

describe('checkoutBranchOf', () => {
  it('reads the workspace’s checked-out branch before the event’s ref', () => {
    const folder = checkout();
    git(folder, 'checkout', '-q', '-b', 'feature');
    expect(checkoutBranchOf({ GITHUB_REF: 'refs/heads/main' }, folder)).toBe('feature');
  });

  it('is null for a detached HEAD (a tag, a commit, a pull request merge)', () => {
    const folder = checkout();
    git(folder, 'checkout', '-q', '--detach');
    expect(checkoutBranchOf({ GITHUB_REF: 'refs/heads/main' }, folder)).toBeNull();
  });

  it('falls back to GITHUB_REF without a git checkout, and a tag ref is no branch', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-plain-'));
    expect(checkoutBranchOf({ GITHUB_REF: 'refs/heads/release' }, folder)).toBe('release');
    expect(checkoutBranchOf({ GITHUB_REF: 'refs/tags/v1' }, folder)).toBeNull();
    expect(checkoutBranchOf({}, folder)).toBeNull();
  });
});
