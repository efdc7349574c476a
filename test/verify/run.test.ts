// runVerify in-process, as the action calls it: sites handed in from a scan it already ran, a scenario with
// a jar kept across steps, against a loopback server in this process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/verify/run.js';
import type { CodeCookie } from '../../src/verify/types.js';

let server: Server;
let base = '';
const seenCookies: string[] = [];
const folder = mkdtempSync(join(tmpdir(), 'ch-verify-run-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    seenCookies.push(`${request.method} ${request.url} ${request.headers.cookie ?? ''}`);
    if (request.url === '/cdn') {
      // Cookies no code names, as a CDN or a load balancer adds them.
      response.writeHead(200, { 'set-cookie': ['auth_token=abc; Path=/', '__Host-lb=n1; Path=/'] });
      return response.end('cdn');
    }
    if (request.url === '/login') {
      response.writeHead(302, {
        location: '/home',
        'set-cookie': ['sid=abc; Path=/; HttpOnly', 'old=; Max-Age=0; Path=/'],
      });
      return response.end();
    }
    response.writeHead(200, { 'set-cookie': 'theme=dark; Path=/; Secure' }).end('home');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(folder, { recursive: true, force: true });
});

const site = (names: string[], httpOnly: 'required' | 'not-required', line: number): CodeCookie => ({
  names,
  ruleId: 'express-res-cookie',
  framework: 'express',
  file: 'app.js',
  line,
  kind: 'session',
  expected: { httpOnly, secure: 'required' },
  reasons: {},
});

describe('runVerify', () => {
  it('follows the redirect with the jar, skips deletions and judges each cookie by its code site', async () => {
    const scenario = join(folder, 'verify.yml');
    writeFileSync(
      scenario,
      'steps:\n  - name: log in\n    method: POST\n    path: /login\n    form: { password: "${PW}" }\n    expect: { status: 200, cookies: [sid, theme] }\n',
    );
    const report = await runVerify({
      urls: [base],
      expectations: { cookies: [site(['sid'], 'required', 3), site(['theme'], 'not-required', 9)] },
      scenario,
      ca: null,
      env: { PW: 'hunter2' },
    });
    expect(seenCookies).toEqual(['POST /login ', 'GET /home sid=abc']);
    expect(report.steps).toEqual([
      {
        name: 'log in',
        method: 'POST',
        url: `${base}login`,
        status: 200,
        expectedStatus: [200],
        setCookies: ['sid', 'old', 'theme'],
        problems: [],
      },
    ]);
    expect(report.cookies.map((cookie) => [cookie.name, cookie.url, cookie.header, cookie.problems])).toEqual(
      [
        [
          'sid',
          `${base}login`,
          'sid=…; Path=/; HttpOnly',
          [{ code: 'secure-missing', message: 'sid is sent without Secure (the code at app.js:3 needs it)' }],
        ],
        ['theme', `${base}home`, 'theme=…; Path=/; Secure', []],
      ],
    );
    expect(report.expectations).toEqual({ source: 'scan', path: '', sites: 2 });
    expect(report.problemCount).toBe(1);
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });

  it('lists cookies no code location sets, with what their name suggests, and counts none of it', async () => {
    const report = await runVerify({
      urls: [`${base}cdn`],
      expectations: { cookies: [site(['sid'], 'required', 3)] },
      scenario: null,
      ca: null,
    });
    expect(
      report.cookies.map((cookie) => [cookie.name, cookie.expected, cookie.problems, cookie.notes]),
    ).toEqual([
      [
        'auth_token',
        { httpOnly: true, secure: true, source: 'name', sites: [] },
        [],
        [
          {
            code: 'httpOnly-missing',
            message: 'auth_token is sent without HttpOnly (only its name suggests it)',
          },
          {
            code: 'secure-missing',
            message: 'auth_token is sent without Secure (only its name suggests it)',
          },
        ],
      ],
      [
        '__Host-lb',
        { httpOnly: false, secure: true, source: 'name', sites: [] },
        [],
        [{ code: 'secure-missing', message: '__Host-lb is sent without Secure (only its name suggests it)' }],
      ],
    ]);
    expect(report.unexplained).toEqual([
      { name: 'auth_token', url: `${base}cdn`, step: null },
      { name: '__Host-lb', url: `${base}cdn`, step: null },
    ]);
    expect(report.browser).toBeNull();
    expect(report.problemCount).toBe(0);
  });

  it("sends a step's own Cookie header and the jar's cookies as one header", async () => {
    const scenario = join(folder, 'cookie.yml');
    writeFileSync(
      scenario,
      'steps:\n  - path: /login\n    follow-redirects: false\n  - path: /home\n    headers: { Cookie: csrf=t1 }\n',
    );
    seenCookies.length = 0;
    await runVerify({ urls: [base], expectations: { cookies: [] }, scenario, ca: null, env: {} });
    expect(seenCookies).toEqual(['GET /login ', 'GET /home csrf=t1; sid=abc']);
  });
});
