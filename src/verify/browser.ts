// `verify --browser`: what a real Chromium does with the deployment's cookies, beyond what the headers say.
//
//   browserCheck({ urls, expected, ca?, executablePath?, httpPort?, timeoutMs }) → Promise<BrowserCheckReport>
//
// - `urls`: absolute http(s) URLs. Each is loaded in its own incognito context (an empty cookie jar), so a
//   cookie's results name the URL whose load stored it.
// - `expected`: the cookie names to judge and the flags each should carry (from the scan). A cookie expected
//   HttpOnly gets a `hidden-from-script` result: passed when the page's `document.cookie` does not show it and
//   the browser stored it HttpOnly. A cookie expected Secure gets a `not-sent-over-http` result: after the
//   page, the browser requests the same host and path over http:// (port `httpPort`, default 80; an http://
//   page URL is requested again at its own port; never with the page's query or credentials) and the Cookie
//   header it puts on the wire is read through the DevTools protocol; passed when the cookie is not in it and
//   the browser stored it Secure. The http:// answer itself is replaced by an empty page, so a redirect back
//   to https:// is not followed.
//   Expected cookies that no URL stored are listed in `unstored`, with the browser's reason when it refused
//   one (e.g. `SameSite=None` without Secure).
// - `ca`: PEM text of certificates to trust (see spkiHashes in browser-launch.ts).
// - `executablePath`: the browser; otherwise CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser,
//   /usr/bin/google-chrome.
// - `timeoutMs`: for each page load (the browser's start gets at least 30 s).
//
// No browser, or no puppeteer-core to drive it: `skipped` says so in one line and there are no results.
// A browser that does not start, or a page that does not load, rejects with a one-line BrowserCheckError.
// Loopback hosts are reached under stand-in names (browser-hosts.ts explains why); results name the URLs given,
// without their query (it may hold a token, e.g. a protection-bypass secret).
import type { BrowserContext, CDPSession, Page, Protocol } from 'puppeteer-core';
import {
  BrowserCheckError,
  browserArguments,
  findBrowser,
  firstLine,
  loadPuppeteer,
  spkiHashes,
  startBrowser,
} from './browser-launch.js';
import { planHosts, type HostPlan } from './browser-hosts.js';
import { shownUrlText } from './http.js';

export { BrowserCheckError } from './browser-launch.js';

export interface BrowserExpectation {
  name: string;
  httpOnly: boolean;
  secure: boolean;
}

export interface BrowserCheckOptions {
  urls: string[];
  expected: BrowserExpectation[];
  ca?: string;
  executablePath?: string;
  /** Port of the deployment's plain-HTTP listener, for the `not-sent-over-http` check (default 80). */
  httpPort?: number;
  timeoutMs: number;
}

export interface BrowserCheckResult {
  name: string;
  /** The URL (as given) whose load stored the cookie. */
  url: string;
  check: 'hidden-from-script' | 'not-sent-over-http';
  passed: boolean;
  /** What the browser did, in one sentence. */
  observed: string;
}

export interface BrowserCheckReport {
  /** Why the check did not run, or null when it ran. */
  skipped: string | null;
  results: BrowserCheckResult[];
  /** Expected cookies that no URL's load stored in the browser. */
  unstored: Array<{ name: string; reason: string }>;
}

export async function browserCheck(options: BrowserCheckOptions): Promise<BrowserCheckReport> {
  const found = findBrowser(options.executablePath);
  if ('skipped' in found) return { skipped: found.skipped, results: [], unstored: [] };
  const puppeteer = await loadPuppeteer();
  if ('skipped' in puppeteer) return { skipped: puppeteer.skipped, results: [], unstored: [] };
  try {
    return await runCheck(options, found.path, puppeteer.launch);
  } catch (error) {
    // Anything else (a protocol call that timed out, a puppeteer-core too old for an API) is one line too.
    if (error instanceof BrowserCheckError) throw error;
    throw new BrowserCheckError(`the browser check failed: ${firstLine(error)}`);
  }
}

async function runCheck(
  options: BrowserCheckOptions,
  executablePath: string,
  launch: Parameters<typeof startBrowser>[0],
): Promise<BrowserCheckReport> {
  const hosts = planHosts(options.urls);
  const running = await startBrowser(launch, {
    executablePath,
    args: browserArguments({ spki: options.ca ? spkiHashes(options.ca) : [], hostRules: hosts.rules }),
    timeoutMs: options.timeoutMs,
  });
  try {
    const results: BrowserCheckResult[] = [];
    const stored = new Set<string>();
    const refused = new Map<string, string>();
    for (const url of options.urls) {
      const context = await running.browser.createBrowserContext();
      try {
        const page = await checkPage(context, url, hosts, options);
        results.push(...page.results);
        for (const name of page.stored) stored.add(name);
        for (const [name, reason] of page.refused) if (!refused.has(name)) refused.set(name, reason);
      } finally {
        await context.close().catch(() => undefined);
      }
    }
    const unstored = options.expected
      .filter((cookie) => (cookie.httpOnly || cookie.secure) && !stored.has(cookie.name))
      .map((cookie) => ({ name: cookie.name, reason: refused.get(cookie.name) ?? 'no page set it' }));
    return { skipped: null, results, unstored };
  } finally {
    await running.close();
  }
}

interface PageOutcome {
  results: BrowserCheckResult[];
  stored: string[];
  refused: Map<string, string>;
}

async function checkPage(
  context: BrowserContext,
  url: string,
  hosts: HostPlan,
  options: BrowserCheckOptions,
): Promise<PageOutcome> {
  const page = await context.newPage();
  page.setDefaultNavigationTimeout(options.timeoutMs);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');

  const pageShown = shownUrlText(url);
  const refused = watchRefusedCookies(cdp, pageShown);
  await load(page, hosts.browserUrl(url), pageShown, options.timeoutMs);
  // Taken now: what the http:// probe's answer tries to set is not this page's doing.
  const refusedOnLoad = new Map(refused.take());
  const visible = parseDocumentCookie(String(await page.evaluate('document.cookie')));
  const jar = await context.cookies();
  const results: BrowserCheckResult[] = [];
  const storedNames: string[] = [];
  const judged = options.expected.filter((cookie) => cookie.httpOnly || cookie.secure);

  for (const expectation of judged) {
    const cookie = jar.find((entry) => entry.name === expectation.name);
    if (!cookie) continue;
    storedNames.push(cookie.name);
    if (!expectation.httpOnly) continue;
    const shown = visible.has(cookie.name);
    results.push({
      name: cookie.name,
      url: pageShown,
      check: 'hidden-from-script',
      passed: !shown && cookie.httpOnly === true,
      observed: shown
        ? 'document.cookie shows it'
        : cookie.httpOnly
          ? 'hidden from document.cookie (stored HttpOnly)'
          : `not in document.cookie on this page, but stored without HttpOnly (Path=${cookie.path})`,
    });
  }

  const secureNames = judged.filter((cookie) => cookie.secure && storedNames.includes(cookie.name));
  if (secureNames.length > 0) {
    const httpUrl = plainHttpUrl(url, options.httpPort ?? 80);
    const probe = await probeOverHttp(page, cdp, hosts.browserUrl(httpUrl), options.timeoutMs);
    for (const expectation of secureNames) {
      const cookie = jar.find((entry) => entry.name === expectation.name)!;
      const sent = probe.sent.has(cookie.name);
      results.push({
        name: cookie.name,
        url: pageShown,
        check: 'not-sent-over-http',
        passed: !sent && cookie.secure === true,
        observed: describeProbe(httpUrl, probe, cookie.name, cookie.secure === true),
      });
    }
  }
  return { results, stored: storedNames, refused: refusedOnLoad };
}

async function load(page: Page, browserUrl: string, url: string, timeoutMs: number): Promise<void> {
  try {
    await page.goto(browserUrl, { waitUntil: 'load', timeout: timeoutMs });
  } catch (error) {
    // puppeteer ends its message with the URL it loaded, which may be a stand-in name: the caller's is given.
    const reason = firstLine(error).replace(` at ${browserUrl}`, '');
    throw new BrowserCheckError(
      `the browser could not load ${url}: ${/timeout/i.test(reason) ? `no answer within ${timeoutMs} ms` : reason}`,
    );
  }
}

/** The names in a `document.cookie` string (`a=1; b=2`; a cookie without `=` is a value with an empty name). */
function parseDocumentCookie(text: string): Set<string> {
  const names = new Set<string>();
  for (const pair of text.split(';')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    names.add(equals === -1 ? '' : trimmed.slice(0, equals));
  }
  return names;
}

/** Set-Cookie lines the browser refused while the page loaded, by cookie name, with Chromium's reasons. */
function watchRefusedCookies(cdp: CDPSession, url: string): { take(): Map<string, string> } {
  const refused = new Map<string, string>();
  cdp.on('Network.responseReceivedExtraInfo', (event: Protocol.Network.ResponseReceivedExtraInfoEvent) => {
    for (const blocked of event.blockedCookies) {
      const name = blocked.cookie?.name ?? blocked.cookieLine.split('=')[0]!.trim();
      if (!refused.has(name)) {
        refused.set(name, `the browser refused it from ${url} (${blocked.blockedReasons.join(', ')})`);
      }
    }
  });
  return { take: () => refused };
}

/**
 * The page's host and path over http:// at the given port (an http:// URL keeps its port). Credentials, query
 * and fragment are dropped: a token in them must not cross plain HTTP, and only the cookies matter here.
 */
export function plainHttpUrl(url: string, port: number): string {
  const parsed = new URL(url);
  const plain = new URL(`http://${parsed.host}${parsed.pathname}`);
  if (parsed.protocol !== 'http:') plain.port = port === 80 ? '' : String(port);
  return plain.href;
}

interface Probe {
  /** Names in the Cookie header the browser sent over http://. */
  sent: Set<string>;
  /** Why the others were not sent, by name (Chromium's reasons, e.g. SecureOnly). */
  withheld: Map<string, string[]>;
  /** No request went out over http:// (no answer, or upgraded to https:// first): the reason. */
  noRequest: string | null;
}

/**
 * Requests `browserUrl` (http://) in the page and reads the cookies the browser attached on the wire. The
 * answer is replaced by an empty page, so only one request leaves and a redirect is never followed.
 */
async function probeOverHttp(
  page: Page,
  cdp: CDPSession,
  browserUrl: string,
  timeoutMs: number,
): Promise<Probe> {
  const documents = new Map<string, string>();
  const extra = new Map<string, Protocol.Network.AssociatedCookie[]>();
  let upgraded = false;
  const onRequest = (event: Protocol.Network.RequestWillBeSentEvent) => {
    if (event.type === 'Document' && !documents.has(event.requestId))
      documents.set(event.requestId, event.request.url);
  };
  const onExtra = (event: Protocol.Network.RequestWillBeSentExtraInfoEvent) => {
    extra.set(event.requestId, event.associatedCookies);
  };
  const onPaused = (event: Protocol.Fetch.RequestPausedEvent) => {
    // An HSTS upgrade is an answer Chromium makes up itself (307, with this header): nothing went out over http://.
    upgraded ||= (event.responseHeaders ?? []).some(
      (header) => header.name.toLowerCase() === 'non-authoritative-reason' && header.value === 'HSTS',
    );
    void cdp
      .send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 200, body: '' })
      .catch(() => undefined);
  };
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.requestWillBeSentExtraInfo', onExtra);
  cdp.on('Fetch.requestPaused', onPaused);
  await cdp.send('Fetch.enable', {
    patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Response' }],
  });
  let failure: string | null = null;
  try {
    await page.goto(browserUrl, { waitUntil: 'load', timeout: timeoutMs });
  } catch (error) {
    failure = firstLine(error);
  } finally {
    await cdp.send('Fetch.disable').catch(() => undefined);
  }
  // The extra-info event may trail the navigation a little: it comes from the network process.
  const requestId = [...documents].find(([, url]) => url === browserUrl)?.[0];
  const deadline = Date.now() + Math.min(timeoutMs, 2_000);
  while (requestId && !extra.has(requestId) && !upgraded && failure === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  cdp.off('Network.requestWillBeSent', onRequest);
  cdp.off('Network.requestWillBeSentExtraInfo', onExtra);
  cdp.off('Fetch.requestPaused', onPaused);

  const probe: Probe = { sent: new Set(), withheld: new Map(), noRequest: null };
  const associated = requestId ? extra.get(requestId) : undefined;
  if (upgraded) probe.noRequest = 'the browser upgraded it to https:// before sending (HSTS)';
  else if (!associated) probe.noRequest = failure ?? 'no request reached the network';
  else {
    for (const { cookie, blockedReasons } of associated) {
      if (blockedReasons.length === 0) probe.sent.add(cookie.name);
      else probe.withheld.set(cookie.name, blockedReasons);
    }
  }
  return probe;
}

function describeProbe(httpUrl: string, probe: Probe, name: string, storedSecure: boolean): string {
  if (probe.sent.has(name)) return `sent over plain HTTP to ${httpUrl}`;
  const why = probe.noRequest ?? `withheld (${probe.withheld.get(name)?.join(', ') ?? 'not matching'})`;
  return storedSecure
    ? `stored Secure; not sent to ${httpUrl}: ${why}`
    : `stored without Secure; not sent to ${httpUrl} only because: ${why}`;
}
