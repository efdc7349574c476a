// What one repository costs an organisation sweep, measured against the fake GitHub through dist/index.js:
// the API requests of each job (the App installation's hourly budget is shared by every job of the run) and
// the size of the result artifact. docs/org-sweeps.md builds its arithmetic on these numbers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { FakeGitHub } from '../fake-github/api.js';
import { startFakeGitHub } from '../fake-github/server.js';
import { EXPRESS_ROUTE } from './fixtures.js';
import { makeWorkspace, runAction } from './harness.js';

let fake: FakeGitHub | null = null;
const folders: string[] = [];

afterEach(async () => {
  await fake?.close();
  fake = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The requests made since `from`, as `METHOD operation` (GraphQL by its first field). */
function calls(fake: FakeGitHub, from: number): string[] {
  return fake.requests.slice(from).map((entry) => {
    if (entry.operation === 'POST /graphql') {
      const query = String((entry.body as { query?: string } | undefined)?.query ?? '');
      return `graphql ${/\b(viewer|updateRefs|reviewThreads)\b/.exec(query)?.[1] ?? 'other'}`;
    }
    return entry.operation ?? `${entry.method} ${entry.path}`;
  });
}

it('costs a handful of requests per repository and a result artifact under 1 KB', async () => {
  fake = await startFakeGitHub({
    repo: 'security-central',
    repositories: [
      { name: 'api', files: { 'README.md': '# api\n', 'routes/login.js': EXPRESS_ROUTE } },
      { name: 'clean', files: { 'README.md': '# clean\n' } },
    ],
    installedRepositories: ['api', 'clean'],
  });
  const central = makeWorkspace({ 'README.md': '# central\n' });
  folders.push(central);
  mkdirSync(join(central, 'results'));

  let mark = fake.requests.length;
  const plan = await runAction(fake, {
    workspace: central,
    inputs: { mode: 'plan', 'plan-file': 'plan.json', 'state-file': 'state.json' },
  });
  expect(plan.code).toBe(0);
  expect(calls(fake, mark)).toEqual(['GET /installation/repositories']);

  const sweep = async (name: string) => {
    const checkout = mkdtempSync(join(tmpdir(), `cookie-hardener-cost-${name}-`));
    folders.push(checkout);
    execFileSync('git', ['clone', '-q', fake!.repository(name).bareRepoPath, checkout]);
    mark = fake!.requests.length;
    const started = process.hrtime.bigint();
    const run = await runAction(fake!, {
      workspace: checkout,
      inputs: {
        mode: 'pr',
        repository: `acme/${name}`,
        'result-file': `${name}.json`,
      },
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(run.code).toBe(0);
    const result = join(checkout, `${name}.json`);
    return {
      requests: calls(fake!, mark),
      bytes: statSync(result).size,
      wallMs,
      result: readFileSync(result, 'utf8'),
    };
  };

  const READS = [
    'graphql viewer',
    'GET /repos/{owner}/{repo}',
    'GET /repos/{owner}/{repo}/git/ref/{ref}',
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
    'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
    'GET /repos/{owner}/{repo}/pulls',
    'GET /repos/{owner}/{repo}/git/ref/{ref}',
  ];
  // A repository with a weak cookie: the reads, then one tree, one commit, the branch and the pull request.
  const api = await sweep('api');
  expect(api.requests).toEqual([
    ...READS,
    'POST /repos/{owner}/{repo}/git/trees',
    'POST /repos/{owner}/{repo}/git/commits',
    'POST /repos/{owner}/{repo}/git/refs',
    'POST /repos/{owner}/{repo}/pulls',
  ]);
  // A repository without cookie code still looks for a remediation pull request to close.
  const clean = await sweep('clean');
  expect(clean.requests).toEqual(READS);
  for (const { bytes } of [api, clean]) expect(bytes).toBeLessThan(1024);
  // Swept again with its pull request already up to date (the default branch moved, the cookies did not).
  await fake.repository('api').pushBranch('main', { 'NOTES.md': 'x\n' });
  const again = await sweep('api');
  expect(
    again.requests.filter((request) => !request.startsWith('GET ') && request !== 'graphql viewer'),
  ).toEqual([]);
  expect(again.requests).toHaveLength(11);
  console.log(
    `org sweep cost: api ${api.requests.length} requests, ${api.bytes} B, ${api.wallMs.toFixed(0)} ms; ` +
      `clean ${clean.requests.length} requests, ${clean.bytes} B, ${clean.wallMs.toFixed(0)} ms; ` +
      `api again ${again.requests.length} requests, ${again.wallMs.toFixed(0)} ms`,
  );

  mark = fake.requests.length;
  for (const name of ['api', 'clean']) {
    execFileSync('cp', [
      join(folders.at(name === 'api' ? -1 : -2)!, `${name}.json`),
      join(central, 'results'),
    ]);
  }
  const aggregate = await runAction(fake, {
    workspace: central,
    inputs: {
      mode: 'aggregate',
      'plan-file': 'plan.json',
      'results-dir': 'results',
      'tracking-issue': 'Cookies',
    },
  });
  expect(aggregate.code).toBe(0);
  expect(calls(fake, mark)).toEqual([
    'graphql viewer',
    'GET /repos/{owner}/{repo}/issues',
    'POST /repos/{owner}/{repo}/issues',
  ]);
}, 120_000);
