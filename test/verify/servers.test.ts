// `verify` against real framework servers on loopback (the packages the project has as devDependencies, and
// Debian's python3-flask / python3-django), before and after `fix`, through dist/cli.js; plus the one-line
// errors a deployment can cause. `npm run build` first.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieSummary,
  fixProject,
  project,
  PYTHON,
  REPO,
  runBundle,
  selfSignedCertificate,
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

/** Starts the app, verifies `path` on it, stops it. */
async function verifyLive(
  start: () => Promise<Server>,
  folder: string,
  scheme = 'http',
  extra: string[] = [],
) {
  server = await start();
  const run = await runBundle(
    ['verify', `${scheme}://127.0.0.1:${server.port}/`, '--format', 'json', ...extra],
    folder,
  );
  await server.stop();
  server = null;
  return run;
}

async function beforeAndAfterFix(files: Record<string, string>, start: (folder: string) => Promise<Server>) {
  const folder = project(files);
  folders.push(folder);
  const before = await verifyLive(() => start(folder), folder);
  fixProject(folder);
  const after = await verifyLive(() => start(folder), folder);
  return { before, after, folder };
}

const node = (file: string) => (folder: string) => startServer(process.execPath, [file], folder);
const wsgi = (target: string) => (folder: string) =>
  startServer(PYTHON, [join(FIXTURES, 'serve-wsgi.py'), folder, target], folder);

describe('verify on real servers, before and after fix', () => {
  it('Fastify with @fastify/cookie', async () => {
    const app = `const fastify = require('fastify')();
fastify.register(require('@fastify/cookie'));

fastify.get('/', async (request, reply) => {
  reply.setCookie('session', 'abc', { path: '/' });
  return 'ok';
});

fastify.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log('PORT ' + fastify.server.address().port));
`;
    const { before, after } = await beforeAndAfterFix({ 'server.js': app }, node('server.js'));
    expect(cookieSummary(before.stdout)).toEqual([
      { name: 'session', step: null, flags: '', problems: ['httpOnly-missing', 'secure-missing'] },
    ]);
    expect(before.status).toBe(1);
    expect(cookieSummary(after.stdout)).toEqual([
      { name: 'session', step: null, flags: 'HttpOnly Secure', problems: [] },
    ]);
    expect(after.status).toBe(0);
  });

  it('takes the expectations from a scan JSON with --findings, and writes markdown with --output', async () => {
    const app = `const fastify = require('fastify')();
fastify.register(require('@fastify/cookie'));

fastify.get('/', async (request, reply) => {
  reply.setCookie('session', 'abc', { path: '/', httpOnly: true, secure: true });
  reply.setCookie('theme', 'dark', { path: '/' });
  return 'ok';
});

fastify.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log('PORT ' + fastify.server.address().port));
`;
    const folder = project({ 'server.js': app });
    folders.push(folder);
    const scan = await runBundle(['scan', '.', '--format', 'json', '--output', 'scan.json'], folder);
    expect(scan.status).toBe(1);
    server = await startServer(process.execPath, ['server.js'], folder);
    const run = await runBundle(
      [
        'verify',
        `http://127.0.0.1:${server.port}/`,
        '--findings',
        join(folder, 'scan.json'),
        '--format',
        'markdown',
        '--output',
        join(folder, 'verify.md'),
      ],
      REPO,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('2 cookies checked, 1 problem.\n');
    expect(run.status).toBe(1);
    expect(readFileSync(join(folder, 'verify.md'), 'utf8')).toBe(
      [
        '## Cookie verification',
        '',
        '2 cookies checked, 1 problem.',
        '',
        '| Cookie | URL | Attributes | Expected | Result |',
        '| --- | --- | --- | --- | --- |',
        `| \`session\` | \`http://127.0.0.1:${server.port}/\` | HttpOnly; Secure; SameSite=Lax; Path=/ | expects HttpOnly + Secure (code: server.js:5) | ok |`,
        `| \`theme\` | \`http://127.0.0.1:${server.port}/\` | SameSite=Lax; Path=/ | expects Secure (code: server.js:6) | theme is sent without Secure (the code at server.js:6 needs it) |`,
        '',
      ].join('\n'),
    );
  });

  it('Hono on @hono/node-server: deletions are not judged, a cookie no code sets is listed, not counted', async () => {
    const app = `const { Hono } = require('hono');
const { setCookie, deleteCookie } = require('hono/cookie');
const { serve } = require('@hono/node-server');

const app = new Hono();
app.get('/', (c) => {
  setCookie(c, 'auth_token', 'abc', { path: '/' });
  deleteCookie(c, 'old_session');
  // What a load balancer would add: no code of the app names it.
  c.header(['Set', 'Cookie'].join('-'), 'lb=node1; Path=/', { append: true });
  return c.text('ok');
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log('PORT ' + info.port));
`;
    const { before, after } = await beforeAndAfterFix({ 'server.js': app }, node('server.js'));
    expect(cookieSummary(before.stdout)).toEqual([
      { name: 'auth_token', step: null, flags: '', problems: ['httpOnly-missing', 'secure-missing'] },
      { name: 'lb', step: null, flags: '', problems: [] },
    ]);
    expect(JSON.parse(before.stdout).problemCount).toBe(2);
    expect(cookieSummary(after.stdout)).toEqual([
      { name: 'auth_token', step: null, flags: 'HttpOnly Secure', problems: [] },
      { name: 'lb', step: null, flags: '', problems: [] },
    ]);
    const report = JSON.parse(after.stdout);
    expect(report.unexplained).toEqual([
      { name: 'lb', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/), step: null },
    ]);
    // Without Secure, but only its name would ask for it: noted, and the run still passes.
    expect(report.cookies[1].expected).toEqual({ httpOnly: false, secure: true, source: 'name', sites: [] });
    expect(report.cookies[1].notes).toEqual([
      { code: 'secure-missing', message: 'lb is sent without Secure (only its name suggests it)' },
    ]);
    expect(report.problemCount).toBe(0);
    expect(after.status).toBe(0);
  });

  it('Flask', async () => {
    const app = `from flask import Flask, make_response

app = Flask(__name__)


@app.route("/")
def index():
    response = make_response("ok")
    response.set_cookie("remember_token", "abc")
    response.set_cookie("theme", "dark")
    return response
`;
    const { before, after } = await beforeAndAfterFix({ 'app.py': app }, wsgi('app:app'));
    expect(cookieSummary(before.stdout)).toEqual([
      { name: 'remember_token', step: null, flags: '', problems: ['httpOnly-missing', 'secure-missing'] },
      { name: 'theme', step: null, flags: '', problems: ['secure-missing'] },
    ]);
    expect(cookieSummary(after.stdout)).toEqual([
      { name: 'remember_token', step: null, flags: 'HttpOnly Secure', problems: [] },
      { name: 'theme', step: null, flags: 'Secure', problems: [] },
    ]);
    expect(after.status).toBe(0);
  });

  it('Django: the session and CSRF cookies from its settings', async () => {
    const files = {
      'settings.py': `SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "urls"
INSTALLED_APPS = []
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
`,
      'urls.py': `from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path


def index(request):
    request.session["visits"] = 1
    get_token(request)
    return HttpResponse("ok")


urlpatterns = [path("", index)]
`,
    };
    const { before, after } = await beforeAndAfterFix(files, wsgi('django'));
    expect(cookieSummary(before.stdout)).toEqual([
      { name: 'csrftoken', step: null, flags: '', problems: ['secure-missing'] },
      { name: 'sessionid', step: null, flags: 'HttpOnly', problems: ['secure-missing'] },
    ]);
    expect(cookieSummary(after.stdout)).toEqual([
      { name: 'csrftoken', step: null, flags: 'Secure', problems: [] },
      { name: 'sessionid', step: null, flags: 'HttpOnly Secure', problems: [] },
    ]);
    expect(after.status).toBe(0);
  });
});

describe('verify over HTTPS with a self-signed certificate (Koa)', () => {
  let tls: ReturnType<typeof selfSignedCertificate>;
  beforeAll(() => {
    tls = selfSignedCertificate();
  });
  afterAll(() => rmSync(tls.folder, { recursive: true, force: true }));

  const app = `const https = require('https');
const fs = require('fs');
const Koa = require('koa');

const app = new Koa();
app.use((ctx) => {
  ctx.set('Strict-Transport-Security', 'max-age=63072000');
  ctx.cookies.set('sid', 'abc', { httpOnly: false });
  ctx.cookies.set('lang', 'en');
  ctx.body = 'ok';
});

const server = https.createServer(
  { key: fs.readFileSync(process.env.TLS_KEY), cert: fs.readFileSync(process.env.TLS_CERT) },
  app.callback(),
);
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
`;
  const start = (folder: string) =>
    startServer(process.execPath, ['server.js'], folder, { TLS_KEY: tls.key, TLS_CERT: tls.cert });

  it('trusts the certificate through --ca only, and judges Secure given on HTTPS requests', async () => {
    const folder = project({ 'server.js': app });
    folders.push(folder);
    const run = await verifyLive(() => start(folder), folder, 'https', ['--ca', tls.cert]);
    expect(run.stderr).toBe('');
    // Koa gives Secure on HTTPS requests by itself; `httpOnly: false` was written on purpose and nothing shows
    // `sid` is a server-side session, so the scan leaves it and verify does not ask for it (a name proves nothing).
    expect(cookieSummary(run.stdout)).toEqual([
      { name: 'sid', step: null, flags: 'Secure', problems: [] },
      { name: 'lang', step: null, flags: 'HttpOnly Secure', problems: [] },
    ]);
    const report = JSON.parse(run.stdout);
    // The http:// form of the URL is the same port, which speaks only TLS: nothing is served over plain HTTP.
    expect(report.transport).toEqual([
      {
        url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/$/),
        httpUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
        httpAnswer: 'unreachable',
        detail: expect.any(String),
        hsts: 'max-age=63072000',
        problems: [],
      },
    ]);
    expect(run.status).toBe(0);
  });

  it('without --ca, the certificate is refused in one line', async () => {
    const folder = project({ 'server.js': app });
    folders.push(folder);
    const run = await verifyLive(() => start(folder), folder, 'https');
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^cookie-hardener: GET https:\/\/127\.0\.0\.1:\d+\/: TLS error: self[- ]signed certificate \(for a self-signed certificate, pass its CA with --ca FILE\)\n$/,
    );
    expect(run.status).toBe(2);
  });
});

describe('verify: the http:// form of an HTTPS URL', () => {
  let tls: ReturnType<typeof selfSignedCertificate>;
  const folder = project({});
  beforeAll(() => {
    tls = selfSignedCertificate();
  });
  afterAll(() => {
    rmSync(tls.folder, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  /** One port that answers TLS with `secure` and plain HTTP with `plain`, told apart by the first byte. */
  async function dualServer(secure: RequestListener, plain: RequestListener) {
    const https = createHttpsServer({ key: readFileSync(tls.key), cert: readFileSync(tls.cert) }, secure);
    const http = createHttpServer(plain);
    const listen = async (server: TcpServer) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as { port: number }).port;
    };
    const ports = { tls: await listen(https), plain: await listen(http) };
    const sockets: Socket[] = [];
    // The front port hands each connection to one of the two servers: 0x16 opens a TLS handshake record.
    const tcp = createTcpServer((socket) => {
      sockets.push(socket);
      socket.once('data', (first) => {
        const upstream = connect(first[0] === 0x16 ? ports.tls : ports.plain, '127.0.0.1', () => {
          upstream.write(first);
          socket.pipe(upstream).pipe(socket);
        });
        sockets.push(upstream);
        upstream.on('error', () => socket.destroy());
      });
      socket.on('error', () => undefined);
    });
    const port = await listen(tcp);
    const close = async () => {
      for (const socket of sockets) socket.destroy();
      https.closeAllConnections();
      http.closeAllConnections();
      for (const server of [tcp, https, http])
        await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    return { port, close };
  }

  const secure: RequestListener = (_request, response) => {
    response.setHeader('set-cookie', 'sid=abc; Path=/; Secure; HttpOnly');
    response.end('ok');
  };

  it('a redirect to https:// passes; no HSTS is noted', async () => {
    let port = 0;
    const server = await dualServer(secure, (request, response) => {
      response.writeHead(301, { location: `https://127.0.0.1:${port}${request.url}` }).end();
    });
    port = server.port;
    const run = await runBundle(['verify', `https://127.0.0.1:${port}/`, '--ca', tls.cert], folder);
    await server.close();
    expect(run.stdout).toBe(
      [
        'info sid from https://127.0.0.1:PORT/: HttpOnly; Secure; Path=/; not judged: no code sets it (its name suggests HttpOnly + Secure)',
        'ok   http://127.0.0.1:PORT/ redirects to https://127.0.0.1:PORT/',
        'info https://127.0.0.1:PORT/: no Strict-Transport-Security header',
        'info sid (from https://127.0.0.1:PORT/) is set by no code location the scan found: a proxy, a CDN or a library may add it',
        '1 cookie checked, 0 problems.',
        '',
      ]
        .join('\n')
        .replaceAll('PORT', String(port)),
    );
    expect(run.status).toBe(0);
  });

  it('a page served over plain HTTP is a problem', async () => {
    const server = await dualServer(secure, (_request, response) => response.end('plain'));
    const run = await runBundle(
      ['verify', `https://127.0.0.1:${server.port}/`, '--ca', tls.cert, '--format', 'json'],
      folder,
    );
    await server.close();
    const report = JSON.parse(run.stdout);
    expect(report.transport).toEqual([
      {
        url: `https://127.0.0.1:${server.port}/`,
        httpUrl: `http://127.0.0.1:${server.port}/`,
        httpAnswer: 'serves',
        detail: 'answered 200',
        hsts: null,
        problems: [
          {
            code: 'http-not-redirected',
            message: `http://127.0.0.1:${server.port}/ answers 200 over plain HTTP instead of redirecting to https://`,
          },
        ],
      },
    ]);
    expect(report.problemCount).toBe(1);
    expect(run.status).toBe(1);
  });
});

describe('verify: one-line errors', () => {
  const folder = project({});
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function withTcp(onConnection: (socket: Socket) => void) {
    const sockets: Socket[] = [];
    const tcp: TcpServer = createTcpServer((socket) => {
      sockets.push(socket);
      onConnection(socket);
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const port = (tcp.address() as { port: number }).port;
    // Connections are cut, not waited for: close() alone waits on half-closed sockets.
    const close = () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        tcp.close(() => resolve());
      });
    return { port, close };
  }

  it('connection refused', async () => {
    const { port, close } = await withTcp(() => undefined);
    await close();
    const run = await runBundle(['verify', `http://127.0.0.1:${port}/`], folder);
    expect(run.stderr).toBe(
      `cookie-hardener: GET http://127.0.0.1:${port}/: connection refused (nothing listens there)\n`,
    );
    expect(run.status).toBe(2);
  });

  it('no answer within the timeout', async () => {
    const { port, close } = await withTcp(() => undefined);
    const run = await runBundle(['verify', `http://127.0.0.1:${port}/`, '--timeout', '0.5'], folder);
    await close();
    expect(run.stderr).toBe(`cookie-hardener: GET http://127.0.0.1:${port}/: no answer within 0.5 s\n`);
    expect(run.status).toBe(2);
  });

  it('an answer that is not HTTP', async () => {
    const { port, close } = await withTcp((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    const run = await runBundle(['verify', `http://127.0.0.1:${port}/`], folder);
    await close();
    expect(run.stderr).toBe(`cookie-hardener: GET http://127.0.0.1:${port}/: the answer is not HTTP\n`);
    expect(run.status).toBe(2);
  });

  it('an https:// URL on a port that answers in plain HTTP', async () => {
    const { port, close } = await withTcp((socket) =>
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
    );
    const run = await runBundle(['verify', `https://127.0.0.1:${port}/`], folder);
    await close();
    expect(run.stderr).toBe(
      `cookie-hardener: GET https://127.0.0.1:${port}/: the server answered without TLS: this port speaks plain HTTP (use http://, or the HTTPS port)\n`,
    );
    expect(run.status).toBe(2);
  });

  it('a scenario variable that is not set names the file, the step and the variable', async () => {
    writeFileSync(
      join(folder, 'steps.yml'),
      'steps:\n  - name: log in\n    method: POST\n    path: /login\n    form: { password: "${TEST_PASSWORD}" }\n',
    );
    const run = await runBundle(['verify', 'http://127.0.0.1:9/', '--scenario', 'steps.yml'], folder, {
      TEST_PASSWORD: undefined,
    });
    expect(run.stderr).toBe(
      'cookie-hardener: steps.yml:2: step "log in" uses the environment variable TEST_PASSWORD, which is not set\n',
    );
    expect(run.status).toBe(2);
  });
});
