// A small browser stand-in: a cookie jar kept across requests, and redirects followed only within the origin
// requested (or its http:// → https:// upgrade), among the hosts the person named. Every response on the way
// is handed back, since each may set cookies; a redirect not followed is said on the last one.
import { parseSetCookie } from './set-cookie.js';
import { send, shownUrl, VerifyError, type HttpResponse } from './http.js';
import type { SetCookie } from './types.js';

export interface Exchange {
  method: string;
  url: URL;
  status: number;
  response: HttpResponse;
  cookies: SetCookie[];
  /** On the last exchange, when it redirects and the redirect was not followed: where to (shown form), why. */
  unfollowed?: { to: string; reason: string };
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
    /** Host names requests may go to; a redirect must also keep the origin (bar an https:// upgrade). */
    private readonly allowedHosts: ReadonlySet<string>,
    private readonly timeoutMs: number,
    private readonly ca: string | null,
  ) {}

  /** Sends the request, then follows redirects (when asked) within its origin; every hop is returned. */
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
      const keepsMethod = response.status === 307 || response.status === 308;
      const refused = this.refusal(current.url, next, keepsMethod && current.body !== null);
      // What lies past it is not the deployment as requested: the walk ends there, and the report says so.
      if (refused !== null) {
        exchanges.at(-1)!.unfollowed = { to: shownUrl(next), reason: refused };
        return exchanges;
      }
      // A new origin (only ever the https:// upgrade) gets no credentials the step gave for the old one.
      const sameOrigin = next.origin === current.url.origin;
      const headers = sameOrigin ? current.headers : withoutCredentials(current.headers);
      if (!sameOrigin) {
        next.username = '';
        next.password = '';
      }
      current = keepsMethod
        ? { ...current, url: next, headers }
        : {
            method: current.method === 'HEAD' ? 'HEAD' : 'GET',
            url: next,
            body: null,
            headers: withoutBody(headers),
          };
    }
  }

  /** Why a redirect from `from` to `to` is not followed, or null when it is. */
  private refusal(from: URL, to: URL, carriesBody: boolean): string | null {
    if (to.protocol !== 'http:' && to.protocol !== 'https:') return 'not an http:// or https:// URL';
    if (!this.allowedHosts.has(to.hostname)) return 'its host is not among the URLs given';
    if (to.origin === from.origin) return null;
    if (to.hostname !== from.hostname) return 'another host than the one requested';
    if (from.protocol === 'https:' && to.protocol === 'http:') return 'it leaves HTTPS for plain HTTP';
    if (to.port !== from.port) return 'another port than the one requested';
    // Left: http:// → https:// on the same host and port, which a browser would follow as well.
    if (carriesBody) return 'a 307/308 would re-send the request body to another origin';
    return null;
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

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !/^(authorization|proxy-authorization|cookie)$/i.test(name)),
  );
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
