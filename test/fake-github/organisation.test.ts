// The fake as an organisation: several repositories, each its own bare repository, the installation's
// listing, and plain issues (the sweep's tracking issue) — read back through Octokit and git.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';

import { startFakeGitHub } from './server.js';
import type { FakeGitHub } from './server.js';

let fake: FakeGitHub | undefined;

afterEach(async () => {
  if (!fake) return;
  expect(fake.responseViolations).toEqual([]);
  expect(fake.schemaViolations).toEqual([]);
  expect(fake.unhandledRequests).toEqual([]);
  await fake.close();
  fake = undefined;
});

async function organisation(): Promise<{ fake: FakeGitHub; octokit: Octokit }> {
  fake = await startFakeGitHub({
    repo: 'security-central',
    repositories: [
      { name: 'api', files: { 'app.js': "res.cookie('a', b);\n" }, topics: ['web'], language: 'JavaScript' },
      { name: 'legacy', archived: true },
      { name: 'fork-of-x', fork: true, defaultBranch: 'trunk' },
    ],
    installedRepositories: ['security-central', 'api', 'legacy', 'fork-of-x'],
  });
  return { fake, octokit: new Octokit({ baseUrl: fake.url, auth: 'ghs_x' }) };
}

describe('fake GitHub organisation', () => {
  it('lists every installed repository with the fields the plan filters on, page by page', async () => {
    const { octokit } = await organisation();
    const repositories = await octokit.paginate('GET /installation/repositories', { per_page: 2 });
    expect(
      repositories.map((repository) => [
        repository.full_name,
        repository.default_branch,
        repository.archived,
        repository.fork,
        repository.topics,
        repository.language,
      ]),
    ).toEqual([
      ['acme/api', 'main', false, false, ['web'], 'JavaScript'],
      ['acme/fork-of-x', 'trunk', false, true, [], null],
      ['acme/legacy', 'main', true, false, [], null],
      ['acme/security-central', 'main', false, false, [], null],
    ]);
  });

  it('keeps each repository in its own bare repository and answers 404 for one the owner lacks', async () => {
    const { fake, octokit } = await organisation();
    const api = fake.repository('api');
    const head = await api.branchSha('main');
    expect(
      (await octokit.rest.repos.listCommits({ owner: 'acme', repo: 'api', per_page: 1 })).data[0]?.sha,
    ).toBe(head);
    expect(execFileSync('git', ['-C', api.bareRepoPath, 'show', 'main:app.js'], { encoding: 'utf8' })).toBe(
      "res.cookie('a', b);\n",
    );
    expect(await fake.readFile('main', 'app.js')).toBeNull();
    const clone = mkdtempSync(join(tmpdir(), 'fake-org-clone-'));
    try {
      execFileSync('git', ['clone', '-q', fake.repository('fork-of-x').bareRepoPath, clone]);
      expect(readFileSync(join(clone, 'README.md'), 'utf8')).toBe('# fork-of-x\n');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'missing' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(octokit.rest.repos.get({ owner: 'other', repo: 'api' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lists only the repositories the installation was given', async () => {
    fake = await startFakeGitHub({
      repositories: [{ name: 'api' }, { name: 'web' }],
      installedRepositories: ['web'],
    });
    const octokit = new Octokit({ baseUrl: fake.url, auth: 'ghs_x' });
    const { data } = await octokit.rest.apps.listReposAccessibleToInstallation();
    expect(data.total_count).toBe(1);
    expect(data.repositories.map((repository) => repository.name)).toEqual(['web']);
  });

  it('creates, lists and edits plain issues; pull requests share their numbers and show in the list', async () => {
    const { fake, octokit } = await organisation();
    const central = { owner: 'acme', repo: 'security-central' };
    await fake.pushBranch('feature', { 'x.txt': 'x\n' });
    await fake.openPullRequest({ head: 'feature' });
    const created = await octokit.rest.issues.create({ ...central, title: 'Dashboard', body: 'one' });
    expect(created.status).toBe(201);
    expect(created.data.number).toBe(2);
    expect(created.data.user?.login).toBe('github-actions[bot]');
    const listed = await octokit.rest.issues.listForRepo({
      ...central,
      state: 'all',
      creator: 'github-actions[bot]',
    });
    expect(listed.data.map((issue) => [issue.number, issue.pull_request === undefined])).toEqual([[2, true]]);
    const all = await octokit.rest.issues.listForRepo(central);
    expect(all.data.map((issue) => issue.number)).toEqual([2, 1]);
    const edited = await octokit.rest.issues.update({
      ...central,
      issue_number: 2,
      body: 'two',
      state: 'closed',
    });
    expect(edited.data).toMatchObject({ body: 'two', state: 'closed', state_reason: 'completed' });
    expect(fake.issues.map((issue) => [issue.number, issue.body, issue.state])).toEqual([
      [2, 'two', 'closed'],
    ]);
    expect((await octokit.rest.issues.listForRepo(central)).data.map((issue) => issue.number)).toEqual([1]);
    await expect(
      octokit.rest.issues.update({ ...central, issue_number: 9, body: 'x' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(fake.repository('api').issues).toEqual([]);
  });
});
