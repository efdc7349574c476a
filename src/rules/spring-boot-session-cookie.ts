// Spring Boot's `server.servlet.session.cookie.*` properties in `application.properties` / `application.yml`
// (and their profile variants). Spring Boot applies a property only when it is set: left out, the servlet
// container's default stands, which on Tomcat is HttpOnly on and Secure on every request the container sees
// as HTTPS. So only a value someone wrote can be a finding, and in practice only `false`: nothing is inserted.
import { environmentOfValue } from '../languages/environment-words.js';
import type { PropertyEntry } from '../languages/java/properties.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { JavaRule } from './rule.js';

const PREFIX = 'server.servlet.session.cookie.';
/** Property names as Spring's relaxed binding compares them: lower case, without `-` and `_`. */
const FLAG_KEYS: Record<Flag, string> = { httpOnly: 'httponly', secure: 'secure' };

export const springBootSessionCookie: JavaRule = {
  meta: {
    id: 'spring-boot-session-cookie',
    framework: 'spring-boot',
    language: 'java',
    api: 'server.servlet.session.cookie.*',
    description:
      "Spring Boot's session cookie properties (http-only, secure) in application.properties or application.yml; left out, the container's defaults apply.",
    defaults: { httpOnly: 'on', secure: 'auto' },
    mentions: ['session.cookie.'],
  },
  findSites() {
    return [];
  },
  findConfigSites(file) {
    // A development profile (`application-dev.properties`) runs over plain HTTP on purpose, and never in production.
    const profile = /application-([\w.-]+)\.\w+$/.exec(file.file)?.[1];
    if (profile !== undefined && environmentOfValue(profile) === 'development') return [];
    const own = file.entries.filter((entry) => entry.key.startsWith(PREFIX));
    if (own.length === 0) return [];
    const find = (name: string) =>
      own.findLast((entry) => relaxed(entry.key.slice(PREFIX.length)) === name) ?? null;
    const httpOnly = find(FLAG_KEYS.httpOnly);
    const secure = find(FLAG_KEYS.secure);
    if (!httpOnly && !secure) return [];
    const name = find('name');
    const notes: string[] = [];
    if (httpOnly && readBoolean(httpOnly.value) === 'false')
      notes.push(
        "On Tomcat the session cookie stays HttpOnly unless the context's `useHttpOnly` is off too; other containers drop it.",
      );
    if (secure && readBoolean(secure.value) === 'false')
      notes.push(
        'On Tomcat `secure=false` still marks the cookie Secure on requests the container sees as HTTPS.',
      );
    const site: CookieSite = {
      ruleId: 'spring-boot-session-cookie',
      file: file.file,
      offset: Math.min(...[httpOnly, secure].map((entry) => entry?.span.start ?? Infinity)),
      cookieNames: [name && name.value !== '' && !name.continued ? name.value : 'JSESSIONID'],
      kind: 'session',
      flags: { httpOnly: classify(httpOnly, file.file), secure: classify(secure, file.file) },
      keys: {
        httpOnly: httpOnly?.key ?? `${PREFIX}http-only`,
        secure: secure?.key ?? `${PREFIX}secure`,
      },
      insertion: null,
      usedAt: [],
      notes,
    };
    return [site];
  },
};

function relaxed(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** Spring's string-to-boolean conversion, which takes these words in any case. */
function readBoolean(value: string): 'true' | 'false' | 'other' {
  const word = value.trim().toLowerCase();
  if (['true', 'on', 'yes', '1'].includes(word)) return 'true';
  if (['false', 'off', 'no', '0'].includes(word)) return 'false';
  return 'other';
}

/** A placeholder (`${COOKIE_SECURE:false}`) is decided where the application runs. */
function classify(entry: PropertyEntry | null, file: string): FlagValue {
  if (!entry) return { kind: 'absent' };
  if (entry.continued) return { kind: 'unknown', reason: `\`${entry.key}\` goes on over several lines` };
  const read = readBoolean(entry.value);
  if (read === 'true') return { kind: 'true', span: entry.valueSpan };
  if (read === 'false') return { kind: 'false', span: entry.valueSpan, file };
  return { kind: 'conditional', span: entry.valueSpan, text: entry.value, devOnly: false };
}
