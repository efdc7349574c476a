// The organisation sweep end to end through dist/index.js: plan → one sweep per matrix entry (each in a clone
// of that repository's bare repository, as actions/checkout leaves it) → aggregate, twice. The test plays the
// workflow's part between the jobs: it hands the matrix to the sweeps and carries their result files (the
// artifacts) and the state (the cache) to the next job.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { FakeGitHub } from '../fake-github/api.js';
import { faults, startFakeGitHub } from '../fake-github/server.js';
import { EXPRESS_ROUTE, SEED_REPOSITORY } from './fixtures.js';
import { makeWorkspace, runAction, type ActionRun } from './harness.js';

let fake: FakeGitHub | null = null;
const folders: string[] = [];

afterEach(async () => {
  await fake?.close();
  fake = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const TITLE = 'Cookie flags across acme';

async function organisation(): Promise<FakeGitHub> {
  fake = await startFakeGitHub({
    repo: 'security-central',
    repositories: [
      {
        name: 'api',
        files: { 'README.md': '# api\n', 'routes/login.js': EXPRESS_ROUTE },
        language: 'JavaScript',
      },
      { name: 'web', files: SEED_REPOSITORY, language: 'Python' },
      { name: 'broken', files: { 'server.js': EXPRESS_ROUTE }, language: 'JavaScript' },
      { name: 'clean', files: { 'README.md': '# clean\n' } },
      { name: 'legacy', files: { 'old.js': EXPRESS_ROUTE }, archived: true },
      { name: 'forked', files: { 'app.js': EXPRESS_ROUTE }, fork: true },
    ],
    // The App is installed on the repositories to sweep, not on the central one (its workflow token writes there).
    installedRepositories: ['api', 'web', 'broken', 'clean', 'legacy', 'forked'],
  });
  return fake;
}

/** The central repository's checkout: where the plan, the results, the state and the dashboard live. */
function central(): string {
  const workspace = makeWorkspace({ 'README.md': '# security-central\n' });
  folders.push(workspace);
  mkdirSync(join(workspace, '.sweep', 'results'), { recursive: true });
  return workspace;
}

function plan(fake: FakeGitHub, workspace: string): Promise<ActionRun> {
  return runAction(fake, {
    workspace,
    event: 'workflow_dispatch',
    inputs: {
      mode: 'plan',
      organization: 'acme',
      'state-file': '.sweep/state.json',
      'plan-file': '.sweep/plan.json',
      'max-parallel': '3',
    },
  });
}

/** One sweep job: a clone of the repository, the action in pr mode, its result carried to the central folder. */
async function sweep(fake: FakeGitHub, workspace: string, entry: { repository: string; name: string }) {
  const checkout = mkdtempSync(join(tmpdir(), `cookie-hardener-sweep-${entry.name}-`));
  folders.push(checkout);
  execFileSync('git', ['clone', '-q', fake.repository(entry.name).bareRepoPath, checkout]);
  const run = await runAction(fake, {
    workspace: checkout,
    event: 'workflow_dispatch',
    inputs: { mode: 'pr', repository: entry.repository, 'result-file': 'cookie-hardener-result.json' },
  });
  const result = join(checkout, 'cookie-hardener-result.json');
  if (existsSync(result)) copyFileSync(result, join(workspace, '.sweep', 'results', `${entry.name}.json`));
  return run;
}

function aggregate(fake: FakeGitHub, workspace: string): Promise<ActionRun> {
  return runAction(fake, {
    workspace,
    event: 'workflow_dispatch',
    inputs: {
      mode: 'aggregate',
      'plan-file': '.sweep/plan.json',
      'results-dir': '.sweep/results',
      'state-file': '.sweep/state.json',
      'dashboard-dir': '.sweep/dashboard',
      'tracking-issue': TITLE,
    },
    env: { GITHUB_RUN_ID: '77' },
  });
}

function matrixOf(run: ActionRun): Array<{ repository: string; name: string; ref: string }> {
  return (
    JSON.parse(run.outputs.matrix ?? '{}') as {
      include: Array<{ repository: string; name: string; ref: string }>;
    }
  ).include;
}

it('plans, sweeps each repository (one failing, one rate-limited), aggregates one dashboard, and resumes', async () => {
  const fake = await organisation();
  const workspace = central();

  // ---- first run ----
  const planned = await plan(fake, workspace);
  expect(planned.stderr).toBe('');
  expect(planned.code).toBe(0);
  expect(matrixOf(planned)).toEqual([
    { repository: 'acme/api', name: 'api', ref: 'main' },
    { repository: 'acme/broken', name: 'broken', ref: 'main' },
    { repository: 'acme/clean', name: 'clean', ref: 'main' },
    { repository: 'acme/web', name: 'web', ref: 'main' },
  ]);
  expect(planned.outputs).toMatchObject({ count: '4', 'max-parallel': '3', skipped: '0', deferred: '0' });
  expect(planned.stdout).toContain(
    '6 repositories reachable; 4 selected: 4 to sweep, 0 unchanged since their last sweep, 0 deferred to the next run (0 default-branch lookups).',
  );

  // broken: the App cannot write there (every write refused); web: a secondary rate limit on its first call.
  fake.failNext({
    ...faults.notAccessible(),
    method: 'POST',
    path: /^\/repos\/acme\/broken\//,
    times: 50,
  });
  fake.failNext({ ...faults.secondaryRateLimit({ retryAfter: 1 }), path: /^\/repos\/acme\/web\//, times: 1 });
  const sweeps: Record<string, ActionRun> = {};
  for (const entry of matrixOf(planned)) sweeps[entry.name] = await sweep(fake, workspace, entry);
  expect(sweeps.api?.code).toBe(0);
  expect(sweeps.clean?.code).toBe(0);
  expect(sweeps.web?.code).toBe(0);
  // The throttling plugin waited the retry-after out and carried on: the sweep itself succeeded.
  expect(sweeps.web?.stdout).toContain(
    '::warning::GitHub secondary rate limit on GET /repos/{owner}/{repo}/git/ref/{ref}; retrying in 1 s.',
  );
  expect(sweeps.broken?.code).toBe(1);
  expect(sweeps.broken?.stdout).toContain('::error::');
  expect(fake.repository('api').pulls.map((pull) => [pull.number, pull.head, pull.state])).toEqual([
    [1, 'cookie-hardener/remediation', 'open'],
  ]);
  expect(fake.repository('web').pulls).toHaveLength(1);
  expect(fake.repository('broken').pulls).toEqual([]);
  expect(fake.repository('clean').pulls).toEqual([]);
  expect(await fake.repository('api').readFile('cookie-hardener/remediation', 'routes/login.js')).toContain(
    "res.cookie('token', req.token, { httpOnly: true, secure: true });",
  );

  const apiResult = JSON.parse(readFileSync(join(workspace, '.sweep/results/api.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(apiResult).toMatchObject({
    schema: 1,
    repository: 'acme/api',
    commit: await fake.repository('api').branchSha('main'),
    toolVersion: '0.1.0',
    mode: 'pr',
    status: 'swept',
    findings: { total: 1, bySeverity: { high: 1, medium: 0, low: 0 }, byFramework: { express: 1 } },
    fixed: 1,
    pullRequest: {
      number: 1,
      url: 'https://github.com/acme/api/pull/1',
      operation: 'created',
      state: 'open',
    },
    error: null,
  });
  const brokenResult = JSON.parse(readFileSync(join(workspace, '.sweep/results/broken.json'), 'utf8')) as {
    status: string;
    error: string;
  };
  expect(brokenResult.status).toBe('failed');
  expect(brokenResult.error).toContain('Resource not accessible by integration');

  const first = await aggregate(fake, workspace);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.outputs).toMatchObject({ failed: '1', findings: '3', 'tracking-issue-number': '1' });
  expect(first.summary).toContain(
    '**4 repositories**: 3 swept, 0 unchanged since their last sweep (skipped), 1 failed.',
  );
  expect(first.summary).toContain(
    '2 repositories left out by the filters (1 a fork, 1 archived (read-only)).',
  );
  expect(first.summary).toContain('| high | 3 |');
  expect(first.summary).toContain('| express | 2 |');
  expect(first.summary).toContain('| tornado | 1 |');
  // The failure is listed with the action's own explanation, escaped for the table.
  expect(first.summary).toContain(
    '| [acme/broken](https://github.com/acme/broken) | The token cannot create the fixed tree and commit (HTTP 403 "Resource not accessible by integration"): it is read-only. Give the job \\`permissions: { contents: write, pull-requests: write }\\` (for a GitHub App token, give the App Contents and Pull requests read and write access). Pull requests from forks always get a read-only token; use \\`mode: report\\` there. |',
  );
  expect(first.summary).toContain(
    '| [acme/api](https://github.com/acme/api) | swept | `' +
      (await fake.repository('api').branchSha('main'))!.slice(0, 7) +
      '` | 1 | 0 | 0 | express 1 | [#1](https://github.com/acme/api/pull/1) open |',
  );
  const csv = readFileSync(join(workspace, '.sweep/dashboard/dashboard.csv'), 'utf8').split('\r\n');
  expect(csv[0]).toBe(
    'repository,status,commit,tool_version,findings,high,medium,low,frameworks,fixed,pull_request_number,pull_request_url,pull_request_state,error',
  );
  expect(csv[1]).toBe(
    `acme/api,swept,${await fake.repository('api').branchSha('main')},0.1.0,1,1,0,0,express:1,1,1,https://github.com/acme/api/pull/1,open,`,
  );
  expect(csv[3]).toBe(
    `acme/clean,swept,${await fake.repository('clean').branchSha('main')},0.1.0,0,0,0,0,,0,,,,`,
  );
  // The job summary is the dashboard file plus the line end the summary writer adds.
  expect(`${readFileSync(join(workspace, '.sweep/dashboard/dashboard.md'), 'utf8')}\n`).toBe(first.summary);
  expect(fake.issues).toHaveLength(1);
  const issue = fake.issues[0]!;
  expect(issue).toMatchObject({ number: 1, title: TITLE, state: 'open' });
  expect(issue.body?.startsWith('<!-- cookie-hardener:org-sweep -->\n# Cookie flags across acme')).toBe(true);
  expect(issue.body).toContain('[this run](https://github.com/acme/security-central/actions/runs/77)');

  // ---- second run: clean gets a new commit; api and web are unchanged (only their remediation branches moved) ----
  const cleanHead = await fake.repository('clean').pushBranch('main', { 'docs.md': 'more\n' });
  // The earlier jobs spent the installation's hourly budget: the plan waits for its reset instead of failing.
  fake.failNext({
    ...faults.primaryRateLimit(new Date(Date.now() + 1000)),
    path: '/installation/repositories',
  });
  const replanned = await plan(fake, workspace);
  expect(replanned.code).toBe(0);
  expect(replanned.stdout).toMatch(
    /::warning::GitHub rate limit reached on GET http:\/\/127\.0\.0\.1:\d+\/installation\/repositories\?per_page=100; retrying in \d+ s\./,
  );
  expect(matrixOf(replanned).map((entry) => entry.repository)).toEqual(['acme/broken', 'acme/clean']);
  expect(replanned.outputs).toMatchObject({ count: '2', skipped: '2', 'max-parallel': '2' });
  // Pushes moved pushed_at of api and web (their remediation branches) and of clean, so each cost one
  // default-branch lookup; broken's last sweep failed, so it is due without one.
  expect(replanned.stdout).toContain('(3 default-branch lookups)');
  rmSync(join(workspace, '.sweep/results'), { recursive: true });
  mkdirSync(join(workspace, '.sweep/results'));
  const requestsBefore = fake.requests.length;
  for (const entry of matrixOf(replanned)) await sweep(fake, workspace, entry);
  expect(
    fake.requests.slice(requestsBefore).some((entry) => /^\/repos\/acme\/(api|web)\//.test(entry.path)),
  ).toBe(false);
  const second = await aggregate(fake, workspace);
  expect(second.code).toBe(0);
  expect(second.summary).toContain(
    '**4 repositories**: 1 swept, 2 unchanged since their last sweep (skipped), 1 failed.',
  );
  expect(second.summary).toContain(
    `| [acme/clean](https://github.com/acme/clean) | swept | \`${cleanHead.slice(0, 7)}\` |`,
  );
  expect(second.summary).toContain('| [acme/api](https://github.com/acme/api) | unchanged |');
  // One issue, edited in place.
  expect(fake.issues).toHaveLength(1);
  expect(fake.issues[0]?.body).toContain('1 swept, 2 unchanged since their last sweep (skipped), 1 failed');
  expect(
    fake.requests.filter(
      (entry) => entry.method === 'POST' && entry.path === '/repos/acme/security-central/issues',
    ),
  ).toHaveLength(1);
  expect(
    fake.requests.filter(
      (entry) => entry.method === 'PATCH' && entry.path === '/repos/acme/security-central/issues/1',
    ),
  ).toHaveLength(1);

  // ---- third run: nothing pushed anywhere; only broken, which failed, is swept again, with no lookups ----
  const third = await plan(fake, workspace);
  expect(matrixOf(third).map((entry) => entry.repository)).toEqual(['acme/broken']);
  expect(third.stdout).toContain('(0 default-branch lookups)');

  expect(fake.schemaViolations).toEqual([]);
  expect(fake.responseViolations).toEqual([]);
  expect(fake.unhandledRequests).toEqual([]);
}, 180_000);
