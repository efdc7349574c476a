// What `verify` must never send or show: secrets in the URLs given (credentials, a query token) crossing
// plain HTTP, and requests carried across origins by redirects. Loopback servers in this process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderVerifyMarkdown, renderVerifyText } from '../../src/verify/render.js';
import { runVerify } from '../../src/verify/run.js';
import { selfSignedCertificate } from './live.js';

let tls: ReturnType<typeof selfSignedCertificate>;
const folder = mkdtempSync(join(tmpdir(), 'ch-verify-leaks-'));
beforeAll(() => {
  tls = selfSignedCertificate();
});
afterAll(() => {
  rmSync(tls.folder, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

function scenarioFile(text: string): string {
  const file = join(folder, `verify-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, text);
  return file;
}

async function plainServer(listener: RequestListener) {
  const server = createHttpServer(listener);
  const port = await listen(server);
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, close };
}

async function listen(server: TcpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** One loopback port serving TLS with `secure` and plain HTTP with `plain` (a TLS handshake starts with 0x16). */
async function bothSchemes(secure: RequestListener, plain: RequestListener) {
  const https = createHttpsServer({ key: readFileSync(tls.key), cert: readFileSync(tls.cert) }, secure);
  const http = createHttpServer(plain);
  const inner = { tls: await listen(https), plain: await listen(http) };
  const sockets: Socket[] = [];
  const front = createTcpServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.once('data', (first) => {
      const upstream = connect(first[0] === 0x16 ? inner.tls : inner.plain, '127.0.0.1', () => {
        upstream.write(first);
        socket.pipe(upstream).pipe(socket);
      });
      sockets.push(upstream);
      upstream.on('error', () => socket.destroy());
    });
  });
  const port = await listen(front);
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    https.closeAllConnections();
    http.closeAllConnections();
    for (const server of [front, https, http])
      await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, close };
}

const seen = (request: IncomingMessage) =>
  `${request.method} ${request.url} auth=${request.headers.authorization ?? ''} cookie=${request.headers.cookie ?? ''}`;

describe('the http:// probe of an https:// URL', () => {
  it('asks for the host and path only: no credentials, no query', async () => {
    const plainRequests: string[] = [];
    const server = await bothSchemes(
      (_request, response) => response.end('ok'),
      (request, response) => {
        plainRequests.push(seen(request));
        response.writeHead(301, { location: `https://127.0.0.1${request.url}` }).end();
      },
    );
    try {
      const report = await runVerify({
        urls: [`https://user:pa55@127.0.0.1:${server.port}/app/?token=S3CR3T#frag`],
        expectations: { cookies: [] },
        scenario: null,
        ca: tls.cert,
      });
      expect(plainRequests).toEqual(['GET /app/ auth= cookie=']);
      expect(report.transport.map((check) => [check.url, check.httpUrl, check.httpAnswer])).toEqual([
        [`https://127.0.0.1:${server.port}/app/`, `http://127.0.0.1:${server.port}/app/`, 'redirects'],
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('redirects', () => {
  const LOGIN = `steps:
  - name: log in
    method: POST
    path: /login
    headers: { Authorization: "Bearer \${TOKEN}", Cookie: "pre=1" }
    form: { password: "\${PW}" }
    expect: { cookies: [sid] }
`;

  it('are not followed to another port, and a step expecting cookies says why', async () => {
    const other: string[] = [];
    const elsewhere = await plainServer((request, response) => {
      other.push(seen(request));
      response.writeHead(200, { 'set-cookie': 'sid=x; HttpOnly' }).end();
    });
    const app = await plainServer((_request, response) => {
      response.writeHead(307, { location: `http://127.0.0.1:${elsewhere.port}/steal` }).end();
    });
    try {
      const report = await runVerify({
        urls: [`http://127.0.0.1:${app.port}/`],
        expectations: { cookies: [] },
        scenario: scenarioFile(LOGIN),
        ca: null,
        env: { TOKEN: 't0ken', PW: 'hunter2' },
      });
      expect(other).toEqual([]);
      const reason = 'another port than the one requested';
      expect(report.unfollowedRedirects).toEqual([
        {
          from: `http://127.0.0.1:${app.port}/login`,
          to: `http://127.0.0.1:${elsewhere.port}/steal`,
          step: 'log in',
          reason,
        },
      ]);
      expect(report.steps[0]!.problems).toEqual([
        {
          code: 'redirect-not-followed',
          message: `step "log in": the redirect to http://127.0.0.1:${elsewhere.port}/steal was not followed (${reason})`,
        },
        { code: 'expected-cookie-not-set', message: 'step "log in" did not set the cookie sid' },
      ]);
      expect(renderVerifyText(report).split('\n')).toContain(
        `info http://127.0.0.1:${app.port}/login (step "log in") redirects to http://127.0.0.1:${elsewhere.port}/steal, not followed: ${reason}; cookies set past it were not checked`,
      );
    } finally {
      await app.close();
      await elsewhere.close();
    }
  });

  it('are not followed from https:// to http://, and a plain GET notes it', async () => {
    const plainRequests: string[] = [];
    let port = 0;
    const server = await bothSchemes(
      (_request, response) => {
        response.writeHead(302, { location: `http://127.0.0.1:${port}/plain` }).end();
      },
      (request, response) => {
        plainRequests.push(seen(request));
        response.end();
      },
    );
    port = server.port;
    try {
      const report = await runVerify({
        urls: [`https://127.0.0.1:${port}/`],
        expectations: { cookies: [] },
        scenario: null,
        ca: tls.cert,
      });
      // Only the transport check's own probe of http://…/ reached plain HTTP, not the redirect.
      expect(plainRequests).toEqual(['GET / auth= cookie=']);
      expect(report.unfollowedRedirects).toEqual([
        {
          from: `https://127.0.0.1:${port}/`,
          to: `http://127.0.0.1:${port}/plain`,
          step: null,
          reason: 'it leaves HTTPS for plain HTTP',
        },
      ]);
      expect(report.problemCount).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('upgrade http:// to https:// on the same host without the Authorization, Cookie header or body', async () => {
    const secureRequests: string[] = [];
    let port = 0;
    const server = await bothSchemes(
      (request, response) => {
        secureRequests.push(seen(request));
        response.writeHead(200, { 'set-cookie': 'sid=s; Secure; HttpOnly' }).end();
      },
      (request, response) => {
        const status = request.url === '/keep' ? 308 : 302;
        response
          .writeHead(status, { location: `https://127.0.0.1:${port}/home`, 'set-cookie': 'lb=1; Path=/' })
          .end();
      },
    );
    port = server.port;
    try {
      const report = await runVerify({
        urls: [`http://127.0.0.1:${port}/`],
        expectations: { cookies: [] },
        scenario: scenarioFile(
          `${LOGIN}  - name: keep method
    method: POST
    path: /keep
    headers: { Authorization: "Bearer \${TOKEN}" }
    json: { a: 1 }
`,
        ),
        ca: tls.cert,
        env: { TOKEN: 't0ken', PW: 'hunter2' },
      });
      // The 302 of the login is followed as a GET with the jar's lb only; the 308 carrying a body is not.
      expect(secureRequests).toEqual(['GET /home auth= cookie=lb=1']);
      expect(report.steps.map((step) => [step.name, step.status, step.problems.map((p) => p.code)])).toEqual([
        ['log in', 200, []],
        ['keep method', 308, []],
      ]);
      expect(report.unfollowedRedirects).toEqual([
        {
          from: `http://127.0.0.1:${port}/keep`,
          to: `https://127.0.0.1:${port}/home`,
          step: 'keep method',
          reason: 'a 307/308 would re-send the request body to another origin',
        },
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('a secret a scenario takes from the environment', () => {
  const MAGIC = `steps:
  - name: magic link
    path: /magic/\${TOKEN}
    expect: { cookies: [sid] }
`;

  it('is shown as its ${NAME} in every output', async () => {
    const app = await plainServer((request, response) => {
      if (request.url === '/magic/s3cr3t%20t0ken')
        response.writeHead(302, { location: '/home?t=s3cr3t%20t0ken', 'set-cookie': 'sid=1; HttpOnly' });
      else response.writeHead(200, { 'set-cookie': `seen=1; Path=${request.url}` });
      response.end();
    });
    try {
      const report = await runVerify({
        urls: [`http://127.0.0.1:${app.port}/`],
        expectations: { cookies: [] },
        scenario: scenarioFile(MAGIC),
        ca: null,
        env: { TOKEN: 's3cr3t t0ken' },
      });
      const base = `http://127.0.0.1:${app.port}`;
      expect(report.steps.map((step) => step.url)).toEqual([`${base}/magic/\${TOKEN}`]);
      expect(report.cookies.map((cookie) => [cookie.name, cookie.url, cookie.header])).toEqual([
        ['sid', `${base}/magic/\${TOKEN}`, 'sid=…; HttpOnly'],
        ['seen', `${base}/home`, 'seen=…; Path=/home?t=${TOKEN}'],
      ]);
      for (const output of [JSON.stringify(report), renderVerifyText(report), renderVerifyMarkdown(report)])
        expect(output).not.toMatch(/s3cr3t/);
    } finally {
      await app.close();
    }
  });

  it('is shown as its ${NAME} in a request error', async () => {
    const app = await plainServer(() => undefined);
    await app.close();
    await expect(
      runVerify({
        urls: [`http://127.0.0.1:${app.port}/`],
        expectations: { cookies: [] },
        scenario: scenarioFile(MAGIC),
        ca: null,
        env: { TOKEN: 's3cr3t-t0ken' },
      }),
    ).rejects.toThrow(
      `GET http://127.0.0.1:${app.port}/magic/\${TOKEN}: connection refused (nothing listens there)`,
    );
  });
});

describe('a header value from the environment', () => {
  it('with a trailing newline stops the run before any request, naming the header and not the value', async () => {
    const requests: string[] = [];
    const app = await plainServer((request, response) => {
      requests.push(seen(request));
      response.end();
    });
    const file = scenarioFile(
      'steps:\n  - name: api\n    path: /api\n    headers: { Authorization: "Bearer ${TOKEN}" }\n',
    );
    try {
      await expect(
        runVerify({
          urls: [`http://127.0.0.1:${app.port}/`],
          expectations: { cookies: [] },
          scenario: file,
          ca: null,
          env: { TOKEN: 's3cr3t\n' },
        }),
      ).rejects.toThrow(
        `${file}:2: step "api": the value of header Authorization holds a line break or another control character (a trailing newline in an environment variable?)`,
      );
      expect(requests).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('arguments verify refuses', () => {
  it('a URL that does not parse is echoed without its credentials or query', async () => {
    await expect(
      runVerify({
        urls: ['https://admin:hunter2@exa mple.com/x?token=S3CR3T'],
        expectations: { cookies: [] },
        scenario: null,
        ca: null,
      }),
    ).rejects.toThrow('"https://…@exa mple.com/x" is not a URL (give it in full: https://example.com/)');
  });

  it('a timeout below one millisecond', async () => {
    await expect(
      runVerify({
        urls: ['http://127.0.0.1:9/'],
        expectations: { cookies: [] },
        scenario: null,
        ca: null,
        timeoutMs: 0.2,
      }),
    ).rejects.toThrow('the timeout must be at least 1 ms');
  });
});
