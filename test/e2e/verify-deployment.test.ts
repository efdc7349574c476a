// The deployment flow end to end: a sweep opens the remediation PR; then deployment_status events for its head
// run dist/index.js, which verifies a real HTTP server on loopback (the "deployment"), ticks the description's
// checklist items that passed and keeps one summary comment, edited on the next deployment.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../fake-github/api.js';
import { startFakeGitHub } from '../fake-github/server.js';
import { makeWorkspace, runAction, writesOf } from './harness.js';

const BRANCH = 'cookie-hardener/remediation';

const APP = `const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/login', (req, res) => {
  res.cookie('token', req.body.user, { httpOnly: true });
  res.end();
});

app.get('/', (req, res) => {
  res.cookie('prefs', 'dark', { httpOnly: true });
  res.send('home');
});

module.exports = app;
`;

const SCENARIO = `steps:
  - method: GET
    path: /
  - method: POST
    path: /login
    form:
      user: \${VERIFY_USER}
`;

const REPOSITORY = {
  'README.md': '# shop\n',
  'package.json':
    '{ "name": "shop", "dependencies": { "express": "^5.0.0", "express-session": "^1.18.0" } }\n',
  'src/app.js': APP,
  '.github/cookie-hardener-verify.yml': SCENARIO,
};

let fake: FakeGitHub | null = null;
let server: Server | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

/** The deployment: answers each path with the Set-Cookie headers the test gives it for that path. */
async function deploy(headers: Record<string, string[]>): Promise<{ url: string; set: typeof headers }> {
  const current = { ...headers };
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    response.setHeader('Set-Cookie', current[`${request.method} ${path}`] ?? []);
    response.end('ok');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, set: current };
}

function deploymentStatus(sha: string, state: string, url: string | null) {
  return {
    action: 'created',
    deployment_status: {
      state,
      environment: 'staging',
      ...(url === null ? {} : { environment_url: url }),
      // GitHub copies log_url into target_url: the log is no app to check.
      log_url: 'https://ci.example.com/logs/1',
      target_url: 'https://ci.example.com/logs/1',
    },
    deployment: { sha, ref: BRANCH, environment: 'staging' },
  };
}

const ITEMS = {
  session:
    '- [ ] In `src/app.js`: `curl -sI https://HOST/PATH` shows `connect.sid=…; Secure` <!-- cookie-hardener:check connect.sid=Secure -->',
  token:
    '- [ ] `curl -sI -X POST https://HOST/login` shows `token=…; Secure` <!-- cookie-hardener:check token=Secure -->',
  prefs: '- [ ] `curl -sI https://HOST/` shows `prefs=…; Secure` <!-- cookie-hardener:check prefs=Secure -->',
  devTools:
    '- [ ] DevTools → Application → Cookies on `HOST`, after logging in: Secure is ticked for `connect.sid`, `token` and `prefs`. <!-- cookie-hardener:check connect.sid=Secure token=Secure prefs=Secure -->',
  proxy:
    "- [ ] express-session: behind the production proxy, log in and reload: you stay logged in. If not, the app does not trust `X-Forwarded-Proto`; add `app.set('trust proxy', 1)`.",
};

/** `text` with each line that `changes` names replaced: everything else must be byte-identical. */
function replaceLines(text: string, changes: ReadonlyMap<string, string>): string {
  return text
    .split('\n')
    .map((line) => changes.get(line) ?? line)
    .join('\n');
}

describe('mode: verify (deployment_status)', () => {
  it('ticks exactly the checklist items the deployment passed, and keeps one comment edited in place', async () => {
    fake = await startFakeGitHub({ files: REPOSITORY });
    const sweep = await runAction(fake, { workspace: makeWorkspace(REPOSITORY) });
    expect(sweep.code).toBe(0);
    const pull = fake.pulls[0]!;
    const opened = pull.body!;
    for (const item of Object.values(ITEMS)) expect(opened.split('\n')).toContain(item);
    const head = (await fake.branchSha(BRANCH))!;
    // The deployment's checkout: the remediation branch, scenario file included.
    const files = Object.fromEntries(
      await Promise.all(
        Object.keys(REPOSITORY).map(async (path) => [path, (await fake!.readFile(BRANCH, path))!] as const),
      ),
    );
    expect(files['src/app.js']).toContain(
      "res.cookie('token', req.body.user, { httpOnly: true, secure: true });",
    );
    const workspace = makeWorkspace(files);

    // First deployment: prefs is right, token lacks Secure, the session cookie is never set.
    const deployment = await deploy({
      'GET /': ['prefs=dark; Path=/; HttpOnly; Secure'],
      'POST /login': ['token=alice; Path=/; HttpOnly'],
    });
    const run = (payload: Record<string, unknown>) =>
      runAction(fake!, {
        workspace,
        event: 'deployment_status',
        payload,
        env: { VERIFY_USER: 'alice', GITHUB_SHA: head, GITHUB_REF: '' },
      });
    const since = fake.requests.length;
    const first = await run(deploymentStatus(head, 'success', deployment.url));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Verifying ${deployment.url} (from environment_url), the deployment of #1's head.`,
    );
    expect(writesOf(fake, since)).toEqual([
      'PATCH /repos/acme/webapp/pulls/1',
      'POST /repos/acme/webapp/issues/1/comments',
    ]);
    const stamp = `the deployment of \`${head.slice(0, 7)}\` to \`staging\``;
    expect(pull.body).toBe(
      replaceLines(
        opened,
        new Map([
          [
            ITEMS.session,
            `${ITEMS.session} <!-- cookie-hardener:observed unseen --> ⚪ ${stamp} did not set \`connect.sid\` for the requests verify made (a \`verify-scenario\` step can reach the route). <!-- cookie-hardener:observed-end -->`,
          ],
          [
            ITEMS.token,
            `${ITEMS.token} <!-- cookie-hardener:observed fail --> ❌ ${stamp} sent \`token=…; Path=/; HttpOnly\` (no Secure). <!-- cookie-hardener:observed-end -->`,
          ],
          [
            ITEMS.prefs,
            `${ITEMS.prefs.replace('- [ ]', '- [x]')} <!-- cookie-hardener:observed pass ticked --> ✅ verified on ${stamp}. <!-- cookie-hardener:observed-end -->`,
          ],
          [
            ITEMS.devTools,
            `${ITEMS.devTools} <!-- cookie-hardener:observed fail --> ❌ ${stamp} sent \`token=…; Path=/; HttpOnly\` (no Secure). <!-- cookie-hardener:observed-end -->`,
          ],
        ]),
      ),
    );
    expect(fake.issueComments).toHaveLength(1);
    const comment = fake.issueComments[0]!.body;
    expect(comment.split('\n').slice(0, 8)).toEqual([
      '<!-- cookie-hardener:verify -->',
      '### cookie-hardener verify',
      '',
      `The deployment of \`${head.slice(0, 7)}\` to \`staging\`, checked at \`${deployment.url}\`: **1 of 4** checklist items passed, 2 failed, 1 could not be judged (cookie not set). The items that passed are ticked in the description; a box a person ticked or unticked is left as they set it.`,
      '',
      '- ❌ `token` lacks Secure: the deployment sent `token=…; Path=/; HttpOnly`.',
      '- ⚪ `connect.sid` was not set by the requests verify made (a `verify-scenario` step can reach its route).',
      '- ✅ `prefs` has Secure.',
    ]);
    expect(comment).toContain('<details><summary>Every cookie the deployment set</summary>');
    expect(first.summary).toContain(`# Deployment of #1 (${head.slice(0, 7)})`);

    // A person edits the description and ticks the proxy item by hand; then the same commit is redeployed,
    // now right.
    const edited = `Reviewed by the platform team.\r\n\r\n${pull.body!.replace(ITEMS.proxy, ITEMS.proxy.replace('- [ ]', '- [x]'))}`;
    pull.body = edited;
    deployment.set['GET /'] = ['prefs=dark; Path=/; HttpOnly; Secure'];
    deployment.set['POST /login'] = [
      'token=alice; Path=/; HttpOnly; Secure',
      'connect.sid=s%3Aabc; Path=/; HttpOnly; Secure; SameSite=Lax',
    ];
    const again = fake.requests.length;
    const second = await run(deploymentStatus(head, 'success', deployment.url));
    expect(second.code).toBe(0);
    expect(writesOf(fake, again)).toEqual([
      'PATCH /repos/acme/webapp/pulls/1',
      `PATCH /repos/acme/webapp/issues/comments/${fake.issueComments[0]!.id}`,
    ]);
    const verified = (item: string) =>
      `${item.replace('- [ ]', '- [x]')} <!-- cookie-hardener:observed pass ticked --> ✅ verified on ${stamp}. <!-- cookie-hardener:observed-end -->`;
    expect(pull.body).toBe(
      replaceLines(
        `Reviewed by the platform team.\r\n\r\n${replaceLines(opened, new Map([[ITEMS.proxy, ITEMS.proxy.replace('- [ ]', '- [x]')]]))}`,
        new Map([
          [ITEMS.session, verified(ITEMS.session)],
          [ITEMS.token, verified(ITEMS.token)],
          [ITEMS.prefs, verified(ITEMS.prefs)],
          [ITEMS.devTools, verified(ITEMS.devTools)],
        ]),
      ),
    );
    expect(fake.issueComments).toHaveLength(1);
    expect(fake.issueComments[0]!.body).toContain('**4 of 4** checklist items passed.');

    // The same deployment reported again changes nothing.
    const third = fake.requests.length;
    expect((await run(deploymentStatus(head, 'success', deployment.url))).code).toBe(0);
    expect(writesOf(fake, third)).toEqual([]);
    expect(fake.schemaViolations).toEqual([]);
    expect(fake.responseViolations).toEqual([]);
    expect(fake.unhandledRequests).toEqual([]);
  });

  it('ends with one notice for a deployment that did not succeed or is of another commit', async () => {
    fake = await startFakeGitHub({ files: REPOSITORY });
    expect((await runAction(fake, { workspace: makeWorkspace(REPOSITORY) })).code).toBe(0);
    const head = (await fake.branchSha(BRANCH))!;
    const main = (await fake.branchSha('main'))!;
    const workspace = makeWorkspace(REPOSITORY);
    const since = fake.requests.length;
    const pending = await runAction(fake, {
      workspace,
      event: 'deployment_status',
      payload: deploymentStatus(head, 'in_progress', 'http://127.0.0.1:9/'),
    });
    expect(pending.code).toBe(0);
    expect(pending.stdout).toContain(
      `::notice::Deployment of ${head.slice(0, 7)} is "in_progress", not "success": nothing to verify yet.`,
    );
    const other = await runAction(fake, {
      workspace,
      event: 'deployment_status',
      payload: deploymentStatus(main, 'success', 'http://127.0.0.1:9/'),
    });
    expect(other.code).toBe(0);
    expect(other.stdout).toContain(
      `::notice::The deployment is of ${main.slice(0, 7)}, not of #1's head ${head.slice(0, 7)}: nothing to verify.`,
    );
    // A successful deployment that does not answer fails the step with one line, and writes nothing.
    const down = await runAction(fake, {
      workspace,
      event: 'deployment_status',
      payload: deploymentStatus(head, 'success', null),
      inputs: { 'verify-url': 'http://127.0.0.1:9/' },
      env: { VERIFY_USER: 'alice' },
    });
    expect(down.code).toBe(1);
    expect(down.stdout).toContain('Verifying http://127.0.0.1:9/ (from verify-url)');
    expect(down.stdout).toContain(
      "::warning::target_url is not used: it is the deployment's log_url (GitHub copies one into the other)",
    );
    expect(down.stdout).toContain(
      '::error::GET http://127.0.0.1:9/: connection refused (nothing listens there)',
    );
    expect(down.stdout).not.toMatch(/\n\s+at /);
    expect(writesOf(fake, since)).toEqual([]);
  });

  it("leaves a pull request on the branch that the token's account did not open", async () => {
    fake = await startFakeGitHub({ files: REPOSITORY });
    const head = await fake.pushBranch(BRANCH, { 'src/app.js': APP.replace('{ httpOnly: true }', '{}') });
    await fake.openPullRequest({ head: BRANCH, body: `${ITEMS.prefs}\n` });
    const since = fake.requests.length;
    const run = await runAction(fake, {
      workspace: makeWorkspace(REPOSITORY),
      event: 'deployment_status',
      payload: deploymentStatus(head, 'success', 'http://127.0.0.1:9/'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "::notice::#1 on `cookie-hardener/remediation` was not opened by this token's account, so its checklist is not cookie-hardener's to tick.",
    );
    expect(writesOf(fake, since)).toEqual([]);
  });

  it('in report mode, adds the verify results of `verify-url` to the job summary and annotations', async () => {
    fake = await startFakeGitHub({ files: REPOSITORY });
    const deployment = await deploy({ 'GET /': ['prefs=dark; Path=/'] });
    const { '.github/cookie-hardener-verify.yml': _scenario, ...withoutScenario } = REPOSITORY;
    const since = fake.requests.length;
    const run = await runAction(fake, {
      workspace: makeWorkspace(withoutScenario),
      event: 'release',
      inputs: { 'verify-url': deployment.url },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Verifying ${deployment.url} (verify-url).`);
    expect(run.stdout).toContain(
      `::error title=cookie-hardener verify (prefs)::${deployment.url}: prefs is sent without Secure`,
    );
    expect(run.summary).toContain('## Cookie flag analysis');
    expect(run.summary).toContain(
      `# Deployment check of \`${deployment.url}\`\n\n## Cookie verification\n\n1 cookie checked,`,
    );
    expect(writesOf(fake, since)).toEqual([]);
  });
});
