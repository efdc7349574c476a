// `verify --browser`: after the HTTP checks, the cookies they saw are handed to the real-browser check
// (browser.ts) with the flags their code sites expect. A cookie no code location explains is not judged there
// either: its name alone decides nothing.
import { BrowserCheckError, browserCheck, type BrowserExpectation } from './browser.js';
import { VerifyError } from './http.js';
import type { BrowserSection, ObservedCookie } from './types.js';

export interface InBrowserOptions {
  /** PEM text of the certificates `--ca` names, or null. */
  ca: string | null;
  /** Where the browser tries http:// for an https:// URL (default 80). */
  httpPort?: number;
  timeoutMs: number;
}

export async function checkInBrowser(
  urls: readonly URL[],
  cookies: readonly ObservedCookie[],
  options: InBrowserOptions,
): Promise<BrowserSection> {
  const expected = browserExpectations(cookies);
  // Starting a browser takes seconds: not worth it when there is nothing to judge.
  if (expected.length === 0)
    return {
      skipped: 'browser check skipped: no cookie that the code expects HttpOnly or Secure was received',
      results: [],
      unstored: [],
    };
  try {
    return await browserCheck({
      urls: urls.map(pageUrl),
      expected,
      ...(options.ca !== null && { ca: options.ca }),
      ...(options.httpPort !== undefined && { httpPort: options.httpPort }),
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    // Already one line: shown as verify's other runtime errors are (exit 2, no stack).
    if (error instanceof BrowserCheckError) throw new VerifyError(error.message);
    throw error;
  }
}

/**
 * One expectation per cookie name, from the cookies a code site explains. A name seen on several answers
 * needs a flag when any of them does (a Secure the framework adds on HTTPS only is required on those).
 */
export function browserExpectations(cookies: readonly ObservedCookie[]): BrowserExpectation[] {
  const byName = new Map<string, BrowserExpectation>();
  for (const cookie of cookies) {
    if (cookie.expected.source !== 'code') continue;
    if (!cookie.expected.httpOnly && !cookie.expected.secure) continue;
    const known = byName.get(cookie.name) ?? { name: cookie.name, httpOnly: false, secure: false };
    known.httpOnly ||= cookie.expected.httpOnly;
    known.secure ||= cookie.expected.secure;
    byName.set(cookie.name, known);
  }
  return [...byName.values()];
}

/** The URL the browser loads: as given, without credentials or a fragment (results name it). */
function pageUrl(url: URL): string {
  const page = new URL(url);
  page.username = '';
  page.password = '';
  page.hash = '';
  return page.href;
}
