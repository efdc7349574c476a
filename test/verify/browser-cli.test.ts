// `verify --browser` through dist/cli.js against real servers on loopback: an https:// app with a certificate
// made here (trusted through --ca) and its plain-HTTP side on another port (--http-port), checked against a
// project whose code sets `sid` HttpOnly and Secure. The cases that start Chromium run where one is installed,
// as browser.test.ts's do; the others need none. `npm run build` first.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/verify/browser-launch.js';
import { CLI, project, runBundle, selfSignedCertificate, type CliRun } from './live.js';

const chromiumAvailable = 'path' in findBrowser(undefined);

const APP = `const express = require('express');
const app = express();
app.get('/', (req, res) => {
  res.cookie('sid', req.query.t, { httpOnly: true, secure: true });
  res.send('ok');
});
`;

/** Like runBundle, for a copy of the bundle elsewhere. */
function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('verify --browser through the bundle', () => {
  const folder = project({ 'app.js': APP });
  const tls = selfSignedCertificate();
  const plainCookieHeaders: Array<string | null> = [];
  let httpsPort = 0;
  let httpPort = 0;

  // `/stale` is a deployment older than the code: its sid lacks HttpOnly. A load balancer adds `lb` to every
  // answer, which no code names. Chromium may ask for /favicon.ico: not an app page.
  const secure = createHttpsServer(
    { key: readFileSync(tls.key), cert: readFileSync(tls.cert) },
    (request, response) => {
      if (request.url === '/favicon.ico') return response.writeHead(404).end();
      const sid = request.url === '/stale' ? 'sid=s1; Secure; Path=/' : 'sid=s1; HttpOnly; Secure; Path=/';
      response.setHeader('Set-Cookie', [sid, 'lb=n1; Path=/']);
      response.setHeader('Content-Type', 'text/html');
      response.end('<title>app</title>');
    },
  );
  const plain = createHttpServer((request, response) => {
    if (request.url !== '/favicon.ico') plainCookieHeaders.push(request.headers.cookie ?? null);
    response.writeHead(301, { Location: `https://127.0.0.1:${httpsPort}${request.url}` }).end();
  });

  beforeAll(async () => {
    httpsPort = await listen(secure);
    httpPort = await listen(plain);
  });
  afterAll(() => {
    for (const server of [secure, plain]) {
      server.closeAllConnections();
      server.close();
    }
    rmSync(folder, { recursive: true, force: true });
    rmSync(tls.folder, { recursive: true, force: true });
  });

  const verify = (path: string, extra: string[], env: NodeJS.ProcessEnv = {}) =>
    runBundle(
      [
        'verify',
        `https://127.0.0.1:${httpsPort}${path}`,
        '--ca',
        tls.cert,
        '--browser',
        '--http-port',
        String(httpPort),
        ...extra,
      ],
      folder,
      env,
    );
  const withPorts = (text: string) =>
    text.replaceAll('{https}', String(httpsPort)).replaceAll('{http}', String(httpPort));

  it.skipIf(!chromiumAvailable)(
    'fails on an HttpOnly cookie that document.cookie shows; the cookie no code sets is not judged',
    async () => {
      plainCookieHeaders.length = 0;
      const run = await verify('/stale', []);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(
        withPorts(
          [
            'FAIL sid from https://127.0.0.1:{https}/stale: Secure; Path=/; expects HttpOnly + Secure (code: app.js:4)',
            '       sid is sent without HttpOnly (the code at app.js:4 needs it)',
            'info lb from https://127.0.0.1:{https}/stale: Path=/; not judged: no code sets it (its name suggests Secure)',
            '       lb is sent without Secure (only its name suggests it)',
            'ok   http://127.0.0.1:{https}/stale is not served (no answer over plain HTTP)',
            'info https://127.0.0.1:{https}/stale: no Strict-Transport-Security header',
            'FAIL browser: sid from https://127.0.0.1:{https}/stale must be hidden from scripts: document.cookie shows it',
            'ok   browser: sid from https://127.0.0.1:{https}/stale must not be sent over http://: stored Secure; not sent to http://127.0.0.1:{http}/stale: withheld (SecureOnly)',
            'info lb (from https://127.0.0.1:{https}/stale) is set by no code location the scan found: a proxy, a CDN or a library may add it',
            '2 cookies checked, 2 problems.',
            '',
          ].join('\n'),
        ),
      );
      expect(run.status).toBe(1);
      // The probe went out over plain HTTP with lb (no Secure) and without sid; its redirect was not followed.
      expect(plainCookieHeaders).toEqual(['lb=n1']);
    },
  );

  it.skipIf(!chromiumAvailable)(
    'passes when the browser keeps sid from scripts and from http://',
    async () => {
      const run = await verify('/', ['--format', 'json']);
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout);
      expect(report.browser).toEqual({
        skipped: null,
        results: [
          {
            name: 'sid',
            url: `https://127.0.0.1:${httpsPort}/`,
            check: 'hidden-from-script',
            passed: true,
            observed: 'hidden from document.cookie (stored HttpOnly)',
          },
          {
            name: 'sid',
            url: `https://127.0.0.1:${httpsPort}/`,
            check: 'not-sent-over-http',
            passed: true,
            observed: `stored Secure; not sent to http://127.0.0.1:${httpPort}/: withheld (SecureOnly)`,
          },
        ],
        unstored: [],
      });
      expect(report.unexplained).toEqual([
        { name: 'lb', url: `https://127.0.0.1:${httpsPort}/`, step: null },
      ]);
      expect(report.problemCount).toBe(0);
      expect(run.status).toBe(0);
    },
  );

  it('is skipped with a one-line notice, and exit 0, where puppeteer-core cannot be found', async () => {
    // The bundle alone, away from any node_modules; CHROME_PATH makes the browser itself look present.
    const alone = project({});
    copyFileSync(CLI, join(alone, 'cli.js'));
    const args = [`https://127.0.0.1:${httpsPort}/`, '--project', folder, '--ca', tls.cert, '--browser'];
    const run = await runNode([join(alone, 'cli.js'), 'verify', ...args, '--format', 'json'], alone, {
      CHROME_PATH: '/bin/true',
    });
    rmSync(alone, { recursive: true, force: true });
    expect(run.stderr).toBe(
      'cookie-hardener: browser check skipped: puppeteer-core is not installed; run `npm install puppeteer-core` ' +
        '(it drives the Chromium already on the machine and downloads none)\n',
    );
    expect(JSON.parse(run.stdout).browser).toEqual({
      skipped:
        'browser check skipped: puppeteer-core is not installed; run `npm install puppeteer-core` ' +
        '(it drives the Chromium already on the machine and downloads none)',
      results: [],
      unstored: [],
    });
    expect(run.status).toBe(0);
  });

  it('stops with one line and exit 2 when the browser does not start', async () => {
    const run = await verify('/', [], { CHROME_PATH: '/bin/false' });
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cookie-hardener: could not start the browser \/bin\/false: [^\n]+\n$/);
    expect(run.status).toBe(2);
  });
});
