import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { targetEnv, workspaceCommit } from '../../src/action/sweep-target.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function checkout(): { folder: string; head: string } {
  const folder = mkdtempSync(join(tmpdir(), 'sweep-target-'));
  folders.push(folder);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: folder,
      env: { PATH: process.env.PATH, HOME: folder, GIT_CONFIG_NOSYSTEM: '1' },
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  writeFileSync(join(folder, 'a.txt'), 'a\n');
  git('add', '-A');
  git('-c', 'user.name=x', '-c', 'user.email=x@example.com', 'commit', '-q', '-m', 'a');
  return { folder, head: git('rev-parse', 'HEAD') };
}

const RUNNER = {
  GITHUB_REPOSITORY: 'acme/security-central',
  GITHUB_REPOSITORY_OWNER: 'acme',
  GITHUB_SHA: '1'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_API_URL: 'https://api.github.com',
};

it("speaks for the checked-out repository: its name, its commit, and no ref of the workflow's own", () => {
  const { folder, head } = checkout();
  expect(targetEnv(RUNNER, 'acme/api', folder)).toEqual({
    GITHUB_REPOSITORY: 'acme/api',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: head,
    GITHUB_API_URL: 'https://api.github.com',
  });
  expect(workspaceCommit(folder)).toBe(head);
});

it('leaves the environment alone without `repository`, or when it names the workflow repository', () => {
  const { folder } = checkout();
  expect(targetEnv(RUNNER, null, folder)).toBe(RUNNER);
  expect(targetEnv(RUNNER, 'ACME/security-central', folder)).toBe(RUNNER);
});

it('drops GITHUB_SHA when the workspace is no git checkout', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sweep-target-plain-'));
  folders.push(folder);
  expect(workspaceCommit(folder)).toBeNull();
  expect(targetEnv(RUNNER, 'acme/api', folder).GITHUB_SHA).toBeUndefined();
});
