// A small browser stand-in: a cookie jar kept across requests, and redirects followed only to the hosts the
// person named. Every response on the way is handed back, since each may set cookies.
import { parseSetCookie } from './set-cookie.js';
import { send, shownUrl, VerifyError, type HttpResponse } from './http.js';
import type { SetCookie } from './types.js';

export interface Exchange {
  method: string;
  url: URL;
  status: number;
  response: HttpResponse;
  cookies: SetCookie[];
}

interface JarEntry {
  host: string;
  path: string;
  secure: boolean;
  value: string;
}

const MAX_REDIRECTS = 10;

export class Client {
  private readonly jar = new Map<string, JarEntry>();

  constructor(
    /** Host names requests may go to (any port: `http://x` may redirect to `https://x`). */
    private readonly allowedHosts: ReadonlySet<string>,
    private readonly timeoutMs: number,
    private readonly ca: string | null,
  ) {}

  /** Sends the request, then follows redirects (when asked) among the allowed hosts; every hop is returned. */
  async request(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string | null,
    follow: boolean,
  ): Promise<Exchange[]> {
    const exchanges: Exchange[] = [];
    let current = { method, url, body, headers };
    for (let hop = 0; ; hop++) {
      if (!this.allowedHosts.has(current.url.hostname)) {
        throw new VerifyError(
          `${shownUrl(current.url)}: not requested, its host is not among the URLs given`,
        );
      }
      const response = await send({
        method: current.method,
        url: current.url,
        headers: this.withCookies(current.headers, current.url),
        body: current.body,
        timeoutMs: this.timeoutMs,
        ca: this.ca,
      });
      const cookies = response.setCookie
        .map((header) => parseSetCookie(header))
        .filter((cookie): cookie is SetCookie => cookie !== null);
      for (const cookie of cookies) this.store(current.url, cookie);
      exchanges.push({
        method: current.method,
        url: current.url,
        status: response.status,
        response,
        cookies,
      });
      const location = response.headers.location;
      if (!follow || response.status < 300 || response.status > 399 || !location) return exchanges;
      if (hop >= MAX_REDIRECTS)
        throw new VerifyError(`${shownUrl(url)}: more than ${MAX_REDIRECTS} redirects`);
      let next: URL;
      try {
        next = new URL(location, current.url);
      } catch {
        throw new VerifyError(`${shownUrl(current.url)}: redirects to an unreadable location`);
      }
      // A redirect off the named hosts ends the walk: what lies there is not the deployment under test.
      if (!this.allowedHosts.has(next.hostname) || (next.protocol !== 'http:' && next.protocol !== 'https:'))
        return exchanges;
      const keepsMethod = response.status === 307 || response.status === 308;
      current = keepsMethod
        ? { ...current, url: next }
        : {
            method: current.method === 'HEAD' ? 'HEAD' : 'GET',
            url: next,
            body: null,
            headers: withoutBody(current.headers),
          };
    }
  }

  private store(url: URL, cookie: SetCookie): void {
    const path = cookie.attributes.path ?? defaultPath(url);
    const key = `${url.hostname}\0${path}\0${cookie.name}`;
    if (cookie.deletion) this.jar.delete(key);
    else
      this.jar.set(key, { host: url.hostname, path, secure: cookie.attributes.secure, value: cookie.value });
  }

  /** The jar's cookies for `url` after any Cookie header the scenario gives itself (one header, not two). */
  private withCookies(headers: Record<string, string>, url: URL): Record<string, string> {
    const jar = this.cookieHeader(url);
    const given = Object.keys(headers).find((name) => name.toLowerCase() === 'cookie');
    const rest = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== given));
    const cookie = [given === undefined ? '' : headers[given]!, jar].filter(Boolean).join('; ');
    return cookie === '' ? rest : { ...rest, cookie };
  }

  private cookieHeader(url: URL): string {
    const pairs: string[] = [];
    for (const [key, entry] of this.jar) {
      if (entry.host !== url.hostname) continue;
      if (entry.secure && url.protocol !== 'https:') continue;
      if (!pathMatches(url.pathname, entry.path)) continue;
      const name = key.slice(key.lastIndexOf('\0') + 1);
      pairs.push(name === '' ? entry.value : `${name}=${entry.value}`);
    }
    return pairs.join('; ');
  }
}

function withoutBody(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !/^content-(type|length)$/i.test(name)),
  );
}

/** RFC 6265bis §5.1.4: the request path's folder. */
function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith('/') || path.lastIndexOf('/') === 0) return '/';
  return path.slice(0, path.lastIndexOf('/'));
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}
