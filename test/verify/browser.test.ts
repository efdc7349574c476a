// The real-browser check against real servers on loopback: an https:// server with a certificate made here,
// and a plain-http:// listener on another port that records the Cookie header it receives. Runs when a Chromium
// is installed (.ci/run installs Debian's), and is skipped otherwise.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserCheckError, browserCheck } from '../../src/verify/browser.js';
import { findBrowser } from '../../src/verify/browser-launch.js';
import { temporaryFolder } from '../cli/helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const chromiumAvailable = 'path' in findBrowser(undefined);

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI. */
function makeCertificate(): { cert: string; key: string } {
  const folder = temporaryFolder();
  const made = spawnSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  ); // prettier-ignore
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  return {
    cert: readFileSync(join(folder, 'cert.pem'), 'utf8'),
    key: readFileSync(join(folder, 'key.pem'), 'utf8'),
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('browserCheck without a browser or a driver', () => {
  it('is skipped, in one line, when the browser given does not exist', async () => {
    const report = await browserCheck({
      urls: ['https://example.test/'],
      expected: [{ name: 'sid', httpOnly: true, secure: true }],
      executablePath: '/nonexistent/chromium',
      timeoutMs: 5_000,
    });
    expect(report).toEqual({
      skipped: 'browser check skipped: no executable browser at /nonexistent/chromium',
      results: [],
      unstored: [],
    });
  });

  it('rejects with a one-line error when the executable is not a browser', async () => {
    const error = await browserCheck({
      urls: ['https://example.test/'],
      expected: [{ name: 'sid', httpOnly: true, secure: true }],
      executablePath: '/bin/false',
      timeoutMs: 5_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserCheckError);
    expect((error as Error).message).toMatch(/^could not start the browser \/bin\/false: [^\n]+$/);
  });

  it('rejects with a one-line error on anything else, such as a URL it cannot read', async () => {
    const error = await browserCheck({
      urls: ['not a url'],
      expected: [{ name: 'sid', httpOnly: true, secure: true }],
      executablePath: '/bin/false',
      timeoutMs: 5_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserCheckError);
    expect((error as Error).message).toBe('the browser check failed: Invalid URL');
  });

  it('keeps puppeteer-core out of the bundle, finds it in the project, and is skipped in one line without it', async () => {
    const folder = temporaryFolder();
    const bundle = join(folder, 'browser.mjs');
    // The same switches as scripts/build.mjs.
    await build({
      entryPoints: [join(ROOT, 'src/verify/browser.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: ['puppeteer-core'],
      logLevel: 'silent',
    });
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('import("puppeteer-core")');
    expect(statSync(bundle).size).toBeLessThan(30_000);

    // Run where neither the bundle's folder nor the working directory can reach a node_modules.
    writeFileSync(
      join(folder, 'run.mjs'),
      "import { browserCheck } from './browser.mjs';\n" +
        "const report = await browserCheck({ urls: ['https://example.test/'], expected: [], executablePath: '/bin/true', timeoutMs: 1000 });\n" +
        'console.log(JSON.stringify(report));\n',
    );
    const run = spawnSync(process.execPath, ['run.mjs'], { cwd: folder, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      skipped:
        'browser check skipped: puppeteer-core is not installed; run `npm install puppeteer-core` ' +
        '(it drives the Chromium already on the machine and downloads none)',
      results: [],
      unstored: [],
    });

    // Run from a project that has it: the bundle finds it there, and so goes on to start the "browser".
    writeFileSync(
      join(folder, 'start.mjs'),
      "import { browserCheck } from './browser.mjs';\n" +
        "await browserCheck({ urls: ['https://example.test/'], expected: [], executablePath: '/bin/false', timeoutMs: 1000 })\n" +
        '  .catch((error) => console.log(error.name));\n',
    );
    const start = spawnSync(process.execPath, [join(folder, 'start.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(start.stderr).toBe('');
    expect(start.stdout).toBe('BrowserCheckError\n');
  });
});

describe.skipIf(!chromiumAvailable)('browserCheck in Chromium', () => {
  // Made here even where the tests are skipped (collection runs this body): openssl is on every machine.
  const { cert, key } = makeCertificate();
  const secureHits: string[] = [];
  const plainCookieHeaders: Array<string | null> = [];
  let httpsPort = 0;
  let httpPort = 0;
  let silentPort = 0;

  // The https app: one HttpOnly + Secure cookie (right), one Secure cookie scripts can read, one HttpOnly
  // cookie without Secure, a preference cookie, and a SameSite=None cookie without Secure (browsers refuse it).
  // Chromium may also ask either server for /favicon.ico: only the requests the check makes are recorded.
  const secure = createHttpsServer({ cert, key }, (request, response) => {
    if (request.url !== '/favicon.ico') secureHits.push(request.url ?? '');
    if (request.url === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    if (request.url === '/strict') {
      // After this, the browser may only reach this host over https:// (HSTS applies to every port).
      response.setHeader('Strict-Transport-Security', 'max-age=600');
      response.setHeader('Set-Cookie', ['pinned=p1; Secure; Path=/', 'loose=o1; Path=/']);
      response.end('<title>strict</title>');
      return;
    }
    response.setHeader('Set-Cookie', [
      'sid=s1; HttpOnly; Secure; Path=/',
      'token=t1; Secure; Path=/',
      'remember=r1; HttpOnly; Path=/',
      'theme=dark; Path=/',
      'cross=x1; SameSite=None; Path=/',
    ]);
    response.setHeader('Content-Type', 'text/html');
    response.end('<title>app</title>');
  });
  // Its plain-HTTP side: redirects to https (the probe must not follow), except /legacy, a page of its own
  // that sets an HttpOnly cookie over plain HTTP.
  const plain = createHttpServer((request, response) => {
    if (request.url !== '/favicon.ico') plainCookieHeaders.push(request.headers.cookie ?? null);
    if (request.url === '/legacy') {
      response.setHeader('Set-Cookie', 'legacy=l1; HttpOnly; Path=/');
      response.end('<title>legacy</title>');
      return;
    }
    response.writeHead(301, { Location: `https://127.0.0.1:${httpsPort}${request.url}` }).end();
  });
  // Accepts connections and never answers.
  const silent = createHttpServer(() => undefined);

  beforeAll(async () => {
    httpsPort = await listen(secure);
    httpPort = await listen(plain);
    silentPort = await listen(silent);
  });
  afterAll(() => {
    for (const server of [secure, plain, silent]) server.closeAllConnections();
    for (const server of [secure, plain, silent]) server.close();
  });

  it('reports HttpOnly cookies hidden from scripts and Secure cookies withheld from http://, and the others failing', async () => {
    const report = await browserCheck({
      // /strict last: it turns on HSTS for the host, which may reach the other pages' probes too.
      urls: [
        `https://127.0.0.1:${httpsPort}/login`,
        `http://127.0.0.1:${httpPort}/legacy`,
        `https://127.0.0.1:${httpsPort}/strict`,
      ],
      expected: [
        { name: 'sid', httpOnly: true, secure: true },
        { name: 'token', httpOnly: true, secure: true },
        { name: 'remember', httpOnly: true, secure: true },
        { name: 'theme', httpOnly: false, secure: false },
        { name: 'cross', httpOnly: false, secure: true },
        { name: 'legacy', httpOnly: true, secure: true },
        { name: 'never', httpOnly: true, secure: false },
        { name: 'pinned', httpOnly: false, secure: true },
        { name: 'loose', httpOnly: false, secure: true },
      ],
      ca: cert,
      httpPort,
      timeoutMs: 20_000,
    });
    const page = `https://127.0.0.1:${httpsPort}/login`;
    const probe = `http://127.0.0.1:${httpPort}/login`;
    const legacy = `http://127.0.0.1:${httpPort}/legacy`;
    const strict = `https://127.0.0.1:${httpsPort}/strict`;
    const strictProbe = `http://127.0.0.1:${httpPort}/strict`;
    expect(report).toEqual({
      skipped: null,
      results: [
        {
          name: 'sid',
          url: page,
          check: 'hidden-from-script',
          passed: true,
          observed: 'hidden from document.cookie (stored HttpOnly)',
        },
        {
          name: 'token',
          url: page,
          check: 'hidden-from-script',
          passed: false,
          observed: 'document.cookie shows it',
        },
        {
          name: 'remember',
          url: page,
          check: 'hidden-from-script',
          passed: true,
          observed: 'hidden from document.cookie (stored HttpOnly)',
        },
        {
          name: 'sid',
          url: page,
          check: 'not-sent-over-http',
          passed: true,
          observed: `stored Secure; not sent to ${probe}: withheld (SecureOnly)`,
        },
        {
          name: 'token',
          url: page,
          check: 'not-sent-over-http',
          passed: true,
          observed: `stored Secure; not sent to ${probe}: withheld (SecureOnly)`,
        },
        {
          name: 'remember',
          url: page,
          check: 'not-sent-over-http',
          passed: false,
          observed: `sent over plain HTTP to ${probe}`,
        },
        {
          name: 'legacy',
          url: legacy,
          check: 'hidden-from-script',
          passed: true,
          observed: 'hidden from document.cookie (stored HttpOnly)',
        },
        {
          name: 'legacy',
          url: legacy,
          check: 'not-sent-over-http',
          passed: false,
          observed: `sent over plain HTTP to ${legacy}`,
        },
        {
          name: 'pinned',
          url: strict,
          check: 'not-sent-over-http',
          passed: true,
          observed: `stored Secure; not sent to ${strictProbe}: the browser upgraded it to https:// before sending (HSTS)`,
        },
        {
          name: 'loose',
          url: strict,
          check: 'not-sent-over-http',
          passed: false,
          observed: `stored without Secure; not sent to ${strictProbe} only because: the browser upgraded it to https:// before sending (HSTS)`,
        },
      ],
      unstored: [
        { name: 'cross', reason: `the browser refused it from ${page} (SameSiteNoneInsecure)` },
        { name: 'never', reason: 'no page set it' },
      ],
    });
    // What the plain-HTTP listener received: the probe after the https page (its redirect not followed: the
    // https app saw one request for it), the legacy page and its probe; the HSTS-upgraded probe never came.
    expect(plainCookieHeaders).toEqual(['remember=r1; theme=dark', null, 'legacy=l1']);
    expect(secureHits).toEqual(['/login', '/strict']);
  });

  it('trusts only the certificate given: without it the https page does not load (one-line error)', async () => {
    const error = await browserCheck({
      urls: [`https://127.0.0.1:${httpsPort}/login`],
      expected: [{ name: 'sid', httpOnly: true, secure: true }],
      timeoutMs: 20_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserCheckError);
    expect((error as Error).message).toBe(
      `the browser could not load https://127.0.0.1:${httpsPort}/login: net::ERR_CERT_AUTHORITY_INVALID`,
    );
  });

  it('gives up on a page that does not answer, in one line', async () => {
    const error = await browserCheck({
      urls: [`http://127.0.0.1:${silentPort}/`],
      expected: [{ name: 'sid', httpOnly: true, secure: true }],
      timeoutMs: 1_500,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserCheckError);
    expect((error as Error).message).toBe(
      `the browser could not load http://127.0.0.1:${silentPort}/: no answer within 1500 ms`,
    );
  });
});
