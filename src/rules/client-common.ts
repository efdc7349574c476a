// Browser-side cookie writes (js-cookie, universal-cookie, ngx-cookie-service, `document.cookie`): script
// can never set HttpOnly, so only Secure is checked. A session or auth token written from the browser is
// readable by every script on the page whatever its flags: that is a design problem, reported as such.
import type { Container, CookieSite, Flag } from '../model.js';
import { kindOfName } from '../cookie-kind.js';
import type { JsModule, JsPath } from '../languages/javascript.js';
import type { JsModuleLoader } from '../languages/js-options.js';
import { nameValueOptionsSite } from './js-site.js';

export const CLIENT_KEYS: Record<Flag, string | null> = { httpOnly: null, secure: 'secure' };

/** A browser library's `set(name, value, options?)` call: only `secure` can be in the options. */
export function clientCallSite(
  ruleId: string,
  module: JsModule,
  call: JsPath,
  load: JsModuleLoader,
): CookieSite | null {
  // Browser sites have not carried the value's text: it is left unread here too.
  return nameValueOptionsSite(ruleId, module, call, load, { keys: CLIENT_KEYS, valueIndex: undefined });
}

/** Adds the design note to token-like cookies; when Secure is fine, the note becomes the finding. */
export function clientSite(site: CookieSite, api: string): CookieSite {
  const tokens = site.cookieNames.filter((name) => kindOfName(name) === 'session');
  if (tokens.length === 0) return site;
  const note =
    `"${tokens[0]}" looks like a session or auth token written by browser code (${api}): it can never be ` +
    'HttpOnly there, so any script on the page can read it. Set it from the server with a Set-Cookie header instead.';
  if (site.flags.secure.kind === 'true') return { ...site, advisory: note };
  return { ...site, notes: [...site.notes, note] };
}

/**
 * A container no insertion can go into (its "empty" inside holds text): the plan then leaves a missing
 * flag unchanged instead of claiming a fix. Used where the flag cannot be written as an object key (a
 * positional argument, a cookie string).
 */
export function unsplicable(file: string, start: number, end: number): Container {
  return { file, syntax: 'js-object', open: start, close: end - 1, entries: [], keyQuote: '' };
}
