// The scheduled sweep end to end: dist/index.js against the fake GitHub, read back with git itself.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../fake-github/api.js';
import type { FakeUser } from '../fake-github/records.js';
import { faults, OCTOCAT, startFakeGitHub } from '../fake-github/server.js';
import { EXPRESS_ROUTE, SEED_REPOSITORY, SEED_SETTINGS } from './fixtures.js';
import { makeWorkspace, runAction, writeFiles, writesOf } from './harness.js';

const BRANCH = 'cookie-hardener/remediation';
let fake: FakeGitHub | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function seedRepository(files: Record<string, string> = SEED_REPOSITORY) {
  fake = await startFakeGitHub({ files });
  return { fake, workspace: makeWorkspace(files) };
}

describe('mode: pr (scheduled sweep)', () => {
  it('opens one PR whose only change is the added "httponly": True, and a second run leaves everything as it was', async () => {
    const { fake, workspace } = await seedRepository();
    const first = await runAction(fake, { workspace });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({
      findings: '1',
      fixed: '1',
      'pull-request-number': '1',
      'pull-request-operation': 'created',
      'pull-request-url': 'https://github.com/acme/webapp/pull/1',
    });
    const diff = await fake.git(['diff', 'main', BRANCH]);
    expect(diff.replace(/^index \w+\.\.\w+ 100644$/m, 'index …')).toBe(
      [
        'diff --git a/config/settings.py b/config/settings.py',
        'index …',
        '--- a/config/settings.py',
        '+++ b/config/settings.py',
        '@@ -4,4 +4,5 @@ COOKIE_SECRET = os.environ.get("COOKIE_SECRET", "")',
        ' ',
        ' cookie_settings = {',
        '     "secure": True,',
        '+    "httponly": True,',
        ' }',
        '',
      ].join('\n'),
    );
    // Committed through the Git Data API with no author override, so GitHub marks it Verified.
    const commitRequest = fake.requests.find(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/git/commits'),
    );
    expect(commitRequest?.body).toEqual({
      message:
        'Harden cookie flags (HttpOnly / Secure)\n\nAdds the missing HttpOnly / Secure cookie flags in 1 file; the pull request explains each change.\n\nGenerated-by: cookie-hardener',
      tree: expect.any(String),
      parents: [await fake.branchSha('main')],
    });
    const pull = fake.pulls[0]!;
    expect(pull).toMatchObject({
      title: 'Harden cookie flags (HttpOnly / Secure)',
      head: BRANCH,
      base: 'main',
      state: 'open',
    });
    expect(pull.body).toContain(
      '| high | `user` | [`config/settings.py:5`](https://github.com/acme/webapp/blob/HEAD/config/settings.py#L5) | sets HttpOnly | HttpOnly not set; E1 |',
    );
    // The dict is checked where it is splatted: that call is where the cookie is set.
    expect(pull.body).toContain(
      '- [ ] In `app/handlers.py`: `curl -sI https://HOST/PATH` shows `user=…; HttpOnly`',
    );
    expect(pull.body).toContain('- **Changed:** HttpOnly on 1 cookie, in 1 file (Tornado);');
    expect(first.summary).toContain('## Cookie flag analysis');
    expect(first.stdout).toContain(
      '::error title=cookie-hardener tornado-set-cookie (user),file=config/settings.py,line=5,col=19::',
    );

    const before = fake.requests.length;
    const second = await runAction(fake, { workspace });
    expect(second.code).toBe(0);
    expect(second.outputs['pull-request-operation']).toBe('none');
    expect(second.outputs['pull-request-number']).toBe('1');
    expect(writesOf(fake, before)).toEqual([]);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.schemaViolations).toEqual([]);
  }, 60_000);

  it('updates the PR when a new finding appears', async () => {
    const { fake, workspace } = await seedRepository();
    expect((await runAction(fake, { workspace })).outputs['pull-request-operation']).toBe('created');
    const added = { 'app/routes.js': EXPRESS_ROUTE };
    await fake.pushBranch('main', added, { message: 'Add a login route' });
    writeFiles(workspace, added);
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('updated');
    expect(fake.pulls).toHaveLength(1);
    expect(await fake.readFile(BRANCH, 'app/routes.js')).toBe(
      EXPRESS_ROUTE.replace(
        "res.cookie('token', req.token);",
        "res.cookie('token', req.token, { httpOnly: true, secure: true });",
      ),
    );
    expect(await fake.readFile(BRANCH, 'config/settings.py')).toContain('"httponly": True');
    expect(fake.pulls[0]!.body).toContain('`app/routes.js:5`');
    const commits = await fake.git(['rev-list', '--count', `main..${BRANCH}`]);
    expect(commits.trim()).toBe('1');
  }, 60_000);

  it('closes the PR and deletes the branch once the base contains every fix', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const fixed = {
      'config/settings.py': SEED_SETTINGS.replace(
        '"secure": True,',
        '"secure": True,\n    "httponly": True,',
      ),
    };
    await fake.pushBranch('main', fixed, { message: 'Fix cookies by hand' });
    writeFiles(workspace, fixed);
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('closed');
    expect(fake.pulls[0]!.state).toBe('closed');
    expect(await fake.branchSha(BRANCH)).toBeNull();
    expect(fake.issueComments.map((comment) => comment.body)).toEqual([
      'main now contains every cookie fix this pull request proposed (or the findings are gone), so it is no longer needed. Closing it and deleting `cookie-hardener/remediation`.\n\n<!-- cookie-hardener:closed-as-done -->',
    ]);
  }, 60_000);

  it('leaves the PR alone when the base moved on since the checkout, and does not treat it as declined', async () => {
    const { fake, workspace } = await seedRepository();
    expect((await runAction(fake, { workspace })).outputs['pull-request-operation']).toBe('created');
    // Someone pushes an unrelated edit to the fixed file on main while the workspace is still the old checkout.
    await fake.pushBranch('main', { 'config/settings.py': `${SEED_SETTINGS}\nDEBUG = False\n` });
    const stale = await runAction(fake, { workspace, inputs: { 'fail-on': 'weak' } });
    expect(stale.code).toBe(1);
    expect(stale.outputs['pull-request-operation']).toBe('none');
    expect(stale.stdout).toContain(
      'main moved on since this checkout; the pull request is left as it is until the next run.',
    );
    expect(fake.pulls.map((pull) => pull.state)).toEqual(['open']);
    // The next run, on a fresh checkout, updates the same pull request.
    writeFiles(workspace, { 'config/settings.py': `${SEED_SETTINGS}\nDEBUG = False\n` });
    const fresh = await runAction(fake, { workspace });
    expect(fresh.outputs['pull-request-operation']).toBe('updated');
    expect(fake.pulls).toHaveLength(1);
  }, 60_000);

  it('opens a new PR when fixes the tool closed as done are reverted', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const fixed = {
      'config/settings.py': SEED_SETTINGS.replace(
        '"secure": True,',
        '"secure": True,\n    "httponly": True,',
      ),
    };
    await fake.pushBranch('main', fixed);
    writeFiles(workspace, fixed);
    expect((await runAction(fake, { workspace })).outputs['pull-request-operation']).toBe('closed');
    await fake.pushBranch('main', { 'config/settings.py': SEED_SETTINGS });
    writeFiles(workspace, { 'config/settings.py': SEED_SETTINGS });
    const reverted = await runAction(fake, { workspace });
    expect(reverted.outputs['pull-request-operation']).toBe('created');
    expect(fake.pulls.map((pull) => [pull.number, pull.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  }, 60_000);

  it('does not reopen a PR closed without merging until the findings change', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    await closePull(fake, 1);
    const again = await runAction(fake, { workspace });
    expect(again.code).toBe(0);
    expect(again.outputs['pull-request-operation']).toBe('none');
    expect(again.stdout).toContain(
      '#1 proposed these same fixes and was closed without merging, so it is not reopened.',
    );
    expect(fake.pulls).toHaveLength(1);

    const added = { 'app/routes.js': EXPRESS_ROUTE };
    await fake.pushBranch('main', added);
    writeFiles(workspace, added);
    const changed = await runAction(fake, { workspace });
    expect(changed.outputs['pull-request-operation']).toBe('created');
    expect(fake.pulls.map((pull) => [pull.number, pull.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  }, 60_000);

  it('leaves a branch with a human commit alone and says why, once', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    await fake.addCommitOnBranch(BRANCH, { 'NOTES.md': 'reviewed\n' }, undefined, 'Reviewer notes');
    const head = await fake.branchSha(BRANCH);
    const added = { 'app/routes.js': EXPRESS_ROUTE };
    await fake.pushBranch('main', added);
    writeFiles(workspace, added);
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('none');
    expect(await fake.branchSha(BRANCH)).toBe(head);
    expect(run.stdout).toMatch(
      /::warning::`cookie-hardener\/remediation` has 1 commit\(s\) that cookie-hardener did not make/,
    );
    await runAction(fake, { workspace });
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]!.body).toMatch(
      /^`cookie-hardener\/remediation` has 1 commit\(s\) that cookie-hardener did not make/,
    );
  }, 60_000);

  it('explains the "not permitted to create pull requests" setting, pushes the branch and prints the compare link', async () => {
    const { fake, workspace } = await seedRepository();
    fake.allowActionsToCreatePullRequests = false;
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Turn on Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"',
    );
    expect(run.stdout).toContain(
      'https://github.com/acme/webapp/compare/main...cookie-hardener/remediation?expand=1',
    );
    expect(await fake.readFile(BRANCH, 'config/settings.py')).toContain('"httponly": True');
    expect(fake.pulls).toEqual([]);
  }, 60_000);

  it('explains a read-only token', async () => {
    const { fake, workspace } = await seedRepository();
    fake.readOnly = true;
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::The token cannot create the fixed tree and commit (HTTP 403 "Resource not accessible by integration"): it is read-only. Give the job `permissions: { contents: write, pull-requests: write }` (for a GitHub App token, give the App Contents and Pull requests read and write access).',
    );
    expect(fake.pulls).toEqual([]);
  }, 60_000);

  it('survives transient 5xx and a secondary rate limit with exactly one PR', async () => {
    const { fake, workspace } = await seedRepository();
    fake.failNext({ method: 'POST', path: '/repos/{owner}/{repo}/pulls', ...faults.serverError(502) });
    fake.failNext({
      method: 'POST',
      path: '/repos/{owner}/{repo}/git/trees',
      ...faults.secondaryRateLimit({ retryAfter: 1 }),
    });
    fake.failNext({ method: 'GET', path: '/repos/{owner}/{repo}', ...faults.serverError(503), times: 2 });
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(fake.pulls).toHaveLength(1);
    expect(fake.issueComments).toEqual([]);
    expect(fake.requests.filter((entry) => entry.injected).length).toBe(4);
  }, 90_000);
});

describe('mode: pr never loses anyone’s work', () => {
  const FIXED_SETTINGS = SEED_SETTINGS.replace('"secure": True,', '"secure": True,\n    "httponly": True,');
  const BOT_MESSAGE =
    'Harden cookie flags (HttpOnly / Secure)\n\nAdds the missing HttpOnly / Secure cookie flags in 1 file; the pull request explains each change.\n\nGenerated-by: cookie-hardener';

  /** main gains a second weak cookie, so the next sweep wants to rewrite the branch. */
  async function addFinding(fake: FakeGitHub, workspace: string) {
    const added = { 'app/routes.js': EXPRESS_ROUTE };
    await fake.pushBranch('main', added, { message: 'Add a login route' });
    writeFiles(workspace, added);
  }

  // Issue 10, item 1.
  it('closes the PR when main holds every fix but keeps a branch with a person’s commit, and says why', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const human = await fake.addCommitOnBranch(
      BRANCH,
      { 'NOTES.md': 'reviewed\n' },
      OCTOCAT,
      'Reviewer notes',
    );
    await fake.pushBranch(
      'main',
      { 'config/settings.py': FIXED_SETTINGS },
      { message: 'Fix cookies by hand' },
    );
    writeFiles(workspace, { 'config/settings.py': FIXED_SETTINGS });
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('closed');
    expect(fake.pulls[0]!.state).toBe('closed');
    expect(await fake.branchSha(BRANCH)).toBe(human);
    expect(fake.deletedRefs).toEqual([]);
    expect(fake.issueComments.map((comment) => comment.body)).toEqual([
      `main now contains every cookie fix this pull request proposed (or the findings are gone), so it is no longer needed. Closing it, but \`${BRANCH}\` is kept because it holds 1 commit(s) that cookie-hardener did not make (${human.slice(0, 7)}): delete it once that work is no longer needed.\n\n<!-- cookie-hardener:closed-as-done -->`,
    ]);
  }, 60_000);

  // Item 2.
  it('leaves a reviewer’s amended commit (same message and trailer, another author) alone', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const amended = await fake.pushBranch(
      BRANCH,
      { 'config/settings.py': FIXED_SETTINGS.replace('"httponly": True,', '"httponly": True,  # reviewed') },
      { from: 'main', message: BOT_MESSAGE, author: OCTOCAT },
    );
    await addFinding(fake, workspace);
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('none');
    expect(await fake.branchSha(BRANCH)).toBe(amended);
    expect(fake.issueComments.map((comment) => comment.body)).toEqual([
      `\`${BRANCH}\` has 1 commit(s) that cookie-hardener did not make (${amended.slice(0, 7)}), so it is left as it is: updating it would overwrite that work. Merge or close the pull request, or delete the branch, and the next run starts afresh.\n\n<!-- cookie-hardener:human-commits ${amended} -->`,
    ]);
  }, 60_000);

  // Item 3: a push inside the window between the sweep's check and its ref update.
  it('does not overwrite a push that lands between the check and the ref update', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const bot = (await fake.branchSha(BRANCH))!;
    await addFinding(fake, workspace);
    let human = '';
    fake.raceBefore({ method: 'POST', path: '/repos/{owner}/{repo}/git/commits' }, async (repo) => {
      human = await repo.addCommitOnBranch(BRANCH, { 'NOTES.md': 'mine\n' }, OCTOCAT, 'Reviewer notes');
    });
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(human).toMatch(/^[0-9a-f]{40}$/);
    expect(await fake.branchSha(BRANCH)).toBe(human);
    expect(await fake.readFile(BRANCH, 'NOTES.md')).toBe('mine\n');
    expect(run.stdout).toContain(`\`${BRANCH}\` moved while this run was writing; reading it again.`);
    expect(fake.issueComments.map((comment) => comment.body)).toEqual([humanCommitsComment(human)]);
    const swaps = fake.requests.filter((entry) => JSON.stringify(entry.body ?? '').includes('updateRefs'));
    expect(swaps.map((entry) => [entry.status, refUpdatesOf(entry.body)])).toEqual([
      [
        200,
        [
          {
            name: `refs/heads/${BRANCH}`,
            beforeOid: bot,
            afterOid: expect.stringMatching(/^[0-9a-f]{40}$/),
            force: true,
          },
        ],
      ],
    ]);
    expect(fake.unhandledRequests).toEqual([]);
  }, 60_000);

  // Item 3 where GitHub has no updateRefs (older Enterprise Server): REST, holding the branch on an empty commit
  // (a fast-forward) before the one forced update, so a person's ordinary push is refused rather than overwritten.
  it('without updateRefs, moves its own branch through REST by way of an empty holding commit', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const bot = (await fake.branchSha(BRANCH))!;
    const botTree = (await fake.git(['rev-parse', `${bot}^{tree}`])).trim();
    fake.withoutUpdateRefs = true;
    await addFinding(fake, workspace);
    const before = fake.requests.length;
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('updated');
    const rebuilt = (await fake.branchSha(BRANCH))!;
    const hold = refWrites(fake, before)[0]![1].sha;
    expect(writesOf(fake, before)).toEqual([
      'POST /repos/acme/webapp/git/trees',
      'POST /repos/acme/webapp/git/commits',
      'POST /repos/acme/webapp/git/commits',
      `PATCH /repos/acme/webapp/git/refs/heads/${BRANCH}`,
      `PATCH /repos/acme/webapp/git/refs/heads/${BRANCH}`,
      'PATCH /repos/acme/webapp/pulls/1',
    ]);
    expect(refWrites(fake, before)).toEqual([
      [200, { sha: hold, force: false }],
      [200, { sha: rebuilt, force: true }],
    ]);
    expect((await fake.git(['show', '-s', '--format=%P %T %s', hold])).trim()).toBe(
      `${bot} ${botTree} cookie-hardener: hold the branch while it is replaced`,
    );
    expect((await fake.git(['rev-list', `main..${BRANCH}`])).trim()).toBe(rebuilt);
    expect(await fake.readFile(BRANCH, 'app/routes.js')).toBe(
      EXPRESS_ROUTE.replace(
        "res.cookie('token', req.token);",
        "res.cookie('token', req.token, { httpOnly: true, secure: true });",
      ),
    );
  }, 60_000);

  it('without updateRefs, still sees a push that lands before its re-read', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    fake.withoutUpdateRefs = true;
    await addFinding(fake, workspace);
    let human = '';
    fake.raceBefore({ method: 'POST', path: '/graphql', body: /updateRefs/ }, async (repo) => {
      human = await repo.addCommitOnBranch(BRANCH, { 'NOTES.md': 'mine\n' }, OCTOCAT, 'Reviewer notes');
    });
    const before = fake.requests.length;
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(await fake.branchSha(BRANCH)).toBe(human);
    expect(writesOf(fake, before)).toEqual([
      'POST /repos/acme/webapp/git/trees',
      'POST /repos/acme/webapp/git/commits',
      'POST /repos/acme/webapp/issues/1/comments',
    ]);
    expect(fake.issueComments.map((comment) => comment.body)).toEqual([humanCommitsComment(human)]);
  }, 60_000);

  it('without updateRefs, a push landing after the re-read makes GitHub refuse the holding step: nothing is overwritten', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const bot = (await fake.branchSha(BRANCH))!;
    fake.withoutUpdateRefs = true;
    await addFinding(fake, workspace);
    let human = '';
    fake.raceBefore(
      { method: 'PATCH', path: `/repos/acme/webapp/git/refs/heads/${BRANCH}` },
      async (repo) => {
        human = await repo.addCommitOnBranch(BRANCH, { 'NOTES.md': 'mine\n' }, OCTOCAT, 'Reviewer notes');
      },
    );
    const before = fake.requests.length;
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('none');
    expect(await fake.branchSha(BRANCH)).toBe(human);
    expect((await fake.git(['rev-parse', `${human}^`])).trim()).toBe(bot);
    const hold = refWrites(fake, before)[0]![1].sha;
    expect(refWrites(fake, before)).toEqual([[422, { sha: hold, force: false }]]);
    expect(writesOf(fake, before)).toEqual([
      'POST /repos/acme/webapp/git/trees',
      'POST /repos/acme/webapp/git/commits',
      'POST /repos/acme/webapp/git/commits',
      `PATCH /repos/acme/webapp/git/refs/heads/${BRANCH}`,
      'POST /repos/acme/webapp/issues/1/comments',
    ]);
    expect(run.stdout).toContain(`\`${BRANCH}\` moved while this run was writing; reading it again.`);
    expect(fake.issueComments.map((comment) => comment.body)).toEqual([humanCommitsComment(human)]);
  }, 60_000);

  // Item 4.
  it('only reports on a push to another branch, even when that branch has the fixes main lacks', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    // The feature branch has the fix; main on GitHub does not.
    checkoutBranch(workspace, 'feature');
    writeFiles(workspace, { 'config/settings.py': FIXED_SETTINGS });
    const before = fake.requests.length;
    const run = await runAction(fake, {
      workspace,
      event: 'push',
      env: { GITHUB_REF: 'refs/heads/feature' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('none');
    expect(fake.pulls.map((pull) => pull.state)).toEqual(['open']);
    expect(writesOf(fake, before)).toEqual([]);
    expect(run.stdout).toContain(
      "::notice::This run's checkout is `feature`, not the pull request's base `main`, so it only reports: the remediation pull request follows runs on main.",
    );
  }, 60_000);

  // Item 5.
  it('keeps a person’s edit of the body while the findings are unchanged', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    const edited = fake.pulls[0]!.body!.replace(
      /(<!-- cookie-hardener:notes -->\n)[^\n]*/,
      '$1Deploy together with the proxy change.',
    );
    await editPull(fake, 1, {
      body: `Reviewed by the platform team.\n\n${edited}`,
      title: 'Cookie flags (reviewed)',
    });
    const before = fake.requests.length;
    await runAction(fake, { workspace });
    expect(writesOf(fake, before)).toEqual([]);
    expect(fake.pulls[0]!.title).toBe('Cookie flags (reviewed)');
    expect(fake.pulls[0]!.body).toBe(`Reviewed by the platform team.\n\n${edited}`);

    await addFinding(fake, workspace);
    const changed = await runAction(fake, { workspace });
    expect(changed.outputs['pull-request-operation']).toBe('updated');
    expect(fake.pulls[0]!.title).toBe('Harden cookie flags (HttpOnly / Secure)');
    expect(fake.pulls[0]!.body).toContain(
      '### Notes\n\n<!-- cookie-hardener:notes -->\nDeploy together with the proxy change.\n<!-- cookie-hardener:notes-end -->',
    );
    expect(fake.pulls[0]!.body).not.toContain('Reviewed by the platform team.');
  }, 90_000);

  // Item 6.
  it('does not reopen a declined PR because an outsider pasted the "closed as done" marker', async () => {
    const { fake, workspace } = await seedRepository();
    await runAction(fake, { workspace });
    await editPull(fake, 1, { state: 'closed' });
    await fake.addIssueComment(1, 'Closing was a mistake\n\n<!-- cookie-hardener:closed-as-done -->', {
      ...OCTOCAT,
      login: 'mallory',
      id: 666,
      email: 'mallory@example.com',
      association: 'NONE',
    });
    const before = fake.requests.length;
    const run = await runAction(fake, { workspace });
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('none');
    expect(fake.pulls).toHaveLength(1);
    // The token's identity is learned once per run, through GraphQL's viewer.
    const viewer = fake.requests
      .slice(before)
      .filter((entry) => JSON.stringify(entry.body ?? '').includes('viewer'));
    expect(viewer).toHaveLength(1);
  }, 60_000);

  // Item 11: two sweeps at once; the other one creates the branch first.
  it('adopts the branch a concurrent sweep created instead of failing on "Reference already exists"', async () => {
    const { fake, workspace } = await seedRepository();
    fake.raceBefore({ method: 'POST', path: '/repos/{owner}/{repo}/git/refs' }, async (repo) => {
      const main = (await repo.branchSha('main'))!;
      await repo.setBranch(
        BRANCH,
        await repo.commitAsToken(main, { 'config/settings.py': FIXED_SETTINGS }, BOT_MESSAGE),
      );
    });
    const run = await runAction(fake, { workspace });
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(fake.pulls).toHaveLength(1);
    expect(
      fake.requests
        .filter((entry) => entry.operation === 'POST /repos/{owner}/{repo}/git/refs')
        .map((entry) => entry.status),
    ).toEqual([422]);
    expect(await fake.readFile(BRANCH, 'config/settings.py')).toBe(FIXED_SETTINGS);
  }, 60_000);

  it('two sweeps started together leave one PR and both succeed', async () => {
    const { fake, workspace } = await seedRepository();
    const runs = await Promise.all([runAction(fake, { workspace }), runAction(fake, { workspace })]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    expect(fake.pulls).toHaveLength(1);
    expect(runs.map((run) => run.outputs['pull-request-number'])).toEqual(['1', '1']);
  }, 90_000);
});

describe('mode: report', () => {
  it('annotates, writes SARIF and the job summary, and gates on fail-on', async () => {
    const { fake, workspace } = await seedRepository({
      'README.md': '# x\n',
      'app/routes.js': EXPRESS_ROUTE,
    });
    const run = await runAction(fake, {
      workspace,
      event: 'pull_request',
      inputs: { mode: 'report', 'sarif-file': 'results/cookies.sarif', 'fail-on': 'weak' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error title=cookie-hardener express-res-cookie (token),file=app/routes.js,line=5,col=3::Cookie "token" (res.cookie()): HttpOnly is not set; Secure is not set. Fix: httpOnly: true, secure: true.',
    );
    expect(run.stdout).toContain('::error::1 cookie finding leaves a cookie weak (fail-on: weak).');
    expect(run.outputs).toMatchObject({ findings: '1', fixed: '0', 'pull-request-operation': 'none' });
    const sarif = JSON.parse(readFileSync(join(workspace, 'results/cookies.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{
        results: Array<Record<string, unknown>>;
        tool: { driver: { rules: Array<{ id: string; properties: Record<string, unknown> }> } };
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toEqual(['express-res-cookie']);
    expect(sarif.runs[0]!.tool.driver.rules[0]!.properties.tags).toEqual([
      'security',
      'external/cwe/cwe-1004',
      'external/cwe/cwe-614',
      'express',
    ]);
    expect(sarif.runs[0]!.results[0]).toMatchObject({
      ruleId: 'express-res-cookie',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'app/routes.js', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 3 },
          },
        },
      ],
      partialFingerprints: { 'cookieHardener/v1': expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
    expect(run.summary).toContain('| [`app/routes.js:5`]');
    expect(writesOf(fake)).toEqual([]);
  }, 60_000);

  it('fails with every bad input named', async () => {
    const { fake, workspace } = await seedRepository();
    const run = await runAction(fake, { workspace, inputs: { mode: 'sweep', 'fail-on': 'sometimes' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::input `mode` must be one of auto, pr, review, report, verify, plan, aggregate (got "sweep"); input `fail-on` must be one of none, weak, any (got "sometimes")',
    );
  }, 60_000);
});

async function closePull(fake: FakeGitHub, number: number): Promise<void> {
  await editPull(fake, number, { state: 'closed' });
}

/** `git checkout -b` in the workspace, as actions/checkout leaves a push to that branch. */
function checkoutBranch(workspace: string, branch: string): void {
  execFileSync('git', ['checkout', '-q', '-b', branch], { cwd: workspace, stdio: 'ignore' });
}

/** A person editing the pull request on github.com. */
async function editPull(fake: FakeGitHub, number: number, fields: Record<string, string>): Promise<void> {
  const response = await fetch(`${fake.url}/repos/acme/webapp/pulls/${number}`, {
    method: 'PATCH',
    headers: { authorization: 'token x', 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  expect(response.status).toBe(200);
}

/** The comment a run leaves once on a branch that holds a person's commit. */
function humanCommitsComment(head: string): string {
  return `\`${BRANCH}\` has 1 commit(s) that cookie-hardener did not make (${head.slice(0, 7)}), so it is left as it is: updating it would overwrite that work. Merge or close the pull request, or delete the branch, and the next run starts afresh.\n\n<!-- cookie-hardener:human-commits ${head} -->`;
}

/** The ref updates of the updateRefs mutation in a GraphQL request body. */
function refUpdatesOf(body: unknown): unknown {
  return (body as { variables?: { input?: { refUpdates?: unknown } } }).variables?.input?.refUpdates;
}

/** REST updates of the remediation branch since request `since`: GitHub's answer status and the body sent. */
function refWrites(fake: FakeGitHub, since: number): Array<[number, { sha: string; force: boolean }]> {
  return fake.requests
    .slice(since)
    .filter((entry) => entry.operation === 'PATCH /repos/{owner}/{repo}/git/refs/{ref}')
    .map((entry) => [entry.status, entry.body as { sha: string; force: boolean }]);
}

describe('mode: pr, the pull request inputs', () => {
  it('hands a new PR to its reviewers and assignees once, warns about the accounts GitHub refuses, and later only retitles', async () => {
    const alice: FakeUser = {
      login: 'alice',
      id: 1_001,
      type: 'User',
      name: 'Alice',
      email: 'alice@example.com',
      association: 'COLLABORATOR',
    };
    fake = await startFakeGitHub({
      files: SEED_REPOSITORY,
      collaborators: [OCTOCAT, alice],
      teams: ['security'],
    });
    const workspace = makeWorkspace(SEED_REPOSITORY);
    const inputs = {
      'commit-message': 'fix(security):',
      reviewers: '@alice, mallory',
      'team-reviewers': 'acme/security',
      assignees: 'alice\nmallory',
    };
    const first = await runAction(fake, { workspace, inputs });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs['pull-request-operation']).toBe('created');
    const asked = fake.requests.filter((entry) => entry.path.endsWith('/requested_reviewers'));
    expect(asked.map((entry) => [entry.path, entry.body, entry.status])).toEqual([
      [
        '/repos/acme/webapp/pulls/1/requested_reviewers',
        { reviewers: ['alice', 'mallory'], team_reviewers: ['security'] },
        422,
      ],
      ['/repos/acme/webapp/pulls/1/requested_reviewers', { reviewers: ['alice'] }, 201],
      ['/repos/acme/webapp/pulls/1/requested_reviewers', { reviewers: ['mallory'] }, 422],
      ['/repos/acme/webapp/pulls/1/requested_reviewers', { team_reviewers: ['security'] }, 201],
    ]);
    const assigned = fake.requests.filter((entry) => entry.path.endsWith('/assignees'));
    expect(assigned.map((entry) => [entry.path, entry.body, entry.status])).toEqual([
      ['/repos/acme/webapp/issues/1/assignees', { assignees: ['alice', 'mallory'] }, 201],
    ]);
    expect(fake.pulls[0]!.requestedReviewers.map((user) => user.login)).toEqual(['alice']);
    expect(fake.pulls[0]!.requestedTeams.map((team) => team.slug)).toEqual(['security']);
    expect(fake.pulls[0]!.assignees.map((user) => user.login)).toEqual(['alice']);
    expect(first.stdout).toContain(
      '::warning::Could not ask @mallory to review #1. GitHub answered: "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/webapp repository." The pull request is open without that review request.\n',
    );
    expect(first.stdout).toContain(
      '::warning::GitHub did not assign #1 to @mallory: it assigns only accounts with access to the repository and drops others without an error.\n',
    );
    const commit = fake.requests.find(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/git/commits'),
    );
    expect((commit?.body as { message: string }).message).toBe(
      'fix(security): harden cookie flags (HttpOnly / Secure)\n\nAdds the missing HttpOnly / Secure cookie flags in 1 file; the pull request explains each change.\n\nGenerated-by: cookie-hardener',
    );
    expect(fake.schemaViolations).toEqual([]);

    // A reviewer removed by a maintainer stays removed: later runs neither re-ask nor re-assign.
    fake.pulls[0]!.requestedReviewers.length = 0;
    const before = fake.requests.length;
    const retitled = await runAction(fake, {
      workspace,
      inputs: { ...inputs, title: 'fix(security): cookie flags' },
    });
    expect(retitled.code).toBe(0);
    expect(retitled.outputs).toMatchObject({
      'pull-request-operation': 'updated',
      'pull-request-number': '1',
    });
    expect(writesOf(fake, before)).toEqual(['PATCH /repos/acme/webapp/pulls/1']);
    expect(fake.requests[fake.requests.length - 1]?.body).toMatchObject({
      title: 'fix(security): cookie flags',
    });
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0]).toMatchObject({ title: 'fix(security): cookie flags', requestedReviewers: [] });
  }, 90_000);
});
