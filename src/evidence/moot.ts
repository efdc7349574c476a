// Settings under which a cookie does not exist, so setting its flags protects nothing: Django's
// `CSRF_USE_SESSIONS = True` keeps the CSRF token in the session and sets no CSRF cookie.
import type { Source } from './source.js';
import type { MootFact } from './types.js';

export function findMootSettings(source: Source): MootFact[] {
  if (source.kind !== 'python' || !source.text.includes('CSRF_USE_SESSIONS')) return [];
  const facts: MootFact[] = [];
  const setting = /^[ \t]*CSRF_USE_SESSIONS[ \t]*=[ \t]*True\b/gm;
  for (let match = setting.exec(source.text); match; match = setting.exec(source.text)) {
    const at = match.index + match[0].length - match[0].trimStart().length;
    facts.push({
      ...source.fact(
        at,
        '`CSRF_USE_SESSIONS = True` keeps the CSRF token in the session: Django sets no CSRF cookie',
      ),
      cookie: 'django-csrf',
      setting: 'CSRF_USE_SESSIONS',
    });
  }
  return facts;
}
