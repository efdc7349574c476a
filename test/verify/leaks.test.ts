// What `verify` must never send or show: secrets in the URLs given (credentials, a query token) crossing
// plain HTTP, and requests carried across origins by redirects. Loopback servers in this process.
import { readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/verify/run.js';
import { selfSignedCertificate } from './live.js';

let tls: ReturnType<typeof selfSignedCertificate>;
beforeAll(() => {
  tls = selfSignedCertificate();
});
afterAll(() => {
  rmSync(tls.folder, { recursive: true, force: true });
});

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
