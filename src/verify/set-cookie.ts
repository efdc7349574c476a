// One Set-Cookie header read the way RFC 6265bis §5.6 tells a browser to: the name-value pair up to the first
// `;`, then attributes whose names are case-insensitive, whose values may be missing, and where the last of
// a repeated attribute wins. The value is kept only to send it back; reports never show it.
import type { CookieAttributes, SetCookie } from './types.js';

/** Attributes shown as sent: those read here, and Chromium's Priority. */
const SHOWN_ATTRIBUTES = new Set([
  'httponly',
  'secure',
  'partitioned',
  'samesite',
  'path',
  'domain',
  'max-age',
  'expires',
  'priority',
]);

/** Returns null for a header a browser ignores (no `=` and no name, or a control character). */
export function parseSetCookie(header: string, now: Date = new Date()): SetCookie | null {
  // A browser aborts on control characters other than tab (§5.6 step 1).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(header)) return null;
  const [pair = '', ...rest] = header.split(';');
  const equals = pair.indexOf('=');
  // A pair without `=` is a cookie with an empty name whose value is the whole pair.
  const name = equals === -1 ? '' : pair.slice(0, equals).trim();
  // Quotes stay part of the value: a browser sends them back as they came.
  const value = equals === -1 ? pair.trim() : pair.slice(equals + 1).trim();
  if (name === '' && value === '') return null;
  const attributes: CookieAttributes = {
    httpOnly: false,
    secure: false,
    sameSite: null,
    path: null,
    domain: null,
    maxAge: null,
    expires: null,
    partitioned: false,
  };
  let expiresAt: number | null = null;
  const shown = [`${name === '' ? '' : `${name}=`}…`];
  for (const part of rest) {
    const at = part.indexOf('=');
    const key = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase();
    const raw = at === -1 ? '' : part.slice(at + 1).trim();
    // An unknown attribute may be the rest of a value that held a `;` (`q="a;b"`): it is shown masked.
    if (part.trim() !== '') shown.push(SHOWN_ATTRIBUTES.has(key) ? part.trim() : '…');
    switch (key) {
      case 'httponly':
        attributes.httpOnly = true;
        break;
      case 'secure':
        attributes.secure = true;
        break;
      case 'partitioned':
        attributes.partitioned = true;
        break;
      case 'samesite': {
        const lower = raw.toLowerCase();
        attributes.sameSite =
          lower === 'strict' ? 'Strict' : lower === 'lax' ? 'Lax' : lower === 'none' ? 'None' : null;
        break;
      }
      case 'path':
        // A path not starting with `/` is replaced by the default path (§5.6.4): recorded as absent.
        attributes.path = raw.startsWith('/') ? raw : null;
        break;
      case 'domain':
        // A leading dot is ignored; an empty value leaves the cookie host-only.
        attributes.domain = raw === '' ? null : raw.replace(/^\./, '').toLowerCase();
        break;
      case 'max-age':
        // Only `-?digits` counts; anything else leaves the attribute out.
        if (/^-?\d+$/.test(raw)) attributes.maxAge = Number(raw);
        break;
      case 'expires': {
        const time = parseCookieDate(raw);
        if (time !== null) {
          expiresAt = time;
          attributes.expires = new Date(time).toISOString();
        }
        break;
      }
      default:
        break;
    }
  }
  // Max-Age takes precedence over Expires (§5.6.2).
  const deletion =
    attributes.maxAge !== null ? attributes.maxAge <= 0 : expiresAt !== null && expiresAt <= now.getTime();
  return { name, value, attributes, deletion, header: shown.join('; ') };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The cookie date algorithm (RFC 6265bis §5.4.1): tokens in any order, the first time, day of month, month
 * and year each taken once; two-digit years are 19xx/20xx. Returns epoch milliseconds or null.
 */
export function parseCookieDate(text: string): number | null {
  let time: [number, number, number] | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  // eslint-disable-next-line no-control-regex
  for (const token of text.split(/[\u0009\u0020-\u002f\u003b-\u0040\u005b-\u0060\u007b-\u007e]+/)) {
    if (token === '') continue;
    const clock = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D.*)?$/.exec(token);
    if (time === null && clock) {
      time = [Number(clock[1]), Number(clock[2]), Number(clock[3])];
      continue;
    }
    const dayMatch = /^(\d{1,2})(?:\D.*)?$/.exec(token);
    if (day === null && dayMatch) {
      day = Number(dayMatch[1]);
      continue;
    }
    const monthIndex = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    if (month === null && monthIndex !== -1) {
      month = monthIndex;
      continue;
    }
    const yearMatch = /^(\d{2,4})(?:\D.*)?$/.exec(token);
    if (year === null && yearMatch) {
      year = Number(yearMatch[1]);
      continue;
    }
  }
  if (time === null || day === null || month === null || year === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year <= 69) year += 2000;
  const [hour, minute, second] = time;
  if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month, day, hour, minute, second);
}
