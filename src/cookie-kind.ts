// What a cookie's name suggests about it. A name is only a hint: it sets a finding's severity and whether a
// missing HttpOnly is worth adding, never the ground for overturning a value someone wrote on purpose (real
// projects call browser-read cookies `sessions`, `logged_in`, `user_theme`). Rules and policy both read it,
// so it lives beside the model rather than in either stage.
import type { CookieKind } from './model.js';

/** Words that name the credential itself when they end the name: `sid`, `auth_token`, `laravel_session`. */
const CREDENTIAL_NOUNS = new Set([
  'session',
  'sessions',
  'sess',
  'sid',
  'sessid',
  'sessionid',
  'jsessionid',
  'phpsessid',
  'token',
  'jwt',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'identity',
  'passport',
]);

/** One-word spellings that end in a credential noun: `sessionid`, `authtoken`, `PHPSESSID`. */
const CREDENTIAL_SUFFIXES = ['session', 'sessid', 'sessionid', 'token', 'jwt'];

/** `session_id`, `sess_id`, `auth_id`: an id is a credential only when what it identifies is a session. */
const ID_OWNERS = new Set(['session', 'sess', 'auth']);

/** The name split into lower-case words: `tokenExpiresAt` → token, expires, at; `__Host-sid` → host, sid. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Kind of cookie a name suggests. CSRF first (`csrftoken` is a CSRF cookie, not an auth token); a session
 * only when the name's last word is the credential itself, so modifiers after it (`token_expires_at`,
 * `logged_in`, `user_theme`, `ajs_user_id`) describe something else about the user, not a secret.
 */
export function kindOfName(name: string): CookieKind {
  if (/csrf|xsrf/i.test(name)) return 'csrf';
  const words = nameWords(name);
  const last = words.at(-1);
  if (last === undefined) return 'other';
  if (CREDENTIAL_NOUNS.has(last)) return 'session';
  if (last === 'id' && words.length > 1 && ID_OWNERS.has(words.at(-2)!)) return 'session';
  if (/^[a-z]+$/.test(last) && CREDENTIAL_SUFFIXES.some((suffix) => last.endsWith(suffix))) return 'session';
  return 'other';
}
