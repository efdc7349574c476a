// `verify` against the example apps, running for real on loopback, before and after `fix` (through
// dist/cli.js: `npm run build` first). The apps are copied and run unchanged; only their port (and, for
// Express, the body parser and CSRF middleware the example leaves out) is supplied by the harness.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cookieSummary,
  fixProject,
  project,
  PYTHON,
  REPO,
  runBundle,
  startServer,
  type Server,
} from './live.js';

const FIXTURES = join(REPO, 'test/verify/fixtures');
let server: Server | null = null;
const folders: string[] = [];

afterEach(async () => {
  await server?.stop();
  server = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const EXPRESS_SCENARIO = `steps:
  - name: log in
    method: POST
    path: /login
    form: { user: alice, password: "\${TEST_PASSWORD}" }
    follow-redirects: false
    expect: { status: 302, cookies: [token, refresh_token] }
  - name: save a preference
    method: POST
    path: /preferences
    form: { theme: dark }
    follow-redirects: false
    expect: { status: 302, cookies: [theme] }
  - name: CSRF token
    path: /csrf
    expect: { status: 204, cookies: [XSRF-TOKEN] }
`;

async function verifyExpress(folder: string) {
  server = await startServer(
    process.execPath,
    ['--import', join(FIXTURES, 'express-example-preload.mjs'), 'src/server.js'],
    folder,
    { SESSION_SECRET: 'test-secret' },
  );
  const run = await runBundle(['verify', `http://127.0.0.1:${server.port}/`, '--format', 'json'], folder, {
    TEST_PASSWORD: 'not-a-real-password',
  });
  await server.stop();
  server = null;
  return run;
}

describe('verify on examples/express-app', () => {
  it('finds every flag problem before fix, and after fix only the one the scan leaves to a person', async () => {
    const folder = project(
      { '.github/cookie-hardener-verify.yml': EXPRESS_SCENARIO },
      join(REPO, 'examples/express-app'),
    );
    folders.push(folder);
    const before = await verifyExpress(folder);
    expect(before.stderr).toBe('');
    expect(before.status).toBe(1);
    expect(cookieSummary(before.stdout)).toEqual([
      { name: 'token', step: 'log in', flags: '', problems: ['httpOnly-missing', 'secure-missing'] },
      { name: 'refresh_token', step: 'log in', flags: 'HttpOnly', problems: ['secure-missing'] },
      { name: 'theme', step: 'save a preference', flags: '', problems: ['secure-missing'] },
      { name: 'XSRF-TOKEN', step: 'CSRF token', flags: '', problems: ['secure-missing'] },
    ]);
    // The password came from the environment and is in no report.
    expect(before.stdout).not.toContain('not-a-real-password');

    fixProject(folder);
    const after = await verifyExpress(folder);
    expect(after.stderr).toBe('');
    // XSRF-TOKEN's Secure is `NODE_ENV === 'development'`: on only in development, which the fix leaves to a
    // person (the scan still reports it), so production-like runs still see it without Secure.
    expect(cookieSummary(after.stdout)).toEqual([
      { name: 'token', step: 'log in', flags: 'HttpOnly Secure', problems: [] },
      { name: 'refresh_token', step: 'log in', flags: 'HttpOnly Secure', problems: [] },
      { name: 'theme', step: 'save a preference', flags: 'Secure', problems: [] },
      { name: 'XSRF-TOKEN', step: 'CSRF token', flags: '', problems: ['secure-missing'] },
    ]);
    expect(after.status).toBe(1);
  });
});

// Tornado checks the `_xsrf` double-submit on every POST: the scenario sends the cookie and the field itself.
const TORNADO_SCENARIO = `steps:
  - name: log in
    method: POST
    path: /login
    headers: { Cookie: _xsrf=test-xsrf }
    form: { username: alice, _xsrf: test-xsrf }
    follow-redirects: false
    expect: { status: 302, cookies: [user] }
  - name: save a preference
    method: POST
    path: /preferences
    headers: { Cookie: _xsrf=test-xsrf }
    form: { theme: dark, _xsrf: test-xsrf }
    follow-redirects: false
    expect: { status: 302, cookies: [theme] }
`;

async function verifyTornado(folder: string) {
  server = await startServer(PYTHON, [join(FIXTURES, 'serve-tornado-example.py'), folder], folder, {
    COOKIE_SECRET: 'test-secret',
  });
  const run = await runBundle(['verify', `http://127.0.0.1:${server.port}/`, '--format', 'json'], folder);
  await server.stop();
  server = null;
  return run;
}

describe('verify on examples/tornado-app', () => {
  it('finds every flag problem before fix and none after', async () => {
    const folder = project(
      { '.github/cookie-hardener-verify.yml': TORNADO_SCENARIO },
      join(REPO, 'examples/tornado-app'),
    );
    folders.push(folder);
    const before = await verifyTornado(folder);
    expect(before.stderr).toBe('');
    expect(cookieSummary(before.stdout)).toEqual([
      { name: 'user', step: 'log in', flags: 'Secure', problems: ['httpOnly-missing'] },
      { name: 'theme', step: 'save a preference', flags: '', problems: ['secure-missing'] },
    ]);
    expect(before.status).toBe(1);

    fixProject(folder);
    const after = await verifyTornado(folder);
    expect(after.stderr).toBe('');
    expect(cookieSummary(after.stdout)).toEqual([
      { name: 'user', step: 'log in', flags: 'HttpOnly Secure', problems: [] },
      { name: 'theme', step: 'save a preference', flags: 'Secure', problems: [] },
    ]);
    expect(after.status).toBe(0);
  });
});
