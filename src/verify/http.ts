// One HTTP exchange over node:http / node:https, with a timeout, an optional extra CA, and every failure
// turned into one sentence. Trusting a self-signed deployment goes through `ca` for this request only:
// certificate checking is never switched off.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { UsageError } from '../errors.js';

/** A failure to talk to the deployment: one line, exit 2. */
export class VerifyError extends UsageError {
  override name = 'VerifyError';
}

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  /** PEM text of extra certificate authorities, or null. */
  ca: string | null;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  setCookie: string[];
}

/** What is shown of a URL in messages: no user name, password, query or fragment (they may hold secrets). */
export function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** shownUrl for a URL still in text form; text that does not parse loses its user info, query and fragment. */
export function shownUrlText(text: string): string {
  if (URL.canParse(text)) return shownUrl(new URL(text));
  return text.replace(/[?#][\s\S]*$/, '').replace(/^([^/]*\/\/)[^/]*@/, '$1');
}

export function send(request: HttpRequest): Promise<HttpResponse> {
  const { url } = request;
  const where = `${request.method} ${shownUrl(url)}`;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': 'cookie-hardener-verify', ...request.headers };
    if (request.body !== null) headers['content-length'] = String(Buffer.byteLength(request.body));
    const options = { method: request.method, headers };
    const secure = url.protocol === 'https:';
    const req = secure
      ? httpsRequest(url, { ...options, ...(request.ca !== null && { ca: request.ca }) })
      : httpRequest(url, options);
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(new VerifyError(`${where}: ${message}`));
    };
    // The whole exchange, not each socket read: a server that trickles bytes is still cut off.
    const timer = setTimeout(
      () => fail(`no answer within ${formatSeconds(request.timeoutMs)}`),
      request.timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) => fail(describeError(error, secure)));
    req.on('response', (response) => {
      // The body is not needed; it is drained so the socket closes.
      response.resume();
      response.on('error', (error: NodeJS.ErrnoException) => fail(describeError(error, secure)));
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const setCookie = response.headers['set-cookie'] ?? [];
        resolve({ status: response.statusCode ?? 0, headers: response.headers, setCookie });
      });
    });
    if (request.body !== null) req.write(request.body);
    req.end();
  });
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function describeError(error: NodeJS.ErrnoException, secure: boolean): string {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens there)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT') return 'the connection timed out';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was closed without an answer';
  if (code.startsWith('HPE_')) return 'the answer is not HTTP';
  if (TLS_CODES.has(code)) {
    const hint = /SELF_SIGNED|UNABLE_TO/.test(code)
      ? ' (for a self-signed certificate, pass its CA with --ca FILE)'
      : '';
    return `TLS error: ${oneLine(error.message)}${hint}`;
  }
  // OpenSSL's wording for a first record that is not TLS: the port speaks plain HTTP (or something else).
  if (secure && (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(error.message)))
    return 'the server answered without TLS: this port speaks plain HTTP (use http://, or the HTTPS port)';
  if (secure && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS/i.test(error.message)))
    return `TLS error: ${oneLine(error.message)} (is it an HTTPS server?)`;
  return oneLine(error.message) || code || 'the request failed';
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
